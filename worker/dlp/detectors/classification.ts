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
  if (!atLineStart(text, start)) return false;
  if (!/^[ \t]+[A-Z"]/.test(text.slice(end, end + 3))) return false;
  if (/^\(U\/\/$/.test(value)) return false;
  if (STRONG_PORTION.test(value)) return true;
  return wholeTextHasMarkings(text);
}

/** Whether `start` begins a line, up to some indentation; reads at most 32 characters back (linear over many matches). */
function atLineStart(text: string, start: number, allowed: RegExp = /^[ \t]*$/): boolean {
  const from = Math.max(0, start - 32);
  const before = text.slice(from, start);
  const lineBreak = before.lastIndexOf('\n');
  if (lineBreak < 0 && from > 0) return false;
  return allowed.test(before.slice(lineBreak + 1));
}

/** Document-wide evidence of markings, computed once per text (the validator runs per candidate). */
let markingsText: string | undefined;
let markingsVerdict = false;
function wholeTextHasMarkings(text: string): boolean {
  if (text !== markingsText) {
    markingsText = text;
    const marks = text.match(PORTION_AT_LINE_START)?.length ?? 0;
    markingsVerdict = marks >= 2 || /(?:TOP SECRET|SECRET|CONFIDENTIAL)(?:\/\/|[ \t]*(?:\n|$))/.test(text);
  }
  return markingsVerdict;
}

/** A marking line: the whole line is the marking (optionally after "Classification:"). */
function bannerLineValid({ text, start, end }: Candidate): boolean {
  // Bounded reads on both sides keep a long line of repeated words linear.
  const after = text.slice(end, end + 64);
  const lineBreak = after.indexOf('\n');
  if (lineBreak < 0 && end + 64 < text.length) return false;
  return (lineBreak < 0 ? after : after.slice(0, lineBreak)).trim() === '' && atLineStart(text, start, /^\s*(?:classification:?\s*)?$/i);
}

export const CLASSIFICATION_DETECTORS: readonly Detector[] = [
  {
    id: 'tier2.classification.controls',
    anchor: { literals: ['//'], window: [-12, -1], first: 'A-Z', notAfter: 'A-Za-z0-9_' },
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
    anchor: { literals: ['top secret'], notAfter: 'A-Za-z0-9_' },
    type: 'CLASSIFICATION_MARKING',
    description: 'TOP SECRET in capitals anywhere (the lowercase adjective is not a marking)',
    pattern: /\bTOP SECRET\b(?!\/\/)/g,
    keywords: ['TOP SECRET'],
    score: 0.9,
  },
  {
    id: 'tier2.classification.banner',
    anchor: { literals: ['secret', 'confidential', 'cui', 'restricted'], notAfter: 'A-Za-z0-9_' },
    type: 'CLASSIFICATION_MARKING',
    description: 'Banner lines: a line that is only SECRET, CONFIDENTIAL, CUI or RESTRICTED (optionally after "Classification:")',
    pattern: /\b(?:SECRET|CONFIDENTIAL|CUI|RESTRICTED)\b(?!\/\/)/g,
    validator: bannerLineValid,
    score: 0.85,
  },
  {
    id: 'tier2.classification.portion',
    anchor: { literals: ['(ts', '(s', '(c', '(u'] },
    type: 'CLASSIFICATION_MARKING',
    description: 'Portion marks opening a paragraph: (TS), (TS//SI), (S//NF), (U//FOUO), (CUI); (S)/(C) only with other markings',
    pattern: /\((?:TS|S|C|U|CUI)(?:\/\/[A-Z][A-Z0-9 ,-]*)*\)/g,
    keywords: ['('],
    validator: portionMarkValid,
    score: 0.9,
    examples: ['(TS//SI) The source reported…'],
  },
];
