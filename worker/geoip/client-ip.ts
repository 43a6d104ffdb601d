/**
 * Which address the request came from. The socket peer, unless the peer is a proxy the
 * operator trusts (OUTPOST_TRUSTED_PROXIES); then the forwarding header is read from the right
 * (the hop the trusted proxy itself appended) leftwards, skipping further trusted proxies, and
 * the first untrusted hop is the client. Anything left of it was written by the client and is
 * ignored, so a forged `X-Forwarded-For: 1.2.3.4` prefix never wins.
 *
 * One header is used, in this order: X-Forwarded-For, Forwarded (RFC 7239), X-Real-IP. XFF comes
 * first because the common proxies (nginx, HAProxy, Envoy, ingress controllers) append to it
 * while passing other headers through untouched; pin another with `options.header`.
 *
 * A malformed, obfuscated (`_hidden`) or `unknown` hop stops the walk: nothing left of it can
 * be trusted, and the answer is the right-most address already verified (a trusted proxy).
 *
 * @example
 * const trusted = parseCidrList('10.0.0.0/8');
 * const headers = new Headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.9, 10.0.0.7' });
 * resolveClientIp(headers, '10.0.0.2', trusted); // '203.0.113.9'
 * resolveClientIp(headers, '198.51.100.1', trusted); // '198.51.100.1' (peer not trusted)
 */
import { parseIp, type IpAddress } from './address.js';
import type { CidrList } from './cidr.js';

export type ForwardingHeader = 'x-forwarded-for' | 'forwarded' | 'x-real-ip';

export interface ClientIpOptions {
  /** Read only this header (when the proxy in front is known to set exactly it). */
  readonly header?: ForwardingHeader;
}

/**
 * Parses one hop as proxies write it: `1.2.3.4`, `1.2.3.4:5678`, `2001:db8::1`,
 * `[2001:db8::1]`, `[2001:db8::1]:443`. Undefined when malformed.
 */
export function parseHop(text: string): IpAddress | undefined {
  const t = text.trim();
  if (t.startsWith('[')) {
    const close = t.indexOf(']');
    if (close < 0) return undefined;
    const rest = t.slice(close + 1);
    if (rest && !/^:\d{1,5}$/.test(rest)) return undefined;
    return parseIp(t.slice(1, close));
  }
  const colon = t.indexOf(':');
  // One colon: IPv4 with a port. More: a bare IPv6 address (a port would need brackets).
  if (colon >= 0 && colon === t.lastIndexOf(':')) {
    if (!/^\d{1,5}$/.test(t.slice(colon + 1))) return undefined;
    return parseIp(t.slice(0, colon));
  }
  return parseIp(t);
}

/** Splits on commas outside double quotes (Forwarded values may quote). */
function splitOutsideQuotes(text: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (ch === '\\' && quoted) {
      cur += ch + (text[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === sep && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** The `for=` value of each Forwarded element, left to right; null for an element without a usable one. */
function forwardedHops(value: string): Array<IpAddress | undefined> {
  return splitOutsideQuotes(value, ',').map((element) => {
    for (const pair of splitOutsideQuotes(element, ';')) {
      const eq = pair.indexOf('=');
      if (eq < 0) continue;
      if (pair.slice(0, eq).trim().toLowerCase() !== 'for') continue;
      let v = pair.slice(eq + 1).trim();
      if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) v = v.slice(1, -1).replace(/\\(.)/g, '$1');
      // RFC 7239 requires IPv6 in brackets; a bare IPv6 `for=` is malformed.
      if (!v.startsWith('[') && v.split(':').length > 2) return undefined;
      return parseHop(v);
    }
    return undefined;
  });
}

function headerHops(headers: Headers, header: ForwardingHeader): Array<IpAddress | undefined> | undefined {
  // Headers.get joins repeated headers with ", " in arrival order, which is the hop order.
  const value = headers.get(header);
  if (value === null) return undefined;
  if (header === 'forwarded') return forwardedHops(value);
  if (header === 'x-real-ip') return value.includes(',') ? [undefined] : [parseHop(value)];
  return value.split(',').map(parseHop);
}

/**
 * The client address as canonical text, or undefined when the peer is unknown or malformed.
 */
export function resolveClientIp(
  headers: Headers,
  peer: string | undefined,
  trustedProxies: CidrList,
  options: ClientIpOptions = {},
): string | undefined {
  const peerIp = peer === undefined ? undefined : parseHop(peer);
  if (!peerIp) return undefined;
  if (trustedProxies.size === 0 || !trustedProxies.contains(peerIp)) return peerIp.text;
  const order: readonly ForwardingHeader[] = options.header ? [options.header] : ['x-forwarded-for', 'forwarded', 'x-real-ip'];
  let hops: Array<IpAddress | undefined> | undefined;
  for (const h of order) {
    hops = headerHops(headers, h);
    if (hops) break;
  }
  if (!hops) return peerIp.text;
  let verified = peerIp;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i];
    if (!hop) return verified.text;
    if (!trustedProxies.contains(hop)) return hop.text;
    verified = hop;
  }
  // Every hop is a trusted proxy: the left-most one is as far as the chain reaches.
  return verified.text;
}
