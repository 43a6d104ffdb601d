/**
 * PERSON as the speaker of a lowercase chat or SMS transcript line: "élodie: omg you got a new
 * number", "tariq: no lol". A line that opens with a word and a colon is also a log level, a YAML
 * key or a header ("error:", "host:", "note:"), so the word must be a listed given name that is no
 * ordinary English word, no place and no heading word; a second word must be a listed name too.
 */
import type { Candidate, Detector } from '../detector.js';
import { isBlockedToken, isFirstName, isKnownName, isOrdinaryWord, isPlaceName } from './name-lexicon.js';
import { LOWERCASE_WORD_NAMES } from './name-context-words.js';

const LOWER_WORD = String.raw`\p{Ll}{2,12}(?:['’-]\p{Ll}{2,12})?`;

const titleCase = (token: string): string => token.charAt(0).toUpperCase() + token.slice(1);

/** A lowercase word that is a name and nothing else: listed, no ordinary word, place or heading word. */
function onlyAName(token: string): boolean {
  if (LOWERCASE_WORD_NAMES.has(token)) return false;
  const name = titleCase(token);
  return isKnownName(name) && !isOrdinaryWord(name) && !isBlockedToken(name) && !isPlaceName(name);
}

/**
 * A lowercase speaker at a line start: a given name, optionally followed by a second name.
 * @example
 * lineSpeakerValid({ value: 'tariq', text: 'hi\ntariq: no lol', start: 3, end: 8 }); // 0.8
 */
export function lineSpeakerValid({ value }: Candidate): boolean | number {
  const [first, second] = value.split(' ') as [string, string | undefined];
  if (!onlyAName(first) || !isFirstName(titleCase(first))) return false;
  return second === undefined || onlyAName(second) ? 0.8 : false;
}

export const CHAT_PERSON_DETECTORS: readonly Detector[] = [
  {
    id: 'tier1.person.line_speaker',
    // The colon after the speaker; the match starts at the newline at most 28 characters before it.
    anchor: { literals: [': '], window: [-28, -1], first: '\\n' },
    type: 'PERSON',
    description: 'A lowercase given name opening a chat or SMS line as its speaker ("élodie: omg", "tariq: no lol")',
    pattern: new RegExp(String.raw`\n(${LOWER_WORD}(?: ${LOWER_WORD})?): `, 'dgu'),
    group: 1,
    validator: lineSpeakerValid,
    score: 0.8,
    examples: ['me: hey\nélodie: omg'],
  },
  {
    id: 'tier1.person.first_line_speaker',
    type: 'PERSON',
    description: 'A lowercase given name opening the first line of a chat or SMS transcript as its speaker ("tariq: yo got a new number")',
    // Sticky and anchored at the text's start: one attempt per text, so no anchor is needed.
    pattern: new RegExp(String.raw`^(${LOWER_WORD}(?: ${LOWER_WORD})?): `, 'dyu'),
    group: 1,
    validator: lineSpeakerValid,
    score: 0.8,
    examples: ['tariq: yo got a new number'],
  },
];
