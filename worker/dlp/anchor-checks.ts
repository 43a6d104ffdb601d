/**
 * The character checks an anchor makes at a position before its pattern is tried there (run.ts):
 * the character before and the first ones, the length of a starting digit run and the character
 * after it, and digit chains. Each reads a bounded number of characters, so trying every position
 * stays linear.
 */
import type { CompiledAnchor } from './anchor.js';

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * Whether the digit groups from `p`, joined by at most chainGap separator characters each, hold at
 * least chainMin digits. Reads at most chainMin × (chainGap + 1) characters: constant per position.
 */
function chainReaches(anchor: CompiledAnchor, text: string, p: number): boolean {
  const separators = anchor.chainSeparators!;
  const { chainMin, chainGap } = anchor;
  const n = text.length;
  let digits = 0;
  let i = p;
  while (i < n) {
    if (isDigit(text.charCodeAt(i))) {
      if (++digits >= chainMin) return true;
      i++;
      continue;
    }
    const gapStart = i;
    while (i < n && i - gapStart < chainGap) {
      const c = text.charCodeAt(i);
      if (c >= 128 || separators[c] === 0) break;
      i++;
    }
    if (i === gapStart || i >= n || !isDigit(text.charCodeAt(i))) return false;
  }
  return false;
}

/**
 * The checks past the first character and the one before it: rarer, kept out of the hot loop.
 * @example
 * restAllows(ibanAnchor, 'DE89 3704', 0); // true: 'E' may be second and '8' third
 */
export function restAllows(anchor: CompiledAnchor, text: string, p: number): boolean {
  if (anchor.second !== null) {
    if (p + 1 >= text.length) return false;
    const c = text.charCodeAt(p + 1);
    if (c < 128 && anchor.second[c] === 0) return false;
  }
  return laterChecksAllow(anchor, text, p);
}

/** The checks past the second character: the third and the digit chain. */
function laterChecksAllow(anchor: CompiledAnchor, text: string, p: number): boolean {
  if (anchor.third !== null && !thirdAllows(anchor.third, text, p)) return false;
  if (anchor.chainMin > 0 && !chainReaches(anchor, text, p)) return false;
  return true;
}

/**
 * The check the sieve (run-sieve.ts) leaves to the anchor: the third character.
 * @example
 * thirdAllows(asciiTable('0-9')!, 'DE89', 0); // true
 */
export function thirdAllows(third: Uint8Array, text: string, p: number): boolean {
  if (p + 2 >= text.length) return false;
  const c = text.charCodeAt(p + 2);
  return c >= 128 || third[c] === 1;
}

/**
 * Whether a digits anchor lets a match start at the digit run [p, runEnd): the run's length and
 * the character after it come from the candidate pass, so most runs are refused without a read.
 * @example
 * digitRunAllows(ssnAnchor, 'SSN 536-22-8712', 4, 7); // true: three digits, then '-'
 */
export function digitRunAllows(anchor: CompiledAnchor, text: string, p: number, runEnd: number): boolean {
  const length = runEnd - p;
  if (length < anchor.digitRunMin || length > anchor.digitRunMax) return false;
  const { notAfter, first, afterDigits } = anchor;
  if (notAfter !== null && p > 0) {
    const b = text.charCodeAt(p - 1);
    if (b < 128 && notAfter[b] === 1) return false;
  }
  if (first !== null && first[text.charCodeAt(p)] === 0) return false;
  if (afterDigits !== null) {
    if (runEnd >= text.length) return false;
    const c = text.charCodeAt(runEnd);
    if (c < 128 && afterDigits[c] === 0) return false;
  }
  return anchor.second === null && anchor.third === null && anchor.chainMin === 0 ? true : restAllows(anchor, text, p);
}

/**
 * Whether `anchor` lets a match start at `p`.
 * @example
 * allows(emailAnchor, 'x jane@acme.io', 2); // true: 'j' after a space
 */
export function allows(anchor: CompiledAnchor, text: string, p: number): boolean {
  const { first, notAfter } = anchor;
  if (first !== null) {
    const c = text.charCodeAt(p);
    if (c < 128 && first[c] === 0) return false;
  }
  if (notAfter !== null && p > 0) {
    const b = text.charCodeAt(p - 1);
    if (b < 128 && notAfter[b] === 1) return false;
  }
  return restAllows(anchor, text, p);
}
