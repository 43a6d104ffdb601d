/**
 * Keyed hashes of matched values: findings correlate across calls (the same value gives the same
 * hash under one salt) without carrying the value.
 *
 * What it protects, and what it does not (docs/audit.md): without the salt nobody can test a guess
 * against a hash. With the salt, anyone can: HMAC is fast and many sensitive values come from small
 * spaces (a 9-digit SSN is 10^9 guesses, seconds on one GPU), so the salt is a secret of the same
 * rank as the audit log's readers, and rotating it is the remedy after a leak.
 *
 * Synchronous, in JavaScript (the audit chain's SHA-256): a finding's value is a few dozen bytes,
 * four SHA-256 blocks, a few microseconds; crypto.subtle.sign costs more than that per call in
 * workerd before its promise is even awaited, and a call with several findings made one each.
 * The digest is the same HMAC-SHA-256 either way.
 */
import { hmacSha256 } from '../crypto/sha256.js';

const encoder = new TextEncoder();
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Hex characters kept (128 bits): collisions stay negligible for correlation. */
const HASH_HEX_CHARS = 32;

/** The salt's bytes, encoded once per salt (one salt per deployment, a few in tests). */
const keys = new Map<string, Uint8Array>();

function hmacKey(salt: string): Uint8Array {
  let key = keys.get(salt);
  if (!key) {
    key = encoder.encode(salt);
    keys.set(salt, key);
  }
  return key;
}

/**
 * UTF-8 bytes of a matched value. Most are ASCII (cards, emails, keys) and a few dozen characters
 * long: copied in JavaScript, as workerd's TextEncoder is a call into the runtime that costs more
 * than the copy.
 */
function valueBytes(value: string): Uint8Array {
  const bytes = new Uint8Array(value.length);
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code > 127) return encoder.encode(value);
    bytes[i] = code;
  }
  return bytes;
}

/**
 * HMAC-SHA-256 of `value` keyed with `salt`, first 128 bits in hex, at once.
 * @example
 * saltedHashNow('deployment-salt', 'jane@acme.io'); // '3b1f…' (32 hex characters)
 */
export function saltedHashNow(salt: string, value: string): string {
  const digest = hmacSha256(hmacKey(salt), valueBytes(value));
  let hex = '';
  for (let i = 0; i < HASH_HEX_CHARS / 2; i++) hex += HEX[digest[i]!];
  return hex;
}

/**
 * The same hash for callers that await it.
 * @example
 * await saltedHash('deployment-salt', 'jane@acme.io'); // '3b1f…' (32 hex characters)
 */
export function saltedHash(salt: string, value: string): Promise<string> {
  return Promise.resolve(saltedHashNow(salt, value));
}
