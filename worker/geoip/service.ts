/**
 * The lookup service over the loaded databases: one answer per role merged in role order, a
 * cache of recent answers, and a database disabled at the first damaged record it returns.
 */
import type { AuditGeo } from '../core/index.js';
import type { Logger } from '../log/index.js';
import { addressClass } from './address-class.js';
import { parseIp } from './address.js';
import { RecentCache } from './cache.js';
import type { OpenedDatabase } from './load.js';
import type { DatabaseRole, GeoIpDatabaseStatus, GeoIpService, GeoIpStatus } from './types.js';

/** A loaded database and its (live) status. */
export interface Slot {
  readonly db: OpenedDatabase;
  status: { -readonly [K in keyof GeoIpDatabaseStatus]: GeoIpDatabaseStatus[K] };
  active: boolean;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

// Merge order: the main database first, then ASN/ISP, then anonymous-IP, each overriding the
// fields it specialises in (a dedicated ASN database is more precise than City traits).
const ROLE_ORDER: Record<DatabaseRole, number> = { geo: 0, asn: 1, anon: 2 };

export class Service implements GeoIpService {
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
