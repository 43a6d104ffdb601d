/**
 * Ollama /api/chat through the app in process: whole JSON and NDJSON streams pass through, each
 * call audited once.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Ollama } from 'ollama';
import { fakeGateway, type FakeGateway } from './fake-gateway.js';
import { DEFAULT_ANSWER } from './fake-upstream.js';
import { ndjsonContent, ndjsonLines } from './stream-text.js';

const CHAT = { model: 'fake-llama', messages: [{ role: 'user', content: 'Hello there' }] };

let gw: FakeGateway;
beforeAll(async () => {
  gw = await fakeGateway();
});

describe('Ollama /api/chat', () => {
  it('answers stream:false with one JSON object', async () => {
    const res = await gw.post('/api/chat', { ...CHAT, stream: false }, { 'x-request-id': 'ollama-whole-1' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('x-request-id')).toBe('ollama-whole-1');
    const body = (await res.json()) as { message: { role: string; content: string }; done: boolean };
    expect(body.message).toEqual({ role: 'assistant', content: DEFAULT_ANSWER });
    expect(body.done).toBe(true);
    expect(gw.upstream.lastCall()).toMatchObject({ path: '/api/chat', json: { ...CHAT, stream: false } });
    expect(gw.auditOf('ollama-whole-1')).toMatchObject({ route: 'ollama.chat', decision: 'allow', stream: false, status: 200, response_scanned_fully: true });
  });

  it('streams NDJSON by default, ending with done:true', async () => {
    const res = await gw.post('/api/chat', CHAT, { 'x-request-id': 'ollama-stream-1' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-ndjson');
    const text = await res.text();
    const lines = ndjsonLines(text);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.at(-1)).toMatchObject({ done: true, done_reason: 'stop' });
    expect(lines.slice(0, -1).every((l) => l.done === false)).toBe(true);
    expect(ndjsonContent(text)).toBe(DEFAULT_ANSWER);
    expect(gw.upstream.lastCall()!.headers.accept).toBe('application/x-ndjson');
    expect(gw.auditOf('ollama-stream-1')).toMatchObject({ route: 'ollama.chat', decision: 'allow', stream: true, status: 200, response_scanned_fully: true });
  });

  it('serves the official ollama client, streamed and not', async () => {
    const ollama = new Ollama({ host: 'http://gateway.test', fetch: gw.fetch });
    const whole = await ollama.chat({ model: 'fake-llama', messages: [{ role: 'user', content: 'Hi' }], stream: false });
    expect(whole.message.content).toBe(DEFAULT_ANSWER);
    let text = '';
    for await (const part of await ollama.chat({ model: 'fake-llama', messages: [{ role: 'user', content: 'Hi' }], stream: true })) text += part.message.content;
    expect(text).toBe(DEFAULT_ANSWER);
  });
});
