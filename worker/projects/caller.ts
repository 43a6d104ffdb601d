/**
 * The last step of project resolution: the project the caller's credential belongs to, read
 * before the credential is verified (the project's own identify stage verifies it next, with that
 * project's keys, so a forged claim gains nothing but a 401).
 *
 * - a JWT: the value of a claim some project names (project.token_claim), when it is that project;
 * - an API key: the one project whose bundle grants the key's name (auth.api_keys).
 */
import { decodeJwt } from 'jose';
import { claimAt } from '../policy/auth/claims.js';
import { presentedCredential } from '../policy/auth/credential.js';
import type { ApiKeyEntry } from '../policy/auth/api-key.js';
import type { ProjectCatalog } from './catalog.js';

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const encoder = new TextEncoder();

/** Matches a presented key against OUTPOST_API_KEYS in constant time per key (HMAC digests, no early exit). */
export class KeyNames {
  private prepared: Promise<{ hmac: CryptoKey; digests: { name: string; digest: Uint8Array }[] }> | undefined;

  constructor(private readonly keys: readonly ApiKeyEntry[]) {}

  /**
   * @example
   * await new KeyNames([{ name: 'ci', key: 'k'.repeat(20) }]).nameOf('k'.repeat(20)); // 'ci'
   */
  async nameOf(presented: string): Promise<string | undefined> {
    if (this.keys.length === 0) return undefined;
    // Created on first use: workerd allows no crypto at global scope.
    this.prepared ??= (async () => {
      const hmac = (await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])) as CryptoKey;
      const digests = await Promise.all(this.keys.map(async (k) => ({ name: k.name, digest: new Uint8Array(await crypto.subtle.sign('HMAC', hmac, encoder.encode(k.key))) })));
      return { hmac, digests };
    })();
    const { hmac, digests } = await this.prepared;
    const digest = new Uint8Array(await crypto.subtle.sign('HMAC', hmac, encoder.encode(presented)));
    let matched: string | undefined;
    for (const candidate of digests) {
      let diff = 0;
      for (let i = 0; i < digest.length; i++) diff |= digest[i]! ^ candidate.digest[i]!;
      if (diff === 0 && matched === undefined) matched = candidate.name;
    }
    return matched;
  }
}

/** The project named by an unverified JWT's claims, if exactly one project claims it. */
function projectOfToken(token: string, catalog: ProjectCatalog): string | undefined {
  let payload: Record<string, unknown>;
  try {
    payload = decodeJwt(token) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  for (const [claim, projects] of catalog.tokenClaims()) {
    const named = claimAt(payload, claim);
    if (typeof named === 'string' && projects.has(named)) return named;
  }
  return undefined;
}

/**
 * The project of the caller's credential, or undefined.
 * @example
 * await projectOfCaller(request, catalog, keyNames); // 'research'
 */
export async function projectOfCaller(request: Request, catalog: ProjectCatalog, keyNames: KeyNames): Promise<string | undefined> {
  const credential = presentedCredential(request);
  if (!credential) return undefined;
  if (JWT_SHAPE.test(credential)) {
    const fromToken = projectOfToken(credential, catalog);
    if (fromToken) return fromToken;
  }
  const name = await keyNames.nameOf(credential);
  return name === undefined ? undefined : catalog.byApiKeyName(name);
}
