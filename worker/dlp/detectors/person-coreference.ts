/**
 * PERSON by coreference within one text: once "Karl Hauser" is found, a later "Hauser was put under
 * arrest" or "Karl said" is the same person. The given names and surnames of the full names found
 * are searched for (one indexOf pass per distinct token, a bounded number of tokens), so the cost is
 * linear in the text. A token that is also a place or an organisation word is never searched for
 * alone, and an occurrence inside a longer run of capitalised words ("Hauser Industries",
 * "Fort Belgrano") is left alone.
 */
import { atSentenceStart } from './context/nearby.js';
import { isBlockedToken, isKnownName, isOrdinaryWord, isPlaceName, isRegionName, isUnlistedNameShape } from './name-lexicon.js';
import { NOT_NAME_WORDS, ORGANISATION_WORDS, PLACE_PREFIXES, TITLE_WORDS } from './name-context-words.js';
import { followedByOrganisationWord } from './person-context.js';
import type { Span } from './person-lists.js';

/** At most this many distinct tokens are searched for in one text (each is one pass over it). */
const MAX_TOKENS = 24;
/** A token needs this many letters to be searched for alone ("Li", "Wu" are too often something else). */
const MIN_TOKEN_LENGTH = 3;

/** Characters that join a token to what is before it: an address, a path, a hyphenated word. */
const NOT_BEFORE: ReadonlySet<string> = new Set(['@', '.', '/', "'", '’', '-']);

/** The score from which a full name of unlisted tokens is trusted (person.ts gives 0.78 to two rare tokens in weak context). */
const CONFIDENT = 0.84;

/** The capitalised name tokens of a found person ("Andrew J. Evans" → Andrew, Evans). */
const nameTokens = (value: string): string[] => value.split(/[ ,]+/).filter((t) => /^\p{Lu}(?:['’]\p{Lu})?\p{Ll}+$/u.test(t));

/** Whether a token may stand for its person alone: no place, organisation, heading or title word. */
function searchable(token: string): boolean {
  if (token.length < MIN_TOKEN_LENGTH || isBlockedToken(token) || NOT_NAME_WORDS.has(token) || TITLE_WORDS.has(token)) return false;
  if (ORGANISATION_WORDS.has(token) || PLACE_PREFIXES.has(token) || isPlaceName(token) || isRegionName(token)) return false;
  // "Junction", "Indigo": an ordinary word that no name list holds came from a name that was no person's.
  return isKnownName(token) || isUnlistedNameShape(token);
}

/** "the Caloi family", "town of Bridgton", "Caloi 10": uses of a token that say it names a thing, a firm or a place in this text. */
const THING_BEFORE = /(?:^|[^\p{L}])(?:the|a|an|of|in|at|near|band|club|company|firm|brand|team|town|village|park|river|album|ship)\s$/iu;
const THING_AFTER = /^(?: \d| (?:family|company|brand|band|group|yard|station|line|river)\b)/;

const isLetterOrDigit = (ch: string | undefined): boolean => ch !== undefined && (ch.toLowerCase() !== ch.toUpperCase() || (ch >= '0' && ch <= '9') || ch === '_');
/** A character of a word: a letter, or the full stop, apostrophe and hyphen inside names ("St.", "O'Neil"). */
const isWordChar = (ch: string): boolean => ch.toLowerCase() !== ch.toUpperCase() || ch === '.' || ch === "'" || ch === '’' || ch === '-';
const isCapital = (ch: string | undefined): boolean => ch !== undefined && ch !== ch.toLowerCase();

/** The capitalised word that ends right before `at` (one space between), if any. */
function wordBefore(text: string, at: number): string | undefined {
  if (text[at - 1] !== ' ') return undefined;
  let i = at - 1;
  while (i > 0 && i > at - 40 && isWordChar(text[i - 1]!)) i--;
  return isCapital(text[i]) ? text.slice(i, at - 1).replace(/\.$/, '') : undefined;
}

/** The capitalised word that starts right after `at` (one space between), if any. */
function wordAfter(text: string, at: number): string | undefined {
  if (text[at] !== ' ' || !isCapital(text[at + 1])) return undefined;
  let i = at + 1;
  while (i < text.length && i < at + 40 && isWordChar(text[i]!) && text[i] !== '.') i++;
  return text.slice(at + 1, i);
}

/**
 * Where the tokens of the persons found occur again on their own (or together, as the full name
 * again), outside the persons found.
 * @example
 * const text = 'Karl Hauser was charged. Hauser was put under arrest.';
 * samePersonMentions(text, [{ start: 0, end: 11, score: 0.9 }]); // [{ start: 25, end: 31 }]  "Hauser"
 */
export function samePersonMentions(text: string, persons: readonly (Span & { readonly score?: number })[]): Span[] {
  const tokens = new Set<string>();
  for (const person of persons) {
    const names = nameTokens(text.slice(person.start, person.end));
    // "Steaua Bucureşti": two tokens no name list holds, found on weak evidence, may be a club or a place;
    // only a listed name or a confident finding (a field, a title, a greeting) leads further.
    if (!names.some(isKnownName) && (person.score ?? 0) < CONFIDENT) continue;
    for (const token of names) {
      if (tokens.size >= MAX_TOKENS) break;
      if (searchable(token)) tokens.add(token);
    }
  }
  // First every use of every token, so a token used once as a thing (and a name next to it) is known before any is kept.
  const mentions = new Map<string, Span[]>();
  const found = [...persons].sort((a, b) => a.start - b.start);
  for (const token of tokens) {
    const uses: Span[] = [];
    let p = 0;
    for (let at = text.indexOf(token); at !== -1; at = text.indexOf(token, at + token.length)) {
      const end = at + token.length;
      // Inside a person already found (its own full name): nothing to add, only "nature park ⟦Kopački Rit⟧" to learn from.
      while (p < found.length && found[p]!.end <= at) p++;
      if (p < found.length && found[p]!.start <= at) {
        const person = found[p]!.start;
        if (!THING_BEFORE.test(text.slice(Math.max(0, person - 9), person))) continue;
        tokens.delete(token);
        break;
      }
      if (isLetterOrDigit(text[at - 1]) || NOT_BEFORE.has(text[at - 1] ?? '') || isLetterOrDigit(text[end]) || text[end] === '@' || text[end] === '-') continue;
      // One use as a thing, a firm or a place ("the Caloi family", "Caloi 10") and the token names no person in this text.
      if (THING_BEFORE.test(text.slice(Math.max(0, at - 9), at)) || THING_AFTER.test(text.slice(end, end + 9)) || followedByOrganisationWord(text, end)) {
        tokens.delete(token);
        break;
      }
      uses.push({ start: at, end });
    }
    if (tokens.has(token)) mentions.set(token, uses);
  }
  const mentionsAlone: Span[] = [];
  for (const [token, uses] of mentions) {
    for (const use of uses) {
      // Next to another capitalised word only as part of the same name ("Dou Jiande" again); a title before is fine.
      const before = wordBefore(text, use.start);
      if (before !== undefined && !tokens.has(before) && !TITLE_WORDS.has(before)) continue;
      const after = wordAfter(text, use.end);
      if (after !== undefined && !tokens.has(after)) continue;
      // "Stone", "Player", "Will": an ordinary word stands for the person only where it is no sentence's first word.
      if (isOrdinaryWord(token) && atSentenceStart(text, use.start)) continue;
      mentionsAlone.push(use);
    }
  }
  return mentionsAlone;
}
