/**
 * OpenAI chat through the app in process: whole and streamed answers pass through unchanged,
 * with the gateway's headers, and each call is audited once.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import OpenAI from 'openai';
import { fakeGateway, type FakeGateway } from './fake-gateway.js';
import { DEFAULT_ANSWER } from './fake-upstream.js';
import { sseContent, sseData } from './stream-text.js';

const CHAT = { model: 'fake-llama', messages: [{ role: 'user', content: 'Hello there' }] };

let gw: FakeGateway;
beforeAll(async () => {
  gw = await fakeGateway();
});

describe('OpenAI chat, whole', () => {
  it('relays the upstream answer with the gateway headers', async () => {
    const res = await gw.post('/v1/chat/completions', CHAT, { 'x-request-id': 'openai-whole-1' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('x-request-id')).toBe('openai-whole-1');
    expect(res.headers.get('x-outpost-policy-version')).toBe('baseline-1');
    const body = (await res.json()) as OpenAI.ChatCompletion;
    expect(body.object).toBe('chat.completion');
    expect(body.choices[0]!.message.content).toBe(DEFAULT_ANSWER);
  });

  it('forwards the caller body to the target path as it was sent', async () => {
    const sent = JSON.stringify(CHAT);
    await gw.post('/v1/chat/completions', sent);
    const call = gw.upstream.lastCall()!;
    expect(call.path).toBe('/v1/chat/completions');
    expect(call.text).toBe(sent);
    expect(call.headers.accept).toBe('application/json');
  });

  it("sends the target's API key, from the variable it names, to model calls and model lists only upstream", async () => {
    const keyed = await fakeGateway({ env: { OUTPOST_UPSTREAM_API_KEY_ENV: 'VLLM_KEY', VLLM_KEY: 'sk-local-0123' } });
    expect((await keyed.post('/v1/chat/completions', CHAT)).status).toBe(200);
    expect(keyed.upstream.lastCall()!.headers.authorization).toBe('Bearer sk-local-0123');
    expect((await keyed.request('/v1/models')).status).toBe(200);
    expect(keyed.upstream.requests.at(-1)!.headers.authorization).toBe('Bearer sk-local-0123');
    // Without a key variable, nothing is sent.
    await gw.post('/v1/chat/completions', CHAT);
    expect(gw.upstream.lastCall()!.headers.authorization).toBeUndefined();
  });

  it('audits the call once: allowed, scanned, with sizes and no content', async () => {
    const res = await gw.post('/v1/chat/completions', CHAT, { 'x-request-id': 'openai-whole-audit' });
    const bytesOut = (await res.arrayBuffer()).byteLength;
    const event = gw.auditOf('openai-whole-audit');
    expect(event).toMatchObject({
      schema: 1,
      route: 'openai.chat',
      model: 'fake-llama',
      target: 'default',
      decision: 'allow',
      reason: null,
      status: 200,
      stream: false,
      response_scanned: true,
      response_scanned_fully: true,
      client_ip: '127.0.0.1',
      caller: { subject: 'anonymous', groups: [], method: 'none' },
      policy_version: 'baseline-1',
      findings: [],
      bytes_in: JSON.stringify(CHAT).length,
      bytes_out: bytesOut,
    });
    expect(JSON.stringify(event)).not.toContain('Hello there');
    expect(JSON.stringify(event)).not.toContain(DEFAULT_ANSWER.slice(0, 20));
  });

  it('keeps a well-formed x-request-id and replaces a malformed one', async () => {
    const bad = await gw.post('/v1/chat/completions', CHAT, { 'x-request-id': 'no spaces allowed' });
    const id = bad.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(gw.auditOf(id).status).toBe(200);
  });

  it('serves the official openai client', async () => {
    const openai = new OpenAI({ baseURL: 'http://gateway.test/v1', apiKey: 'unused', maxRetries: 0, fetch: gw.fetch });
    const completion = await openai.chat.completions.create({ model: 'fake-llama', messages: [{ role: 'user', content: 'Hi' }] });
    expect(completion.choices[0]!.message.content).toBe(DEFAULT_ANSWER);
  });
});

describe('OpenAI chat, streamed', () => {
  it('relays SSE events ending in [DONE], text unchanged', async () => {
    const res = await gw.post('/v1/chat/completions', { ...CHAT, stream: true }, { 'x-request-id': 'openai-stream-1' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('x-request-id')).toBe('openai-stream-1');
    const text = await res.text();
    expect(sseData(text).at(-1)).toBe('[DONE]');
    expect(sseContent(text)).toBe(DEFAULT_ANSWER);
    expect(gw.upstream.lastCall()!.headers.accept).toBe('text/event-stream');
  });

  it('audits the stream once, after its end, as fully scanned', async () => {
    const res = await gw.post('/v1/chat/completions', { ...CHAT, stream: true }, { 'x-request-id': 'openai-stream-audit' });
    const bytesOut = (await res.arrayBuffer()).byteLength;
    expect(gw.auditOf('openai-stream-audit')).toMatchObject({ decision: 'allow', stream: true, status: 200, response_scanned: true, response_scanned_fully: true, bytes_out: bytesOut });
  });

  it('serves the official openai client chunk by chunk', async () => {
    const openai = new OpenAI({ baseURL: 'http://gateway.test/v1', apiKey: 'unused', maxRetries: 0, fetch: gw.fetch });
    const stream = await openai.chat.completions.create({ model: 'fake-llama', messages: [{ role: 'user', content: 'Hi' }], stream: true });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
    expect(text).toBe(DEFAULT_ANSWER);
  });
});
