/**
 * The audit queue on workerd: one SQLite-backed Durable Object (idFromName('audit')) whose
 * storage is a local-disk folder next to AUDIT_QUEUE_DB_PATH (see cli/workerd-config.ts and
 * docs/audit.md). workerd's own SQLite, in WAL mode, so /usr/bin/sqlite3 reads it live.
 *
 * Durability: a Durable Object's output gate holds every RPC answer until the writes made before
 * it are on disk (workerd fsyncs once per commit), so append() resolving at the caller means
 * "committed". Group commit: the first append writes at once; appends that arrive while that
 * commit is being synced wait and then share the next transaction (and its single fsync).
 */
import type { AuditEvent } from './event.js';
import { eventText, isEventText, type EventText } from './event-text.js';
import { QueueCore, type Appended, type QueueRow, type SqlPort } from './store.js';
import { linkFlusher, NO_FLUSHER, type FlusherLink } from './flusher-link.js';
import type { DoStatus } from './durable-object-status.js';
import { parseConfig } from '../config/index.js';
import { subtleDigest } from '../crypto/subtle-digest.js';
import { DurableObjectBase } from '../runtime/durable-object-base.js';

export type { DoStatus } from './durable-object-status.js';

interface SqlCursor {
  toArray(): Record<string, unknown>[];
}
interface DoStorage {
  sql: { exec(sql: string, ...params: unknown[]): SqlCursor };
  transactionSync<T>(fn: () => T): T;
  sync(): Promise<void>;
  setAlarm(when: number): Promise<void> | void;
}
interface DoState {
  readonly id: { toString(): string };
  readonly storage: DoStorage;
  blockConcurrencyWhile<T>(fn: () => Promise<T>): Promise<T>;
}

function sqlPort(storage: DoStorage): SqlPort {
  return {
    exec(sql, ...params) {
      storage.sql.exec(sql, ...params).toArray();
    },
    all: <T>(sql: string, ...params: unknown[]) => storage.sql.exec(sql, ...params).toArray() as T[],
    transaction: (fn) => storage.transactionSync(fn),
  };
}

/** One RPC's events, waiting for the next group commit (one entry per RPC, not per event). */
interface Pending {
  readonly texts: readonly EventText[];
  resolve(a: Appended[]): void;
  reject(e: unknown): void;
}

/**
 * The Durable Object class; the generated workerd config names it (className "AuditQueueObject").
 * @example
 * const stub = env.AUDIT_QUEUE.get(env.AUDIT_QUEUE.idFromName('audit'));
 * await stub.appendTexts([eventText(event)]);
 */
export class AuditQueueObject extends DurableObjectBase {
  private readonly state: DoState;
  private readonly core: QueueCore;
  private readonly flusher: FlusherLink | null;
  /** The chain's digest: WebCrypto, native in workerd (cheaper than the JS one; awaited per event). */
  private readonly digest: (text: string) => Promise<string>;
  private pending: Pending[] = [];
  private committing = false;
  private commits = 0;
  private appended = 0;

  constructor(state: DoState, env: Record<string, unknown>) {
    super(state, env);
    this.state = state;
    const config = parseConfig(env);
    const core = new QueueCore(sqlPort(state.storage), { hmacKey: config.audit.hmacKey });
    this.core = core;
    this.digest = subtleDigest(config.audit.hmacKey || undefined);
    this.flusher = linkFlusher(
      { peek: (limit) => core.peek(limit), remove: (ids) => core.remove(ids, 'delivered'), markFailed: (ids) => core.markFailed(ids) },
      config,
      {
        // Through the mTLS channel to the platform when the config declares one.
        fetch: (url, init) => {
          const channel = env.PLATFORM as { fetch(url: string, init?: RequestInit): Promise<Response> } | undefined;
          return channel ? channel.fetch(url, init) : fetch(url, init);
        },
        // An alarm survives eviction and restarts; the flusher re-arms it while events wait.
        schedule: (ms) => void state.storage.setAlarm(Date.now() + ms),
        log: { warn: (m) => console.error(`WARN ${m}`), info: (m) => console.log(`INFO ${m}`) },
      },
      core.depth(),
    );
  }

  /** One event as an object (the audit conformance tests' workerd driver); resolves once it is committed. */
  async append(event: AuditEvent): Promise<Appended> {
    return (await this.appendTexts([eventText(event)]))[0]!;
  }

  /**
   * Serialised events (audit/event-text.ts), as the worker and the cluster's owner route send
   * them: strings cross the RPC as one copy each, not as object graphs; resolves (at the caller)
   * once all are committed to disk. Calls that arrive during a commit join the next one.
   */
  appendTexts(texts: EventText[]): Promise<Appended[]> {
    if (!Array.isArray(texts) || !texts.every(isEventText)) return Promise.reject(new TypeError('appendTexts takes audit event texts (audit/event-text.ts)'));
    return new Promise<Appended[]>((resolve, reject) => {
      this.pending.push({ texts, resolve, reject });
      if (!this.committing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.committing = true;
    try {
      while (this.pending.length > 0) {
        const batch = this.pending;
        this.pending = [];
        try {
          const texts = batch.length === 1 ? batch[0]!.texts : batch.flatMap((p) => p.texts);
          const appended = await this.core.appendTextsHashedBy(texts, this.digest);
          this.commits++;
          this.appended += texts.length;
          let at = 0;
          for (const p of batch) {
            p.resolve(batch.length === 1 ? appended : appended.slice(at, at + p.texts.length));
            at += p.texts.length;
          }
        } catch (e) {
          for (const p of batch) p.reject(e);
        }
        // Wait for this commit's fsync; whatever arrives meanwhile forms the next batch.
        await this.state.storage.sync();
      }
    } finally {
      this.committing = false;
    }
    this.flusher?.afterCommit();
  }

  async alarm(): Promise<void> {
    await this.flusher?.kick();
  }

  depth(): number {
    return this.core.depth();
  }

  peek(limit: number, afterId = 0): QueueRow[] {
    return this.core.peek(limit, afterId);
  }

  /** Removes events that left the queue by another way (an export verified by the operator). */
  remove(ids: number[], reason: 'delivered' | 'exported'): number {
    return this.core.remove(ids, reason);
  }

  status(): DoStatus {
    const chain = this.core.state();
    const link = this.flusher?.details() ?? NO_FLUSHER;
    return {
      id: this.state.id.toString(),
      depth: this.core.depth(),
      lastSeq: chain.lastSeq,
      lastHash: chain.lastHash,
      hashAlg: this.core.hashAlg,
      circuit: link.circuit,
      lastSuccess: link.last_success,
      lastError: link.last_error,
      commits: this.commits,
      appended: this.appended,
    };
  }
}
