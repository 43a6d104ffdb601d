/**
 * The one view of a text that every detector reads: NFKC, format characters (zero-width spaces,
 * joiners, bidi marks) removed, Unicode decimal digits folded to ASCII, common Cyrillic and Greek
 * look-alike letters folded to Latin, and whitespace runs (NBSP, tabs, newlines) collapsed to one
 * space, or one line break when the run holds one, or one tab when it holds one (a TSV cell delimiter). An offset map leads back to the original, so a finding still redacts exactly the original
 * characters, including any zero-width characters hidden inside the value.
 */
import { HOMOGLYPHS, digitValue } from './confusables.js';
import { noteTabSpaces } from './tab-spaces.js';

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
  // Fast path: printable ASCII with single spaces needs no work and no map.
  const first = nextChange(original, 0);
  if (first === original.length) {
    noteTabSpaces(original, NONE);
    return new SameText(original);
  }
  return mapText(original, first);
}

/**
 * Where the next character that may need work is: anything but printable ASCII, a space, a tab or
 * a line break; a space, tab or line break that opens a whitespace run; a tab between digits.
 * Found by a native regex scan, which reads plain ASCII several times faster than a loop of charCodeAt.
 */
// The tab between digits is matched before its lookbehind: a lookbehind first would read the
// character before every position of the text. Only the match's start is read, so the whitespace
// run's second character is matched rather than looked ahead at, and that (most frequent)
// alternative comes first: the same positions, found faster.
const MAY_CHANGE = /[ \n\t][\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]|[^\x21-\x7e \n\t]|\t(?<=[0-9]\t)(?=[0-9])/g;
function nextChange(text: string, from: number): number {
  MAY_CHANGE.lastIndex = from;
  return MAY_CHANGE.exec(text)?.index ?? text.length;
}

/** The segments of a normalised text as they are built (no closure: the hot loop keeps `original` in a register). */
class Segments {
  readonly parts: string[] = [];
  readonly normStarts: number[] = [];
  readonly normEnds: number[] = [];
  readonly origStarts: number[] = [];
  readonly origEnds: number[] = [];
  readonly copied: boolean[] = [];
  normLength = 0;

  push(original: string, origStart: number, origEnd: number, replacement: string | null): void {
    const length = replacement === null ? origEnd - origStart : replacement.length;
    this.normStarts.push(this.normLength);
    this.normEnds.push(this.normLength + length);
    this.origStarts.push(origStart);
    this.origEnds.push(origEnd);
    this.copied.push(replacement === null);
    this.normLength += length;
    this.parts.push(replacement ?? original.slice(origStart, origEnd));
  }
}

const NONE: ReadonlySet<number> = new Set();

/** Whether the whitespace run [from, to) has a digit on both sides. */
function betweenDigits(text: string, from: number, to: number): boolean {
  const before = text.charCodeAt(from - 1);
  const after = text.charCodeAt(to);
  return before >= 48 && before <= 57 && after >= 48 && after <= 57;
}

/** The slow path: everything before `firstChange` is copied as it is. */
function mapText(original: string, firstChange: number): NormalizedText {
  const n = original.length;
  const segments = new Segments();
  const tabSpaces = new Set<number>();
  let copyFrom = 0;
  let i = firstChange;
  while (i < n) {
    const c = original.charCodeAt(i);
    if (c < 127 && (c >= 32 || c === 10 || c === 9)) {
      // Plain ASCII: jump to the next character that may need work (this one, when it opens a whitespace run).
      const next = nextChange(original, i);
      if (next > i) {
        i = next;
        continue;
      }
    }
    if (isWhitespace(c)) {
      let j = i + 1;
      while (j < n && isWhitespace(original.charCodeAt(j))) j++;
      if ((c === 32 || c === 10 || (c === 9 && !betweenDigits(original, i, j))) && j === i + 1) {
        i = j;
        continue;
      }
      // A run with a line break stays one line break (line-anchored detectors need it); one with a
      // tab stays one tab (the cell delimiter of TSV exports, which column context reads) unless it
      // separates digits: "555<TAB>123<TAB>4567" must read as the grouped number it spells; else one space.
      let lineBreak = false;
      let tab = false;
      for (let k = i; k < j && !lineBreak; k++) {
        const w = original.charCodeAt(k);
        lineBreak = isLineBreak(w);
        tab ||= w === 9;
      }
      if (i > copyFrom) segments.push(original, copyFrom, i, null);
      const digits = tab && !lineBreak && betweenDigits(original, i, j);
      if (digits) tabSpaces.add(segments.normLength);
      segments.push(original, i, j, lineBreak ? '\n' : tab && !digits ? '\t' : ' ');
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
    if (i > copyFrom) segments.push(original, copyFrom, i, null);
    segments.push(original, i, i + width, folded);
    copyFrom = i += width;
  }
  if (n > copyFrom) segments.push(original, copyFrom, n, null);
  if (segments.normStarts.length === 0) segments.push(original, 0, 0, '');
  const { parts, normStarts, normEnds, origStarts, origEnds, copied } = segments;
  const text = parts.join('');
  noteTabSpaces(text, tabSpaces);
  return new MappedText(text, normStarts, normEnds, origStarts, origEnds, copied, normStarts.length, n);
}
