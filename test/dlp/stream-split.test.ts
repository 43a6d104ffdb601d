/**
 * A value split across streamed events is still redacted (or blocked) at every split point: a
 * card, an email and a phone number, each cut into two deltas at each of its positions, after
 * enough text that the hold-back window has started releasing, with one event per chunk (as
 * events arrive over the network) and all events in one chunk (a burst, processed together).
 */
import { describe, expect, it } from 'vitest';
import type { StreamInspector } from '../../worker/core/index.js';
import { DlpBlockedError } from '../../worker/dlp/index.js';
import { callFor, stagesFor } from './stages.test.js';

const enc = new TextEncoder();
const dec = new TextDecoder();

const VALUES = [
  { type: 'CREDIT_CARD', value: '4111 1111 1111 1111' },
  { type: 'EMAIL', value: 'maria.gonzalez@example.com' },
  { type: 'PHONE', value: '+1 415 555 0132' },
] as const;

const BEFORE = 'The quarterly notes list three workstreams and their owners for the review. '.repeat(3);
const AFTER = ' is what the record shows, and the team will follow up next week.';

const sseEvent = (content: string | null, finish: string | null = null) =>
  `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', model: 'm', choices: [{ index: 0, delta: content === null ? {} : { content }, finish_reason: finish }] })}\n\n`;

/** The deltas of the answer: the preamble in word-sized pieces, the value cut at `split`, the rest. */
function deltas(value: string, split: number): string[] {
  const words = BEFORE.match(/\S+\s*/g)!;
  return [...words.slice(0, -1), words.at(-1)! + value.slice(0, split), value.slice(split) + AFTER];
}

/** The SSE stream as chunks: one event per chunk, or all in one. */
function chunks(pieces: string[], burst: boolean): Uint8Array[] {
  const events = [...pieces.map((p) => sseEvent(p)), sseEvent(null, 'stop'), 'data: [DONE]\n\n'];
  return (burst ? [events.join('')] : events).map((e) => enc.encode(e));
}

/** Relays the chunks; the client's text and the content it carries (what was released before a throw). */
function relay(inspector: StreamInspector, input: Uint8Array[]): { out: string; content: string; error: unknown } {
  let out = '';
  let error: unknown;
  try {
    for (const c of input) out += dec.decode(inspector.push(c) as Uint8Array);
    out += dec.decode(inspector.finish() as Uint8Array);
  } catch (e) {
    error = e;
  }
  let content = '';
  for (const block of out.split('\n\n')) {
    const data = block.startsWith('data: ') ? block.slice(6) : '';
    if (data && data !== '[DONE]') content += JSON.parse(data).choices[0]?.delta?.content ?? '';
  }
  return { out, content, error };
}

/** The value's digits or letters in a form that survives the split (no spaces): what must never leak. */
const core = (value: string) => value.replace(/\s+/g, '');

describe('a value split across streamed events', () => {
  for (const { type, value } of VALUES) {
    it(`${type}: redacted at every split point, one event per chunk and in one burst`, () => {
      const { inspectResponse } = stagesFor({ tier1: { enabled: true, action: 'redact' }, bundles: {} });
      for (const burst of [false, true]) {
        for (let split = 1; split < value.length; split++) {
          const inspector = inspectResponse.stream(callFor('openai.chat'), { decision: 'allow', findings: [] })!;
          const { out, content, error } = relay(inspector, chunks(deltas(value, split), burst));
          const at = `split ${split}${burst ? ', burst' : ''}`;
          expect(error, at).toBeUndefined();
          expect(content, at).toBe(`${BEFORE}[${type}_1]${AFTER}`);
          expect(out.replace(/\s+/g, ''), at).not.toContain(core(value));
          expect(out.endsWith('data: [DONE]\n\n'), at).toBe(true);
          expect(inspector.findings.map((f) => f.type), at).toEqual([type]);
        }
      }
    });

    it(`${type}: blocked at every split point before any of it is released`, () => {
      const { inspectResponse } = stagesFor({ tier1: { enabled: true, action: 'block' }, bundles: {} });
      for (const burst of [false, true]) {
        for (let split = 1; split < value.length; split++) {
          const inspector = inspectResponse.stream(callFor('openai.chat'), { decision: 'allow', findings: [] })!;
          const { content, error } = relay(inspector, chunks(deltas(value, split), burst));
          const at = `split ${split}${burst ? ', burst' : ''}`;
          expect(error, at).toBeInstanceOf(DlpBlockedError);
          // Nothing of the value went out: the released text is a prefix of the preamble.
          expect(BEFORE.startsWith(content), at).toBe(true);
        }
      }
    });
  }

  it('Ollama NDJSON: each value redacted at every split point, held lines dropped, all the text kept', () => {
    const { inspectResponse } = stagesFor({ tier1: { enabled: true, action: 'redact' }, bundles: {} });
    const line = (content: string, done = false) => `${JSON.stringify({ model: 'm', created_at: '2026-11-29T00:00:00Z', message: { role: 'assistant', content }, done })}\n`;
    for (const { type, value } of VALUES) {
      for (let split = 1; split < value.length; split++) {
        const inspector = inspectResponse.stream(callFor('ollama.chat'), { decision: 'allow', findings: [] })!;
        const lines = [...deltas(value, split).map((d) => line(d)), line('', true)];
        let out = '';
        for (const l of lines) out += dec.decode(inspector.push(enc.encode(l)) as Uint8Array);
        out += dec.decode(inspector.finish() as Uint8Array);
        const sent = out.trim().split('\n').map((l) => JSON.parse(l) as { message: { content: string }; done: boolean });
        expect(sent.map((l) => l.message.content).join(''), `${type} split ${split}`).toBe(`${BEFORE}[${type}_1]${AFTER}`);
        expect(sent.at(-1)!.done).toBe(true);
        expect(sent.length).toBeLessThan(lines.length / 2);
      }
    }
  });
});
