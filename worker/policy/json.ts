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
  return new JsonReader(text, options.comments === true).readDocument();
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const MAX_DEPTH = 64;
const LITERALS: ReadonlyArray<readonly [string, boolean | null]> = [
  ['true', true],
  ['false', false],
  ['null', null],
];

/** One pass over one document: a cursor, recursive descent, and the duplicate keys met on the way. */
class JsonReader {
  private pos = 0;
  private readonly duplicates: DuplicateKey[] = [];

  constructor(
    private readonly text: string,
    private readonly allowComments: boolean,
  ) {}

  readDocument(): ReadJsonResult {
    if (this.text.charCodeAt(0) === 0xfeff) this.pos = 1; // a UTF-8 byte order mark is harmless
    const value = this.readValue('$', 0);
    this.skipSpace();
    if (this.pos < this.text.length) this.fail(`unexpected ${this.describe(this.pos)} after the end of the document`);
    return { value, duplicates: this.duplicates };
  }

  private locate(at: number): { line: number; column: number } {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < at && i < this.text.length; i++) {
      if (this.text.charCodeAt(i) === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    return { line, column: at - lineStart + 1 };
  }

  private fail(reason: string, at = this.pos): never {
    const { line, column } = this.locate(at);
    throw new JsonSyntaxError(line, column, reason);
  }

  private describe(at: number): string {
    return at >= this.text.length ? 'end of file' : JSON.stringify(this.text[at]);
  }

  private skipSpace(): void {
    const { text } = this;
    for (;;) {
      const c = text.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.pos++;
      else if (c === 47 /* / */) this.skipComment();
      else return;
    }
  }

  private skipComment(): void {
    const { text } = this;
    const next = text[this.pos + 1];
    if (!this.allowComments || (next !== '/' && next !== '*')) this.fail('comments are not allowed in JSON');
    if (next === '/') {
      while (this.pos < text.length && text.charCodeAt(this.pos) !== 10) this.pos++;
      return;
    }
    const end = text.indexOf('*/', this.pos + 2);
    if (end < 0) this.fail('unterminated comment');
    this.pos = end + 2;
  }

  private readString(): string {
    const { text } = this;
    const start = this.pos;
    this.pos++; // opening quote
    let out = '';
    let chunkStart = this.pos;
    for (;;) {
      if (this.pos >= text.length) this.fail('unterminated string', start);
      const c = text.charCodeAt(this.pos);
      if (c === 34) {
        out += text.slice(chunkStart, this.pos);
        this.pos++;
        return out;
      }
      if (c < 32) this.fail('control character in string (escape it)');
      if (c === 92) {
        out += text.slice(chunkStart, this.pos) + this.readEscape();
        chunkStart = this.pos;
        continue;
      }
      this.pos++;
    }
  }

  /** The character of the escape sequence at pos (a backslash), moving past it. */
  private readEscape(): string {
    const { text, pos } = this;
    const e = text[pos + 1];
    if (e !== undefined && Object.prototype.hasOwnProperty.call(SIMPLE_ESCAPES, e)) {
      this.pos += 2;
      return SIMPLE_ESCAPES[e]!;
    }
    const hex = text.slice(pos + 2, pos + 6);
    if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(hex)) {
      this.pos += 6;
      return String.fromCharCode(parseInt(hex, 16));
    }
    return this.fail('invalid escape sequence in string');
  }

  private readValue(path: string, depth: number): unknown {
    if (depth > MAX_DEPTH) this.fail(`nesting deeper than ${MAX_DEPTH} levels`);
    this.skipSpace();
    const { text, pos } = this;
    const c = text[pos];
    if (c === '{') return this.readObject(path, depth);
    if (c === '[') return this.readArray(path, depth);
    if (c === '"') return this.readString();
    for (const [word, value] of LITERALS) {
      if (text.startsWith(word, pos)) {
        this.pos += word.length;
        return value;
      }
    }
    NUMBER.lastIndex = pos;
    const m = NUMBER.exec(text);
    if (m) {
      this.pos += m[0].length;
      return Number(m[0]);
    }
    return this.fail(pos >= text.length ? 'unexpected end of file, expected a value' : `unexpected ${this.describe(pos)}, expected a value`);
  }

  private readObject(path: string, depth: number): Record<string, unknown> {
    const { text } = this;
    this.pos++;
    const out: Record<string, unknown> = {};
    this.skipSpace();
    if (text[this.pos] === '}') return this.pos++, out;
    for (;;) {
      this.readMember(out, path, depth);
      this.skipSpace();
      if (text[this.pos] === ',') {
        this.pos++;
        continue;
      }
      if (text[this.pos] === '}') return this.pos++, out;
      this.fail(`unexpected ${this.describe(this.pos)}, expected "," or "}"`);
    }
  }

  /** One `"key": value` pair into `out`, noting a duplicate key. */
  private readMember(out: Record<string, unknown>, path: string, depth: number): void {
    this.skipSpace();
    if (this.text[this.pos] !== '"') this.fail(`unexpected ${this.describe(this.pos)}, expected a string key`);
    const keyAt = this.pos;
    const key = this.readString();
    this.skipSpace();
    if (this.text[this.pos] !== ':') this.fail(`unexpected ${this.describe(this.pos)}, expected ":" after key ${JSON.stringify(key)}`);
    this.pos++;
    const value = this.readValue(childPath(path, key), depth + 1);
    if (Object.prototype.hasOwnProperty.call(out, key)) this.duplicates.push({ objectPath: path, key, ...this.locate(keyAt) });
    // defineProperty: a "__proto__" key must stay a plain field, never a prototype.
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }

  private readArray(path: string, depth: number): unknown[] {
    const { text } = this;
    this.pos++;
    const out: unknown[] = [];
    this.skipSpace();
    if (text[this.pos] === ']') return this.pos++, out;
    for (;;) {
      out.push(this.readValue(childPath(path, out.length), depth + 1));
      this.skipSpace();
      if (text[this.pos] === ',') {
        this.pos++;
        continue;
      }
      if (text[this.pos] === ']') return this.pos++, out;
      this.fail(`unexpected ${this.describe(this.pos)}, expected "," or "]"`);
    }
  }
}
