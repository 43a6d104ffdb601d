import type { TextPart } from './index.js';

/**
 * Collects every string under `value` (recursively), with its JSON path. Used for message
 * content parts, tool calls and tool results, whose shapes vary by client.
 */
export function collectStrings(value: unknown, path: (string | number)[], out: TextPart[]): void {
  if (typeof value === 'string') {
    if (value.length) out.push({ path: [...path], text: value });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => collectStrings(item, [...path, i], out));
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) collectStrings(item, [...path, key], out);
  }
}
