/**
 * One choice of a streamed OpenAI chunk: every string a client receives from it (content,
 * reasoning, refusal, legacy completion text, tool-call and function_call arguments and names,
 * logprobs tokens) goes to the judge, and the judged text is written back into the choice.
 */
import { framingError } from './framing.js';
import type { HeldLogprobs } from './logprobs.js';
import { judgeWhole } from './text.js';
import type { StreamChannel, StreamText } from './types.js';

type JsonObject = Record<string, unknown>;
const isObject = (v: unknown): v is JsonObject => !!v && typeof v === 'object' && !Array.isArray(v);

/** The streamed text fields of a chat choice's delta (or message). */
export const CHAT_TEXT_FIELDS = ['content', 'reasoning_content', 'reasoning', 'refusal'] as const;
/** The logprobs lists of a chat choice that are held back token by token. */
export const LOGPROBS_LISTS = ['content', 'refusal'] as const;

/** Where a channel's text lives in a choice, so held text can be written back into one. */
export type Where =
  | { readonly kind: 'chat'; readonly field: string }
  | { readonly kind: 'tool'; readonly tool: number }
  | { readonly kind: 'completion' }
  | { readonly kind: 'function_call' }
  /** Logprobs tokens: judged as text, but written back through HeldLogprobs, never as text. */
  | { readonly kind: 'logprobs' };

export interface Placed extends StreamChannel {
  readonly choice: number;
  readonly where: Where;
}

/** Appends `text` to holder[field] (a string or absent). */
function append(holder: JsonObject, field: string, text: string): void {
  holder[field] = (typeof holder[field] === 'string' ? (holder[field] as string) : '') + text;
}

const child = (holder: JsonObject, field: string, make: () => JsonObject): JsonObject =>
  (isObject(holder[field]) ? holder[field] : (holder[field] = make())) as JsonObject;

/** Appends released text to the right field of a choice. */
export function writeInto(choice: JsonObject, where: Where, text: string): void {
  if (where.kind === 'logprobs') return;
  if (where.kind === 'completion') return append(choice, 'text', text);
  const delta = child(choice, 'delta', () => ({}));
  if (where.kind === 'chat') return append(delta, where.field, text);
  if (where.kind === 'function_call') return append(child(delta, 'function_call', () => ({})), 'arguments', text);
  const calls = (Array.isArray(delta.tool_calls) ? delta.tool_calls : (delta.tool_calls = [])) as JsonObject[];
  let call = calls.find((c) => c.index === where.tool);
  if (!call) calls.push((call = { index: where.tool, function: { arguments: '' } }));
  append(child(call, 'function', () => ({})), 'arguments', text);
}

/** What a stream remembers across chunks: where each channel writes, and the held logprobs. */
export interface StreamMemory {
  /** The channel at `key`, remembered so that held text can be written back. */
  place(key: string, choice: number, where: Where, path: string, jsonString?: boolean): Placed;
  placed(key: string): Placed | undefined;
  /** Held logprobs of one choice's list (`0:content`), made on first use. */
  heldLogprobs(key: string): HeldLogprobs;
  hasHeldLogprobs(key: string): boolean;
}

/** The channel keys and finding paths of one choice index, built once rather than per event. */
interface ChoiceNames {
  readonly text: { readonly key: string; readonly path: string };
  readonly chat: readonly { readonly field: string; readonly key: string; readonly path: string; readonly where: Where }[];
  /** `0:content`, `0:refusal`: the held logprobs lists. */
  readonly logprobs: readonly string[];
}

/** Choice indexes whose names are kept for the isolate's life (streams have one or a few). */
const CACHED_CHOICES = 16;
const namesCache: ChoiceNames[] = [];

function namesOf(index: number): ChoiceNames {
  const cached = index >= 0 && index < CACHED_CHOICES && Number.isInteger(index) ? namesCache[index] : undefined;
  if (cached) return cached;
  const names: ChoiceNames = {
    text: { key: `${index}:text`, path: `choices[${index}].text` },
    chat: CHAT_TEXT_FIELDS.map((field) => ({ field, key: `${index}:${field}`, path: `choices[${index}].delta.${field}`, where: { kind: 'chat', field } as const })),
    logprobs: LOGPROBS_LISTS.map((list) => `${index}:${list}`),
  };
  if (index >= 0 && index < CACHED_CHOICES && Number.isInteger(index)) namesCache[index] = names;
  return names;
}

/** One choice of one chunk: feeds its strings, flushes its channels on its finish event. */
export class ChoiceRewrite {
  private changed = false;
  private readonly final: boolean;
  private readonly names: ChoiceNames;

  constructor(
    private readonly codec: StreamMemory,
    private readonly choice: JsonObject,
    private readonly index: number,
    private readonly text: StreamText,
  ) {
    this.final = choice.finish_reason !== undefined && choice.finish_reason !== null;
    this.names = namesOf(index);
  }

  /** True when the choice was rewritten. */
  run(): boolean {
    const { choice, index, names } = this;
    if (typeof choice.text === 'string' || (this.final && this.text.has(names.text.key))) {
      this.swap(choice, 'text', this.codec.place(names.text.key, index, { kind: 'completion' }, names.text.path));
    }
    const delta = isObject(choice.delta) ? choice.delta : isObject(choice.message) ? choice.message : undefined;
    if (delta) {
      this.chatFields(delta);
      this.toolCalls(delta);
      this.functionCall(delta);
    }
    this.choiceLogprobs();
    if (this.final) this.releaseHeld();
    return this.changed;
  }

  /** Feeds holder[field] to the channel and writes back what may be sent now. */
  private swap(holder: JsonObject, field: string, channel: StreamChannel): void {
    const value = holder[field];
    const released = this.text.feed(channel, typeof value === 'string' ? value : '', this.final);
    if (released !== value && !(value === undefined && released === '')) {
      holder[field] = released;
      this.changed = true;
    }
  }

  private whole(holder: JsonObject, field: string, path: string): void {
    if (judgeWhole(holder, field, path, this.text)) this.changed = true;
  }

  private chatFields(delta: JsonObject): void {
    const { index } = this;
    for (const { field, key, path, where } of this.names.chat) {
      if (typeof delta[field] === 'string' || (this.final && this.text.has(key))) this.swap(delta, field, this.codec.place(key, index, where, path));
    }
  }

  private toolCalls(delta: JsonObject): void {
    const { index } = this;
    const toolCalls = Array.isArray(delta.tool_calls) ? delta.tool_calls : [];
    for (const [k, call] of toolCalls.entries()) {
      if (!isObject(call)) continue;
      const tool = typeof call.index === 'number' ? call.index : k;
      const fn = isObject(call.function) ? call.function : undefined;
      const path = `choices[${index}].delta.tool_calls[${tool}].function`;
      if (fn && typeof fn.arguments === 'string') {
        this.swap(fn, 'arguments', this.codec.place(`${index}:tool:${tool}`, index, { kind: 'tool', tool }, `${path}.arguments`, true));
      }
      // A tool's name arrives whole, in its first delta: judged as it is.
      if (fn && typeof fn.name === 'string') this.whole(fn, 'name', `${path}.name`);
    }
  }

  /** The legacy function_call: arguments stream like a tool call's, the name arrives whole. */
  private functionCall(delta: JsonObject): void {
    const { index } = this;
    const legacy = isObject(delta.function_call) ? delta.function_call : undefined;
    if (legacy && typeof legacy.arguments === 'string') {
      this.swap(legacy, 'arguments', this.codec.place(`${index}:function_call`, index, { kind: 'function_call' }, `choices[${index}].delta.function_call.arguments`, true));
    }
    if (legacy && typeof legacy.name === 'string') this.whole(legacy, 'name', `choices[${index}].delta.function_call.name`);
  }

  /**
   * Holds this choice's logprobs (chosen tokens and alternatives, each rank judged as one text)
   * and writes back the entries every rank has decided past, masked where redacted.
   */
  private choiceLogprobs(): void {
    const { choice, index, text, final } = this;
    const incoming = isObject(choice.logprobs) ? choice.logprobs : undefined;
    // Nearly every event: no logprobs asked for, none held.
    if (!incoming && choice.logprobs == null && !this.names.logprobs.some((key) => this.codec.hasHeldLogprobs(key))) return;
    // Only the chat form (content/refusal lists) is held back token by token; tokens in any other
    // form (legacy completions' tokens/top_logprobs maps) would reach the client unjudged.
    const lists: readonly string[] = LOGPROBS_LISTS;
    if (incoming && Object.keys(incoming).some((k) => !lists.includes(k) && incoming[k] !== null)) throw framingError('logprobs_shape');
    let changed = false;
    const released: JsonObject = {};
    for (const list of LOGPROBS_LISTS) {
      const key = `${index}:${list}`;
      const entries = incoming && Array.isArray(incoming[list]) ? (incoming[list] as unknown[]) : [];
      if (!entries.length && !this.codec.hasHeldLogprobs(key)) continue;
      const held = this.codec.heldLogprobs(key);
      const added = held.hold(entries);
      for (let rank = 0; rank < held.ranks; rank++) {
        const path = `choices[${index}].logprobs.${list}${rank ? `[].top_logprobs[${rank - 1}]` : '[]'}.token`;
        text.feed(this.codec.place(`${key}:lp${rank}`, index, { kind: 'logprobs' }, path), added[rank] ?? '', final);
      }
      const out = held.release((rank) => text.decided(`${key}:lp${rank}`), final);
      if (entries.length || out.length) changed = true;
      if (out.length) released[list] = out;
      else if (incoming && list in incoming) released[list] = [];
    }
    if (changed) {
      choice.logprobs = Object.keys(released).length ? { ...(incoming ?? {}), ...released } : null;
      this.changed = true;
    }
  }

  /** Whatever this choice still holds (channels absent from the finish event) goes out here. */
  private releaseHeld(): void {
    for (const { key, text } of this.text.releaseHeld(`${this.index}:`)) {
      const at = this.codec.placed(key);
      if (!at) continue;
      writeInto(this.choice, at.where, text);
      this.changed = true;
    }
  }
}
