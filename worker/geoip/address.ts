/**
 * IP address text <-> bytes. Strict on purpose: client addresses come from headers an attacker
 * may write, so anything a browser, proxy or OS would read differently (leading zeros, which
 * some parsers take as octal; short forms like `1.2.3`; stray spaces) is refused, not guessed.
 *
 * IPv4-mapped IPv6 (`::ffff:1.2.3.4`, `::ffff:102:304`) is folded to IPv4, because it is the
 * same host and IPv4-only databases cannot look up the IPv6 spelling.
 *
 * @example
 * parseIp('::ffff:8.8.8.8'); // { version: 4, bytes: Uint8Array [8, 8, 8, 8], text: '8.8.8.8' }
 * parseIp('2001:DB8::1')?.text; // '2001:db8::1'
 * parseIp('010.0.0.1'); // undefined
 */
export interface IpAddress {
  readonly version: 4 | 6;
  /** 4 or 16 bytes, network order. */
  readonly bytes: Uint8Array;
  /** Canonical text: dotted quad, or RFC 5952 compressed lower-case IPv6. */
  readonly text: string;
}

/** Parses an IPv4 dotted quad (no leading zeros, no spaces); undefined when malformed. */
export function parseIpv4Bytes(text: string): Uint8Array | undefined {
  const out = new Uint8Array(4);
  let part = 0;
  let value = 0;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (digits === 1 && value === 0) return undefined; // leading zero: octal in some parsers
      value = value * 10 + (c - 48);
      if (value > 255) return undefined;
      digits++;
    } else if (c === 46) {
      if (digits === 0 || part === 3) return undefined;
      out[part++] = value;
      value = 0;
      digits = 0;
    } else return undefined;
  }
  if (digits === 0 || part !== 3) return undefined;
  out[3] = value;
  return out;
}

function parseIpv6Bytes(input: string): Uint8Array | undefined {
  // A zone (fe80::1%eth0) names a local interface; it never changes which host it is.
  const zone = input.indexOf('%');
  const text = zone >= 0 ? input.slice(0, zone) : input;
  if (zone === 0 || text.length < 2 || text.length > 45) return undefined;
  const words: number[] = [];
  let gap = -1;
  let i = 0;
  if (text.startsWith('::')) {
    gap = 0;
    i = 2;
    if (i === text.length) return new Uint8Array(16);
  } else if (text.startsWith(':')) return undefined;
  while (i < text.length) {
    const colon = text.indexOf(':', i);
    const end = colon < 0 ? text.length : colon;
    const piece = text.slice(i, end);
    if (piece.includes('.')) {
      // Embedded IPv4 is only valid as the last 32 bits.
      if (colon >= 0) return undefined;
      const v4 = parseIpv4Bytes(piece);
      if (!v4) return undefined;
      words.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
      i = end;
      break;
    }
    if (piece.length === 0 || piece.length > 4 || !/^[0-9a-fA-F]+$/.test(piece)) return undefined;
    words.push(parseInt(piece, 16));
    if (colon < 0) {
      i = end;
      break;
    }
    if (text.charCodeAt(colon + 1) === 58) {
      if (gap >= 0) return undefined; // two '::'
      gap = words.length;
      i = colon + 2;
      if (i === text.length) break;
    } else {
      i = colon + 1;
      if (i === text.length) return undefined; // trailing single ':'
    }
  }
  if (words.length > 8 || (gap < 0 && words.length !== 8) || (gap >= 0 && words.length > 7)) return undefined;
  const full = gap < 0 ? words : [...words.slice(0, gap), ...new Array<number>(8 - words.length).fill(0), ...words.slice(gap)];
  const out = new Uint8Array(16);
  for (let w = 0; w < 8; w++) {
    out[w * 2] = full[w]! >> 8;
    out[w * 2 + 1] = full[w]! & 0xff;
  }
  return out;
}

/** True for ::ffff:0:0/96, the IPv4-mapped block. */
function isMapped(b: Uint8Array): boolean {
  for (let i = 0; i < 10; i++) if (b[i] !== 0) return false;
  return b[10] === 0xff && b[11] === 0xff;
}

/** RFC 5952 text: lower case, longest run (>= 2) of zero words as '::', first on a tie. */
export function formatIpv6(b: Uint8Array): string {
  const words: number[] = [];
  for (let w = 0; w < 8; w++) words.push((b[w * 2]! << 8) | b[w * 2 + 1]!);
  let bestStart = -1;
  let bestLen = 1;
  for (let s = 0; s < 8; ) {
    if (words[s] !== 0) {
      s++;
      continue;
    }
    let e = s;
    while (e < 8 && words[e] === 0) e++;
    if (e - s > bestLen) {
      bestStart = s;
      bestLen = e - s;
    }
    s = e;
  }
  const hex = (ws: number[]): string => ws.map((w) => w.toString(16)).join(':');
  if (bestStart < 0) return hex(words);
  return `${hex(words.slice(0, bestStart))}::${hex(words.slice(bestStart + bestLen))}`;
}

/** Parses an IPv4 or IPv6 address (no brackets, no port); undefined when malformed. */
export function parseIp(text: string): IpAddress | undefined {
  if (text.indexOf(':') < 0) {
    const bytes = parseIpv4Bytes(text);
    return bytes ? { version: 4, bytes, text } : undefined;
  }
  const bytes = parseIpv6Bytes(text);
  if (!bytes) return undefined;
  if (isMapped(bytes)) {
    const v4 = bytes.slice(12);
    return { version: 4, bytes: v4, text: v4.join('.') };
  }
  return { version: 6, bytes, text: formatIpv6(bytes) };
}
