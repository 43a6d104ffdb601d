/**
 * Stage 7's input: turns what the pipeline learned about a call into its audit event.
 */
import type { AuditEvent } from '../audit/event.js';
import { AUDIT_SCHEMA_VERSION } from '../audit/event.js';
import type { GatewayError } from '../core/index.js';
import type { CallContext, Decision, Finding } from '../core/index.js';
import type { Gateway } from '../gateway.js';
import type { PolicySnapshot } from '../policy/index.js';
import type { ModelRoute } from '../protocol/index.js';
import type { RequestFacts } from '../runtime/index.js';
import { errorResponse, protocolNamed } from '../protocol/index.js';
import { asGatewayError } from '../core/index.js';
import type { KnowledgeUse } from '../knowledge/index.js';

/** What happened to the call, accumulated as it moves through the stages. */
export interface CallOutcome {
  stream: boolean;
  bytesIn: number;
  bytesOut: number;
  upstreamMs: number | null;
  findings: Finding[];
  responseScanned: boolean;
  responseScannedFully: boolean;
  /** The knowledge assets the model received (set only when a binding added text). */
  knowledge?: KnowledgeUse;
}

/**
 * A call's context as it arrives: who connected (peer, trusted-proxy client IP and its GeoIP
 * fields) and the policy snapshot that will judge it; the stages fill in the rest.
 * @example
 * const { call, outcome } = newCall(gw, gw.policy.current(), route, request, facts, requestId);
 */
export function newCall(gw: Gateway, policy: PolicySnapshot, route: ModelRoute, request: Request, facts: RequestFacts, requestId: string): { call: CallContext; outcome: CallOutcome } {
  const clientIp = gw.clientIp(request, facts.peerAddress);
  const call: CallContext = {
    requestId,
    route,
    protocol: route.protocol,
    receivedAt: Date.now(),
    peerAddress: facts.peerAddress,
    clientIp,
    geo: gw.geo.lookup(clientIp),
    caller: undefined,
    model: undefined,
    target: undefined,
    policyVersion: policy.version,
    riskTier: undefined,
    ...(gw.project ? { project: gw.project } : {}),
  };
  const outcome: CallOutcome = { stream: false, bytesIn: 0, bytesOut: 0, upstreamMs: null, findings: [], responseScanned: false, responseScannedFully: false };
  return { call, outcome };
}

/**
 * Records a refused or failed call, then answers with its error; when even the record fails,
 * that failure (503 audit_unavailable) is the answer.
 */
export async function refuse(gw: Gateway, call: CallContext, outcome: CallOutcome, error: GatewayError, decision: Decision): Promise<Response> {
  try {
    await gw.audit.record(buildAuditEvent(call, outcome, decision, error, error.status));
  } catch (recordError) {
    return withPolicyVersion(errorResponse(protocolNamed(call.protocol), asGatewayError(recordError), call.requestId), call);
  }
  return withPolicyVersion(errorResponse(protocolNamed(call.protocol), error, call.requestId), call);
}

/** Refusals name the policy version that judged them, as served responses do. */
function withPolicyVersion(response: Response, call: CallContext): Response {
  if (call.policyVersion) response.headers.set('x-outpost-policy-version', call.policyVersion);
  return response;
}

/**
 * The call's audit event. The findings are passed as they are, not copied: the queue writes the
 * event's canonical JSON (keys in sorted order) by construction (audit/event-text.ts).
 * @example
 * await gw.audit.record(buildAuditEvent(call, outcome, 'allow', null, 200));
 */
export function buildAuditEvent(call: CallContext, outcome: CallOutcome, decision: Decision, error: GatewayError | null, status: number): AuditEvent {
  return {
    schema: AUDIT_SCHEMA_VERSION,
    time: new Date(call.receivedAt).toISOString(),
    request_id: call.requestId,
    ...(call.project ? { project_id: call.project } : {}),
    caller: call.caller ? { groups: call.caller.groups, method: call.caller.method, subject: call.caller.subject } : null,
    client_ip: call.clientIp ?? null,
    ...(call.geo ? { geo: call.geo } : {}),
    route: call.route.id,
    model: call.recordedModel ?? null,
    target: call.target?.id ?? null,
    policy_version: call.policyVersion ?? null,
    risk_tier: call.riskTier ?? null,
    decision,
    reason: error ? error.code : null,
    findings: outcome.findings,
    ...(outcome.knowledge ? { knowledge: outcome.knowledge } : {}),
    response_scanned: outcome.responseScanned,
    response_scanned_fully: outcome.responseScannedFully,
    stream: outcome.stream,
    status,
    bytes_in: outcome.bytesIn,
    bytes_out: outcome.bytesOut,
    timings_ms: { total: Date.now() - call.receivedAt, upstream: outcome.upstreamMs },
  };
}
