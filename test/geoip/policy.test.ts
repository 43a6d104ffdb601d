import { describe, expect, it } from 'vitest';
import { checkGeoPolicy, type GeoPolicyRule } from '../../worker/geoip/index.js';

const RULES: GeoPolicyRule[] = [
  { id: 'admin-local', routes: ['admin'], allow_countries: [], unknown: 'deny', allow_private: true },
  { id: 'eu-gpt', routes: ['openai.chat'], models: ['gpt-4*'], allow_countries: ['de', 'FR'], unknown: 'deny', allow_private: true },
  { routes: ['openai.chat'], deny_countries: ['KP', 'IR'], allow_countries: ['KP', 'US', 'DE'] },
];

describe('checkGeoPolicy', () => {
  it.each([
    ['allowed country', { country_iso: 'DE' }, 'openai.chat', 'gpt-4o', { allowed: true, rule: 'eu-gpt', reason: 'country DE is allowed' }],
    ['not in allow list', { country_iso: 'US' }, 'openai.chat', 'gpt-4o', { allowed: false, rule: 'eu-gpt', reason: 'country US is not in the allowed list' }],
    ['unknown country denied', {}, 'openai.chat', 'gpt-4o', { allowed: false, rule: 'eu-gpt', reason: 'country unknown' }],
    ['GeoIP disabled = unknown', undefined, 'openai.chat', 'gpt-4o', { allowed: false, rule: 'eu-gpt', reason: 'country unknown' }],
    ['private with allow_private', { address_class: 'private' }, 'openai.chat', 'gpt-4o', { allowed: true, rule: 'eu-gpt', reason: 'in-network address (private)' }],
    ['loopback with allow_private', { address_class: 'loopback' }, 'admin', 'x', { allowed: true, rule: 'admin-local', reason: 'in-network address (loopback)' }],
    ['documentation address is not in-network', { address_class: 'documentation' }, 'admin', 'x', { allowed: false, rule: 'admin-local', reason: 'country unknown (documentation address)' }],
    ['model pattern falls through to the next rule', { country_iso: 'US' }, 'openai.chat', 'llama3.1', { allowed: true, rule: '#2', reason: 'country US is allowed' }],
    ['deny wins over allow', { country_iso: 'KP' }, 'openai.chat', 'llama3.1', { allowed: false, rule: '#2', reason: 'country KP is denied' }],
    ['private without allow_private = unknown (default allow)', { address_class: 'cgnat' }, 'openai.chat', 'llama3.1', { allowed: true, rule: '#2', reason: 'in-network address (cgnat) and allow_private is not set' }],
    ['no rule for the route', { country_iso: 'KP' }, 'ollama.generate', 'llama3.1', { allowed: true, reason: 'no geo rule applies' }],
    ['lower-case country from data', { country_iso: 'fr' }, 'openai.chat', 'gpt-4', { allowed: true, rule: 'eu-gpt', reason: 'country FR is allowed' }],
  ] as const)('%s', (_name, geo, route, model, decision) => {
    expect(checkGeoPolicy(RULES, geo, route, model)).toEqual(decision);
  });

  it('no rules: allowed', () => {
    expect(checkGeoPolicy([], { country_iso: 'US' }, 'openai.chat', 'm')).toEqual({ allowed: true, reason: 'no geo rule applies' });
  });

  it('"*" model pattern and empty lists match everything', () => {
    expect(checkGeoPolicy([{ models: ['*'], deny_countries: ['RU'] }], { country_iso: 'RU' }, 'any', 'm').allowed).toBe(false);
  });
});
