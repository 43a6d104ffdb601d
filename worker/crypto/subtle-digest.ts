/**
 * The audit chain's digest through WebCrypto (crypto.subtle): inside workerd it runs natively
 * (BoringSSL) and costs about half of worker/crypto/sha256.ts's JavaScript for an event-sized
 * text (bench/audit-digest.mjs: 6.7 us against 13.3 us SHA-256, 16.7 us HMAC, 1,000 bytes), at
 * the price of one awaited promise per digest. Same hex output as chainDigest (audit/chain.ts):
 * the key is the UTF-8 bytes of OUTPOST_AUDIT_HMAC_KEY, used raw as HMAC's key.
 */
import { toHex } from './sha256.js';

const encoder = new TextEncoder();

/**
 * An asynchronous hex digest: HMAC-SHA256 with the key, SHA-256 without.
 * @example
 * const digest = subtleDigest(config.audit.hmacKey);
 * await digest('{"seq":1}'); // 64 hex characters
 */
export function subtleDigest(hmacKey: string | undefined): (text: string) => Promise<string> {
  if (!hmacKey) return async (text) => toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text))));
  // Imported once; after that, one await per digest.
  let key: CryptoKey | undefined;
  return async (text) => {
    key ??= await crypto.subtle.importKey('raw', encoder.encode(hmacKey), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    return toHex(new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(text))));
  };
}
