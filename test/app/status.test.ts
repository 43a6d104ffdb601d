/**
 * Model lists and health through the app in process: /v1/models and /api/tags in their protocol
 * shapes (audited like model calls), /health (answers even when the gateway cannot start) and
 * /readyz (policy, subsystems); and one audit event per decision over a mixed run.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../worker/app.js';
import { fakeGateway, nextRequestId, smallBundle, type FakeGateway } from './fake-gateway.js';
import { FAKE_MODELS } from './fake-upstream.js';
import { expectOpenAIError } from './expect-error.js';

let gw: FakeGateway;
beforeAll(async () => {
  gw = await fakeGateway();
});

describe('model lists', () => {
  it('/v1/models lists the target models in the OpenAI shape', async () => {
    const res = await gw.request('/v1/models', { headers: { 'x-request-id': 'list-openai' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-outpost-policy-version')).toBe('baseline-1');
    const body = (await res.json()) as { object: string; data: Array<{ id: string; object: string; owned_by: string }> };
    expect(body.object).toBe('list');
    expect(body.data.map((m) => m.id).sort()).toEqual([...FAKE_MODELS].sort());
    expect(body.data.every((m) => m.object === 'model' && m.owned_by === 'default')).toBe(true);
    expect(gw.auditOf('list-openai')).toMatchObject({ route: 'models.list', decision: 'allow', status: 200, model: null });
  });

  it('/api/tags lists the target models in the Ollama shape', async () => {
    const res = await gw.request('/api/tags', { headers: { 'x-request-id': 'list-ollama' } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { models: Array<{ name: string; model: string }> };
    expect(body.models.map((m) => m.name).sort()).toEqual([...FAKE_MODELS].sort());
    expect(body.models.every((m) => m.model === m.name)).toBe(true);
    expect(gw.auditOf('list-ollama')).toMatchObject({ route: 'models.list', decision: 'allow' });
  });

  it('refuses the list without the models.list scope (403, audited)', async () => {
    const scoped = await fakeGateway({
      bundle: smallBundle({ auth: { mode: 'api_key' }, routes: { 'models.list': { scopes: ['models:read'] } } }),
      env: { OUTPOST_API_KEYS: 'ops:ops-0123456789abcdef' },
    });
    const headers = { authorization: 'Bearer ops-0123456789abcdef', 'x-request-id': 'list-scope' };
    await expectOpenAIError(await scoped.request('/v1/models', { headers }), 403, 'missing_scope', 'permission_error');
    expect(scoped.auditOf('list-scope')).toMatchObject({ route: 'models.list', decision: 'block', reason: 'missing_scope', caller: { subject: 'api_key:ops' } });
    expect(scoped.upstream.requests).toHaveLength(0);
  });
});

describe('health and readiness', () => {
  it('/health answers ok with a request id and is not audited', async () => {
    const before = gw.audit.events.length;
    const res = await gw.request('/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect(res.headers.get('x-request-id')).toBeTruthy();
    expect(gw.audit.events.length).toBe(before);
  });

  it('/readyz reports ready, air-gap, the policy and every subsystem', async () => {
    const res = await gw.request('/readyz');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; air_gap: boolean; policy: { version: string; source: string }; subsystems: Record<string, { state: string }> };
    expect(body).toMatchObject({ status: 'ready', air_gap: true, policy: { version: 'baseline-1', source: 'built-in' } });
    expect(body.subsystems).toMatchObject({ policy: { state: 'disabled' }, tier1_2: { state: 'active' }, audit: { state: 'active' }, geoip: { state: 'disabled' }, tier3: { state: 'disabled' } });
  });

  it('/readyz shows an operator bundle as the active policy', async () => {
    const own = await fakeGateway({ bundle: smallBundle({ version: 'site-7' }) });
    const body = (await (await own.request('/readyz')).json()) as { policy: { version: string; source: string }; subsystems: { policy: { state: string } } };
    expect(body.policy).toMatchObject({ version: 'site-7', source: 'volume' });
    expect(body.subsystems.policy.state).toBe('active');
  });

  it('a gateway that fails to start: /health 200, /readyz 503, model calls 503 gateway_unavailable', async () => {
    const app = createApp();
    const bindings = { getGateway: () => Promise.reject(new Error('policy volume unreadable')), facts: { peerAddress: '127.0.0.1', waitUntil: () => {} } };
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      expect((await app.request('/health', {}, bindings)).status).toBe(200);
      const ready = await app.request('/readyz', {}, bindings);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ status: 'not_ready', reason: 'startup failed: policy volume unreadable' });
      const call = await app.request('/v1/chat/completions', { method: 'POST', body: '{}' }, bindings);
      await expectOpenAIError(call, 503, 'gateway_unavailable', 'unavailable');
    } finally {
      console.error = original;
    }
    expect(errors.length).toBeGreaterThan(0);
  });
});

describe('one audit event per decision', () => {
  it('records each of a mixed run of calls exactly once, in any outcome', async () => {
    const mixed = await fakeGateway({ bundle: smallBundle({ dlp: { tier1: { enabled: true, action: 'block' } } }) });
    const ids: string[] = [];
    const send = async (path: string, body: unknown) => {
      const id = nextRequestId();
      ids.push(id);
      // Read to the end: a stream is recorded before its last event is released.
      await (await mixed.post(path, body, { 'x-request-id': id })).arrayBuffer();
    };
    const message = (content: string) => [{ role: 'user', content }];
    await send('/v1/chat/completions', { model: 'fake-llama', messages: message('hi') });
    await send('/v1/chat/completions', { model: 'fake-llama', stream: true, messages: message('hi') });
    await send('/api/chat', { model: 'fake-llama', messages: message('hi') });
    await send('/api/chat', { model: 'fake-llama', stream: false, messages: message('card 4111111111111111') });
    await send('/v1/chat/completions', { model: 'nope', messages: message('hi') });
    await send('/v1/chat/completions', '{"broken"');
    expect(mixed.audit.events.map((e) => e.request_id)).toEqual(ids);
    expect(mixed.audit.events.map((e) => e.decision)).toEqual(['allow', 'allow', 'allow', 'block', 'block', 'error']);
  });
});
