/**
 * GET /v1/models and GET /api/tags: the same identify stage and the `models.list` route scopes as
 * model calls, then the merged list of every target, and an audit record like any other request.
 */
import type { Gateway } from '../gateway.js';
import { LIST_ROUTES, type Protocol } from '../protocol/index.js';
import { listModels, type ListedModel } from '../proxy/models.js';
import type { RequestFacts } from '../runtime/index.js';
import { GatewayError, asGatewayError } from '../core/index.js';
import { buildAuditEvent, newCall, refuse } from './record.js';

function shape(protocol: Protocol, models: readonly ListedModel[]): unknown {
  if (protocol === 'openai') {
    return { object: 'list', data: models.map((m) => ({ id: m.id, object: 'model', created: Number(m.upstream?.created ?? 0), owned_by: m.target.id })) };
  }
  return {
    models: models.map((m) =>
      m.target.kind === 'ollama' && m.upstream ? m.upstream : { name: m.id, model: m.id, modified_at: new Date(0).toISOString(), size: 0, digest: '', details: {} },
    ),
  };
}

/**
 * @example
 * app.get('/v1/models', (c) => handleModelList(gateway, 'openai', c.req.raw, facts, requestId));
 */
export async function handleModelList(gw: Gateway, protocol: Protocol, request: Request, facts: RequestFacts, requestId: string): Promise<Response> {
  const policy = gw.policy.current();
  const route = LIST_ROUTES[protocol];
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
    const models = await listModels(gw.runtime, policy.targets, requestId, gw.config.upstreamTimeoutMs, gw.config.apiKeyFrom);
    outcome.upstreamMs = Date.now() - started;
    const body = new TextEncoder().encode(JSON.stringify(shape(protocol, models)));
    outcome.bytesOut = body.byteLength;
    await gw.audit.record(buildAuditEvent(call, outcome, 'allow', null, 200));
    return new Response(body, { status: 200, headers: { 'content-type': 'application/json', 'x-request-id': requestId, 'x-outpost-policy-version': policy.version } });
  } catch (thrown) {
    const error = asGatewayError(thrown);
    return refuse(gw, call, outcome, error, error.status >= 500 ? 'error' : 'block');
  }
}
