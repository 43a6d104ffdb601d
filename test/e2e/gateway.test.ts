/**
 * Gateway core, end to end: real workerd started by `outpost start`, driven by the official
 * `openai` and `ollama` clients against the mock model server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import OpenAI from 'openai';
import { Ollama } from 'ollama';
import { MOCK_ANSWER, freePort, startGateway, startMock, type MockUpstream, type RunningGateway } from './harness.js';

const MODELS = 'mock-llama,mock-mistral,echo,die-mid-stream,truncate-stream,stall-stream,error-500,slow-1500,slow-5000,drip-25';
const ADMIN_TOKEN = 'e2e-admin-token-0123456789abcdef';

let mock: MockUpstream;
let gateway: RunningGateway;
let openai: OpenAI;
let ollama: Ollama;

beforeAll(async () => {
  const m = await startMock();
  mock = m.mock;
  gateway = await startGateway({
    OUTPOST_AIRGAP: 'true',
    // The mock serves both APIs; an Ollama-kind target is reached by the OpenAI routes too.
    OUTPOST_UPSTREAM_KIND: 'ollama',
    OUTPOST_UPSTREAM_URL: m.url,
    OUTPOST_UPSTREAM_MODELS: MODELS,
    OUTPOST_UPSTREAM_TIMEOUT_MS: '1000',
    OUTPOST_MAX_BODY_BYTES: '65536',
    OUTPOST_ADMIN_TOKEN: ADMIN_TOKEN,
  });
  openai = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'unused', maxRetries: 0 });
  ollama = new Ollama({ host: gateway.url });
});

afterAll(async () => {
  await gateway?.stop();
  await mock?.close();
});

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${gateway.url}${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });

/** Asserts the OpenAI error shape and that nothing internal leaks. */
async function expectOpenAIError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  const text = await res.text();
  expect(text).not.toMatch(/\n\s+at |Error:|\.ts:\d|\.js:\d/);
  const body = JSON.parse(text) as { error: { message: string; type: string; code: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
  expect(typeof body.error.type).toBe('string');
  expect(res.headers.get('x-request-id')).toBeTruthy();
  return body;
}

describe('startup', () => {
  it('prints the air-gap lines of the operator contract', () => {
    const out = gateway.output();
    expect(out).toContain('INFO Air-gap mode enabled');
    expect(out).toMatch(/INFO Policy bundle loaded: version=\S+, rules=\d+/);
    expect(out).toContain('INFO Air-gap mode: cert rotation disabled (no platform connectivity)');
    expect(out).toContain('INFO Air-gap mode: heartbeat disabled (no platform connectivity)');
    expect(out).toContain('INFO Air-gap mode: policy sync disabled (no platform connectivity)');
  });

  it('answers /health and /readyz', async () => {
    const health = await fetch(`${gateway.url}/health`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${gateway.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { status: string }).status).toBe('ready');
  });
});

describe('OpenAI routes through the official client', () => {
  it('chat completion', async () => {
    const completion = await openai.chat.completions.create({ model: 'mock-llama', messages: [{ role: 'user', content: 'Hello' }] });
    expect(completion.choices[0]!.message.content).toBe(MOCK_ANSWER);
  });

  it('streams chat chunk by chunk', async () => {
    const stream = await openai.chat.completions.create({ model: 'mock-llama', messages: [{ role: 'user', content: 'Hello' }], stream: true });
    const pieces: string[] = [];
    for await (const chunk of stream) pieces.push(chunk.choices[0]?.delta?.content ?? '');
    expect(pieces.filter(Boolean).length).toBeGreaterThan(3);
    expect(pieces.join('')).toBe(MOCK_ANSWER);
  });

  it('relays the first chunk before the upstream finishes', async () => {
    // drip-150 waits 150 ms between its 10 chunks: the first must arrive long before the last.
    const started = Date.now();
    const res = await post('/v1/chat/completions', JSON.stringify({ model: 'drip-25', stream: true, messages: [{ role: 'user', content: 'x' }] }));
    expect(res.ok).toBe(true);
    const reader = res.body!.getReader();
    const first = await reader.read();
    const firstAt = Date.now() - started;
    let rest = '';
    let firstTextAt = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      rest += new TextDecoder().decode(value);
      if (!firstTextAt && /"content":"[^"]+"/.test(rest)) firstTextAt = Date.now() - started;
    }
    const lastAt = Date.now() - started;
    expect(new TextDecoder().decode(first.value)).toContain('data: ');
    expect(rest).toContain('[DONE]');
    expect(lastAt).toBeGreaterThan(2000);
    expect(firstAt).toBeLessThan(lastAt - 1500);
    expect(firstTextAt).toBeLessThan(lastAt - 1000);
  });

  it('text completion and embeddings', async () => {
    const completion = await openai.completions.create({ model: 'mock-llama', prompt: 'Say hi' });
    expect(completion.choices[0]!.text).toContain('Hello from the mock model');
    const embedding = await openai.embeddings.create({ model: 'mock-llama', input: ['a', 'b'] });
    expect(embedding.data).toHaveLength(2);
  });

  it('lists the models of every target', async () => {
    const models = await openai.models.list();
    const ids = models.data.map((m) => m.id);
    expect(ids).toEqual(expect.arrayContaining(['mock-llama', 'mock-mistral', 'echo']));
  });
});

describe('Ollama routes through the official client', () => {
  it('chat, streamed and not', async () => {
    const answer = await ollama.chat({ model: 'mock-llama', messages: [{ role: 'user', content: 'Hello' }], stream: false });
    expect(answer.message.content).toBe(MOCK_ANSWER);
    const stream = await ollama.chat({ model: 'mock-llama', messages: [{ role: 'user', content: 'Hello' }], stream: true });
    let text = '';
    let parts = 0;
    for await (const part of stream) {
      text += part.message.content;
      parts++;
    }
    expect(parts).toBeGreaterThan(3);
    expect(text).toBe(MOCK_ANSWER);
  });

  it('generate, embed and tags', async () => {
    const generated = await ollama.generate({ model: 'mock-llama', prompt: 'Hello', stream: false });
    expect(generated.response).toContain('Hello from the mock model');
    const embedded = await ollama.embed({ model: 'mock-llama', input: ['one', 'two'] });
    expect(embedded.embeddings).toHaveLength(2);
    const tags = await ollama.list();
    expect(tags.models.map((m) => m.name)).toEqual(expect.arrayContaining(['mock-llama', 'echo']));
  });
});

describe('request ids', () => {
  it('keeps a well-formed x-request-id and replaces a malformed one', async () => {
    const kept = await fetch(`${gateway.url}/health`, { headers: { 'x-request-id': 'client-req-42' } });
    expect(kept.headers.get('x-request-id')).toBe('client-req-42');
    const replaced = await fetch(`${gateway.url}/health`, { headers: { 'x-request-id': 'bad id with spaces<script>' } });
    const generated = replaced.headers.get('x-request-id')!;
    expect(generated).not.toContain(' ');
    expect(generated).toMatch(/^[A-Za-z0-9._:-]{8,128}$/);
  });

  it('forwards the request id to the upstream', async () => {
    await post('/v1/chat/completions', JSON.stringify({ model: 'mock-llama', messages: [{ role: 'user', content: 'id?' }] }), { 'x-request-id': 'trace-me-123' });
    const seen = mock.requests.filter((r) => r.headers['x-request-id'] === 'trace-me-123');
    expect(seen).toHaveLength(1);
  });
});

describe('errors', () => {
  it('400 invalid JSON, OpenAI and Ollama shapes', async () => {
    await expectOpenAIError(await post('/v1/chat/completions', '{"model": '), 400, 'invalid_json');
    const ollamaRes = await post('/api/chat', 'not json');
    expect(ollamaRes.status).toBe(400);
    const body = (await ollamaRes.json()) as { error: string };
    expect(typeof body.error).toBe('string');
    expect(ollamaRes.headers.get('x-outpost-error-code')).toBe('invalid_json');
    // A refusal names the policy version that judged it, as a served response does.
    expect(ollamaRes.headers.get('x-outpost-policy-version')).toBeTruthy();
  });

  it('400 missing or wrong fields', async () => {
    const missing = await expectOpenAIError(await post('/v1/chat/completions', JSON.stringify({ model: 'mock-llama' })), 400, 'invalid_request');
    expect(missing.error.message).toMatch(/messages/);
    await expectOpenAIError(await post('/v1/chat/completions', JSON.stringify({ model: 7, messages: [] })), 400, 'invalid_request');
    await expectOpenAIError(await post('/v1/embeddings', JSON.stringify({ model: 'mock-llama' })), 400, 'invalid_request');
  });

  it('413 for a body over OUTPOST_MAX_BODY_BYTES, declared or streamed', async () => {
    const big = JSON.stringify({ model: 'mock-llama', messages: [{ role: 'user', content: 'x'.repeat(70_000) }] });
    await expectOpenAIError(await post('/v1/chat/completions', big), 413, 'body_too_large');
    // Chunked upload without content-length: the limit is enforced while reading.
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const res = await fetch(`${gateway.url}/v1/chat/completions`, { method: 'POST', body: chunked, headers: { 'content-type': 'application/json' }, duplex: 'half' } as RequestInit);
    await expectOpenAIError(res, 413, 'body_too_large');
  });

  it('404 for a model no target serves', async () => {
    const body = await expectOpenAIError(await post('/v1/chat/completions', JSON.stringify({ model: 'gpt-unknown', messages: [{ role: 'user', content: 'hi' }] })), 404, 'model_not_found');
    expect(body.error.message).toContain('gpt-unknown');
    await expect(ollama.chat({ model: 'gpt-unknown', messages: [{ role: 'user', content: 'hi' }] })).rejects.toThrow(/gpt-unknown/);
  });

  it('504 when the upstream is slower than OUTPOST_UPSTREAM_TIMEOUT_MS', async () => {
    await expectOpenAIError(await post('/v1/chat/completions', JSON.stringify({ model: 'slow-5000', messages: [{ role: 'user', content: 'hi' }] })), 504, 'upstream_timeout');
  });

  it('504 when a stream stalls', async () => {
    const stream = await openai.chat.completions.create({ model: 'stall-stream', messages: [{ role: 'user', content: 'hi' }], stream: true });
    await expect(async () => {
      for await (const _ of stream) void _;
    }).rejects.toThrow(/upstream|stalled|timeout/i);
  });

  it('relays upstream errors as parsable JSON', async () => {
    const res = await post('/v1/chat/completions', JSON.stringify({ model: 'error-500', messages: [{ role: 'user', content: 'hi' }] }));
    expect(res.status).toBe(500);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('mock_500');
  });

  it('a stream that dies mid-way ends with an error event, never a silent success (OpenAI)', async () => {
    const stream = await openai.chat.completions.create({ model: 'die-mid-stream', messages: [{ role: 'user', content: 'hi' }], stream: true });
    const received: string[] = [];
    await expect(async () => {
      for await (const chunk of stream) received.push(chunk.choices[0]?.delta?.content ?? '');
    }).rejects.toThrow(/upstream/i);
    // Text released before the failure is a true prefix (the DLP window may hold the rest back).
    expect(MOCK_ANSWER.startsWith(received.join(''))).toBe(true);
  });

  it('a stream that ends without its terminal event is reported as truncated (OpenAI, raw SSE)', async () => {
    const res = await post('/v1/chat/completions', JSON.stringify({ model: 'truncate-stream', stream: true, messages: [{ role: 'user', content: 'hi' }] }));
    const text = await res.text();
    expect(text).not.toContain('[DONE]');
    expect(text).toMatch(/data: \{"error":\{[^\n]*"code":"upstream_stream_truncated"/);
  });

  it('a stream that dies mid-way ends with an error line (Ollama NDJSON)', async () => {
    const stream = await ollama.chat({ model: 'die-mid-stream', messages: [{ role: 'user', content: 'hi' }], stream: true });
    await expect(async () => {
      for await (const _ of stream) void _;
    }).rejects.toThrow(/upstream/i);
  });

  it('405 for a wrong method and 404 for an unknown path, in JSON', async () => {
    const wrongMethod = await fetch(`${gateway.url}/v1/chat/completions`);
    expect(wrongMethod.status).toBe(405);
    await expectOpenAIError(await fetch(`${gateway.url}/v1/nothing-here`), 404, 'not_found');
  });
});

describe('upstream refused', () => {
  it('502 when the target refuses the connection', async () => {
    const deadPort = await freePort();
    const g = await startGateway({ OUTPOST_AIRGAP: 'true', OUTPOST_UPSTREAM_URL: `http://127.0.0.1:${deadPort}` });
    try {
      const res = await fetch(`${g.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'any', messages: [{ role: 'user', content: 'hi' }] }) });
      await expectOpenAIError(res, 502, 'upstream_unreachable');
    } finally {
      await g.stop();
    }
  });
});

describe('air-gap egress', () => {
  it('an unconfigured loopback port is refused by the worker and by the runtime', async () => {
    const unlisted = await startMock(); // a live server: only the configuration keeps us out
    try {
      const res = await post('/admin/api/egress-probe', JSON.stringify({ url: `${unlisted.url}/v1/models` }), { authorization: `Bearer ${ADMIN_TOKEN}` });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { worker: { refused: boolean }; runtime: { refused: boolean; error?: string } };
      expect(body.worker.refused).toBe(true);
      expect(body.runtime.refused).toBe(true);
      expect(unlisted.mock.requests).toHaveLength(0);
      await new Promise((r) => setTimeout(r, 100));
      expect(gateway.output()).toContain(`WARN Egress refused by runtime: GET 127.0.0.1:${unlisted.port} is not a configured target`);
    } finally {
      await unlisted.mock.close();
    }
  });

  it('the configured target stays reachable through the probe', async () => {
    const res = await post('/admin/api/egress-probe', JSON.stringify({ url: `http://127.0.0.1:${new URL(gateway.url).port}/health` }), { authorization: `Bearer ${ADMIN_TOKEN}` });
    const body = (await res.json()) as { worker: { refused: boolean } };
    expect(body.worker.refused).toBe(true); // the gateway itself is not a target either
  });

  it('the admin API refuses a wrong token in constant-time compare and answers 401', async () => {
    const res = await post('/admin/api/egress-probe', JSON.stringify({ url: 'http://127.0.0.1:1/' }), { authorization: 'Bearer wrong' });
    await expectOpenAIError(res, 401, 'invalid_token');
  });
});

describe('process lifecycle', () => {
  it('a busy port is a hard error that names it', async () => {
    const g = await startGateway({ PORT: String(gateway.port), OUTPOST_UPSTREAM_URL: 'http://127.0.0.1:9' }, { waitReady: false });
    const code = await g.exited;
    expect(code).toBe(1);
    expect(g.output()).toContain(`ERROR Cannot listen: 127.0.0.1:${gateway.port} is already in use`);
  });

  it('refuses an Ollama route to an OpenAI-kind target in the Ollama shape; OpenAI routes reach both kinds', async () => {
    const m = await startMock();
    const g = await startGateway({ OUTPOST_UPSTREAM_URL: m.url, OUTPOST_UPSTREAM_KIND: 'openai' });
    try {
      const before = m.mock.requests.length;
      const res = await fetch(`${g.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'mock-llama', messages: [{ role: 'user', content: 'hi' }], stream: false }) });
      expect(res.status).toBe(400);
      expect(res.headers.get('x-outpost-error-code')).toBe('target_protocol_mismatch');
      const body = (await res.json()) as { error: string };
      expect(body.error).toMatch(/served by target "default" \(kind openai\), which has no Ollama API; call it through the OpenAI-compatible routes/);
      await expect(new Ollama({ host: g.url }).chat({ model: 'mock-llama', messages: [{ role: 'user', content: 'hi' }] })).rejects.toThrow(/no Ollama API/);
      expect(m.mock.requests.length).toBe(before); // nothing forwarded
      const openai = new OpenAI({ baseURL: `${g.url}/v1`, apiKey: 'unused' });
      expect((await openai.chat.completions.create({ model: 'mock-llama', messages: [{ role: 'user', content: 'hi' }] })).choices[0]!.message.content).toBe(MOCK_ANSWER);
    } finally {
      // SIGTERM: a SIGKILLed launcher cannot pass the signal on, and its workerd would outlive the test.
      await g.stop();
      await m.mock.close();
    }
  });

  it('SIGTERM drains in-flight requests, then exits 0', async () => {
    const m = await startMock();
    const g = await startGateway({ OUTPOST_UPSTREAM_URL: m.url });
    try {
      const inflight = fetch(`${g.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'slow-1500', messages: [{ role: 'user', content: 'hi' }] }) });
      await new Promise((r) => setTimeout(r, 300));
      const stopped = g.stop('SIGTERM');
      const res = await inflight;
      expect(res.status).toBe(200);
      expect(((await res.json()) as { choices: unknown[] }).choices).toHaveLength(1);
      expect(await stopped).toBe(0);
    } finally {
      await g.stop('SIGKILL');
      await m.mock.close();
    }
  });
});
