/** The `model` field is a protocol token only while it cannot hide a value: model-shaped values that could are scanned. */
import { describe, expect, it } from 'vitest';
import { isProtocolToken } from '../../worker/protocol/tokens.js';

describe('model names on the allow-list', () => {
  it.each(['llama3.1:8b', 'org/model-7b-instruct', 'gpt-4o-mini', 'qwen2.5-72b-instruct', 'mock-llama'])('%s is a model name (not scanned)', (name) => {
    expect(isProtocolToken('model', name, null)).toBe(true);
  });
  it.each(['4539578763621486', '536-22-1234', 'AKIAZ7VRSQ2LMXK4P3TN', 'model-4539578763621486', 'card 4111111111111111'])('%s is scanned', (name) => {
    expect(isProtocolToken('model', name, null)).toBe(false);
  });
});
