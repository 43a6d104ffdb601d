/** Small bounded looks at the text around a candidate: the words just before and after it. */

/**
 * Up to `chars` characters before `start`, lowercased.
 * @example
 * textBefore('Dr. Tran', 4, 8); // 'dr. '
 */
export function textBefore(text: string, start: number, chars: number): string {
  return text.slice(Math.max(0, start - chars), start).toLowerCase();
}

/**
 * Up to `chars` characters after `end`, lowercased.
 * @example
 * textAfter('Okonkwo said', 7, 8); // ' said'
 */
export function textAfter(text: string, end: number, chars: number): string {
  return text.slice(end, end + chars).toLowerCase();
}

/**
 * Whether `start` opens a sentence or line (so a capital letter there says nothing about names).
 * @example
 * atSentenceStart('Hello. Rose', 7); // true
 */
export function atSentenceStart(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && i > start - 8 && (text[i] === ' ' || text[i] === '"' || text[i] === '\'' || text[i] === '(' || text[i] === '*' || text[i] === '-' || text[i] === '\t')) i--;
  if (i < 0) return true;
  const ch = text[i]!;
  return ch === '.' || ch === '!' || ch === '?' || ch === '\n' || ch === ':' || ch === '>' || ch === '#';
}
