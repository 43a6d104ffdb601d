/**
 * Ed25519 detached signatures over a bundle file's exact bytes. The signature file
 * (policy_bundle.json.sig) holds the base64 of the 64-byte raw signature, which is what
 * `outpost policy sign` writes and what `openssl pkeyutl -sign -rawin` produces (then base64).
 *
 * OUTPOST_POLICY_PUBLIC_KEY takes: a PEM public key (SPKI), the base64 of a DER SPKI (44 bytes)
 * or of a raw 32-byte key, or the absolute path of a PEM file on a mounted volume.
 * With a key, every bundle that carries a signature must verify; OUTPOST_REQUIRE_SIGNED_POLICY=true
 * also refuses bundles without one.
 */
import type { PolicySettings } from '../config/index.js';
import type { Problem } from './schema.js';

export interface SignaturePolicy {
  /** The verifying key, or null when none is configured. */
  readonly key: CryptoKey | null;
  /** Set when a key is configured but unusable: every bundle is then refused. */
  readonly keyError?: string;
  readonly required: boolean;
}

export interface SignatureCheck {
  /** Empty when the bundle may be used. */
  readonly problems: readonly Problem[];
  /** True when a signature verified. */
  readonly signed: boolean;
  /** Worth logging but not refusing (unsigned, or signed but no key to check). */
  readonly note?: string;
}

const ED25519 = { name: 'Ed25519' } as const;
const SPKI_ED25519_PREFIX = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];

function base64Bytes(text: string): Uint8Array | null {
  const clean = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) return null;
  const binary = atob(clean);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

function pemBody(pem: string): Uint8Array | null {
  const match = /-----BEGIN PUBLIC KEY-----([\s\S]*?)-----END PUBLIC KEY-----/.exec(pem);
  return match ? base64Bytes(match[1]!) : null;
}

/**
 * Imports an Ed25519 public key from the forms OUTPOST_POLICY_PUBLIC_KEY accepts.
 * @example
 * const key = await importPolicyPublicKey('MCowBQYDK2VwAyEA...');
 */
export async function importPolicyPublicKey(value: string, readFile?: (path: string) => Promise<Uint8Array | null>): Promise<CryptoKey> {
  let text = value.trim();
  if (text.startsWith('/')) {
    const bytes = readFile ? await readFile(text) : null;
    if (!bytes) throw new Error(`file ${text} not found (it must be on a volume the gateway mounts)`);
    text = new TextDecoder().decode(bytes);
  }
  const der = text.includes('-----BEGIN') ? pemBody(text) : base64Bytes(text);
  if (!der) throw new Error(text.includes('-----BEGIN') ? 'not a PEM "PUBLIC KEY" block' : 'not base64, PEM or an absolute file path');
  if (der.byteLength === 32) return crypto.subtle.importKey('raw', der as BufferSource, ED25519, false, ['verify']);
  const isSpki = der.byteLength === 44 && SPKI_ED25519_PREFIX.every((b, i) => der[i] === b);
  if (!isSpki) throw new Error(`not an Ed25519 public key (got ${der.byteLength} bytes; expected a 32-byte raw key or a 44-byte SPKI)`);
  return crypto.subtle.importKey('spki', der as BufferSource, ED25519, false, ['verify']);
}

/**
 * The signature policy from the environment. Never throws: an unusable key is reported in keyError.
 * @example
 * const policy = await loadSignaturePolicy(config.policy, (p) => runtime.volumes.read(p));
 */
export async function loadSignaturePolicy(settings: Pick<PolicySettings, 'publicKey' | 'requireSigned'>, readFile?: (path: string) => Promise<Uint8Array | null>): Promise<SignaturePolicy> {
  const required = settings.requireSigned;
  const configured = (settings.publicKey ?? '').trim();
  if (!configured) return { key: null, required, ...(required ? { keyError: 'OUTPOST_REQUIRE_SIGNED_POLICY=true but OUTPOST_POLICY_PUBLIC_KEY is not set' } : {}) };
  try {
    return { key: await importPolicyPublicKey(configured, readFile), required };
  } catch (e) {
    return { key: null, required, keyError: `OUTPOST_POLICY_PUBLIC_KEY is not usable: ${(e as Error).message}` };
  }
}

/**
 * Checks a bundle's bytes against its detached signature (the .sig file's bytes, or null).
 * @example
 * const check = await checkSignature(policy, bundleBytes, sigBytes);
 * if (check.problems.length) refuse(check.problems);
 */
export async function checkSignature(policy: SignaturePolicy, bundle: Uint8Array, signature: Uint8Array | null, signatureName = 'policy_bundle.json.sig'): Promise<SignatureCheck> {
  if (policy.keyError) return { problems: [{ path: '$', message: `signature cannot be checked: ${policy.keyError}` }], signed: false };
  if (!signature) {
    if (policy.required) return { problems: [{ path: '$', message: `unsigned bundle refused: OUTPOST_REQUIRE_SIGNED_POLICY=true and there is no ${signatureName}` }], signed: false };
    return { problems: [], signed: false, ...(policy.key ? { note: `unsigned (no ${signatureName})` } : {}) };
  }
  if (!policy.key) return { problems: [], signed: false, note: `${signatureName} not checked: OUTPOST_POLICY_PUBLIC_KEY is not set` };
  const raw = base64Bytes(new TextDecoder().decode(signature));
  if (!raw || raw.byteLength !== 64) {
    return { problems: [{ path: '$', message: `${signatureName} is not the base64 of a 64-byte Ed25519 signature` }], signed: false };
  }
  const ok = await crypto.subtle.verify(ED25519, policy.key, raw as BufferSource, bundle as BufferSource);
  if (!ok) return { problems: [{ path: '$', message: `${signatureName} does not verify: the bundle was changed after signing, or signed with another key` }], signed: false };
  return { problems: [], signed: true };
}
