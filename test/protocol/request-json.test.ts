/**
 * The request body's JSON reading (issue 15): JSON.parse plus a key count instead of the strict
 * reader, with the same answers. Every case is checked against the strict reader itself.
 */
import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../worker/core/index.js';
import { keysInText, keysInValue, parseRequestJson } from '../../worker/protocol/body.js';
import { readJson } from '../../worker/policy/json.js';

/** What the strict reader alone answered before: the value, or the error's code and message. */
function strictOutcome(text: string): unknown {
  try {
    const { value, duplicates } = readJson(text);
    if (duplicates[0]) return { code: 'duplicate_key', line: duplicates[0].line, column: duplicates[0].column };
    return { value };
  } catch {
    return { code: 'invalid_json' };
  }
}

function fastOutcome(text: string): unknown {
  try {
    return { value: parseRequestJson(text) };
  } catch (e) {
    const error = e as GatewayError;
    expect(error).toBeInstanceOf(GatewayError);
    expect(error.status).toBe(400);
    const at = error.message.match(/line (\d+), column (\d+)/);
    return error.code === 'duplicate_key' ? { code: error.code, line: Number(at![1]), column: Number(at![2]) } : { code: error.code };
  }
}

const CASES = [
  '{"model":"m","messages":[{"role":"user","content":"hi"}]}',
  '{"model":"m","model":"x"}',
  '{"a":{"b":1},"c":[{"d":1,"d":2}]}',
  '{"a":"x:y:z","b":"\\"c\\":1"}',
  '{"k\\"":1,"k\\"":2}',
  '{"a":1,"\\u0061":2}',
  '{"__proto__":{"x":1},"__proto__":2}',
  '{"__proto__":{"x":1}}',
  '\ufeff{"a":1}',
  '{"a":[1,2,{"b":{"c":{"c":1,"d":{"e":[{"f":1},{"f":1,"g":2,"f":3}]}}}}]}',
  '{\n  "a": 1,\n  "b": 2,\n  "a": 3\n}',
  '{"a":1,}',
  '{"a":01}',
  '{"a":"tab\there"}',
  '[1,2,3]',
  '"text"',
  '{"a":1} x',
  '{"1":1,"01":2,"1":3}',
  '{"":1,"":2}',
  '',
];

describe('request JSON fast path', () => {
  it.each(CASES.map((c) => [c]))('answers %j as the strict reader does', (text) => {
    expect(fastOutcome(text)).toEqual(strictOutcome(text));
  });

  it('agrees with the strict reader on random bodies with and without repeated keys', () => {
    let seed = 7;
    const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const keys = ['a', 'b', 'c', 'role', 'content', 'x:y', 'q"q', '__proto__'];
    const build = (depth: number): string => {
      const kind = depth > 3 ? rand(3) : rand(5);
      if (kind === 0) return String(rand(100));
      if (kind === 1) return JSON.stringify(`s${rand(10)}:{"${rand(10)}"}`);
      if (kind === 2) return 'null';
      if (kind === 3) return `[${Array.from({ length: rand(4) }, () => build(depth + 1)).join(',')}]`;
      return `{${Array.from({ length: rand(5) }, () => `${JSON.stringify(keys[rand(keys.length)])}:${build(depth + 1)}`).join(',')}}`;
    };
    let repeated = 0;
    for (let i = 0; i < 500; i++) {
      const text = build(0);
      const strict = strictOutcome(text) as { code?: string };
      if (strict.code === 'duplicate_key') repeated++;
      expect(fastOutcome(text)).toEqual(strict);
    }
    expect(repeated).toBeGreaterThan(50); // the generator does produce repeats
  });

  it('counts keys in the text and in the parsed value', () => {
    const text = '{"a":{"b:c":1,"d":[{"e":1}]},"a":2}';
    expect(keysInText(text)).toBe(5);
    expect(keysInValue(JSON.parse(text))).toBe(1);
    expect(keysInValue(JSON.parse('{"a":{"b:c":1,"d":[{"e":1}]}}'))).toBe(4);
  });
});
