/**
 * The GeoIP module's shapes: settings, dependencies, and the status the admin API shows.
 */
import type { GeoIpVariables } from '../config/index.js';
import type { AuditGeo } from '../core/index.js';
import type { Logger } from '../log/index.js';
import type { Volumes } from '../runtime/index.js';
import type { DatabaseKind } from './normalise.js';

/** The GEOIP_* variables (config/settings.ts), the air-gap switch and the cache size. */
export interface GeoIpSettings extends Omit<GeoIpVariables, 'trustedProxies'> {
  /** OUTPOST_AIRGAP: no download, ever. */
  readonly airGap: boolean;
  /** Finished lookups kept (most recent); 0 disables the cache. Default 10,000. */
  readonly cacheSize?: number;
}

export interface GeoIpDeps {
  readonly volumes: Pick<Volumes, 'read'>;
  readonly log: Logger;
  /** Fetches the database bytes (plain, .gz or .tar.gz); only called for step 2. */
  readonly download?: (url: string) => Promise<Uint8Array>;
}

export type DatabaseRole = 'geo' | 'asn' | 'anon';
export type DatabaseState = 'loaded' | 'missing' | 'failed';

export interface GeoIpDatabaseStatus {
  readonly role: DatabaseRole;
  /** The setting it came from: GEOIP_MMDB_PATH, GEOIP_DOWNLOAD_URL, GEOIP_MMDB_FALLBACK_PATH, ... */
  readonly origin: string;
  /** File path, or the download URL without query string or credentials. */
  readonly path: string;
  readonly state: DatabaseState;
  /** Detected kind (city, country, asn, isp, anonymous-ip, unknown). */
  readonly type?: DatabaseKind;
  /** metadata.database_type as written by the producer. */
  readonly database_type?: string;
  readonly layout?: string;
  /** metadata.build_epoch, ISO-8601. */
  readonly build_date?: string;
  readonly ip_version?: number;
  readonly node_count?: number;
  /** Distinct data records referenced by the search tree. */
  readonly record_count?: number;
  readonly size_bytes?: number;
  readonly lookups: number;
  readonly lookup_errors: number;
  readonly error?: string;
}

export interface GeoIpStatus {
  /** True while at least one database is loaded. */
  readonly enabled: boolean;
  readonly databases: readonly GeoIpDatabaseStatus[];
  readonly cache: { readonly capacity: number; readonly size: number; readonly hits: number; readonly misses: number };
}

export interface GeoIpService {
  /** True while at least one database is loaded. */
  readonly enabled: boolean;
  /**
   * Geo fields for an address (as resolveClientIp returns it, or any IPv4/IPv6 text). Special
   * addresses give only `address_class`; undefined when nothing is known or the text is not an
   * address. Never throws.
   */
  lookup(ip: string): AuditGeo | undefined;
  status(): GeoIpStatus;
}
