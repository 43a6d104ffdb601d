/**
 * Loads the databases in PRODUCT.md's resolution order (see index.ts), one named step each:
 * files from a path setting, the download on start, and the bookkeeping of what loaded, what is
 * missing and what failed. Never throws: every failure becomes a status and one log line.
 */
import type { Logger } from '../log/index.js';
import { openDatabase } from './load.js';
import type { Slot } from './service.js';
import type { DatabaseRole, GeoIpDatabaseStatus, GeoIpDeps, GeoIpSettings } from './types.js';
import { unpackMmdb } from './unpack.js';

const splitPaths = (p: string | undefined): string[] => (p ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/** A URL fit for logs: no credentials, no query (licence keys travel there). */
function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

/**
 * @example
 * const loader = new DatabaseLoader(settings, deps);
 * await loader.loadInOrder();
 * new Service(loader.slots, loader.statuses, log, 10_000);
 */
export class DatabaseLoader {
  readonly statuses: GeoIpDatabaseStatus[] = [];
  readonly slots: Slot[] = [];
  private readonly log: Logger;

  constructor(
    private readonly settings: GeoIpSettings,
    private readonly deps: GeoIpDeps,
  ) {
    this.log = deps.log;
  }

  /** The main database by the resolution order, then the ASN/ISP and anonymous-IP ones. */
  async loadInOrder(): Promise<void> {
    const { settings } = this;
    const primary = splitPaths(settings.mmdbPath);
    const fallback = splitPaths(settings.fallbackPath);
    const geo =
      (primary.length > 0 && (await this.fromVolumes('geo', 'GEOIP_MMDB_PATH', primary))) ||
      (await this.fromDownload()) ||
      (fallback.length > 0 && (await this.fromVolumes('geo', 'GEOIP_MMDB_FALLBACK_PATH', fallback)));
    const asn = splitPaths(settings.asnPath);
    if (asn.length) await this.fromVolumes('asn', 'GEOIP_ASN_DB_PATH', asn);
    const anon = splitPaths(settings.anonPath);
    if (anon.length) await this.fromVolumes('anon', 'GEOIP_ANON_DB_PATH', anon);
    if (!geo) {
      this.log.warn(
        this.slots.length
          ? 'GeoIP: no city/country database (GEOIP_MMDB_PATH, download, GEOIP_MMDB_FALLBACK_PATH); country and city enrichment disabled'
          : 'GeoIP: no database loaded; GeoIP enrichment disabled (audit records omit geographic fields)',
      );
    }
  }

  /** Loads every file of a path setting; true when at least one loaded. */
  private async fromVolumes(role: DatabaseRole, origin: string, paths: string[]): Promise<boolean> {
    let any = false;
    for (const path of paths) {
      let bytes: Uint8Array | null;
      try {
        bytes = await this.deps.volumes.read(path);
      } catch (err) {
        this.failed(role, origin, path, `unreadable: ${(err as Error).message}`);
        continue;
      }
      if (bytes === null) {
        this.statuses.push({ ...baseStatus(role, origin, path), state: 'missing', error: 'file not found' });
        this.log.warn(`GeoIP: ${origin}=${path} does not exist`);
        continue;
      }
      if (this.accept(role, origin, path, bytes, 'path')) any = true;
    }
    return any;
  }

  /** Step 2 of the order: only when asked for, never in air-gap mode, only from the operator's URL. */
  private async fromDownload(): Promise<boolean> {
    const { settings, log } = this;
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
    if (!this.deps.download) {
      log.error('GeoIP: GEOIP_DOWNLOAD_ON_START=true but this runtime offers no download; skipped');
      return false;
    }
    try {
      const bytes = await unpackMmdb(await this.deps.download(url));
      return this.accept('geo', 'GEOIP_DOWNLOAD_URL', shown, bytes, 'url');
    } catch (err) {
      this.failed('geo', 'GEOIP_DOWNLOAD_URL', shown, `download failed: ${(err as Error).message}`);
      return false;
    }
  }

  /** Opens and verifies one database; a sound one joins the slots. */
  private accept(role: DatabaseRole, origin: string, path: string, bytes: Uint8Array, label: 'path' | 'url'): boolean {
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
      this.slots.push({ db, status, active: true });
      this.statuses.push(status);
      const type = db.schema.kind === 'unknown' ? `"${db.databaseType}"` : db.schema.kind;
      this.log.info(`GeoIP: ${type} database loaded (${label}=${path})`);
      return true;
    } catch (err) {
      this.failed(role, origin, path, (err as Error).message);
      return false;
    }
  }

  private failed(role: DatabaseRole, origin: string, path: string, error: string): void {
    this.statuses.push({ ...baseStatus(role, origin, path), state: 'failed', error });
    this.log.error(`GeoIP: ${path} (${origin}) not used: ${error}`);
  }
}

const baseStatus = (role: DatabaseRole, origin: string, path: string) => ({ role, origin, path, lookups: 0, lookup_errors: 0 });
