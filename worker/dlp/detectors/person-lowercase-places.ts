/**
 * PERSON in lowercase where the structure of the line says "a name goes here": a chat speaker after
 * a time stamp ("[09:10] shirin karimi: ok"), the value of a mail header or an author line ("Cc:
 * mariam abu bakr", "author bjørn mikkelsen <b@x.io>"), a greeting that ends its line ("Hello
 * hayoon jung,"), an introduction ("hi this is ikechukwu obi about my order").
 * The lists of person-uncased.ts only know part of the world's names, so here the place vouches and
 * the word lists only veto: every word must be shaped like a name (no ordinary English word, chat
 * word, place, heading or organisation word, no inflected word), and the name must end where the
 * place says it ends (a colon, a comma, the line's end, an address in angle brackets).
 */
import type { Candidate, Detector } from '../detector.js';
import { isBlockedToken, isKnownName, isOrdinaryWord, isPlaceName, isUnlistedNameShape } from './name-lexicon.js';
import { CHAT_WORDS, LOWERCASE_WORD_NAMES } from './name-context-words.js';

const LOWER_WORD = String.raw`\p{Ll}{2,}(?:['’-]\p{Ll}{2,})?`;
/** Lowercase particles inside names: "femke van dijk", "mariam abu bakr", "khalid al harbi". */
const PARTICLE = String.raw`(?:van|von|der|den|de|del|della|di|da|dos|das|du|le|la|ter|ten|bin|binti|ibn|abu|al|el|y)`;
/** One to three name words, particles between them. */
const LOWER_NAME = String.raw`${LOWER_WORD}(?: (?:${PARTICLE} ){0,2}${LOWER_WORD}){0,2}`;
const PARTICLES: ReadonlySet<string> = new Set(PARTICLE.slice(3, -1).split('|'));

/** Chat participants that are programs, not people: "[12:00] jenkins: build failed". */
const BOT_NAMES: ReadonlySet<string> = new Set('jenkins dependabot renovate github gitlab slackbot bot system admin root deploy sentry pagerduty jira opsgenie circleci travis bamboo zapier grafana prometheus alertmanager cron server client user guest moderator noreply donotreply support info notifications mailer daemon postmaster'.split(' '));

const titleCase = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** "songwriters", "trending", "booked": an ordinary word with an ending the word list does not hold. */
function inflectedWord(word: string): boolean {
  const ending = /(?:ies|es|s|ed|ing|ers|er|ly)$/.exec(word);
  if (!ending) return false;
  const stem = word.slice(0, ending.index);
  return [stem, `${stem}e`, `${stem}y`].some((w) => w.length > 2 && isOrdinaryWord(titleCase(w)));
}

/** A lowercase word that may be a name: listed or name-shaped, never an ordinary, chat, place or heading word. */
function nameWord(word: string): boolean {
  if (CHAT_WORDS.has(word) || LOWERCASE_WORD_NAMES.has(word) || BOT_NAMES.has(word)) return false;
  return word.split(/['’-]/).every((part) => {
    if (part.length < 2) return true;
    const name = titleCase(part);
    if (isOrdinaryWord(name) || isBlockedToken(name) || isPlaceName(name)) return false;
    return isKnownName(name) || (part.length >= 3 && isUnlistedNameShape(name) && !inflectedWord(part));
  });
}

/**
 * Every word of a lowercase value fits a name; a single word must be a listed name or four letters long.
 * @example
 * lowercaseNameInPlaceValid({ value: 'shirin karimi', text: '[09:10] shirin karimi: ok', start: 8, end: 21 }); // 0.84
 */
export function lowercaseNameInPlaceValid({ value }: Candidate): boolean | number {
  const words = value.split(' ').filter((w) => !PARTICLES.has(w));
  if (words.length === 0 || !words.every(nameWord)) return false;
  if (words.length === 1 && words[0]!.length < 4 && !isKnownName(titleCase(words[0]!))) return false;
  return 0.84;
}

/** Cues that end right before a name: header fields, author lines, greetings in several languages, introductions. */
const ADDRESS_CUES = ['cc:', 'bcc:', 'to:', 'from:', 'author', 'author:', 'authored by', 'hello', 'hallo', 'hi', 'hey', 'dear', 'good morning', 'good afternoon', 'good evening', 'morning', 'hola', 'bonjour', 'ciao', 'olá', 'ola', 'hej', 'estimado', 'estimada', 'querido', 'querida', 'liebe', 'lieber', 'cher', 'chère', 'beste', 'this is', 'my name is', 'i am', "i'm"];
const CUE = ADDRESS_CUES.slice().sort((a, b) => b.length - a.length).map((c) => `[${c[0]!.toUpperCase()}${c[0]}]${c.slice(1)}`).join('|');
/** Where the name must end: a comma, colon or "!", an address in angle brackets, the line's end, or "about"/"here"/"from" after an introduction. */
const NAME_END = String.raw`(?=[ \t]*(?:[,:!\r\n]|<[^\s<>@]{1,32}@|$)| (?:about|here|from|calling|again)\b)`;

export const LOWERCASE_PLACE_PERSON_DETECTORS: readonly Detector[] = [
  {
    id: 'tier1.person.lowercase_chat_speaker',
    anchor: { literals: ['] '], window: [2, 2] },
    type: 'PERSON',
    description: 'A lowercase name of one to three words as a chat speaker after a time stamp ("[09:10] shirin karimi: ok")',
    pattern: new RegExp(String.raw`(?<=(?:^|\n)[ \t>]*\[\d{1,2}:\d{2}(?::\d{2})?\] )(${LOWER_NAME}):`, 'dgu'),
    group: 1,
    validator: lowercaseNameInPlaceValid,
    score: 0.84,
    examples: ['[09:10] shirin karimi: ok'],
  },
  {
    id: 'tier1.person.lowercase_addressed',
    anchor: { literals: ADDRESS_CUES, notAfter: 'A-Za-z0-9_' },
    type: 'PERSON',
    description: 'A lowercase name after a mail header, an author line, a greeting or an introduction, ending where such a name ends ("Cc: mariam abu bakr", "Hello hayoon jung,")',
    // Only the cue is consumed (the name is captured in a lookahead), so a cue inside a rejected reading ("hi ⟦this is⟧ vasiliki") is still tried.
    pattern: new RegExp(String.raw`(?<![\p{L}\p{N}_])(?:${CUE})(?=[ ,]{1,2}(${LOWER_NAME})${NAME_END})`, 'dgu'),
    group: 1,
    validator: lowercaseNameInPlaceValid,
    score: 0.84,
    examples: ['Cc: mariam abu bakr', 'Hello hayoon jung,'],
  },
];
