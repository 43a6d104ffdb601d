/**
 * Database records -> the one audit shape (AuditGeo), whatever schema the operator mounted:
 *
 * - MaxMind nested layout: GeoIP2/GeoLite2 City and Country (`country.iso_code`,
 *   `city.names.en`, `subdivisions[0]`, `location`, `traits`), ASN
 *   (`autonomous_system_number`, `autonomous_system_organization`), ISP (+ `isp`,
 *   `organization`), Anonymous-IP (`is_anonymous`, `is_anonymous_vpn`, ...). DB-IP Lite
 *   databases use this layout too.
 * - The flattened layout of the ip-location-db packages: `country_code`, `state1`, `state2`,
 *   `city`, `latitude`, `longitude`, `postcode`, `timezone` (ASN files keep MaxMind's names).
 *
 * The schema is detected once per database (metadata.databaseType, then the shape of a probe
 * record), and records are read defensively: a field of the wrong type is dropped, never
 * passed on.
 *
 * @example
 * const schema = detectSchema('GeoLite2-City', probeRecord); // { kind: 'city', layout: 'maxmind' }
 * normalise(schema.layout, { country: { iso_code: 'GB', names: { en: 'United Kingdom' } } });
 * // { country_iso: 'GB', country_name: 'United Kingdom' }
 */
import type { AuditGeo } from '../core/index.js';

export type DatabaseKind = 'city' | 'country' | 'asn' | 'isp' | 'anonymous-ip' | 'unknown';
export type RecordLayout = 'maxmind' | 'flat';

export interface Schema {
  readonly kind: DatabaseKind;
  readonly layout: RecordLayout;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Rec = Record<string, unknown>;

const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** The English name, else any name: a record without `en` still says something. */
function name(v: unknown): string | undefined {
  if (!isRec(v) || !isRec(v.names)) return undefined;
  const names = v.names;
  const en = str(names.en);
  if (en) return en;
  for (const n of Object.values(names)) if (str(n)) return n as string;
  return undefined;
}

/** The record's kind from its metadata type; ip-location-db types read like "city ipv4". */
function kindFromType(databaseType: string): DatabaseKind {
  const t = databaseType.toLowerCase();
  if (t.includes('anonymous')) return 'anonymous-ip';
  if (/\bisp\b/.test(t)) return 'isp';
  if (/\basn\b/.test(t)) return 'asn';
  if (t.includes('city') || t.includes('enterprise')) return 'city';
  if (t.includes('country')) return 'country';
  return 'unknown';
}

function kindFromRecord(rec: Rec): DatabaseKind {
  if ('is_anonymous' in rec || 'is_anonymous_vpn' in rec || 'is_tor_exit_node' in rec) return 'anonymous-ip';
  if ('isp' in rec) return 'isp';
  if ('autonomous_system_number' in rec) return 'asn';
  if ('city' in rec || 'location' in rec || 'latitude' in rec) return 'city';
  if ('country' in rec || 'country_code' in rec || 'registered_country' in rec) return 'country';
  return 'unknown';
}

/**
 * Detects kind and layout. `probe` is any record of the database (null when the probe address
 * had none): it settles the layout, and the kind when the metadata type is not a known name.
 */
export function detectSchema(databaseType: string, probe: unknown): Schema {
  const rec = isRec(probe) ? probe : undefined;
  let kind = kindFromType(databaseType);
  if (kind === 'unknown' && rec) kind = kindFromRecord(rec);
  const layout: RecordLayout = rec && ('country_code' in rec || 'state1' in rec) ? 'flat' : 'maxmind';
  return { kind, layout };
}

// Intl.DisplayNames gives country names for layouts that only carry the code; looked up once
// per code. Runtimes built without ICU data simply get no name.
let regionNames: Intl.DisplayNames | null | undefined;
const countryNames = new Map<string, string | undefined>();
function countryName(iso: string): string | undefined {
  if (countryNames.has(iso)) return countryNames.get(iso);
  if (regionNames === undefined) {
    try {
      regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
    } catch {
      regionNames = null;
    }
  }
  let n: string | undefined;
  try {
    const v = regionNames?.of(iso);
    n = v && v !== iso ? v : undefined;
  } catch {
    n = undefined;
  }
  countryNames.set(iso, n);
  return n;
}

const ANON_FLAGS: ReadonlyArray<readonly [string, string]> = [
  ['is_anonymous', 'anonymous'],
  ['is_anonymous_vpn', 'vpn'],
  ['is_hosting_provider', 'hosting_provider'],
  ['is_public_proxy', 'public_proxy'],
  ['is_residential_proxy', 'residential_proxy'],
  ['is_tor_exit_node', 'tor_exit_node'],
  // Legacy City/Country traits.
  ['is_anonymous_proxy', 'anonymous_proxy'],
  ['is_satellite_provider', 'satellite_provider'],
];

/** ASN, ISP and anonymous fields: top level in ASN/ISP/Anonymous-IP, under `traits` in City. */
function network(out: Mutable<AuditGeo>, src: Rec): void {
  const asn = num(src.autonomous_system_number);
  if (asn !== undefined) out.asn = asn;
  const org = str(src.autonomous_system_organization);
  if (org) out.as_org = org;
  const isp = str(src.isp);
  if (isp) out.isp = isp;
  let anon: Record<string, boolean> | undefined;
  for (const [field, key] of ANON_FLAGS) {
    if (typeof src[field] === 'boolean') (anon ??= {})[key] = src[field] as boolean;
  }
  if (anon) out.anonymous = anon;
}

function maxmind(rec: Rec): Mutable<AuditGeo> {
  const out: Mutable<AuditGeo> = {};
  if (isRec(rec.country)) {
    const iso = str(rec.country.iso_code);
    if (iso) out.country_iso = iso;
    const n = name(rec.country);
    if (n) out.country_name = n;
  }
  if (Array.isArray(rec.subdivisions) && isRec(rec.subdivisions[0])) {
    const s = name(rec.subdivisions[0]) ?? str(rec.subdivisions[0].iso_code);
    if (s) out.subdivision = s;
  }
  const city = name(rec.city);
  if (city) out.city = city;
  if (isRec(rec.location)) {
    const lat = num(rec.location.latitude);
    const lon = num(rec.location.longitude);
    // A coordinate out of range means a damaged record; drop the pair rather than mislead.
    if (lat !== undefined && lon !== undefined && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
      out.latitude = lat;
      out.longitude = lon;
      const radius = num(rec.location.accuracy_radius);
      if (radius !== undefined) out.accuracy_radius_km = radius;
    }
  }
  network(out, rec);
  if (isRec(rec.traits)) network(out, rec.traits);
  return out;
}

function flat(rec: Rec): Mutable<AuditGeo> {
  const out: Mutable<AuditGeo> = {};
  const iso = str(rec.country_code);
  if (iso) {
    out.country_iso = iso;
    const n = countryName(iso);
    if (n) out.country_name = n;
  }
  const sub = str(rec.state1);
  if (sub) out.subdivision = sub;
  const city = str(rec.city);
  if (city) out.city = city;
  const lat = num(rec.latitude);
  const lon = num(rec.longitude);
  if (lat !== undefined && lon !== undefined && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
    out.latitude = lat;
    out.longitude = lon;
  }
  network(out, rec);
  return out;
}

/** Normalises one record; an unusable record gives an empty object. */
export function normalise(layout: RecordLayout, record: unknown): Mutable<AuditGeo> {
  if (!isRec(record)) return {};
  return layout === 'flat' ? flat(record) : maxmind(record);
}
