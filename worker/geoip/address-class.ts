/**
 * Addresses that are not on the public internet: recorded as `address_class` in the audit
 * record and never looked up (a database answer for 10.0.0.1 is meaningless, and some
 * databases return a misleading country for reserved space).
 *
 * From the IANA IPv4 and IPv6 special-purpose address registries (RFC 6890 and successors).
 * Order matters: the first match wins, so narrower blocks come before the blocks holding them.
 *
 * @example
 * addressClass(parseIp('10.1.2.3')!); // 'private'
 * addressClass(parseIp('100.64.0.1')!); // 'cgnat'
 * addressClass(parseIp('8.8.8.8')!); // undefined (public: look it up)
 */
import type { IpAddress } from './address.js';
import { parseCidr, prefixMatches, type Cidr } from './cidr.js';

export type AddressClass =
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'cgnat'
  | 'link-local'
  | 'documentation'
  | 'multicast'
  | 'reserved';

const table = (rows: ReadonlyArray<readonly [string, AddressClass]>): ReadonlyArray<readonly [Cidr, AddressClass]> =>
  rows.map(([cidr, cls]) => [parseCidr(cidr), cls] as const);

const V4 = table([
  ['0.0.0.0/32', 'unspecified'],
  ['0.0.0.0/8', 'reserved'], // "this network"
  ['10.0.0.0/8', 'private'],
  ['100.64.0.0/10', 'cgnat'], // RFC 6598 shared address space
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local'],
  ['172.16.0.0/12', 'private'],
  ['192.0.0.0/24', 'reserved'], // IETF protocol assignments
  ['192.0.2.0/24', 'documentation'], // TEST-NET-1
  ['192.88.99.0/24', 'reserved'], // deprecated 6to4 relay anycast
  ['192.168.0.0/16', 'private'],
  ['198.18.0.0/15', 'reserved'], // benchmarking
  ['198.51.100.0/24', 'documentation'], // TEST-NET-2
  ['203.0.113.0/24', 'documentation'], // TEST-NET-3
  ['224.0.0.0/4', 'multicast'],
  ['240.0.0.0/4', 'reserved'], // incl. 255.255.255.255 broadcast
]);

const V6 = table([
  ['::/128', 'unspecified'],
  ['::1/128', 'loopback'],
  ['::/96', 'reserved'], // deprecated IPv4-compatible
  ['64:ff9b:1::/48', 'private'], // local-use NAT64
  ['100::/64', 'reserved'], // discard-only
  ['2001:db8::/32', 'documentation'],
  ['3fff::/20', 'documentation'], // RFC 9637
  ['2001::/23', 'reserved'], // IETF protocol assignments (Teredo, ORCHID, benchmarking)
  ['fc00::/7', 'private'], // unique local
  ['fe80::/10', 'link-local'],
  ['fec0::/10', 'reserved'], // deprecated site-local
  ['ff00::/8', 'multicast'],
]);

const NAT64 = parseCidr('64:ff9b::/96');

/** The special-purpose class of `ip`, or undefined for a public (look-up-able) address. */
export function addressClass(ip: IpAddress): AddressClass | undefined {
  if (ip.version === 4) {
    for (const [c, cls] of V4) if (prefixMatches(ip.bytes, c.bytes, c.prefix)) return cls;
    return undefined;
  }
  for (const [c, cls] of V6) if (prefixMatches(ip.bytes, c.bytes, c.prefix)) return cls;
  // Only 2000::/3 is allocated as global unicast (plus the globally reachable NAT64 prefix
  // 64:ff9b::/96); everything else is not a real client.
  if ((ip.bytes[0]! & 0xe0) !== 0x20 && !prefixMatches(ip.bytes, NAT64.bytes, NAT64.prefix)) return 'reserved';
  return undefined;
}

/** Private-network classes a geo policy may treat as "inside the network" (allow_private). */
export const IN_NETWORK_CLASSES: ReadonlySet<string> = new Set<AddressClass>(['loopback', 'private', 'cgnat', 'link-local']);
