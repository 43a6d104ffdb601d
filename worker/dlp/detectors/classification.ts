/**
 * Security classification markings (US CAPCO style): banner lines, markings with dissemination
 * controls (SECRET//NOFORN), and portion marks ((TS//SI), (S), (U//FOUO)).
 *
 * The false positives to avoid: "(s)" plurals, "(C) 2024" copyright lines, "(A) (B) (C)" lists,
 * "top secret" as an adjective, "confidential" in an email footer, plain UNCLASSIFIED and (U)
 * (marked, but not sensitive: blocking them would block unclassified work).
 */
import type { Candidate, Detector } from '../detector.js';

/** Portion marks that are markings beyond doubt: with controls, or TS/CUI. */
const STRONG_PORTION = /^\((?:TS|CUI|[SCU]\/\/)/;
/** Any portion mark at the start of a line or paragraph, followed by text. */
const PORTION_AT_LINE_START = /(?:^|\n)[ \t]*\((?:TS|S|C|U|CUI)(?:\/\/[A-Z][A-Z0-9 ,-]*)*\)[ \t]+[A-Z"]/g;

/**
 * A portion mark counts when it opens a line and text follows it. Single-letter marks (S) and (C)
 * also need a second portion mark or a banner in the same text, which lists and copyright lines lack.
 */
function portionMarkValid({ value, text, start, end }: Candidate): boolean {
  if (value === '(U)') return false;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (text.slice(lineStart, start).trim() !== '') return false;
  if (!/^[ \t]+[A-Z"]/.test(text.slice(end, end + 3))) return false;
  if (/^\(U\/\/$/.test(value)) return false;
  if (STRONG_PORTION.test(value)) return true;
  const marks = text.match(PORTION_AT_LINE_START)?.length ?? 0;
  return marks >= 2 || /(?:TOP SECRET|SECRET|CONFIDENTIAL)(?:\/\/|[ \t]*(?:\n|$))/.test(text);
}

/** A marking line: the whole line is the marking (optionally after "Classification:"). */
function bannerLineValid({ text, start, end }: Candidate): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  const before = text.slice(lineStart, start).trim();
  return text.slice(end, lineEnd).trim() === '' && (before === '' || /^classification:?$/i.test(before));
}

export const CLASSIFICATION_DETECTORS: readonly Detector[] = [
  {
    id: 'tier2.classification.controls',
    type: 'CLASSIFICATION_MARKING',
    description: 'Classification with dissemination controls: SECRET//NOFORN, TOP SECRET//SI//TK, UNCLASSIFIED//FOUO, CUI//SP-PRVCY',
    pattern: /\b(?:TOP SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED|CUI|TS|S|C|U)(?:\/\/[A-Z][A-Z0-9-]*(?:[ ,/][A-Z][A-Z0-9-]*)*){1,6}/g,
    keywords: ['//'],
    validator: ({ value, text, start }) => text[start - 1] !== '(' && !/^U\/\/$/.test(value) && !/:$/.test(text.slice(start - 1, start)),
    score: 0.95,
    examples: ['SECRET//NOFORN', 'UNCLASSIFIED//FOUO'],
  },
  {
    id: 'tier2.classification.top_secret',
    type: 'CLASSIFICATION_MARKING',
    description: 'TOP SECRET in capitals anywhere (the lowercase adjective is not a marking)',
    pattern: /\bTOP SECRET\b(?!\/\/)/g,
    keywords: ['TOP SECRET'],
    score: 0.9,
  },
  {
    id: 'tier2.classification.banner',
    type: 'CLASSIFICATION_MARKING',
    description: 'Banner lines: a line that is only SECRET, CONFIDENTIAL, CUI or RESTRICTED (optionally after "Classification:")',
    pattern: /\b(?:SECRET|CONFIDENTIAL|CUI|RESTRICTED)\b(?!\/\/)/g,
    validator: bannerLineValid,
    score: 0.85,
  },
  {
    id: 'tier2.classification.portion',
    type: 'CLASSIFICATION_MARKING',
    description: 'Portion marks opening a paragraph: (TS), (TS//SI), (S//NF), (U//FOUO), (CUI); (S)/(C) only with other markings',
    pattern: /\((?:TS|S|C|U|CUI)(?:\/\/[A-Z][A-Z0-9 ,-]*)*\)/g,
    keywords: ['('],
    validator: portionMarkValid,
    score: 0.9,
    examples: ['(TS//SI) The source reported…'],
  },
];
