/**
 * Knowledge assets in-process: the package format and its refusals, passages, the budgeted
 * composition in both modes, where each route takes the text, the DLP screen, the bundle's
 * references, and the store's apply() over a real policy snapshot.
 */
import { describe, expect, it } from 'vitest';
import { readPackage, writePackage, textSha256, type KnowledgeAsset } from '../../worker/knowledge/index.js';
import { chunkAsset } from '../../worker/knowledge/chunks.js';
import { compose } from '../../worker/knowledge/compose.js';
import { inject } from '../../worker/knowledge/inject.js';
import { screenAsset } from '../../worker/knowledge/screen.js';
import { createKnowledgeStore } from '../../worker/knowledge/store.js';
import { validateBundle } from '../../worker/policy/validate.js';
import { createPolicyStore } from '../../worker/policy/index.js';
import { bundle, callFor, capturingLogger, json, MemoryVolumes, POLICY_DIR, STATE_DIR, testConfig, testRuntime, VOLUME_FILE } from '../policy/helpers.js';
import { createDlpStages, compileDlp } from '../../worker/dlp/index.js';
import { RUNBOOK } from './fixtures.js';

const enc = new TextEncoder();

async function asset(name: string, text: string, version = '1'): Promise<KnowledgeAsset> {
  return { name, version, sha256: await textSha256(text), text, source: 'imported' };
}


describe('knowledge package', () => {
  it('round-trips assets with their checksums', async () => {
    const a = await asset('security-policy', '# Rules\nUse the approved tools only.', '2026-03-01');
    const read = await readPackage(writePackage([a], new Date()), 1 << 20);
    expect(read.problems).toEqual([]);
    expect(read.assets.map((x) => [x.name, x.version, x.sha256, x.text])).toEqual([[a.name, a.version, a.sha256, a.text]]);
  });

  it('refuses bytes that are not UTF-8, naming it', async () => {
    const good = writePackage([await asset('a', 'text')], new Date());
    const bad = new Uint8Array([...good.slice(0, 20), 0xff, 0xfe, ...good.slice(20)]);
    const read = await readPackage(bad, 1 << 20);
    expect(read.assets).toEqual([]);
    expect(read.problems[0]).toMatchObject({ code: 'not_utf8' });
  });

  it('refuses lone surrogates, control characters, oversized text and a checksum that does not match', async () => {
    const doc = (assets: unknown[]) => enc.encode(JSON.stringify({ format: 'outpost-knowledge/1', assets }));
    const lone = await readPackage(enc.encode('{"format":"outpost-knowledge/1","assets":[{"name":"a","version":"1","sha256":"' + '0'.repeat(64) + '","text":"x\\ud800y"}]}'), 1 << 20);
    expect(lone.problems[0]).toMatchObject({ code: 'not_utf8', path: '$.assets[0].text' });
    const control = await readPackage(doc([{ name: 'a', version: '1', sha256: await textSha256('a\u0001'), text: 'a\u0001' }]), 1 << 20);
    expect(control.problems[0]).toMatchObject({ code: 'invalid' });
    const big = 'x'.repeat(5000);
    const large = await readPackage(doc([{ name: 'a', version: '1', sha256: await textSha256(big), text: big }]), 4096);
    expect(large.problems[0]).toMatchObject({ code: 'too_large', path: '$.assets[0].text' });
    const changed = await readPackage(doc([{ name: 'a', version: '1', sha256: await textSha256('before'), text: 'after' }]), 1 << 20);
    expect(changed.problems[0]).toMatchObject({ code: 'checksum_mismatch', path: '$.assets[0].sha256' });
    const dup = await readPackage(doc([{ name: 'a', version: '1', sha256: await textSha256('t'), text: 't' }, { name: 'a', version: '2', sha256: await textSha256('t'), text: 't' }]), 1 << 20);
    expect(dup.problems.map((p) => p.message)).toContain('duplicate asset name "a"');
  });
});

describe('passages and composition', () => {
  it('cuts passages at headings and keeps the heading', async () => {
    const chunks = chunkAsset(await asset('runbook', RUNBOOK, '7'));
    expect(chunks.map((c) => c.id)).toEqual(['runbook@7#0', 'runbook@7#1', 'runbook@7#2']);
    expect(chunks.map((c) => c.heading)).toEqual(['VPN', 'Printers', 'Backups']);
    expect(chunks.map((c) => c.text).join('\n\n')).toBe(RUNBOOK);
  });

  it('splits a paragraph longer than a passage at sentence ends, losing nothing', async () => {
    const long = Array.from({ length: 80 }, (_, i) => `Sentence number ${i} explains one more rule of the site.`).join(' ');
    const chunks = chunkAsset(await asset('long', long));
    expect(chunks.length).toBeGreaterThan(2);
    for (const c of chunks) expect(c.text.length).toBeLessThanOrEqual(1600);
    expect(chunks.map((c) => c.text).join(' ').replace(/\s+/g, ' ')).toBe(long);
  });

  it('system mode places whole assets in order and cuts the last one at a passage boundary', async () => {
    const first = await asset('policy', 'Only approved models may process customer data.');
    const second = await asset('runbook', RUNBOOK);
    const all = compose({ assets: ['policy', 'runbook'], mode: 'system', budgetTokens: 1024, topK: 4 }, [first, second], 'anything');
    expect(all!.text.indexOf('Only approved models')).toBeLessThan(all!.text.indexOf('rotate the VPN'));
    expect(all!.use).toMatchObject({ mode: 'system', assets: [{ name: 'policy' }, { name: 'runbook' }] });
    expect(all!.use.truncated).toBeUndefined();

    const tight = compose({ assets: ['policy', 'runbook'], mode: 'system', budgetTokens: 110, topK: 4 }, [first, second], 'anything');
    expect(tight!.text.length).toBeLessThanOrEqual(440);
    expect(tight!.text).toContain('rotate the VPN');
    expect(tight!.text).not.toContain('Nightly backups');
    expect(tight!.use.truncated).toBe(true);
  });

  it('retrieve mode picks the passages that match the question, within top_k', async () => {
    const runbook = await asset('runbook', RUNBOOK, '7');
    const got = compose({ assets: ['runbook'], mode: 'retrieve', budgetTokens: 1024, topK: 1 }, [runbook], 'How do I rotate the VPN certificate?');
    expect(got!.use.chunks).toEqual(['runbook@7#0']);
    expect(got!.text).toContain('revoke the old client certificate');
    expect(got!.text).not.toContain('toner');
    const backups = compose({ assets: ['runbook'], mode: 'retrieve', budgetTokens: 1024, topK: 4 }, [runbook], 'when are the nightly backups verified');
    expect(backups!.use.chunks![0]).toBe('runbook@7#2');
    expect(compose({ assets: ['runbook'], mode: 'retrieve', budgetTokens: 1024, topK: 4 }, [runbook], 'zebra xylophone')).toBeNull();
  });
});

describe('where the text goes', () => {
  it('chat routes get a system message ahead of the caller\'s, generate its system field, completions the prompt', () => {
    const chat = inject('openai.chat', { model: 'm', messages: [{ role: 'user', content: 'hi' }] }, 'RULES');
    expect(chat).toEqual({ model: 'm', messages: [{ role: 'system', content: 'RULES' }, { role: 'user', content: 'hi' }] });
    expect(inject('ollama.chat', { model: 'm', messages: [] }, 'R')!.messages).toEqual([{ role: 'system', content: 'R' }]);
    expect(inject('ollama.generate', { model: 'm', prompt: 'p', system: 'be brief' }, 'R')!.system).toBe('R\n\nbe brief');
    expect(inject('openai.completions', { model: 'm', prompt: 'p' }, 'R')!.prompt).toBe('R\n\np');
    expect(inject('openai.completions', { model: 'm', prompt: [1, 2, 3] }, 'R')).toBeNull();
    expect(inject('openai.embeddings', { model: 'm', input: 'x' }, 'R')).toBeNull();
  });
});

describe('DLP screen', () => {
  it('refuses a secret whatever the policy says, and what a tier would block', () => {
    expect(screenAsset('Use the deploy key AKIAZ7VRSQ2LMXK4P3TN for the bucket.', [])).toEqual([expect.stringContaining('AWS')]);
    expect(screenAsset('Ask the help desk for a VPN profile.', [])).toEqual([]);
  });
});

describe('bundle references', () => {
  it('refuses a binding to an asset the bundle does not list, and a path leaving the volume', () => {
    const result = validateBundle(
      json(
        bundle({
          knowledge: { assets: [{ name: 'runbook', path: '../etc/passwd' }] },
          models: [{ name: '*', risk_tier: 'standard', knowledge: { assets: ['runbok'], mode: 'system' } }],
        }),
      ),
    );
    expect(result.ok).toBe(false);
    const problems = !result.ok ? result.problems.map((p) => `${p.path}: ${p.message}`) : [];
    expect(problems).toContainEqual(expect.stringContaining('$.models[0].knowledge.assets[0]: unknown knowledge asset "runbok"'));
    expect(problems).toContainEqual(expect.stringContaining('$.knowledge.assets[0].path'));
  });
});

describe('store', () => {
  async function setup(policy: Record<string, unknown>, files: Record<string, string> = {}) {
    const volumes = new MemoryVolumes();
    volumes.put(VOLUME_FILE, json(policy));
    for (const [path, text] of Object.entries(files)) volumes.put(`${POLICY_DIR}/${path}`, text);
    const config = testConfig();
    const log = capturingLogger();
    const policies = await createPolicyStore(config, testRuntime(volumes), log, { buildInspection: (s) => createDlpStages(compileDlp(s), { salt: 's', log }) });
    const store = await createKnowledgeStore({ volumes, log, policyDir: POLICY_DIR, stateDir: STATE_DIR, maxAssetBytes: 1 << 20, signatures: { key: null, required: false } });
    return { volumes, policies, store, log };
  }
  const bound = (mode: 'system' | 'retrieve', assets: string[]) =>
    bundle({
      knowledge: { assets: [{ name: 'runbook', path: 'knowledge/runbook.md', version: 'r7' }, { name: 'imported-policy' }] },
      models: [
        { name: 'bound', risk_tier: 'standard', knowledge: { assets, mode } },
        { name: '*', risk_tier: 'standard' },
      ],
    });

  it('applies volume assets to bound models only, and records what it added', async () => {
    const { policies, store } = await setup(bound('retrieve', ['runbook']), { 'knowledge/runbook.md': RUNBOOK });
    const policy = policies.current();
    const call = { ...callFor('openai.chat', 'bound'), riskTier: 'standard' };
    const body = { model: 'bound', messages: [{ role: 'user', content: 'How do I rotate the VPN certificate?' }] };
    const applied = await store.apply(policy, call, body, 'How do I rotate the VPN certificate?');
    expect(applied!.use).toMatchObject({ mode: 'retrieve', assets: [{ name: 'runbook', version: 'r7' }], chunks: ['runbook@r7#0'] });
    expect((applied!.body.messages as { role: string }[])[0]!.role).toBe('system');
    expect(body.messages).toHaveLength(1);
    expect(await store.apply(policy, { ...callFor('openai.chat', 'other'), riskTier: 'standard' }, body, 'How do I rotate the VPN certificate?')).toBeNull();
  });

  it('fails closed while a bound asset is missing, and serves once it is imported; the import survives a restart', async () => {
    const { policies, store, volumes, log } = await setup(bound('system', ['imported-policy']), { 'knowledge/runbook.md': RUNBOOK });
    const policy = policies.current();
    const call = { ...callFor('openai.chat', 'bound'), riskTier: 'standard' };
    const body = { model: 'bound', messages: [{ role: 'user', content: 'hi' }] };
    await expect(store.apply(policy, call, body, 'hi')).rejects.toMatchObject({ status: 503, code: 'knowledge_unavailable' });

    const pkg = writePackage([await asset('imported-policy', 'Answer in English and cite the policy section.', '2026-11')], new Date());
    const result = await store.importPackage(pkg, null, policy);
    expect(result.ok).toBe(true);
    expect((await store.apply(policy, call, body, 'hi'))!.use.assets).toEqual([{ name: 'imported-policy', version: '2026-11', sha256: expect.any(String) }]);

    const again = await createKnowledgeStore({ volumes, log, policyDir: POLICY_DIR, stateDir: STATE_DIR, maxAssetBytes: 1 << 20, signatures: { key: null, required: false } });
    expect((await again.list(policy)).find((a) => a.name === 'imported-policy')).toMatchObject({ state: 'ready', version: '2026-11', listed: true });
  });

  it('refuses a secret-bearing import whole and stores nothing', async () => {
    const { policies, store, volumes } = await setup(bound('system', ['imported-policy']));
    const pkg = writePackage([await asset('imported-policy', 'fine'), await asset('leaky', 'aws_secret_access_key = Qm9vU3RyYXBLZXlGb3JUZXN0aW5nT25seTEyMzQ1 and AKIAZ7VRSQ2LMXK4P3TN')], new Date());
    const result = await store.importPackage(pkg, null, policies.current());
    expect(result).toMatchObject({ ok: false, status: 400, code: 'knowledge_dlp_blocked' });
    expect([...volumes.files.keys()].filter((k) => k.includes('/knowledge/'))).toEqual([]);
    expect(JSON.stringify(result)).not.toContain('AKIAZ7VRSQ2LMXK4P3TN');
  });

  it('a volume file that is not UTF-8 is refused and logged, never half-used', async () => {
    const { policies, store, volumes, log } = await setup(bound('system', ['runbook']));
    volumes.files.set(`${POLICY_DIR}/knowledge/runbook.md`, new Uint8Array([0x48, 0xff, 0x49]));
    const call = { ...callFor('openai.chat', 'bound'), riskTier: 'standard' };
    await expect(store.apply(policies.current(), call, { model: 'bound', messages: [] }, '')).rejects.toMatchObject({ code: 'knowledge_unavailable' });
    expect(log.text()).toContain('Knowledge asset runbook is refused: not UTF-8');
    expect((await store.list(policies.current()))[0]).toMatchObject({ name: 'runbook', state: 'refused' });
  });
});

describe('signed packages', () => {
  it('with a required signature: unsigned and tampered packages are refused, a signed one imported', async () => {
    const keys = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const volumes = new MemoryVolumes();
    volumes.put(VOLUME_FILE, json(bundle()));
    const log = capturingLogger();
    const policies = await createPolicyStore(testConfig(), testRuntime(volumes), log, { buildInspection: (s) => createDlpStages(compileDlp(s), { salt: 's', log }) });
    const store = await createKnowledgeStore({ volumes, log, policyDir: POLICY_DIR, stateDir: STATE_DIR, maxAssetBytes: 1 << 20, signatures: { key: keys.publicKey, required: true } });
    const pkg = writePackage([await asset('glossary', 'PAN: primary account number.')], new Date());
    const sign = async (data: Uint8Array) => enc.encode(btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.sign('Ed25519', keys.privateKey, data as BufferSource)))));

    expect(await store.importPackage(pkg, null, policies.current())).toMatchObject({ ok: false, status: 403, code: 'knowledge_signature_invalid' });
    const tampered = enc.encode(new TextDecoder().decode(pkg).replace('primary', 'private'));
    expect(await store.importPackage(tampered, await sign(pkg), policies.current())).toMatchObject({ ok: false, status: 403 });
    expect(await store.importPackage(pkg, await sign(pkg), policies.current())).toMatchObject({ ok: true });
    expect(log.text()).toContain('Knowledge asset imported: name=glossary version=1');
  });
});

