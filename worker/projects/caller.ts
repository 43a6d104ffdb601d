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
import type { KeyNames } from '../policy/auth/key-names.js';
import type { ProjectCatalog } from './catalog.js';

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;


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
