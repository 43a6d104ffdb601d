/**
 * The authorize stage: route scopes, then the model's access rule (its scopes and groups). Each
 * refusal is a 403 naming what is missing, and the model's risk tier is set on the call for the
 * inspection stages.
 */
import { GatewayError } from '../core/index.js';
import type { AuthorizeStage, CallContext } from '../core/index.js';
import type { PolicyBundle } from './bundle.js';
import type { ModelRules } from './models.js';

const quoteAll = (names: readonly string[]): string => names.map((n) => `"${n}"`).join(', ');

function missingScope(what: string, missing: readonly string[]): GatewayError {
  const noun = missing.length === 1 ? 'scope' : 'scopes';
  return new GatewayError(403, 'missing_scope', `${what} requires the ${noun} ${quoteAll(missing)}, which the caller's credential does not carry`, 'permission_error', {
    missing_scopes: [...missing],
  });
}

/**
 * @example
 * const authorize = createAuthorizeStage(bundle, new ModelRules(bundle.models));
 * await authorize(call); // throws GatewayError(403, 'missing_scope' | 'model_not_allowed'), sets call.riskTier
 */
export function createAuthorizeStage(bundle: PolicyBundle, models: ModelRules): AuthorizeStage {
  const routes = bundle.routes ?? {};
  return (call: CallContext): void => {
    const caller = call.caller;
    const scopes = new Set(caller?.scopes ?? []);
    const routeRule = (routes as Record<string, { scopes: readonly string[] } | undefined>)[call.route.id];
    const missingForRoute = (routeRule?.scopes ?? []).filter((s) => !scopes.has(s));
    if (missingForRoute.length) throw missingScope(`The route ${call.route.id}`, missingForRoute);

    const model = call.model ?? '';
    const rule = models.match(model);
    if (!rule) {
      throw new GatewayError(403, 'model_not_allowed', `The model "${model}" is not allowed by the gateway's policy (version ${bundle.version})`, 'permission_error', { model });
    }
    const missingForModel = (rule.scopes ?? []).filter((s) => !scopes.has(s));
    if (missingForModel.length) throw missingScope(`The model "${model}"`, missingForModel);
    if (rule.groups?.length) {
      const groups = new Set(caller?.groups ?? []);
      if (!rule.groups.some((g) => groups.has(g))) {
        throw new GatewayError(403, 'model_not_allowed', `The model "${model}" is not allowed for the caller: it is restricted to groups the caller is not in`, 'permission_error', { model });
      }
    }
    call.riskTier = rule.risk_tier;
  };
}
