/**
 * Country rules from the bundle, for the GeoIP stage (which knows the client's country; the
 * policy module does not). The first rule whose routes and models match the call decides.
 */
import type { GeoRule } from './bundle.js';
import { ModelRules } from './models.js';

export interface GeoDecision {
  readonly allowed: boolean;
  /** Index of the deciding rule in geo.rules, or null when no rule applies. */
  readonly rule: number | null;
  readonly reason: string;
}

const appliesToModel = (rule: GeoRule, model: string): boolean =>
  !rule.models?.length || new ModelRules(rule.models.map((name) => ({ name, risk_tier: '' }))).match(model) !== undefined;

/**
 * @example
 * geoDecision(bundle.geo?.rules ?? [], 'openai.chat', 'llama3.1', 'DE'); // { allowed: true, rule: 0, ... }
 */
export function geoDecision(rules: readonly GeoRule[], routeId: string, model: string, country: string | undefined): GeoDecision {
  for (const [i, rule] of rules.entries()) {
    if (rule.routes?.length && !rule.routes.includes(routeId as never)) continue;
    if (!appliesToModel(rule, model)) continue;
    if (!country) return { allowed: (rule.unknown ?? 'allow') === 'allow', rule: i, reason: 'country unknown' };
    if (rule.deny_countries?.includes(country)) return { allowed: false, rule: i, reason: `country ${country} is denied` };
    if (rule.allow_countries?.length && !rule.allow_countries.includes(country)) return { allowed: false, rule: i, reason: `country ${country} is not in the allowed list` };
    return { allowed: true, rule: i, reason: `country ${country} is allowed` };
  }
  return { allowed: true, rule: null, reason: 'no geo rule applies' };
}
