import { describe, expect, it } from 'vitest';
import { relayStream, type StreamOutcome } from '../../worker/proxy/stream.js';
import { protocolNamed } from '../../worker/protocol/index.js';

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
