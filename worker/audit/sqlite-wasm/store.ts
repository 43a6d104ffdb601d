/**
 * The audit queue on sqlite-wasm (Deno gateway, Node CLI and tests): a real database file at
 * AUDIT_QUEUE_DB_PATH through the file VFS, synchronous=FULL, WAL under exclusive locking.
 *
 * Group commit: append() only queues; the batch is written in one transaction (one WAL append
 * and its fdatasync) on the next timer tick, and every caller of the batch resolves after it.
 */
import type { AuditEvent } from '../event.js';
import { QueueCore, type Appended, type SqlPort } from '../store.js';
import type { SyncFileApi } from './files.js';
import { installFileVfs, unlinkedWhileOpen } from './vfs.js';
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

  static async open(options: SqliteWasmOptions): Promise<SqliteWasmStore> {
    try {
      return await SqliteWasmStore.openWith(options);
    } catch (e) {
      if (options.exclusive || !/SQLITE_CANTOPEN/.test(String((e as Error)?.message ?? e))) throw e;
      // A reader of a WAL-mode file needs shared memory, which this VFS has not; SQLite reads WAL
      // without it under exclusive locking. (A writer always opens so: see openWith.)
      return SqliteWasmStore.openWith({ ...options, exclusive: true });
    }
  }

  private static async openWith(options: SqliteWasmOptions): Promise<SqliteWasmStore> {
    const sqlite3 = (await options.loadSqlite()) as Sqlite3Static;
    installFileVfs(sqlite3, options.files, VFS_NAME);
    const db = new sqlite3.oo1.DB({ filename: options.path, flags: options.readOnly ? 'r' : 'c', vfs: VFS_NAME });
    try {
      // The writer is the file's only one (one gateway per audit folder); the VFS has no shared
      // memory, and SQLite runs WAL without it under exclusive locking (set before WAL is entered).
      if (options.exclusive || !options.readOnly) db.exec('PRAGMA locking_mode = EXCLUSIVE');
      if (!options.readOnly) {
        // WAL with synchronous=FULL: one fdatasync per commit (of the WAL), durable before the
        // commit returns. The rollback journal (PERSIST) took four: the journal twice, the
        // database, the zeroed journal header; each fdatasync costs the process CPU as well as
        // time (issue 15). `sqlite3 -readonly` reads the live file: it rebuilds its own index
        // from the WAL (no lock of ours to wait for); under the rollback journal it refused about
        // half its reads during a stream of commits, landing inside one (docs/audit.md).
        db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;');
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
      this.keepWalLinked();
      batch.forEach((p, i) => p.resolve(appended[i]!));
    } catch (e) {
      for (const p of batch) p.reject(e);
    }
  }

  /**
   * A read-write `sqlite3` session that closes deletes the WAL (it checkpoints first, then
   * removes the file, seeing no lock of ours). Commits after that would go to a file with no
   * name, lost on a crash: so when the WAL has lost its name, leave WAL mode (which checkpoints
   * every frame, those of the commit just made included, into the synced database) and enter it
   * again with a new file, before the batch's callers hear of their commit.
   */
  private keepWalLinked(): void {
    if (!unlinkedWhileOpen(`${this.path}-wal`)) return;
    this.db.exec('PRAGMA journal_mode = DELETE');
    this.db.exec('PRAGMA journal_mode = WAL');
    this.walRecreated++;
  }

  /** Times the WAL was found deleted by another process and recreated (keepWalLinked). */
  walRecreated = 0;

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
