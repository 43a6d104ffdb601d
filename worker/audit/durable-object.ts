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
import { QueueCore, type Appended, type QueueRow, type SqlPort } from './store.js';
import { CircuitBreaker, type CircuitState } from '../platform/circuit.js';
import { Flusher } from './flush.js';
import { connectedPlatform, breakerOptions } from './settings.js';
import { parseConfig } from '../config/index.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- workerd's DO types are not in this project */
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

// RPC on a Durable Object stub needs the class to extend cloudflare:workers' DurableObject. The
// same bundle runs on Deno, where that module does not exist: import it only when it resolves.
const builtin = 'cloudflare:workers';
let Base: new (ctx: any, env: any) => object = class {};
try {
  Base = ((await import(/* @vite-ignore */ builtin)) as { DurableObject: typeof Base }).DurableObject;
} catch {
  // not workerd
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

export interface DoStatus {
  readonly id: string;
  readonly depth: number;
  readonly lastSeq: number;
  readonly lastHash: string;
  readonly hashAlg: string;
  readonly circuit: CircuitState | null;
  readonly lastSuccess: string | null;
  readonly lastError: string | null;
  readonly commits: number;
  readonly appended: number;
}

interface Pending {
  readonly event: AuditEvent;
  resolve(a: Appended): void;
  reject(e: unknown): void;
}

/**
 * The Durable Object class; the generated workerd config names it (className "AuditQueueObject").
 * @example
 * const stub = env.AUDIT_QUEUE.get(env.AUDIT_QUEUE.idFromName('audit'));
 * await stub.append(event);
 */
export class AuditQueueObject extends Base {
  private readonly state: DoState;
  private readonly core: QueueCore;
  private readonly flusher: Flusher | null = null;
  private readonly breaker: CircuitBreaker | null = null;
  private pending: Pending[] = [];
  private committing = false;
  private commits = 0;
  private appended = 0;

  constructor(state: DoState, env: Record<string, unknown>) {
    super(state, env);
    this.state = state;
    const config = parseConfig(env);
    this.core = new QueueCore(sqlPort(state.storage), { hmacKey: config.audit.hmacKey });
    const platform = connectedPlatform(config);
    if (platform) {
      this.breaker = new CircuitBreaker(breakerOptions(config.audit));
      this.flusher = new Flusher(
        {
          peek: (limit) => this.core.peek(limit),
          remove: (ids) => this.core.remove(ids, 'delivered'),
          markFailed: (ids) => this.core.markFailed(ids),
        },
        {
          platformUrl: platform,
          breaker: this.breaker,
          // Through the mTLS channel to the platform when the config declares one.
          fetch: (url, init) => {
            const channel = env.PLATFORM as { fetch(url: string, init?: RequestInit): Promise<Response> } | undefined;
            return channel ? channel.fetch(url, init) : fetch(url, init);
          },
          // An alarm survives eviction and restarts; the flusher re-arms it while events wait.
          schedule: (ms) => void state.storage.setAlarm(Date.now() + ms),
          log: { warn: (m) => console.error(`WARN ${m}`), info: (m) => console.log(`INFO ${m}`) },
        },
      );
      // Leftovers from before a restart.
      if (this.core.depth() > 0) void state.storage.setAlarm(Date.now() + 100);
    }
  }

  /** Resolves (at the caller) once the event is committed to disk. */
  append(event: AuditEvent): Promise<Appended> {
    return new Promise<Appended>((resolve, reject) => {
      this.pending.push({ event, resolve, reject });
      if (!this.committing) void this.drain();
    });
  }

  /**
   * Several events in one RPC (the worker-side coalescer sends them); resolves once all are
   * committed. They join the same group commit as single appends.
   */
  appendMany(events: AuditEvent[]): Promise<Appended[]> {
    return Promise.all(events.map((e) => this.append(e)));
  }

  private async drain(): Promise<void> {
    this.committing = true;
    try {
      while (this.pending.length > 0) {
        const batch = this.pending;
        this.pending = [];
        try {
          const appended = this.core.append(batch.map((p) => p.event));
          this.commits++;
          this.appended += batch.length;
          batch.forEach((p, i) => p.resolve(appended[i]!));
        } catch (e) {
          for (const p of batch) p.reject(e);
        }
        // Wait for this commit's fsync; whatever arrives meanwhile forms the next batch.
        await this.state.storage.sync();
      }
    } finally {
      this.committing = false;
    }
    if (this.flusher && this.breaker?.state === 'closed') void this.flusher.kick();
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
    return {
      id: this.state.id.toString(),
      depth: this.core.depth(),
      lastSeq: chain.lastSeq,
      lastHash: chain.lastHash,
      hashAlg: this.core.hashAlg,
      circuit: this.breaker?.state ?? null,
      lastSuccess: this.flusher?.lastSuccess ?? null,
      lastError: this.flusher?.lastError ?? null,
      commits: this.commits,
      appended: this.appended,
    };
  }
}
