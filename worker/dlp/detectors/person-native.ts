/**
 * PERSON in a name's own script inside otherwise Latin text: Han, Hangul, Kana, Arabic, Hebrew,
 * Devanagari and Thai (no capitals), Cyrillic and Greek (capitalised, but outside the name lists).
 * The name lists cannot vouch for such a run, so the place it stands in must: a title, a name field
 * or column, a greeting, a sign-off, a chat speaker or action owner, reported speech, a To/From/cc
 * or attendees line, or an honorific of the script's own language after it (王先生, 佐藤さん, 민준 씨).
 * Runs are as long as names in each script are, so a sentence in that script never matches whole.
 */
import type { Candidate, Detector } from '../detector.js';
import { personContext } from './person-context.js';
import { nativeLineCue, NATIVE_NOT_A_NAME, NATIVE_SUFFIX_AFTER } from './person-native-cues.js';
import { listedNativeName } from './person-native-lists.js';

/**
 * A capitalised Cyrillic or Greek word: "Сергей", "ΜΑΡΊΑ". The normaliser folds the letters that look
 * Latin (А, Е, О, Μ, Ν, ρ…) to Latin ones, so a word mixes both scripts; the lookahead (bounded, so
 * linear) asks for at least one letter of the script itself, which keeps plain Latin words out.
 */
const CASED_WORD = (script: string): string => String.raw`(?=[\p{Script=Latin}\p{M}]{0,15}\p{Script=${script}})\p{Lu}[\p{Script=${script}}\p{Script=Latin}\p{M}]{1,15}`;
const SPACED = (word: string, words: number): string => `${word}(?: ${word}){0,${words - 1}}`;

/** After a run: no further letter, mark, digit or joiner of any script. */
const END = String.raw`(?![\p{L}\p{M}\p{N}_])`;

const NATIVE_NAME = [
  // Han: a surname alone (in a family-name column) up to surname and two-character given name; an honorific after is left out.
  String.raw`\p{Script=Han}{1,3}(?=先生|女士|小姐|様|さん|さま|君|氏)`,
  String.raw`\p{Script=Han}{1,4}${END}`,
  String.raw`\p{Script=Hangul}{1,3}(?= ?(?:씨|님))`,
  String.raw`\p{Script=Hangul}{1,4}(?: \p{Script=Hangul}{1,3})?${END}`,
  String.raw`[\p{Script=Katakana}\p{Script=Hiragana}ー・]{2,10}${END}`,
  SPACED(String.raw`[\p{Script=Arabic}\p{M}]{2,12}`, 4) + END,
  SPACED(String.raw`[\p{Script=Hebrew}\p{M}]{2,12}`, 3) + END,
  SPACED(String.raw`[\p{Script=Devanagari}\p{M}]{2,12}`, 3) + END,
  SPACED(String.raw`[\p{Script=Thai}\p{M}]{2,16}`, 2) + END,
].join('|');

const CASED_NAME = [SPACED(CASED_WORD('Cyrillic'), 3) + END, SPACED(CASED_WORD('Greek'), 3) + END].join('|');

/** The code point blocks of the uncased scripts above (Hebrew, Arabic, Devanagari, Thai, Hangul, Kana, Han). */
const UNCASED_SCRIPT_FIRST = String.raw`[\u0590-\u06ff\u0750-\u077f\u08a0-\u08ff\u0900-\u097f\u0e00-\u0e7f\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\ufb1d-\ufdff\ufe70-\ufeff\uff66-\uff9f\u{20000}-\u{2fa1f}]`;

/** A single Han character or Hangul syllable is a surname only in a name field or column. */
const SINGLE_CHARACTER = /^[\p{Script=Han}\p{Script=Hangul}]$/u;

const SUBJECT_AFTER = /^ (?:will|would|can|could|should|has|had|is|was) /;

/**
 * A run of a non-Latin script in a place where a name stands.
 * @example
 * nativeNameValid({ value: '정민준', text: 'To: 정민준 <a@b.io>', start: 4, end: 7 }); // 0.84
 */
export function nativeNameValid({ value, text, start, end }: Candidate): boolean | number {
  if (NATIVE_NOT_A_NAME.has(value) || /^(.)\1+$/u.test(value)) return false;
  const single = SINGLE_CHARACTER.test(value);
  // A native honorific after the run settles it without the costlier context checks ("王先生", "민준 씨").
  if (NATIVE_SUFFIX_AFTER.test(text.slice(end, end + 6))) return single ? 0.8 : 0.84;
  const context = personContext(text, start, end);
  // A single Han character or Hangul syllable: a surname in a name field or column, or before an honorific (above).
  if (single) return context === 'strong' ? 0.8 : false;
  if (context === 'strong' || context === 'weak') return 0.84;
  // In Latin text a run of another script followed by a modal or auxiliary is the subject: "健一 will rotate it".
  if (SUBJECT_AFTER.test(text.slice(end, end + 8))) return 0.82;
  if (nativeLineCue(text, start, end)) return 0.82;
  // A Cyrillic or Greek given name and surname that the name lists hold need no place.
  return CASED_SCRIPT.test(value) && listedNativeName(value) ? 0.8 : false;
}

const CASED_SCRIPT = /[\p{Script=Cyrillic}\p{Script=Greek}]/u;

export const NATIVE_PERSON_DETECTORS: readonly Detector[] = [
  {
    id: 'tier1.person.native_script',
    type: 'PERSON',
    description: 'Names written in their own script (Han, Hangul, Kana, Arabic, Hebrew, Devanagari, Thai) in a name position: titles, fields, columns, greetings, sign-offs, speakers, reported speech, To/cc and attendee lines, native honorifics',
    // The lookahead first: one range test rejects every Latin position before the costlier lookbehind and script classes run.
    pattern: new RegExp(String.raw`(?=${UNCASED_SCRIPT_FIRST})(?<![\p{L}\p{M}\p{N}_])(?:${NATIVE_NAME})`, 'gu'),
    validator: nativeNameValid,
    score: 0.84,
    examples: ['To: 정민준 <jung@example.com>', 'Hi Mr. יוסף לוי,', '王先生'],
  },
  {
    id: 'tier1.person.native_cased',
    anchor: { runs: ['capitals'], notAfter: 'A-Za-z0-9_' },
    type: 'PERSON',
    description: 'Names in Cyrillic or Greek script in a name position ("Manager: АННА ИВАНОВА", "- Νίκος walked through")',
    pattern: new RegExp(String.raw`(?<![\p{L}\p{M}\p{N}_])(?:${CASED_NAME})`, 'gu'),
    validator: nativeNameValid,
    score: 0.84,
    examples: ['Manager: Анна Иванова', 'Co-signer: Μαρία Παπαδόπουλος'],
  },
];
