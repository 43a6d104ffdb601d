/**
 * The one view of a text that every detector reads: NFKC, format characters (zero-width spaces,
 * joiners, bidi marks) removed, Unicode decimal digits folded to ASCII, common Cyrillic and Greek
 * look-alike letters folded to Latin, and whitespace runs (NBSP, tabs, newlines) collapsed to one
 * space, or one line break when the run holds one. An offset map leads back to the original, so a finding still redacts exactly the original
 * characters, including any zero-width characters hidden inside the value.
 */
import { HOMOGLYPHS, digitValue } from './confusables.js';

export interface NormalizedText {
  /** What the detectors scan. */
  readonly text: string;
  /** Original offset of a normalized start offset (a deleted character before a value is not included). */
  toOriginalStart(index: number): number;
  /** Original offset of a normalized end offset (exclusive; a deleted character after a value is not included). */
  toOriginalEnd(index: number): number;
}

/** Identity: the text needed no change. */
class SameText implements NormalizedText {
  constructor(readonly text: string) {}
  toOriginalStart(index: number): number {
    return index;
  }
  toOriginalEnd(index: number): number {
    return index;
  }
}

/**
 * Segments of the normalized text, each either copied (offsets shift by a constant) or replaced
 * (a run of original characters became zero or more normalized ones).
 */
class MappedText implements NormalizedText {
  constructor(
    readonly text: string,
    private readonly normStarts: readonly number[],
    private readonly normEnds: readonly number[],
    private readonly origStarts: readonly number[],
    private readonly origEnds: readonly number[],
    private readonly copied: readonly boolean[],
    private readonly count: number,
    private readonly originalLength: number,
  ) {}

  /** Index of the first segment whose normalized end is past `index` (or equal, for ends). */
  private find(index: number, forEnd: boolean): number {
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const end = this.normEnds[mid]!;
      if (forEnd ? end < index : end <= index) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  toOriginalStart(index: number): number {
    if (index >= this.text.length) return this.originalLength;
    let s = this.find(index, false);
    // Skip deleted (empty) segments: the value starts at the next visible character.
    while (s < this.count - 1 && this.normEnds[s] === this.normStarts[s]) s++;
    if (this.copied[s]) return this.origStarts[s]! + (index - this.normStarts[s]!);
    return this.origStarts[s]!;
  }

  toOriginalEnd(index: number): number {
    if (index <= 0) return 0;
    let s = this.find(index, true);
    while (s > 0 && this.normEnds[s] === this.normStarts[s]) s--;
    if (this.copied[s]) return this.origStarts[s]! + (index - this.normStarts[s]!);
    return this.origEnds[s]!;
  }
}

const isWhitespace = (c: number): boolean =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0x85;

const isLineBreak = (c: number): boolean => (c >= 10 && c <= 13) || c === 0x85 || c === 0x2028 || c === 0x2029;

const FORMAT_CHAR = /^\p{Cf}$/u;

/** The replacement for one non-ASCII code point: '' (dropped), or its folded form. */
function foldCodePoint(ch: string): string {
  if (FORMAT_CHAR.test(ch)) return '';
  let out = '';
  for (const c of ch.normalize('NFKC')) {
    const cp = c.codePointAt(0)!;
    if (cp < 128) {
      out += c;
      continue;
    }
    const digit = digitValue(cp);
    if (digit !== undefined) out += String.fromCharCode(48 + digit);
    else out += HOMOGLYPHS.get(c) ?? c;
  }
  return out;
}

/** Folded forms by code point: texts repeat their non-ASCII characters. */
const foldCache = new Map<string, string>();
function fold(ch: string): string {
  let out = foldCache.get(ch);
  if (out === undefined) {
    out = foldCodePoint(ch);
    if (foldCache.size > 8192) foldCache.clear();
    foldCache.set(ch, out);
  }
  return out;
}

/**
 * @example
 * const n = normalizeText('card 4111\u200b1111\u00a0\u00a01111 １１１１');
 * n.text;                  // 'card 41111111 1111 1111'
 * n.toOriginalStart(5);    // 5
 * n.toOriginalEnd(23);     // 24 (the original end, past the zero-width space and NBSP run)
 */
export function normalizeText(original: string): NormalizedText {
  const n = original.length;
  // Fast path: printable ASCII with single spaces needs no work and no map.
  let i = 0;
  for (; i < n; i++) {
    const c = original.charCodeAt(i);
    if (c > 126 || (c < 32 && c !== 10) || ((c === 32 || c === 10) && i + 1 < n && isWhitespace(original.charCodeAt(i + 1)))) break;
  }
  if (i === n) return new SameText(original);

  // Plain arrays: most texts that need a map need a short one, and small arrays are cheap to make.
  const parts: string[] = [];
  const normStarts: number[] = [];
  const normEnds: number[] = [];
  const origStarts: number[] = [];
  const origEnds: number[] = [];
  const copied: boolean[] = [];
  let normLength = 0;
  const push = (origStart: number, origEnd: number, replacement: string | null): void => {
    const length = replacement === null ? origEnd - origStart : replacement.length;
    normStarts.push(normLength);
    normEnds.push(normLength + length);
    origStarts.push(origStart);
    origEnds.push(origEnd);
    copied.push(replacement === null);
    normLength += length;
    parts.push(replacement ?? original.slice(origStart, origEnd));
  };

  let copyFrom = 0;
  i = 0;
  while (i < n) {
    const c = original.charCodeAt(i);
    if (c >= 33 && c <= 126) {
      i++;
      continue;
    }
    if (isWhitespace(c)) {
      let j = i + 1;
      while (j < n && isWhitespace(original.charCodeAt(j))) j++;
      if ((c === 32 || c === 10) && j === i + 1) {
        i = j;
        continue;
      }
      // A run with a line break stays one line break (line-anchored detectors need it), else one space.
      let lineBreak = false;
      for (let k = i; k < j && !lineBreak; k++) lineBreak = isLineBreak(original.charCodeAt(k));
      if (i > copyFrom) push(copyFrom, i, null);
      push(i, j, lineBreak ? '\n' : ' ');
      copyFrom = i = j;
      continue;
    }
    const width = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
    const ch = original.slice(i, i + width);
    const folded = c < 32 || c === 127 ? '' : fold(ch);
    if (folded === ch) {
      i += width;
      continue;
    }
    if (i > copyFrom) push(copyFrom, i, null);
    push(i, i + width, folded);
    copyFrom = i += width;
  }
  if (n > copyFrom) push(copyFrom, n, null);
  if (normStarts.length === 0) push(0, 0, '');
  return new MappedText(parts.join(''), normStarts, normEnds, origStarts, origEnds, copied, normStarts.length, n);
}
