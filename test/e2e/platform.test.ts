/**
 * Connected mode against the mock platform (test/mock/platform.mjs), on real workerd: heartbeat,
 * policy sync, certificate renewal, each behind its own circuit breaker; and the same
 * configuration in air-gap mode, where the platform sees no connection at all.
 */
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as x509 from '@peculiar/x509';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error plain JS mock without types
import { createMockPlatform } from '../mock/platform.mjs';
import { startGateway, useMockUpstream, type RunningGateway } from './harness.js';
import { writeCertificate } from '../fixtures/certificates.js';

interface MockPlatform {
  links: Record<'heartbeat' | 'policy' | 'renew', 'accept' | 'error' | 'refuse'>;
  heartbeats: Array<Record<string, unknown>>;
  policyRequests: number;
  renewals: Array<{ subject: string | null; public_key_pem: string }>;
  policy: { bytes: Buffer; signature?: string } | null;
  issueCertificate: ((body: { subject: string | null; public_key_pem: string }) => Promise<string>) | null;
  hits: number;
  listen(port?: number): Promise<number>;
  close(): Promise<void>;
}

const TOKEN = 'platform-test-admin-token-1234';
const FAST = {
  OUTPOST_HEARTBEAT_INTERVAL_MS: '200',
  OUTPOST_POLICY_SYNC_INTERVAL_MS: '200',
  OUTPOST_CERT_CHECK_INTERVAL_MS: '200',
  OUTPOST_PLATFORM_FAILURE_THRESHOLD: '2',
  OUTPOST_PLATFORM_COOLDOWN_MS: '1500',
  OUTPOST_PLATFORM_TIMEOUT_MS: '1000',
};

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 15_000): Promise<NonNullable<T>> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const bundle = (version: string) =>
  Buffer.from(JSON.stringify({ schema_version: 1, version, created_at: '2026-11-24T00:00:00Z', models: [{ name: '*', risk_tier: 'open' }], risk_tiers: { open: {} }, auth: { mode: 'none' } }));

/** A CA of the mock platform that signs whatever public key the gateway sends. */
async function platformCa() {
  const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
  const keys = await crypto.subtle.generateKey(alg, true, ['sign', 'verify']);
  return async (body: { subject: string | null; public_key_pem: string }) => {
    const der = Buffer.from(body.public_key_pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, ''), 'base64');
    const publicKey = await crypto.subtle.importKey('spki', der, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']);
    const cert = await x509.X509CertificateGenerator.create({
      serialNumber: '02',
      subject: body.subject ?? 'CN=outpost',
      issuer: 'CN=mock-platform-ca',
      notBefore: new Date(Date.now() - 60_000),
      notAfter: new Date(Date.now() + 365 * 86_400_000),
      signingAlgorithm: alg,
      publicKey,
      signingKey: keys.privateKey,
    });
    return cert.toString('pem');
  };
}

const status = async (g: RunningGateway) =>
  (await (await fetch(`${g.url}/admin/api/sync-status`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as {
    policy: { version: string };
    subsystems: Record<string, { state: string; circuit?: string; reason?: string; last_success?: string | null }>;
  };

const upstream = useMockUpstream();

describe('connected mode', () => {
  let platform: MockPlatform;
  let gateway: RunningGateway;
  let state: string;

  beforeAll(async () => {
    platform = createMockPlatform() as MockPlatform;
    const port = await platform.listen(0);
    platform.issueCertificate = await platformCa();
    state = mkdtempSync(join(tmpdir(), 'outpost-connected-'));
    const certs = mkdtempSync(join(tmpdir(), 'outpost-connected-certs-'));
    await writeCertificate(join(certs, 'client.pem'), join(certs, 'client.key'), 10, 'outpost-01');
    gateway = await startGateway({
      ...FAST,
      OUTPOST_AIRGAP: 'false',
      OUTPOST_STATE_DIR: state,
      OUTPOST_UPSTREAM_URL: upstream.url,
      OUTPOST_PLATFORM_URL: `http://127.0.0.1:${port}`,
      OUTPOST_ADMIN_TOKEN: TOKEN,
      OUTPOST_TLS_CERT: join(certs, 'client.pem'),
      OUTPOST_TLS_KEY: join(certs, 'client.key'),
    });
  });

  afterAll(async () => {
    await gateway?.stop();
    await platform?.close();
  });

  it('sends heartbeats with versions and queue depth, never traffic content', async () => {
    const beat = await until('a heartbeat', () => platform.heartbeats[0]);
    expect(beat).toMatchObject({ gateway_version: expect.any(String), runtime: 'workerd', policy_version: expect.any(String), audit_queue_depth: expect.any(Number) });
    expect(Object.keys(beat).sort()).toEqual(['audit_queue_depth', 'cert_expiry_days', 'gateway_version', 'policy_version', 'runtime', 'time', 'uptime_seconds']);
  });

  it('installs a newer bundle from the platform like a hot install', async () => {
    platform.policy = { bytes: bundle('platform-2') };
    await until('the synced bundle', async () => (await status(gateway)).policy.version === 'platform-2');
    expect(gateway.output()).toContain('INFO Policy sync: installed version=platform-2 from the platform');
  });

  it('renews a certificate inside 30 days: a new key, the platform signs it, both kept in the state folder', async () => {
    const renewal = await until('a renewal request', () => platform.renewals[0]);
    expect(renewal.subject).toBe('CN=outpost-01');
    expect(renewal.public_key_pem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    await until('the stored certificate', () => existsSync(join(state, 'tls', 'client.pem')) && existsSync(join(state, 'tls', 'client.key')));
    const stored = new x509.X509Certificate(readFileSync(join(state, 'tls', 'client.pem'), 'utf8'));
    expect(stored.issuer).toBe('CN=mock-platform-ca');
    expect(readFileSync(join(state, 'tls', 'client.key'), 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(gateway.output()).not.toContain('BEGIN PRIVATE KEY');
  });

  it('a failing link opens its own circuit; the others keep working; it closes again after the cooldown', async () => {
    platform.links.heartbeat = 'error';
    await until('heartbeat circuit open', async () => (await status(gateway)).subsystems.heartbeat?.circuit === 'open');
    const during = await status(gateway);
    expect(during.subsystems.heartbeat).toMatchObject({ state: 'degraded', circuit: 'open' });
    expect(during.subsystems.policy_sync).toMatchObject({ state: 'active', circuit: 'closed' });
    const syncsBefore = platform.policyRequests;
    await until('policy sync still running', () => platform.policyRequests > syncsBefore + 2);
    expect(gateway.output()).toMatch(/WARN Platform link heartbeat: circuit open/);
    const beatsBefore = platform.heartbeats.length;
    platform.links.heartbeat = 'accept';
    await until('heartbeat circuit closed', async () => (await status(gateway)).subsystems.heartbeat?.circuit === 'closed');
    expect(platform.heartbeats.length).toBeGreaterThan(beatsBefore);
    expect(gateway.output()).toContain('INFO Platform link heartbeat: circuit closed');
  });
});

describe('air-gap mode', () => {
  it('starts no link at all: the platform sees no connection', async () => {
    const platform = createMockPlatform() as MockPlatform;
    const port = await platform.listen(0);
    platform.policy = { bytes: bundle('should-never-arrive') };
    const g = await startGateway({ ...FAST, OUTPOST_AIRGAP: 'true', OUTPOST_UPSTREAM_URL: upstream.url, OUTPOST_PLATFORM_URL: `http://127.0.0.1:${port}`, OUTPOST_ADMIN_TOKEN: TOKEN });
    try {
      // Traffic too, so the audit queue has events it could want to flush.
      for (let i = 0; i < 3; i++) await fetch(`${g.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'mock-llama', messages: [{ role: 'user', content: 'hi' }] }) });
      await new Promise((r) => setTimeout(r, 2000));
      expect(platform.hits).toBe(0);
      const s = await status(g);
      for (const link of ['policy_sync', 'heartbeat', 'cert_rotation']) expect(s.subsystems[link]).toMatchObject({ state: 'disabled', reason: 'air-gap mode (no platform connectivity)' });
      expect(s.policy.version).not.toBe('should-never-arrive');
    } finally {
      await g.stop();
      await platform.close();
    }
  });
});
