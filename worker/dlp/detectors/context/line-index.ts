/**
 * Where the lines of a text start and end, found once per text, so that context rules asking
 * "which line is this offset on" cost a binary search instead of a scan back to the previous
 * newline: on a text of one very long line (1 MB without a newline) that scan, repeated for each
 * of thousands of candidates, made a scan quadratic.
 */

interface LineIndex {
  readonly text: string;
  /** Offsets of the text's newlines, in order. */
  readonly newlines: Int32Array;
}

let cached: LineIndex | undefined;

function lineIndexOf(text: string): LineIndex {
  if (cached && cached.text === text) return cached;
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  const newlines = new Int32Array(count);
  for (let at = text.indexOf('\n'), k = 0; at !== -1; at = text.indexOf('\n', at + 1)) newlines[k++] = at;
  cached = { text, newlines };
  return cached;
}

/** Index of the first newline at or after `offset` in `newlines` (its length when none). */
function firstNewlineFrom(newlines: Int32Array, offset: number): number {
  let lo = 0;
  let hi = newlines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (newlines[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Whether `text` has a newline at all.
 * @example
 * hasNewline('a,b\n1,2'); // true
 */
export function hasNewline(text: string): boolean {
  // Asked once per candidate before any line lookup: the first newline answers it without indexing
  // every line of a text whose candidates may need no line at all.
  // The answer is kept per text: a text of one long line would otherwise be read to its end for each candidate.
  if (cached && cached.text === text) return cached.newlines.length > 0;
  if (newlineAsked !== text) {
    newlineAsked = text;
    newlineFound = text.indexOf('\n') !== -1;
  }
  return newlineFound;
}

/** The last text hasNewline was asked about without an index, and its answer. */
let newlineAsked: string | undefined;
let newlineFound = false;

/**
 * The start of the line holding `offset` (what `text.lastIndexOf('\n', offset - 1) + 1` gives).
 * @example
 * lineStartAt('ab\ncd', 4); // 3
 */
export function lineStartAt(text: string, offset: number): number {
  const { newlines } = lineIndexOf(text);
  const k = firstNewlineFrom(newlines, offset);
  return k === 0 ? 0 : newlines[k - 1]! + 1;
}

/**
 * The end of the line holding `offset`: its newline, or the text's length (what
 * `text.indexOf('\n', offset)` gives, with -1 read as the end).
 * @example
 * lineEndAt('ab\ncd', 0); // 2
 */
export function lineEndAt(text: string, offset: number): number {
  const { newlines } = lineIndexOf(text);
  const k = firstNewlineFrom(newlines, offset);
  return k === newlines.length ? text.length : newlines[k]!;
}
