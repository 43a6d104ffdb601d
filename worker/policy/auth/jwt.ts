/**
 * OAuth mode: bearer JWTs verified offline against the bundle's JWKS (signature, iss, aud, exp,
 * nbf, with the bundle's clock-skew allowance). Nothing is fetched: an air-gapped gateway never
 * asks the identity provider, so key rotation means a new bundle.
 */
import { checkTokenProject, type ProjectBinding } from './project.js';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet, type JWTVerifyOptions } from 'jose';
import { GatewayError } from '../../core/index.js';
import type { Caller, IdentifyStage } from '../../core/index.js';
import type { BundleOAuth } from '../bundle.js';
import { claimAt, stringList } from './claims.js';
import { DEFAULT_ALGORITHMS } from './jwks.js';
import { presentedCredential } from './credential.js';

export const DEFAULT_CLOCK_SKEW_SECONDS = 60;

const unauthorized = (code: string, message: string): GatewayError => new GatewayError(401, code, message, 'authentication_error');

/** Why a token was refused, in words a client developer can act on (never the token itself). */
function refusal(error: unknown): GatewayError {
  const e = error as { code?: string; claim?: string; reason?: string; message?: string };
  switch (e.code) {
    case 'ERR_JWT_EXPIRED':
      return unauthorized('token_expired', 'The bearer token has expired');
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      if (e.claim === 'aud') return unauthorized('invalid_token', 'The bearer token is not meant for this gateway (audience not accepted)');
      if (e.claim === 'iss') return unauthorized('invalid_token', 'The bearer token was issued by an issuer this gateway does not trust');
      if (e.claim === 'nbf') return unauthorized('invalid_token', 'The bearer token is not valid yet (nbf)');
      return unauthorized('invalid_token', `The bearer token's "${e.claim}" claim is not acceptable (${e.reason ?? 'check_failed'})`);
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return unauthorized('invalid_token', 'The bearer token is signed with an algorithm this gateway does not accept');
    case 'ERR_JWKS_NO_MATCHING_KEY':
      return unauthorized('invalid_token', 'The bearer token is signed by a key this gateway does not know');
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return unauthorized('invalid_token', 'The bearer token signature does not verify');
    default:
      return unauthorized('invalid_token', 'The bearer token is not a valid signed JWT');
  }
}

/**
 * Builds the identify stage for mode "oauth".
 * @example
 * const identify = createJwtIdentify(bundle.auth.oauth!, jwks);
 * const caller = await identify(request, call); // { subject: 'alice', scopes: ['chat'], method: 'jwt', ... }
 */
export function createJwtIdentify(oauth: BundleOAuth, jwks: JSONWebKeySet, project?: ProjectBinding): IdentifyStage {
  const keySet = createLocalJWKSet(jwks);
  const options: JWTVerifyOptions = {
    issuer: oauth.issuer,
    audience: typeof oauth.audience === 'string' ? oauth.audience : [...oauth.audience],
    algorithms: [...(oauth.algorithms ?? DEFAULT_ALGORITHMS)],
    clockTolerance: oauth.clock_skew_seconds ?? DEFAULT_CLOCK_SKEW_SECONDS,
    requiredClaims: ['exp'],
  };
  const scopeClaim = oauth.scope_claim ?? 'scope';
  const groupsClaim = oauth.groups_claim ?? 'groups';
  const subjectClaim = oauth.subject_claim ?? 'sub';
  return async (request): Promise<Caller> => {
    const token = presentedCredential(request);
    if (!token) throw unauthorized('missing_token', 'This gateway requires a bearer token (Authorization: Bearer <JWT>)');
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, keySet, options));
    } catch (e) {
      throw refusal(e);
    }
    if (project) checkTokenProject(payload, project);
    const subject = claimAt(payload, subjectClaim);
    return {
      subject: typeof subject === 'string' && subject ? subject : 'unknown',
      groups: stringList(claimAt(payload, groupsClaim)),
      scopes: stringList(claimAt(payload, scopeClaim)),
      method: 'jwt',
      issuer: oauth.issuer,
    };
  };
}
