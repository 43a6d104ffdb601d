/**
 * Keys of record lines written "Key | value" (HR records, intake forms, CRM exports printed as
 * two-column text), where each line names its own value: "Ph | +1-852-741-7208",
 * "Department | Sales   Location | Nairobi". Such lines also look like a header row to a CSV
 * reader, so without this the value on one line would be read under the previous line's "columns".
 */
import { lineStartAt } from './line-index.js';

/** The longest key looked at: a field label, not a sentence. */
const MAX_KEY = 40;
/** A key: a letter, then letters, digits, spaces and label punctuation. */
const KEY = /^\p{L}[\p{L}\p{N} _.#/()'-]*$/u;

/**
 * The lowercased key of the "Key | value" pair whose value starts at `start`, or undefined.
 * The value follows " | " (a pipe with a space on each side); the key runs back to the start of
 * the line or to a run of two spaces (the previous pair on the same line). A Markdown table row
 * (a line that starts with "|") is a table, not a record line.
 * @example
 * recordKeyAt('Name | Ana\nPh | +1-852-741-7208', 16); // 'ph'
 * recordKeyAt('Dept | Sales   Location | Nairobi', 26); // 'location'
 */
export function recordKeyAt(text: string, start: number): string | undefined {
  let i = start;
  while (i > 0 && start - i < 8 && (text[i - 1] === ' ' || text[i - 1] === '"')) i--;
  if (i === start || text[i - 1] !== '|' || text[i - 2] !== ' ') return undefined;
  const keyEnd = i - 2;
  let keyStart = keyEnd;
  // Back to the line start, a two-space gap or another pipe, at most MAX_KEY characters.
  while (keyStart > 0 && keyEnd - keyStart < MAX_KEY + 2) {
    const ch = text[keyStart - 1];
    if (ch === '\n' || ch === '|' || (ch === ' ' && text[keyStart - 2] === ' ')) break;
    keyStart--;
  }
  const boundary = keyStart === 0 ? '\n' : text[keyStart - 1];
  if (boundary === '|') return undefined;
  const key = text.slice(keyStart, keyEnd).trim();
  if (key.length === 0 || key.length > MAX_KEY || !KEY.test(key)) return undefined;
  if (boundary === ' ') {
    // A later pair on the line: the line itself must not be a Markdown row.
    const lineStart = lineStartAt(text, keyStart);
    if (text[lineStart] === '|') return undefined;
  }
  return key.toLowerCase();
}
