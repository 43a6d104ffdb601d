/**
 * The audit event, schema version 1: one per request, allowed or not, stored as event_json in
 * local_audit_queue. Never holds request or response content, only facts about it.
 *
 * Versioning: additive fields keep `schema: 1`; renaming or removing a field bumps it.
 */
import type { AuditGeo, Decision, Finding } from '../core/index.js';
import type { KnowledgeUse } from '../knowledge/types.js';

export const AUDIT_SCHEMA_VERSION = 1;

export interface AuditEvent {
  readonly schema: typeof AUDIT_SCHEMA_VERSION;
  /** ISO-8601 time the request arrived. */
  readonly time: string;
  readonly request_id: string;
  /** Projects mode: the project that judged the call (absent in standalone mode). */
  readonly project_id?: string;
  readonly caller: { readonly subject: string; readonly groups: readonly string[]; readonly method: string } | null;
  readonly client_ip: string | null;
  /** GeoIP-derived fields; kept outside the tamper-evidence hash (a database update must not break verification). */
  geo?: AuditGeo;
  readonly route: string;
  readonly model: string | null;
  readonly target: string | null;
  readonly policy_version: string | null;
  readonly risk_tier: string | null;
  readonly decision: Decision;
  /** Machine-readable reason for a refusal (the error code), null when served. */
  readonly reason: string | null;
  readonly findings: readonly Finding[];
  /** Knowledge assets (names, versions, hashes; for retrieve the passage ids) added for the model. */
  readonly knowledge?: KnowledgeUse;
  readonly response_scanned: boolean;
  /** For streams: true only when the whole stream was scanned to its end. */
  readonly response_scanned_fully: boolean;
  readonly stream: boolean;
  readonly status: number;
  readonly bytes_in: number;
  readonly bytes_out: number;
  readonly timings_ms: { readonly total: number; readonly upstream: number | null };
}
