/**
 * Where the text is in request and response bodies.
 *
 * The protocol module's `textParts` lists the fields each route defines; DLP does not rely on it
 * alone. It walks the whole body and scans every string except the checked protocol tokens of
 * protocol/tokens.ts, so
 * a field a client invents (a `name`, a `user` that is an email, tool definitions, Ollama's
 * `thinking`, a content part of an unknown type) is scanned too. Both lists are merged by path.
 */
import type { TextPart } from '../protocol/index.js';
import { isProtocolToken } from '../protocol/tokens.js';
import { framingError } from '../protocol/framing.js';

/**
 * Every scannable string under `value`, with its path: every string except the checked protocol
 * tokens of `isProtocolToken` (a role that is a role, a model name of model shape, base64 media
 * that decodes). A value outside its expected shape is scanned.
 */
export function walkStrings(value: unknown, path: (string | number)[], out: TextPart[]): void {
  if (typeof value === 'string') {
    if (!value.length) return;
    const key = path.length ? path[path.length - 1]! : null;
    const parent = path.length > 1 ? path[path.length - 2]! : null;
    if (key !== null && isProtocolToken(key, value, parent)) return;
    out.push({ path: [...path], text: value });
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) walkStrings(value[i], [...path, i], out);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) walkStrings(item, [...path, key], out);
  }
}

const pathKey = (path: readonly (string | number)[]): string => path.join('\u0000');

/** The protocol's text parts plus everything the body walk finds, once each, in body order. */
export function requestTextParts(body: Record<string, unknown>, protocolParts: readonly TextPart[]): TextPart[] {
  const walked: TextPart[] = [];
  walkStrings(body, [], walked);
  const seen = new Set(walked.map((p) => pathKey(p.path)));
  for (const part of protocolParts) if (!seen.has(pathKey(part.path))) walked.push(part);
  return walked;
}

/** A JSON path as a string for findings: messages[2].content[0].text */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : seg;
  return out || '$';
}

/** Writes `value` at `path` inside `root` (which the caller has already copied). */
export function setAtPath(root: unknown, path: readonly (string | number)[], value: string): void {
  let node = root as Record<string | number, unknown>;
  for (let i = 0; i < path.length - 1; i++) node = node[path[i]!] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
}

export { isJsonStringField } from '../protocol/text.js';

/**
 * The text of a whole response: every string of the JSON body (choices' content, tool-call
 * arguments, reasoning, logprobs tokens, Ollama's message/response). A body that is not JSON
 * throws framingError('not_json').
 */
export function extractResponseParts(text: string): { root: unknown; parts: TextPart[] } {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    // SSE when stream:false was asked, or any body that is not JSON: not relayed (fail closed).
    throw framingError('not_json');
  }
  const parts: TextPart[] = [];
  walkStrings(root, [], parts);
  return { root, parts };
}
