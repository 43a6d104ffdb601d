import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createGeoIp, geoIpSettings, trustedProxies, type GeoIpSettings } from '../../worker/geoip/index.js';
import type { Logger } from '../../worker/log/index.js';
import { parseConfig } from '../../worker/config/index.js';

const TESTDATA = join(import.meta.dirname, '..', 'fixtures', 'geoip');
const file = (name: string) => new Uint8Array(readFileSync(join(TESTDATA, name)));

/** A Volumes stand-in: a map of files; `throws` paths fail as an unreadable mount would. */
function fakeVolumes(files: Record<string, Uint8Array>, throws: string[] = []) {
  const reads: string[] = [];
  return {
    reads,
    read: async (path: string) => {
      reads.push(path);
      if (throws.includes(path)) throw new Error(`EIO reading ${path}`);
      return files[path] ?? null;
    },
  };
}

function captureLog() {
  const lines: string[] = [];
  const log: Logger = {
    debug: (m) => lines.push(`DEBUG ${m}`),
    info: (m) => lines.push(`INFO ${m}`),
    warn: (m) => lines.push(`WARN ${m}`),
    error: (m) => lines.push(`ERROR ${m}`),
  };
  return { lines, log };
}

const BASE: GeoIpSettings = { downloadOnStart: false, airGap: false };
const CITY = '/opt/outpost/geoip/GeoLite2-City.mmdb';
const FALLBACK = '/opt/outpost/baked/GeoLite2-Country.mmdb';

describe('resolution order', () => {
  it('1. GEOIP_MMDB_PATH when set and present, with the PRODUCT.md log line', async () => {
    const volumes = fakeVolumes({ [CITY]: file('GeoLite2-City-Test.mmdb'), [FALLBACK]: file('GeoLite2-Country-Test.mmdb') });
    const { lines, log } = captureLog();
    const download = vi.fn(async () => file('GeoIP2-City-Test.mmdb'));
    const geo = await createGeoIp({ ...BASE, mmdbPath: CITY, fallbackPath: FALLBACK, downloadOnStart: true, downloadUrl: 'https://mirror.internal/city.mmdb' }, { volumes, log, download });
    expect(lines).toEqual([`INFO GeoIP: city database loaded (path=${CITY})`]);
    expect(download).not.toHaveBeenCalled();
    expect(volumes.reads).toEqual([CITY]);
    expect(geo.enabled).toBe(true);
    expect(geo.lookup('81.2.69.142')?.city).toBe('London');
  });

  it('path set but missing -> fallback', async () => {
    const volumes = fakeVolumes({ [FALLBACK]: file('GeoLite2-Country-Test.mmdb') });
    const { lines, log } = captureLog();
    const geo = await createGeoIp({ ...BASE, mmdbPath: CITY, fallbackPath: FALLBACK }, { volumes, log });
    expect(lines).toEqual([`WARN GeoIP: GEOIP_MMDB_PATH=${CITY} does not exist`, `INFO GeoIP: country database loaded (path=${FALLBACK})`]);
    expect(geo.lookup('81.2.69.142')).toEqual({ country_iso: 'GB', country_name: 'United Kingdom' });
    const st = geo.status();
    expect(st.databases.map((d) => [d.origin, d.state])).toEqual([
      ['GEOIP_MMDB_PATH', 'missing'],
      ['GEOIP_MMDB_FALLBACK_PATH', 'loaded'],
    ]);
  });

  it('2. download on start (connected): from the configured URL only, gz accepted, URL logged without its query', async () => {
    const volumes = fakeVolumes({ [FALLBACK]: file('GeoLite2-Country-Test.mmdb') });
    const { lines, log } = captureLog();
    const download = vi.fn(async (_url: string) => new Uint8Array(gzipSync(file('GeoIP2-City-Test.mmdb'))));
    const url = 'https://mirror.internal/geo/city.mmdb.gz?license_key=SECRET';
    const geo = await createGeoIp({ ...BASE, mmdbPath: CITY, fallbackPath: FALLBACK, downloadOnStart: true, downloadUrl: url }, { volumes, log, download });
    expect(download).toHaveBeenCalledTimes(1);
    expect(download).toHaveBeenCalledWith(url);
    expect(lines).toContain('INFO GeoIP: city database loaded (url=https://mirror.internal/geo/city.mmdb.gz)');
    expect(lines.join('\n')).not.toContain('SECRET');
    expect(volumes.reads).toEqual([CITY]); // fallback not needed
    expect(geo.status().databases.at(-1)).toMatchObject({ origin: 'GEOIP_DOWNLOAD_URL', state: 'loaded', type: 'city' });
  });

  it('air-gap: no download attempted, fallback used', async () => {
    const volumes = fakeVolumes({ [FALLBACK]: file('GeoLite2-Country-Test.mmdb') });
    const { lines, log } = captureLog();
    const download = vi.fn(async () => file('GeoIP2-City-Test.mmdb'));
    const geo = await createGeoIp(
      { ...BASE, airGap: true, downloadOnStart: true, downloadUrl: 'https://mirror.internal/city.mmdb', fallbackPath: FALLBACK },
      { volumes, log, download },
    );
    expect(download).not.toHaveBeenCalled();
    expect(lines).toEqual(['INFO GeoIP: download on start skipped (air-gap mode)', `INFO GeoIP: country database loaded (path=${FALLBACK})`]);
    expect(geo.enabled).toBe(true);
  });

  it('download requested without a URL: error, no download, fallback', async () => {
    const volumes = fakeVolumes({ [FALLBACK]: file('GeoLite2-Country-Test.mmdb') });
    const { lines, log } = captureLog();
    const download = vi.fn(async () => new Uint8Array());
    await createGeoIp({ ...BASE, downloadOnStart: true, fallbackPath: FALLBACK }, { volumes, log, download });
    expect(download).not.toHaveBeenCalled();
    expect(lines[0]).toMatch(/^ERROR GeoIP: GEOIP_DOWNLOAD_ON_START=true but GEOIP_DOWNLOAD_URL is not set/);
  });

  it('a failing download logs one error and falls back', async () => {
    const volumes = fakeVolumes({ [FALLBACK]: file('GeoLite2-Country-Test.mmdb') });
    const { lines, log } = captureLog();
    const download = vi.fn(async () => {
      throw new Error('connect ECONNREFUSED');
    });
    const geo = await createGeoIp({ ...BASE, downloadOnStart: true, downloadUrl: 'https://mirror.internal/x.mmdb', fallbackPath: FALLBACK }, { volumes, log, download });
    expect(lines.filter((l) => l.startsWith('ERROR'))).toEqual(['ERROR GeoIP: https://mirror.internal/x.mmdb (GEOIP_DOWNLOAD_URL) not used: download failed: connect ECONNREFUSED']);
    expect(geo.enabled).toBe(true);
  });

  it('nothing available: enrichment disabled, clear line, lookups give only address classes', async () => {
    const { lines, log } = captureLog();
    const geo = await createGeoIp({ ...BASE, mmdbPath: CITY }, { volumes: fakeVolumes({}), log });
    expect(lines.at(-1)).toBe('WARN GeoIP: no database loaded; GeoIP enrichment disabled (audit records omit geographic fields)');
    expect(geo.enabled).toBe(false);
    expect(geo.lookup('8.8.8.8')).toBeUndefined();
    expect(geo.lookup('10.0.0.1')).toEqual({ address_class: 'private' });
  });

  it('City + ASN + ISP as operators mount them; split files in one setting', async () => {
    const volumes = fakeVolumes({
      '/g/city.mmdb': file('GeoIP2-City-Test.mmdb'),
      '/g/asn.mmdb': file('GeoLite2-ASN-Test.mmdb'),
      '/g/isp.mmdb': file('GeoIP2-ISP-Test.mmdb'),
    });
    const { lines, log } = captureLog();
    const geo = await createGeoIp({ ...BASE, mmdbPath: '/g/city.mmdb', asnPath: '/g/asn.mmdb, /g/isp.mmdb' }, { volumes, log });
    expect(lines).toEqual([
      'INFO GeoIP: city database loaded (path=/g/city.mmdb)',
      'INFO GeoIP: asn database loaded (path=/g/asn.mmdb)',
      'INFO GeoIP: isp database loaded (path=/g/isp.mmdb)',
    ]);
    // 89.160.20.112 is in the City test data; 89.160.20.112/29 in the ASN data (AS29518).
    const got = geo.lookup('89.160.20.112');
    expect(got).toMatchObject({ country_iso: 'SE', asn: 29518 });
    expect(geo.lookup('::ffff:89.160.20.112')).toEqual(got);
    const st = geo.status();
    expect(st.databases.map((d) => [d.role, d.type, d.state])).toEqual([
      ['geo', 'city', 'loaded'],
      ['asn', 'asn', 'loaded'],
      ['asn', 'isp', 'loaded'],
    ]);
  });

  it('anonymous-IP database (GEOIP_ANON_DB_PATH) is optional and reported', async () => {
    const { lines, log } = captureLog();
    const geo = await createGeoIp({ ...BASE, mmdbPath: CITY, anonPath: '/g/anon.mmdb' }, { volumes: fakeVolumes({ [CITY]: file('GeoLite2-City-Test.mmdb') }), log });
    expect(lines).toContain('WARN GeoIP: GEOIP_ANON_DB_PATH=/g/anon.mmdb does not exist');
    expect(geo.enabled).toBe(true);
  });
});

describe('degradation', () => {
  it.each([
    'GeoIP2-City-Test-Broken-Double-Format.mmdb',
    'GeoIP2-City-Test-Invalid-Node-Count.mmdb',
    'MaxMind-DB-test-broken-pointers-24.mmdb',
    'MaxMind-DB-test-broken-search-tree-24.mmdb',
  ])('corrupt %s at GEOIP_MMDB_PATH: one error, fallback serves', async (broken) => {
    const volumes = fakeVolumes({ [CITY]: file(broken), [FALLBACK]: file('GeoLite2-Country-Test.mmdb') });
    const { lines, log } = captureLog();
    const geo = await createGeoIp({ ...BASE, mmdbPath: CITY, fallbackPath: FALLBACK }, { volumes, log });
    const errors = lines.filter((l) => l.startsWith('ERROR'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^ERROR GeoIP: ${CITY} \\(GEOIP_MMDB_PATH\\) not used: corrupt database: `));
    expect(geo.status().databases[0]).toMatchObject({ state: 'failed', error: expect.stringMatching(/^corrupt database/) });
    expect(geo.lookup('81.2.69.142')?.country_iso).toBe('GB');
  });

  it('unreadable volume: one error, never throws', async () => {
    const { lines, log } = captureLog();
    const geo = await createGeoIp({ ...BASE, mmdbPath: CITY }, { volumes: fakeVolumes({}, [CITY]), log });
    expect(lines.filter((l) => l.startsWith('ERROR'))).toEqual([`ERROR GeoIP: ${CITY} (GEOIP_MMDB_PATH) not used: unreadable: EIO reading ${CITY}`]);
    expect(geo.enabled).toBe(false);
    expect(geo.status().databases[0]).toMatchObject({ state: 'failed', error: `unreadable: EIO reading ${CITY}` });
  });

  it('a record damaged after load: that database is disabled on the first failing lookup, one error', async () => {
    const city = file('GeoLite2-City-Test.mmdb');
    const asn = file('GeoLite2-ASN-Test.mmdb');
    const { lines, log } = captureLog();
    const geo = await createGeoIp({ ...BASE, mmdbPath: '/c', asnPath: '/a' }, { volumes: fakeVolumes({ '/c': city, '/a': asn }), log });
    expect(geo.lookup('89.160.20.112')).toMatchObject({ country_iso: 'SE', asn: 29518 });
    // The reader holds a view of these bytes: overwrite the data section with 4-byte pointers far
    // outside the file, as a bad disk sector or a truncated rewrite in place would.
    const start = 1465 * 7 + 16;
    for (let i = start; i < city.length - 3000; i += 5) city.set([0x38, 0xff, 0xff, 0xff, 0xff], i);
    // A record not decoded before the damage (81.2.69.142 was, as the load probe): the lookup
    // fails and the City database is dropped.
    expect(geo.lookup('2.125.160.216')).toBeUndefined();
    // Its earlier answers are gone too (cache cleared); the ASN database keeps serving.
    expect(geo.lookup('89.160.20.113')).toEqual({ asn: 29518, as_org: 'Bredband2 AB' });
    const errors = lines.filter((l) => l.startsWith('ERROR'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^ERROR GeoIP: \/c \(GEOIP_MMDB_PATH\) disabled: lookup failed: /);
    const st = geo.status();
    expect(st.databases[0]).toMatchObject({ state: 'failed', lookup_errors: 1, error: expect.stringMatching(/^lookup failed, database disabled/) });
    expect(st.enabled).toBe(true);
  });

  it('never rejects, whatever the volume does', async () => {
    const { log } = captureLog();
    const volumes = { read: async () => { throw 'not even an Error'; } };
    await expect(createGeoIp({ ...BASE, mmdbPath: '/x', fallbackPath: '/y', asnPath: '/z' }, { volumes, log })).resolves.toBeDefined();
  });
});

describe('lookups, status and cache', () => {
  it('special addresses are classified, not looked up; junk gives undefined', async () => {
    const { log } = captureLog();
    const geo = await createGeoIp({ ...BASE, mmdbPath: CITY }, { volumes: fakeVolumes({ [CITY]: file('GeoLite2-City-Test.mmdb') }), log });
    expect(geo.lookup('127.0.0.1')).toEqual({ address_class: 'loopback' });
    expect(geo.lookup('::1')).toEqual({ address_class: 'loopback' });
    expect(geo.lookup('100.64.1.1')).toEqual({ address_class: 'cgnat' });
    expect(geo.lookup('2001:db8::1')).toEqual({ address_class: 'documentation' });
    expect(geo.lookup('fe80::1%eth0')).toEqual({ address_class: 'link-local' });
    expect(geo.lookup('not an ip')).toBeUndefined();
    expect(geo.lookup('8.8.8.8')).toBeUndefined(); // not in the test data
    expect(geo.lookup('2001:218::1')?.country_iso).toBe('JP');
    expect(geo.status().databases[0]!.lookups).toBe(2);
  });

  it('status fields', async () => {
    const { log } = captureLog();
    const geo = await createGeoIp({ ...BASE, mmdbPath: CITY }, { volumes: fakeVolumes({ [CITY]: file('GeoLite2-City-Test.mmdb') }), log });
    expect(geo.status()).toEqual({
      enabled: true,
      databases: [
        {
          role: 'geo',
          origin: 'GEOIP_MMDB_PATH',
          path: CITY,
          state: 'loaded',
          type: 'city',
          database_type: 'GeoLite2-City',
          layout: 'maxmind',
          build_date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/),
          ip_version: 6,
          node_count: 1465,
          record_count: expect.any(Number),
          size_bytes: file('GeoLite2-City-Test.mmdb').length,
          lookups: 0,
          lookup_errors: 0,
        },
      ],
      cache: { capacity: 10_000, size: 0, hits: 0, misses: 0 },
    });
  });

  it('cache: repeats are hits, results identical, bounded size', async () => {
    const { log } = captureLog();
    const geo = await createGeoIp({ ...BASE, mmdbPath: CITY, cacheSize: 2 }, { volumes: fakeVolumes({ [CITY]: file('GeoLite2-City-Test.mmdb') }), log });
    const a = geo.lookup('81.2.69.142');
    expect(geo.lookup('81.2.69.142')).toBe(a);
    geo.lookup('2.125.160.216');
    geo.lookup('216.160.83.56');
    const st = geo.status();
    expect(st.cache).toEqual({ capacity: 2, size: 2, hits: 1, misses: 3 });
    expect(Object.isFrozen(a)).toBe(true);
    expect(st.databases[0]!.lookups).toBe(3);
  });
});

describe('settings from configuration', () => {
  it('maps the GEOIP_* variables and OUTPOST_AIRGAP', () => {
    const config = parseConfig({
      OUTPOST_AIRGAP: 'true',
      GEOIP_MMDB_PATH: ' /a.mmdb ',
      GEOIP_DOWNLOAD_ON_START: 'true',
      GEOIP_DOWNLOAD_URL: 'https://m/x.mmdb',
      GEOIP_MMDB_FALLBACK_PATH: '/b.mmdb',
      GEOIP_ASN_DB_PATH: '/asn.mmdb',
      GEOIP_ANON_DB_PATH: '',
      OUTPOST_TRUSTED_PROXIES: '10.0.0.0/8, ::1',
    });
    expect(geoIpSettings(config)).toEqual({
      mmdbPath: '/a.mmdb',
      downloadOnStart: true,
      downloadUrl: 'https://m/x.mmdb',
      fallbackPath: '/b.mmdb',
      asnPath: '/asn.mmdb',
      anonPath: undefined,
      airGap: true,
    });
    expect(trustedProxies(config).toString()).toBe('10.0.0.0/8,::1/128');
    expect(geoIpSettings(parseConfig({}))).toMatchObject({ downloadOnStart: false, airGap: false, mmdbPath: undefined });
  });
});
