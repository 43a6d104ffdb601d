/**
 * GET /v1/models and GET /api/tags: the same identify stage and the `models.list` route scopes as
 * model calls, then the merged list of every target, and an audit record like any other request.
 */
import type { Gateway } from '../gateway.js';
import type { ModelListing, Protocol } from '../protocol/index.js';
import { listModels, type ListedModel } from '../proxy/models.js';
import type { RequestFacts } from '../runtime/index.js';
import { GatewayError, asGatewayError } from '../core/index.js';
import { buildAuditEvent, newCall, refuse } from './record.js';

/** The merged list as the protocol's listing (who serves each model, and its upstream's own entry). */
const listings = (models: readonly ListedModel[]): ModelListing[] =>
  models.map((m) => ({ id: m.id, ownedBy: m.target.id, source: m.upstream ? m.target.kind : undefined, upstream: m.upstream }));

/**
 * @example
 * app.get('/v1/models', (c) => handleModelList(gateway, OPENAI, c.req.raw, facts, requestId));
 */
export async function handleModelList(gw: Gateway, protocol: Protocol, request: Request, facts: RequestFacts, requestId: string): Promise<Response> {
  const policy = gw.policy.current();
  const route = protocol.listRoute;
  const { call, outcome } = newCall(gw, policy, route, request, facts, requestId);
  try {
    call.caller = await policy.identify(request, call);
    gw.geo.authorize(call, policy.geoRules);
    const required = policy.bundle.routes?.['models.list']?.scopes ?? [];
    const held = new Set(call.caller.scopes);
    const missing = required.filter((s) => !held.has(s));
    if (missing.length) {
      throw new GatewayError(403, 'missing_scope', `The route models.list requires the scope${missing.length > 1 ? 's' : ''} ${missing.map((s) => `"${s}"`).join(', ')}, which the caller's credential does not carry`, 'permission_error', { missing_scopes: missing });
    }
    const started = Date.now();
    const models = await listModels(gw.runtime, policy.targets, requestId, gw.config.upstreamTimeoutMs, gw.config.apiKeyOf);
    outcome.upstreamMs = Date.now() - started;
    const body = new TextEncoder().encode(JSON.stringify(protocol.models.render(listings(models))));
    outcome.bytesOut = body.byteLength;
    await gw.audit.record(buildAuditEvent(call, outcome, 'allow', null, 200));
    return new Response(body, { status: 200, headers: { 'content-type': 'application/json', 'x-request-id': requestId, 'x-outpost-policy-version': policy.version } });
  } catch (thrown) {
    const error = asGatewayError(thrown);
    return refuse(gw, call, outcome, error, error.status >= 500 ? 'error' : 'block');
  }
}
