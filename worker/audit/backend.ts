/**
 * The backend-specific half of the audit queue, as a runtime adapter opens it (runtime/workerd.ts
 * a Durable Object, runtime/deno.ts sqlite-wasm over files). index.ts puts the shared half on top:
 * fail-closed refusal, allow_unaudited, status.
 */
import type { GatewayConfig } from '../config/index.js';
import type { Logger } from '../log/index.js';
import type { CircuitState } from '../platform/circuit.js';
import type { AuditEvent } from './event.js';
import type { QueueRow } from './store.js';

export type AuditBackendKind = 'workerd-durable-object' | 'sqlite-wasm';

/** The queue's chain and delivery state, as the admin status shows it. */
export interface AuditBackendDetails {
  readonly last_seq: number | null;
  readonly hash_alg: string | null;
  readonly circuit: CircuitState | null;
  readonly last_success: string | null;
  readonly last_error: string | null;
}

export interface AuditBackend {
  readonly kind: AuditBackendKind;
  /** The SQLite file itself (for workerd, the Durable Object's file AUDIT_QUEUE_DB_PATH links to). */
  file(): string;
  /** Resolves once the event is committed to disk. */
  append(event: AuditEvent): Promise<unknown>;
  depth(): Promise<number>;
  read(afterId: number, limit: number): Promise<QueueRow[]>;
  details(): Promise<AuditBackendDetails>;
}

/** How a runtime adapter offers its backend: the kind is known before opening, which may fail. */
export interface AuditBackendOpener {
  readonly kind: AuditBackendKind;
  open(config: GatewayConfig, log: Logger): Promise<AuditBackend>;
}

/** The folder of a path (both backends create or locate files beside AUDIT_QUEUE_DB_PATH). */
export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}
