/**
 * Keyed hashes of matched values: findings correlate across calls (the same value gives the same
 * hash under one salt) without carrying the value.
 *
 * What it protects, and what it does not (docs/audit.md): without the salt nobody can test a guess
 * against a hash. With the salt, anyone can: HMAC is fast and many sensitive values come from small
 * spaces (a 9-digit SSN is 10^9 guesses, seconds on one GPU), so the salt is a secret of the same
 * rank as the audit log's readers, and rotating it is the remedy after a leak.
 */

const encoder = new TextEncoder();
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Hex characters kept (128 bits): collisions stay negligible for correlation. */
const HASH_HEX_CHARS = 32;

/** One imported HMAC key per salt: importKey costs more than the HMAC of a short value. */
const keys = new Map<string, Promise<CryptoKey>>();

function hmacKey(salt: string): Promise<CryptoKey> {
  let key = keys.get(salt);
  if (!key) {
    key = crypto.subtle.importKey('raw', encoder.encode(salt), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    keys.set(salt, key);
  }
  return key;
}

/**
 * HMAC-SHA-256 of `value` keyed with `salt`, first 128 bits in hex.
 * @example
 * await saltedHash('deployment-salt', 'jane@acme.io'); // '3b1f…' (32 hex characters)
 */
export async function saltedHash(salt: string, value: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.sign('HMAC', await hmacKey(salt), encoder.encode(value)));
  let hex = '';
  for (let i = 0; i < HASH_HEX_CHARS / 2; i++) hex += HEX[digest[i]!];
  return hex;
}
