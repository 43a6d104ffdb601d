import { describe, expect, it } from 'vitest';
import { forward } from '../../worker/proxy/forward.js';
import { TargetUnreachableError, type RuntimeAdapter } from '../../worker/runtime/index.js';
import { GatewayError } from '../../worker/core/index.js';
import type { TargetConfig } from '../../worker/config/index.js';

const target: TargetConfig = { id: 'vllm', kind: 'openai', baseUrl: 'http://127.0.0.1:8000', models: ['*'] };

interface Sent {
  url: string;
  init: RequestInit;
}

/** A runtime whose fetchTarget records what it was given and answers with `answer`. */
function runtimeAnswering(answer: (sent: Sent) => Promise<Response>): { runtime: RuntimeAdapter; sent: Sent[] } {
  const sent: Sent[] = [];
  const runtime = {
    fetchTarget: (_target: TargetConfig, url: string, init: RequestInit) => {
      const s = { url, init };
      sent.push(s);
      return answer(s);
    },
  } as unknown as RuntimeAdapter;
  return { runtime, sent };
}

async function failureOf(p: Promise<unknown>): Promise<GatewayError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(GatewayError);
    return e as GatewayError;
  }
  throw new Error('forward resolved');
}

describe('forward', () => {
  it('sends the body as given, with the request id, the accept type and the bearer key', async () => {
    const { runtime, sent } = runtimeAnswering(() => Promise.resolve(new Response('{"ok":true}', { status: 200 })));
    const body = new TextEncoder().encode('{"model":"m"}');
    const res = await forward(runtime, target, '/v1/chat/completions', { method: 'POST', body, requestId: 'req-1', timeoutMs: 1000, apiKey: 'sk-test', accept: 'text/event-stream' });
    expect(await res.json()).toEqual({ ok: true });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toBe('http://127.0.0.1:8000/v1/chat/completions');
    expect(sent[0]!.init.body).toBe(body);
    expect(sent[0]!.init.method).toBe('POST');
    expect(sent[0]!.init.headers).toEqual({ 'x-request-id': 'req-1', accept: 'text/event-stream', 'content-type': 'application/json', authorization: 'Bearer sk-test' });
    expect(sent[0]!.init.signal?.aborted).toBe(false);
  });

  it('a GET carries no body and no content type', async () => {
    const { runtime, sent } = runtimeAnswering(() => Promise.resolve(new Response('[]')));
    await forward(runtime, target, '/v1/models', { method: 'GET', requestId: 'req-2', timeoutMs: 1000 });
    expect('body' in sent[0]!.init).toBe(false);
    expect(sent[0]!.init.headers).toEqual({ 'x-request-id': 'req-2', accept: 'application/json' });
  });

  it('504 upstream_timeout when no headers arrive in time, and the upstream call is aborted', async () => {
    const { runtime, sent } = runtimeAnswering(
      ({ init }) =>
        new Promise<Response>((_resolve, reject) => {
          init.signal!.addEventListener('abort', () => reject(new Error('aborted')));
        }),
    );
    const error = await failureOf(forward(runtime, target, '/v1/chat/completions', { method: 'POST', body: '{}', requestId: 'req-3', timeoutMs: 20 }));
    expect(error.status).toBe(504);
    expect(error.code).toBe('upstream_timeout');
    expect(sent[0]!.init.signal!.aborted).toBe(true);
  });

  it('502 upstream_unreachable for a refused connection, a missing channel and a runtime that throws at once', async () => {
    const refused = runtimeAnswering(() => Promise.reject(new TypeError('connection refused')));
    const e1 = await failureOf(forward(refused.runtime, target, '/x', { method: 'POST', body: '{}', requestId: 'r', timeoutMs: 1000 }));
    expect([e1.status, e1.code, e1.message]).toEqual([502, 'upstream_unreachable', 'Target "vllm" refused the connection or is unreachable']);

    const noChannel = runtimeAnswering(() => Promise.reject(new TargetUnreachableError('target vllm has no runtime channel')));
    const e2 = await failureOf(forward(noChannel.runtime, target, '/x', { method: 'POST', body: '{}', requestId: 'r', timeoutMs: 1000 }));
    expect([e2.status, e2.code, e2.message]).toEqual([502, 'upstream_unreachable', 'target vllm has no runtime channel']);

    const throwing = runtimeAnswering(() => {
      throw new TypeError('bad URL');
    });
    const e3 = await failureOf(forward(throwing.runtime, target, '/x', { method: 'POST', body: '{}', requestId: 'r', timeoutMs: 1000 }));
    expect([e3.status, e3.code]).toEqual([502, 'upstream_unreachable']);
  });

  it('clears its timer once headers arrive: a slow body is not cut off by the header timeout', async () => {
    const { runtime, sent } = runtimeAnswering(() => Promise.resolve(new Response('{}')));
    await forward(runtime, target, '/x', { method: 'POST', body: '{}', requestId: 'r', timeoutMs: 20 });
    await new Promise((r) => setTimeout(r, 60));
    expect(sent[0]!.init.signal!.aborted).toBe(false);
  });
});
