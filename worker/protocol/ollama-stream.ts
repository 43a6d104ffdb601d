/**
 * Ollama's streamed responses: NDJSON, one JSON object per line, the last with `"done": true`.
 * Lists every string a client receives from a line (chat `message.content` and `.thinking`,
 * generate's `response` and `thinking`, whole tool calls), writes the judged text back, and
 * synthesises lines for held text. Streamed logprobs are refused (not held back token by token).
 */
import { framingError, splitNdjson, upstreamStreamError } from './framing.js';
import { judgeWhole } from './text.js';
import type { SplitFrames, StreamChannel, StreamCodec, StreamText } from './types.js';

type JsonObject = Record<string, unknown>;
const isObject = (v: unknown): v is JsonObject => !!v && typeof v === 'object' && !Array.isArray(v);

/** A streamed text field of a line: the chat form's message fields, or generate's top-level ones. */
interface Field extends StreamChannel {
  /** Which object holds it. */
  readonly inMessage: boolean;
  readonly field: 'content' | 'thinking' | 'response';
}

const fieldAt = (key: string, path: string, inMessage: boolean, name: Field['field']): Field => ({ key, path, jsonString: false, inMessage, field: name });

/** The streamed text fields of the chat form (`message`) and of the generate form. */
export const CHAT_FIELDS: readonly Field[] = [fieldAt('ollama:content', 'message.content', true, 'content'), fieldAt('ollama:thinking', 'message.thinking', true, 'thinking')];
export const GENERATE_FIELDS: readonly Field[] = [fieldAt('ollama:response', 'response', false, 'response'), fieldAt('ollama:top.thinking', 'thinking', false, 'thinking')];
const BY_KEY = new Map([...CHAT_FIELDS, ...GENERATE_FIELDS].map((f) => [f.key, f]));

/** Appends released text to its field of a line, creating the message when needed. */
function writeInto(event: JsonObject, where: Field, text: string): void {
  const holder = where.inMessage ? ((isObject(event.message) ? event.message : (event.message = { role: 'assistant', content: '' })) as JsonObject) : event;
  holder[where.field] = (typeof holder[where.field] === 'string' ? (holder[where.field] as string) : '') + text;
}

/** A line parsed: refuses what is not JSON, not an object, an upstream error or streamed logprobs. */
function parseLine(line: string): JsonObject {
  let event: unknown;
  try {
    event = JSON.parse(line);
  } catch {
    throw framingError('ndjson_not_json');
  }
  if (!isObject(event)) throw framingError('event_shape');
  if (event.error !== undefined) throw upstreamStreamError();
  // Ollama's streamed logprobs are not held back with the text: not relayed rather than unjudged.
  if (event.logprobs !== undefined && event.logprobs !== null) throw framingError('logprobs_shape');
  return event;
}

/** A line with no other keys carries nothing but its text fields, the model and a timestamp. */
const ORDINARY_LINE_KEYS = new Set(['model', 'created_at', 'message', 'response', 'thinking', 'done']);
const ORDINARY_MESSAGE_KEYS = new Set(['role', 'content', 'thinking']);
/** A line whose text is all held is dropped, unless nothing went to the client for this long. */
const QUIET_MS = 1000;

function ordinaryLine(event: JsonObject, message: JsonObject | undefined): boolean {
  return Object.keys(event).every((k) => ORDINARY_LINE_KEYS.has(k)) && (!message || Object.keys(message).every((k) => ORDINARY_MESSAGE_KEYS.has(k)));
}

/**
 * The NDJSON codec of one Ollama stream.
 * @example
 * new OllamaStreamCodec().rewrite('{"message":{"content":"hi"},"done":false}', text);
 */
export class OllamaStreamCodec implements StreamCodec {
  /** When a line last went to the client (Date.now()). */
  private lastSent = 0;

  split(buffer: string, atEnd: boolean): SplitFrames {
    return splitNdjson(buffer, atEnd);
  }

  rewrite(line: string, text: StreamText): string {
    const out = this.rewriteLine(line, text);
    if (out) this.lastSent = Date.now();
    return out;
  }

  private rewriteLine(line: string, text: StreamText): string {
    if (!line.trim()) return line;
    const event = parseLine(line);
    const final = event.done === true;
    let changed = false;
    /** Text was fed and none of it released: the line carries nothing for the client now. */
    let allHeld = true;
    let fed = false;
    const message = isObject(event.message) ? event.message : undefined;
    for (const at of message ? CHAT_FIELDS : GENERATE_FIELDS) {
      const holder = message ?? event;
      const value = holder[at.field];
      if (typeof value !== 'string' && !(final && text.has(at.key))) continue;
      const released = text.feed(at, typeof value === 'string' ? value : '', final);
      if (released !== value && !(value === undefined && released === '')) {
        holder[at.field] = released;
        changed = true;
      }
      fed ||= typeof value === 'string' && value !== '';
      allHeld &&= released === '';
    }
    if (!final && fed && allHeld && ordinaryLine(event, message) && Date.now() - this.lastSent < QUIET_MS) return '';
    // Ollama sends a tool call whole, in one line: judged as it is.
    if (message && message.tool_calls !== undefined) changed = judgeWhole(message, 'tool_calls', 'message.tool_calls', text) || changed;
    if (final) {
      for (const { key, text: rest } of text.releaseHeld('ollama:')) {
        const at = BY_KEY.get(key);
        if (!at) continue;
        writeInto(event, at, rest);
        changed = true;
      }
    }
    return changed ? JSON.stringify(event) : line;
  }

  flush(text: StreamText): string {
    let out = '';
    for (const { key, text: rest } of text.releaseHeld('')) {
      const at = BY_KEY.get(key);
      if (!at) continue;
      const event: JsonObject = { done: false };
      writeInto(event, at, rest);
      out += `${JSON.stringify(event)}\n`;
    }
    return out;
  }
}
