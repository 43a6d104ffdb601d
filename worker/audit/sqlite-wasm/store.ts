/**
 * The audit queue on sqlite-wasm (Deno gateway, Node CLI and tests): a real database file at
 * AUDIT_QUEUE_DB_PATH through the file VFS, synchronous=FULL, rollback journal (PERSIST).
 *
 * Group commit: append() only queues; the batch is written in one transaction (one journal
 * cycle, a few fsyncs) on the next timer tick, and every caller of the batch resolves after it.
 */
import type { AuditEvent } from '../event.js';
import { QueueCore, type Appended, type SqlPort } from '../store.js';
import type { SyncFileApi } from './files.js';
import { installFileVfs } from './vfs.js';
import { StatementCache } from './statement-cache.js';
import type { BindingSpec, Database, Sqlite3Static } from '@sqlite.org/sqlite-wasm';


const VFS_NAME = 'outpost-file';

export interface SqliteWasmOptions {
  readonly path: string;
  readonly files: SyncFileApi;
  readonly hmacKey?: string;
  readonly readOnly?: boolean;
  /** Exclusive locking: needed to read or write a WAL database (workerd's), as the VFS has no shared memory. */
  readonly exclusive?: boolean;
  /** Loads the sqlite3 module (differs between Deno's bundle and Node): sqlite-wasm's initialised API. */
  readonly loadSqlite: () => Promise<unknown>;
}

function port(db: Database, statements: StatementCache): SqlPort {
  // The queue binds strings, numbers, null and booleans (stored as 0 / 1).
  const bind = (params: unknown[]): BindingSpec | undefined => (params.length ? (params.map((p) => (typeof p === 'boolean' ? Number(p) : p)) as BindingSpec) : undefined);
  return {
    exec(sql, ...params) {
      statements.run(sql, bind(params));
    },
    all<T>(sql: string, ...params: unknown[]): T[] {
      return statements.rows<T>(sql, bind(params));
    },
    transaction<T>(fn: () => T): T {
      statements.run('BEGIN IMMEDIATE', undefined);
      try {
        const result = fn();
        statements.run('COMMIT', undefined);
        return result;
      } catch (e) {
        try {
          db.exec('ROLLBACK');
        } catch {
          // the failure that got us here is the one to report
        }
        throw e;
      }
    },
  };
}

interface Pending {
  readonly event: AuditEvent;
  resolve(a: Appended): void;
  reject(e: unknown): void;
}

/**
 * An open audit database on sqlite-wasm.
 * @example
 * const store = await SqliteWasmStore.open({ path, files: nodeFiles(fs), loadSqlite: loadNodeSqlite });
 * await store.append(event);
 */
export class SqliteWasmStore {
  private pending: Pending[] = [];
  private scheduled = false;
  /** Commits so far (each a transaction), for the benchmark's events-per-commit figure. */
  commits = 0;

  private constructor(
    readonly core: QueueCore,
    private readonly db: Database,
    readonly path: string,
    private readonly statements: StatementCache,
  ) {}

  /** Opened with exclusive locking because the file is in WAL mode (see open). */
  exclusiveWal = false;

  static async open(options: SqliteWasmOptions): Promise<SqliteWasmStore> {
    try {
      return await SqliteWasmStore.openWith(options);
    } catch (e) {
      if (options.exclusive || !/SQLITE_CANTOPEN/.test(String((e as Error)?.message ?? e))) throw e;
      // A WAL-mode file (the queue workerd wrote, reached through AUDIT_QUEUE_DB_PATH's link)
      // needs shared memory, which this VFS has not; SQLite runs WAL without it under exclusive
      // locking. The price: nothing else can read the file while this process holds it.
      const store = await SqliteWasmStore.openWith({ ...options, exclusive: true });
      store.exclusiveWal = true;
      return store;
    }
  }

  private static async openWith(options: SqliteWasmOptions): Promise<SqliteWasmStore> {
    const sqlite3 = (await options.loadSqlite()) as Sqlite3Static;
    installFileVfs(sqlite3, options.files, VFS_NAME);
    const db = new sqlite3.oo1.DB({ filename: options.path, flags: options.readOnly ? 'r' : 'c', vfs: VFS_NAME });
    try {
      if (options.exclusive) db.exec('PRAGMA locking_mode = EXCLUSIVE');
      const wal = (db.exec({ sql: 'PRAGMA journal_mode', returnValue: 'resultRows' }) as unknown[][])[0]?.[0] === 'wal';
      if (!options.readOnly && !wal) {
        // FULL: synced at every commit, the point of the queue. PERSIST keeps the journal file
        // and its size (a commit ends by zeroing its header): no directory entry churn and no
        // truncate per commit, so the journal's fdatasyncs write no metadata. TRUNCATE cost a
        // truncate and a metadata sync per commit.
        db.exec('PRAGMA journal_mode = PERSIST; PRAGMA synchronous = FULL;');
        // The writer is the file's only one (one gateway per audit folder) and the VFS's locks are
        // no-ops that no other process sees, so exclusive mode changes nothing for readers
        // (sqlite3 -readonly, outpost audit's snapshots); it spares each commit the hot-journal
        // check, the reopening of the journal and the page cache's revalidation: two opens,
        // five stats and their Deno permission checks per commit.
        db.exec('PRAGMA locking_mode = EXCLUSIVE');
      }
      const statements = new StatementCache(db);
      const sql = port(db, statements);
      const core = options.readOnly ? QueueCore.readOnly(sql, { hmacKey: options.hmacKey }) : new QueueCore(sql, { hmacKey: options.hmacKey });
      return new SqliteWasmStore(core, db, options.path, statements);
    } catch (e) {
      db.close();
      throw e;
    }
  }

  /** Resolves once the event is committed (fsynced) with the rest of its batch. */
  append(event: AuditEvent): Promise<Appended> {
    return new Promise((resolve, reject) => {
      this.pending.push({ event, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setTimeout(() => this.commit(), 0);
      }
    });
  }

  private commit(): void {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    try {
      const appended = this.core.append(batch.map((p) => p.event));
      this.commits++;
      batch.forEach((p, i) => p.resolve(appended[i]!));
    } catch (e) {
      for (const p of batch) p.reject(e);
    }
  }

  /**
   * Rows of a read-only statement, each an array of column values (what `sqlite3` prints in
   * list mode). For `outpost audit query` on a private snapshot; never on the live queue.
   */
  query(sql: string): unknown[][] {
    return this.db.exec({ sql, rowMode: 'array', returnValue: 'resultRows' }) as unknown[][];
  }

  /** Commits what is still queued (its callers resolve), then closes the file. */
  close(): void {
    this.commit();
    this.statements.clear();
    this.db.close();
  }
}
