/** Salted SHA-256 of matched values: findings correlate across calls without carrying the value. */

const encoder = new TextEncoder();
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Hex characters kept (128 bits): enough to correlate, too little to brute-force back from a salt leak. */
const HASH_HEX_CHARS = 32;

/**
 * @example
 * await saltedHash('deployment-salt', 'jane@acme.io'); // '3b1f…' (32 hex characters)
 */
export async function saltedHash(salt: string, value: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(`${salt}\u0000${value}`)));
  let hex = '';
  for (let i = 0; i < HASH_HEX_CHARS / 2; i++) hex += HEX[digest[i]!];
  return hex;
}
