/**
 * GeoIP enrichment: where a request came from (country, subdivision, city, coordinates, ASN,
 * ISP, anonymous-network flags), from MMDB files the operator mounts.
 *
 * Resolution of the main (city/country) database, PRODUCT.md "GeoIP":
 *   1. GEOIP_MMDB_PATH, if set and the file exists (and is a sound database);
 *   2. download on start from GEOIP_DOWNLOAD_URL, only when GEOIP_DOWNLOAD_ON_START=true and
 *      not in air-gap mode (then no download is even attempted);
 *   3. GEOIP_MMDB_FALLBACK_PATH.
 * GEOIP_ASN_DB_PATH and GEOIP_ANON_DB_PATH add ASN/ISP and anonymous-IP fields. Each path may
 * list several files separated by commas (ip-location-db ships IPv4 and IPv6 halves).
 *
 * Nothing here throws to the caller: a missing, unreadable or corrupt database logs one line
 * and disables only what it served; lookups then return fewer fields (or undefined).
 *
 * @example
 * const geoip = await createGeoIp(geoIpSettings(config), { volumes: runtime.volumes, log });
 * // INFO GeoIP: city database loaded (path=/opt/outpost/geoip/GeoLite2-City.mmdb)
 * const ip = resolveClientIp(request.headers, facts.peerAddress, trustedProxies(config));
 * const geo = ip ? geoip.lookup(ip) : undefined; // { country_iso: 'GB', city: 'London', ... }
 */
import type { AuditGeo } from '../audit/event.js';
import type { GatewayConfig } from '../config/index.js';
import type { Logger } from '../log/index.js';
import type { Volumes } from '../runtime/index.js';
import { addressClass } from './address-class.js';
import { parseIp } from './address.js';
import { RecentCache } from './cache.js';
import { parseCidrList, type CidrList } from './cidr.js';
import { openDatabase, type OpenedDatabase } from './load.js';
import type { DatabaseKind } from './normalise.js';
import { unpackMmdb } from './unpack.js';

export { parseIp, type IpAddress } from './address.js';
export { addressClass, type AddressClass } from './address-class.js';
export { CidrError, CidrList, parseCidr, parseCidrList, type Cidr } from './cidr.js';
export { resolveClientIp, parseHop, type ClientIpOptions, type ForwardingHeader } from './client-ip.js';
export { checkGeoPolicy, type GeoPolicyDecision, type GeoPolicyRule } from './policy.js';
export type { DatabaseKind, RecordLayout } from './normalise.js';

export interface GeoIpSettings {
  /** GEOIP_MMDB_PATH (comma-separated for split IPv4/IPv6 files). */
  readonly mmdbPath?: string;
  /** GEOIP_DOWNLOAD_ON_START. */
  readonly downloadOnStart: boolean;
  /** GEOIP_DOWNLOAD_URL: the only place a download comes from; there is no built-in URL. */
  readonly downloadUrl?: string;
  /** GEOIP_MMDB_FALLBACK_PATH. */
  readonly fallbackPath?: string;
  /** GEOIP_ASN_DB_PATH: ASN or ISP database. */
  readonly asnPath?: string;
  /** GEOIP_ANON_DB_PATH: anonymous-IP database. */
  readonly anonPath?: string;
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

/** Settings from the parsed configuration (the GEOIP_* variables and OUTPOST_AIRGAP). */
export function geoIpSettings(config: Pick<GatewayConfig, 'airGap' | 'env'>): GeoIpSettings {
  const env = config.env;
  const v = (name: string): string | undefined => env[name]?.trim() || undefined;
  return {
    mmdbPath: v('GEOIP_MMDB_PATH'),
    downloadOnStart: ['true', '1', 'yes'].includes((env.GEOIP_DOWNLOAD_ON_START ?? '').trim().toLowerCase()),
    downloadUrl: v('GEOIP_DOWNLOAD_URL'),
    fallbackPath: v('GEOIP_MMDB_FALLBACK_PATH'),
    asnPath: v('GEOIP_ASN_DB_PATH'),
    anonPath: v('GEOIP_ANON_DB_PATH'),
    airGap: config.airGap,
  };
}

/** OUTPOST_TRUSTED_PROXIES as a CIDR list; throws CidrError naming every bad entry. */
export function trustedProxies(config: Pick<GatewayConfig, 'env'>): CidrList {
  return parseCidrList(config.env.OUTPOST_TRUSTED_PROXIES ?? '');
}

/** A URL fit for logs: no credentials, no query (licence keys travel there). */
function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

const splitPaths = (p: string | undefined): string[] => (p ?? '').split(',').map((s) => s.trim()).filter(Boolean);

interface Slot {
  readonly db: OpenedDatabase;
  status: { -readonly [K in keyof GeoIpDatabaseStatus]: GeoIpDatabaseStatus[K] };
  active: boolean;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Loads the databases in the resolution order and returns the lookup service. Never rejects.
 */
export async function createGeoIp(settings: GeoIpSettings, deps: GeoIpDeps): Promise<GeoIpService> {
  const { log, volumes } = deps;
  const statuses: GeoIpDatabaseStatus[] = [];
  const slots: Slot[] = [];

  const baseStatus = (role: DatabaseRole, origin: string, path: string) => ({ role, origin, path, lookups: 0, lookup_errors: 0 });

  const accept = (role: DatabaseRole, origin: string, path: string, bytes: Uint8Array, label: 'path' | 'url'): boolean => {
    try {
      const db = openDatabase(bytes, path);
      const status: Slot['status'] = {
        ...baseStatus(role, origin, path),
        state: 'loaded',
        type: db.schema.kind,
        database_type: db.databaseType,
        layout: db.schema.layout,
        build_date: db.buildDate,
        ip_version: db.ipVersion,
        node_count: db.nodeCount,
        record_count: db.recordCount,
        size_bytes: db.sizeBytes,
      };
      slots.push({ db, status, active: true });
      statuses.push(status);
      const type = db.schema.kind === 'unknown' ? `"${db.databaseType}"` : db.schema.kind;
      log.info(`GeoIP: ${type} database loaded (${label}=${path})`);
      return true;
    } catch (err) {
      const error = (err as Error).message;
      statuses.push({ ...baseStatus(role, origin, path), state: 'failed', error });
      log.error(`GeoIP: ${path} (${origin}) not used: ${error}`);
      return false;
    }
  };

  /** Loads every file of a path setting; true when at least one loaded. */
  const fromVolumes = async (role: DatabaseRole, origin: string, paths: string[]): Promise<boolean> => {
    let any = false;
    for (const path of paths) {
      let bytes: Uint8Array | null;
      try {
        bytes = await volumes.read(path);
      } catch (err) {
        const error = `unreadable: ${(err as Error).message}`;
        statuses.push({ ...baseStatus(role, origin, path), state: 'failed', error });
        log.error(`GeoIP: ${path} (${origin}) not used: ${error}`);
        continue;
      }
      if (bytes === null) {
        statuses.push({ ...baseStatus(role, origin, path), state: 'missing', error: 'file not found' });
        log.warn(`GeoIP: ${origin}=${path} does not exist`);
        continue;
      }
      if (accept(role, origin, path, bytes, 'path')) any = true;
    }
    return any;
  };

  const fromDownload = async (): Promise<boolean> => {
    if (!settings.downloadOnStart) return false;
    if (settings.airGap) {
      log.info('GeoIP: download on start skipped (air-gap mode)');
      return false;
    }
    const url = settings.downloadUrl;
    if (!url) {
      log.error('GeoIP: GEOIP_DOWNLOAD_ON_START=true but GEOIP_DOWNLOAD_URL is not set; no download');
      return false;
    }
    const shown = redactUrl(url);
    if (!deps.download) {
      log.error('GeoIP: GEOIP_DOWNLOAD_ON_START=true but this runtime offers no download; skipped');
      return false;
    }
    try {
      const bytes = await unpackMmdb(await deps.download(url));
      return accept('geo', 'GEOIP_DOWNLOAD_URL', shown, bytes, 'url');
    } catch (err) {
      const error = `download failed: ${(err as Error).message}`;
      statuses.push({ ...baseStatus('geo', 'GEOIP_DOWNLOAD_URL', shown), state: 'failed', error });
      log.error(`GeoIP: ${shown} (GEOIP_DOWNLOAD_URL) not used: ${error}`);
      return false;
    }
  };

  try {
    const primary = splitPaths(settings.mmdbPath);
    const fallback = splitPaths(settings.fallbackPath);
    const geo =
      (primary.length > 0 && (await fromVolumes('geo', 'GEOIP_MMDB_PATH', primary))) ||
      (await fromDownload()) ||
      (fallback.length > 0 && (await fromVolumes('geo', 'GEOIP_MMDB_FALLBACK_PATH', fallback)));
    const asn = splitPaths(settings.asnPath);
    if (asn.length) await fromVolumes('asn', 'GEOIP_ASN_DB_PATH', asn);
    const anon = splitPaths(settings.anonPath);
    if (anon.length) await fromVolumes('anon', 'GEOIP_ANON_DB_PATH', anon);
    if (!geo) {
      log.warn(
        slots.length
          ? 'GeoIP: no city/country database (GEOIP_MMDB_PATH, download, GEOIP_MMDB_FALLBACK_PATH); country and city enrichment disabled'
          : 'GeoIP: no database loaded; GeoIP enrichment disabled (audit records omit geographic fields)',
      );
    }
  } catch (err) {
    // Defensive: the steps above catch their own failures; nothing may abort startup.
    log.error(`GeoIP: enrichment disabled: ${(err as Error).message}`);
  }
  return new Service(slots, statuses, log, settings.cacheSize ?? 10_000);
}

// Merge order: the main database first, then ASN/ISP, then anonymous-IP, each overriding the
// fields it specialises in (a dedicated ASN database is more precise than City traits).
const ROLE_ORDER: Record<DatabaseRole, number> = { geo: 0, asn: 1, anon: 2 };

class Service implements GeoIpService {
  private readonly cache: RecentCache<string, AuditGeo | null>;
  private active: Slot[];

  constructor(
    slots: Slot[],
    private readonly statuses: GeoIpDatabaseStatus[],
    private readonly log: Logger,
    cacheSize: number,
  ) {
    this.cache = new RecentCache(cacheSize);
    this.active = [...slots].sort((a, b) => ROLE_ORDER[a.status.role] - ROLE_ORDER[b.status.role]);
  }

  get enabled(): boolean {
    return this.active.length > 0;
  }

  lookup(text: string): AuditGeo | undefined {
    const cached = this.cache.get(text);
    if (cached !== undefined) return cached ?? undefined;
    const ip = parseIp(text);
    if (!ip) return undefined;
    const cls = addressClass(ip);
    let result: AuditGeo | null;
    if (cls) result = Object.freeze({ address_class: cls });
    else {
      let single: AuditGeo | undefined;
      let merged: Mutable<AuditGeo> | undefined;
      let filled = 0; // bit per role (no per-lookup allocation)
      for (const slot of this.active) {
        const role = slot.status.role;
        // One answer per role: with split IPv4/IPv6 files the first one holding a record wins.
        const bit = 1 << ROLE_ORDER[role];
        if (filled & bit) continue;
        if (ip.version === 6 && slot.db.ipVersion === 4) continue;
        slot.status.lookups++;
        let fields: AuditGeo | undefined;
        try {
          fields = slot.db.lookup(ip.text);
        } catch (err) {
          this.fail(slot, err as Error);
          continue;
        }
        if (!fields) continue;
        filled |= bit;
        // The common single-database case returns the (frozen, shared) record as is.
        if (!single) single = fields;
        else merged = { ...(merged ?? single), ...fields };
      }
      result = merged ? Object.freeze(merged) : (single ?? null);
    }
    this.cache.set(text, result);
    return result ?? undefined;
  }

  /** A damaged record found at lookup time: the database is no longer trusted for anything. */
  private fail(slot: Slot, err: Error): void {
    slot.status.lookup_errors++;
    if (!slot.active) return;
    slot.active = false;
    slot.status.state = 'failed';
    slot.status.error = `lookup failed, database disabled: ${err.message}`;
    this.active = this.active.filter((s) => s !== slot);
    // Earlier answers may have come from the damaged parts.
    this.cache.clear();
    this.log.error(`GeoIP: ${slot.db.source} (${slot.status.origin}) disabled: lookup failed: ${err.message}`);
  }

  status(): GeoIpStatus {
    return {
      enabled: this.enabled,
      databases: this.statuses.map((s) => ({ ...s })),
      cache: { capacity: this.cache.capacity, size: this.cache.size, hits: this.cache.hits, misses: this.cache.misses },
    };
  }
}
