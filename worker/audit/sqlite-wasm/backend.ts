/**
 * The Deno backend: sqlite-wasm over a file VFS at AUDIT_QUEUE_DB_PATH, with the flusher on a
 * timer. runtime/deno.ts hands over the Deno global; nothing here looks for it.
 */
import type { GatewayConfig } from '../../config/index.js';
import type { Logger } from '../../log/index.js';
import { dirname, type AuditBackend } from '../backend.js';
import { linkFlusher, NO_FLUSHER, type FlusherLink } from '../flusher-link.js';
import { denoFiles, type DenoSyncApi } from './files.js';
import { SqliteWasmStore } from './store.js';

/** The parts of the Deno global the backend uses. */
export interface DenoAuditApi extends DenoSyncApi {
  mkdirSync(path: string, options?: { recursive?: boolean }): void;
  readFileSync(path: string | URL): Uint8Array;
  realPathSync(path: string): string;
}

/**
 * The file AUDIT_QUEUE_DB_PATH names, links followed: after a workerd run the path is a link to
 * workerd's queue file, and SQLite names its -wal/-journal after the path it opened. Opened
 * through the link, this VFS would keep a journal beside the link that sqlite3 never reads.
 */
function realQueuePath(deno: DenoAuditApi, path: string): string {
  try {
    return deno.realPathSync(path);
  } catch {
    return path; // not there yet: SQLite creates it
  }
}

/** sqlite-wasm inside the Deno bundle: the JS is bundled, the .wasm sits beside worker.js. */
async function loadDenoSqlite(deno: DenoAuditApi): Promise<unknown> {
  const candidates = [new URL('./sqlite3.wasm', import.meta.url), new URL('../node_modules/@sqlite.org/sqlite-wasm/dist/sqlite3.wasm', import.meta.url)];
  let wasmBinary: Uint8Array | undefined;
  for (const url of candidates) {
    try {
      wasmBinary = deno.readFileSync(url);
      break;
    } catch {
      // next candidate
    }
  }
  if (!wasmBinary) throw new Error('sqlite3.wasm was not found beside worker.js');
  // Quiet: the browser build warns that it cannot install its OPFS VFSes, which we never use.
  (globalThis as { sqlite3ApiConfig?: object }).sqlite3ApiConfig = { warn: () => {}, debug: () => {}, log: () => {} };
  const init = (await import('@sqlite.org/sqlite-wasm')).default as unknown as (o: object) => Promise<unknown>;
  return init({ wasmBinary, print: () => {}, printErr: () => {} });
}

/**
 * Opens (creating when absent) the queue file and, in connected mode, links the flusher.
 * @example
 * const backend = await openSqliteWasmBackend(Deno, config, log);
 * await backend.append(event);
 */
/** The Deno backend, closable: the graceful exit commits the last batch and closes the file. */
export interface ClosableAuditBackend extends AuditBackend {
  close(): void;
}

export async function openSqliteWasmBackend(deno: DenoAuditApi, config: GatewayConfig, log: Logger): Promise<ClosableAuditBackend> {
  deno.mkdirSync(dirname(config.auditDbPath), { recursive: true });
  const store = await SqliteWasmStore.open({ path: realQueuePath(deno, config.auditDbPath), files: denoFiles(deno), hmacKey: config.audit.hmacKey, loadSqlite: () => loadDenoSqlite(deno) });
  const core = store.core;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const link: FlusherLink | null = linkFlusher(
    { peek: (n) => core.peek(n), remove: (ids) => core.remove(ids, 'delivered'), markFailed: (ids) => core.markFailed(ids) },
    config,
    {
      fetch: (url, init) => fetch(url, init),
      schedule: (ms) => {
        clearTimeout(timer);
        timer = setTimeout(() => void link?.kick(), ms);
      },
      log,
    },
    core.depth(),
  );
  return {
    kind: 'sqlite-wasm',
    file: () => config.auditDbPath,
    async append(event) {
      await store.append(event);
      link?.afterCommit();
    },
    depth: async () => core.depth(),
    read: async (afterId, limit) => core.peek(limit, afterId),
    details: async () => ({ last_seq: core.state().lastSeq, hash_alg: core.hashAlg, ...(link?.details() ?? NO_FLUSHER) }),
    close() {
      clearTimeout(timer);
      store.close();
    },
  };
}
