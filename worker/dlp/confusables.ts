/**
 * Character folds the normaliser applies after NFKC: decimal digits of any script to ASCII, and
 * the Cyrillic and Greek letters that look like Latin ones (the subset of Unicode's
 * confusables.txt, UTS #39, Unicode licence, whose glyphs are indistinguishable in common fonts).
 */

const DECIMAL_DIGIT = /^\p{Nd}$/u;

/**
 * The value of a Unicode decimal digit (Nd), or undefined. Unicode guarantees Nd characters come
 * in contiguous runs of ten, 0 to 9, so the value is the distance from the start of the run mod 10.
 * @example
 * digitValue(0x0663); // 3 (ARABIC-INDIC DIGIT THREE)
 */
export function digitValue(cp: number): number | undefined {
  if (!DECIMAL_DIGIT.test(String.fromCodePoint(cp))) return undefined;
  let start = cp;
  while (start > 0 && DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return (cp - start) % 10;
}

const PAIRS: readonly [string, string][] = [
  // Cyrillic capitals and small letters
  ['А', 'A'], ['В', 'B'], ['Е', 'E'], ['К', 'K'], ['М', 'M'], ['Н', 'H'], ['О', 'O'], ['Р', 'P'], ['С', 'C'], ['Т', 'T'], ['Х', 'X'], ['У', 'Y'],
  ['Ѕ', 'S'], ['І', 'I'], ['Ј', 'J'], ['Ԛ', 'Q'], ['Ԝ', 'W'],
  ['а', 'a'], ['е', 'e'], ['о', 'o'], ['р', 'p'], ['с', 'c'], ['х', 'x'], ['у', 'y'], ['ѕ', 's'], ['і', 'i'], ['ј', 'j'], ['ԛ', 'q'], ['ԝ', 'w'], ['һ', 'h'], ['ԁ', 'd'],
  // Greek capitals and small letters
  ['Α', 'A'], ['Β', 'B'], ['Ε', 'E'], ['Ζ', 'Z'], ['Η', 'H'], ['Ι', 'I'], ['Κ', 'K'], ['Μ', 'M'], ['Ν', 'N'], ['Ο', 'O'], ['Ρ', 'P'], ['Τ', 'T'], ['Υ', 'Y'], ['Χ', 'X'],
  ['ο', 'o'], ['ν', 'v'], ['ι', 'i'], ['κ', 'k'], ['ρ', 'p'], ['τ', 't'], ['υ', 'u'], ['χ', 'x'], ['α', 'a'],
];

/** Look-alike letter to its Latin letter. */
export const HOMOGLYPHS: ReadonlyMap<string, string> = new Map(PAIRS);
