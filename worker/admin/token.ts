/**
 * Bearer-token check for operator routes, in constant time: both sides are HMAC'd with a
 * per-isolate random key and the equal-length digests compared without early exit, so neither
 * the content nor the length of the configured token leaks through timing.
 */
// Created on first use: workerd allows no random values at global scope.
let keyPromise: Promise<CryptoKey> | undefined;
const encoder = new TextEncoder();

async function digest(value: string): Promise<Uint8Array> {
  keyPromise ??= crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign']) as Promise<CryptoKey>;
  return new Uint8Array(await crypto.subtle.sign('HMAC', await keyPromise, encoder.encode(value)));
}

/** Constant-time string equality. */
export async function timingSafeEqual(a: string, b: string): Promise<boolean> {
  const [da, db] = await Promise.all([digest(a), digest(b)]);
  let diff = 0;
  for (let i = 0; i < da.length; i++) diff |= da[i]! ^ db[i]!;
  return diff === 0;
}

/** The bearer token of a request, or null. */
export function bearerToken(request: Request): string | null {
  const header = request.headers.get('authorization');
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}

export type TokenCheck = 'ok' | 'admin_disabled' | 'missing_token' | 'invalid_token';

/**
 * @example
 * const check = await checkAdminToken(request, config.adminToken); // 'ok' | 'missing_token' | ...
 */
export async function checkAdminToken(request: Request, configured: string): Promise<TokenCheck> {
  if (!configured) return 'admin_disabled';
  const presented = bearerToken(request);
  if (!presented) return 'missing_token';
  return (await timingSafeEqual(presented, configured)) ? 'ok' : 'invalid_token';
}
