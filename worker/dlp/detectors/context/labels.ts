/** Which label sits nearest before a value, when several kinds of label may be in its window. */

/**
 * Where the last match of `words` (a global regex) in `before` ends, or -1.
 * @example
 * lastWordEnd('ref 12, ssn: ', /(?:^|[^a-z])ssn(?![a-z])/g); // 11
 */
export function lastWordEnd(before: string, words: RegExp): number {
  let last = -1;
  words.lastIndex = 0;
  for (let m = words.exec(before); m !== null; m = words.exec(before)) {
    last = m.index + m[0].length;
    words.lastIndex = Math.max(m.index + 1, last - 1);
  }
  return last;
}

/**
 * Whether the text between a label and a value keeps them together: the value is on the label's
 * line, or alone on the line after a label that ends its own line ("Passport #:\nC90584746").
 * @example
 * labelReaches(' #c90584746\nclaim #'); // false
 */
export function labelReaches(between: string): boolean {
  const lineBreak = between.indexOf('\n');
  return lineBreak === -1 || /^\s*$/.test(between.slice(lineBreak));
}
