/** Context words as whole words: "ref" is not found inside "preferred", "part" not inside "department". */

const isWordCode = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c > 127;

/**
 * Whether one of `words` (lower-case) occurs as a whole word in `lower` between `from` and `to`.
 * A word's edge that is punctuation ("case #", "v.") needs no boundary on that side.
 * @example
 * hasWholeWord('my preferred card', 0, 13, ['ref']); // false
 * hasWholeWord('order ref: 4111', 0, 11, ['ref']);   // true
 */
export function hasWholeWord(lower: string, from: number, to: number, words: readonly string[]): boolean {
  from = Math.max(0, from);
  // Search a slice of the window only: indexOf on the whole text would read to its end for every
  // match, quadratic over a text full of candidates.
  const window = lower.slice(from, to);
  for (const w of words) {
    const boundedStart = isWordCode(w.charCodeAt(0));
    const boundedEnd = isWordCode(w.charCodeAt(w.length - 1));
    for (let i = window.indexOf(w); i !== -1; i = window.indexOf(w, i + 1)) {
      const at = from + i;
      if (boundedStart && at > 0 && isWordCode(lower.charCodeAt(at - 1))) continue;
      const after = at + w.length;
      if (boundedEnd && after < lower.length && isWordCode(lower.charCodeAt(after))) continue;
      return true;
    }
  }
  return false;
}
