import { describe, expect, it } from 'vitest';
import { parseCidrList, resolveClientIp, type ForwardingHeader } from '../../worker/geoip/index.js';

const TRUSTED = parseCidrList('10.0.0.0/8, 192.168.0.0/16, fd00::/8, ::1');
const NONE = parseCidrList('');

/** Builds Headers with repeated names kept as separate values (append). */
function headers(list: Array<[string, string]>): Headers {
  const h = new Headers();
  for (const [k, v] of list) h.append(k, v);
  return h;
}

describe('resolveClientIp', () => {
  type Row = [name: string, hdrs: Array<[string, string]>, peer: string | undefined, expected: string | undefined, trusted?: 'none'];
  const rows: Row[] = [
    // The socket peer by default.
    ['no headers', [], '198.51.100.7', '198.51.100.7'],
    ['peer with IPv4-mapped form', [], '::ffff:198.51.100.7', '198.51.100.7'],
    ['IPv6 peer is canonicalised', [], '2001:DB8:0::1', '2001:db8::1'],
    ['bracketed peer with port', [], '[2001:db8::1]:5555', '2001:db8::1'],
    ['unknown peer', [['x-forwarded-for', '203.0.113.5']], undefined, undefined],
    ['malformed peer', [], 'not-an-ip', undefined],
    // Headers from untrusted peers never count.
    ['XFF from untrusted peer', [['x-forwarded-for', '203.0.113.5']], '198.51.100.7', '198.51.100.7'],
    ['Forwarded from untrusted peer', [['forwarded', 'for=203.0.113.5']], '198.51.100.7', '198.51.100.7'],
    ['X-Real-IP from untrusted peer', [['x-real-ip', '203.0.113.5']], '198.51.100.7', '198.51.100.7'],
    ['headers ignored with an empty trust list', [['x-forwarded-for', '203.0.113.5']], '10.0.0.1', '10.0.0.1', 'none'],
    // Trusted proxy: right-most untrusted hop.
    ['XFF single hop', [['x-forwarded-for', '203.0.113.5']], '10.0.0.2', '203.0.113.5'],
    ['XFF spoofed prefix ignored', [['x-forwarded-for', '6.6.6.6, 203.0.113.5']], '10.0.0.2', '203.0.113.5'],
    ['XFF chain of trusted proxies', [['x-forwarded-for', '6.6.6.6, 203.0.113.5, 192.168.1.1, 10.9.9.9']], '10.0.0.2', '203.0.113.5'],
    ['XFF spoofed trusted address left of the client', [['x-forwarded-for', '10.0.0.99, 203.0.113.5']], '10.0.0.2', '203.0.113.5'],
    ['XFF all trusted: left-most', [['x-forwarded-for', '192.168.1.5, 10.1.1.1']], '10.0.0.2', '192.168.1.5'],
    ['XFF with ports and brackets', [['x-forwarded-for', '[2001:db8::5]:443, 203.0.113.5:8080']], '10.0.0.2', '203.0.113.5'],
    ['XFF bare IPv6', [['x-forwarded-for', '2001:db8::5']], '10.0.0.2', '2001:db8::5'],
    ['XFF IPv4-mapped', [['x-forwarded-for', '::ffff:203.0.113.5']], '10.0.0.2', '203.0.113.5'],
    ['XFF multiple headers are one list in order', [['x-forwarded-for', '6.6.6.6'], ['x-forwarded-for', '203.0.113.5, 10.0.0.3']], '10.0.0.2', '203.0.113.5'],
    ['XFF malformed right-most hop: the proxy', [['x-forwarded-for', '203.0.113.5, garbage']], '10.0.0.2', '10.0.0.2'],
    ['XFF malformed behind trusted hop', [['x-forwarded-for', 'garbage, 10.0.0.3']], '10.0.0.2', '10.0.0.3'],
    ['XFF malformed left of the client is irrelevant', [['x-forwarded-for', 'garbage, 203.0.113.5']], '10.0.0.2', '203.0.113.5'],
    ['XFF empty element', [['x-forwarded-for', '203.0.113.5, ']], '10.0.0.2', '10.0.0.2'],
    ['XFF empty header', [['x-forwarded-for', '']], '10.0.0.2', '10.0.0.2'],
    ['XFF leading zeros refused', [['x-forwarded-for', '010.0.0.1']], '10.0.0.2', '10.0.0.2'],
    ['XFF hostname refused', [['x-forwarded-for', 'evil.example']], '10.0.0.2', '10.0.0.2'],
    ['XFF port without address refused', [['x-forwarded-for', ':80']], '10.0.0.2', '10.0.0.2'],
    ['XFF private client address is reported as is', [['x-forwarded-for', '172.16.5.5']], '10.0.0.2', '172.16.5.5'],
    ['IPv6 trusted proxy', [['x-forwarded-for', '203.0.113.5']], 'fd00::1', '203.0.113.5'],
    ['loopback proxy', [['x-forwarded-for', '2001:db8::9']], '::1', '2001:db8::9'],
    // Forwarded (RFC 7239).
    ['Forwarded for=', [['forwarded', 'for=203.0.113.5;proto=https;by=10.0.0.2']], '10.0.0.2', '203.0.113.5'],
    ['Forwarded quoted IPv6 with port', [['forwarded', 'for="[2001:db8:cafe::17]:4711"']], '10.0.0.2', '2001:db8:cafe::17'],
    ['Forwarded quoted IPv4 with port', [['forwarded', 'For="203.0.113.5:47011"']], '10.0.0.2', '203.0.113.5'],
    ['Forwarded chain, spoofed first element', [['forwarded', 'for=6.6.6.6, for=203.0.113.5;proto=http, for=10.1.1.1']], '10.0.0.2', '203.0.113.5'],
    ['Forwarded multiple headers', [['forwarded', 'for=6.6.6.6'], ['forwarded', 'for=203.0.113.5']], '10.0.0.2', '203.0.113.5'],
    ['Forwarded unknown', [['forwarded', 'for=unknown']], '10.0.0.2', '10.0.0.2'],
    ['Forwarded obfuscated', [['forwarded', 'for=_hidden, for=10.0.0.3']], '10.0.0.2', '10.0.0.3'],
    ['Forwarded unquoted IPv6 is malformed', [['forwarded', 'for=2001:db8::1']], '10.0.0.2', '10.0.0.2'],
    ['Forwarded element without for', [['forwarded', 'proto=https;by=10.0.0.2']], '10.0.0.2', '10.0.0.2'],
    ['Forwarded quoted comma does not split', [['forwarded', 'for="203.0.113.5";ext="a,b"']], '10.0.0.2', '203.0.113.5'],
    ['Forwarded unterminated bracket', [['forwarded', 'for="[2001:db8::1"']], '10.0.0.2', '10.0.0.2'],
    // X-Real-IP.
    ['X-Real-IP', [['x-real-ip', '203.0.113.5']], '10.0.0.2', '203.0.113.5'],
    ['X-Real-IP list is malformed', [['x-real-ip', '6.6.6.6, 203.0.113.5']], '10.0.0.2', '10.0.0.2'],
    ['X-Real-IP garbage', [['x-real-ip', '<script>']], '10.0.0.2', '10.0.0.2'],
    // Precedence: XFF, then Forwarded, then X-Real-IP.
    ['XFF wins over Forwarded and X-Real-IP', [['x-real-ip', '6.6.6.6'], ['forwarded', 'for=7.7.7.7'], ['x-forwarded-for', '203.0.113.5']], '10.0.0.2', '203.0.113.5'],
    ['Forwarded wins over X-Real-IP', [['x-real-ip', '6.6.6.6'], ['forwarded', 'for=203.0.113.5']], '10.0.0.2', '203.0.113.5'],
  ];

  it.each(rows)('%s', (_name, hdrs, peer, expected, trusted) => {
    expect(resolveClientIp(headers(hdrs), peer, trusted === 'none' ? NONE : TRUSTED)).toBe(expected);
  });

  it('options.header pins the one header to read', () => {
    const h = headers([['x-forwarded-for', '6.6.6.6'], ['x-real-ip', '203.0.113.5']]);
    const pin = (header: ForwardingHeader) => resolveClientIp(h, '10.0.0.2', TRUSTED, { header });
    expect(pin('x-real-ip')).toBe('203.0.113.5');
    expect(pin('x-forwarded-for')).toBe('6.6.6.6');
    expect(pin('forwarded')).toBe('10.0.0.2');
  });
});
