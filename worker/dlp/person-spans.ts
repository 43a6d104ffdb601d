/**
 * Completes PERSON spans that stop short of the name they are in, so no part of it stays visible
 * after redaction: a lowercase particle before the surname ("⟦von⟧ Hartmann", "Sra. ⟦da⟧ Silva"),
 * a generational suffix's period ("Tice Jr⟦.⟧"), a given name and initial before an initial or a
 * particle surname ("⟦Yael⟧ B. Ben-David", "⟦Martina T.⟧ De Luca", "⟦C.⟧ H. Douglas"), the surname
 * after a capitalised particle ("Mila Van ⟦Dijk⟧"), and a lowercase surname after a lowercase given
 * name ("courtney ⟦ashby⟧"). Each look is bounded to a few dozen characters around the span.
 */
import { NOT_NAME_WORDS, TITLE_WORDS } from './detectors/name-context-words.js';
import { isBlockedToken, isKnownName, isOrdinaryWord, isPlaceName, isSurname } from './detectors/name-lexicon.js';
import type { Match } from './run.js';

/** Lowercase particles of surnames (Dutch, German, Romance, Arabic, Malay, Irish). */
const PARTICLES = 'van|von|der|den|de|del|della|di|da|dos|das|bin|binti|bint|ibn|al|el|ter|ten|ní|nic';
/** One or more particles right before the span, after a word boundary ("van den ⟦Berg⟧"). */
const PARTICLES_BEFORE = new RegExp(String.raw`(?:^|[^\p{L}\p{N}])((?:(?:${PARTICLES}) +){1,3})$`, 'u');
/** A capitalised particle that ends the span, so the surname after it belongs to the name ("Mila Van ⟦Dijk⟧"). */
const CAPITAL_PARTICLE_END = / (?:Van|Von|De|Da|Del|Della|Di|Du|Dos|Le|La|San|Santa|Ter|Ten|Mac|Ní|Bin|Al|El)$/u;
const NEXT_CAPITAL_TOKEN = /^ (\p{Lu}[\p{L}'’-]+)(?![\p{L}])/u;
/** A generational suffix without its period: "Jr", "Sr". */
const SUFFIX_END = /(?:^|[ \t,])(?:Jr|Sr|Snr|Jnr)$/;
/** "Yael B. ⟦Ben-David⟧", "⟦B. Ben-David⟧" or "⟦H. Douglas⟧" after "C. ": a given name or initial, then an initial, before the span. */
const NAME_INITIAL_BEFORE = /(?:^|[^\p{L}.])((?:\p{Lu}[\p{Ll}'’-]+ +)?(?:\p{Lu}\. *){0,2})$/u;
/** The capitalised word right before the span, after a space, a line start or punctuation. */
const PREVIOUS_NAME_WORD = /(?:^|[\s,;:(])(\p{Lu}\p{Ll}+) $/u;
/** A capitalised word after the span ("Phillip Joseph ⟦Garrigan⟧"), or a generational suffix ("Profitt ⟦II⟧"). */
const NEXT_NAME_WORD = /^ (\p{Lu}\p{Ll}+|II|III|IV|Jr\.|Sr\.)(?![\p{L}\p{N}'’.-])/u;

/** A lowercase token after a lowercase span ("courtney ⟦ashby⟧"). */
const NEXT_LOWER_TOKEN = /^ (\p{Ll}[\p{Ll}'’-]+)(?![\p{L}])/u;

const capitalised = (token: string): string => token.charAt(0).toUpperCase() + token.slice(1);
const isNameWord = (token: string): boolean => isKnownName(token) && !isOrdinaryWord(token) && !isBlockedToken(token) && !NOT_NAME_WORDS.has(token) && !TITLE_WORDS.has(token) && !isPlaceName(token);

/** The start after reaching back over particles, a given name and initials before the span. */
function extendedStart(text: string, start: number, end: number): number {
  // Cheap exit: every extension needs a space before the span, after a lowercase letter or a period.
  if (start < 2 || text[start - 1] !== ' ') return start;
  const previous = text[start - 2]!;
  if (previous !== '.' && previous === previous.toUpperCase()) return start;
  const before = text.slice(Math.max(0, start - 40), start);
  const particles = PARTICLES_BEFORE.exec(before);
  // A particle before a capitalised surname ("van ⟦Dijk⟧"), never a lowercase span's neighbour ("de ⟦niro⟧" is read as the name already).
  if (particles && /^\p{Lu}/u.test(text[start]!)) return start - particles[1]!.length;
  const value = text.slice(start, end);
  // "Chad ⟦Edward Gaudin⟧", "Phạm ⟦Thu Hà⟧": a known name right before a capitalised span is part of it.
  const word = PREVIOUS_NAME_WORD.exec(before);
  if (word && /^\p{Lu}\p{Ll}/u.test(value) && isNameWord(word[1]!)) return start - word[1]!.length - 1;
  // An initial or a particle surname starts the span ("⟦B. Ben-David⟧", "⟦De Luca⟧"): the given name and initials before it are the same name.
  if (!/^(?:\p{Lu}\.|(?:De|Da|Del|Di|Van|Von|Le|La|Ní|Dela|Mac) )/u.test(value)) return start;
  const head = NAME_INITIAL_BEFORE.exec(before);
  if (!head || head[1]!.length === 0) return start;
  const given = /^\p{Lu}[\p{Ll}'’-]+/u.exec(head[1]!);
  if (given && !isNameWord(given[0])) {
    // "Dr. ⟦B. Ben-David⟧": only the initials are the name's.
    const initials = /(?:\p{Lu}\. *)+$/u.exec(head[1]!);
    return initials ? start - initials[0].length : start;
  }
  return start - head[1]!.length;
}

/** The end after reaching over a suffix's period, the surname after a capital particle, or a lowercase surname. */
function extendedEnd(text: string, start: number, end: number): number {
  const after = text[end];
  if (after !== '.' && after !== ' ') return end;
  const value = text.slice(start, end);
  if (after === '.') return SUFFIX_END.test(value) ? end + 1 : end;
  if (CAPITAL_PARTICLE_END.test(value)) {
    const next = NEXT_CAPITAL_TOKEN.exec(text.slice(end, end + 32));
    if (next && !NOT_NAME_WORDS.has(next[1]!)) return end + next[0].length;
  }
  if (/^\p{Lu}/u.test(value)) {
    const next = NEXT_NAME_WORD.exec(text.slice(end, end + 24));
    if (next && (/^(?:II|III|IV|Jr\.|Sr\.)$/.test(next[1]!) || (isNameWord(next[1]!) && isSurname(next[1]!)))) return end + next[0].length;
  }
  if (/^\p{Ll}+$/u.test(value)) {
    const next = NEXT_LOWER_TOKEN.exec(text.slice(end, end + 32));
    if (next && isSurname(capitalised(next[1]!)) && isNameWord(capitalised(next[1]!))) return end + next[0].length;
  }
  return end;
}

/**
 * The matches, with each PERSON span widened to the whole name it stands in (rules above); other
 * types are returned as they are. Overlaps this creates are for resolveOverlaps to settle.
 * @example
 * completePersonSpans('Patient: van den Berg, Sanne', [{ type: 'PERSON', start: 17, end: 28, … }]); // start 9
 */
export function completePersonSpans(text: string, matches: Match[]): Match[] {
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i]!;
    if (m.type !== 'PERSON') continue;
    const start = extendedStart(text, m.start, m.end);
    const end = extendedEnd(text, start, m.end);
    if (start !== m.start || end !== m.end) matches[i] = { ...m, start, end };
  }
  joinNeighbours(text, matches);
  return matches;
}

/**
 * Two PERSON spans one space apart are one name ("⟦Trần, Đức⟧ ⟦Huy⟧"): the first is widened to
 * reach the second, and resolveOverlaps merges them. A comma or a tab between them (a list, a CSV
 * row) keeps them apart.
 */
function joinNeighbours(text: string, matches: Match[]): void {
  let count = 0;
  for (const m of matches) if (m.type === 'PERSON') count++;
  if (count < 2) return;
  const persons = matches.map((m, i) => [m, i] as const).filter(([m]) => m.type === 'PERSON').sort(([a], [b]) => a.start - b.start);
  for (let k = persons.length - 2; k >= 0; k--) {
    const [m, i] = persons[k]!;
    const next = matches[persons[k + 1]![1]]!;
    if (next.start === m.end + 1 && text[m.end] === ' ' && next.tier === m.tier && next.end > m.end) matches[i] = { ...m, end: next.end };
  }
}
