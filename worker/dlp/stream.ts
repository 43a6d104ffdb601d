/**
 * Streamed responses: parses SSE `data:` events (OpenAI) or NDJSON lines (Ollama), reassembles
 * the text of each channel (a choice's content, reasoning, a tool call's arguments), and scans it
 * with a hold-back window so that a value split across chunks is still seen whole.
 *
 * Release rule, per channel: text is sent once it is older than the hold-back window, except
 * - the trailing run of non-space characters (a token may still be growing),
 * - a match that touches the end of the buffer (it may still extend: a PEM block, a JWT),
 * - a cut that would split a match or a `[TYPE_n]` placeholder;
 * each bounded by MAX_HOLD_CHARS. Events are rewritten in place (the released text replaces the
 * delta), so the client keeps the upstream's event rhythm and its first byte is not delayed
 * beyond the window. Held text goes out with the choice's finish event, or before `[DONE]`.
 */
import type { Finding, StreamInspector } from '../core/index.js';
import type { StreamFraming } from '../protocol/index.js';
import { bareCarriageReturn, framingError, isSseFieldLine, upstreamStreamError } from '../protocol/framing.js';
import type { CompiledDlp } from './compile.js';
import { DlpBlockedError, type FindingHasher } from './findings.js';
import { placeholderSafeCut, type Redactor } from './redact.js';
import { scanText, type Match } from './scan.js';
import { HeldLogprobs, type DecidedText } from './logprobs.js';

/** Upper bound on how long an open-ended value is held before it is released (redacted) anyway. */
export const MAX_HOLD_CHARS = 16384;
/** Released text kept (unsent again) so context words before a value are still seen. */
const CONTEXT_CHARS = 64;

type JsonObject = Record<string, unknown>;

/** Where a channel's text lives in an event, so held text can be written back into one. */
type ChannelKind =
  | { readonly kind: 'chat'; readonly choice: number; readonly field: string }
  | { readonly kind: 'tool'; readonly choice: number; readonly tool: number }
  | { readonly kind: 'completion'; readonly choice: number }
  | { readonly kind: 'function_call'; readonly choice: number }
  | { readonly kind: 'ollama'; readonly field: 'content' | 'thinking' | 'response' | 'top.thinking' }
  /** Logprobs tokens: scanned and decided, but written back through HeldLogprobs, never as text. */
  | { readonly kind: 'logprobs'; readonly choice: number };

interface Channel {
  readonly where: ChannelKind;
  readonly path: string;
  readonly jsonString: boolean;
  pending: string;
  context: string;
  /** Characters of this channel already released. */
  offset: number;
  /** Released ranges that were redacted, in channel offsets (for masking logprobs tokens). */
  readonly redacted: [number, number][];
}

export interface StreamInspectorOptions {
  readonly compiled: CompiledDlp;
  readonly framing: StreamFraming;
  readonly redactor: Redactor;
  readonly hasher: FindingHasher;
  /** Scan the output (settings.scan_response); when false the inspector only restores placeholders. */
  readonly scan: boolean;
}

const encoder = new TextEncoder();
const isObject = (v: unknown): v is JsonObject => !!v && typeof v === 'object' && !Array.isArray(v);
const EVENT_BOUNDARY = /\r?\n\r?\n/;

/** Start of the trailing run of non-whitespace characters. */
function trailingTokenStart(text: string): number {
  let i = text.length;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (c === 32 || c === 10 || c === 9 || c === 13) break;
    i--;
  }
  return i;
}

export class DlpStreamInspector implements StreamInspector {
  readonly findings: Finding[] = [];
  private readonly decoder = new TextDecoder();
  private buffer = '';
  private readonly channels = new Map<string, Channel>();
  /** The last OpenAI chunk's identity fields, for synthetic events that carry held text. */
  private template: JsonObject = {};
  /** Held logprobs per choice and list (`0:content`, `0:refusal`). */
  private readonly logprobs = new Map<string, HeldLogprobs>();

  constructor(private readonly options: StreamInspectorOptions) {}

  async push(chunk: Uint8Array): Promise<Uint8Array> {
    this.buffer += this.decoder.decode(chunk, { stream: true });
    return encoder.encode(await this.drain(false));
  }

  async finish(): Promise<Uint8Array> {
    this.buffer += this.decoder.decode();
    let out = await this.drain(true);
    out += await this.flushAll();
    return encoder.encode(out);
  }

  /** Processes every complete event (all of the buffer at the end). */
  private async drain(atEnd: boolean): Promise<string> {
    let out = '';
    // CR-only line breaks would hide event boundaries from the scan: refuse them (fail closed).
    if (this.options.framing === 'sse' && bareCarriageReturn(this.buffer, !atEnd) >= 0) throw framingError('sse_bare_cr');
    for (;;) {
      if (this.options.framing === 'sse') {
        const m = EVENT_BOUNDARY.exec(this.buffer);
        if (!m) break;
        const raw = this.buffer.slice(0, m.index);
        this.buffer = this.buffer.slice(m.index + m[0].length);
        out += (await this.sseEvent(raw)) + m[0];
      } else {
        const nl = this.buffer.indexOf('\n');
        if (nl < 0) break;
        const line = this.buffer.slice(0, nl);
        this.buffer = this.buffer.slice(nl + 1);
        out += (await this.ndjsonLine(line)) + '\n';
      }
    }
    if (atEnd && this.buffer.trim()) {
      const rest = this.buffer;
      this.buffer = '';
      out += this.options.framing === 'sse' ? await this.sseEvent(rest) : await this.ndjsonLine(rest);
    }
    return out;
  }

  private channel(key: string, where: ChannelKind, path: string, jsonString = false): Channel {
    let ch = this.channels.get(key);
    if (!ch) {
      ch = { where, path, jsonString, pending: '', context: '', offset: 0, redacted: [] };
      this.channels.set(key, ch);
    }
    return ch;
  }

  /**
   * Appends `delta` to the channel and returns what may be sent now, redacted and restored.
   * Throws DlpBlockedError when a released match's action is block.
   */
  private async feed(ch: Channel, delta: string, final: boolean): Promise<string> {
    const { compiled, redactor, scan } = this.options;
    ch.pending += delta;
    const pending = ch.pending;
    const len = pending.length;
    let matches: Match[] = [];
    let cut = len;
    if (scan) {
      const ctxLen = ch.context.length;
      matches = scanText(compiled, ch.context + pending)
        .filter((m) => m.end > ctxLen)
        .map((m) => ({ ...m, start: Math.max(0, m.start - ctxLen), end: m.end - ctxLen }));
    }
    if (!final) {
      cut = Math.min(len - compiled.holdBackChars, trailingTokenStart(pending));
      for (const m of matches) {
        const open = m.end >= len - 1;
        if (open || (m.start < cut && m.end > cut)) cut = Math.min(cut, m.start);
      }
      cut = Math.max(cut, len - MAX_HOLD_CHARS, 0);
      // Forced by the bound: never cut through a match, take all of it.
      for (const m of matches) if (m.start < cut && m.end > cut) cut = m.end;
      cut = placeholderSafeCut(pending, cut);
      const code = pending.charCodeAt(cut - 1);
      if (cut > 0 && code >= 0xd800 && code <= 0xdbff) cut--;
    }
    if (cut <= 0) return '';
    const released = matches.filter((m) => m.start < cut);
    const head = pending.slice(0, cut);
    if (released.length) {
      const found = await this.options.hasher.findings(released, head, 'response', ch.path, ch.offset);
      this.findings.push(...found);
      if (found.some((f) => f.action === 'block')) throw new DlpBlockedError(found, 'response');
    }
    for (const m of released) if (m.action === 'redact') ch.redacted.push([ch.offset + m.start, ch.offset + m.end]);
    let out = released.length ? redactor.redact(head, released, false) : head;
    out = redactor.restore(out, ch.jsonString);
    ch.context = (ch.context + head).slice(-CONTEXT_CHARS);
    ch.offset += cut;
    ch.pending = pending.slice(cut);
    return out;
  }

  // ---- OpenAI server-sent events ----

  private async sseEvent(raw: string): Promise<string> {
    const lines = raw.split(/\r?\n/);
    if (!lines.every(isSseFieldLine)) throw framingError('sse_field');
    const dataLines = lines.filter((l) => l.startsWith('data:'));
    if (dataLines.length === 0) return raw;
    const data = dataLines.map((l) => l.slice(5).replace(/^ /, '')).join('\n');
    if (data.trim() === '[DONE]') return (await this.flushAll()) + raw;
    let event: unknown;
    try {
      event = JSON.parse(data);
    } catch {
      throw framingError('sse_data_not_json'); // not JSON: nothing we could scan, so not relayed
    }
    if (isObject(event) && event.error !== undefined) throw upstreamStreamError();
    if (!isObject(event) || !Array.isArray(event.choices)) throw framingError('event_shape');
    this.template = { id: event.id, object: event.object, created: event.created, model: event.model };
    let changed = false;
    for (const [i, choice] of event.choices.entries()) {
      if (!isObject(choice)) continue;
      const index = typeof choice.index === 'number' ? choice.index : i;
      changed = (await this.openAiChoice(choice, index)) || changed;
    }
    if (!changed) return raw;
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

  /** Feeds one choice's text fields; flushes its channels on its finish event. True when rewritten. */
  private async openAiChoice(choice: JsonObject, index: number): Promise<boolean> {
    const final = choice.finish_reason !== undefined && choice.finish_reason !== null;
    let changed = false;
    const swap = async (holder: JsonObject, field: string, ch: Channel): Promise<void> => {
      const value = holder[field];
      const released = await this.feed(ch, typeof value === 'string' ? value : '', final);
      if (released !== value && !(value === undefined && released === '')) {
        holder[field] = released;
        changed = true;
      }
    };
    if (typeof choice.text === 'string' || (final && this.channels.has(`${index}:text`))) {
      await swap(choice, 'text', this.channel(`${index}:text`, { kind: 'completion', choice: index }, `choices[${index}].text`));
    }
    const delta = isObject(choice.delta) ? choice.delta : isObject(choice.message) ? choice.message : undefined;
    if (delta) {
      for (const field of ['content', 'reasoning_content', 'reasoning', 'refusal']) {
        const key = `${index}:${field}`;
        if (typeof delta[field] === 'string' || (final && this.channels.has(key))) {
          await swap(delta, field, this.channel(key, { kind: 'chat', choice: index, field }, `choices[${index}].delta.${field}`));
        }
      }
      const toolCalls = Array.isArray(delta.tool_calls) ? delta.tool_calls : [];
      for (const [k, call] of toolCalls.entries()) {
        if (!isObject(call)) continue;
        const tool = typeof call.index === 'number' ? call.index : k;
        const fn = isObject(call.function) ? call.function : undefined;
        if (fn && typeof fn.arguments === 'string') {
          const ch = this.channel(`${index}:tool:${tool}`, { kind: 'tool', choice: index, tool }, `choices[${index}].delta.tool_calls[${tool}].function.arguments`, true);
          await swap(fn, 'arguments', ch);
        }
        // A tool's name arrives whole, in its first delta: scanned as it is.
        if (fn && typeof fn.name === 'string') changed = (await this.wholeStrings(fn, 'name', `choices[${index}].delta.tool_calls[${tool}].function.name`)) || changed;
      }
      // The legacy function_call: arguments stream like a tool call's, the name arrives whole.
      const legacy = isObject(delta.function_call) ? delta.function_call : undefined;
      if (legacy && typeof legacy.arguments === 'string') {
        const ch = this.channel(`${index}:function_call`, { kind: 'function_call', choice: index }, `choices[${index}].delta.function_call.arguments`, true);
        await swap(legacy, 'arguments', ch);
      }
      if (legacy && typeof legacy.name === 'string') changed = (await this.wholeStrings(legacy, 'name', `choices[${index}].delta.function_call.name`)) || changed;
    }
    changed = (await this.choiceLogprobs(choice, index, final)) || changed;
    if (final) {
      // Whatever this choice still holds (channels absent from the finish event) goes out here.
      for (const [key, ch] of this.channels) {
        if (!key.startsWith(`${index}:`) || !ch.pending) continue;
        const rest = await this.feed(ch, '', true);
        if (!rest) continue;
        this.writeInto(choice, ch.where, rest);
        changed = true;
      }
    }
    return changed;
  }

  /**
   * Holds this choice's logprobs (chosen tokens and alternatives, each rank scanned as one text)
   * and writes back the entries every rank has decided past, masked where redacted.
   */
  private async choiceLogprobs(choice: JsonObject, index: number, final: boolean): Promise<boolean> {
    const incoming = isObject(choice.logprobs) ? choice.logprobs : undefined;
    // Only the chat form (content/refusal lists) is held back token by token; tokens in any other
    // form (legacy completions' tokens/top_logprobs maps) would reach the client unjudged.
    if (incoming && Object.keys(incoming).some((k) => k !== 'content' && k !== 'refusal' && incoming[k] !== null)) throw framingError('logprobs_shape');
    let changed = false;
    const released: JsonObject = {};
    for (const list of ['content', 'refusal']) {
      const key = `${index}:${list}`;
      const entries = incoming && Array.isArray(incoming[list]) ? (incoming[list] as unknown[]) : [];
      if (!entries.length && !this.logprobs.has(key)) continue;
      let held = this.logprobs.get(key);
      if (!held) this.logprobs.set(key, (held = new HeldLogprobs()));
      const added = held.hold(entries);
      const channelOf = (rank: number): Channel =>
        this.channel(`${key}:lp${rank}`, { kind: 'logprobs', choice: index }, `choices[${index}].logprobs.${list}${rank ? `[].top_logprobs[${rank - 1}]` : '[]'}.token`);
      for (let rank = 0; rank < held.ranks; rank++) await this.feed(channelOf(rank), added[rank] ?? '', final);
      const decided = (rank: number): DecidedText => channelOf(rank);
      const out = held.release(decided, final);
      if (entries.length || out.length) changed = true;
      if (out.length) released[list] = out;
      else if (incoming && list in incoming) released[list] = [];
    }
    if (changed) choice.logprobs = Object.keys(released).length ? { ...(incoming ?? {}), ...released } : null;
    return changed;
  }

  /** Appends released text to the right field of an OpenAI choice. */
  private writeInto(choice: JsonObject, where: ChannelKind, text: string): void {
    if (where.kind === 'completion') {
      choice.text = (typeof choice.text === 'string' ? choice.text : '') + text;
      return;
    }
    const delta = (isObject(choice.delta) ? choice.delta : (choice.delta = {})) as JsonObject;
    if (where.kind === 'chat') {
      delta[where.field] = (typeof delta[where.field] === 'string' ? (delta[where.field] as string) : '') + text;
    } else if (where.kind === 'function_call') {
      const fn = (isObject(delta.function_call) ? delta.function_call : (delta.function_call = {})) as JsonObject;
      fn.arguments = (typeof fn.arguments === 'string' ? fn.arguments : '') + text;
    } else if (where.kind === 'tool') {
      const calls = (Array.isArray(delta.tool_calls) ? delta.tool_calls : (delta.tool_calls = [])) as JsonObject[];
      let call = calls.find((c) => c.index === where.tool);
      if (!call) calls.push((call = { index: where.tool, function: { arguments: '' } }));
      const fn = (isObject(call.function) ? call.function : (call.function = {})) as JsonObject;
      fn.arguments = (typeof fn.arguments === 'string' ? fn.arguments : '') + text;
    }
  }

  // ---- Ollama NDJSON ----

  private async ndjsonLine(line: string): Promise<string> {
    if (!line.trim()) return line;
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
    const final = event.done === true;
    let changed = false;
    const fields: [JsonObject, string, 'content' | 'thinking' | 'response' | 'top.thinking', string][] = [];
    const message = isObject(event.message) ? event.message : undefined;
    if (message) fields.push([message, 'content', 'content', 'message.content'], [message, 'thinking', 'thinking', 'message.thinking']);
    else fields.push([event, 'response', 'response', 'response'], [event, 'thinking', 'top.thinking', 'thinking']);
    for (const [holder, field, kind, path] of fields) {
      const key = `ollama:${kind}`;
      if (typeof holder[field] !== 'string' && !(final && this.channels.has(key))) continue;
      const value = holder[field];
      const released = await this.feed(this.channel(key, { kind: 'ollama', field: kind }, path), typeof value === 'string' ? value : '', final);
      if (released !== value && !(value === undefined && released === '')) {
        holder[field] = released;
        changed = true;
      }
    }
    // Ollama sends a tool call whole, in one line: scan it as it is.
    if (message && message.tool_calls !== undefined) changed = (await this.wholeStrings(message, 'tool_calls', 'message.tool_calls')) || changed;
    if (final) {
      for (const [key, ch] of this.channels) {
        if (!key.startsWith('ollama:') || !ch.pending) continue;
        const rest = await this.feed(ch, '', true);
        if (!rest) continue;
        this.writeOllama(event, ch.where, rest);
        changed = true;
      }
    }
    return changed ? JSON.stringify(event) : line;
  }

  private writeOllama(event: JsonObject, where: ChannelKind, text: string): void {
    if (where.kind !== 'ollama') return;
    if (where.field === 'response' || where.field === 'top.thinking') {
      const field = where.field === 'response' ? 'response' : 'thinking';
      event[field] = (typeof event[field] === 'string' ? (event[field] as string) : '') + text;
      return;
    }
    const message = (isObject(event.message) ? event.message : (event.message = { role: 'assistant', content: '' })) as JsonObject;
    message[where.field] = (typeof message[where.field] === 'string' ? (message[where.field] as string) : '') + text;
  }

  /** Scans, redacts and restores every string under holder[field] in one go (not streamed text). */
  private async wholeStrings(holder: JsonObject, field: string, path: string): Promise<boolean> {
    let changed = false;
    const visit = async (node: unknown, nodePath: string, set: (v: string) => void): Promise<void> => {
      if (typeof node === 'string') {
        const ch: Channel = { where: { kind: 'ollama', field: 'content' }, path: nodePath, jsonString: false, pending: '', context: '', offset: 0, redacted: [] };
        const out = await this.feed(ch, node, true);
        if (out !== node) {
          set(out);
          changed = true;
        }
      } else if (Array.isArray(node)) {
        for (let i = 0; i < node.length; i++) await visit(node[i], `${nodePath}[${i}]`, (v) => (node[i] = v));
      } else if (isObject(node)) {
        for (const key of Object.keys(node)) await visit(node[key], `${nodePath}.${key}`, (v) => (node[key] = v));
      }
    };
    await visit(holder[field], path, (v) => (holder[field] = v));
    return changed;
  }

  /** Everything still held, as synthetic events/lines (before [DONE], or when upstream just stopped). */
  private async flushAll(): Promise<string> {
    let out = '';
    for (const ch of this.channels.values()) {
      if (!ch.pending) continue;
      const rest = await this.feed(ch, '', true);
      if (!rest || ch.where.kind === 'logprobs') continue;
      if (this.options.framing === 'ndjson') {
        const event: JsonObject = { done: false };
        this.writeOllama(event, ch.where, rest);
        out += `${JSON.stringify(event)}\n`;
      } else {
        const where = ch.where;
        const choice: JsonObject = { index: 'choice' in where ? where.choice : 0, finish_reason: null };
        this.writeInto(choice, where, rest);
        out += `data: ${JSON.stringify({ ...this.template, choices: [choice] })}\n\n`;
      }
    }
    // Logprobs still held (their texts are decided above): one synthetic event per choice.
    for (const [key, held] of this.logprobs) {
      const [choiceIndex, list] = key.split(':') as [string, string];
      const decided = (rank: number): DecidedText => this.channels.get(`${key}:lp${rank}`) ?? { offset: Infinity, redacted: [] };
      const entries = held.release(decided, true);
      if (!entries.length) continue;
      const choice = { index: Number(choiceIndex), delta: {}, logprobs: { [list]: entries }, finish_reason: null };
      out += `data: ${JSON.stringify({ ...this.template, choices: [choice] })}\n\n`;
    }
    return out;
  }
}
