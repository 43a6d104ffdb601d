/** Where a PEM private key block ends, by one bounded forward scan (no regex backtracking). */

/** Longest block followed (16 KiB: an 8192-bit RSA key in PEM is about 6.5 KB). */
export const PEM_MAX_CHARS = 16384;

const isBodyCode = (c: number): boolean =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47 || c === 61 || c === 32 || c === 58 || c === 44 || c === 45 || (c >= 9 && c <= 13);

/**
 * A short next line of plain lower-case letters is prose after an unterminated body ("thanks"),
 * not base64, which has capitals, digits or '+/=' in any line of random bytes.
 */
function proseLineFollows(text: string, from: number, limit: number): boolean {
  let j = from;
  while (j < limit && isBodyCode(text.charCodeAt(j)) && text.charCodeAt(j) > 32) j++;
  const line = text.slice(from, j);
  return line.length > 0 && line.length < 16 && !/[A-Z0-9+/=-]/.test(line);
}

/** Past the END line of the block whose header ends at `from`, or -1 when a BEGIN or the limit comes first. */
function endLineEnd(text: string, from: number, limit: number): number {
  let i = text.indexOf('----', from);
  while (i !== -1 && i < limit) {
    let j = i;
    while (j < limit && text.charCodeAt(j) === 45) j++;
    if (text.charCodeAt(j) === 32) j++;
    const word = text.slice(j, j + 5).toLowerCase();
    if (word.startsWith('begin')) return -1;
    if (word.startsWith('end')) {
      const close = text.indexOf('----', j);
      if (close === -1 || close - j > 80) return -1;
      let k = close;
      while (k < text.length && text.charCodeAt(k) === 45) k++;
      return k;
    }
    i = text.indexOf('----', j);
  }
  return -1;
}

/**
 * The end of the block that starts at `start` (its header or first body bytes end at `end`): past
 * the END line when there is one, else where the base64 body stops. Stops before the next BEGIN so
 * that a text of repeated headers is read once.
 * @example
 * pemBlockEnd('-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY----- ok', 0, 27); // 57
 */
export function pemBlockEnd(text: string, start: number, end: number): number {
  const limit = Math.min(text.length, start + PEM_MAX_CHARS);
  // A block closed by its END line is key material whatever lies between (a redacted or made-up
  // body such as "super secret private key here" is still what the sender meant to hide).
  const closed = endLineEnd(text, end, limit);
  if (closed !== -1) return closed;
  let i = end;
  let lastBody = end;
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (c === 45 && text.startsWith('----', i)) {
      let j = i;
      while (j < limit && text.charCodeAt(j) === 45) j++;
      if (text.charCodeAt(j) === 32) j++;
      const word = text.slice(j, j + 5).toLowerCase();
      if (word.startsWith('begin')) return lastBody;
      if (word.startsWith('end')) {
        // Through the dashes closing the END line.
        const close = text.indexOf('----', j);
        if (close === -1 || close - j > 80) return lastBody;
        let k = close;
        while (k < text.length && text.charCodeAt(k) === 45) k++;
        return k;
      }
      i = j;
      continue;
    }
    if (c === 92 && text.charCodeAt(i + 1) === 110) {
      // A JSON- or shell-escaped line break ("\n") inside the body.
      i += 2;
      continue;
    }
    if (!isBodyCode(c)) break;
    if ((c === 10 || c === 13) && proseLineFollows(text, i + 1, limit)) break;
    i++;
    if (c !== 32 && !(c >= 9 && c <= 13)) lastBody = i;
  }
  return lastBody;
}
