/**
 * Validation of a policy bundle's bytes: size, encoding, JSON syntax (with line and column),
 * duplicate keys, the JSON Schema, then what a schema cannot say: duplicate ids, references
 * (model -> target, model -> risk tier, tier -> rule ids), regular expressions that RE2 refuses,
 * and rules that could never be satisfied. Every problem names its JSON path.
 *
 * The gateway (load.ts), the admin install route and `outpost policy validate` all call
 * validateBundle, so they report the same messages. Checks that need keys or files (JWKS import,
 * signatures) are asynchronous and live in check.ts.
 */
import { RE2JS } from 're2js';
import schemaJson from '../../assets/policy/policy_bundle.schema.json';
import { normaliseBaseUrl } from '../config/index.js';
import { JsonSyntaxError, childPath, readJson } from './json.js';
import { SchemaWalker, type Problem } from './schema.js';
import { MAX_BUNDLE_BYTES, type PolicyBundle } from './bundle.js';
import { checkKnowledge } from './validate-knowledge.js';

export type ValidationResult =
  | { readonly ok: true; readonly bundle: PolicyBundle; readonly warnings: readonly Problem[] }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** The id of the environment's default target (OUTPOST_UPSTREAM_URL), which models may name. */
export const ENV_DEFAULT_TARGET_ID = 'default';

/** Private JWK members: a bundle travels and is read by many; it carries public keys only. */
const PRIVATE_JWK_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k', 'oth'];

let walker: SchemaWalker | undefined;
/** The schema walker, built on first use (nothing heavy runs at module load in workerd). */
export function schemaWalker(): SchemaWalker {
  walker ??= new SchemaWalker(schemaJson as Record<string, unknown>);
  return walker;
}

const MIB = 1024 * 1024;
const formatSize = (bytes: number): string => (bytes >= MIB ? `${(bytes / MIB).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`);

/**
 * Validates a bundle file's exact bytes (or text) and returns the typed bundle or every problem.
 * @example
 * const result = validateBundle(await readFile('policy_bundle.json'));
 * if (!result.ok) for (const p of result.problems) console.error(formatProblem(p));
 */
export function validateBundle(input: Uint8Array | string, options: { comments?: boolean } = {}): ValidationResult {
  const size = typeof input === 'string' ? new TextEncoder().encode(input).byteLength : input.byteLength;
  if (size > MAX_BUNDLE_BYTES) {
    return fail({ path: '$', message: `the file is ${formatSize(size)}, larger than the ${formatSize(MAX_BUNDLE_BYTES)} limit for policy bundles` });
  }
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      return fail({ path: '$', message: 'the file is not valid UTF-8' });
    }
  }
  if (text.trim() === '') return fail({ path: '$', message: 'the file is empty' });

  let parsed: ReturnType<typeof readJson>;
  try {
    parsed = readJson(text, options);
  } catch (e) {
    if (e instanceof JsonSyntaxError) return fail({ path: '$', message: `not valid JSON: ${e.message}` });
    throw e;
  }
  const problems: Problem[] = parsed.duplicates.map((d) => ({
    path: childPath(d.objectPath, d.key),
    message: `duplicate key (line ${d.line}, column ${d.column}); JSON parsers disagree on which one wins`,
  }));
  if (!parsed.value || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) {
    return fail(...problems, { path: '$', message: 'a policy bundle must be a JSON object' });
  }
  problems.push(...schemaWalker().validate(parsed.value));
  const warnings: Problem[] = [];
  checkSemantics(parsed.value as Record<string, unknown>, problems, warnings);
  if (problems.length) return { ok: false, problems };
  return { ok: true, bundle: parsed.value as PolicyBundle, warnings };
}

function fail(...problems: Problem[]): ValidationResult {
  return { ok: false, problems };
}

// The semantic checks run on a value the schema may have refused in places, so they read it
// defensively: a wrong-typed part is already reported and is simply skipped here.
type Loose = Record<string, unknown>;
const objectAt = (v: unknown): Loose | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Loose) : undefined);
const arrayAt = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const stringAt = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const nonEmpty = (v: unknown): boolean => Array.isArray(v) && v.length > 0;
const listOf = (names: Iterable<string>): string => [...names].map((n) => JSON.stringify(n)).join(', ') || 'none';

function checkSemantics(bundle: Loose, problems: Problem[], warnings: Problem[]): void {
  const createdAt = stringAt(bundle.created_at);
  if (createdAt && /^\d{4}-/.test(createdAt) && Number.isNaN(Date.parse(createdAt))) {
    problems.push({ path: '$.created_at', message: `${JSON.stringify(createdAt)} is not a real date and time` });
  }

  // Targets: unique ids, usable URLs, no model claimed twice.
  const targetIds = new Map<string, string>();
  const claims = new Map<string, { target: string; path: string }>();
  arrayAt(bundle.targets).forEach((t, i) => {
    const target = objectAt(t);
    const path = childPath('$.targets', i);
    const id = stringAt(target?.id);
    if (!target || !id) return;
    const earlier = targetIds.get(id);
    if (earlier) problems.push({ path: `${path}.id`, message: `duplicate target id ${JSON.stringify(id)} (also at ${earlier})` });
    else targetIds.set(id, path);
    const url = stringAt(target.base_url);
    if (url && /^https?:\/\//.test(url)) {
      try {
        normaliseBaseUrl('base_url', url);
      } catch (e) {
        problems.push({ path: `${path}.base_url`, message: (e as Error).message.replace(/^base_url /, '') });
      }
    }
    arrayAt(target.models).forEach((m, j) => {
      if (typeof m !== 'string') return;
      const claim = claims.get(m);
      const at = childPath(`${path}.models`, j);
      if (claim && claim.target !== id) problems.push({ path: at, message: `model ${JSON.stringify(m)} is already claimed by target ${JSON.stringify(claim.target)} (${claim.path})` });
      else claims.set(m, { target: id, path: at });
    });
  });
  const knownTargets = new Set([ENV_DEFAULT_TARGET_ID, ...targetIds.keys()]);

  // Models: unique names, known targets and risk tiers, consistent with the targets' claims.
  const tiers = objectAt(bundle.risk_tiers) ?? {};
  const usedTiers = new Set<string>();
  const modelNames = new Map<string, string>();
  arrayAt(bundle.models).forEach((m, i) => {
    const model = objectAt(m);
    const path = childPath('$.models', i);
    const name = stringAt(model?.name);
    if (!model || !name) return;
    const earlier = modelNames.get(name);
    if (earlier) problems.push({ path: `${path}.name`, message: `duplicate model ${JSON.stringify(name)} (also at ${earlier})` });
    else modelNames.set(name, path);
    const target = stringAt(model.target);
    if (target !== undefined) {
      if (!knownTargets.has(target)) problems.push({ path: `${path}.target`, message: `unknown target ${JSON.stringify(target)} (known: ${listOf(knownTargets)})` });
      const claim = claims.get(name);
      if (claim && claim.target !== target) {
        problems.push({ path: `${path}.target`, message: `model ${JSON.stringify(name)} is routed to ${JSON.stringify(target)} here but claimed by target ${JSON.stringify(claim.target)} (${claim.path})` });
      }
    }
    const tier = stringAt(model.risk_tier);
    if (tier !== undefined) {
      if (!Object.prototype.hasOwnProperty.call(tiers, tier)) problems.push({ path: `${path}.risk_tier`, message: `unknown risk tier ${JSON.stringify(tier)} (known: ${listOf(Object.keys(tiers))})` });
      else usedTiers.add(tier);
    }
  });
  for (const tier of Object.keys(tiers)) {
    if (!usedTiers.has(tier)) warnings.push({ path: childPath('$.risk_tiers', tier), message: 'no model uses this risk tier' });
  }

  checkDlp(bundle, tiers, problems);
  checkAuth(bundle, problems, warnings);
  checkKnowledge(bundle, problems);
}

function checkDlp(bundle: Loose, tiers: Loose, problems: Problem[]): void {
  const dlp = objectAt(bundle.dlp) ?? {};
  const ruleIds = new Map<string, string>();
  const patternIds = new Set<string>();
  const keywordIds = new Set<string>();
  const noteId = (id: string | undefined, path: string, kind: Set<string>): void => {
    if (!id) return;
    const earlier = ruleIds.get(id);
    if (earlier) problems.push({ path: `${path}.id`, message: `duplicate rule id ${JSON.stringify(id)} (also at ${earlier})` });
    else ruleIds.set(id, path);
    kind.add(id);
  };
  arrayAt(dlp.custom_patterns).forEach((p, i) => {
    const rule = objectAt(p);
    const path = childPath('$.dlp.custom_patterns', i);
    noteId(stringAt(rule?.id), path, patternIds);
    const pattern = stringAt(rule?.pattern);
    if (pattern) {
      try {
        RE2JS.compile(pattern, rule?.case_insensitive === true ? RE2JS.CASE_INSENSITIVE : 0);
      } catch (e) {
        const reason = (e as Error).message.replace(/^error parsing regexp: /, '');
        problems.push({ path: `${path}.pattern`, message: `not a valid RE2 pattern (${reason}); RE2 has no lookaround and no backreferences` });
      }
    }
  });
  arrayAt(dlp.keywords).forEach((k, i) => noteId(stringAt(objectAt(k)?.id), childPath('$.dlp.keywords', i), keywordIds));

  for (const [name, t] of Object.entries(tiers)) {
    const tierDlp = objectAt(objectAt(t)?.dlp);
    if (!tierDlp) continue;
    const path = `${childPath('$.risk_tiers', name)}.dlp`;
    const checkRefs = (field: 'custom_patterns' | 'keywords', known: Set<string>, what: string): void => {
      arrayAt(tierDlp[field]).forEach((id, i) => {
        if (typeof id === 'string' && !known.has(id)) {
          problems.push({ path: childPath(`${path}.${field}`, i), message: `unknown ${what} ${JSON.stringify(id)} (known: ${listOf(known)})` });
        }
      });
    };
    checkRefs('custom_patterns', patternIds, 'custom pattern');
    checkRefs('keywords', keywordIds, 'keyword rule');
    for (const id of Object.keys(objectAt(tierDlp.rule_actions) ?? {})) {
      if (!ruleIds.has(id)) problems.push({ path: childPath(`${path}.rule_actions`, id), message: `unknown rule id ${JSON.stringify(id)} (known: ${listOf(ruleIds.keys())})` });
    }
  }
}

function checkAuth(bundle: Loose, problems: Problem[], warnings: Problem[]): void {
  const auth = objectAt(bundle.auth);
  const mode = stringAt(auth?.mode);
  if (!auth || !mode) return;
  // Each mode is explicit: a section for another mode is refused so nobody believes it is on.
  if (mode === 'oauth' && !auth.oauth) problems.push({ path: '$.auth', message: 'mode "oauth" needs an oauth section (issuer, audience, jwks or jwks_file)' });
  if (mode !== 'oauth' && auth.oauth !== undefined) problems.push({ path: '$.auth.oauth', message: `only allowed with mode "oauth" (mode is ${JSON.stringify(mode)})` });
  if (mode !== 'api_key' && auth.api_keys !== undefined) problems.push({ path: '$.auth.api_keys', message: `only allowed with mode "api_key" (mode is ${JSON.stringify(mode)})` });

  const oauth = objectAt(auth.oauth);
  if (oauth) {
    const hasInline = oauth.jwks !== undefined;
    const hasFile = oauth.jwks_file !== undefined;
    if (hasInline === hasFile) problems.push({ path: '$.auth.oauth', message: hasInline ? 'has both jwks and jwks_file; keep one' : 'needs jwks (inline keys) or jwks_file (a file in the policy volume)' });
    const file = stringAt(oauth.jwks_file);
    if (file && file.split('/').some((part) => part === '..' || part === '.' || part === '')) {
      problems.push({ path: '$.auth.oauth.jwks_file', message: `${JSON.stringify(file)} must be a plain path inside the policy volume (no "..", no empty parts)` });
    }
    const algorithms = arrayAt(oauth.algorithms).filter((a): a is string => typeof a === 'string');
    const kids = new Map<string, string>();
    arrayAt(objectAt(oauth.jwks)?.keys).forEach((k, i) => {
      const key = objectAt(k);
      if (!key) return;
      const path = childPath('$.auth.oauth.jwks.keys', i);
      const secret = PRIVATE_JWK_MEMBERS.filter((m) => m in key);
      if (secret.length) problems.push({ path, message: `contains private key material (${secret.map((s) => JSON.stringify(s)).join(', ')}); a bundle's JWKS holds public keys only` });
      const kid = stringAt(key.kid);
      if (kid !== undefined) {
        const earlier = kids.get(kid);
        if (earlier) problems.push({ path: `${path}.kid`, message: `duplicate kid ${JSON.stringify(kid)} (also at ${earlier})` });
        else kids.set(kid, path);
      }
      const alg = stringAt(key.alg);
      if (alg && algorithms.length && !algorithms.includes(alg)) {
        problems.push({ path: `${path}.alg`, message: `${JSON.stringify(alg)} is not in $.auth.oauth.algorithms (${listOf(algorithms)})` });
      }
    });
  }

  if (mode === 'none') {
    // Without authentication the caller has no scopes or groups: such a rule refuses every call.
    const unreachable = 'auth mode "none" gives callers no scopes or groups, so this rule would refuse every call';
    for (const [route, rule] of Object.entries(objectAt(bundle.routes) ?? {})) {
      if (nonEmpty(objectAt(rule)?.scopes)) problems.push({ path: `${childPath('$.routes', route)}.scopes`, message: unreachable });
    }
    arrayAt(bundle.models).forEach((m, i) => {
      const model = objectAt(m);
      if (nonEmpty(model?.scopes)) problems.push({ path: `${childPath('$.models', i)}.scopes`, message: unreachable });
      if (nonEmpty(model?.groups)) problems.push({ path: `${childPath('$.models', i)}.groups`, message: unreachable });
    });
  }
  if (mode === 'api_key' && !auth.api_keys) {
    warnings.push({ path: '$.auth', message: 'mode "api_key" without an api_keys section: every key gets no scopes and no groups' });
  }
}
