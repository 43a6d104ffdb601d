import { describe, expect, it } from 'vitest';
import type { StreamInspector } from '../../worker/core/index.js';
import { DlpBlockedError } from '../../worker/dlp/index.js';
import { callFor, stagesFor } from './stages.test.js';

const enc = new TextEncoder();
const dec = new TextDecoder();
const GH = 'ghp_R8sK2mQ9vT4wX7yZ1aB3cD5eF6gH8iJ0kL2m';

/** OpenAI SSE events, one per text piece, then a finish event and [DONE]. */
function sse(pieces: string[]): string {
  const events = pieces.map((p) => `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', model: 'm', choices: [{ index: 0, delta: { content: p }, finish_reason: null }] })}\n\n`);
  events.push(`data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', model: 'm', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`, 'data: [DONE]\n\n');
  return events.join('');
}

/** Feeds `raw` to the inspector in byte chunks cut at `cuts`, returns the client's text and content. */
async function relay(inspector: StreamInspector, raw: string, cuts: number[]): Promise<{ out: string; content: string }> {
  const bytes = enc.encode(raw);
  let out = '';
  let at = 0;
  for (const cut of [...cuts, bytes.length]) {
    out += dec.decode(await inspector.push(bytes.subarray(at, cut)), { stream: true });
    at = cut;
  }
  out += dec.decode(await inspector.finish());
  let content = '';
  for (const block of out.split('\n\n')) {
    const data = block.startsWith('data: ') ? block.slice(6) : '';
    if (!data || data === '[DONE]') continue;
    const event = JSON.parse(data);
    content += event.choices?.[0]?.delta?.content ?? event.message?.content ?? '';
  }
  return { out, content };
}

describe('stream inspection', () => {
  const text = `Here is the key ${GH} and mail jane.doe@acme-corp.com, bye.`;

  it('redacts a secret split across content deltas at every offset', async () => {
    const { inspectResponse } = stagesFor({ bundles: {} });
    for (let split = 1; split < text.length; split++) {
      const inspector = inspectResponse.stream(callFor('openai.chat'), { decision: 'allow', findings: [] })!;
      const { content } = await relay(inspector, sse([text.slice(0, split), text.slice(split)]), []);
      expect(content, `split ${split}`).toBe('Here is the key [GITHUB_TOKEN_1] and mail [EMAIL_1], bye.');
      expect(inspector.findings.map((f) => f.type)).toEqual(['GITHUB_TOKEN', 'EMAIL']);
    }
  });

  it('redacts a secret split across byte chunks at every offset (events cut mid-JSON)', async () => {
    const { inspectResponse } = stagesFor({ bundles: {} });
    const raw = sse(text.match(/.{1,7}/g)!);
    for (let cut = 1; cut < raw.length; cut += 3) {
      const inspector = inspectResponse.stream(callFor('openai.chat'), { decision: 'allow', findings: [] })!;
      const { out, content } = await relay(inspector, raw, [cut]);
      expect(content).toBe('Here is the key [GITHUB_TOKEN_1] and mail [EMAIL_1], bye.');
      expect(out).not.toContain('R8sK2m');
      expect(out.endsWith('data: [DONE]\n\n')).toBe(true);
    }
  });

  it('blocks mid-stream by throwing dlp_blocked before the secret is released', async () => {
    const { inspectResponse } = stagesFor({});
    for (let split = 1; split < text.length; split += 5) {
      const inspector = inspectResponse.stream(callFor('openai.chat'), { decision: 'allow', findings: [] })!;
      const bytes = enc.encode(sse([text.slice(0, split), text.slice(split)]));
      let released = '';
      const error = await (async () => {
        released += dec.decode(await inspector.push(bytes));
        released += dec.decode(await inspector.finish());
      })().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DlpBlockedError);
      expect(released).not.toContain('R8sK2m');
    }
  });

  it('releases text older than the hold-back window without waiting for the end', async () => {
    const { inspectResponse } = stagesFor({ bundles: {} });
    const inspector = inspectResponse.stream(callFor('openai.chat'), { decision: 'allow', findings: [] })!;
    const long = 'word '.repeat(100);
    const first = dec.decode(await inspector.push(enc.encode(sse([long]).split('\n\n')[0]! + '\n\n')));
    const released = JSON.parse(first.slice(6)).choices[0].delta.content as string;
    expect(released.length).toBeGreaterThanOrEqual(long.length - 128 - 5);
  });

  it('restores reversible placeholders split across chunks, and Ollama NDJSON too', async () => {
    const { inspectRequest, inspectResponse } = stagesFor({ redaction: 'reversible', bundles: {} });
    const request = await inspectRequest(callFor('openai.chat'), { model: 'm', messages: [{ role: 'user', content: 'write to jane@acme.io' }] }, []);
    const reply = 'Sure, writing to [EMAIL_1] now.';
    for (let split = 1; split < reply.length; split++) {
      const inspector = inspectResponse.stream(callFor('openai.chat'), request)!;
      const { content } = await relay(inspector, sse([reply.slice(0, split), reply.slice(split)]), []);
      expect(content).toBe('Sure, writing to jane@acme.io now.');
    }
    const ollama = inspectResponse.stream(callFor('ollama.chat'), request)!;
    const lines = [reply.slice(0, 20), reply.slice(20)].map((c) => JSON.stringify({ model: 'm', message: { role: 'assistant', content: c }, done: false }) + '\n');
    lines.push(JSON.stringify({ model: 'm', message: { role: 'assistant', content: '' }, done: true }) + '\n');
    let out = '';
    for (const l of lines) out += dec.decode(await ollama.push(enc.encode(l)));
    out += dec.decode(await ollama.finish());
    const content = out.trim().split('\n').map((l) => JSON.parse(l).message.content).join('');
    expect(content).toBe('Sure, writing to jane@acme.io now.');
  });

  it('scans streamed tool-call arguments per tool', async () => {
    const { inspectResponse } = stagesFor({ bundles: {} });
    const inspector = inspectResponse.stream(callFor('openai.chat'), { decision: 'allow', findings: [] })!;
    const args = '{"to":"jane.doe@acme-corp.com"}';
    const events = [args.slice(0, 12), args.slice(12)].map((a, i) =>
      `data: ${JSON.stringify({ choices: [{ index: 0, delta: { tool_calls: [{ index: 0, ...(i ? {} : { id: 't', function: { name: 'send' } }), function: { arguments: a } }] }, finish_reason: null }] })}\n\n`,
    );
    events.push(`data: ${JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] })}\n\n`, 'data: [DONE]\n\n');
    const out = dec.decode(await inspector.push(enc.encode(events.join('')))) + dec.decode(await inspector.finish());
    let joined = '';
    for (const block of out.split('\n\n')) {
      if (!block.startsWith('data: {')) continue;
      for (const call of JSON.parse(block.slice(6)).choices[0].delta.tool_calls ?? []) joined += call.function?.arguments ?? '';
    }
    expect(JSON.parse(joined)).toEqual({ to: '[EMAIL_1]' });
  });
});
