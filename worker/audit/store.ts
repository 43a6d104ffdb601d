/**
 * The audit queue's storage, independent of the SQLite underneath: the workerd Durable Object's
 * `ctx.storage.sql` and sqlite-wasm in Deno/Node both speak SqlPort, and QueueCore holds every
 * statement, so the two backends cannot drift apart (the conformance suite checks both).
 *
 * Tables: local_audit_queue exactly as PRODUCT.md writes it; audit_chain (one row: the chain head
 * and the base below which every event has left the queue); audit_removed (seq and hash of events
 * that left the queue out of order, e.g. half a batch accepted), so that verification never counts
 * a delivered or exported event as deleted.
 */
import type { AuditEvent } from './event.js';
import { chainDigest, EMPTY_CHAIN, type ChainedEvent, type ChainState, type HashAlg, type Digest } from './chain.js';
import { eventText, type EventText } from './event-text.js';
import { BatchLinks, type LinkedRow } from './batch-links.js';
import { ProjectHeads } from './project-chain.js';

/** The table, exactly as PRODUCT.md ("Audit queue") writes it. */
export const QUEUE_TABLE_SQL = `CREATE TABLE local_audit_queue (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  event_json TEXT NOT NULL,
  queued_at REAL NOT NULL,
  retry_count INTEGER NOT NULL DEFAULT 0
)`;

const CHAIN_TABLE_SQL = `CREATE TABLE IF NOT EXISTS audit_chain (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  base_seq INTEGER NOT NULL,
  base_hash TEXT NOT NULL,
  last_seq INTEGER NOT NULL,
  last_hash TEXT NOT NULL
)`;
const REMOVED_TABLE_SQL = `CREATE TABLE IF NOT EXISTS audit_removed (seq INTEGER PRIMARY KEY, hash TEXT NOT NULL, reason TEXT NOT NULL)`;

/** Rows per INSERT statement: 3 parameters a row, far under SQLite's limit of 32,766. */
const ROWS_PER_INSERT = 128;
const insertStatements = new Map<string, string>();

/** The multi-row INSERT for `count` rows, written once per shape (the statement text is its cache key). */
function insertStatement(count: number, withProject: boolean): string {
  const key = `${count}${withProject ? 'p' : ''}`;
  let sql = insertStatements.get(key);
  if (!sql) {
    const values = Array.from({ length: count }, () => (withProject ? '(?, ?, ?)' : '(?, ?)')).join(', ');
    sql = `INSERT INTO local_audit_queue (event_json, queued_at${withProject ? ', project_id' : ''}) VALUES ${values} RETURNING id`;
    insertStatements.set(key, sql);
  }
  return sql;
}

/** The few SQL operations both backends offer, synchronously. */
export interface SqlPort {
  exec(sql: string, ...params: unknown[]): void;
  all<T = Record<string, unknown>>(sql: string, ...params: unknown[]): T[];
  /** Runs fn in one transaction: all or nothing. */
  transaction<T>(fn: () => T): T;
}

export interface QueueRow {
  readonly id: number;
  readonly event_json: string;
  readonly queued_at: number;
  readonly retry_count: number;
}

export interface Appended {
  readonly id: number;
  readonly seq: number;
  readonly hash: string;
}

export type { ChainedEvent };

/**
 * Every statement of the audit queue, over a SqlPort.
 * @example
 * const core = new QueueCore(port, { hmacKey: config.audit.hmacKey });
 * core.append([event]);
 */
export class QueueCore {
  private chain: ChainState = EMPTY_CHAIN;
  private readonly hash: { alg: HashAlg; digest: Digest };
  private readonly projects: ProjectHeads;

  constructor(
    private readonly sql: SqlPort,
    options: { hmacKey?: string; readOnly?: boolean } = {},
  ) {
    this.hash = chainDigest(options.hmacKey || undefined);
    this.projects = new ProjectHeads(sql);
    if (options.readOnly) {
      this.chain = this.readChain();
      return;
    }
    this.sql.transaction(() => {
      const exists = this.sql.all(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'local_audit_queue'`).length > 0;
      if (!exists) this.sql.exec(QUEUE_TABLE_SQL);
      this.sql.exec(CHAIN_TABLE_SQL);
      this.sql.exec(REMOVED_TABLE_SQL);
    });
    this.chain = this.readChain();
  }

  /** A reader (verify, export) that never creates or changes anything. */
  static readOnly(sql: SqlPort, options: { hmacKey?: string } = {}): QueueCore {
    return new QueueCore(sql, { ...options, readOnly: true });
  }

  get hashAlg(): HashAlg {
    return this.hash.alg;
  }

  /** The stored chain state (the row, or the empty chain for a new database). */
  readChain(): ChainState {
    if (this.sql.all(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'audit_chain'`).length === 0) return EMPTY_CHAIN;
    const row = this.sql.all<{ base_seq: number; base_hash: string; last_seq: number; last_hash: string }>(`SELECT base_seq, base_hash, last_seq, last_hash FROM audit_chain WHERE id = 1`)[0];
    return row ? { baseSeq: Number(row.base_seq), baseHash: row.base_hash, lastSeq: Number(row.last_seq), lastHash: row.last_hash } : EMPTY_CHAIN;
  }

  /**
   * Chains and inserts events in one transaction. The in-memory head moves only once the
   * transaction has succeeded, so a failed commit leaves no gap in the chain.
   */
  append(events: readonly AuditEvent[], now = Date.now()): Appended[] {
    return this.appendTexts(events.map(eventText), now);
  }

  /**
   * Chains and inserts serialised events (audit/event-text.ts, as the worker sends them) in one
   * transaction: one multi-row INSERT per batch and one write of the chain head.
   * @example
   * core.appendTexts([eventText(event)]);
   */
  appendTexts(texts: readonly EventText[], now = Date.now()): Appended[] {
    const links = this.batchLinks();
    const rows = texts.map((text) => {
      const pending = links.next(text);
      return links.hashed(pending, this.hash.digest(pending.hashed));
    });
    return this.commitRows(rows, links, now);
  }

  /**
   * As appendTexts, with an asynchronous digest (crypto.subtle inside workerd): the batch's
   * hashes are awaited one after another (each is inside the next event's content), then the
   * rows are written in one synchronous transaction. The caller must not start another append
   * before this one settles (the Durable Object's drain loop runs one batch at a time).
   * @example
   * await core.appendTextsHashedBy(texts, subtleDigest);
   */
  async appendTextsHashedBy(texts: readonly EventText[], digest: (text: string) => Promise<string>, now = Date.now()): Promise<Appended[]> {
    const links = this.batchLinks();
    const rows: LinkedRow[] = [];
    for (const text of texts) {
      const pending = links.next(text);
      rows.push(links.hashed(pending, await digest(pending.hashed)));
    }
    return this.commitRows(rows, links, now);
  }

  private batchLinks(): BatchLinks {
    return new BatchLinks(this.chain, (project) => this.projects.next(project), this.hash.alg);
  }

  /**
   * Writes a linked batch: its rows, its projects' heads and the chain head, all or nothing. The
   * in-memory head moves only once the transaction has succeeded, so a failed commit leaves no
   * gap in the chain.
   */
  private commitRows(rows: readonly LinkedRow[], links: BatchLinks, now: number): Appended[] {
    if (rows.length === 0) return [];
    const last = rows[rows.length - 1]!;
    let ids: number[] = [];
    try {
      this.sql.transaction(() => {
        if (links.projectHeads.size > 0) this.projects.ensureSchema();
        for (const [project, head] of links.projectHeads) this.projects.advance(project, head);
        ids = this.insertRows(rows, now / 1000);
        this.writeChain({ ...this.chain, lastSeq: last.seq, lastHash: last.hash });
      });
    } catch (e) {
      this.projects.reset();
      throw e;
    }
    this.chain = { ...this.chain, lastSeq: last.seq, lastHash: last.hash };
    return rows.map((row, i) => ({ id: ids[i]!, seq: row.seq, hash: row.hash }));
  }

  /**
   * One INSERT for a batch's rows (in chunks under SQLite's parameter limit). The ids of a
   * multi-row insert are consecutive in VALUES order (AUTOINCREMENT, one writer in one
   * transaction); RETURNING lists them in no promised order, so they are sorted.
   */
  private insertRows(rows: ReadonlyArray<{ json: string; project: string | null }>, queuedAt: number): number[] {
    const withProject = rows.some((r) => r.project !== null);
    const ids: number[] = [];
    for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
      const chunk = rows.slice(start, start + ROWS_PER_INSERT);
      const params: unknown[] = [];
      for (const r of chunk) {
        params.push(r.json, queuedAt);
        if (withProject) params.push(r.project);
      }
      const got = this.sql.all<{ id: number }>(insertStatement(chunk.length, withProject), ...params).map((r) => Number(r.id));
      ids.push(...got.sort((a, b) => a - b));
    }
    return ids;
  }

  private writeChain(c: ChainState): void {
    this.sql.exec(
      `INSERT INTO audit_chain (id, base_seq, base_hash, last_seq, last_hash) VALUES (1, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET base_seq = excluded.base_seq, base_hash = excluded.base_hash, last_seq = excluded.last_seq, last_hash = excluded.last_hash`,
      c.baseSeq,
      c.baseHash,
      c.lastSeq,
      c.lastHash,
    );
  }

  /** Events pending flush or export. */
  depth(): number {
    return Number(this.sql.all<{ n: number }>(`SELECT count(*) AS n FROM local_audit_queue`)[0]!.n);
  }

  /** The oldest rows, in order. */
  peek(limit: number, afterId = 0): QueueRow[] {
    return this.sql.all<QueueRow>(`SELECT id, event_json, queued_at, retry_count FROM local_audit_queue WHERE id > ? ORDER BY id LIMIT ?`, afterId, limit).map((r) => ({
      id: Number(r.id),
      event_json: r.event_json,
      queued_at: Number(r.queued_at),
      retry_count: Number(r.retry_count),
    }));
  }

  /**
   * Deletes rows that left the queue (delivered to the platform, or exported) and records their
   * seq and hash, so that verification does not count them as deleted.
   */
  remove(ids: readonly number[], reason: 'delivered' | 'exported'): number {
    if (ids.length === 0) return 0;
    let removed = 0;
    this.sql.transaction(() => {
      for (const id of ids) {
        const row = this.sql.all<{ event_json: string }>(`SELECT event_json FROM local_audit_queue WHERE id = ?`, id)[0];
        if (!row) continue;
        const ev = JSON.parse(row.event_json) as { seq: number; hash: string };
        this.sql.exec(`INSERT OR REPLACE INTO audit_removed (seq, hash, reason) VALUES (?, ?, ?)`, ev.seq, ev.hash, reason);
        this.sql.exec(`DELETE FROM local_audit_queue WHERE id = ?`, id);
        removed++;
      }
      this.compact();
    });
    this.chain = this.readChain();
    return removed;
  }

  /** Moves the base up over every removed event below the oldest queued one, then forgets them. */
  private compact(): void {
    const chain = this.readChain();
    const oldest = this.sql.all<{ event_json: string }>(`SELECT event_json FROM local_audit_queue ORDER BY id LIMIT 1`)[0];
    const limit = oldest ? (JSON.parse(oldest.event_json) as { seq: number }).seq - 1 : chain.lastSeq;
    let { baseSeq, baseHash } = chain;
    const rows = this.sql.all<{ seq: number; hash: string }>(`SELECT seq, hash FROM audit_removed WHERE seq > ? AND seq <= ? ORDER BY seq`, baseSeq, limit);
    for (const r of rows) {
      if (Number(r.seq) !== baseSeq + 1) break;
      baseSeq = Number(r.seq);
      baseHash = r.hash;
    }
    if (baseSeq === chain.baseSeq) return;
    this.sql.exec(`DELETE FROM audit_removed WHERE seq <= ?`, baseSeq);
    this.writeChain({ ...chain, baseSeq, baseHash });
  }

  /** A failed delivery: the rows stay, with retry_count + 1. */
  markFailed(ids: readonly number[]): void {
    if (ids.length === 0) return;
    this.sql.transaction(() => {
      for (const id of ids) this.sql.exec(`UPDATE local_audit_queue SET retry_count = retry_count + 1 WHERE id = ?`, id);
    });
  }

  /** seq -> hash of events removed out of order (above the base). */
  removedMap(): Map<number, string> {
    if (this.sql.all(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'audit_removed'`).length === 0) return new Map();
    return new Map(this.sql.all<{ seq: number; hash: string }>(`SELECT seq, hash FROM audit_removed ORDER BY seq`).map((r) => [Number(r.seq), r.hash]));
  }

  state(): ChainState {
    return this.chain;
  }
}
