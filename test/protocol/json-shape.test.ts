import { describe, expect, it } from 'vitest';
import { jsonShape } from '../../worker/protocol/json-shape.js';
import { keysInText } from '../../worker/protocol/body.js';
import { jsonDepthExceeds } from '../../worker/pipeline/body.js';

describe('jsonShape (one pass for nesting and key count)', () => {
  it('counts keys outside strings and tells nesting past the limit', () => {
    expect(jsonShape('{"a":{"b:c":1},"a":2}', 64)).toEqual({ tooDeep: false, keys: 3 });
    expect(jsonShape('{"s":"\\":{[[["}', 1)).toEqual({ tooDeep: false, keys: 1 });
    expect(jsonShape('{"a":[{"b":[]}]}', 4).tooDeep).toBe(false);
    expect(jsonShape('{"a":[{"b":[]}]}', 3).tooDeep).toBe(true);
  });

  it('agrees with the two separate walks it replaces on a realistic body', () => {
    const body = JSON.stringify({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'Be brief: {"json": [1, 2]} stays text' },
        { role: 'user', content: 'Call Jane Doe at +1 415 555 0100, card 4111 1111 1111 1111 \\ "quoted": yes' },
      ],
      tools: [{ type: 'function', function: { name: 'f', parameters: { type: 'object', properties: { a: { type: 'string' } } } } }],
    });
    const shape = jsonShape(body, 64);
    expect(shape.keys).toBe(keysInText(body));
    expect(shape.keys).toBe(15);
    for (const limit of [1, 2, 3, 4, 5, 6, 7]) expect(jsonShape(body, limit).tooDeep).toBe(jsonDepthExceeds(body, limit));
    expect(jsonShape(body, 6).tooDeep).toBe(true);
    expect(jsonShape(body, 7).tooDeep).toBe(false);
  });
});
