/**
 * GeoIP end to end on real workerd: MaxMind test databases mounted as volumes, the client IP from
 * a trusted proxy's X-Forwarded-For, geo fields in the audit record read back with sqlite3, and
 * the policy bundle's country rules. Expected values come from the databases' *.source.json.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT, auditEvents, startGateway, startMock, type MockUpstream, type RunningGateway, stateWithBundle } from './harness.js';

const GEOIP = resolve(ROOT, 'test', 'fixtures', 'geoip');
const CITY_DB = join(GEOIP, 'GeoLite2-City-Test.mmdb');
const ASN_DB = join(GEOIP, 'GeoLite2-ASN-Test.mmdb');

type SourceRecord = Record<string, { country?: { iso_code?: string }; city?: { names?: { en?: string } }; autonomous_system_number?: number; autonomous_system_organization?: string }>;
const citySource = JSON.parse(readFileSync(join(GEOIP, 'GeoLite2-City-Test.source.json'), 'utf8')) as SourceRecord[];
const asnSource = JSON.parse(readFileSync(join(GEOIP, 'GeoLite2-ASN-Test.source.json'), 'utf8')) as SourceRecord[];
const expectedCity = (network: string) => citySource.find((r) => network in r)![network]!;
const expectedAsn = (ip: string) => {
  for (const r of asnSource) for (const [net, rec] of Object.entries(r)) if (net.startsWith(ip.split('.').slice(0, 2).join('.'))) return rec;
  return undefined;
};

let mock: MockUpstream;
let gateway: RunningGateway;
let state: string;

const chat = (base: string, headers: Record<string, string>) =>
  fetch(`${base}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ model: 'mock-llama', messages: [{ role: 'user', content: 'hi' }] }) });

beforeAll(async () => {
  const m = await startMock();
  mock = m.mock;
  state = stateWithBundle('outpost-geo-', {
    schema_version: 1,
    version: 'geo-test-1',
    created_at: '2026-11-24T00:00:00Z',
    models: [{ name: '*', risk_tier: 'open' }],
    risk_tiers: { open: {} },
    auth: { mode: 'none' },
    geo: { rules: [{ id: 'no-sweden', deny_countries: ['SE'], allow_private: true }] },
  });
  gateway = await startGateway({
    OUTPOST_AIRGAP: 'true',
    OUTPOST_STATE_DIR: state,
    OUTPOST_UPSTREAM_URL: m.url,
    GEOIP_MMDB_PATH: CITY_DB,
    GEOIP_ASN_DB_PATH: ASN_DB,
    OUTPOST_TRUSTED_PROXIES: '127.0.0.1/32',
  });
});

afterAll(async () => {
  await gateway?.stop();
  await mock?.close();
});

describe('GeoIP enrichment', () => {
  it('logs the database it loaded, in the operator-contract form', () => {
    expect(gateway.output()).toContain(`INFO GeoIP: city database loaded (path=${CITY_DB})`);
  });

  it('records country, city and ASN of the client behind a trusted proxy, outside the tamper hash', async () => {
    const res = await chat(gateway.url, { 'x-forwarded-for': '203.0.113.9, 81.2.69.142', 'x-request-id': 'geo-london' });
    expect(res.status).toBe(200);
    const event = auditEvents(join(state, 'audit', 'audit_queue.db')).find((e) => e.request_id === 'geo-london')!;
    expect(event.client_ip).toBe('81.2.69.142');
    const city = expectedCity('81.2.69.142/31');
    expect(event.geo).toMatchObject({ country_iso: city.country!.iso_code, city: city.city!.names!.en });
    const asn = expectedAsn('81.2.69.142');
    if (asn?.autonomous_system_number) expect(event.geo!.asn).toBe(asn.autonomous_system_number);
  });

  it("applies the bundle's country rules: a denied country gets 403 geo_blocked, audited", async () => {
    const res = await chat(gateway.url, { 'x-forwarded-for': '89.160.20.115', 'x-request-id': 'geo-sweden' });
    expect(res.status).toBe(403);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('geo_blocked');
    expect(body.error.message).toContain('no-sweden');
    expect(expectedCity('89.160.20.112/28').country!.iso_code).toBe('SE');
    const event = auditEvents(join(state, 'audit', 'audit_queue.db')).find((e) => e.request_id === 'geo-sweden')!;
    expect(event).toMatchObject({ decision: 'block', reason: 'geo_blocked', client_ip: '89.160.20.115' });
    expect(event.geo).toMatchObject({ country_iso: 'SE' });
  });

  it('a private client is recorded as such, not looked up, and allowed by allow_private', async () => {
    const res = await chat(gateway.url, { 'x-request-id': 'geo-loopback' });
    expect(res.status).toBe(200);
    const event = auditEvents(join(state, 'audit', 'audit_queue.db')).find((e) => e.request_id === 'geo-loopback')!;
    expect(event.client_ip).toBe('127.0.0.1');
    expect(event.geo).toEqual({ address_class: 'loopback' });
  });

  it('shows the loaded databases in the subsystem state', async () => {
    const ready = (await (await fetch(`${gateway.url}/readyz`)).json()) as { subsystems: Record<string, { state: string; reason: string }> };
    expect(ready.subsystems.geoip!.state).toBe('active');
    expect(ready.subsystems.geoip!.reason).toContain(CITY_DB);
  });
});

describe('GeoIP without trusted proxies, and with a broken database', () => {
  it('ignores spoofed forwarding headers and keeps serving without enrichment', async () => {
    const plainState = mkdtempSync(join(tmpdir(), 'outpost-geo-plain-'));
    const g = await startGateway({
      OUTPOST_STATE_DIR: plainState,
      OUTPOST_UPSTREAM_URL: `http://127.0.0.1:${new URL(gateway.url).port}`, // any address: the model list still answers
      GEOIP_MMDB_PATH: join(GEOIP, 'GeoIP2-City-Test-Broken-Double-Format.mmdb'),
    });
    try {
      expect(g.output()).toMatch(/ERROR GeoIP: .*GeoIP2-City-Test-Broken-Double-Format\.mmdb/);
      const ready = (await (await fetch(`${g.url}/readyz`)).json()) as { status: string; subsystems: Record<string, { state: string }> };
      expect(ready.status).toBe('ready');
      expect(ready.subsystems.geoip!.state).toBe('disabled');
      const res = await fetch(`${g.url}/v1/models`, { headers: { 'x-forwarded-for': '81.2.69.142', 'x-real-ip': '81.2.69.142', forwarded: 'for=81.2.69.142', 'x-request-id': 'spoofed' } });
      expect(res.status).toBe(200);
      const event = auditEvents(join(plainState, 'audit', 'audit_queue.db')).find((e) => e.request_id === 'spoofed')!;
      expect(event.client_ip).toBe('127.0.0.1');
      expect(event.geo).toEqual({ address_class: 'loopback' });
    } finally {
      await g.stop();
    }
  });
});
