import { beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, exportJWK, generateKeyPair, type JWK } from 'jose';
import { GatewayError } from '../../worker/core/index.js';
import type { CallContext } from '../../worker/core/index.js';
import { checkBundle } from '../../worker/policy/check.js';
import { buildSnapshot, noInspection, type PolicySnapshot } from '../../worker/policy/snapshot.js';
import { parseApiKeys } from '../../worker/policy/auth/api-key.js';
import { bundle, bytes, callFor, testConfig } from './helpers.js';

const ISSUER = 'https://idp.internal/realms/outpost';
const AUDIENCE = 'outpost-gateway';
let signingKey: CryptoKey;
let otherKey: CryptoKey;
let publicJwk: JWK;

beforeAll(async () => {
  const pair = await generateKeyPair('ES256', { extractable: true });
  signingKey = pair.privateKey as CryptoKey;
  publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256' };
  otherKey = (await generateKeyPair('ES256')).privateKey as CryptoKey;
});

function oauthBundle(extra: Record<string, unknown> = {}) {
  return bundle({
    auth: { mode: 'oauth', oauth: { issuer: ISSUER, audience: AUDIENCE, jwks: { keys: [publicJwk] }, groups_claim: 'realm_access.roles' } },
    routes: { 'openai.chat': { scopes: ['gateway:use'] } },
    models: [
      { name: 'llama3.1', risk_tier: 'high', scopes: ['models:llama'] },
      { name: 'qwen*', risk_tier: 'low', groups: ['analysts'] },
    ],
    risk_tiers: { high: {}, low: {} },
    ...extra,
  });
}

async function snapshotOf(value: Record<string, unknown>, env: Record<string, string> = {}): Promise<PolicySnapshot> {
  const checked = await checkBundle(bytes(value), null, { signatures: { key: null, required: false }, readPolicyFile: async () => null });
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return buildSnapshot(checked, { source: 'volume', reason: 'test' }, { config: testConfig(env), apiKeys: parseApiKeys(env.OUTPOST_API_KEYS ?? '').keys, buildInspection: noInspection });
}

interface TokenOptions {
  claims?: Record<string, unknown>;
  issuer?: string;
  audience?: string;
  expiresIn?: string | number;
  key?: CryptoKey;
  kid?: string;
}

async function token(options: TokenOptions = {}): Promise<string> {
  return new SignJWT({ scope: 'gateway:use models:llama', realm_access: { roles: ['analysts'] }, ...options.claims })
    .setProtectedHeader({ alg: 'ES256', kid: options.kid ?? 'k1' })
    .setSubject('alice')
    .setIssuer(options.issuer ?? ISSUER)
    .setAudience(options.audience ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '5m')
    .sign(options.key ?? signingKey);
}

const request = (authorization?: string): Request => new Request('http://gw/v1/chat/completions', { method: 'POST', headers: authorization ? { authorization } : {} });

/** Runs identify and authorize as the pipeline does; returns the call or the GatewayError. */
async function judge(snapshot: PolicySnapshot, authorization: string | undefined, routeId = 'openai.chat', model = 'llama3.1'): Promise<CallContext | GatewayError> {
  const call = callFor(routeId, model);
  try {
    call.caller = await snapshot.identify(request(authorization), call);
    await snapshot.authorize(call);
    return call;
  } catch (e) {
    if (e instanceof GatewayError) return e;
    throw e;
  }
}

function refusal(result: CallContext | GatewayError): { status: number; code: string; message: string } {
  if (!(result instanceof GatewayError)) throw new Error('expected a refusal');
  return { status: result.status, code: result.code, message: result.message };
}

describe('oauth mode', () => {
  it('accepts a valid token: identity flows into the call, the risk tier is set', async () => {
    const snapshot = await snapshotOf(oauthBundle());
    const call = (await judge(snapshot, `Bearer ${await token()}`)) as CallContext;
    expect(call.caller).toEqual({ subject: 'alice', groups: ['analysts'], scopes: ['gateway:use', 'models:llama'], method: 'jwt', issuer: ISSUER });
    expect(call.riskTier).toBe('high');
  });

  it('scope claims may be arrays (scp) and groups a nested claim', async () => {
    const snapshot = await snapshotOf(
      oauthBundle({ auth: { mode: 'oauth', oauth: { issuer: ISSUER, audience: [AUDIENCE, 'other'], jwks: { keys: [publicJwk] }, scope_claim: 'scp' } } }),
    );
    const call = (await judge(snapshot, `Bearer ${await token({ claims: { scp: ['gateway:use', 'models:llama'], groups: 'analysts' } })}`)) as CallContext;
    expect(call.caller?.scopes).toEqual(['gateway:use', 'models:llama']);
    expect(call.caller?.groups).toEqual(['analysts']);
  });

  const CASES: Array<{ name: string; auth: () => Promise<string | undefined>; expected: { status: number; code: string; message: string | RegExp } }> = [
    { name: 'no token', auth: async () => undefined, expected: { status: 401, code: 'missing_token', message: 'This gateway requires a bearer token (Authorization: Bearer <JWT>)' } },
    { name: 'not a JWT', auth: async () => 'Bearer abc.def', expected: { status: 401, code: 'invalid_token', message: 'The bearer token is not a valid signed JWT' } },
    {
      name: 'expired (beyond the 60 s skew)',
      auth: async () => `Bearer ${await token({ expiresIn: Math.floor(Date.now() / 1000) - 120 })}`,
      expected: { status: 401, code: 'token_expired', message: 'The bearer token has expired' },
    },
    {
      name: 'wrong audience',
      auth: async () => `Bearer ${await token({ audience: 'someone-else' })}`,
      expected: { status: 401, code: 'invalid_token', message: 'The bearer token is not meant for this gateway (audience not accepted)' },
    },
    {
      name: 'wrong issuer',
      auth: async () => `Bearer ${await token({ issuer: 'https://evil' })}`,
      expected: { status: 401, code: 'invalid_token', message: 'The bearer token was issued by an issuer this gateway does not trust' },
    },
    {
      name: 'wrong key (same kid)',
      auth: async () => `Bearer ${await token({ key: otherKey })}`,
      expected: { status: 401, code: 'invalid_token', message: 'The bearer token signature does not verify' },
    },
    {
      name: 'unknown kid',
      auth: async () => `Bearer ${await token({ key: otherKey, kid: 'k9' })}`,
      expected: { status: 401, code: 'invalid_token', message: 'The bearer token is signed by a key this gateway does not know' },
    },
    {
      name: 'alg none',
      auth: async () => {
        const enc = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
        const now = Math.floor(Date.now() / 1000);
        return `Bearer ${enc({ alg: 'none', typ: 'JWT' })}.${enc({ sub: 'mallory', iss: ISSUER, aud: AUDIENCE, exp: now + 300, scope: 'gateway:use models:llama' })}.`;
      },
      expected: { status: 401, code: 'invalid_token', message: 'The bearer token is signed with an algorithm this gateway does not accept' },
    },
    {
      name: 'missing route scope',
      auth: async () => `Bearer ${await token({ claims: { scope: 'models:llama' } })}`,
      expected: { status: 403, code: 'missing_scope', message: 'The route openai.chat requires the scope "gateway:use", which the caller\'s credential does not carry' },
    },
    {
      name: 'missing model scope',
      auth: async () => `Bearer ${await token({ claims: { scope: 'gateway:use' } })}`,
      expected: { status: 403, code: 'missing_scope', message: 'The model "llama3.1" requires the scope "models:llama", which the caller\'s credential does not carry' },
    },
  ];
  for (const { name, auth, expected } of CASES) {
    it(`refuses: ${name}`, async () => {
      const snapshot = await snapshotOf(oauthBundle());
      expect(refusal(await judge(snapshot, await auth()))).toEqual(expected);
    });
  }

  it('accepts a token expired within the clock-skew allowance', async () => {
    const snapshot = await snapshotOf(oauthBundle());
    const result = await judge(snapshot, `Bearer ${await token({ expiresIn: Math.floor(Date.now() / 1000) - 30 })}`);
    expect(result).not.toBeInstanceOf(GatewayError);
  });

  it('refuses a model no rule allows, and a group-restricted model, naming the model', async () => {
    const snapshot = await snapshotOf(oauthBundle());
    const auth = `Bearer ${await token({ claims: { realm_access: { roles: ['interns'] } } })}`;
    expect(refusal(await judge(snapshot, auth, 'openai.chat', 'mistral'))).toEqual({
      status: 403,
      code: 'model_not_allowed',
      message: 'The model "mistral" is not allowed by the gateway\'s policy (version 2026-03-13)',
    });
    expect(refusal(await judge(snapshot, auth, 'openai.chat', 'qwen2.5'))).toEqual({
      status: 403,
      code: 'model_not_allowed',
      message: 'The model "qwen2.5" is not allowed for the caller: it is restricted to groups the caller is not in',
    });
    const analyst = (await judge(snapshot, `Bearer ${await token()}`, 'openai.chat', 'qwen2.5')) as CallContext;
    expect(analyst.riskTier).toBe('low');
  });

  it('renders refusals as OpenAI-style errors with permission/authentication types', async () => {
    const snapshot = await snapshotOf(oauthBundle());
    const missing = (await judge(snapshot, undefined)) as GatewayError;
    expect(missing.type).toBe('authentication_error');
    const forbidden = (await judge(snapshot, `Bearer ${await token({ claims: { scope: 'gateway:use' } })}`)) as GatewayError;
    expect(forbidden.type).toBe('permission_error');
    expect(forbidden.details).toEqual({ missing_scopes: ['models:llama'] });
  });
});

describe('api_key mode', () => {
  const KEYS = 'ci:ci-0123456789abcdef,alice:alice-0123456789abcdef,bare-key-0123456789abcdef';
  const apiKeyBundle = () =>
    bundle({
      auth: { mode: 'api_key', api_keys: { ci: { scopes: ['gateway:use'], groups: ['automation'] } } },
      routes: { 'openai.chat': { scopes: ['gateway:use'] } },
    });

  it('parses OUTPOST_API_KEYS: name:key and bare keys named by position; never echoes keys', () => {
    const parsed = parseApiKeys(`${KEYS}, short:abc ,bad name:xyz,ci:dup-0123456789abcdef`);
    expect(parsed.keys.map((k) => k.name)).toEqual(['ci', 'alice', 'key-3', 'short']);
    expect(parsed.warnings).toEqual([
      'OUTPOST_API_KEYS entry 4 (short): key shorter than 16 characters',
      'OUTPOST_API_KEYS entry 5: the part before ":" is not a valid name (letters, digits, . _ -); entry ignored',
      'OUTPOST_API_KEYS entry 6: duplicate name ci; entry ignored',
    ]);
    expect(parsed.warnings.join(' ')).not.toMatch(/xyz|abc|dup-/);
  });

  it('identifies by key name, with the grants of the bundle', async () => {
    const snapshot = await snapshotOf(apiKeyBundle(), { OUTPOST_API_KEYS: KEYS });
    const call = (await judge(snapshot, 'Bearer ci-0123456789abcdef')) as CallContext;
    expect(call.caller).toEqual({ subject: 'api_key:ci', groups: ['automation'], scopes: ['gateway:use'], method: 'api_key' });
    // A valid key whose name has no grant gets no scopes: refused by the route's scope, 403.
    expect(refusal(await judge(snapshot, 'Bearer alice-0123456789abcdef')).code).toBe('missing_scope');
    const viaHeader = new Request('http://gw', { headers: { 'x-api-key': 'ci-0123456789abcdef' } });
    expect((await snapshot.identify(viaHeader, callFor('openai.chat', 'm'))).subject).toBe('api_key:ci');
  });

  it('refuses a missing or unknown key with 401', async () => {
    const snapshot = await snapshotOf(apiKeyBundle(), { OUTPOST_API_KEYS: KEYS });
    expect(refusal(await judge(snapshot, undefined))).toEqual({ status: 401, code: 'missing_api_key', message: 'This gateway requires an API key (Authorization: Bearer <key>)' });
    expect(refusal(await judge(snapshot, 'Bearer ci-0123456789abcdeX'))).toEqual({ status: 401, code: 'invalid_api_key', message: 'The API key is not valid' });
  });
});

describe('none mode', () => {
  it('calls are anonymous and still bound by model rules', async () => {
    const snapshot = await snapshotOf(bundle({ models: [{ name: 'llama*', risk_tier: 'standard' }] }));
    const call = (await judge(snapshot, undefined, 'ollama.chat', 'llama3.1')) as CallContext;
    expect(call.caller).toEqual({ subject: 'anonymous', groups: [], scopes: [], method: 'none' });
    expect(call.riskTier).toBe('standard');
    expect(refusal(await judge(snapshot, undefined, 'ollama.chat', 'mistral')).code).toBe('model_not_allowed');
  });
});
