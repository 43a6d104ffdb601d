/**
 * Clients that misbehave, against the real workerd: unauthenticated callers are refused before
 * their body is read, trickled bodies time out (408), disconnects mid-body are client aborts
 * (499, no stack trace), deep nesting and invalid UTF-8 are refused (400), a byte-order mark is
 * dropped before forwarding, and finding hashes are HMAC-SHA-256 keyed with the salt.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { connect } from 'node:net';
import { join } from 'node:path';
import OpenAI from 'openai';
import { auditEvents, startGateway, useMockUpstream, type RunningGateway, stateWithBundle } from './harness.js';

const API_KEY = 'ci-0123456789abcdef';
const SALT = 'e2e-finding-salt-5d1c';
const BODY_TIMEOUT_MS = 1500;
const upstream = useMockUpstream();
let gateway: RunningGateway;
let state: string;

beforeAll(async () => {
  state = stateWithBundle('outpost-misbehaviour-', {
    schema_version: 1,
    version: 'keys-1',
    created_at: '2026-11-28T00:00:00Z',
    models: [{ name: '*', risk_tier: 'open' }],
    risk_tiers: { open: {} },
    dlp: { tier1: { enabled: true, action: 'flag' } },
    routes: { 'openai.chat': { scopes: ['gateway:use'] } },
    auth: { mode: 'api_key', api_keys: { ci: { scopes: ['gateway:use'] } } },
  });
  gateway = await startGateway({
    OUTPOST_STATE_DIR: state,
    OUTPOST_UPSTREAM_URL: upstream.url,
    OUTPOST_API_KEYS: `ci:${API_KEY}`,
    OUTPOST_BODY_TIMEOUT_MS: String(BODY_TIMEOUT_MS),
    OUTPOST_AUDIT_SALT: SALT,
  });
});

afterAll(async () => {
  await gateway?.stop();
});

const events = () => auditEvents(join(state, 'audit', 'audit_queue.db'));

/** Polls the audit queue until the event of `requestId` is there. */
async function eventOf(requestId: string): Promise<ReturnType<typeof events>[number]> {
  for (let i = 0; i < 200; i++) {
    const found = events().find((e) => e.request_id === requestId);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no audit event for ${requestId}`);
}

interface RawExchange {
  /** The raw HTTP response, or '' when the server closed without one. */
  readonly response: string;
  readonly status: number | null;
}

/**
 * One request over a raw socket: the head, then each body part after its delay; the socket is
 * destroyed after the last part when `disconnect` is set, otherwise read until the server closes.
 */
function rawRequest(head: Record<string, string>, parts: Array<{ bytes: Buffer; afterMs?: number }>, options: { disconnect?: boolean; waitMs?: number } = {}): Promise<RawExchange> {
  return new Promise((resolve, reject) => {
    const socket = connect(gateway.port, '127.0.0.1');
    let response = '';
    const giveUp = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${options.waitMs ?? 20_000} ms; got: ${response.slice(0, 200)}`));
    }, options.waitMs ?? 20_000);
    const done = () => {
      clearTimeout(giveUp);
      const status = /^HTTP\/1\.1 (\d{3})/.exec(response);
      resolve({ response, status: status ? Number(status[1]) : null });
    };
    socket.on('data', (d) => (response += d.toString('utf8')));
    socket.on('close', done);
    socket.on('error', () => {});
    socket.on('connect', async () => {
      const lines = ['POST /v1/chat/completions HTTP/1.1', `Host: 127.0.0.1:${gateway.port}`, ...Object.entries(head).map(([k, v]) => `${k}: ${v}`), '', ''];
      socket.write(lines.join('\r\n'));
      for (const part of parts) {
        if (part.afterMs) await new Promise((r) => setTimeout(r, part.afterMs));
        if (socket.destroyed) return;
        socket.write(part.bytes);
      }
      if (options.disconnect) {
        await new Promise((r) => setTimeout(r, 100));
        socket.destroy();
      }
    });
  });
}

const chat = (content: string): string => JSON.stringify({ model: 'mock-llama', messages: [{ role: 'user', content }] });
const authorized = { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' };

const post = (body: BodyInit, headers: Record<string, string> = authorized) => fetch(`${gateway.url}/v1/chat/completions`, { method: 'POST', headers, body });

describe('the caller is identified before the body is read', () => {
  it('an unauthenticated caller with a bad body gets 401, an authenticated one 400', async () => {
    const anonymous = await post('{"model": oops', { 'content-type': 'application/json' });
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe('missing_api_key');

    const known = await post('{"model": oops');
    expect(known.status).toBe(400);
    expect(((await known.json()) as { error: { code: string } }).error.code).toBe('invalid_json');
  });

  it('an unauthenticated caller is answered 401 without the gateway waiting for its body', async () => {
    // The declared body is never sent: only a gateway that does not read it can answer 401.
    const { status, response } = await rawRequest({ 'content-type': 'application/json', 'content-length': '4000', 'x-request-id': 'anon-no-body', connection: 'close' }, []);
    expect(status).toBe(401);
    expect(response).toContain('missing_api_key');
  });
});

describe('request bodies that arrive slowly or not at all', () => {
  // Bodies up to 64 KiB are read in one go under one deadline; larger ones chunk by chunk with the
  // deadline reset by each chunk: both kinds are driven.
  const large = (content: string) => chat(content + ' filler'.repeat(12_000));

  for (const [kind, make] of [['small', (c: string) => chat(c)], ['large (> 64 KiB)', large]] as const) {
    it(`a ${kind} trickled body that stops is answered 408 body_timeout and audited`, async () => {
      const body = Buffer.from(make('hello there'));
      const id = `trickle-${kind.split(' ')[0]}`;
      const { status, response } = await rawRequest({ ...authorized, 'content-length': String(body.length), 'x-request-id': id }, [{ bytes: body.subarray(0, body.length >> 1) }]);
      expect(status).toBe(408);
      expect(response).toContain('"code":"body_timeout"');
      const event = await eventOf(id);
      expect(event).toMatchObject({ status: 408, reason: 'body_timeout', decision: 'error' });
      expect((event as unknown as { caller: { subject: string } }).caller.subject).toBe('api_key:ci');
    });
  }

  it('a large body trickled with pauses shorter than the timeout is accepted, though it takes longer than the timeout in all', async () => {
    const body = Buffer.from(large('slow but steady'));
    const parts = [0, 1, 2, 3].map((i) => ({ bytes: body.subarray((i * body.length) >> 2, ((i + 1) * body.length) >> 2), afterMs: i ? BODY_TIMEOUT_MS / 2 : 0 }));
    const { status } = await rawRequest({ ...authorized, 'content-length': String(body.length), 'x-request-id': 'trickle-ok', connection: 'close' }, parts);
    expect(status).toBe(200);
  });

  for (const [kind, make] of [['small', (c: string) => chat(c)], ['large', large]] as const) {
    it(`a client that disconnects mid-body (${kind}) is audited as a client abort (499), with no stack trace logged`, async () => {
      const body = Buffer.from(make('going away'));
      const id = `abort-${kind}`;
      const { status } = await rawRequest({ ...authorized, 'content-length': String(body.length), 'x-request-id': id }, [{ bytes: body.subarray(0, 30) }], { disconnect: true });
      expect(status).toBeNull();
      const event = await eventOf(id);
      expect(event).toMatchObject({ status: 499, reason: 'client_closed_request', decision: 'error' });
      const logged = gateway.output().split('\n').filter((line) => line.includes(id));
      expect(logged.join('\n')).not.toMatch(/internal_error|Error:|\n\s+at /);
      expect(gateway.output()).not.toMatch(/^\s+at .*worker\.js/m);
    });
  }
});

describe('bodies the gateway refuses to walk or forward', () => {
  it('nesting deeper than 64 levels is refused with 400 before any walk; 64 levels pass', async () => {
    const before = upstream.mock.requests.length;
    const nested = (depth: number) => `{"model":"mock-llama","messages":[{"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function","function":{"name":"f","arguments":"{}"},"extra":${'['.repeat(depth)}${']'.repeat(depth)}}]},{"role":"user","content":"hi"}]}`;
    const deep = await post(nested(100_000), { ...authorized, 'x-request-id': 'deep-1' });
    expect(deep.status).toBe(400);
    const error = ((await deep.json()) as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('invalid_request');
    expect(error.message).toContain('nested deeper than 64 levels');
    expect((await eventOf('deep-1')).status).toBe(400);
    expect(gateway.output()).not.toContain('RangeError');
    expect(upstream.mock.requests.length).toBe(before);

    // 64 levels in all: the body object, messages, the message, tool_calls, the call, then 59 arrays.
    expect((await post(nested(59))).status).toBe(200);
    expect((await post(nested(60))).status).toBe(400);
  });

  it('invalid UTF-8 is refused with 400 and never reaches the model', async () => {
    const before = upstream.mock.requests.length;
    const bytes = Buffer.concat([Buffer.from('{"model":"mock-llama","messages":[{"role":"user","content":"4111'), Buffer.from([0xff]), Buffer.from('111111111111"}]}')]);
    const res = await post(bytes, { ...authorized, 'x-request-id': 'bad-utf8' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_encoding');
    expect(upstream.mock.requests.length).toBe(before);
    expect((await eventOf('bad-utf8')).reason).toBe('invalid_encoding');
  });

  it('a leading byte-order mark is dropped: the model gets the JSON without it', async () => {
    const before = upstream.mock.requests.length;
    const res = await post(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(chat('with a BOM'))]));
    expect(res.status).toBe(200);
    const forwarded = upstream.mock.requests.slice(before).find((r) => r.path === '/v1/chat/completions')!;
    expect(String(forwarded.body).charCodeAt(0)).toBe('{'.charCodeAt(0));
    expect(JSON.parse(String(forwarded.body))).toMatchObject({ model: 'mock-llama' });
  });
});

describe('finding hashes', () => {
  it('are HMAC-SHA-256 keyed with the salt (first 128 bits), sent through the official client', async () => {
    const client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: API_KEY, maxRetries: 0 });
    const content = 'my card is 4111111111111111 thanks';
    const completion = await client.chat.completions.create({ model: 'mock-llama', messages: [{ role: 'user', content }] }, { headers: { 'x-request-id': 'hash-1' } });
    expect(completion.choices[0]!.message.content).toBeTruthy();
    const event = await eventOf('hash-1');
    const finding = (event.findings as unknown as Array<{ type: string; start: number; end: number; hash: string }>).find((f) => f.start === content.indexOf('4111'));
    expect(finding).toBeDefined();
    const value = content.slice(finding!.start, finding!.end);
    expect(value).toBe('4111111111111111');
    expect(finding!.hash).toBe(createHmac('sha256', SALT).update(value).digest('hex').slice(0, 32));
  });
});

describe('a client that goes away mid-stream', () => {
  it('ends the relay at once and the stream is still on record, long before upstream would have finished', async () => {
    // drip-200: ~90 events 200 ms apart, ~18 s in all; the record must come from the disconnect.
    const controller = new AbortController();
    const started = Date.now();
    const res = await fetch(`${gateway.url}/v1/chat/completions`, {
      method: 'POST',
      signal: controller.signal,
      headers: { ...authorized, 'x-request-id': 'gone-mid-stream' },
      body: JSON.stringify({ model: 'drip-200', stream: true, messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain('data: ');
    controller.abort();
    let event: ReturnType<typeof events>[number] | undefined;
    while (!event && Date.now() - started < 15_000) {
      await new Promise((r) => setTimeout(r, 100));
      try {
        event = events().find((e) => e.request_id === 'gone-mid-stream');
      } catch {
        // sqlite3 found the queue busy (a commit under way): read again
      }
    }
    expect(event, 'no audit event for gone-mid-stream').toBeDefined();
    expect(Date.now() - started).toBeLessThan(9000);
    expect(event!.status).toBe(200);
  });
});
