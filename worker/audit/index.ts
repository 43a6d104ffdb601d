/**
 * The audit queue: stage 7 of the pipeline. Every event is committed to SQLite before the
 * client sees the end of its response; a queue that cannot commit refuses traffic with 503
 * audit_unavailable (unless the policy allows unaudited traffic). In connected mode a flusher
 * drains the queue to the platform behind a circuit breaker; in air-gap mode nothing leaves.
 *
 * Backends (one schema, one QueueCore, one conformance suite), opened by the runtime adapter:
 * - workerd: a SQLite-backed Durable Object (durable-object.ts), file under the audit folder;
 * - Deno:    sqlite-wasm over a file VFS (sqlite-wasm/backend.ts), file at AUDIT_QUEUE_DB_PATH.
 */
import type { GatewayConfig } from '../config/index.js';
import type { Logger } from '../log/index.js';
import type { AuditEvent } from './event.js';
import type { CircuitState } from '../platform/circuit.js';
import type { AuditBackend, AuditBackendDetails, AuditBackendKind, AuditBackendOpener } from './backend.js';
import { auditUnavailable, describeFailure } from './errors.js';
import { connectedPlatform } from './settings.js';
import type { QueueRow } from './store.js';

export { AuditQueueObject } from './durable-object.js';
export { verifyChain, chainEvent, canonicalJson, GENESIS_HASH } from './chain.js';
export type { AuditBackend, AuditBackendKind, AuditBackendOpener } from './backend.js';
export { openDurableObjectBackend } from './durable-object-backend.js';
export { openSqliteWasmBackend, type DenoAuditApi } from './sqlite-wasm/backend.js';

/** What the admin API and `outpost status` show about the queue. */
export interface AuditStatus extends AuditBackendDetails {
  readonly backend: AuditBackendKind;
  /** AUDIT_QUEUE_DB_PATH as configured. */
  readonly path: string;
  /** The SQLite file itself (for workerd, the Durable Object's file the path links to). */
  readonly file: string;
  readonly depth: number | null;
  readonly mode: 'air-gap' | 'connected' | 'local';
  readonly failing: string | null;
}

export interface AuditQueue {
  readonly backend: AuditBackendKind;
  /** Stage 7: resolves once the event is on disk; rejects with GatewayError 503 audit_unavailable. */
  record(event: AuditEvent): Promise<void>;
  /** Events pending flush or export; null when the queue cannot be read. */
  depth(): Promise<number | null>;
  /** Queued rows after `afterId`, in order (the admin export pages through them). */
  read(afterId: number, limit: number): Promise<QueueRow[]>;
  status(): Promise<AuditStatus>;
  /**
   * Non-null while commits fail and the policy does not allow unaudited traffic: calls are then
   * refused before they reach a target (the refusal is itself recorded, which is the probe that
   * notices when the disk is writable again).
   */
  notReadyReason(): string | null;
  /** For subsystems(): active, or degraded with the reason. */
  subsystem(): { state: 'active' | 'degraded' | 'disabled'; reason?: string; circuit?: CircuitState; last_success?: string | null };
}

export interface AuditOptions {
  /** The policy's `audit.allow_unaudited`: serve (and log) when the queue cannot commit. */
  readonly allowUnaudited?: () => boolean;
  /** Called after each record() that returned (committed, or let through unaudited), with its duration. */
  readonly onRecorded?: (event: AuditEvent, seconds: number) => void;
}

/** Opens the backend and logs where it is; null (with the reason) when it cannot open. */
async function openBackend(backends: AuditBackendOpener, config: GatewayConfig, log: Logger, mode: AuditStatus['mode']): Promise<{ backend: AuditBackend | null; openError: string | null }> {
  try {
    const backend = await backends.open(config, log);
    log.info(`Audit queue: SQLite backend at ${config.auditDbPath}`);
    if (backend.file() !== config.auditDbPath) log.info(`Audit queue: workerd Durable Object file ${backend.file()}`);
    if (mode === 'connected') log.info(`Audit queue: connected mode, events are delivered to the platform (circuit breaker closed)`);
    return { backend, openError: null };
  } catch (e) {
    log.error(`Audit queue: cannot open the SQLite backend at ${config.auditDbPath}: ${(e as Error).message}`);
    return { backend: null, openError: describeFailure(e) };
  }
}

const NO_DETAILS: AuditBackendDetails = { last_seq: null, hash_alg: null, circuit: null, last_success: null, last_error: null };

/**
 * Opens the audit queue on the backend the runtime adapter offers (`runtime.audit`). Never
 * throws: a queue that cannot open is a queue whose every record() fails with 503 (and the
 * gateway reports not ready).
 * @example
 * const audit = await createAuditQueue(runtime.audit, config, log, { allowUnaudited: () => policy.current().allowUnaudited === true });
 * await audit.record(event);
 */
export async function createAuditQueue(backends: AuditBackendOpener, config: GatewayConfig, log: Logger, options: AuditOptions = {}): Promise<AuditQueue> {
  const allowUnaudited = options.allowUnaudited ?? (() => false);
  const mode: AuditStatus['mode'] = config.airGap ? 'air-gap' : connectedPlatform(config) ? 'connected' : 'local';
  const { backend, openError } = await openBackend(backends, config, log, mode);
  let failing: string | null = openError;

  /** Commits, or lets the event through unaudited when the policy allows it; else 503. */
  const commit = async (event: AuditEvent): Promise<void> => {
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
  };

  return {
    backend: backends.kind,
    async record(event) {
      const started = Date.now();
      await commit(event);
      options.onRecorded?.(event, (Date.now() - started) / 1000);
    },
    depth: () => (backend ? backend.depth().catch(() => null) : Promise.resolve(null)),
    async read(afterId, limit) {
      if (!backend) throw auditUnavailable(openError ?? 'it is not open');
      return backend.read(afterId, limit);
    },
    async status() {
      let details = NO_DETAILS;
      let depth: number | null = null;
      try {
        if (backend) [details, depth] = await Promise.all([backend.details(), backend.depth()]);
      } catch {
        // reported through failing
      }
      return { backend: backends.kind, path: config.auditDbPath, file: backend?.file() ?? config.auditDbPath, depth, mode, failing, ...details };
    },
    notReadyReason: () => (failing && !allowUnaudited() ? `audit queue unavailable: ${failing}` : null),
    subsystem() {
      if (failing) return { state: 'degraded', reason: `${failing}${allowUnaudited() ? ' (policy allows unaudited traffic)' : ''}` };
      return { state: 'active', reason: `${mode}; ${backend?.file() ?? config.auditDbPath}` };
    },
  };
}
