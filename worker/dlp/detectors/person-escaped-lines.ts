/**
 * PERSON right after a line break written as a literal backslash-n, as text copied out of JSON
 * strings and logs carries it ("What a wife.\nEva: Remember me"). The capitalised-word detectors
 * never start there (the "n" before the name is a letter), so this one starts at the escape and
 * hands the name after it to the same single-name and full-name validators.
 */
import type { Detector } from '../detector.js';
import { NAME_TOKEN } from './name-lexicon.js';
import { notStreetProductOrOrganisation } from './person-surroundings.js';
import { fullNameValid, singleNameValid } from './person-validators.js';

const T = NAME_TOKEN;
const AFTER = String.raw`(?![\p{L}\p{N}_@-])`;

export const ESCAPED_LINE_PERSON_DETECTORS: readonly Detector[] = [
  {
    id: 'tier1.person.after_escaped_newline',
    anchor: { literals: ['\\n'] },
    type: 'PERSON',
    description: 'A full name opening a line whose break is written as a literal backslash-n (JSON-escaped text and logs)',
    // Only the escape is consumed; the name is captured in a lookahead.
    pattern: new RegExp(String.raw`\\n[ \t]*(?=(${T} ${T})${AFTER})`, 'dgu'),
    group: 1,
    validator: notStreetProductOrOrganisation(fullNameValid),
    score: 0.84,
    examples: ['Regards,\\nAna Lima'],
  },
  {
    id: 'tier1.person.single_after_escaped_newline',
    anchor: { literals: ['\\n'] },
    type: 'PERSON',
    description: 'A single name opening a line whose break is written as a literal backslash-n ("What a wife.\\nEva: Remember me")',
    pattern: new RegExp(String.raw`\\n[ \t]*(?=(${T})${AFTER})`, 'dgu'),
    group: 1,
    validator: notStreetProductOrOrganisation(singleNameValid),
    score: 0.8,
    examples: ['Sofia: What a wife.\\nEva: Remember me'],
  },
];
