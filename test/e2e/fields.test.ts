/**
 * Issue 13 (fields) on real workerd: every field of a request is scanned except checked protocol
 * tokens, duplicate keys are refused, every string of a response is scanned (logprobs, legacy
 * function_call), odd framing is not relayed, and monitoring carries no request values.
 * Driven through the official openai and ollama clients where they can send the case.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import OpenAI from 'openai';
import { Ollama } from 'ollama';
import { join } from 'node:path';
import { auditEvents, startGateway, useMockUpstream, type RunningGateway, stateWithBundle } from './harness.js';

const CARD = '4111111111111111';
const ADMIN = 'admin-token-fields-test-0123456789';
const upstream = useMockUpstream();

function policyDir(action: 'block' | 'redact'): string {
  const dir = stateWithBundle('outpost-fields-', { schema_version: 1, version: `fields-${action}`, created_at: '2026-11-29T00:00:00Z', models: [{ name: '*', risk_tier: 't' }], risk_tiers: { t: {} }, dlp: { tier1: { enabled: true, action } }, auth: { mode: 'none' } });
  return dir;
}

async function collect(stream: AsyncIterable<unknown>): Promise<{ text: string; error: unknown }> {
  let text = '';
  try {
    for await (const part of stream) text += JSON.stringify(part);
    return { text, error: null };
  } catch (error) {
    return { text, error };
  }
}

describe('fields and framing on workerd (block policy)', () => {
  let g: RunningGateway;
  let state: string;
  let openai: OpenAI;
  beforeAll(async () => {
    state = policyDir('block');
    g = await startGateway({ OUTPOST_STATE_DIR: state, OUTPOST_UPSTREAM_KIND: 'ollama', OUTPOST_UPSTREAM_URL: upstream.url, OUTPOST_UPSTREAM_MODELS: 'mock-llama,*', OUTPOST_ADMIN_TOKEN: ADMIN });
    openai = new OpenAI({ baseURL: `${g.url}/v1`, apiKey: 'x', maxRetries: 0 });
  }, 60_000);
  afterAll(() => g?.stop());

  const blocked = async (promise: Promise<unknown>) => {
    const error = await promise.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect((error as InstanceType<typeof OpenAI.APIError>).status).toBe(403);
  };

  it.each([
    ['a role', { model: 'mock-llama', messages: [{ role: `user ${CARD}` as 'user', content: 'hi' }] }],
    ['a content part type', { model: 'mock-llama', messages: [{ role: 'user' as const, content: [{ type: `text ${CARD}` as 'text', text: 'hi' }] }] }],
    ['an image_url that is not media', { model: 'mock-llama', messages: [{ role: 'user' as const, content: [{ type: 'image_url' as const, image_url: { url: `data:image/png;base64,${CARD}x` } }] }] }],
    ['a long data: tool description', { model: 'mock-llama', messages: [{ role: 'user' as const, content: 'hi' }], tools: [{ type: 'function' as const, function: { name: 'f', description: `data: remember the customer card ${CARD} for the refund and the later bookkeeping` } }] }],
    ['the model name', { model: `card ${CARD}`, messages: [{ role: 'user' as const, content: 'hi' }] }],
  ])('blocks a card in %s (openai client)', async (_name, body) => {
    await blocked(openai.chat.completions.create(body as OpenAI.ChatCompletionCreateParamsNonStreaming));
  });

  it('blocks a card in Ollama images and format (ollama client)', async () => {
    const ollama = new Ollama({ host: g.url });
    await expect(ollama.chat({ model: 'mock-llama', messages: [{ role: 'user', content: 'hi', images: [`card ${CARD}`] }], stream: false })).rejects.toMatchObject({ status_code: 403 });
    await expect(ollama.generate({ model: 'mock-llama', prompt: 'hi', format: `card ${CARD}`, stream: false })).rejects.toMatchObject({ status_code: 403 });
  });

  it('refuses duplicate JSON keys with 400 (raw fetch: no client sends them)', async () => {
    const res = await fetch(`${g.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"model":"mock-llama","messages":[{"role":"user","content":"hi","content":"card ${CARD}"}]}` });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('duplicate_key');
    expect(body.error.message).not.toContain(CARD);
  });

  it('never relays a logprobs token of the card before dlp_blocked (stream) and blocks the whole response', async () => {
    const { text, error } = await collect(await openai.chat.completions.create({ model: 'logprobs-card', messages: [{ role: 'user', content: 'hi' }], stream: true, logprobs: true, top_logprobs: 1 }));
    expect(error).not.toBeNull();
    expect(text).not.toMatch(/4111|1111/);
    await blocked(openai.chat.completions.create({ model: 'logprobs-card', messages: [{ role: 'user', content: 'hi' }], logprobs: true }));
  });

  it('scans legacy function_call arguments split across deltas', async () => {
    const { text, error } = await collect(await openai.chat.completions.create({ model: 'function-call-card', messages: [{ role: 'user', content: 'hi' }], stream: true }));
    expect(error).not.toBeNull();
    expect(text).not.toContain('1111 1111');
  });

  it.each(['framing-nonjson', 'framing-cr', 'framing-json'])('ends a stream with odd framing (%s) with an error, audited', async (model) => {
    const res = await fetch(`${g.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': `odd-${model}` }, body: JSON.stringify({ model, messages: [{ role: 'user', content: 'hi' }], stream: true }) });
    const text = await res.text();
    expect(text).not.toContain(CARD);
    expect(text).toMatch(/upstream_bad_framing/);
    const event = auditEvents<{ request_id: string; reason: string | null }>(join(state, 'audit', 'audit_queue.db')).find((e) => e.request_id === `odd-${model}`);
    expect(event?.reason).toBe('upstream_bad_framing');
  });

  it('refuses SSE when stream:false was asked, and an NDJSON error line', async () => {
    const whole = await fetch(`${g.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'framing-sse', messages: [{ role: 'user', content: 'hi' }] }) });
    expect(whole.status).toBe(502);
    expect(await whole.text()).not.toContain(CARD);
    const ndjson = await fetch(`${g.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'framing-ndjson-error', messages: [{ role: 'user', content: 'hi' }] }) });
    const text = await ndjson.text();
    expect(text).not.toContain(CARD);
    expect(text).toContain('upstream');
  });

  it('keeps request values out of metrics, audit and the decisions list', async () => {
    await openai.chat.completions.create({ model: 'mock-llama', messages: [{ role: 'user', content: 'hi' }] });
    await openai.chat.completions.create({ model: 'zz-unclaimed-9', messages: [{ role: 'user', content: 'hi' }] });
    const metrics = await (await fetch(`${g.url}/metrics`, { headers: { authorization: `Bearer ${ADMIN}` } })).text();
    expect(metrics).toContain('model="mock-llama"');
    expect(metrics).toContain('model="other"');
    // The card as written (salted hex hashes may contain "4111" by chance, but not eight of its digits).
    expect(metrics).not.toMatch(/4111[ -]?1111|zz-unclaimed/);
    const events = auditEvents<{ model: string | null }>(join(state, 'audit', 'audit_queue.db'));
    expect(JSON.stringify(events)).not.toMatch(/4111[ -]?1111|zz-unclaimed/);
    expect(events.some((e) => e.model === 'mock-llama')).toBe(true);
    expect(events.some((e) => e.model?.startsWith('sha256:'))).toBe(true);
  });
});
