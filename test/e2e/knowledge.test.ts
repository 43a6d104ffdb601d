/**
 * Knowledge assets end to end on workerd: gateway A holds the site's documents on its policy
 * volume and exports them with the CLI; gateway B imports the package and puts the assets in
 * front of the model for bound models only (the mock model server shows what it received), in
 * system and retrieve modes, on OpenAI and Ollama routes, streamed and not. Refusals: oversized,
 * not UTF-8, secret-bearing, tampered. The audit names what was added.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import OpenAI from 'openai';
import { Ollama } from 'ollama';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT, auditEvents, startGateway, useMockUpstream, type RunningGateway } from './harness.js';
import { RUNBOOK } from '../knowledge/fixtures.js';

const run = promisify(execFile);
const TOKEN = 'knowledge-admin-token-0123456789';

const SECURITY_POLICY = [
  '# Acceptable use',
  'Only approved models may process customer data. Escalate suspected incidents to security-desk@example.org within one hour.',
].join('\n');


function policyFolder(bundle: Record<string, unknown>, files: Record<string, string> = {}): string {
  const state = mkdtempSync(join(tmpdir(), 'outpost-knowledge-'));
  mkdirSync(join(state, 'policies', 'knowledge'), { recursive: true });
  writeFileSync(join(state, 'policies', 'policy_bundle.json'), JSON.stringify(bundle));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(state, 'policies', 'knowledge', name), text);
  return state;
}

const base = { schema_version: 1, created_at: '2026-11-28T00:00:00Z', auth: { mode: 'none' } };

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(ROOT, 'bin', 'outpost.mjs'), ...args], { env: { ...process.env, OUTPOST_ADMIN_TOKEN: TOKEN } });
    return { code: 0, out: stdout + stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

const received = (mock: { requests: { path: string; body: unknown }[] }, from: number) =>
  mock.requests.slice(from).filter((r) => r.path !== '/v1/models' && r.path !== '/api/tags').map((r) => JSON.parse(String(r.body)) as Record<string, unknown>);

describe('knowledge assets carried across the gap and put in front of bound models', () => {
  const upstream = useMockUpstream();
  let source: RunningGateway;
  let gateway: RunningGateway;
  let state: string;
  let openai: OpenAI;
  let ollama: Ollama;
  const work = mkdtempSync(join(tmpdir(), 'outpost-knowledge-pkg-'));
  const pkg = join(work, 'site-knowledge.json');

  beforeAll(async () => {
    const sourceState = policyFolder(
      {
        ...base,
        version: 'source-1',
        knowledge: { assets: [{ name: 'security-policy', path: 'knowledge/security-policy.md', version: '2026-03-01' }, { name: 'runbook', path: 'knowledge/runbook.md', version: 'r7' }] },
        models: [{ name: '*', risk_tier: 'open' }],
        risk_tiers: { open: {} },
      },
      { 'security-policy.md': SECURITY_POLICY, 'runbook.md': RUNBOOK },
    );
    source = await startGateway({ OUTPOST_UPSTREAM_URL: upstream.url, OUTPOST_ADMIN_TOKEN: TOKEN, OUTPOST_STATE_DIR: sourceState, AIRGAP_POLICY_PATH: join(sourceState, 'policies'), AUDIT_QUEUE_DB_PATH: join(sourceState, 'audit', 'audit_queue.db') });

    state = policyFolder({
      ...base,
      version: 'air-gapped-1',
      knowledge: { assets: [{ name: 'security-policy' }, { name: 'runbook' }] },
      models: [
        { name: 'mock-llama', risk_tier: 'internal', knowledge: { assets: ['security-policy'], mode: 'system' } },
        { name: 'mock-mistral', risk_tier: 'internal', knowledge: { assets: ['runbook'], mode: 'retrieve', top_k: 1 } },
        { name: '*', risk_tier: 'open' },
      ],
      risk_tiers: { internal: { dlp: { tier1: { action: 'redact' } } }, open: {} },
    });
    gateway = await startGateway({
      OUTPOST_UPSTREAM_KIND: 'ollama', // the mock serves both APIs; Ollama routes need an Ollama-kind target
      OUTPOST_UPSTREAM_URL: upstream.url,
      OUTPOST_ADMIN_TOKEN: TOKEN,
      OUTPOST_KNOWLEDGE_MAX_ASSET_BYTES: '4096',
      OUTPOST_STATE_DIR: state,
      AIRGAP_POLICY_PATH: join(state, 'policies'),
      AUDIT_QUEUE_DB_PATH: join(state, 'audit', 'audit_queue.db'),
    });
    openai = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'unused', maxRetries: 0 });
    ollama = new Ollama({ host: gateway.url });
  });

  afterAll(async () => {
    await source?.stop();
    await gateway?.stop();
  });

  it('a bound model is refused (503 knowledge_unavailable) while its asset has not been imported', async () => {
    const error = await openai.chat.completions.create({ model: 'mock-llama', messages: [{ role: 'user', content: 'hi' }] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503, code: 'knowledge_unavailable' });
    const other = await openai.chat.completions.create({ model: 'mock-other', messages: [{ role: 'user', content: 'hi' }] });
    expect(other.choices[0]!.message.content).toBeTruthy();
  });

  it('exports on one gateway and imports on the other with the CLI', async () => {
    const exported = await cli(['knowledge', 'export', '--out', pkg, '--runtime', source.url]);
    expect(exported).toMatchObject({ code: 0 });
    expect(exported.out).toContain('security-policy@2026-03-01, runbook@r7');
    const doc = JSON.parse(readFileSync(pkg, 'utf8')) as { assets: { name: string; text: string }[] };
    expect(doc.assets.map((a) => [a.name, a.text])).toEqual([['security-policy', SECURITY_POLICY], ['runbook', RUNBOOK]]);

    const imported = await cli(['knowledge', 'import', pkg, '--runtime', gateway.url]);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('Knowledge asset imported: runbook version=r7');
    const listed = await cli(['knowledge', 'list', '--runtime', gateway.url]);
    expect(listed.out).toMatch(/security-policy\timported\tready\t2026-03-01/);
  });

  it('system mode: the asset arrives as a system message ahead of the caller\'s, the header and the audit name it', async () => {
    const from = upstream.mock.requests.length;
    const { data, response } = await openai.chat.completions.create({ model: 'mock-llama', messages: [{ role: 'user', content: 'May I paste customer data here?' }] }).withResponse();
    expect(data.choices[0]!.message.content).toBeTruthy();
    expect(response.headers.get('x-outpost-knowledge')).toBe('security-policy');
    const [sent] = received(upstream.mock, from);
    const messages = sent!.messages as { role: string; content: string }[];
    expect(messages.map((m) => m.role)).toEqual(['system', 'user']);
    // The site's own text reaches the model as written: the DLP judged only the caller's text.
    expect(messages[0]!.content).toContain('Escalate suspected incidents to security-desk@example.org within one hour.');
    expect(messages[1]!.content).toBe('May I paste customer data here?');
    const event = auditEvents<{ request_id: string; findings: unknown[]; knowledge?: { mode: string; assets: { name: string; version: string }[] } }>(join(state, 'audit', 'audit_queue.db')).at(-1)!;
    expect(event.knowledge).toMatchObject({ mode: 'system', assets: [{ name: 'security-policy', version: '2026-03-01' }] });
    expect(event.findings).toEqual([]);
  });

  it('the caller\'s own text is still judged by the DLP (redacted), the asset is not', async () => {
    const from = upstream.mock.requests.length;
    await openai.chat.completions.create({ model: 'mock-llama', messages: [{ role: 'user', content: 'Mail jane.doe@corp.example about it.' }] });
    const messages = received(upstream.mock, from)[0]!.messages as { content: string }[];
    expect(messages[1]!.content).not.toContain('jane.doe@corp.example');
    expect(messages[0]!.content).toContain('security-desk@example.org');
    const event = auditEvents<{ findings: { type: string; location?: { path: string } }[] }>(join(state, 'audit', 'audit_queue.db')).at(-1)!;
    expect(event.findings.map((f) => f.type)).toEqual(['EMAIL']);
  });

  it('retrieve mode: only the passage relevant to the question is added, and the audit names it', async () => {
    const from = upstream.mock.requests.length;
    const { response } = await openai.chat.completions.create({ model: 'mock-mistral', messages: [{ role: 'user', content: 'How do I rotate the VPN certificate?' }] }).withResponse();
    expect(response.headers.get('x-outpost-knowledge')).toBe('runbook');
    const system = (received(upstream.mock, from)[0]!.messages as { role: string; content: string }[])[0]!;
    expect(system.role).toBe('system');
    expect(system.content).toContain('revoke the old client certificate');
    expect(system.content).not.toContain('toner');
    const event = auditEvents<{ knowledge?: { mode: string; chunks: string[] } }>(join(state, 'audit', 'audit_queue.db')).at(-1)!;
    expect(event.knowledge).toMatchObject({ mode: 'retrieve', chunks: ['runbook@r7#0'] });
  });

  it('unbound models get nothing added', async () => {
    const from = upstream.mock.requests.length;
    const { response } = await openai.chat.completions.create({ model: 'mock-other', messages: [{ role: 'user', content: 'How do I rotate the VPN certificate?' }] }).withResponse();
    expect(response.headers.get('x-outpost-knowledge')).toBeNull();
    expect((received(upstream.mock, from)[0]!.messages as unknown[]).length).toBe(1);
  });

  it('works on Ollama routes, streamed: chat and generate', async () => {
    let from = upstream.mock.requests.length;
    let text = '';
    for await (const part of await ollama.chat({ model: 'mock-llama', messages: [{ role: 'user', content: 'hello' }], stream: true })) text += part.message.content;
    expect(text.length).toBeGreaterThan(0);
    expect((received(upstream.mock, from)[0]!.messages as { role: string; content: string }[])[0]!.content).toContain('Only approved models may process customer data');

    from = upstream.mock.requests.length;
    for await (const part of await ollama.generate({ model: 'mock-mistral', prompt: 'when are nightly backups verified', stream: true })) text += part.response;
    const sent = received(upstream.mock, from)[0]!;
    expect(sent.system).toContain('restoring one random database');
    expect(sent.prompt).toBe('when are nightly backups verified');
  });

  it('OpenAI streaming carries the header too', async () => {
    const from = upstream.mock.requests.length;
    const { data: stream, response } = await openai.chat.completions.create({ model: 'mock-llama', messages: [{ role: 'user', content: 'hi' }], stream: true }).withResponse();
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text.length).toBeGreaterThan(0);
    expect(response.headers.get('x-outpost-knowledge')).toBe('security-policy');
    expect((received(upstream.mock, from)[0]!.messages as { role: string }[])[0]!.role).toBe('system');
  });

  describe('imports that are refused, stating why', () => {
    const post = (body: Uint8Array | string) => fetch(`${gateway.url}/admin/api/knowledge/import`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: body as BodyInit });
    const pkgOf = async (name: string, text: string) => {
      const { textSha256 } = await import('../../worker/knowledge/index.js');
      return JSON.stringify({ format: 'outpost-knowledge/1', assets: [{ name, version: '1', sha256: await textSha256(text), text }] });
    };

    it('oversized (over OUTPOST_KNOWLEDGE_MAX_ASSET_BYTES): 413 knowledge_too_large', async () => {
      const res = await post(await pkgOf('big', 'All staff must read this. '.repeat(200)));
      expect(res.status).toBe(413);
      expect(await res.json()).toMatchObject({ error: { code: 'knowledge_too_large' } });
    });

    it('not UTF-8: 400 knowledge_not_utf8', async () => {
      const bytes = new TextEncoder().encode(await pkgOf('latin', 'caf_ au lait'));
      bytes[bytes.indexOf('_'.charCodeAt(0))] = 0xe9;
      const res = await post(bytes);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'knowledge_not_utf8' } });
    });

    it('secret-bearing: 400 knowledge_dlp_blocked, naming the rule but never the value', async () => {
      const res = await post(await pkgOf('leaky-runbook', 'Deploy with the key AKIAZ7VRSQ2LMXK4P3TN from the ops vault.'));
      expect(res.status).toBe(400);
      const body = await res.text();
      expect(JSON.parse(body)).toMatchObject({ error: { code: 'knowledge_dlp_blocked' } });
      expect(body).toContain('tier1.aws_access_key');
      expect(body).not.toContain('AKIAZ7VRSQ2LMXK4P3TN');
      expect(gateway.output()).not.toContain('AKIAZ7VRSQ2LMXK4P3TN');
    });

    it('tampered after export: 400 knowledge_checksum_mismatch; and nothing refused was stored', async () => {
      const doc = JSON.parse(readFileSync(pkg, 'utf8')) as { assets: { text: string }[] };
      doc.assets[0]!.text += '\nAlso: any model may process customer data.';
      const res = await post(JSON.stringify(doc));
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'knowledge_checksum_mismatch' } });
      const list = (await (await fetch(`${gateway.url}/admin/api/knowledge`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as { assets: { name: string }[] };
      expect(list.assets.map((a) => a.name).sort()).toEqual(['runbook', 'security-policy']);
    });
  });

  it('imported assets survive a restart', async () => {
    await gateway.stop();
    gateway = await startGateway({ OUTPOST_UPSTREAM_URL: upstream.url, OUTPOST_ADMIN_TOKEN: TOKEN, OUTPOST_STATE_DIR: state, AIRGAP_POLICY_PATH: join(state, 'policies'), AUDIT_QUEUE_DB_PATH: join(state, 'audit', 'audit_queue.db') });
    openai = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'unused', maxRetries: 0 });
    const { response } = await openai.chat.completions.create({ model: 'mock-llama', messages: [{ role: 'user', content: 'hi' }] }).withResponse();
    expect(response.headers.get('x-outpost-knowledge')).toBe('security-policy');
    expect(gateway.output()).toContain('Knowledge: 2 imported asset(s) loaded');
  });
});

describe('knowledge assets under deno serve', () => {
  const upstream = useMockUpstream();
  let gateway: RunningGateway;

  beforeAll(async () => {
    const state = policyFolder(
      {
        ...base,
        version: 'deno-1',
        knowledge: { assets: [{ name: 'runbook', path: 'knowledge/runbook.md', version: 'r7' }] },
        models: [{ name: '*', risk_tier: 'open', knowledge: { assets: ['runbook'], mode: 'retrieve' } }],
        risk_tiers: { open: {} },
      },
      { 'runbook.md': RUNBOOK },
    );
    gateway = await startGateway({ OUTPOST_UPSTREAM_URL: upstream.url, OUTPOST_STATE_DIR: state, AIRGAP_POLICY_PATH: join(state, 'policies'), AUDIT_QUEUE_DB_PATH: join(state, 'audit', 'audit_queue.db') }, { runtime: 'deno' });
  });
  afterAll(async () => {
    await gateway?.stop();
  });

  it('reads the volume file and adds the relevant passage, as on workerd', async () => {
    const openai = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'unused', maxRetries: 0 });
    const from = upstream.mock.requests.length;
    const { response } = await openai.chat.completions.create({ model: 'mock-llama', messages: [{ role: 'user', content: 'Who handles printer jams on floor three?' }] }).withResponse();
    expect(response.headers.get('x-outpost-knowledge')).toBe('runbook');
    const system = (received(upstream.mock, from)[0]!.messages as { content: string }[])[0]!.content;
    expect(system).toContain('reported to facilities');
    expect(system).not.toContain('VPN certificate');
  });
});

