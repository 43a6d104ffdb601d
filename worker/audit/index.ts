/**
 * The audit queue: stage 7 of the pipeline. Every event is committed to SQLite before the
 * client sees the end of its response; a queue that cannot commit refuses traffic with 503
 * audit_unavailable (unless the policy allows unaudited traffic). In connected mode a flusher
 * drains the queue to the platform behind a circuit breaker; in air-gap mode nothing leaves.
 *
 * Backends (one schema, one QueueCore, one conformance suite):
 * - workerd: a SQLite-backed Durable Object (durable-object.ts), file under the audit folder;
 * - Deno:    sqlite-wasm over a file VFS (sqlite-wasm/), file at AUDIT_QUEUE_DB_PATH.
 */
import type { GatewayConfig } from '../config/index.js';
import type { Logger } from '../log/index.js';
import type { RuntimeAdapter } from '../runtime/index.js';
import type { AuditEvent } from './event.js';
import type { CircuitState } from '../platform/circuit.js';
import type { DoStatus } from './durable-object.js';
import { auditUnavailable, describeFailure } from './errors.js';
import { CircuitBreaker } from '../platform/circuit.js';
import { Flusher } from './flush.js';
import { breakerOptions, connectedPlatform } from './settings.js';
import { denoFiles, type DenoSyncApi } from './sqlite-wasm/files.js';
import { SqliteWasmStore } from './sqlite-wasm/store.js';
import type { QueueRow } from './store.js';
import { RecordCoalescer } from './coalesce.js';

export { AuditQueueObject } from './durable-object.js';
export { verifyChain, chainEvent, canonicalJson, GENESIS_HASH } from './chain.js';

export type AuditBackend = 'workerd-durable-object' | 'sqlite-wasm';

/** What the admin API and `outpost status` show about the queue. */
export interface AuditStatus {
  readonly backend: AuditBackend;
  /** AUDIT_QUEUE_DB_PATH as configured. */
  readonly path: string;
  /** The SQLite file itself (for workerd, the Durable Object's file the path links to). */
  readonly file: string;
  readonly depth: number | null;
  readonly last_seq: number | null;
  readonly hash_alg: string | null;
  readonly mode: 'air-gap' | 'connected' | 'local';
  readonly circuit: CircuitState | null;
  readonly last_success: string | null;
  readonly last_error: string | null;
  readonly failing: string | null;
}

export interface AuditQueue {
  readonly backend: AuditBackend;
  /** Resolves once the event is on disk; rejects with GatewayError 503 audit_unavailable. */
  record(event: AuditEvent): Promise<void>;
  /** Events pending flush or export; null when the queue cannot be read. */
  depth(): Promise<number | null>;
  /** Queued rows after `afterId`, in order (the admin export pages through them). */
  read(afterId: number, limit: number): Promise<QueueRow[]>;
  status(): Promise<AuditStatus>;
  /** Non-null while commits fail (and unaudited traffic is not allowed). */
  notReadyReason(): string | null;
  /** For subsystems(): active, or degraded with the reason. */
  subsystem(): { state: 'active' | 'degraded' | 'disabled'; reason?: string; circuit?: CircuitState; last_success?: string | null };
}

export interface AuditOptions {
  /** The policy's `audit.allow_unaudited`: serve (and log) when the queue cannot commit. */
  readonly allowUnaudited?: () => boolean;
}

/** The backend-specific half of a queue. */
interface Backend {
  readonly kind: AuditBackend;
  readonly file: () => string;
  append(event: AuditEvent): Promise<unknown>;
  depth(): Promise<number>;
  read(afterId: number, limit: number): Promise<QueueRow[]>;
  details(): Promise<Pick<AuditStatus, 'last_seq' | 'hash_alg' | 'circuit' | 'last_success' | 'last_error'>>;
}

function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

/** The Durable Object's RPC surface as the gateway sees it. */
interface AuditStub {
  append(event: AuditEvent): Promise<unknown>;
  appendMany(events: AuditEvent[]): Promise<unknown[]>;
  depth(): Promise<number>;
  peek(limit: number, afterId: number): Promise<QueueRow[]>;
  status(): Promise<DoStatus>;
}
interface DoNamespace {
  idFromName(name: string): unknown;
  get(id: unknown): AuditStub;
}

async function workerdBackend(env: Readonly<Record<string, unknown>>, dbPath: string): Promise<Backend> {
  const ns = env.AUDIT_QUEUE as DoNamespace | undefined;
  if (!ns) throw new Error('the runtime has no AUDIT_QUEUE Durable Object binding (the audit folder was missing when the config was generated)');
  const id = ns.idFromName('audit');
  // A stub per call: stubs are cheap, and none outlives the request that made it.
  const stub = () => ns.get(id);
  const first = await stub().status();
  const file = `${dirname(dbPath)}/outpost-audit/${first.id}.sqlite`;
  // Concurrent records cross to the Durable Object together: one RPC per batch, not per event.
  const batches = new RecordCoalescer<AuditEvent, unknown>((events) => stub().appendMany(events));
  return {
    kind: 'workerd-durable-object',
    file: () => file,
    append: (event) => batches.record(event),
    depth: () => stub().depth(),
    read: (afterId, limit) => stub().peek(limit, afterId),
    async details() {
      const s = await stub().status();
      return { last_seq: s.lastSeq, hash_alg: s.hashAlg, circuit: s.circuit, last_success: s.lastSuccess, last_error: s.lastError };
    },
  };
}

interface DenoGlobal extends DenoSyncApi {
  mkdirSync(path: string, options?: { recursive?: boolean }): void;
  readFileSync(path: string | URL): Uint8Array;
  realPathSync(path: string): string;
}

/**
 * The file AUDIT_QUEUE_DB_PATH names, links followed: after a workerd run the path is a link to
 * workerd's queue file, and SQLite names its -wal/-journal after the path it opened. Opened
 * through the link, this VFS would keep a journal beside the link that sqlite3 never reads.
 */
function realQueuePath(deno: DenoGlobal, path: string): string {
  try {
    return deno.realPathSync(path);
  } catch {
    return path; // not there yet: SQLite creates it
  }
}

/** sqlite-wasm inside the Deno bundle: the JS is bundled, the .wasm sits beside worker.js. */
async function loadDenoSqlite(deno: DenoGlobal): Promise<unknown> {
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

async function denoBackend(deno: DenoGlobal, config: GatewayConfig, log: Logger): Promise<{ backend: Backend; store: SqliteWasmStore; flusher: Flusher | null; breaker: CircuitBreaker | null }> {
  deno.mkdirSync(dirname(config.auditDbPath), { recursive: true });
  const store = await SqliteWasmStore.open({ path: realQueuePath(deno, config.auditDbPath), files: denoFiles(deno), hmacKey: config.audit.hmacKey, loadSqlite: () => loadDenoSqlite(deno) });
  if (store.exclusiveWal) log.warn(`Audit queue: ${config.auditDbPath} is in WAL mode (written by workerd); opened with exclusive locking, so sqlite3 cannot read it while this gateway runs (outpost audit export works once it stops)`);
  const platform = connectedPlatform(config);
  let flusher: Flusher | null = null;
  let breaker: CircuitBreaker | null = null;
  if (platform) {
    breaker = new CircuitBreaker(breakerOptions(config.audit));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const f: Flusher = new Flusher(
      { peek: (n) => store.core.peek(n), remove: (ids) => store.core.remove(ids, 'delivered'), markFailed: (ids) => store.core.markFailed(ids) },
      {
        platformUrl: platform,
        breaker,
        fetch: (url, init) => fetch(url, init),
        schedule: (ms) => {
          clearTimeout(timer);
          timer = setTimeout(() => void f.kick(), ms);
        },
        log,
      },
    );
    flusher = f;
    if (store.core.depth() > 0) void f.kick();
  }
  const b = breaker;
  const fl = flusher;
  return {
    store,
    flusher,
    breaker,
    backend: {
      kind: 'sqlite-wasm',
      file: () => config.auditDbPath,
      async append(event) {
        await store.append(event);
        if (fl && b?.state === 'closed') void fl.kick();
      },
      depth: async () => store.core.depth(),
      read: async (afterId, limit) => store.core.peek(limit, afterId),
      details: async () => ({ last_seq: store.core.state().lastSeq, hash_alg: store.core.hashAlg, circuit: b?.state ?? null, last_success: fl?.lastSuccess ?? null, last_error: fl?.lastError ?? null }),
    },
  };
}

/**
 * Opens the audit queue for the runtime. Never throws: a queue that cannot open is a queue whose
 * every record() fails with 503 (and the gateway reports not ready).
 * @example
 * const audit = await createAuditQueue(runtime, config, log, { allowUnaudited: () => policy.current().audit?.allow_unaudited === true });
 * await audit.record(event);
 */
export async function createAuditQueue(runtime: RuntimeAdapter, config: GatewayConfig, log: Logger, options: AuditOptions = {}): Promise<AuditQueue> {
  const allowUnaudited = options.allowUnaudited ?? (() => false);
  const mode: AuditStatus['mode'] = config.airGap ? 'air-gap' : connectedPlatform(config) ? 'connected' : 'local';
  let backend: Backend | null = null;
  let failing: string | null = null;
  let openError: string | null = null;

  try {
    if (runtime.name === 'workerd') backend = await workerdBackend(runtime.env, config.auditDbPath);
    else backend = (await denoBackend((globalThis as unknown as { Deno: DenoGlobal }).Deno, config, log)).backend;
    log.info(`Audit queue: SQLite backend at ${config.auditDbPath}`);
    if (backend.file() !== config.auditDbPath) log.info(`Audit queue: workerd Durable Object file ${backend.file()}`);
    if (mode === 'connected') log.info(`Audit queue: connected mode, events are delivered to the platform (circuit breaker closed)`);
  } catch (e) {
    openError = describeFailure(e);
    failing = openError;
    log.error(`Audit queue: cannot open the SQLite backend at ${config.auditDbPath}: ${(e as Error).message}`);
  }

  const reason = () => (failing && !allowUnaudited() ? `audit queue unavailable: ${failing}` : null);

  const kind: AuditBackend = backend?.kind ?? (runtime.name === 'workerd' ? 'workerd-durable-object' : 'sqlite-wasm');
  return {
    backend: kind,
    async record(event) {
      if (!backend) {
        if (allowUnaudited()) return void log.warn(`Audit event ${event.request_id} not recorded (queue unavailable; the policy allows unaudited traffic)`);
        throw auditUnavailable(openError ?? 'it is not open');
      }
      try {
        await backend.append(event);
        if (failing) log.info('Audit queue: commits succeed again; serving');
        failing = null;
      } catch (e) {
        const why = describeFailure(e);
        if (failing !== why) log.error(`Audit queue: commit failed: ${(e as Error).message}`);
        failing = why;
        if (allowUnaudited()) return void log.warn(`Audit event ${event.request_id} not recorded (${why}; the policy allows unaudited traffic)`);
        throw auditUnavailable(why);
      }
    },
    async depth() {
      try {
        return backend ? await backend.depth() : null;
      } catch {
        return null;
      }
    },
    async read(afterId, limit) {
      if (!backend) throw auditUnavailable(openError ?? 'it is not open');
      return backend.read(afterId, limit);
    },
    async status() {
      let details: Awaited<ReturnType<Backend['details']>> = { last_seq: null, hash_alg: null, circuit: null, last_success: null, last_error: null };
      let depth: number | null = null;
      try {
        if (backend) [details, depth] = await Promise.all([backend.details(), backend.depth()]);
      } catch {
        // reported through failing
      }
      return { backend: kind, path: config.auditDbPath, file: backend?.file() ?? config.auditDbPath, depth, mode, failing, ...details };
    },
    notReadyReason: reason,
    subsystem() {
      if (failing) return { state: 'degraded', reason: `${failing}${allowUnaudited() ? ' (policy allows unaudited traffic)' : ''}` };
      return { state: 'active', reason: `${mode}; ${backend?.file() ?? config.auditDbPath}` };
    },
  };
}
