/**
 * Policy bundles end to end on real workerd: OAuth JWTs verified offline in the worker, a hot
 * install under continuous load (no request fails, each judged by exactly one version, as its
 * audit record shows), survival across a restart, rollback; all through the `outpost policy` CLI.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import OpenAI from 'openai';
import { ROOT, auditEvents, startGateway, useMockUpstream, type RunningGateway, stateWithBundle } from './harness.js';

const TOKEN = 'policy-e2e-admin-token-5e6f7a8b';
const ISSUER = 'https://idp.test/realms/outpost';
const AUDIENCE = 'outpost-gateway';

const upstream = useMockUpstream();

const outpost = (...args: string[]) => execFileSync(process.execPath, [join(ROOT, 'bin', 'outpost.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, OUTPOST_ADMIN_TOKEN: TOKEN } });

function openBundle(version: string): Record<string, unknown> {
  return { schema_version: 1, version, created_at: '2026-11-24T00:00:00Z', models: [{ name: '*', risk_tier: 'open' }], risk_tiers: { open: {} }, auth: { mode: 'none' } };
}

describe('OAuth bearer tokens, verified offline in the worker', () => {
  let gateway: RunningGateway;
  let sign: (claims: Record<string, unknown>, options?: { expiresIn?: string; audience?: string; key?: CryptoKey }) => Promise<string>;
  let otherKey: CryptoKey;

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    otherKey = (await generateKeyPair('ES256')).privateKey;
    const jwk = { ...(await exportJWK(publicKey)), kid: 'idp-1', alg: 'ES256', use: 'sig' };
    sign = (claims, options = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', kid: 'idp-1' })
        .setIssuer(ISSUER)
        .setAudience(options.audience ?? AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? '5m')
        .sign(options.key ?? privateKey);
    const state = stateWithBundle('outpost-oauth-', {
      ...openBundle('oauth-1'),
      models: [
        { name: 'mock-llama', risk_tier: 'open', scopes: ['models:llama'] },
        { name: 'mock-mistral', risk_tier: 'open', groups: ['research'] },
      ],
      routes: { 'openai.chat': { scopes: ['gateway:use'] } },
      auth: { mode: 'oauth', oauth: { issuer: ISSUER, audience: AUDIENCE, jwks: { keys: [jwk] }, scope_claim: 'scope', groups_claim: 'groups', clock_skew_seconds: 30, algorithms: ['ES256'] } },
    });
    gateway = await startGateway({ OUTPOST_STATE_DIR: state, OUTPOST_UPSTREAM_URL: upstream.url });
  });

  afterAll(async () => {
    await gateway?.stop();
  });

  const call = async (token: string | null, model = 'mock-llama') => {
    const res = await fetch(`${gateway.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ model, messages: [{ role: 'user', content: 'hi' }] }),
    });
    return { status: res.status, body: (await res.json()) as { error?: { code: string; message: string } } };
  };

  it('a valid token with the scopes passes, and the official client works with it', async () => {
    const token = await sign({ sub: 'alice', scope: 'gateway:use models:llama' });
    expect((await call(token)).status).toBe(200);
    const openai = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: token, maxRetries: 0 });
    const completion = await openai.chat.completions.create({ model: 'mock-llama', messages: [{ role: 'user', content: 'hi' }] });
    expect(completion.choices[0]!.message.content).toContain('Hello from the mock model');
  });

  it('missing, expired, wrong-audience, wrong-key and alg-none tokens get 401', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ sub: 'mallory', iss: ISSUER, aud: AUDIENCE, scope: 'gateway:use models:llama', exp: Math.floor(Date.now() / 1000) + 300 })).toString('base64url');
    for (const token of [
      null,
      await sign({ sub: 'alice', scope: 'gateway:use models:llama' }, { expiresIn: '-2m' }),
      await sign({ sub: 'alice', scope: 'gateway:use models:llama' }, { audience: 'someone-else' }),
      await sign({ sub: 'alice', scope: 'gateway:use models:llama' }, { key: otherKey }),
      `${header}.${payload}.`,
    ]) {
      const r = await call(token);
      expect(r.status).toBe(401);
      expect(r.body.error?.code).toMatch(/token/);
    }
  });

  it('403 names the missing scope, or the model that is not allowed', async () => {
    const noRouteScope = await call(await sign({ sub: 'bob', scope: 'models:llama' }));
    expect(noRouteScope.status).toBe(403);
    expect(noRouteScope.body.error!.message).toContain('"gateway:use"');
    const noModelScope = await call(await sign({ sub: 'bob', scope: 'gateway:use' }));
    expect(noModelScope.status).toBe(403);
    expect(noModelScope.body.error!.message).toContain('"models:llama"');
    const notInGroup = await call(await sign({ sub: 'bob', scope: 'gateway:use', groups: ['finance'] }), 'mock-mistral');
    expect(notInGroup.status).toBe(403);
    expect(notInGroup.body.error).toMatchObject({ code: 'model_not_allowed' });
    expect((await call(await sign({ sub: 'carol', scope: 'gateway:use', groups: ['research'] }), 'mock-mistral')).status).toBe(200);
  });
});

describe('hot install under load, restart, rollback', () => {
  it('no request fails, each is judged by exactly one version, and the installed bundle survives a restart', async () => {
    const state = stateWithBundle('outpost-hot-', openBundle('load-1'));
    const v2 = join(state, 'v2.json');
    writeFileSync(v2, JSON.stringify(openBundle('load-2')));
    const env = { OUTPOST_STATE_DIR: state, OUTPOST_UPSTREAM_URL: upstream.url, OUTPOST_ADMIN_TOKEN: TOKEN };
    let gateway = await startGateway(env);
    try {
      const seen: Array<{ id: string; status: number; version: string | null }> = [];
      let running = true;
      const worker = async (n: number) => {
        for (let i = 0; running; i++) {
          const id = `load-${n}-${i}`;
          const res = await fetch(`${gateway.url}/v1/chat/completions`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-request-id': id },
            body: JSON.stringify({ model: 'mock-llama', messages: [{ role: 'user', content: 'hi' }] }),
          });
          await res.arrayBuffer();
          seen.push({ id, status: res.status, version: res.headers.get('x-outpost-policy-version') });
        }
      };
      const load = Promise.all(Array.from({ length: 8 }, (_, n) => worker(n)));
      await new Promise((r) => setTimeout(r, 400));
      const installed = outpost('policy', 'install', v2, '--runtime', gateway.url);
      expect(installed).toMatch(/load-2/);
      const installedAt = seen.length;
      await new Promise((r) => setTimeout(r, 400));
      running = false;
      await load;

      expect(seen.length).toBeGreaterThan(installedAt + 8);
      expect(seen.filter((s) => s.status !== 200)).toEqual([]);
      expect(new Set(seen.map((s) => s.version))).toEqual(new Set(['load-1', 'load-2']));
      // Once the install returned, new requests are judged by the new bundle.
      expect(seen.slice(installedAt + 8).every((s) => s.version === 'load-2')).toBe(true);
      // The audit record of every request names the one version its response carried.
      const events = new Map(auditEvents(join(state, 'audit', 'audit_queue.db')).map((e) => [e.request_id, e]));
      for (const s of seen) expect(events.get(s.id)?.policy_version).toBe(s.version);

      await gateway.stop();
      gateway = await startGateway(env);
      expect(gateway.output()).toMatch(/Policy bundle loaded: version=load-2/);
      const listed = outpost('policy', 'list', '--runtime', gateway.url);
      expect(listed).toContain('load-1');
      expect(listed).toContain('load-2');
      outpost('policy', 'rollback', '--runtime', gateway.url);
      const ready = (await (await fetch(`${gateway.url}/readyz`)).json()) as { policy: { version: string } };
      expect(ready.policy.version).toBe('load-1');
    } finally {
      await gateway.stop();
    }
  });

  it('a broken bundle is refused with the JSON path of each problem and never replaces the active one', async () => {
    const state = stateWithBundle('outpost-refuse-', openBundle('good-1'));
    const bad = join(state, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...openBundle('bad-2'), models: [{ name: '*', risk_tier: 'missing-tier' }], surprise: true }));
    const gateway = await startGateway({ OUTPOST_STATE_DIR: state, OUTPOST_UPSTREAM_URL: upstream.url, OUTPOST_ADMIN_TOKEN: TOKEN });
    try {
      let failure: { status: number; stderr: string } | null = null;
      try {
        outpost('policy', 'install', bad, '--runtime', gateway.url);
      } catch (e) {
        failure = { status: (e as { status: number }).status, stderr: String((e as { stderr: string }).stderr) };
      }
      expect(failure?.status).not.toBe(0);
      expect(failure?.stderr).toMatch(/\$\.surprise/);
      expect(failure?.stderr).toMatch(/\$\.models\[0\]\.risk_tier/);
      const ready = (await (await fetch(`${gateway.url}/readyz`)).json()) as { policy: { version: string } };
      expect(ready.policy.version).toBe('good-1');
    } finally {
      await gateway.stop();
    }
  });
});
