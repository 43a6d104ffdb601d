/**
 * Projects mode end to end on real workerd (OUTPOST_MODE=projects): three projects on one gateway,
 * routed by path, Host, X-Project-Id and the caller's credential; each one's model and DLP rules
 * enforced and audited under its id; cross-project credentials refused; a hot install in one
 * project under load leaves the others' traffic untouched; a project's audit export verifies on
 * its own; a cache of 2 compiled projects with 3 projects evicts and recompiles.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import OpenAI from 'openai';
import { Ollama } from 'ollama';
import { ROOT, auditEvents, startGateway, useMockUpstream, type RunningGateway } from './harness.js';
import { querySqlite } from '../sqlite3.js';

const ADMIN = 'projects-e2e-admin-token-1a2b3c4d';
const ALPHA_KEY = 'alpha-key-0123456789abcdef';
const BETA_KEY = 'beta-key-0123456789abcdef';
const BETA_ADMIN = 'beta-admin-token-0123456789';
const ISSUER = 'https://idp.test/realms/outpost';
const AUDIENCE = 'outpost-gateway';

const upstream = useMockUpstream();

const outpost = (...args: string[]) => execFileSync(process.execPath, [join(ROOT, 'bin', 'outpost.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, OUTPOST_ADMIN_TOKEN: ADMIN } });

interface AuditWithProject {
  readonly request_id: string;
  readonly project_id?: string;
  readonly policy_version: string | null;
  readonly decision: string;
  readonly reason: string | null;
  readonly findings: ReadonlyArray<{ readonly rule: string }>;
}

function bundle(id: string, version: string, extra: Record<string, unknown>): Record<string, unknown> {
  return { schema_version: 1, version, created_at: '2026-11-29T00:00:00Z', risk_tiers: { std: {} }, project: { id }, ...extra };
}

describe('projects mode: three projects on one workerd gateway', () => {
  let gateway: RunningGateway;
  let state: string;
  let sign: (claims: Record<string, unknown>) => Promise<string>;
  const dbPath = () => join(state, 'audit', 'audit_queue.db');

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'idp-1', alg: 'ES256', use: 'sig' };
    sign = (claims) => new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'idp-1' }).setIssuer(ISSUER).setAudience(AUDIENCE).setIssuedAt().setExpirationTime('10m').sign(privateKey);
    state = mkdtempSync(join(tmpdir(), 'outpost-projects-'));
    const write = (id: string, b: Record<string, unknown>) => {
      mkdirSync(join(state, 'policies', 'projects', id), { recursive: true });
      writeFileSync(join(state, 'policies', 'projects', id, 'policy_bundle.json'), JSON.stringify(b));
    };
    // alpha: API key alpha-ci, mock-llama only, blocks the word NIGHTJAR; answers to alpha.test.
    write('alpha', bundle('alpha', 'alpha-1', {
      project: { id: 'alpha', hostnames: ['alpha.test'] },
      targets: [{ id: 'alpha-ollama', kind: 'ollama', base_url: upstream.url }],
      models: [{ name: 'mock-llama', risk_tier: 'std' }, { name: 'mock-mistral', risk_tier: 'std', target: 'alpha-ollama' }],
      dlp: { keywords: [{ id: 'alpha-codename', type: 'CODENAME', keywords: ['NIGHTJAR'], action: 'block' }] },
      auth: { mode: 'api_key', api_keys: { 'alpha-ci': {} } },
    }));
    // beta: API key beta-ci, its own target id, mock-mistral only, no keyword rule.
    write('beta', bundle('beta', 'beta-1', {
      project: { id: 'beta', hostnames: ['beta.test'] },
      targets: [{ id: 'beta-vllm', kind: 'openai', base_url: upstream.url }],
      models: [{ name: 'mock-mistral', risk_tier: 'std', target: 'beta-vllm' }],
      auth: { mode: 'api_key', api_keys: { 'beta-ci': {} } },
    }));
    // gamma: OAuth, the token's "project" claim names the project; every model.
    write('gamma', bundle('gamma', 'gamma-1', {
      project: { id: 'gamma', token_claim: 'project' },
      models: [{ name: '*', risk_tier: 'std' }],
      auth: { mode: 'oauth', oauth: { issuer: ISSUER, audience: AUDIENCE, jwks: { keys: [jwk] }, algorithms: ['ES256'] } },
    }));
    // delta: a bundle copied into the wrong folder (it names gamma): refused at boot, never served.
    write('delta', bundle('gamma', 'gamma-copy', { models: [{ name: '*', risk_tier: 'std' }], auth: { mode: 'none' } }));
    gateway = await startGateway({
      OUTPOST_STATE_DIR: state,
      OUTPOST_UPSTREAM_URL: upstream.url,
      OUTPOST_MODE: 'projects',
      OUTPOST_PROJECT_CACHE_SIZE: '2',
      OUTPOST_API_KEYS: `alpha-ci:${ALPHA_KEY},beta-ci:${BETA_KEY}`,
      OUTPOST_ADMIN_TOKEN: ADMIN,
      OUTPOST_PROJECT_ADMIN_TOKENS: `beta:${BETA_ADMIN}`,
    });
  }, 60_000);

  afterAll(async () => {
    await gateway?.stop();
  });

  const chat = async (path: string, headers: Record<string, string>, model: string, content = 'hello') => {
    const res = await fetch(`${gateway.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ model, messages: [{ role: 'user', content }] }),
    });
    return { status: res.status, version: res.headers.get('x-outpost-policy-version'), requestId: res.headers.get('x-request-id')!, body: (await res.json()) as { error?: { code: string }; choices?: unknown[] } };
  };

  const eventOf = (requestId: string) => auditEvents<AuditWithProject>(dbPath()).find((e) => e.request_id === requestId);

  it('routes by path prefix with the official client, under the project\'s own model rules', async () => {
    const beta = new OpenAI({ baseURL: `${gateway.url}/projects/beta/v1`, apiKey: BETA_KEY, maxRetries: 0 });
    const completion = await beta.chat.completions.create({ model: 'mock-mistral', messages: [{ role: 'user', content: 'hi' }] });
    expect(completion.choices[0]!.message.content).toContain('Hello from the mock model');
    // mock-llama is alpha's model, not beta's.
    await expect(beta.chat.completions.create({ model: 'mock-llama', messages: [{ role: 'user', content: 'hi' }] })).rejects.toMatchObject({ status: 403, code: 'model_not_allowed' });
    const models = await beta.models.list();
    expect(models.data.map((m) => m.id)).toContain('mock-mistral');
  });

  it('routes by Host header', async () => {
    const body = JSON.stringify({ model: 'mock-llama', messages: [{ role: 'user', content: 'hi' }] });
    const answer = await new Promise<{ status: number; requestId: string }>((resolve, reject) => {
      const req = httpRequest(`${gateway.url}/v1/chat/completions`, { method: 'POST', headers: { host: 'alpha.test:8080', 'content-type': 'application/json', authorization: `Bearer ${ALPHA_KEY}` } }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode!, requestId: String(res.headers['x-request-id']) }));
      });
      req.on('error', reject);
      req.end(body);
    });
    expect(answer.status).toBe(200);
    expect(eventOf(answer.requestId)?.project_id).toBe('alpha');
  });

  it('routes by X-Project-Id and by the token\'s project claim (gamma, OAuth)', async () => {
    const token = await sign({ sub: 'carol', project: 'gamma' });
    const byHeader = await chat('/v1/chat/completions', { authorization: `Bearer ${token}`, 'x-project-id': 'gamma' }, 'mock-anything');
    expect(byHeader.status).toBe(200);
    expect(byHeader.version).toBe('gamma-1');
    const openai = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: token, maxRetries: 0 });
    const byToken = await openai.chat.completions.create({ model: 'mock-llama', messages: [{ role: 'user', content: 'hi' }] }).withResponse();
    expect(byToken.response.headers.get('x-outpost-policy-version')).toBe('gamma-1');
    expect(eventOf(byToken.response.headers.get('x-request-id')!)?.project_id).toBe('gamma');
  });

  it('routes by the API key\'s project when nothing else names one', async () => {
    const alpha = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: ALPHA_KEY, maxRetries: 0 });
    const { response } = await alpha.chat.completions.create({ model: 'mock-llama', messages: [{ role: 'user', content: 'hi' }] }).withResponse();
    expect(response.headers.get('x-outpost-policy-version')).toBe('alpha-1');
    expect(eventOf(response.headers.get('x-request-id')!)?.project_id).toBe('alpha');
  });

  it('streams and serves the Ollama API per project too (official clients, X-Project-Id from the ollama client)', async () => {
    const beta = new OpenAI({ baseURL: `${gateway.url}/projects/beta/v1`, apiKey: BETA_KEY, maxRetries: 0 });
    const stream = await beta.chat.completions.create({ model: 'mock-mistral', stream: true, messages: [{ role: 'user', content: 'hi' }] }).withResponse();
    let text = '';
    for await (const chunk of stream.data) text += chunk.choices[0]?.delta?.content ?? '';
    expect(text).toContain('Hello from the mock model');
    expect(eventOf(stream.response.headers.get('x-request-id')!)).toMatchObject({ project_id: 'beta', decision: 'allow' });

    const ollama = new Ollama({ host: gateway.url, headers: { 'x-project-id': 'alpha', authorization: `Bearer ${ALPHA_KEY}` } });
    const answer = await ollama.chat({ model: 'mock-mistral', messages: [{ role: 'user', content: 'hi' }] });
    expect(answer.message.content).toContain('Hello from the mock model');
    await expect(ollama.chat({ model: 'mock-mistral', messages: [{ role: 'user', content: 'the NIGHTJAR plan' }] })).rejects.toMatchObject({ status_code: 403 });
    // The same client without a project, and no credential that names one: 404 in Ollama's error shape.
    const nowhere = await fetch(`${gateway.url}/api/chat`, { method: 'POST', body: JSON.stringify({ model: 'mock-mistral', messages: [{ role: 'user', content: 'hi' }] }) });
    expect(nowhere.status).toBe(404);
    expect(((await nowhere.json()) as { error: unknown }).error).toEqual(expect.stringContaining('project'));
  });

  it('enforces and audits each project\'s DLP under its id: alpha blocks NIGHTJAR, beta does not', async () => {
    const blocked = await chat('/projects/alpha/v1/chat/completions', { authorization: `Bearer ${ALPHA_KEY}` }, 'mock-llama', 'the NIGHTJAR plan');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error?.code).toBe('dlp_blocked');
    const event = eventOf(blocked.requestId)!;
    expect(event.project_id).toBe('alpha');
    expect(event.decision).toBe('block');
    expect(event.findings.map((f) => f.rule)).toContain('alpha-codename');
    const passed = await chat('/projects/beta/v1/chat/completions', { authorization: `Bearer ${BETA_KEY}` }, 'mock-mistral', 'the NIGHTJAR plan');
    expect(passed.status).toBe(200);
    expect(eventOf(passed.requestId)?.project_id).toBe('beta');
  });

  it('refuses cross-project credentials with 403 project_mismatch, and unknown projects with 404', async () => {
    const alphaKeyInBeta = await chat('/projects/beta/v1/chat/completions', { authorization: `Bearer ${ALPHA_KEY}` }, 'mock-mistral');
    expect(alphaKeyInBeta.status).toBe(403);
    expect(alphaKeyInBeta.body.error?.code).toBe('project_mismatch');
    expect(eventOf(alphaKeyInBeta.requestId)).toMatchObject({ project_id: 'beta', decision: 'block', reason: 'project_mismatch' });
    const betaToken = await sign({ sub: 'mallory', project: 'beta' });
    const tokenForBetaInGamma = await chat('/v1/chat/completions', { authorization: `Bearer ${betaToken}`, 'x-project-id': 'gamma' }, 'mock-llama');
    expect(tokenForBetaInGamma.status).toBe(403);
    expect(tokenForBetaInGamma.body.error?.code).toBe('project_mismatch');
    expect((await chat('/projects/%E0%A4%A/v1/chat/completions', {}, 'mock-llama')).body.error?.code).toBe('project_not_found');
    const unknown = await chat('/projects/nosuch/v1/chat/completions', { authorization: `Bearer ${ALPHA_KEY}` }, 'mock-llama');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error?.code).toBe('project_not_found');
    const none = await chat('/v1/chat/completions', {}, 'mock-llama');
    expect(none.status).toBe(404);
    expect(none.body.error?.code).toBe('project_not_found');
  });

  it('the admin API filters by project; a project\'s read-only token sees only its project; metrics carry the project', async () => {
    const admin = (path: string, token: string, method = 'GET') => fetch(`${gateway.url}/admin/api${path}`, { method, headers: { authorization: `Bearer ${token}` } });
    const decisions = async (path: string, token: string) => ((await (await admin(path, token)).json()) as { decisions: { project_id?: string }[] }).decisions;
    const alphaOnly = await decisions('/decisions?project=alpha', ADMIN);
    expect(alphaOnly.length).toBeGreaterThan(0);
    expect(new Set(alphaOnly.map((d) => d.project_id))).toEqual(new Set(['alpha']));
    const betaView = await decisions('/decisions', BETA_ADMIN);
    expect(betaView.length).toBeGreaterThan(0);
    expect(new Set(betaView.map((d) => d.project_id))).toEqual(new Set(['beta']));
    const other = await admin('/decisions?project=alpha', BETA_ADMIN);
    expect(other.status).toBe(403);
    expect(((await other.json()) as { error: { code: string } }).error.code).toBe('project_mismatch');
    const write = await admin('/policy/rollback', BETA_ADMIN, 'POST');
    expect(write.status).toBe(403);
    expect(((await write.json()) as { error: { code: string } }).error.code).toBe('project_scope');
    expect((await admin('/sync-status', BETA_ADMIN)).status).toBe(403);
    const exported = await (await admin('/audit/export', BETA_ADMIN)).text();
    const lines = exported.trim().split('\n').map((l) => JSON.parse(l) as { project_id?: string });
    expect(lines.length).toBeGreaterThan(0);
    expect(new Set(lines.map((l) => l.project_id))).toEqual(new Set(['beta']));
    const policy = (await (await admin('/policy', BETA_ADMIN)).json()) as { active: { version: string } };
    expect(policy.active.version).toMatch(/^beta-/);
    // /metrics is gateway-wide: the full admin token only; its per-call series carry the project.
    expect((await fetch(`${gateway.url}/metrics`, { headers: { authorization: `Bearer ${BETA_ADMIN}` } })).status).toBe(401);
    const metrics = await (await fetch(`${gateway.url}/metrics`, { headers: { authorization: `Bearer ${ADMIN}` } })).text();
    expect(metrics).toMatch(/outpost_requests_total\{[^}]*project="alpha"/);
    expect(metrics).toMatch(/outpost_dlp_findings_total\{[^}]*project="alpha"/);
  });

  it('/readyz lists the projects; /health stays global', async () => {
    const ready = (await (await fetch(`${gateway.url}/readyz`)).json()) as { status: string; projects: Record<string, { state: string }> };
    expect(Object.keys(ready.projects).sort()).toEqual(['alpha', 'beta', 'delta', 'gamma']);
    expect(Object.values(ready.projects).some((p) => p.state === 'serving')).toBe(true);
    expect((await fetch(`${gateway.url}/health`)).status).toBe(200);
  });

  it('keeps at most 2 compiled projects: the third evicts the least recently used, which recompiles on its next call', async () => {
    const compiles = (id: string) => gateway.output().split(`Projects: compiled project ${id} `).length - 1;
    const alphaBefore = compiles('alpha');
    await chat('/projects/beta/v1/chat/completions', { authorization: `Bearer ${BETA_KEY}` }, 'mock-mistral');
    const token = await sign({ sub: 'carol', project: 'gamma' });
    await chat('/v1/chat/completions', { authorization: `Bearer ${token}` }, 'mock-llama');
    // beta and gamma are the two most recent: alpha was dropped and compiles again.
    await expect.poll(() => gateway.output(), { timeout: 5000 }).toMatch(/dropped compiled project alpha \(cache full at 2\)/);
    const again = await chat('/projects/alpha/v1/chat/completions', { authorization: `Bearer ${ALPHA_KEY}` }, 'mock-llama');
    expect(again.status).toBe(200);
    await expect.poll(() => compiles('alpha'), { timeout: 5000 }).toBe(alphaBefore + 1);
  });

  it('a hot install in beta, under load, leaves alpha and gamma untouched; a refused one changes nothing', async () => {
    const token = await sign({ sub: 'carol', project: 'gamma' });
    const dir = mkdtempSync(join(tmpdir(), 'outpost-projects-bundles-'));
    const next = join(dir, 'beta-2.json');
    writeFileSync(next, JSON.stringify(bundle('beta', 'beta-2', {
      project: { id: 'beta', hostnames: ['beta.test'] },
      models: [{ name: 'mock-mistral', risk_tier: 'std' }],
      dlp: { keywords: [{ id: 'beta-codename', type: 'CODENAME', keywords: ['NIGHTJAR'], action: 'block' }] },
      auth: { mode: 'api_key', api_keys: { 'beta-ci': {} } },
    })));
    const wrongFolder = join(dir, 'names-alpha.json');
    writeFileSync(wrongFolder, JSON.stringify(bundle('alpha', 'alpha-evil', { models: [{ name: '*', risk_tier: 'std' }], auth: { mode: 'none' } })));

    let running = true;
    const seen: { project: string; status: number; version: string | null; code?: string }[] = [];
    const load = (async () => {
      while (running) {
        const [a, g] = await Promise.all([
          chat('/projects/alpha/v1/chat/completions', { authorization: `Bearer ${ALPHA_KEY}` }, 'mock-llama'),
          chat('/v1/chat/completions', { authorization: `Bearer ${token}` }, 'mock-llama'),
        ]);
        seen.push({ project: 'alpha', status: a.status, version: a.version, ...(a.body.error ? { code: a.body.error.code } : {}) }, { project: 'gamma', status: g.status, version: g.version, ...(g.body.error ? { code: g.body.error.code } : {}) });
      }
    })();
    // Load runs before, during and after the installs: a bounded wait for a number of rounds, not a timed sleep.
    const rounds = async (n: number) => {
      const deadline = Date.now() + 30_000;
      while (seen.length < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    };
    await rounds(6);
    expect(outpost('policy', 'install', next, '--project', 'beta', '--runtime', gateway.url)).toContain('version=beta-2');
    let refused = '';
    try {
      outpost('policy', 'install', wrongFolder, '--project', 'beta', '--runtime', gateway.url);
    } catch (e) {
      refused = String((e as { stderr?: string }).stderr);
    }
    expect(refused).toMatch(/project\.id/);
    await rounds(seen.length + 6);
    running = false;
    await load;

    expect(seen.length).toBeGreaterThanOrEqual(12);
    expect(seen.filter((s) => s.status !== 200)).toEqual([]);
    expect(new Set(seen.filter((s) => s.project === 'alpha').map((s) => s.version))).toEqual(new Set(['alpha-1']));
    expect(new Set(seen.filter((s) => s.project === 'gamma').map((s) => s.version))).toEqual(new Set(['gamma-1']));
    // beta now enforces beta-2 (its own NIGHTJAR rule); alpha's rules did not move.
    const betaNow = await chat('/projects/beta/v1/chat/completions', { authorization: `Bearer ${BETA_KEY}` }, 'mock-mistral', 'the NIGHTJAR plan');
    expect(betaNow).toMatchObject({ status: 403, version: 'beta-2', body: { error: { code: 'dlp_blocked' } } });
    const list = outpost('policy', 'list', '--project', 'beta', '--runtime', gateway.url);
    expect(list).toContain('version=beta-2');
    // Rollback is per project too.
    expect(outpost('policy', 'rollback', '--project', 'beta', '--runtime', gateway.url)).toContain('version=beta-1');
    expect((await chat('/projects/beta/v1/chat/completions', { authorization: `Bearer ${BETA_KEY}` }, 'mock-mistral')).version).toBe('beta-1');
    expect((await chat('/projects/alpha/v1/chat/completions', { authorization: `Bearer ${ALPHA_KEY}` }, 'mock-llama')).version).toBe('alpha-1');
  }, 60_000);

  it('exports one project\'s audit events alone, and the export verifies on its own (and fails when edited)', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'outpost-projects-export-')), 'alpha.jsonl');
    expect(outpost('audit', 'export', '--db', dbPath(), '--project', 'alpha', '--out', out)).toMatch(/OK exported \d+ events/);
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { project_id: string; project_seq: number });
    expect(lines.length).toBeGreaterThan(3);
    expect(new Set(lines.map((l) => l.project_id))).toEqual(new Set(['alpha']));
    expect(lines.map((l) => l.project_seq)).toEqual(lines.map((_, i) => i + 1));
    expect(outpost('audit', 'verify', '--export', out)).toMatch(/^OK \d+ events verified \(project seq 1-/);
    expect(outpost('audit', 'verify', '--db', dbPath(), '--project', 'beta')).toMatch(/^OK \d+ events verified/);
    // The queue's new column, read with the sqlite3 command as operators do.
    expect(Number(querySqlite(dbPath(), "SELECT count(*) FROM local_audit_queue WHERE project_id = 'alpha';").trim())).toBe(lines.length);

    // Drop one of alpha's events and fix the file hash in the manifest: the project chain still catches it.
    const text = readFileSync(out, 'utf8').trim().split('\n');
    text.splice(1, 1);
    writeFileSync(out, `${text.join('\n')}\n`);
    const manifest = JSON.parse(readFileSync(`${out}.manifest.json`, 'utf8')) as Record<string, unknown>;
    manifest.sha256 = execFileSync('sha256sum', [out], { encoding: 'utf8' }).split(' ')[0];
    writeFileSync(`${out}.manifest.json`, JSON.stringify(manifest));
    let failure = '';
    try {
      outpost('audit', 'verify', '--export', out);
    } catch (e) {
      failure = String((e as { stderr?: string }).stderr);
    }
    expect(failure).toMatch(/FAIL project seq 2 is missing \(deleted\)/);
  });

  it('a project whose bundle is refused at boot answers 503 project_unavailable and shows as refused; the others serve', async () => {
    const refused = await chat('/projects/delta/v1/chat/completions', {}, 'mock-llama');
    expect(refused.status).toBe(503);
    expect(refused.body.error?.code).toBe('project_unavailable');
    // The runtime's log reaches us through a pipe, which may deliver the line after the response.
    await expect.poll(() => gateway.output(), { timeout: 5000 }).toMatch(/\[project=delta\] Policy bundle .*delta\/policy_bundle\.json refused .*\$\.project\.id: names project "gamma" but lies in the folder of project "delta"/);
    const ready = (await (await fetch(`${gateway.url}/readyz`)).json()) as { status: string; projects: Record<string, { state: string }> };
    expect(ready.status).toBe('ready');
    expect(ready.projects.delta!.state).toBe('refused');
    expect((await chat('/projects/alpha/v1/chat/completions', { authorization: `Bearer ${ALPHA_KEY}` }, 'mock-llama')).status).toBe(200);
  });
});
