import { describe, expect, it } from 'vitest';
import { generateKeyPairSync, sign } from 'node:crypto';
import { createPolicyStore } from '../../worker/policy/index.js';
import { resolveDlpSettings } from '../../worker/policy/dlp-settings.js';
import type { PolicyBundle } from '../../worker/policy/bundle.js';
import { MemoryVolumes, POLICY_DIR, STATE_DIR, VOLUME_FILE, bundle, bytes, callFor, capturingLogger, json, testConfig, testRuntime } from './helpers.js';

const POINTER = `${STATE_DIR}/policy/active.json`;
const LKG = `${STATE_DIR}/policy/last-known-good.json`;

async function boot(volumes: MemoryVolumes, env: Record<string, string> = {}) {
  const log = capturingLogger();
  const store = await createPolicyStore(testConfig(env), testRuntime(volumes, env), log);
  return { store, log };
}

const v = (version: string, createdAt = '2026-03-13T09:00:00Z', extra: Record<string, unknown> = {}) => bundle({ version, created_at: createdAt, ...extra });

function keyPair() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const raw = Buffer.from(publicKey.export({ type: 'spki', format: 'der' })).subarray(12).toString('base64');
  const signWith = (data: Uint8Array) => new TextEncoder().encode(sign(null, data, privateKey).toString('base64') + '\n');
  return { pem, raw, signWith };
}

describe('loading at boot', () => {
  it('no volume, nothing stored: the built-in baseline, logged as such', async () => {
    const { store, log } = await boot(new MemoryVolumes());
    expect(store.current().source).toBe('built-in');
    expect(store.current().version).toBe('baseline-1');
    expect(store.status()).toMatchObject({ source: 'built-in', fallback: false, reason: `${VOLUME_FILE} is missing; no usable last known good bundle; enforcing the built-in baseline` });
    expect(log.text()).toContain(`WARN No policy volume at ${POLICY_DIR}`);
    expect(log.text()).toContain('INFO Policy bundle loaded: version=baseline-1, rules=3');
  });

  it('a valid volume bundle: loaded, logged with the PRODUCT.md lines, remembered as last known good', async () => {
    const volumes = new MemoryVolumes();
    volumes.put(VOLUME_FILE, json(v('2026-03-13', undefined, { dlp: { custom_patterns: [{ id: 'a', type: 'A', pattern: 'a', action: 'flag' }] } })));
    const { store, log } = await boot(volumes, { OUTPOST_AIRGAP: 'true' });
    expect(store.current()).toMatchObject({ version: '2026-03-13', source: 'volume', rules: 2 });
    const lines = log.lines.filter((l) => l.includes('2026-03-13'));
    expect(lines).toContain('INFO air_gap=True policy_bundle version=2026-03-13');
    expect(lines).toContain('INFO Policy bundle loaded: version=2026-03-13, rules=2');
    expect(log.text()).toContain(`INFO Policy bundle precedence: ${VOLUME_FILE} wins: no bundle is installed`);
    expect(volumes.text(LKG)).toBe(volumes.text(VOLUME_FILE));
    expect(JSON.parse(volumes.text(POINTER)!)).toMatchObject({ version: '2026-03-13', source: 'volume', history: ['2026-03-13'] });
  });

  it('an invalid volume bundle: one error naming the file and each problem; the last known good bundle stays', async () => {
    const volumes = new MemoryVolumes();
    volumes.put(VOLUME_FILE, json(v('good')));
    await boot(volumes);
    volumes.put(VOLUME_FILE, json(v('bad', undefined, { models: [{ name: 'm', target: 'vllm-b', risk_tier: 'nope' }] })));
    const { store, log } = await boot(volumes);
    expect(store.current()).toMatchObject({ version: 'good', source: 'last-known-good' });
    const errors = log.lines.filter((l) => l.startsWith('ERROR'));
    expect(errors).toEqual([
      `ERROR Policy bundle ${VOLUME_FILE} refused (2 problems): $.models[0].target: unknown target "vllm-b" (known: "default"); $.models[0].risk_tier: unknown risk tier "nope" (known: "standard")`,
    ]);
    expect(store.status()).toMatchObject({
      fallback: true,
      problems: [`${VOLUME_FILE}: $.models[0].target: unknown target "vllm-b" (known: "default")`, `${VOLUME_FILE}: $.models[0].risk_tier: unknown risk tier "nope" (known: "standard")`],
    });
    expect(log.text()).toContain(`WARN Policy: ${VOLUME_FILE} was refused; enforcing the last known good bundle version=good`);
  });

  it('an unparsable bundle and no last known good: the baseline, never no policy', async () => {
    const volumes = new MemoryVolumes();
    volumes.put(VOLUME_FILE, '{"version": ');
    const { store, log } = await boot(volumes);
    expect(store.current().source).toBe('built-in');
    expect(log.text()).toContain(`ERROR Policy bundle ${VOLUME_FILE} refused (1 problem): $: not valid JSON: line 1, column 13: unexpected end of file, expected a value`);
  });

  it('an empty policy volume is an error (the folder is there, the file is not)', async () => {
    const volumes = new MemoryVolumes();
    volumes.folders.add(POLICY_DIR);
    const { log } = await boot(volumes);
    expect(log.text()).toContain(`ERROR No policy_bundle.json in ${POLICY_DIR}`);
  });

  it('reads jwks_file from the policy volume', async () => {
    const volumes = new MemoryVolumes();
    const { publicKey } = generateKeyPairSync('ed25519');
    volumes.put(`${POLICY_DIR}/keys/jwks.json`, json({ keys: [publicKey.export({ format: 'jwk' })] }));
    volumes.put(VOLUME_FILE, json(v('oauth', undefined, { auth: { mode: 'oauth', oauth: { issuer: 'i', audience: 'a', jwks_file: 'keys/jwks.json' } } })));
    expect((await boot(volumes)).store.current()).toMatchObject({ version: 'oauth', authMode: 'oauth' });
    volumes.put(VOLUME_FILE, json(v('oauth2', undefined, { auth: { mode: 'oauth', oauth: { issuer: 'i', audience: 'a', jwks_file: 'missing.json' } } })));
    const { log } = await boot(volumes);
    expect(log.text()).toContain('$.auth.oauth.jwks_file: file "missing.json" not found in the policy volume');
  });
});

describe('install, precedence and rollback', () => {
  it('install swaps atomically: a snapshot taken before keeps judging with the old bundle', async () => {
    const volumes = new MemoryVolumes();
    volumes.put(VOLUME_FILE, json(v('v1', undefined, { models: [{ name: 'old-*', risk_tier: 'standard' }] })));
    const { store, log } = await boot(volumes);
    const before = store.current();
    const result = await store.install(bytes(v('v2', '2026-03-14T00:00:00Z', { models: [{ name: 'new-*', risk_tier: 'standard' }] })));
    expect(result).toEqual({ ok: true, version: 'v2', previous: 'v1', unchanged: false });
    expect(store.current()).toMatchObject({ version: 'v2', source: 'installed' });
    // The call that arrived before the swap is still judged by v1.
    const call = callFor('openai.chat', 'old-model');
    call.caller = await before.identify(new Request('http://gw'), call);
    await before.authorize(call);
    expect(call.riskTier).toBe('standard');
    expect(log.text()).toContain('INFO Policy bundle installed: version=v2 (previous=v1)');
    expect(log.text()).toContain('INFO Policy bundle loaded: version=v2, rules=1');
  });

  it('a refused install never replaces the active bundle and reports every problem', async () => {
    const { store } = await boot(new MemoryVolumes());
    const result = await store.install(bytes(v('v2', undefined, { models: [{ name: 'm', target: 'x', risk_tier: 'standard' }] })));
    expect(result).toEqual({
      ok: false,
      status: 422,
      code: 'policy_invalid',
      message: 'the bundle has 1 problem',
      problems: ['$.models[0].target: unknown target "x" (known: "default")'],
    });
    expect(store.current().version).toBe('baseline-1');
    expect(store.status().last_refused?.problems).toEqual(['$.models[0].target: unknown target "x" (known: "default")']);
  });

  it('an installed version is immutable; re-installing the same bytes is a no-op', async () => {
    const { store } = await boot(new MemoryVolumes());
    await store.install(bytes(v('v2')));
    expect(await store.install(bytes(v('v2')))).toMatchObject({ ok: true, unchanged: true });
    expect(await store.install(bytes(v('v2', '2026-04-01T00:00:00Z')))).toMatchObject({ ok: false, status: 409, code: 'policy_version_exists' });
  });

  it('an installed bundle survives a restart and wins while the volume is unchanged; a changed volume wins', async () => {
    const volumes = new MemoryVolumes();
    volumes.put(VOLUME_FILE, json(v('v1')));
    const first = await boot(volumes);
    await first.store.install(bytes(v('v2')));

    const second = await boot(volumes);
    expect(second.store.current()).toMatchObject({ version: 'v2', source: 'installed' });
    expect(second.log.text()).toContain(`INFO Policy bundle precedence: installed version=v2 (${STATE_DIR}/policy/bundles/v2.json) wins: ${VOLUME_FILE} is unchanged since it was activated`);

    volumes.put(VOLUME_FILE, json(v('v3')));
    const third = await boot(volumes);
    expect(third.store.current()).toMatchObject({ version: 'v3', source: 'volume' });
    expect(third.log.text()).toContain(`INFO Policy bundle precedence: ${VOLUME_FILE} wins: it changed since version=v2 was activated`);
    expect(JSON.parse(volumes.text(POINTER)!).history).toEqual(['v1', 'v2', 'v3']);
  });

  it('rollback returns to the previous version, persists across restarts, and stops at the first', async () => {
    const volumes = new MemoryVolumes();
    volumes.put(VOLUME_FILE, json(v('v1')));
    const { store } = await boot(volumes);
    await store.install(bytes(v('v2')));
    await store.install(bytes(v('v3')));
    expect(await store.rollback()).toEqual({ ok: true, version: 'v2', previous: 'v3', unchanged: false });
    expect((await boot(volumes)).store.current().version).toBe('v2');
    expect(await store.rollback()).toMatchObject({ ok: true, version: 'v1' });
    expect(await store.rollback()).toMatchObject({ ok: false, status: 409, code: 'no_previous_version' });
    const listed = await store.list();
    expect(listed.map((b) => [b.version, b.active, b.history_index])).toEqual([
      ['v1', true, 0],
      ['v2', false, null],
      ['v3', false, null],
    ]);
  });

  it('an unwritable state folder refuses the install (it would not survive a restart)', async () => {
    const volumes = new MemoryVolumes();
    const { store } = await boot(volumes);
    volumes.failWrites = true;
    expect(await store.install(bytes(v('v2')))).toMatchObject({ ok: false, status: 503, code: 'policy_state_unwritable' });
    expect(store.current().version).toBe('baseline-1');
  });

  it('a corrupted installed bundle falls back to the last known good one', async () => {
    const volumes = new MemoryVolumes();
    const { store } = await boot(volumes);
    await store.install(bytes(v('v2')));
    volumes.put(`${STATE_DIR}/policy/bundles/v2.json`, '{"broken"');
    const again = await boot(volumes);
    expect(again.store.current()).toMatchObject({ version: 'v2', source: 'last-known-good' });
  });

  it('concurrent installs are applied one at a time', async () => {
    const { store } = await boot(new MemoryVolumes());
    const results = await Promise.all(['a1', 'a2', 'a3'].map((version) => store.install(bytes(v(version)))));
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    expect(store.current().version).toBe('a3');
    expect(results.map((r) => (r.ok ? r.previous : null))).toEqual(['baseline-1', 'a1', 'a2']);
  });
});

describe('signatures', () => {
  it('a signed bundle verifies with a PEM or raw base64 key', async () => {
    const keys = keyPair();
    for (const key of [keys.pem, keys.raw]) {
      const volumes = new MemoryVolumes();
      const file = bytes(v('signed'));
      volumes.files.set(VOLUME_FILE, file);
      volumes.files.set(`${VOLUME_FILE}.sig`, keys.signWith(file));
      const { store } = await boot(volumes, { OUTPOST_POLICY_PUBLIC_KEY: key, OUTPOST_REQUIRE_SIGNED_POLICY: 'true' });
      expect(store.current()).toMatchObject({ version: 'signed', signed: true });
    }
  });

  it('a tampered bundle is refused, and never replaces the active one', async () => {
    const keys = keyPair();
    const volumes = new MemoryVolumes();
    const file = bytes(v('signed'));
    volumes.files.set(`${VOLUME_FILE}.sig`, keys.signWith(file));
    volumes.put(VOLUME_FILE, json(v('signed')).replace('"none"', '"none" '));
    const env = { OUTPOST_POLICY_PUBLIC_KEY: keys.pem };
    const { store, log } = await boot(volumes, env);
    expect(store.current().source).toBe('built-in');
    expect(log.text()).toContain(
      `ERROR Policy bundle ${VOLUME_FILE} refused (1 problem): $: policy_bundle.json.sig does not verify: the bundle was changed after signing, or signed with another key`,
    );
    const installed = await store.install(bytes(v('v9')), keys.signWith(bytes(v('v8'))));
    expect(installed).toMatchObject({ ok: false, status: 422, problems: ['$: policy_bundle.json.sig does not verify: the bundle was changed after signing, or signed with another key'] });
  });

  it('OUTPOST_REQUIRE_SIGNED_POLICY=true refuses unsigned bundles; without it they load with a warning', async () => {
    const keys = keyPair();
    const volumes = new MemoryVolumes();
    volumes.put(VOLUME_FILE, json(v('unsigned')));
    const required = await boot(volumes, { OUTPOST_POLICY_PUBLIC_KEY: keys.pem, OUTPOST_REQUIRE_SIGNED_POLICY: 'true' });
    expect(required.store.current().source).toBe('built-in');
    expect(required.log.text()).toContain('$: unsigned bundle refused: OUTPOST_REQUIRE_SIGNED_POLICY=true and there is no policy_bundle.json.sig');
    const optional = await boot(new MemoryVolumes(), { OUTPOST_POLICY_PUBLIC_KEY: keys.pem });
    expect((await optional.store.install(bytes(v('unsigned'))))).toMatchObject({ ok: true });
    expect(optional.log.text()).toContain('WARN Policy bundle version=unsigned: unsigned (no policy_bundle.json.sig)');
  });

  it('a bad signature file and a bad key are named', async () => {
    const volumes = new MemoryVolumes();
    volumes.put(VOLUME_FILE, json(v('x')));
    volumes.put(`${VOLUME_FILE}.sig`, 'not base64!');
    const keys = keyPair();
    expect((await boot(volumes, { OUTPOST_POLICY_PUBLIC_KEY: keys.pem })).log.text()).toContain('$: policy_bundle.json.sig is not the base64 of a 64-byte Ed25519 signature');
    const badKey = await boot(volumes, { OUTPOST_POLICY_PUBLIC_KEY: 'AAAA' });
    expect(badKey.log.text()).toContain('ERROR Policy signatures: OUTPOST_POLICY_PUBLIC_KEY is not usable: not an Ed25519 public key (got 3 bytes; expected a 32-byte raw key or a 44-byte SPKI)');
  });
});

describe('risk tiers resolve to full DLP settings', () => {
  it('merges the global section with the tier, and dispatches inspection per call tier', async () => {
    const value = v('dlp', undefined, {
      models: [
        { name: 'big', risk_tier: 'high' },
        { name: '*', risk_tier: 'low' },
      ],
      risk_tiers: {
        low: { dlp: { tier1: { action: 'flag' }, bundles: { SECRETS: {} }, custom_patterns: [], tier3: { mode: 'off' } } },
        high: { dlp: { rule_actions: { codes: 'block' }, tier1: { entity_actions: { EMAIL: 'flag' } } } },
      },
      dlp: {
        tier1: { action: 'redact', entity_actions: { US_SSN: 'block' } },
        bundles: { SECRETS: { action: 'block' }, PCI: {} },
        custom_patterns: [{ id: 'emp', type: 'EMP', pattern: 'EMP-[0-9]+', action: 'redact' }],
        keywords: [{ id: 'codes', type: 'CODE', keywords: ['NIGHTJAR'], action: 'flag' }],
        redaction: 'reversible',
      },
    }) as unknown as PolicyBundle;
    expect(resolveDlpSettings(value, 'low')).toEqual({
      tier1: { enabled: true, action: 'flag', entity_actions: { US_SSN: 'block' } },
      bundles: { SECRETS: { action: 'block' } },
      custom_patterns: [],
      keywords: [{ id: 'codes', type: 'CODE', keywords: ['NIGHTJAR'], action: 'flag' }],
      redaction: 'reversible',
      scan_response: true,
      on_error: 'block',
      tier3: { mode: 'off', action: 'flag', budget_ms: 100, on_budget_exceeded: 'pass' },
    });
    const high = resolveDlpSettings(value, 'high');
    expect(high.tier1.entity_actions).toEqual({ US_SSN: 'block', EMAIL: 'flag' });
    expect(high.bundles).toEqual({ SECRETS: { action: 'block' }, PCI: {} });
    expect(high.keywords[0]?.action).toBe('block');
    expect(high.custom_patterns.map((p) => p.id)).toEqual(['emp']);

    const seen: string[] = [];
    const volumes = new MemoryVolumes();
    volumes.put(VOLUME_FILE, json(value));
    const store = await createPolicyStore(testConfig(), testRuntime(volumes), capturingLogger(), {
      buildInspection: (settings, tier) => ({
        inspectRequest: async () => (seen.push(`${tier}:${settings.tier1.action}`), { decision: 'allow', findings: [] }),
        inspectResponse: { whole: async () => ({ decision: 'allow', findings: [] }), stream: () => null },
      }),
    });
    const snapshot = store.current();
    for (const model of ['big', 'small']) {
      const call = callFor('openai.chat', model);
      call.caller = await snapshot.identify(new Request('http://gw'), call);
      await snapshot.authorize(call);
      await snapshot.inspectRequest(call, {}, []);
    }
    expect(seen).toEqual(['high:redact', 'low:flag']);
  });

  it('routes models to bundle targets before the environment default', async () => {
    const volumes = new MemoryVolumes();
    volumes.put(
      VOLUME_FILE,
      json(
        v('routing', undefined, {
          targets: [{ id: 'ollama', kind: 'ollama', base_url: 'http://ollama.internal:11434/api', models: ['nomic-embed-text'] }],
          models: [
            { name: 'qwen*', target: 'ollama', risk_tier: 'standard' },
            { name: '*', risk_tier: 'standard' },
          ],
        }),
      ),
    );
    const { targets } = (await boot(volumes)).store.current();
    expect(targets.resolve('qwen2.5')?.id).toBe('ollama');
    expect(targets.resolve('nomic-embed-text')?.baseUrl).toBe('http://ollama.internal:11434');
    expect(targets.resolve('llama3.1')?.id).toBe('default');
    expect([...targets.origins()].sort()).toEqual(['http://127.0.0.1:8000', 'http://ollama.internal:11434']);
  });
});
