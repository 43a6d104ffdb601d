/**
 * Operations surface, end to end on real workerd: the admin API and its token, /metrics in
 * Prometheus text format, certificate expiry from files on the volume, the separate admin port.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
// @ts-expect-error no types for this small parser
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { ROOT, freePort, startGateway, startMock, type MockUpstream, type RunningGateway } from './harness.js';
import { writeCertificate } from '../fixtures/certificates.js';

const TOKEN = 'admin-token-for-tests-7f3a9c1d2e4b';
let mock: MockUpstream;
let gateway: RunningGateway;
let certDir: string;

interface PromMetric {
  name: string;
  type: string;
  metrics: Array<{ value?: string; labels?: Record<string, string>; buckets?: Record<string, string>; count?: string }>;
}

beforeAll(async () => {
  const m = await startMock();
  mock = m.mock;
  certDir = mkdtempSync(join(tmpdir(), 'outpost-certs-'));
  mkdirSync(certDir, { recursive: true });
  await writeCertificate(join(certDir, 'client.pem'), join(certDir, 'client.key'), 30);
  await writeCertificate(join(certDir, 'ca.pem'), join(certDir, 'ca.key'), 400, 'outpost-ca');
  gateway = await startGateway({
    OUTPOST_AIRGAP: 'true',
    OUTPOST_UPSTREAM_URL: m.url,
    // Configured by name: only such names appear in clear in metrics and the decisions list.
    OUTPOST_UPSTREAM_MODELS: 'mock-llama,mock-mistral,echo',
    OUTPOST_ADMIN_TOKEN: TOKEN,
    OUTPOST_TLS_CERT: join(certDir, 'client.pem'),
    OUTPOST_TLS_KEY: join(certDir, 'client.key'),
    OUTPOST_CA_BUNDLE: join(certDir, 'ca.pem'),
  });
  const openai = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'x', maxRetries: 0 });
  await openai.chat.completions.create({ model: 'mock-llama', messages: [{ role: 'user', content: 'hi' }] });
  await openai.chat.completions.create({ model: 'mock-llama', messages: [{ role: 'user', content: 'hi' }], stream: true }).then(async (s) => {
    for await (const _ of s) void _;
  });
  await fetch(`${gateway.url}/v1/chat/completions`, { method: 'POST', body: '{bad' });
});

afterAll(async () => {
  await gateway?.stop();
  await mock?.close();
});

const admin = (path: string, token: string | null = TOKEN, base = gateway.url) => fetch(`${base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('admin token', () => {
  it('missing and wrong tokens get 401 with WWW-Authenticate, in the OpenAI error shape', async () => {
    for (const [token, code] of [[null, 'missing_token'], ['wrong', 'invalid_token'], [TOKEN.slice(0, -1), 'invalid_token'], [`${TOKEN}x`, 'invalid_token']] as const) {
      const res = await admin('/admin/api/sync-status', token);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm="outpost"/);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
    }
    const metrics = await admin('/metrics', null);
    expect(metrics.status).toBe(401);
  });

  it('without a configured token the admin API, the console and /metrics do not exist', async () => {
    const g = await startGateway({ OUTPOST_UPSTREAM_URL: 'http://127.0.0.1:9' });
    try {
      for (const path of ['/admin/api/sync-status', '/admin/', '/metrics']) expect((await admin(path, 'anything', g.url)).status).toBe(404);
    } finally {
      await g.stop();
    }
  });
});

describe('sync status', () => {
  it('reports air gap, queue depth, certificate expiry, policy and every subsystem', async () => {
    const res = await admin('/admin/api/sync-status');
    expect(res.status).toBe(200);
    const status = (await res.json()) as Record<string, unknown> & { subsystems: Record<string, { state: string }>; certificates: Array<{ variable: string; state: string; expiry_days?: number }> };
    expect(status.air_gap).toBe(true);
    expect(status).toHaveProperty('audit_queue_depth');
    expect(status.cert_expiry_days).toBe(30);
    expect(status.policy).toMatchObject({ version: expect.any(String), source: expect.any(String) });
    expect(Object.keys(status.subsystems).length).toBeGreaterThan(0);
    // No operator bundle here: the built-in baseline is enforced, which is not an active policy.
    expect(status.subsystems.policy).toMatchObject({ state: 'disabled' });
    const client = status.certificates.find((c) => c.variable === 'OUTPOST_TLS_CERT')!;
    expect(client).toMatchObject({ state: 'expiring', expiry_days: 30 });
    expect(status.certificates.find((c) => c.variable === 'OUTPOST_CA_BUNDLE')).toMatchObject({ state: 'ok', expiry_days: 400 });
    expect(status.certificates.find((c) => c.variable === 'OUTPOST_TLS_KEY')).toMatchObject({ state: 'ok' });
  });

  it('warns in the log when the certificate is inside OUTPOST_CERT_WARN_DAYS', () => {
    expect(gateway.output()).toMatch(/WARN Certificate OUTPOST_TLS_CERT expires in 30 days, below OUTPOST_CERT_WARN_DAYS=45/);
    expect(gateway.output()).not.toMatch(/PRIVATE KEY/);
  });

  it('lists recent decisions with types and rules only', async () => {
    const res = await admin('/admin/api/decisions');
    const { decisions } = (await res.json()) as { decisions: Array<Record<string, unknown>> };
    expect(decisions.length).toBeGreaterThanOrEqual(3);
    expect(decisions[0]).toMatchObject({ route: 'openai.chat', decision: 'error', status: 400, reason: 'invalid_json' });
    for (const d of decisions) expect(Object.keys(d).sort()).toEqual(['caller', 'decision', 'findings', 'model', 'reason', 'request_id', 'route', 'status', 'time', 'total_ms']);
  });
});

describe('metrics', () => {
  it('are valid Prometheus text and count requests, latency and overhead', async () => {
    const res = await admin('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    const parsed = parsePrometheusTextFormat(await res.text()) as PromMetric[];
    const byName = new Map(parsed.map((m) => [m.name, m]));
    const requests = byName.get('outpost_requests_total')!;
    expect(requests.type).toBe('COUNTER');
    const ok = requests.metrics.find((m) => m.labels?.route === 'openai.chat' && m.labels?.status === '200' && m.labels?.decision === 'allow');
    expect(Number(ok?.value)).toBe(2);
    const bad = requests.metrics.find((m) => m.labels?.status === '400');
    expect(Number(bad?.value)).toBe(1);
    for (const name of ['outpost_request_duration_seconds', 'outpost_gateway_overhead_seconds']) {
      const h = byName.get(name)!;
      expect(h.type).toBe('HISTOGRAM');
      // (this parser keeps only the buckets of labelled histograms; +Inf is the count)
      expect(h.metrics.reduce((n, m) => n + Number(m.buckets?.['+Inf']), 0)).toBe(3);
    }
    const cert = byName.get('outpost_cert_expiry_days')!;
    expect(cert.metrics.find((m) => m.labels?.file === 'OUTPOST_TLS_CERT')?.value).toBe('30');
    expect(byName.get('outpost_policy_info')!.metrics[0]!.labels).toHaveProperty('version');
    for (const name of ['outpost_dlp_findings_total', 'outpost_audit_queue_depth', 'outpost_audit_commit_seconds', 'outpost_tier3_inferences_total', 'outpost_subsystem_up']) expect(byName.has(name)).toBe(true);
  });

  it('OUTPOST_METRICS_AUTH=none opens /metrics without a token', async () => {
    const g = await startGateway({ OUTPOST_UPSTREAM_URL: 'http://127.0.0.1:9', OUTPOST_METRICS_AUTH: 'none' });
    try {
      expect((await admin('/metrics', null, g.url)).status).toBe(200);
    } finally {
      await g.stop();
    }
  });
});

describe('separate admin port', () => {
  it('serves operator routes only on the loopback admin port, model routes only on the main one', async () => {
    const adminPort = await freePort();
    const m = await startMock();
    const g = await startGateway({ OUTPOST_UPSTREAM_URL: m.url, OUTPOST_ADMIN_TOKEN: TOKEN, OUTPOST_ADMIN_PORT: String(adminPort) });
    try {
      const adminBase = `http://127.0.0.1:${adminPort}`;
      expect((await admin('/admin/api/sync-status', TOKEN, adminBase)).status).toBe(200);
      expect((await admin('/metrics', TOKEN, adminBase)).status).toBe(200);
      expect((await admin('/admin/api/sync-status', TOKEN, g.url)).status).toBe(404);
      // A client cannot claim the admin listener by sending the header itself.
      const spoofed = await fetch(`${g.url}/admin/api/sync-status`, { headers: { authorization: `Bearer ${TOKEN}`, 'x-outpost-listener': 'admin' } });
      expect(spoofed.status).toBe(404);
      const model = (base: string) => fetch(`${base}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'mock-llama', messages: [{ role: 'user', content: 'x' }] }) });
      expect((await model(g.url)).status).toBe(200);
      expect((await model(adminBase)).status).toBe(404);
      expect((await fetch(`${adminBase}/health`)).status).toBe(200);
    } finally {
      await g.stop();
      await m.mock.close();
    }
  });
});

describe('outpost status', () => {
  it('prints what the console shows', async () => {
    const { execFileSync } = await import('node:child_process');
    const out = execFileSync(process.execPath, [join(ROOT, 'bin', 'outpost.mjs'), 'status', '--runtime', gateway.url, '--token', TOKEN], { encoding: 'utf8' });
    expect(out).toMatch(/^Outpost \S+ on workerd, air-gapped/);
    expect(out).toContain('Certificate expiry: 30 days');
    expect(out).toMatch(/Recent decisions\nTIME +REQUEST +ROUTE/);
    expect(out).toMatch(/openai\.chat +mock-llama +allow +200/);
  });

  it('fails clearly with a wrong token', async () => {
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'outpost.mjs'), 'status', '--runtime', gateway.url, '--token', 'nope'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('ERROR /admin/api/sync-status answered 401: Admin token is not valid');
  });
});
