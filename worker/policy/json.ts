/**
 * A strict JSON reader for policy bundles. JSON.parse is not enough here: its error messages differ
 * between V8 versions (workerd, Deno, Node) and omit line and column, and it silently keeps the
 * last of two duplicate keys, which would let a bundle say one thing and enforce another.
 *
 * Comments (`//` and `/* *\/`) are accepted only when asked for, so the commented example bundle
 * (.jsonc) goes through the same reader; the gateway itself never asks.
 */

/** A syntax error, with the 1-based line and column where reading stopped. */
export class JsonSyntaxError extends Error {
  override name = 'JsonSyntaxError';
  constructor(
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`line ${line}, column ${column}: ${reason}`);
  }
}

/** A key that occurred twice in one object, with the JSON path of that object. */
export interface DuplicateKey {
  readonly objectPath: string;
  readonly key: string;
  readonly line: number;
  readonly column: number;
}

export interface ReadJsonResult {
  readonly value: unknown;
  readonly duplicates: readonly DuplicateKey[];
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Appends an object key to a JSON path: `$.a.b` or `$["a.b"]` for keys that are not identifiers. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/**
 * Reads one JSON document; throws JsonSyntaxError naming line and column.
 * @example
 * readJson('{"a": 1}').value; // { a: 1 }
 * readJson('{"a": 1,}'); // throws JsonSyntaxError: line 1, column 9: expected a string key
 */
export function readJson(text: string, options: { comments?: boolean } = {}): ReadJsonResult {
  const allowComments = options.comments === true;
  const duplicates: DuplicateKey[] = [];
  let pos = 0;

  const locate = (at: number): { line: number; column: number } => {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < at && i < text.length; i++) {
      if (text.charCodeAt(i) === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    return { line, column: at - lineStart + 1 };
  };
  const fail = (reason: string, at = pos): never => {
    const { line, column } = locate(at);
    throw new JsonSyntaxError(line, column, reason);
  };
  const describe = (at: number): string => (at >= text.length ? 'end of file' : JSON.stringify(text[at]));

  const skipSpace = (): void => {
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) pos++;
      else if (c === 47 /* / */ && allowComments && text[pos + 1] === '/') {
        while (pos < text.length && text.charCodeAt(pos) !== 10) pos++;
      } else if (c === 47 && allowComments && text[pos + 1] === '*') {
        const end = text.indexOf('*/', pos + 2);
        if (end < 0) fail('unterminated comment');
        pos = end + 2;
      } else if (c === 47) fail('comments are not allowed in JSON');
      else return;
    }
  };

  const readString = (): string => {
    const start = pos;
    pos++; // opening quote
    let out = '';
    let chunkStart = pos;
    for (;;) {
      if (pos >= text.length) fail('unterminated string', start);
      const c = text.charCodeAt(pos);
      if (c === 34) {
        out += text.slice(chunkStart, pos);
        pos++;
        return out;
      }
      if (c < 32) fail('control character in string (escape it)');
      if (c === 92) {
        out += text.slice(chunkStart, pos);
        const e = text[pos + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && e in simple) {
          out += simple[e];
          pos += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) {
          out += String.fromCharCode(parseInt(text.slice(pos + 2, pos + 6), 16));
          pos += 6;
        } else fail('invalid escape sequence in string');
        chunkStart = pos;
        continue;
      }
      pos++;
    }
  };

  const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
  const readValue = (path: string, depth: number): unknown => {
    if (depth > 64) fail('nesting deeper than 64 levels');
    skipSpace();
    const c = text[pos];
    if (c === '{') return readObject(path, depth);
    if (c === '[') return readArray(path, depth);
    if (c === '"') return readString();
    if (text.startsWith('true', pos)) return (pos += 4), true;
    if (text.startsWith('false', pos)) return (pos += 5), false;
    if (text.startsWith('null', pos)) return (pos += 4), null;
    NUMBER.lastIndex = pos;
    const m = NUMBER.exec(text);
    if (m) {
      pos += m[0].length;
      return Number(m[0]);
    }
    return fail(pos >= text.length ? 'unexpected end of file, expected a value' : `unexpected ${describe(pos)}, expected a value`);
  };

  const readObject = (path: string, depth: number): Record<string, unknown> => {
    pos++;
    const out: Record<string, unknown> = {};
    skipSpace();
    if (text[pos] === '}') return pos++, out;
    for (;;) {
      skipSpace();
      if (text[pos] !== '"') fail(`unexpected ${describe(pos)}, expected a string key`);
      const keyAt = pos;
      const key = readString();
      skipSpace();
      if (text[pos] !== ':') fail(`unexpected ${describe(pos)}, expected ":" after key ${JSON.stringify(key)}`);
      pos++;
      const value = readValue(childPath(path, key), depth + 1);
      if (Object.prototype.hasOwnProperty.call(out, key)) duplicates.push({ objectPath: path, key, ...locate(keyAt) });
      // defineProperty: a "__proto__" key must stay a plain field, never a prototype.
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      skipSpace();
      if (text[pos] === ',') {
        pos++;
        continue;
      }
      if (text[pos] === '}') return pos++, out;
      fail(`unexpected ${describe(pos)}, expected "," or "}"`);
    }
  };

  const readArray = (path: string, depth: number): unknown[] => {
    pos++;
    const out: unknown[] = [];
    skipSpace();
    if (text[pos] === ']') return pos++, out;
    for (;;) {
      out.push(readValue(childPath(path, out.length), depth + 1));
      skipSpace();
      if (text[pos] === ',') {
        pos++;
        continue;
      }
      if (text[pos] === ']') return pos++, out;
      fail(`unexpected ${describe(pos)}, expected "," or "]"`);
    }
  };

  if (text.charCodeAt(0) === 0xfeff) pos = 1; // a UTF-8 byte order mark is harmless
  const value = readValue('$', 0);
  skipSpace();
  if (pos < text.length) fail(`unexpected ${describe(pos)} after the end of the document`);
  return { value, duplicates };
}
