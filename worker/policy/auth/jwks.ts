/**
 * The OAuth section's keys: inline or from a file in the policy volume, checked key by key so
 * that a bad JWKS is refused at load time with the path of the key, not at the first request.
 */
import { importJWK, type JSONWebKeySet, type JWK } from 'jose';
import { childPath } from '../json.js';
import type { Problem } from '../schema.js';
import type { BundleOAuth } from '../bundle.js';

/** Algorithms accepted when the bundle does not list its own. */
export const DEFAULT_ALGORITHMS = ['RS256', 'ES256', 'EdDSA'] as const;

/** Reads a file relative to the policy volume; null when it does not exist. */
export type PolicyFileReader = (relativePath: string) => Promise<Uint8Array | null>;

export type JwksResult = { readonly ok: true; readonly jwks: JSONWebKeySet } | { readonly ok: false; readonly problems: readonly Problem[] };

function algorithmsFitting(key: JWK, allowed: readonly string[]): string[] {
  if (key.alg) return allowed.includes(key.alg) ? [key.alg] : [];
  if (key.kty === 'RSA') return allowed.filter((a) => /^(RS|PS)\d+$/.test(a));
  if (key.kty === 'EC') {
    const byCurve: Record<string, string> = { 'P-256': 'ES256', 'P-384': 'ES384', 'P-521': 'ES512' };
    const alg = byCurve[String(key.crv)];
    return alg && allowed.includes(alg) ? [alg] : [];
  }
  if (key.kty === 'OKP') return allowed.includes('EdDSA') && key.crv === 'Ed25519' ? ['EdDSA'] : [];
  return [];
}

/**
 * The bundle's JWKS, every key imported once to prove it usable.
 * @example
 * const result = await resolveJwks(bundle.auth.oauth, (name) => volumes.read(`${policyPath}/${name}`));
 * if (result.ok) createLocalJWKSet(result.jwks);
 */
export async function resolveJwks(oauth: BundleOAuth, readPolicyFile: PolicyFileReader): Promise<JwksResult> {
  let jwks: unknown = oauth.jwks;
  let base = '$.auth.oauth.jwks';
  if (oauth.jwks_file) {
    const where = '$.auth.oauth.jwks_file';
    let bytes: Uint8Array | null;
    try {
      bytes = await readPolicyFile(oauth.jwks_file);
    } catch (e) {
      return { ok: false, problems: [{ path: where, message: `cannot read ${JSON.stringify(oauth.jwks_file)}: ${(e as Error).message}` }] };
    }
    if (!bytes) return { ok: false, problems: [{ path: where, message: `file ${JSON.stringify(oauth.jwks_file)} not found in the policy volume` }] };
    try {
      jwks = JSON.parse(new TextDecoder().decode(bytes));
    } catch (e) {
      return { ok: false, problems: [{ path: where, message: `${JSON.stringify(oauth.jwks_file)} is not valid JSON (${(e as Error).message})` }] };
    }
    const keys = (jwks as { keys?: unknown } | null)?.keys;
    if (!Array.isArray(keys) || keys.length === 0) {
      return { ok: false, problems: [{ path: where, message: `${JSON.stringify(oauth.jwks_file)} is not a JWKS ({"keys": [...]} with at least one key)` }] };
    }
    base = `${where} (${oauth.jwks_file})`;
  }
  const keys = ((jwks as { keys: JWK[] }).keys ?? []) as JWK[];
  const allowed = oauth.algorithms ?? DEFAULT_ALGORITHMS;
  const problems: Problem[] = [];
  for (const [i, key] of keys.entries()) {
    const path = childPath(`${base}.keys`, i);
    if (!key || typeof key !== 'object') {
      problems.push({ path, message: 'expected a JSON Web Key object' });
      continue;
    }
    if (!['RSA', 'EC', 'OKP'].includes(String(key.kty))) {
      problems.push({ path: `${path}.kty`, message: `must be "RSA", "EC" or "OKP" (public asymmetric keys only), got ${JSON.stringify(key.kty)}` });
      continue;
    }
    if ('d' in key || 'k' in key) {
      problems.push({ path, message: 'contains private key material; a JWKS holds public keys only' });
      continue;
    }
    const algs = algorithmsFitting(key, allowed);
    if (!algs.length) {
      problems.push({ path, message: `no accepted algorithm (${allowed.join(', ')}) fits this ${key.kty}${key.crv ? ` ${key.crv}` : ''} key${key.alg ? ` (alg ${key.alg})` : ''}` });
      continue;
    }
    try {
      await importJWK({ ...key, ext: true }, algs[0]);
    } catch (e) {
      problems.push({ path, message: `not a usable ${algs[0]} public key: ${(e as Error).message}` });
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, jwks: { keys } };
}
