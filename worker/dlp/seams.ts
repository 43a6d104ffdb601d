/**
 * The scan of joined message texts at their seams only (across.ts). A value that crosses the
 * boundary between two parts lies within its own length of it, so only a window around each
 * boundary is read: as far as the policy's longest bounded value reaches (the stream hold-back,
 * compile.ts: the same bound that catches a value split across stream chunks), plus room for
 * context words each side. Reach is counted as the detectors will see the text after
 * normalisation (normalize.ts): a whitespace run is one character, and characters that may vanish
 * there (format characters, combining marks, astral code points) count for nothing, so they
 * widen the window instead of hiding a value beyond it.
 *
 * Window edges fall on whitespace, so no word is cut. A boundary-crossing match that reaches a
 * window's first or last word may be longer in the whole text (a long name, a PEM block): that
 * window is doubled and read again, so such values are still found whole. When the windows would
 * cover most of the text, the whole text is read once instead. The work stays linear: windows are
 * merged before they are read, and once grown windows have read twice the text, the whole text is
 * read once instead.
 */
import { ScanBudget } from './budget.js';
import type { CompiledDlp } from './compile.js';
import { resolveOverlaps, scanText, type Match } from './scan.js';

/** Characters each side of a value for the context words detectors read (e.g. "card number:"). */
export const SEAM_CONTEXT_CHARS = 64;

/** Windows covering more than this share of the text: the whole text is read once instead. */
const WHOLE_TEXT_SHARE = 0.75;

/** Windows that grew past this many times the text's length in all: the whole text is read once instead. */
const MAX_READ_SHARE = 2;

/** Joined texts and where each part starts and ends in them (across.ts). */
export interface SeamedText {
  readonly text: string;
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x85 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;

/** Format characters and combining marks: normalisation may drop them or merge them into a neighbour. */
const MAY_VANISH = /[\p{Cf}\p{M}]/u;

/** Whether the non-space character at `code` surely stays one character once normalised. */
function staysOne(text: string, i: number, code: number): boolean {
  if (code < 128) return true;
  if (code >= 0xd800 && code <= 0xdfff) return false;
  return !MAY_VANISH.test(text[i]!);
}

/**
 * The offset `reach` normalised characters away from `from` (walking by `step`, -1 or +1): the
 * last character a value or context word touching `from` can hold.
 */
function reachFrom(text: string, from: number, step: -1 | 1, reach: number): number {
  let count = 0;
  let inSpace = false;
  let i = from;
  for (; i >= 0 && i < text.length; i += step) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      if (!inSpace) count++;
      inSpace = true;
    } else {
      if (staysOne(text, i, code)) count++;
      inSpace = false;
    }
    if (count > reach) return i;
  }
  return step < 0 ? 0 : text.length;
}

/** `at` moved back to the start of the word it falls in. */
function wordStart(text: string, at: number): number {
  while (at > 0 && !isSpace(text.charCodeAt(at - 1))) at--;
  return at;
}

/** `at` moved on to the end of the word it falls in. */
function wordEnd(text: string, at: number): number {
  while (at < text.length && !isSpace(text.charCodeAt(at))) at++;
  return at;
}

/**
 * The window around each boundary a value crossing it (and its context words) can lie in,
 * overlapping ones merged, in text order.
 * @example
 * seamWindows({ text: 'my card is 4111 1111 1111 1111 thanks', starts: [0, 21], ends: [20, 37] }, 8); // [[0, 37]]
 */
export function seamWindows({ text, starts, ends }: SeamedText, reach: number): [number, number][] {
  const windows: [number, number][] = [];
  for (let i = 1; i < starts.length; i++) {
    const from = wordStart(text, reachFrom(text, ends[i - 1]! - 1, -1, reach));
    const to = wordEnd(text, reachFrom(text, starts[i]!, 1, reach));
    const last = windows[windows.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else windows.push([from, to]);
  }
  return windows;
}

/**
 * Whether `m` (offsets in the joined text) reaches over the separator between two parts, that is,
 * lies inside no single part.
 * @example
 * crossesBoundary({ start: 11, end: 30 } as Match, { text, starts: [0, 21], ends: [20, 37] }); // true
 */
export function crossesBoundary(m: Match, { starts, ends }: SeamedText): boolean {
  for (let i = 1; i < starts.length; i++) if (m.start < starts[i]! && m.end > ends[i - 1]!) return true;
  return false;
}

/** Whether a boundary-crossing match reaches the first or last word of a window that does not end the text. */
function cutByWindow(matches: readonly Match[], seamed: SeamedText, from: number, to: number): boolean {
  const { text } = seamed;
  let first = from;
  while (first < to && isSpace(text.charCodeAt(first))) first++;
  let last = to;
  while (last > from && isSpace(text.charCodeAt(last - 1))) last--;
  const firstWordEnd = wordEnd(text, first);
  const lastWordStart = wordStart(text, last);
  for (const m of matches) {
    if (!crossesBoundary(m, seamed)) continue;
    if ((from > 0 && m.start < firstWordEnd) || (to < text.length && m.end > lastWordStart)) return true;
  }
  return false;
}

/** Matches of one window, in joined-text offsets. */
function scanWindow(compiled: CompiledDlp, text: string, from: number, to: number, budget: ScanBudget): Match[] {
  const found = scanText(compiled, from === 0 && to === text.length ? text : text.slice(from, to), budget);
  if (from === 0) return found;
  return found.map((m) => ({ ...m, start: m.start + from, end: m.end + from }));
}

/**
 * Every match the scan of the whole joined text would make that crosses a boundary (and some that
 * do not: the caller keeps the crossing ones), reading only the seams.
 * @example
 * scanSeams(compiled, { text: 'my card is 4111 1111 1111 1111 thanks', starts: [0, 21], ends: [20, 37] }); // [{ type: 'CREDIT_CARD', start: 11, end: 30, ... }]
 */
export function scanSeams(compiled: CompiledDlp, seamed: SeamedText): Match[] {
  const { text } = seamed;
  const budget = new ScanBudget(compiled.scanBudgetUnits);
  const windows = seamWindows(seamed, compiled.holdBackChars + SEAM_CONTEXT_CHARS);
  let covered = 0;
  for (const [from, to] of windows) covered += to - from;
  if (covered > text.length * WHOLE_TEXT_SHARE) return scanText(compiled, text, budget);
  const found: Match[] = [];
  // Windows grown one by one could each reach over the whole text (one value across every part):
  // past twice the text read, the whole text is read once instead, so the work stays linear.
  let read = covered;
  for (let [from, to] of windows) {
    let matches = scanWindow(compiled, text, from, to, budget);
    while (cutByWindow(matches, seamed, from, to)) {
      const width = to - from;
      from = wordStart(text, Math.max(0, from - width));
      to = wordEnd(text, Math.min(text.length, to + width));
      read += to - from;
      if (read > text.length * MAX_READ_SHARE) return scanText(compiled, text, budget);
      matches = scanWindow(compiled, text, from, to, budget);
    }
    for (const m of matches) found.push(m);
  }
  return windows.length > 1 ? resolveOverlaps(found) : found;
}
