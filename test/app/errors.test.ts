/**
 * Refusals through the app in process, in each protocol's error shape: authentication (401) and
 * scopes (403), unreadable bodies (400, 413), unknown models and routes (404, 405), upstream
 * failures (relayed, or 502), and an audit queue that cannot commit (503, fail closed). Every
 * refusal is audited once, without the credential or body content that caused it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeGateway, type FakeGateway } from './fake-gateway.js';
import { smallBundle } from './fake-gateway.js';
import { expectOllamaError, expectOpenAIError } from './expect-error.js';

const CI_KEY = 'ci-0123456789abcdef';
const ALICE_KEY = 'alice-0123456789abcdef';
const chat = (content = 'hi') => ({ model: 'fake-llama', messages: [{ role: 'user', content }] });

describe('authentication and scopes (api_key policy)', () => {
  let gw: FakeGateway;
  beforeAll(async () => {
    gw = await fakeGateway({
      bundle: smallBundle({
        version: 'keys-1',
        auth: { mode: 'api_key', api_keys: { ci: { scopes: ['gateway:use'], groups: ['automation'] } } },
        routes: { 'openai.chat': { scopes: ['gateway:use'] }, 'ollama.chat': { scopes: ['gateway:use'] } },
      }),
      env: { OUTPOST_API_KEYS: `ci:${CI_KEY},alice:${ALICE_KEY}` },
    });
  });

  it('401 missing_api_key in the OpenAI shape, with WWW-Authenticate', async () => {
    const res = await gw.post('/v1/chat/completions', chat(), { 'x-request-id': 'auth-missing-openai' });
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="outpost"');
    await expectOpenAIError(res, 401, 'missing_api_key', 'authentication_error');
    expect(gw.auditOf('auth-missing-openai')).toMatchObject({ decision: 'block', reason: 'missing_api_key', status: 401, caller: null });
  });

  it('401 missing_api_key in the Ollama shape', async () => {
    const res = await gw.post('/api/chat', chat(), { 'x-request-id': 'auth-missing-ollama' });
    await expectOllamaError(res, 401, 'missing_api_key');
    expect(gw.auditOf('auth-missing-ollama')).toMatchObject({ decision: 'block', route: 'ollama.chat', status: 401 });
  });

  it('401 invalid_api_key; the presented key is in no audit event', async () => {
    const wrong = 'wrong-key-0123456789abcdef';
    const res = await gw.post('/v1/chat/completions', chat(), { authorization: `Bearer ${wrong}`, 'x-request-id': 'auth-invalid' });
    expect(res.headers.get('www-authenticate')).toContain('error="invalid_token"');
    await expectOpenAIError(res, 401, 'invalid_api_key', 'authentication_error');
    expect(gw.auditOf('auth-invalid').reason).toBe('invalid_api_key');
    expect(JSON.stringify(gw.audit.events)).not.toContain(wrong);
  });

  it('403 missing_scope in both shapes for a valid key without the route scope', async () => {
    const openai = await gw.post('/v1/chat/completions', chat(), { authorization: `Bearer ${ALICE_KEY}`, 'x-request-id': 'auth-scope-openai' });
    const body = await expectOpenAIError(openai, 403, 'missing_scope', 'permission_error');
    expect(body.error.missing_scopes).toEqual(['gateway:use']);
    await expectOllamaError(await gw.post('/api/chat', chat(), { authorization: `Bearer ${ALICE_KEY}`, 'x-request-id': 'auth-scope-ollama' }), 403, 'missing_scope');
    expect(gw.auditOf('auth-scope-openai')).toMatchObject({ decision: 'block', reason: 'missing_scope', caller: { subject: 'api_key:alice' } });
    expect(gw.auditOf('auth-scope-ollama').reason).toBe('missing_scope');
    expect(gw.upstream.requests).toHaveLength(0);
  });

  it('serves a key with the scope and audits its caller', async () => {
    const res = await gw.post('/v1/chat/completions', chat(), { authorization: `Bearer ${CI_KEY}`, 'x-request-id': 'auth-ok' });
    expect(res.status).toBe(200);
    expect(gw.auditOf('auth-ok')).toMatchObject({ decision: 'allow', caller: { subject: 'api_key:ci', groups: ['automation'], method: 'api_key' } });
    expect(gw.upstream.lastCall()!.headers.authorization).toBeUndefined();
    expect(JSON.stringify(gw.audit.events)).not.toContain(CI_KEY);
  });
});

describe('unreadable requests', () => {
  let gw: FakeGateway;
  beforeAll(async () => {
    gw = await fakeGateway({ env: { OUTPOST_MAX_BODY_BYTES: '2048' } });
  });

  it('400 invalid_json in both shapes', async () => {
    await expectOpenAIError(await gw.post('/v1/chat/completions', '{"model":"fake-llama",', { 'x-request-id': 'bad-json-openai' }), 400, 'invalid_json', 'invalid_request_error');
    await expectOllamaError(await gw.post('/api/chat', '{"model":', { 'x-request-id': 'bad-json-ollama' }), 400, 'invalid_json');
    expect(gw.auditOf('bad-json-openai')).toMatchObject({ decision: 'error', reason: 'invalid_json', status: 400, model: null });
    expect(gw.auditOf('bad-json-ollama').reason).toBe('invalid_json');
  });

  it('400 duplicate_key, without echoing or auditing the repeated value', async () => {
    const card = '4111111111111111';
    const res = await gw.post('/v1/chat/completions', `{"model":"fake-llama","messages":[{"role":"user","content":"hi","content":"card ${card}"}]}`, { 'x-request-id': 'dup-key' });
    const body = await expectOpenAIError(res, 400, 'duplicate_key');
    expect(body.error.message).not.toContain(card);
    expect(gw.auditOf('dup-key')).toMatchObject({ decision: 'error', reason: 'duplicate_key' });
    expect(JSON.stringify(gw.audit.events)).not.toContain(card);
  });

  it('400 invalid_request for a body the route refuses', async () => {
    await expectOpenAIError(await gw.post('/v1/chat/completions', { model: 'fake-llama' }, { 'x-request-id': 'no-messages' }), 400, 'invalid_request');
    expect(gw.auditOf('no-messages').decision).toBe('error');
  });

  it('413 body_too_large over OUTPOST_MAX_BODY_BYTES, in both shapes', async () => {
    const big = chat('x'.repeat(4096));
    await expectOpenAIError(await gw.post('/v1/chat/completions', big, { 'x-request-id': 'too-large-openai' }), 413, 'body_too_large');
    await expectOllamaError(await gw.post('/api/chat', big, { 'x-request-id': 'too-large-ollama' }), 413, 'body_too_large');
    expect(gw.auditOf('too-large-openai')).toMatchObject({ decision: 'error', status: 413 });
    expect(gw.auditOf('too-large-ollama').status).toBe(413);
    expect(gw.upstream.requests).toHaveLength(0);
  });
});

describe('routing', () => {
  let gw: FakeGateway;
  beforeAll(async () => {
    gw = await fakeGateway({
      replies: {
        'upstream-500': { status: 500, errorBody: JSON.stringify({ error: { message: 'model crashed', type: 'server_error', code: 'oom' } }) },
        'upstream-html': { status: 503, errorBody: '<html>busy</html>', errorContentType: 'text/html' },
        'upstream-down': { unreachable: true },
      },
    });
  });

  it('404 model_not_found in both shapes; the unknown name is audited as a hash', async () => {
    const secretName = 'project-nightingale-7';
    await expectOpenAIError(await gw.post('/v1/chat/completions', { ...chat(), model: secretName }, { 'x-request-id': 'unknown-model-openai' }), 404, 'model_not_found', 'not_found_error');
    await expectOllamaError(await gw.post('/api/chat', { ...chat(), model: secretName }, { 'x-request-id': 'unknown-model-ollama' }), 404, 'model_not_found');
    expect(gw.auditOf('unknown-model-openai')).toMatchObject({ decision: 'block', reason: 'model_not_found', target: null });
    expect(gw.auditOf('unknown-model-openai').model).toMatch(/^sha256:[0-9a-f]+$/);
    expect(JSON.stringify(gw.audit.events)).not.toContain(secretName);
  });

  it('404 for an unknown path and 405 for GET on a model route, in the path protocol shape', async () => {
    await expectOpenAIError(await gw.request('/v1/nothing-here'), 404, 'not_found');
    await expectOllamaError(await gw.request('/api/nothing-here'), 404, 'not_found');
    await expectOpenAIError(await gw.request('/v1/chat/completions'), 405, 'method_not_allowed');
    await expectOllamaError(await gw.request('/api/chat'), 405, 'method_not_allowed');
  });

  it('502 upstream_unreachable in both shapes when the target cannot be reached', async () => {
    const openai = await gw.post('/v1/chat/completions', { ...chat(), model: 'upstream-down' }, { 'x-request-id': 'down-openai' });
    await expectOpenAIError(openai, 502, 'upstream_unreachable', 'upstream_error');
    await expectOllamaError(await gw.post('/api/chat', { ...chat(), model: 'upstream-down' }, { 'x-request-id': 'down-ollama' }), 502, 'upstream_unreachable');
    expect(gw.auditOf('down-openai')).toMatchObject({ decision: 'error', reason: 'upstream_unreachable', status: 502, target: 'default' });
    expect(gw.auditOf('down-ollama').status).toBe(502);
  });

  it('relays a JSON upstream error as it is, with its status', async () => {
    const res = await gw.post('/v1/chat/completions', { ...chat(), model: 'upstream-500' }, { 'x-request-id': 'upstream-500' });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: { message: 'model crashed', type: 'server_error', code: 'oom' } });
    expect(gw.auditOf('upstream-500')).toMatchObject({ reason: 'upstream_error', status: 500 });
  });

  it('wraps a non-JSON upstream error in the protocol shape', async () => {
    const openai = await gw.post('/v1/chat/completions', { ...chat(), model: 'upstream-html' }, { 'x-request-id': 'upstream-html' });
    expect(openai.status).toBe(503);
    expect(await openai.json()).toEqual({ error: { message: 'Upstream answered 503', type: 'upstream_error', param: null, code: 'upstream_error' } });
    const ollama = await gw.post('/api/chat', { ...chat(), model: 'upstream-html', stream: false });
    expect(ollama.status).toBe(503);
    expect(await ollama.json()).toEqual({ error: 'Upstream answered 503' });
    expect(gw.auditOf('upstream-html').status).toBe(503);
  });
});

describe('audit queue that cannot commit (fail closed)', () => {
  it('refuses with 503 audit_unavailable, keeps traffic from the target, and recovers', async () => {
    const gw = await fakeGateway();
    gw.audit.failing = true;
    // The commit of the first call fails: its answer is withheld and replaced by the 503.
    await expectOpenAIError(await gw.post('/v1/chat/completions', chat()), 503, 'audit_unavailable', 'unavailable');
    const forwarded = gw.upstream.requests.length;
    await expectOllamaError(await gw.post('/api/chat', chat()), 503, 'audit_unavailable');
    expect(gw.upstream.requests.length).toBe(forwarded);
    const ready = await gw.request('/readyz');
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { status: string; reason: string }).reason).toContain('audit queue unavailable');
    expect(gw.audit.events).toHaveLength(0);

    // The disk is writable again: the next refusal is recorded (the probe), then calls are served.
    gw.audit.failing = false;
    await expectOpenAIError(await gw.post('/v1/chat/completions', chat(), { 'x-request-id': 'audit-probe' }), 503, 'audit_unavailable');
    expect(gw.auditOf('audit-probe')).toMatchObject({ decision: 'error', reason: 'audit_unavailable' });
    const served = await gw.post('/v1/chat/completions', chat(), { 'x-request-id': 'audit-recovered' });
    expect(served.status).toBe(200);
    expect(gw.auditOf('audit-recovered').decision).toBe('allow');
    expect((await gw.request('/readyz')).status).toBe(200);
  });
});
