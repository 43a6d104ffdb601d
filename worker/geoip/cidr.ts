/**
 * CIDR blocks and lists (OUTPOST_TRUSTED_PROXIES, the special-purpose address table).
 *
 * Host bits set (`10.0.0.1/8`) are refused rather than masked: in a trust list a typo should
 * stop the operator, not silently widen or move the trusted range.
 *
 * @example
 * const list = parseCidrList('10.0.0.0/8, 2001:db8::/32 127.0.0.1');
 * list.contains(parseIp('10.1.2.3')!); // true
 * parseCidrList('10.0.0.1/8'); // throws CidrError: ... host bits set; did you mean 10.0.0.0/8?
 */
import { formatIpv6, parseIp, type IpAddress } from './address.js';

export class CidrError extends Error {
  override name = 'CidrError';
}

export interface Cidr {
  readonly version: 4 | 6;
  readonly bytes: Uint8Array;
  readonly prefix: number;
  readonly text: string;
}

/** True when the first `prefix` bits of a and b agree. */
export function prefixMatches(a: Uint8Array, b: Uint8Array, prefix: number): boolean {
  const whole = prefix >> 3;
  for (let i = 0; i < whole; i++) if (a[i] !== b[i]) return false;
  const rest = prefix & 7;
  if (rest === 0) return true;
  const mask = (0xff << (8 - rest)) & 0xff;
  return ((a[whole]! ^ b[whole]!) & mask) === 0;
}

/** Parses `addr/len` or a bare address (a single host); throws CidrError explaining what is wrong. */
export function parseCidr(input: string): Cidr {
  const text = input.trim();
  const slash = text.indexOf('/');
  const addrText = slash < 0 ? text : text.slice(0, slash);
  const ip = parseIp(addrText);
  if (!ip) throw new CidrError(`"${text}" is not a CIDR block: "${addrText}" is not an IPv4 or IPv6 address`);
  const max = addrText.includes(':') ? 128 : 32;
  let prefix = max;
  if (slash >= 0) {
    const lenText = text.slice(slash + 1);
    if (!/^\d{1,3}$/.test(lenText)) throw new CidrError(`"${text}" is not a CIDR block: prefix length "${lenText}" is not a number`);
    prefix = Number(lenText);
    if (prefix > max) throw new CidrError(`"${text}" is not a CIDR block: prefix length ${prefix} exceeds ${max}`);
  }
  // ::ffff:10.0.0.0/104 is the IPv4 block 10.0.0.0/8 (addresses are folded the same way).
  if (max === 128 && ip.version === 4) {
    if (prefix < 96) throw new CidrError(`"${text}" is not usable: an IPv4-mapped block needs a prefix of at least 96`);
    prefix -= 96;
  }
  const bytes = ip.bytes;
  for (let bit = prefix; bit < bytes.length * 8; bit++) {
    if ((bytes[bit >> 3]! >> (7 - (bit & 7))) & 1) {
      const masked = bytes.slice();
      for (let b = prefix; b < masked.length * 8; b++) masked[b >> 3]! &= ~(1 << (7 - (b & 7)));
      const base = ip.version === 4 ? masked.join('.') : formatIpv6(masked);
      throw new CidrError(`"${text}" has host bits set; did you mean ${base}/${prefix}?`);
    }
  }
  return { version: ip.version, bytes, prefix, text: `${ip.text}/${prefix}` };
}

/** An immutable set of CIDR blocks, IPv4 and IPv6 mixed. */
export class CidrList {
  private readonly v4: readonly Cidr[];
  private readonly v6: readonly Cidr[];

  constructor(readonly entries: readonly Cidr[] = []) {
    this.v4 = entries.filter((c) => c.version === 4);
    this.v6 = entries.filter((c) => c.version === 6);
  }

  get size(): number {
    return this.entries.length;
  }

  /** The block containing `ip`, or undefined. */
  match(ip: IpAddress): Cidr | undefined {
    for (const c of ip.version === 4 ? this.v4 : this.v6) if (prefixMatches(ip.bytes, c.bytes, c.prefix)) return c;
    return undefined;
  }

  contains(ip: IpAddress): boolean {
    return this.match(ip) !== undefined;
  }

  toString(): string {
    return this.entries.map((c) => c.text).join(',');
  }
}

/**
 * Parses a list separated by commas and/or white space; empty text is an empty list. Every bad
 * entry is reported (with its position), not only the first.
 */
export function parseCidrList(text: string): CidrList {
  const parts = text.split(/[\s,]+/).filter(Boolean);
  const entries: Cidr[] = [];
  const errors: string[] = [];
  parts.forEach((part, i) => {
    try {
      entries.push(parseCidr(part));
    } catch (err) {
      errors.push(`entry ${i + 1}: ${(err as Error).message}`);
    }
  });
  if (errors.length) throw new CidrError(`invalid CIDR list: ${errors.join('; ')}`);
  return new CidrList(entries);
}
