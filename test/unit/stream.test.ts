import { describe, expect, it } from 'vitest';
import { relayStream, type StreamOutcome } from '../../worker/proxy/stream.js';
import { protocolNamed } from '../../worker/protocol/index.js';
import { GatewayError, type StreamInspector } from '../../worker/core/index.js';

const encoder = new TextEncoder();

/** An upstream body that yields the given chunks, with optional behaviour at the end. */
function upstream(chunks: string[], end: 'close' | 'error' | 'stall' = 'close'): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i < chunks.length) return controller.enqueue(encoder.encode(chunks[i++]!));
      if (end === 'close') return controller.close();
      if (end === 'error') return controller.error(new Error('socket hang up'));
      return new Promise(() => {}); // stall forever
    },
  });
}

async function relay(chunks: string[], end: 'close' | 'error' | 'stall', protocol: 'openai' | 'ollama' = 'openai', onFinishDelay = 0) {
  const events: string[] = [];
  let outcome: StreamOutcome | undefined;
  const body = relayStream(upstream(chunks, end), {
    protocol: protocolNamed(protocol),
    idleTimeoutMs: 200,
    maxBytes: 1 << 20,
    inspector: null,
    onFinish: async (o) => {
      events.push('finish');
      await new Promise((r) => setTimeout(r, onFinishDelay));
      outcome = o;
    },
  });
  const reader = body.getReader();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const piece = new TextDecoder().decode(value);
    if (piece.includes('[DONE]') || piece.includes('"done":true')) events.push('terminal');
    text += piece;
  }
  return { text, outcome: outcome!, events };
}

describe('stream relay', () => {
  it('passes chunks through and releases the terminal event only after onFinish', async () => {
    const { text, outcome, events } = await relay(['data: {"a":1}\n\n', 'data: {"a":2}\n\n', 'data: [DONE]\n\n'], 'close', 'openai', 30);
    expect(text).toBe('data: {"a":1}\n\ndata: {"a":2}\n\ndata: [DONE]\n\n');
    expect(events).toEqual(['finish', 'terminal']);
    expect(outcome.complete).toBe(true);
    expect(outcome.bytesOut).toBe(text.length);
  });

  it('a stream without its terminal event ends with a truncation error event', async () => {
    const { text, outcome } = await relay(['data: {"a":1}\n\n'], 'close');
    expect(text).toMatch(/data: \{"error":.*"code":"upstream_stream_truncated"/);
    expect(outcome.complete).toBe(false);
    expect(outcome.error?.code).toBe('upstream_stream_truncated');
  });

  it('an upstream failure mid-stream ends with an interruption error event (NDJSON)', async () => {
    const { text, outcome } = await relay(['{"response":"a","done":false}\n'], 'error', 'ollama');
    const lines = text.trim().split('\n');
    expect(JSON.parse(lines.at(-1)!)).toEqual({ error: expect.stringMatching(/upstream/i) });
    expect(outcome.error?.code).toBe('upstream_stream_interrupted');
  });

  it('a stalled upstream is ended after the idle timeout', async () => {
    const { text, outcome } = await relay(['data: {"a":1}\n\n'], 'stall');
    expect(text).toMatch(/"code":"upstream_stream_timeout"/);
    expect(outcome.error?.status).toBe(504);
  });

  it("Ollama's final line is the end though its context array and timings run thousands of characters past done:true", async () => {
    // As /api/generate writes it: done, done_reason, then the whole context token array and the timings.
    const context = Array.from({ length: 3000 }, (_, i) => i * 7).join(',');
    const final = `{"model":"llama3.1","created_at":"2026-11-29T00:00:00Z","response":"","done":true,"done_reason":"stop","context":[${context}],"total_duration":123456789,"load_duration":1234,"prompt_eval_count":12,"eval_count":40,"eval_duration":98765}\n`;
    const halves = [final.slice(0, 5000), final.slice(5000)];
    for (const chunks of [[`{"response":"Hi","done":false}\n`, final], [`{"response":"Hi","done":false}\n`, ...halves]]) {
      const { text, outcome } = await relay(chunks, 'close', 'ollama');
      expect(outcome.error).toBeUndefined();
      expect(outcome.complete).toBe(true);
      expect(text).toBe(chunks.join(''));
    }
    // And a line after a done:true line means that was not the end.
    const { outcome } = await relay([`{"response":"Hi","done":true}\n`, `{"response":"more","done":false}\n`], 'close', 'ollama');
    expect(outcome.error?.code).toBe('upstream_stream_truncated');
  });

  it('a terminal event split across chunks is still recognised', async () => {
    const { text, outcome } = await relay(['{"response":"a","done":false}\n{"response":"","do', 'ne":true}\n'], 'close', 'ollama');
    expect(text.endsWith('"done":true}\n')).toBe(true);
    expect(outcome.complete).toBe(true);
  });
});

/** Relays through an inspector; returns the client's text and the outcome. */
async function relayInspected(chunks: string[], inspector: StreamInspector, maxBytes = 1 << 20) {
  let outcome: StreamOutcome | undefined;
  const body = relayStream(upstream(chunks), { protocol: protocolNamed('openai'), idleTimeoutMs: 200, maxBytes, inspector, onFinish: async (o) => void (outcome = o) });
  const text = await new Response(body).text();
  return { text, outcome: outcome! };
}

/** An inspector that upper-cases the values x and y, answering at once or through a promise. */
function upperCasing(answer: 'now' | 'promise'): StreamInspector {
  const upper = (chunk: Uint8Array) => encoder.encode(new TextDecoder().decode(chunk).replace(/"[xy]"/g, (v) => v.toUpperCase()));
  return { findings: [], push: (chunk) => (answer === 'now' ? upper(chunk) : Promise.resolve(upper(chunk))), finish: () => new Uint8Array(0) };
}

describe('stream relay through an inspector', () => {
  const chunks = ['data: {"a":"x"}\n\n', 'data: {"a":"y"}\n\n', 'data: [DONE]\n\n'];

  it('relays what an inspector answers at once, and what it answers through a promise, the same way', async () => {
    const now = await relayInspected(chunks, upperCasing('now'));
    const later = await relayInspected(chunks, upperCasing('promise'));
    expect(now.text).toBe('data: {"a":"X"}\n\ndata: {"a":"Y"}\n\ndata: [DONE]\n\n');
    expect(later.text).toBe(now.text);
    expect(now.outcome).toMatchObject({ complete: true, bytesOut: now.text.length });
    expect(later.outcome).toMatchObject({ complete: true, bytesOut: later.text.length });
  });

  it('an inspector that throws (at once or through a promise) ends the stream with its error event, on record', async () => {
    for (const answer of ['now', 'promise'] as const) {
      let pushed = 0;
      const blocked = new GatewayError(403, 'dlp_blocked', 'blocked', 'permission_error');
      const inspector: StreamInspector = {
        findings: [],
        push: (chunk) => {
          if (++pushed < 2) return chunk;
          if (answer === 'now') throw blocked;
          return Promise.reject(blocked);
        },
        finish: () => new Uint8Array(0),
      };
      const { text, outcome } = await relayInspected(chunks, inspector);
      expect(text, answer).toMatch(/^data: \{"a":"x"\}\n\ndata: \{"error":.*"code":"dlp_blocked"/);
      expect(outcome.error?.code, answer).toBe('dlp_blocked');
      expect(outcome.complete, answer).toBe(false);
    }
  });

  it('a chunk past the size limit is not inspected or relayed: the stream ends with upstream_response_too_large', async () => {
    let inspected = 0;
    const inspector: StreamInspector = { findings: [], push: (chunk) => (inspected++, chunk), finish: () => new Uint8Array(0) };
    const { text, outcome } = await relayInspected(['data: {"a":"x"}\n\n', `data: {"a":"${'y'.repeat(64)}"}\n\n`, 'data: [DONE]\n\n'], inspector, 40);
    expect(inspected).toBe(1);
    expect(text).not.toContain('yyyy');
    expect(outcome.error?.code).toBe('upstream_response_too_large');
  });
});
