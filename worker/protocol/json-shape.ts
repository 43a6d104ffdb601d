/**
 * The shape of a JSON text in one pass over its characters, before JSON.parse: how deeply it
 * nests (a body nested past the limit is refused before anything recursive walks it) and how many
 * object keys it writes (compared with the keys JSON.parse kept, it tells a repeated key apart).
 * One scan serves both questions: each used to walk the whole body on its own.
 */

export interface JsonShape {
  /** True when more than the limit of objects and arrays are open at once; `keys` is then partial. */
  readonly tooDeep: boolean;
  /** Colons outside strings: in valid JSON, one per object key written. */
  readonly keys: number;
}

/**
 * One pass, no recursion: brackets and colons inside strings (and escaped quotes) do not count.
 * Malformed JSON is left to JSON.parse; the scan stops at the first bracket past `depthLimit`.
 * @example
 * jsonShape('{"a":{"b:c":1},"a":2}', 64); // { tooDeep: false, keys: 3 }
 * jsonShape('[[["]]]]"]]]', 2).tooDeep; // true
 */
export function jsonShape(text: string, depthLimit: number): JsonShape {
  let depth = 0;
  let keys = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x3a) keys++;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > depthLimit) return { tooDeep: true, keys };
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return { tooDeep: false, keys };
}
