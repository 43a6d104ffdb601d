/**
 * Synchronous SHA-256 and HMAC-SHA256 in plain JavaScript.
 *
 * Why not crypto.subtle: it is asynchronous, and the audit writer chains hashes inside one
 * synchronous SQLite transaction (a Durable Object's transactionSync, or sqlite-wasm), where an
 * await would let another batch interleave; the DLP hashes every finding of a call in one
 * synchronous pass for the same reason (no promise per finding). bench/audit-digest.mjs measures
 * this module against crypto.subtle.digest inside workerd. Node callers (the CLI) may inject
 * node:crypto instead.
 *
 * Speed (the audit chain hashes every event, the DLP every finding): blocks are read straight
 * from the input (no padded copy, no DataView), only the last one or two go through a scratch
 * block, and an HMAC key's inner and outer pad states are computed once per key, which halves
 * the blocks of a short HMAC such as a finding's salted hash.
 */
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const INITIAL = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
const W = new Int32Array(64);
/** The last one or two blocks of a message: its tail, the 0x80 byte, zeros and the bit length. */
const TAIL = new Uint8Array(128);
const encoder = new TextEncoder();
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Absorbs the 64-byte blocks of m[start, end) into the state h. */
function compress(h: Int32Array, m: Uint8Array, start: number, end: number): void {
  let h0 = h[0]!, h1 = h[1]!, h2 = h[2]!, h3 = h[3]!, h4 = h[4]!, h5 = h[5]!, h6 = h[6]!, h7 = h[7]!;
  for (let off = start; off < end; off += 64) {
    for (let i = 0, j = off; i < 16; i++, j += 4) W[i] = (m[j]! << 24) | (m[j + 1]! << 16) | (m[j + 2]! << 8) | m[j + 3]!;
    for (let i = 16; i < 64; i++) {
      const w15 = W[i - 15]!, w2 = W[i - 2]!;
      const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
      const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
      W[i] = (W[i - 16]! + s0 + W[i - 7]! + s1) | 0;
    }
    let a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, hh = h7;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (hh + S1 + ((e & f) ^ (~e & g)) + K[i]! + W[i]!) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      hh = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
    }
    h0 = (h0 + a) | 0; h1 = (h1 + b) | 0; h2 = (h2 + c) | 0; h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0; h5 = (h5 + f) | 0; h6 = (h6 + g) | 0; h7 = (h7 + hh) | 0;
  }
  h[0] = h0; h[1] = h1; h[2] = h2; h[3] = h3; h[4] = h4; h[5] = h5; h[6] = h6; h[7] = h7;
}

/** Hashes `data` on from state `h`, which has already absorbed `absorbed` bytes (whole blocks). */
function finish(h: Int32Array, data: Uint8Array, absorbed: number): Uint8Array {
  const whole = data.length - (data.length % 64);
  compress(h, data, 0, whole);
  const rest = data.length - whole;
  const tailLength = rest + 9 <= 64 ? 64 : 128;
  TAIL.fill(0, 0, tailLength);
  TAIL.set(data.subarray(whole), 0);
  TAIL[rest] = 0x80;
  const bits = (absorbed + data.length) * 8;
  const high = Math.floor(bits / 0x100000000);
  for (let i = 0; i < 4; i++) {
    TAIL[tailLength - 8 + i] = (high >>> (24 - 8 * i)) & 0xff;
    TAIL[tailLength - 4 + i] = (bits >>> (24 - 8 * i)) & 0xff;
  }
  compress(h, TAIL, 0, tailLength);
  const out = new Uint8Array(32);
  for (let i = 0; i < 8; i++) {
    const v = h[i]!;
    out[i * 4] = v >>> 24;
    out[i * 4 + 1] = v >>> 16;
    out[i * 4 + 2] = v >>> 8;
    out[i * 4 + 3] = v;
  }
  return out;
}

/**
 * SHA-256 of bytes.
 * @example
 * toHex(sha256(new TextEncoder().encode('abc'))); // 'ba7816bf...'
 */
export function sha256(data: Uint8Array): Uint8Array {
  return finish(INITIAL.slice(), data, 0);
}

/** A key's states after its inner (0x36) and outer (0x5c) pad blocks; `key` is a copy to check reuse against. */
interface PadStates {
  readonly key: Uint8Array;
  readonly inner: Int32Array;
  readonly outer: Int32Array;
}
/** By key array: callers encode a key once and pass the same array (the DLP salt, the chain key). */
const padStates = new WeakMap<Uint8Array, PadStates>();

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function padStatesOf(key: Uint8Array): PadStates {
  const known = padStates.get(key);
  // Compared byte for byte: a caller that changed its key array in place gets the new key's states.
  if (known && sameBytes(known.key, key)) return known;
  const block = new Uint8Array(64);
  block.set(key.length > 64 ? sha256(key) : key);
  const pad = new Uint8Array(64);
  const inner = INITIAL.slice();
  const outer = INITIAL.slice();
  for (let i = 0; i < 64; i++) pad[i] = block[i]! ^ 0x36;
  compress(inner, pad, 0, 64);
  for (let i = 0; i < 64; i++) pad[i] = block[i]! ^ 0x5c;
  compress(outer, pad, 0, 64);
  const states = { key: key.slice(), inner, outer };
  padStates.set(key, states);
  return states;
}

/**
 * HMAC-SHA256 (RFC 2104).
 * @example
 * toHex(hmacSha256(encode('key'), encode('The quick brown fox jumps over the lazy dog')));
 */
export function hmacSha256(key: Uint8Array, data: Uint8Array): Uint8Array {
  const states = padStatesOf(key);
  const innerDigest = finish(states.inner.slice(), data, 64);
  return finish(states.outer.slice(), innerDigest, 64);
}

/**
 * Lower-case hex of bytes.
 * @example
 * toHex(new Uint8Array([0, 255])); // '00ff'
 */
export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += HEX[bytes[i]!];
  return s;
}

/**
 * UTF-8 bytes of a string.
 * @example
 * utf8('é'); // Uint8Array [0xc3, 0xa9]
 */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}
