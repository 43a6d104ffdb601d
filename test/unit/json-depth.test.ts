/** The nesting scan that runs before JSON.parse: one pass, strings and escapes respected. */
import { describe, expect, it } from 'vitest';
import { jsonDepthExceeds, MAX_JSON_DEPTH } from '../../worker/pipeline/body.js';

describe('jsonDepthExceeds', () => {
  it('counts objects and arrays, not brackets inside strings or after escaped quotes', () => {
    expect(jsonDepthExceeds('{"a":[{"b":[]}]}', 4)).toBe(false);
    expect(jsonDepthExceeds('{"a":[{"b":[]}]}', 3)).toBe(true);
    expect(jsonDepthExceeds('{"s":"[[[[{{{{"}', 1)).toBe(false);
    expect(jsonDepthExceeds('{"s":"\\"[[[[\\\\"}', 1)).toBe(false);
    expect(jsonDepthExceeds('{"s":"\\\\"}[[', 1)).toBe(true);
    expect(jsonDepthExceeds('[1,[2],[3],[4]]', 2)).toBe(false);
  });

  it('handles a million levels without recursion', () => {
    const deep = '['.repeat(1_000_000) + ']'.repeat(1_000_000);
    expect(jsonDepthExceeds(deep, MAX_JSON_DEPTH)).toBe(true);
    expect(jsonDepthExceeds('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH), MAX_JSON_DEPTH)).toBe(false);
  });
});
