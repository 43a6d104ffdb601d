/**
 * Geo policy evaluation: may a call from this place use this route and model? The bundle's
 * validator checks the rules' shape; this only decides.
 *
 * Semantics (docs/geoip.md):
 * - The first rule whose `routes` and `models` match the call decides (empty or absent = all).
 *   Model patterns follow the bundle's model rules: exact name, `prefix*`, or `*`.
 * - Country codes compare case-insensitively (ISO 3166-1 alpha-2).
 * - `deny_countries` wins over `allow_countries`; a non-empty allow list refuses every other
 *   known country.
 * - In-network addresses (address_class loopback, private, cgnat, link-local: never looked up,
 *   so without a country) are allowed when the rule says `allow_private: true`; otherwise they
 *   count as an unknown country.
 * - Unknown country (GeoIP disabled, no record, documentation/reserved addresses): `unknown`,
 *   default 'allow'. Set `unknown: 'deny'` to fail closed when the database is missing.
 * - No matching rule: allowed.
 *
 * @example
 * const rules = [{ id: 'eu-only', routes: ['openai.chat'], allow_countries: ['DE', 'FR'], unknown: 'deny', allow_private: true }];
 * checkGeoPolicy(rules, { country_iso: 'US' }, 'openai.chat', 'llama3.1');
 * // { allowed: false, rule: 'eu-only', reason: 'country US is not in the allowed list' }
 * checkGeoPolicy(rules, { address_class: 'private' }, 'openai.chat', 'llama3.1');
 * // { allowed: true, rule: 'eu-only', reason: 'in-network address (private)' }
 */
import type { AuditGeo } from '../core/index.js';
import { IN_NETWORK_CLASSES } from './address-class.js';

export interface GeoPolicyRule {
  readonly id?: string;
  readonly routes?: readonly string[];
  readonly models?: readonly string[];
  readonly allow_countries?: readonly string[];
  readonly deny_countries?: readonly string[];
  readonly unknown?: 'allow' | 'deny';
  /** Treat loopback/private/CGNAT/link-local clients as inside the network and allow them. */
  readonly allow_private?: boolean;
}

export interface GeoPolicyDecision {
  readonly allowed: boolean;
  /** The deciding rule: its id, else `#<index>`; absent when no rule applies. */
  readonly rule?: string;
  readonly reason?: string;
}

function modelMatches(patterns: readonly string[], model: string): boolean {
  for (const p of patterns) {
    if (p === '*' || p === model) return true;
    if (p.endsWith('*') && model.startsWith(p.slice(0, -1))) return true;
  }
  return false;
}

const upper = (list: readonly string[] | undefined): readonly string[] => (list ?? []).map((c) => c.toUpperCase());

/** Decides a call; never throws. */
export function checkGeoPolicy(
  rules: readonly GeoPolicyRule[],
  geo: AuditGeo | undefined,
  routeId: string,
  model: string,
): GeoPolicyDecision {
  for (const [i, rule] of rules.entries()) {
    if (rule.routes?.length && !rule.routes.includes(routeId)) continue;
    if (rule.models?.length && !modelMatches(rule.models, model)) continue;
    const label = rule.id ?? `#${i}`;
    const unknown = (reason: string): GeoPolicyDecision => ({ allowed: (rule.unknown ?? 'allow') === 'allow', rule: label, reason });
    const cls = geo?.address_class;
    if (cls !== undefined && IN_NETWORK_CLASSES.has(cls)) {
      if (rule.allow_private) return { allowed: true, rule: label, reason: `in-network address (${cls})` };
      return unknown(`in-network address (${cls}) and allow_private is not set`);
    }
    const country = geo?.country_iso?.toUpperCase();
    if (!country) return unknown(cls ? `country unknown (${cls} address)` : 'country unknown');
    if (upper(rule.deny_countries).includes(country)) return { allowed: false, rule: label, reason: `country ${country} is denied` };
    const allow = upper(rule.allow_countries);
    if (allow.length && !allow.includes(country)) return { allowed: false, rule: label, reason: `country ${country} is not in the allowed list` };
    return { allowed: true, rule: label, reason: `country ${country} is allowed` };
  }
  return { allowed: true, reason: 'no geo rule applies' };
}
