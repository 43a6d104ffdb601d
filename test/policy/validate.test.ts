import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem, validateBundle } from '../../worker/policy/index.js';
import { readJson } from '../../worker/policy/json.js';
import { SchemaWalker } from '../../worker/policy/schema.js';
import { baselineBytes } from '../../worker/policy/baseline.js';
import { bundle, json } from './helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const asset = (name: string): string => readFileSync(join(ROOT, 'assets', 'policy', name), 'utf8');

const problemsOf = (input: string | Uint8Array, comments = false): string[] => {
  const result = validateBundle(input, { comments });
  return result.ok ? [] : result.problems.map(formatProblem);
};

const oauth = (extra: Record<string, unknown> = {}) => ({
  mode: 'oauth',
  oauth: { issuer: 'https://idp', audience: 'outpost', jwks: { keys: [{ kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' }] }, ...extra },
});

// Each broken bundle with the exact message(s) an operator sees (gateway log, admin API, CLI).
const BROKEN: Array<{ name: string; input: string | Uint8Array; expected: string[] }> = [
  {
    name: 'syntax error: trailing comma',
    input: '{\n  "schema_version": 1,\n  "version": "x",\n}\n',
    expected: ['$: not valid JSON: line 4, column 1: unexpected "}", expected a string key'],
  },
  {
    name: 'syntax error: missing comma',
    input: '{\n  "schema_version": 1\n  "version": "x"\n}',
    expected: ['$: not valid JSON: line 3, column 3: unexpected "\\"", expected "," or "}"'],
  },
  { name: 'syntax error: truncated', input: '{"models": [', expected: ['$: not valid JSON: line 1, column 13: unexpected end of file, expected a value'] },
  { name: 'comments are not JSON', input: '// hi\n{}', expected: ['$: not valid JSON: line 1, column 1: comments are not allowed in JSON'] },
  { name: 'empty file', input: '  \n', expected: ['$: the file is empty'] },
  { name: 'not an object', input: '[1]', expected: ['$: a policy bundle must be a JSON object'] },
  { name: 'not UTF-8', input: new Uint8Array([0x7b, 0xff, 0x7d]), expected: ['$: the file is not valid UTF-8'] },
  {
    name: 'huge file',
    input: json(bundle({ description: 'x'.repeat(1024 * 1024) })),
    expected: ['$: the file is 1.0 MiB, larger than the 1.0 MiB limit for policy bundles'],
  },
  {
    name: 'wrong types',
    input: json(bundle({ schema_version: '1', version: 7, models: { name: '*' }, auth: { mode: 'jwt' } })),
    expected: ['$.schema_version: must be 1, got "1"', '$.version: expected string, got number', '$.models: expected array, got object', '$.auth.mode: must be one of "oauth", "api_key", "none", got "jwt"'],
  },
  {
    name: 'missing required fields',
    input: json({ schema_version: 1, version: 'v1', created_at: '2026-03-13T09:00:00Z' }),
    expected: ['$: missing required field "models"', '$: missing required field "risk_tiers"', '$: missing required field "auth"'],
  },
  {
    name: 'unknown fields',
    input: json(bundle({ modles: [], models: [{ name: '*', risk_tier: 'standard', riskTier: 'x' }] })),
    expected: [
      '$.models[0].riskTier: unknown field (allowed here: name, target, risk_tier, scopes, groups, knowledge)',
      '$.modles: unknown field (allowed here: $schema, schema_version, version, created_at, description, targets, models, risk_tiers, dlp, auth, routes, geo, knowledge, audit, project)',
    ],
  },
  {
    name: 'unknown model target',
    input: json(
      bundle({
        targets: [{ id: 'vllm-a', kind: 'openai', base_url: 'http://vllm-a:8000' }],
        models: [
          { name: 'a', target: 'vllm-a', risk_tier: 'standard' },
          { name: 'b', target: 'default', risk_tier: 'standard' },
          { name: 'c', target: 'vllm-b', risk_tier: 'standard' },
        ],
      }),
    ),
    expected: ['$.models[2].target: unknown target "vllm-b" (known: "default", "vllm-a")'],
  },
  {
    name: 'unknown risk tier',
    input: json(bundle({ models: [{ name: '*', risk_tier: 'hi' }] })),
    expected: ['$.models[0].risk_tier: unknown risk tier "hi" (known: "standard")'],
  },
  {
    name: 'duplicate ids',
    input: json(
      bundle({
        targets: [
          { id: 'vllm', kind: 'openai', base_url: 'http://a:8000' },
          { id: 'vllm', kind: 'ollama', base_url: 'http://b:11434' },
        ],
        models: [
          { name: 'm', risk_tier: 'standard' },
          { name: 'm', risk_tier: 'standard' },
        ],
        dlp: {
          custom_patterns: [{ id: 'r1', type: 'X', pattern: 'x', action: 'flag' }],
          keywords: [{ id: 'r1', type: 'Y', keywords: ['y'], action: 'flag' }],
        },
      }),
    ),
    expected: [
      '$.targets[1].id: duplicate target id "vllm" (also at $.targets[0])',
      '$.models[1].name: duplicate model "m" (also at $.models[0])',
      '$.dlp.keywords[0].id: duplicate rule id "r1" (also at $.dlp.custom_patterns[0])',
    ],
  },
  {
    name: 'duplicate JSON keys',
    input: '{"schema_version": 1, "version": "a", "version": "b", "created_at": "2026-03-13T09:00:00Z", "models": [{"name": "*", "risk_tier": "s"}], "risk_tiers": {"s": {}}, "auth": {"mode": "none"}}',
    expected: ['$.version: duplicate key (line 1, column 39); JSON parsers disagree on which one wins'],
  },
  {
    name: 'RE2 refuses the pattern',
    input: json(bundle({ dlp: { custom_patterns: [{ id: 'p', type: 'X', pattern: 'a(?=b)', action: 'block' }] } })),
    expected: ['$.dlp.custom_patterns[0].pattern: not a valid RE2 pattern (invalid or unsupported Perl syntax: `(?=`); RE2 has no lookaround and no backreferences'],
  },
  {
    name: 'tier names unknown rules',
    input: json(bundle({ risk_tiers: { standard: { dlp: { custom_patterns: ['nope'], rule_actions: { zzz: 'block' } } } } })),
    expected: ['$.risk_tiers.standard.dlp.custom_patterns[0]: unknown custom pattern "nope" (known: none)', '$.risk_tiers.standard.dlp.rule_actions.zzz: unknown rule id "zzz" (known: none)'],
  },
  {
    name: 'oauth mode without oauth section, api_keys in the wrong mode',
    input: json(bundle({ auth: { mode: 'oauth', api_keys: {} } })),
    expected: ['$.auth: mode "oauth" needs an oauth section (issuer, audience, jwks or jwks_file)', '$.auth.api_keys: only allowed with mode "api_key" (mode is "oauth")'],
  },
  {
    name: 'bad JWKS: private key, symmetric key, missing keys',
    input: json(
      bundle({
        auth: oauth({
          jwks: {
            keys: [
              { kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo', d: 'secret' },
              { kty: 'oct', k: 'c2VjcmV0' },
            ],
          },
        }),
      }),
    ),
    expected: [
      '$.auth.oauth.jwks.keys[1].kty: must be one of "RSA", "EC", "OKP", got "oct"',
      '$.auth.oauth.jwks.keys[0]: contains private key material ("d"); a bundle\'s JWKS holds public keys only',
      '$.auth.oauth.jwks.keys[1]: contains private key material ("k"); a bundle\'s JWKS holds public keys only',
    ],
  },
  {
    name: 'both jwks and jwks_file; alg none',
    input: json(bundle({ auth: oauth({ jwks_file: 'jwks.json', algorithms: ['none'] }) })),
    expected: [
      '$.auth.oauth.algorithms[0]: must be one of "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA", got "none"',
      '$.auth.oauth: has both jwks and jwks_file; keep one',
    ],
  },
  {
    name: 'jwks_file escaping the volume',
    input: json(bundle({ auth: { mode: 'oauth', oauth: { issuer: 'i', audience: 'a', jwks_file: 'keys/../../etc/x' } } })),
    expected: ['$.auth.oauth.jwks_file: "keys/../../etc/x" must be a plain path inside the policy volume (no "..", no empty parts)'],
  },
  {
    name: 'scopes that mode none can never satisfy',
    input: json(bundle({ routes: { 'openai.chat': { scopes: ['chat'] } }, models: [{ name: '*', risk_tier: 'standard', groups: ['g'] }] })),
    expected: [
      '$.routes["openai.chat"].scopes: auth mode "none" gives callers no scopes or groups, so this rule would refuse every call',
      '$.models[0].groups: auth mode "none" gives callers no scopes or groups, so this rule would refuse every call',
    ],
  },
  {
    name: 'unknown route id, bad country, bad version, bad date',
    input: json(
      bundle({
        version: 'v 1',
        created_at: '2026-13-45T00:00:00Z',
        routes: { 'openai.chats': { scopes: [] } },
        geo: { rules: [{ routes: ['openai.chat'], allow_countries: ['de'], unknown: 'maybe' }] },
      }),
    ),
    expected: [
      '$.version: "v 1" does not match ^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$',
      '$.routes["openai.chats"]: unknown field (allowed here: openai.chat, openai.completions, openai.embeddings, ollama.chat, ollama.generate, ollama.embed, models.list)',
      '$.geo.rules[0].allow_countries[0]: "de" does not match ^[A-Z]{2}$',
      '$.geo.rules[0].unknown: must be one of "allow", "deny", got "maybe"',
      '$.created_at: "2026-13-45T00:00:00Z" is not a real date and time',
    ],
  },
  {
    name: 'a model claimed by two targets',
    input: json(
      bundle({
        targets: [
          { id: 'a', kind: 'openai', base_url: 'http://a:8000', models: ['m'] },
          { id: 'b', kind: 'openai', base_url: 'http://b:8000', models: ['m'] },
        ],
        models: [{ name: 'm', target: 'b', risk_tier: 'standard' }],
      }),
    ),
    expected: [
      '$.targets[1].models[0]: model "m" is already claimed by target "a" ($.targets[0].models[0])',
      '$.models[0].target: model "m" is routed to "b" here but claimed by target "a" ($.targets[0].models[0])',
    ],
  },
  {
    name: 'target URL with credentials',
    input: json(bundle({ targets: [{ id: 'a', kind: 'openai', base_url: 'http://u:p@a:8000' }] })),
    expected: ['$.targets[0].base_url: must not carry credentials; use an API key variable'],
  },
];

describe('policy bundle validation', () => {
  for (const { name, input, expected } of BROKEN) {
    it(`refuses: ${name}`, () => {
      expect(problemsOf(input)).toEqual(expected);
    });
  }

  it('accepts the minimal bundle, the baseline and the commented example', () => {
    expect(problemsOf(json(bundle()))).toEqual([]);
    expect(problemsOf(baselineBytes())).toEqual([]);
    expect(problemsOf(asset('policy_bundle.example.jsonc'), true)).toEqual([]);
    // The example is commented: as strict JSON it is refused with a position.
    expect(problemsOf(asset('policy_bundle.example.jsonc'))[0]).toMatch(/^\$: not valid JSON: line 1, column 1: comments are not allowed/);
  });

  it('keeps a "__proto__" key as data', () => {
    const { value } = readJson('{"__proto__": {"polluted": true}}');
    expect(Object.keys(value as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('the schema walker refuses keywords it does not implement', () => {
    expect(() => new SchemaWalker({ type: 'object', properties: { a: { oneOf: [] } } })).toThrow(/uses "oneOf"/);
    expect(() => new SchemaWalker({ $ref: '#/$defs/missing' })).toThrow(/does not resolve/);
  });
});

describe('the published JSON Schema', () => {
  it('is a valid JSON Schema that a standard validator agrees with on the example and the baseline', async () => {
    // ajv only in tests (it generates code, which workerd forbids): a second opinion on the schema.
    const { default: Ajv2020 } = (await import('ajv/dist/2020.js')) as unknown as { default: new (o: object) => { compile(s: object): ((v: unknown) => boolean) & { errors?: unknown } } };
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(asset('policy_bundle.schema.json')));
    expect(validate(readJson(asset('policy_bundle.example.jsonc'), { comments: true }).value)).toBe(true);
    expect(validate(JSON.parse(asset('policy_bundle.baseline.json')))).toBe(true);
    expect(validate(bundle({ models: [{ name: '*', risk_tier: 'standard', extra: 1 }] }))).toBe(false);
  });
});
