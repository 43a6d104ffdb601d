/**
 * The complete check of one bundle file before it may judge a request: signature (first, so a
 * tampered file is reported as tampered, not as whatever the tampering broke), then validation,
 * then the OAuth keys. Used for the volume's bundle, installed bundles, the last known good one
 * and `outpost policy validate`.
 */
import type { JSONWebKeySet } from 'jose';
import type { PolicyBundle } from './bundle.js';
import { resolveJwks, type PolicyFileReader } from './auth/jwks.js';
import type { Problem } from './schema.js';
import { checkSignature, type SignaturePolicy } from './signature.js';
import { validateBundle } from './validate.js';

export interface CheckContext {
  readonly signatures: SignaturePolicy;
  /** Reads files the bundle names (jwks_file), relative to the policy volume. */
  readonly readPolicyFile: PolicyFileReader;
  /** Accept comments (the .jsonc example); never for bundles the gateway enforces. */
  readonly comments?: boolean;
  /** Name of the signature file, for messages. */
  readonly signatureName?: string;
}

export interface CheckedBundle {
  readonly ok: true;
  readonly bundle: PolicyBundle;
  readonly bytes: Uint8Array;
  readonly sha256: string;
  readonly signed: boolean;
  /** The OAuth keys, resolved (inline or from jwks_file), when auth.mode is oauth. */
  readonly jwks?: JSONWebKeySet;
  readonly warnings: readonly Problem[];
  readonly notes: readonly string[];
}

export type CheckResult = CheckedBundle | { readonly ok: false; readonly problems: readonly Problem[] };

/** Hex SHA-256 of bytes. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * @example
 * const result = await checkBundle(bytes, sigBytes, { signatures, readPolicyFile });
 * if (!result.ok) log.error(result.problems.map(formatProblem).join('; '));
 */
export async function checkBundle(bytes: Uint8Array, signature: Uint8Array | null, ctx: CheckContext): Promise<CheckResult> {
  const sig = await checkSignature(ctx.signatures, bytes, signature, ctx.signatureName);
  if (sig.problems.length) return { ok: false, problems: sig.problems };
  const validated = validateBundle(bytes, { comments: ctx.comments === true });
  if (!validated.ok) return validated;
  const { bundle } = validated;
  let jwks: JSONWebKeySet | undefined;
  if (bundle.auth.mode === 'oauth' && bundle.auth.oauth) {
    const keys = await resolveJwks(bundle.auth.oauth, ctx.readPolicyFile);
    if (!keys.ok) return { ok: false, problems: keys.problems };
    jwks = keys.jwks;
  }
  return {
    ok: true,
    bundle,
    bytes,
    sha256: await sha256Hex(bytes),
    signed: sig.signed,
    ...(jwks ? { jwks } : {}),
    warnings: validated.warnings,
    notes: sig.note ? [sig.note] : [],
  };
}
