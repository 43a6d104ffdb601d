/**
 * DRIVER_LICENSE by US state layout (CA, NY, FL, WA, TX, IL, PA and a generic rule) and bare
 * nine-digit US_SSN, both only where a label, key or CSV column says what the number is, and the
 * nearest such label is theirs (so "DL: D1234567, SSN 536221234" gives each number its own type).
 */
import type { Candidate, Detector } from '../detector.js';
import { isCompactTimestamp, ssnValid } from '../validators.js';
import { labelReaches } from './context/labels.js';
import { textBefore } from './context/nearby.js';
import { columnHeaderAt } from './context/table-columns.js';

/** Licence words, whole words: driver's license, driving licence, DL, DLN, lic. no. */
// Not after "/": "mg/dL" is a unit, not a DL label.
const LICENCE_WORD = /(?:^|[^a-z/])(?:driver'?s?'? ?licen[cs]e|driving licen[cs]e|licen[cs]e|dl|dln|dl#|dl no|lic|lic\.|lic#|permis de conduire|führerschein|licencia)(?:[^a-z]|$)/g;
const SSN_WORD = /(?:^|[^a-z])(?:ssn|ss#|ss no|soc sec|social security|social sec|social|taxpayer id|tax[ _-]?id|tin|itin)(?:[^a-z]|$)/g;
/** Labels of other identifiers: when one sits between the licence word and the number, the number is theirs. */
const OTHER_ID_WORD = /(?:ssn|social|passport|phone|tel|account|acct|routing|card|iban|member|policy|order|invoice|zip|npi|mrn|dob|birth|employee id|badge|plate|date|key|expir|serial|version|build|release)/;
const LICENCE_COLUMN = /(?:licen[cs]e|^dl$|^dln$|^dl[ _]?(?:no|num|number|#)$|driver)/;
const SSN_COLUMN = /(?:^ssn$|social|^ss[ _]?(?:no|num|number|#)$|^ssn[ _]?(?:no|num|number)?$|tax[ _]?id)/;

/** The text between the last match of `words` in the window before `start` and `start`, or undefined. */
function afterLastWord(text: string, start: number, window: number, words: RegExp): string | undefined {
  const before = textBefore(text, start, window);
  let last: RegExpExecArray | null = null;
  words.lastIndex = 0;
  for (let m = words.exec(before); m !== null; m = words.exec(before)) {
    last = m;
    if (m[0].length === 0) words.lastIndex++;
    else words.lastIndex = m.index + m[0].length - 1;
  }
  return last ? before.slice(last.index + last[0].length) : undefined;
}

/** How many words may stand between an SSN word and its number in the same sentence (no sentence end, other label or number between). */
const SSN_SENTENCE_WORDS = 8;

/** Scores an identifier by its label: column header first, then the nearest label word. */
function labelled(words: RegExp, column: RegExp, score: number, check?: (value: string) => boolean, maxWords = 4) {
  return ({ value, text, start, end }: Candidate): boolean | number => {
    if (check && !check(value)) return false;
    const header = columnHeaderAt(text, start, end);
    if (header !== undefined && column.test(header)) return score;
    const between = afterLastWord(text, start, 48, words);
    if (between === undefined) return false;
    // Under another column's header only a label in the same row can name the value ("Driver license (TX) | 4386…").
    if (header !== undefined && between.includes('\n')) return false;
    if (OTHER_ID_WORD.test(between) || /\d{3}/.test(between)) return false;
    // The label is on the number's line, or alone on the line above it ("Driver license:\nD1234567").
    if (!labelReaches(between)) return false;
    // A label names the value right after it ("license (NJ) number:"), not one a sentence later.
    const wordCount = between.split(/[\s,;]+/).filter((w) => /[a-z]/.test(w)).length;
    if (wordCount > maxWords || (wordCount > 4 && /[.!?](?:\s|$)/.test(between))) return false;
    return score;
  };
}

/**
 * Licence layouts as states print and people type them (AAMVA state formats); the first are
 * state-specific, the last ones the generic letters-and-digits forms every state falls under.
 */
const LICENCE_LAYOUTS = [
  String.raw`WDL[A-Z0-9]{9}`, // WA since 2018: WDL and nine letters or digits
  String.raw`[A-Z]{2,5}[A-Z*]{0,5}\*{0,3}\d{3}[A-Z0-9]{2}`, // WA legacy: surname letters, initials/*, digits (SMITHJ*123AB)
  String.raw`(?:[A-Z]{1,2}-?|[A-Z] )\d{3,5}(?:[ -]\d{1,5}){1,4}`, // letter and digit groups: NJ A1234 56789 01234, MI A 123 456 789 012, FL S123-456-78-901-0, IL/WI S123-4567-8901(-23), MD A-123-456-789-012
  String.raw`\d{2,4}(?:[ -]\d{2,4}){1,4}`, // digit groups: NY 123 456 789, PA 12 345 678, CO 12-345-6789
  String.raw`\d{2}[A-Z]{3}\d{5}`, // NH 12ABC34567
  String.raw`[A-Z]{1,3}\d{4,14}[A-Z]{0,2}`, // CA A1234567, FL/MN A123456789012, OH AB123456, KS K12345678, generic with a check letter (LH329609T)
  String.raw`\d{6,14}[A-Z]?`, // NY 9 digits, TX/PA 8 digits, NC up to 12, generic
];

/** Enough digits to be a number (WA legacy has three), not a date, not one digit repeated (WDL numbers may be all letters after the prefix). */
function licenceShaped(value: string): boolean {
  const digits = value.replace(/\D/g, '');
  if (value.startsWith('WDL')) return true;
  if (/^(?:(?:19|20)\d{2}[-/ ]\d{1,2}[-/ ]\d{1,2}|\d{1,2}[-/ ]\d{1,2}[-/ ](?:19|20)\d{2})$/.test(value)) return false;
  return digits.length >= 3 && digits.length <= 16 && !/^(\d)\1+$/.test(digits);
}

const licenceLabelled = labelled(LICENCE_WORD, LICENCE_COLUMN, 0.9, licenceShaped);
const licenceRightAfterLabel = labelled(LICENCE_WORD, LICENCE_COLUMN, 0.9, licenceShaped, 2);

export const LICENCE_AND_SSN_DETECTORS: readonly Detector[] = [
  {
    id: 'tier1.driver_license',
    // From the layouts: a digit run of 2-4 goes on with a separator or letters, one of 6-14 may stand alone, and a letter is followed by letters, digits, ' ' or '-'.
    anchor: [
      { runs: ['digits'], notAfter: 'A-Za-z0-9_*-', digitRun: [2, 4], afterDigits: ' A-Z-' },
      { runs: ['digits'], notAfter: 'A-Za-z0-9_*-', digitRun: [6, 14] },
      { runs: ['capitals'], first: 'A-Z', second: 'A-Z0-9 -', notAfter: 'A-Za-z0-9_*-' },
    ],
    type: 'DRIVER_LICENSE',
    description: "Driver's licence numbers in US state layouts (CA, NY, FL, WA, TX, IL, PA, NJ, MI, OH, MA, GA, generic) next to licence words or in a licence column",
    // Not the integer part of an amount or a decimal ("License renewal  9   218213.13 USD").
    pattern: new RegExp(`(?<![\\w*-]|\\d\\.)(?:${LICENCE_LAYOUTS.join('|')})(?![\\w*-]|\\.\\d)`, 'g'),
    keywords: ['licen', 'dl', 'dln', 'lic', 'permis', 'führerschein'],
    keywordsCaseInsensitive: true,
    // A compact date-time (HL7, logs, file names: yyyyMMddHHmm[ss]) is a licence only right after a licence word.
    validator: (candidate) => (isCompactTimestamp(candidate.value) ? licenceRightAfterLabel(candidate) : licenceLabelled(candidate)),
    score: 0.9,
    examples: ["Driver's license: D1234567", 'WA DL WDL7X9Q2M4K1', 'NY license 123 456 789'],
  },
  {
    id: 'tier1.us_ssn_unformatted',
    anchor: { runs: ['digits'], notAfter: 'A-Za-z0-9_-', digitRun: [9, 9] },
    type: 'US_SSN',
    description: 'Nine-digit SSNs without separators next to SSN words (SSN 536221234) or in an SSN column',
    pattern: /(?<![\w-])\d{9}(?![\w-])/g,
    keywords: ['ssn', 'social', 'ss#', 'ss no', 'soc sec', 'tin', 'tax', 'pid|'],
    keywordsCaseInsensitive: true,
    // "SSN on the W-4 was mistyped; corrected to 063371218": an SSN word names a valid nine-digit number later in its sentence.
    validator: labelled(SSN_WORD, SSN_COLUMN, 0.92, (v) => ssnValid(v), SSN_SENTENCE_WORDS),
    score: 0.92,
    examples: ['SSN 536221234'],
  },
];
