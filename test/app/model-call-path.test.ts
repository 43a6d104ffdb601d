/**
 * Which requests go straight to the pipeline (worker/model-call-path.ts) and which the app routes:
 * only a POST on a model route's exact path from the main listener skips the router; the answers
 * are the app's either way (the other test files in this folder send everything through the same
 * entry).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { modelRouteOf, requestPath } from '../../worker/model-call-path.js';
import { fakeGateway, type FakeGateway } from './fake-gateway.js';
import { expectOpenAIError } from './expect-error.js';

const post = (url: string, headers: Record<string, string> = {}) => new Request(url, { method: 'POST', body: '{}', headers });

describe('requestPath', () => {
  it('reads the path as hono does: without the query, null when percent-encoded', () => {
    expect(requestPath('http://127.0.0.1:8080/v1/chat/completions')).toBe('/v1/chat/completions');
    expect(requestPath('http://127.0.0.1:8080/v1/chat/completions?stream=1')).toBe('/v1/chat/completions');
    expect(requestPath('http://gw/')).toBe('/');
    expect(requestPath('http://gw/v1/chat%2Fcompletions')).toBeNull();
  });
});

describe('modelRouteOf', () => {
  it('knows every exact model path, for POST only', () => {
    expect(modelRouteOf(post('http://gw/v1/chat/completions'))?.id).toBe('openai.chat');
    expect(modelRouteOf(post('http://gw/api/chat'))?.id).toBe('ollama.chat');
    expect(modelRouteOf(new Request('http://gw/v1/chat/completions'))).toBeUndefined();
    expect(modelRouteOf(new Request('http://gw/v1/chat/completions', { method: 'PUT', body: '{}' }))).toBeUndefined();
  });

  it('leaves other paths, a trailing slash and encoded paths to the app', () => {
    expect(modelRouteOf(post('http://gw/v1/chat/completions/'))).toBeUndefined();
    expect(modelRouteOf(post('http://gw/v1/chat/completions2'))).toBeUndefined();
    expect(modelRouteOf(post('http://gw/projects/a/v1/chat/completions'))).toBeUndefined();
    expect(modelRouteOf(post('http://gw/v1/chat%2Fcompletions'))).toBeUndefined();
  });

  it('leaves calls from the admin and internal listeners to the app, which refuses them there', () => {
    expect(modelRouteOf(post('http://gw/v1/chat/completions', { 'x-outpost-listener': 'admin' }))).toBeUndefined();
    expect(modelRouteOf(post('http://gw/v1/chat/completions', { 'x-outpost-listener': 'internal' }))).toBeUndefined();
    expect(modelRouteOf(post('http://gw/v1/chat/completions', { 'x-outpost-listener': 'main' }))?.id).toBe('openai.chat');
  });
});

describe('answers through the entry', () => {
  let gw: FakeGateway;
  beforeAll(async () => {
    gw = await fakeGateway();
  });

  it('a model call with a query string is served and audited once, with its request id', async () => {
    const res = await gw.post('/v1/chat/completions?trace=1', { model: 'fake-llama', messages: [{ role: 'user', content: 'hi' }] }, { 'x-request-id': 'fast-path-query' });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('fast-path-query');
    expect(gw.auditOf('fast-path-query')).toMatchObject({ decision: 'allow', route: 'openai.chat', status: 200 });
  });

  it('a malformed request id is replaced, as the app does', async () => {
    const res = await gw.post('/v1/chat/completions', { model: 'fake-llama', messages: [{ role: 'user', content: 'hi' }] }, { 'x-request-id': 'bad id with spaces' });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a refused call carries the request id and the error shape the app gives', async () => {
    const res = await gw.post('/v1/chat/completions', '{"model": ', { 'x-request-id': 'fast-path-bad-json' });
    expect(res.headers.get('x-request-id')).toBe('fast-path-bad-json');
    await expectOpenAIError(res, 400, 'invalid_json', 'invalid_request_error');
    expect(gw.auditOf('fast-path-bad-json')).toMatchObject({ decision: 'error', status: 400 });
  });

  it('GET on a model path is still 405 from the app', async () => {
    const res = await gw.request('/v1/chat/completions', { headers: { 'x-request-id': 'fast-path-get' } });
    await expectOpenAIError(res, 405, 'method_not_allowed', 'invalid_request_error');
  });
});
