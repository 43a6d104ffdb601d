/**
 * Opens one MMDB file: mmdb-lib reader, structural check (verify.ts), schema detection. A file
 * that passes is safe to query; one that does not is refused here, at startup, with a reason
 * an operator can act on, instead of failing on some request later.
 *
 * @example
 * const db = openDatabase(bytes, '/opt/outpost/geoip/GeoLite2-City.mmdb');
 * db.schema.kind; // 'city'
 * db.lookup('81.2.69.142'); // { country_iso: 'GB', city: 'London', ... }
 */
import { Buffer } from 'node:buffer';
import { Reader, type Response } from 'mmdb-lib';
import type { AuditGeo } from '../core/index.js';
import { detectSchema, normalise, type Schema } from './normalise.js';
import { MmdbFormatError, verifyMmdb } from './verify.js';
import { RecentCache } from './cache.js';

export class GeoIpLoadError extends Error {
  override name = 'GeoIpLoadError';
}

export interface OpenedDatabase {
  readonly source: string;
  readonly schema: Schema;
  readonly databaseType: string;
  readonly buildDate: string;
  readonly ipVersion: 4 | 6;
  readonly nodeCount: number;
  readonly recordCount: number;
  readonly recordsChecked: number;
  readonly sizeBytes: number;
  /** Normalised, frozen fields for `ip` (canonical text); undefined when the database has no usable record; throws on a damaged record. */
  lookup(ip: string): AuditGeo | undefined;
}

// Addresses that hold a record in most databases (real ones and MaxMind's test files), used to
// see one record and settle the layout when the metadata type does not.
/** Decoded records kept per database (about 1-2 KB each for City records). */
const RECORD_CACHE = 20_000;

const PROBES_V4 = ['81.2.69.142', '8.8.8.8', '1.1.1.1', '2.125.160.216', '216.160.83.56', '1.0.0.1', '1.128.0.1', '12.81.92.1'];
const PROBES_V6 = ['2001:4860:4860::8888', '2a00:1450:4001::1', '2001:218::1', '2001:480::1'];

/** Opens and checks a database; throws GeoIpLoadError with the reason. */
export function openDatabase(bytes: Uint8Array, source: string): OpenedDatabase {
  if (bytes.byteLength === 0) throw new GeoIpLoadError('the file is empty');
  // No copy: mmdb-lib wants a Buffer, and a view over the volume's bytes is one.
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Decoded records by data offset: many networks share a record, and decoding dominates a
  // lookup. Each decoded record is normalised once (WeakMap: it lives as long as the record).
  const records = new RecentCache<number, Response>(RECORD_CACHE);
  const normalised = new WeakMap<object, AuditGeo | null>();
  let reader: Reader<Response>;
  try {
    reader = new Reader<Response>(buf, { cache: records });
  } catch (err) {
    throw new GeoIpLoadError(`not a MaxMind DB file: ${(err as Error).message}`);
  }
  const m = reader.metadata;
  if (m.binaryFormatMajorVersion !== 2) throw new GeoIpLoadError(`unsupported MMDB format version ${m.binaryFormatMajorVersion}`);
  let report;
  try {
    report = verifyMmdb(buf, m);
  } catch (err) {
    if (err instanceof MmdbFormatError) throw new GeoIpLoadError(`corrupt database: ${err.message}`);
    throw new GeoIpLoadError(`corrupt database: ${(err as Error).message}`);
  }
  const ipVersion = m.ipVersion === 6 ? 6 : 4;
  let probe: unknown = null;
  try {
    for (const ip of ipVersion === 6 ? [...PROBES_V4, ...PROBES_V6] : PROBES_V4) {
      probe = reader.get(ip);
      if (probe) break;
    }
  } catch (err) {
    throw new GeoIpLoadError(`corrupt database: probe lookup failed: ${(err as Error).message}`);
  }
  const databaseType = typeof m.databaseType === 'string' ? m.databaseType : '';
  const schema = detectSchema(databaseType, probe);
  const built = m.buildEpoch instanceof Date && !Number.isNaN(m.buildEpoch.getTime()) ? m.buildEpoch.toISOString() : '';
  return {
    source,
    schema,
    databaseType,
    buildDate: built,
    ipVersion,
    nodeCount: m.nodeCount,
    recordCount: report.recordCount,
    recordsChecked: report.recordsChecked,
    sizeBytes: bytes.byteLength,
    lookup: (ip) => {
      const rec = reader.get(ip);
      if (rec === null || typeof rec !== 'object') return undefined;
      let fields = normalised.get(rec);
      if (fields === undefined) {
        const n = normalise(schema.layout, rec);
        fields = Object.keys(n).length ? Object.freeze(n) : null;
        normalised.set(rec, fields);
      }
      return fields ?? undefined;
    },
  };
}
