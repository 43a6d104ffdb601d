/**
 * Stage 7's input: turns what the pipeline learned about a call into its audit event.
 */
import type { AuditEvent } from '../audit/event.js';
import { AUDIT_SCHEMA_VERSION } from '../audit/event.js';
import type { GatewayError } from './errors.js';
import type { CallContext, Decision, Finding } from './types.js';

/** What happened to the call, accumulated as it moves through the stages. */
export interface CallOutcome {
  stream: boolean;
  bytesIn: number;
  bytesOut: number;
  upstreamMs: number | null;
  findings: Finding[];
  responseScanned: boolean;
  responseScannedFully: boolean;
}

export function buildAuditEvent(call: CallContext, outcome: CallOutcome, decision: Decision, error: GatewayError | null, status: number): AuditEvent {
  return {
    schema: AUDIT_SCHEMA_VERSION,
    time: new Date(call.receivedAt).toISOString(),
    request_id: call.requestId,
    caller: call.caller ? { subject: call.caller.subject, groups: call.caller.groups, method: call.caller.method } : null,
    client_ip: call.clientIp ?? null,
    ...(call.geo ? { geo: call.geo } : {}),
    route: call.route.id,
    model: call.model ?? null,
    target: call.target?.id ?? null,
    policy_version: call.policyVersion ?? null,
    risk_tier: call.riskTier ?? null,
    decision,
    reason: error ? error.code : null,
    findings: outcome.findings,
    response_scanned: outcome.responseScanned,
    response_scanned_fully: outcome.responseScannedFully,
    stream: outcome.stream,
    status,
    bytes_in: outcome.bytesIn,
    bytes_out: outcome.bytesOut,
    timings_ms: { total: Date.now() - call.receivedAt, upstream: outcome.upstreamMs },
  };
}
