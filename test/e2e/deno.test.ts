/**
 * The same bundle under `deno serve` (files from disk instead of workerd services), started by
 * `outpost start --runtime deno`, with the same routes and error shapes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import OpenAI from 'openai';
import { Ollama } from 'ollama';
import { MOCK_ANSWER, startGateway, startMock, type MockUpstream, type RunningGateway } from './harness.js';

let mock: MockUpstream;
let gateway: RunningGateway;

beforeAll(async () => {
  const m = await startMock();
  mock = m.mock;
  gateway = await startGateway({ OUTPOST_AIRGAP: 'true', OUTPOST_UPSTREAM_KIND: 'ollama', OUTPOST_UPSTREAM_URL: m.url, OUTPOST_UPSTREAM_MODELS: 'mock-llama,die-mid-stream' }, { runtime: 'deno' });
});

afterAll(async () => {
  await gateway?.stop();
  await mock?.close();
});

describe('deno serve', () => {
  it('is ready and serves the OpenAI routes, streamed and not', async () => {
    const openai = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'unused', maxRetries: 0 });
    const completion = await openai.chat.completions.create({ model: 'mock-llama', messages: [{ role: 'user', content: 'Hello' }] });
    expect(completion.choices[0]!.message.content).toContain('Hello from the mock model');
    const stream = await openai.chat.completions.create({ model: 'mock-llama', messages: [{ role: 'user', content: 'Hello' }], stream: true });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
    expect(text).toBe(MOCK_ANSWER);
    expect((await openai.models.list()).data.map((m) => m.id)).toContain('mock-llama');
  });

  it('serves the Ollama routes', async () => {
    const ollama = new Ollama({ host: gateway.url });
    const answer = await ollama.chat({ model: 'mock-llama', messages: [{ role: 'user', content: 'Hello' }], stream: false });
    expect(answer.message.content).toContain('Hello from the mock model');
    expect((await ollama.list()).models.map((m) => m.name)).toContain('mock-llama');
  });

  it('answers errors in the same shapes', async () => {
    const res = await fetch(`${gateway.url}/v1/chat/completions`, { method: 'POST', body: JSON.stringify({ model: 'nope', messages: [{ role: 'user', content: 'x' }] }), headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('model_not_found');
    expect(res.headers.get('x-request-id')).toBeTruthy();
    const mid = await fetch(`${gateway.url}/v1/chat/completions`, { method: 'POST', body: JSON.stringify({ model: 'die-mid-stream', stream: true, messages: [{ role: 'user', content: 'x' }] }), headers: { 'content-type': 'application/json' } });
    expect(await mid.text()).toMatch(/"code":"upstream_stream_interrupted"/);
  });

  it('logs the same startup lines', () => {
    expect(gateway.output()).toContain('INFO Air-gap mode enabled');
    expect(gateway.output()).toMatch(/INFO Policy bundle loaded: version=/);
  });
});
