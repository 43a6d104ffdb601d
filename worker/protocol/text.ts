import type { StreamText, TextPart } from './types.js';

type JsonObject = Record<string, unknown>;
const isObject = (v: unknown): v is JsonObject => !!v && typeof v === 'object' && !Array.isArray(v);

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

/**
 * Whether the text at `path` is itself JSON text inside a string (tool-call and function_call
 * arguments): values restored into it are JSON-escaped.
 * @example
 * isJsonStringField(['choices', 0, 'message', 'tool_calls', 0, 'function', 'arguments']); // true
 */
export const isJsonStringField = (path: readonly (string | number)[]): boolean => path[path.length - 1] === 'arguments';

/** Rewrites every string under holder[field] through `text.whole` (strings that arrive whole). True when changed. */
export function judgeWhole(holder: JsonObject, field: string, path: string, text: StreamText): boolean {
  let changed = false;
  const visit = (node: unknown, nodePath: string, set: (v: string) => void): void => {
    if (typeof node === 'string') {
      const out = text.whole(node, nodePath);
      if (out !== node) {
        set(out);
        changed = true;
      }
    } else if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) visit(node[i], `${nodePath}[${i}]`, (v) => (node[i] = v));
    } else if (isObject(node)) {
      for (const key of Object.keys(node)) visit(node[key], `${nodePath}.${key}`, (v) => (node[key] = v));
    }
  };
  visit(holder[field], path, (v) => (holder[field] = v));
  return changed;
}
