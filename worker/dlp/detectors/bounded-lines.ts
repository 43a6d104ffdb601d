/**
 * Line starts looked up within a bounded distance, so that a cue asked about every finding of a
 * text made of one long line costs a constant per finding, not the length of the line.
 */

/**
 * The offset where the line holding `position` starts (just after a newline, or 0 at the start of
 * the text), if it is at most `limit` characters back; otherwise -1.
 * @example
 * lineStartWithin('ab\ncd', 4, 10); // 3
 * lineStartWithin('x'.repeat(500), 400, 100); // -1
 */
export function lineStartWithin(text: string, position: number, limit: number): number {
  // The newline may sit just before the window (a line of exactly `limit` characters).
  const from = Math.max(0, position - limit - 1);
  const newline = text.slice(from, position).lastIndexOf('\n');
  if (newline >= 0) return from + newline + 1;
  return from === 0 ? 0 : -1;
}
