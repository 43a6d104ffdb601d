/**
 * OpenAI's streamed responses: server-sent events whose `data:` is a chunk with `choices`, ended
 * by `data: [DONE]`. Each choice's strings are judged by openai-choice.ts; this module parses and
 * rebuilds events, refuses framing it cannot judge, and synthesises chunks for held text.
 */
import { EventTemplate } from './event-template.js';
import { framingError, isSseFieldLine, splitSse, upstreamStreamError } from './framing.js';
import { HeldLogprobs } from './logprobs.js';
import { ChoiceRewrite, writeInto, type Placed, type StreamMemory, type Where } from './openai-choice.js';
import type { SplitFrames, StreamCodec, StreamText } from './types.js';

type JsonObject = Record<string, unknown>;
const isObject = (v: unknown): v is JsonObject => !!v && typeof v === 'object' && !Array.isArray(v);

/** The data of an SSE event's `data:` lines, or undefined when it has none. */
function sseData(lines: readonly string[]): string | undefined {
  const dataLines = lines.filter((l) => l.startsWith('data:'));
  return dataLines.length ? dataLines.map((l) => l.slice(5).replace(/^ /, '')).join('\n') : undefined;
}

/** The data of an event that is one `data:` line (one leading space dropped, as the spec says). */
function dataOfLine(line: string): string {
  return line.charCodeAt(5) === 0x20 ? line.slice(6) : line.slice(5);
}

/** The event's lines with its data replaced by `event` (one data: line, other fields kept). */
function rebuildSse(lines: readonly string[], event: JsonObject): string {
  const rebuilt: string[] = [];
  let dataWritten = false;
  for (const l of lines) {
    if (!l.startsWith('data:')) rebuilt.push(l);
    else if (!dataWritten) {
      rebuilt.push(`data: ${JSON.stringify(event)}`);
      dataWritten = true;
    }
  }
  return rebuilt.join('\n');
}

/** A chunk parsed from its data: refuses what is not JSON, not a chunk, or an upstream error. */
function parseChunk(data: string): JsonObject & { choices: unknown[] } {
  let event: unknown;
  try {
    event = JSON.parse(data);
  } catch {
    throw framingError('sse_data_not_json'); // not JSON: nothing we could scan, so not relayed
  }
  if (isObject(event) && event.error !== undefined) throw upstreamStreamError();
  if (!isObject(event) || !Array.isArray(event.choices)) throw framingError('event_shape');
  return event as JsonObject & { choices: unknown[] };
}

const CONTENT_WHERE = { kind: 'chat', field: 'content' } as const;
/**
 * A content event whose text is all held is dropped rather than sent with empty content (each
 * event sent costs the runtime a client write), unless nothing was sent for this long: a client
 * still hears from a stream whose text is held back.
 */
const QUIET_MS = 1000;
const CHOICE_KEYS = new Set(['index', 'delta', 'finish_reason', 'logprobs']);

/**
 * Whether `event` is an ordinary content event, with `sentinel` as its first choice's delta
 * content: one choice, index 0, not final, no logprobs, and a delta of content (and role) only.
 * Such an event's only judged string is that content: its fast path (EventTemplate) does what
 * ChoiceRewrite would.
 */
function plainContentEvent(event: unknown, sentinel: string): boolean {
  if (!isObject(event) || event.error !== undefined || !Array.isArray(event.choices) || event.choices.length !== 1) return false;
  const choice: unknown = event.choices[0];
  if (!isObject(choice) || choice.index !== 0 || choice.finish_reason != null || choice.logprobs != null) return false;
  if (Object.keys(choice).some((k) => !CHOICE_KEYS.has(k))) return false;
  const delta = choice.delta;
  if (!isObject(delta) || delta.content !== sentinel) return false;
  return Object.keys(delta).every((k) => k === 'content' || (k === 'role' && typeof delta.role === 'string'));
}

/**
 * The SSE codec of one OpenAI stream.
 * @example
 * const codec = new OpenAiStreamCodec();
 * codec.rewrite('data: {"choices":[{"index":0,"delta":{"content":"hi"}}]}', text);
 */
export class OpenAiStreamCodec implements StreamCodec, StreamMemory {
  /** The last chunk, whose identity fields synthetic chunks that carry held text repeat. */
  private last: JsonObject = {};
  private readonly channels = new Map<string, Placed>();
  /** Held logprobs per choice and list (`0:content`, `0:refusal`). */
  private readonly logprobs = new Map<string, HeldLogprobs>();
  /** This stream's ordinary content event, once one is verified: later ones skip the whole parse. */
  private readonly template = new EventTemplate('"content":');
  /** When an event last went to the client (Date.now()). */
  private lastSent = 0;

  split(buffer: string, atEnd: boolean): SplitFrames {
    return splitSse(buffer, atEnd);
  }

  rewrite(raw: string, text: StreamText): string {
    const out = this.rewriteEvent(raw, text);
    if (out) this.lastSent = Date.now();
    return out;
  }

  private rewriteEvent(raw: string, text: StreamText): string {
    // Nearly every event is one `data:` line: it skips the line split and the rebuild of fields.
    const oneDataLine = raw.startsWith('data:') && !raw.includes('\n');
    const lines = oneDataLine ? null : raw.split(/\r?\n/);
    if (lines && !lines.every(isSseFieldLine)) throw framingError('sse_field');
    const data = lines ? sseData(lines) : dataOfLine(raw);
    if (data === undefined) return raw;
    if (data.trim() === '[DONE]') return this.flush(text) + raw;
    if (!lines && this.logprobs.size === 0) {
      const content = this.template.slotOf(data);
      if (content !== undefined) return this.rewriteContent(raw, content, text);
    }
    const event = parseChunk(data);
    this.last = event;
    let changed = false;
    const { choices } = event;
    for (let i = 0; i < choices.length; i++) {
      const choice = choices[i];
      if (!isObject(choice)) continue;
      const index = typeof choice.index === 'number' ? choice.index : i;
      changed = new ChoiceRewrite(this, choice, index, text).run() || changed;
    }
    if (!lines) this.template.learn(data, plainContentEvent);
    if (!changed) return raw;
    return lines ? rebuildSse(lines, event) : `data: ${JSON.stringify(event)}`;
  }

  /** An event with the verified skeleton: its content judged, the original bytes kept when unchanged. */
  private rewriteContent(raw: string, content: string, text: StreamText): string {
    this.last = this.template.event as JsonObject;
    const released = text.feed(this.place('0:content', 0, CONTENT_WHERE, 'choices[0].delta.content'), content, false);
    if (released === content) return raw;
    if (!released && Date.now() - this.lastSent < QUIET_MS) return '';
    return `data: ${this.template.render(released)}`;
  }

  flush(text: StreamText): string {
    let out = '';
    for (const { key, text: rest } of text.releaseHeld('')) {
      const at = this.channels.get(key);
      if (!at || at.where.kind === 'logprobs') continue;
      const choice: JsonObject = { index: at.choice, finish_reason: null };
      writeInto(choice, at.where, rest);
      out += this.chunk(choice);
    }
    // Logprobs still held (their texts are decided above): one synthetic chunk per choice and list.
    for (const [key, held] of this.logprobs) {
      const [choiceIndex, list] = key.split(':') as [string, string];
      const entries = held.release((rank) => text.decided(`${key}:lp${rank}`), true);
      if (entries.length) out += this.chunk({ index: Number(choiceIndex), delta: {}, logprobs: { [list]: entries }, finish_reason: null });
    }
    return out;
  }

  /** A synthetic chunk of one choice, with the stream's identity fields. */
  private chunk(choice: JsonObject): string {
    const { id, object, created, model } = this.last;
    return `data: ${JSON.stringify({ id, object, created, model, choices: [choice] })}\n\n`;
  }

  place(key: string, choice: number, where: Where, path: string, jsonString = false): Placed {
    let at = this.channels.get(key);
    if (!at) this.channels.set(key, (at = { key, choice, where, path, jsonString }));
    return at;
  }

  heldLogprobs(key: string): HeldLogprobs {
    let held = this.logprobs.get(key);
    if (!held) this.logprobs.set(key, (held = new HeldLogprobs()));
    return held;
  }

  hasHeldLogprobs(key: string): boolean {
    return this.logprobs.has(key);
  }

  placed(key: string): Placed | undefined {
    return this.channels.get(key);
  }
}

