/**
 * The request pipeline for model calls, top to bottom:
 *
 *   1. identify         who is calling (policy: JWT, API key or none), before any body byte is read
 *   2. parse            body within limits (size, inactivity, nesting), UTF-8 JSON, the route's fields
 *   3. authorize        route scopes, model access, target routing (policy), country rules (GeoIP)
 *   4. inspect request  DLP over every text part: block, redact or flag
 *      + knowledge      the site's assets bound to the model, added after the DLP (docs/knowledge.md)
 *   5. forward          to the target, with timeouts
 *   6. inspect response whole, or streamed through a hold-back window
 *   7. record           the audit event, durable before the client sees the end of the response
 *
 * Each call is judged by one policy snapshot, taken when it arrives, so a hot-installed bundle
 * never judges half a request.
 */
import type { Gateway } from '../gateway.js';
import type { ModelRoute, Protocol } from '../protocol/index.js';
import { protocolNamed, targetMismatchMessage, upstreamErrorBody } from '../protocol/index.js';
import type { PolicySnapshot } from '../policy/index.js';
import type { RequestFacts } from '../runtime/index.js';
import { forward, readBodyLimited } from '../proxy/forward.js';
import { parseBody } from './body.js';
import { relayStream } from '../proxy/stream.js';
import { hashedModel, modelPassedDlp } from '../dlp/model-label.js';
import { GatewayError, asGatewayError, decisionOfFindings, stricterDecision, type Decision } from '../core/index.js';
import { buildAuditEvent, newCall, refuse } from './record.js';
import type { CallContext, Finding, RequestInspection } from '../core/index.js';
import type { CallOutcome } from './record.js';
import { KNOWLEDGE_HEADER } from '../knowledge/index.js';

/** One model call as it moves through the stages: who judges it, and what is known so far. */
interface ModelCall {
  readonly gw: Gateway;
  readonly policy: PolicySnapshot;
  readonly route: ModelRoute;
  readonly protocol: Protocol;
  readonly call: CallContext;
  readonly outcome: CallOutcome;
}

/** What the request stages hand to forwarding: the judged request and the body to send. */
interface InspectedRequest {
  readonly inspection: RequestInspection;
  readonly upstreamBody: BodyInit;
}

/**
 * Runs one model call through every stage and returns the client's response.
 * @example
 * app.post('/v1/chat/completions', (c) => handleModelCall(gateway, route, c.req.raw, facts));
 */
export async function handleModelCall(gw: Gateway, route: ModelRoute, request: Request, facts: RequestFacts, requestId: string): Promise<Response> {
  const policy = gw.policy.current();
  const { call, outcome } = newCall(gw, policy, route, request, facts, requestId);
  const mc: ModelCall = { gw, policy, route, protocol: protocolNamed(route.protocol), call, outcome };
  try {
    // 0. refuse early when the call could not be put on record (fail closed, before any upstream)
    refuseWithoutAudit(gw);
    // 1. identify: an unknown caller is refused before its body is read or parsed
    call.caller = await policy.identify(request, call);
    // 2. parse
    const { body, raw } = await parseCall(mc, request);
    // 3. authorize (routing to a target is part of it: an unknown model is refused here)
    await authorizeCall(mc, body.model as string);
    // 4. inspect request, then 4b. knowledge
    const inspected = await inspectRequest(mc, body, raw);
    // 5. forward
    const upstreamStarted = Date.now();
    const upstream = await forwardCall(mc, inspected.upstreamBody);
    // 6 + 7: inspect the response and record the call, streamed or whole
    if (outcome.stream && upstream.ok && upstream.body) return relayStreamed(mc, upstream, upstream.body, inspected.inspection, upstreamStarted);
    return await answerWhole(mc, upstream, inspected.inspection, upstreamStarted);
  } catch (thrown) {
    return refuseCall(mc, thrown);
  }
}

function refuseWithoutAudit(gw: Gateway): void {
  const auditFailure = gw.audit.notReadyReason();
  if (auditFailure) throw new GatewayError(503, 'audit_unavailable', `The gateway cannot record this request (${auditFailure}); refusing it`, 'unavailable');
}

/** 2. The body within limits, the route's fields, the model (recorded hashed until the DLP passes it). */
async function parseCall({ gw, route, call, outcome }: ModelCall, request: Request): Promise<{ body: Record<string, unknown>; raw: Uint8Array }> {
  const { body, raw } = await parseBody(request, route, { maxBytes: gw.config.maxBodyBytes, idleTimeoutMs: gw.config.bodyTimeoutMs });
  outcome.bytesIn = raw.byteLength;
  call.model = body.model as string;
  call.recordedModel = hashedModel(gw.salt, call.model);
  outcome.stream = route.wantsStream(body);
  return { body, raw };
}

/** 3. Target routing, route scopes and model access, and where the call comes from (GeoIP). */
async function authorizeCall({ gw, policy, protocol, call }: ModelCall, model: string): Promise<void> {
  call.target = policy.targets.resolve(model);
  if (!call.target) throw new GatewayError(404, 'model_not_found', `The model "${model}" is not served by this gateway`, 'not_found_error');
  if (!protocol.targetKinds.includes(call.target.kind)) throw new GatewayError(400, 'target_protocol_mismatch', targetMismatchMessage(model, call.target), 'invalid_request_error');
  await policy.authorize(call);
  gw.geo.authorize(call, policy.geoRules);
}

/** 4. DLP over every text part; 4b. the bound knowledge goes in after it, which judges only the caller's text. */
async function inspectRequest({ gw, policy, route, call, outcome }: ModelCall, body: Record<string, unknown>, raw: Uint8Array): Promise<InspectedRequest> {
  const parts = route.textParts(body);
  const inspection = await policy.inspectRequest(call, body, parts);
  outcome.findings = [...inspection.findings];
  if (modelPassedDlp(call.model, inspection.findings, policy.targets)) call.recordedModel = call.model;
  const inspected = inspection.rewrittenBody ?? body;
  // The body's text parts are walked again only when the DLP rewrote it.
  const lastText = (inspected === body ? parts : route.textParts(inspected)).at(-1)?.text ?? '';
  const knowledge = await gw.knowledge.apply(policy, call, inspected, lastText);
  if (knowledge) outcome.knowledge = knowledge.use;
  const upstreamBody = knowledge ? JSON.stringify(knowledge.body) : inspection.rewrittenBody ? JSON.stringify(inspection.rewrittenBody) : raw;
  return { inspection, upstreamBody: upstreamBody as BodyInit };
}

/** 5. To the target, with timeouts, asking for the protocol's stream or a whole JSON body. */
function forwardCall({ gw, route, protocol, call, outcome }: ModelCall, body: BodyInit): Promise<Response> {
  return forward(gw.runtime, call.target!, route.upstreamPath, {
    method: 'POST',
    body,
    requestId: call.requestId,
    timeoutMs: gw.config.upstreamTimeoutMs,
    apiKey: gw.config.apiKeyOf(call.target!),
    accept: outcome.stream ? protocol.streamContentType : 'application/json',
  });
}

/** 6 + 7, streamed: relay chunk by chunk; record before the terminal event is released. */
function relayStreamed(mc: ModelCall, upstream: Response, upstreamBody: ReadableStream<Uint8Array>, inspection: RequestInspection, upstreamStarted: number): Response {
  const { gw, policy, protocol, call, outcome } = mc;
  const streamInspector = policy.inspectResponse.stream(call, inspection);
  const relayed = relayStream(upstreamBody, {
    protocol,
    idleTimeoutMs: gw.config.upstreamTimeoutMs,
    maxBytes: gw.config.maxResponseBytes,
    inspector: streamInspector,
    onFinish: async (end) => {
      outcome.upstreamMs = Date.now() - upstreamStarted;
      outcome.bytesOut = end.bytesOut;
      outcome.responseScanned = streamInspector !== null;
      outcome.responseScannedFully = streamInspector !== null && end.complete;
      outcome.findings = [...outcome.findings, ...(streamInspector?.findings ?? [])];
      const streamed = decisionOfFindings(streamInspector?.findings ?? []);
      const decision = end.error?.code === 'dlp_blocked' ? 'block' : stricterDecision<Decision>(inspection.decision, streamed);
      const event = buildAuditEvent(call, outcome, decision, end.error ?? null, end.error ? end.error.status : 200);
      // The stream has started: a failed record cannot become a 503 any more, so it is
      // logged loudly; the audit stage itself refuses new traffic once it is failing.
      await gw.audit.record(event).catch((e: unknown) => gw.log.error(`Audit record failed for ${call.requestId}: ${(e as Error).message}`));
    },
  });
  const headers = baseHeaders(call, upstream.headers.get('content-type') ?? protocol.streamContentType, inspection, outcome);
  headers['cache-control'] = 'no-cache';
  return new Response(relayed, { status: 200, headers });
}

/** 6 + 7, whole: read (bounded), inspect, record, then answer; an upstream error is relayed in the protocol's shape. */
async function answerWhole(mc: ModelCall, upstream: Response, inspection: RequestInspection, upstreamStarted: number): Promise<Response> {
  const { gw, policy, protocol, call, outcome } = mc;
  const upstreamBytes = await readBodyLimited(upstream, gw.config.maxResponseBytes, 'response');
  outcome.upstreamMs = Date.now() - upstreamStarted;
  const contentType = upstream.headers.get('content-type') ?? 'application/json';
  if (!upstream.ok) {
    const relayedError = upstreamErrorBody(protocol, upstream.status, upstreamBytes, contentType);
    outcome.bytesOut = relayedError.byteLength;
    await gw.audit.record(buildAuditEvent(call, outcome, inspection.decision, new GatewayError(upstream.status, 'upstream_error', 'upstream error'), upstream.status));
    return new Response(relayedError as BodyInit, { status: upstream.status, headers: baseHeaders(call, 'application/json', inspection, outcome) });
  }
  const responseInspection = await policy.inspectResponse.whole(call, upstreamBytes, contentType, inspection);
  const finalBody = responseInspection.body ?? upstreamBytes;
  outcome.findings = [...outcome.findings, ...responseInspection.findings];
  outcome.responseScanned = true;
  outcome.responseScannedFully = true;
  outcome.bytesOut = finalBody.byteLength;
  const decision = stricterDecision<Decision>(inspection.decision, responseInspection.decision);
  await gw.audit.record(buildAuditEvent(call, outcome, decision, null, 200));
  return new Response(finalBody as BodyInit, { status: 200, headers: baseHeaders(call, contentType, inspection, outcome) });
}

/** A call that failed at any stage: its error in the protocol's shape, on record with its decision. */
function refuseCall({ gw, call, outcome }: ModelCall, thrown: unknown): Promise<Response> {
  const error = asGatewayError(thrown);
  // A block carries the findings that caused it: they belong in the audit record too.
  const carried = (thrown as { findings?: unknown })?.findings;
  if (Array.isArray(carried)) outcome.findings = [...outcome.findings, ...(carried as Finding[])];
  if (error.status >= 500 && error.code === 'internal_error') gw.log.error(`Request ${call.requestId} failed: ${(thrown as Error)?.stack ?? thrown}`);
  // A block is the policy refusing the call (authentication, scopes, model access, country, DLP);
  // a request the gateway could not read (400, 408, 413, a client gone) is an error, not a block.
  const unreadable = error.status === 400 || error.status === 408 || error.status === 413 || error.code === 'client_closed_request';
  const decision = error.code === 'dlp_blocked' ? 'block' : error.status >= 500 || unreadable ? 'error' : 'block';
  return refuse(gw, call, outcome, error, decision);
}

/**
 * Response headers every model-call response carries, as a plain record (lower-case names): the
 * runtime builds the response's Headers from it once, instead of from a Headers built here first.
 */
function baseHeaders(call: CallContext, contentType: string, inspection: RequestInspection | undefined, outcome: CallOutcome): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': contentType, 'x-request-id': call.requestId };
  if (call.policyVersion) headers['x-outpost-policy-version'] = call.policyVersion;
  if (outcome.knowledge) headers[KNOWLEDGE_HEADER] = outcome.knowledge.assets.map((a) => a.name).join(', ');
  if (inspection?.headers) for (const k in inspection.headers) headers[k.toLowerCase()] = inspection.headers[k]!;
  return headers;
}
