import { describe, expect, it } from 'vitest';
import { addressClass, CidrError, parseCidr, parseCidrList, parseIp } from '../../worker/geoip/index.js';

describe('parseIp', () => {
  it.each([
    ['1.2.3.4', 4, '1.2.3.4'],
    ['255.255.255.255', 4, '255.255.255.255'],
    ['0.0.0.0', 4, '0.0.0.0'],
    ['2001:DB8::1', 6, '2001:db8::1'],
    ['2001:0db8:0000:0000:0000:0000:0000:0001', 6, '2001:db8::1'],
    ['::', 6, '::'],
    ['::1', 6, '::1'],
    ['fe80::1%eth0', 6, 'fe80::1'],
    ['2001:db8:0:0:1:0:0:1', 6, '2001:db8::1:0:0:1'],
    ['2001:db8::', 6, '2001:db8::'],
    ['1:0:0:0:0:0:0:8', 6, '1::8'],
    ['1:2:3:4:5:6:7:8', 6, '1:2:3:4:5:6:7:8'],
    ['::ffff:8.8.8.8', 4, '8.8.8.8'],
    ['::FFFF:808:808', 4, '8.8.8.8'],
    ['0:0:0:0:0:ffff:1.2.3.4', 4, '1.2.3.4'],
    ['64:ff9b::1.2.3.4', 6, '64:ff9b::102:304'],
  ])('%s -> v%i %s', (text, version, canonical) => {
    const ip = parseIp(text);
    expect(ip?.version).toBe(version);
    expect(ip?.text).toBe(canonical);
  });

  it.each([
    '', ' 1.2.3.4', '1.2.3.4 ', '1.2.3', '1.2.3.4.5', '256.1.1.1', '01.2.3.4', '1.2.3.04', '1..2.3', '1.2.3.-4',
    '0x7f.0.0.1', '2130706433', ':::', '1:2:3:4:5:6:7:8:9', '1::2::3', '12345::', 'g::1', ':1:2', '1:2:', '::ffff:1.2.3',
    '::1.2.3.4:5', '[::1]', 'localhost', '%eth0', '1:2:3:4:5:6:7::8:9',
  ])('refuses %j', (text) => {
    expect(parseIp(text)).toBeUndefined();
  });
});

describe('CIDR', () => {
  it('parses v4, v6, bare hosts and IPv4-mapped blocks', () => {
    expect(parseCidr('10.0.0.0/8')).toMatchObject({ version: 4, prefix: 8, text: '10.0.0.0/8' });
    expect(parseCidr('2001:DB8::/32').text).toBe('2001:db8::/32');
    expect(parseCidr('192.0.2.7').text).toBe('192.0.2.7/32');
    expect(parseCidr('::1').text).toBe('::1/128');
    expect(parseCidr('::ffff:10.0.0.0/104').text).toBe('10.0.0.0/8');
    expect(parseCidr('0.0.0.0/0').prefix).toBe(0);
  });

  it.each([
    ['10.0.0.1/8', /host bits set; did you mean 10.0.0.0\/8\?/],
    ['2001:db8::1/32', /did you mean 2001:db8::\/32\?/],
    ['10.0.0.0/33', /prefix length 33 exceeds 32/],
    ['::/129', /prefix length 129 exceeds 128/],
    ['10.0.0.0/', /prefix length "" is not a number/],
    ['10.0.0.0/8a', /is not a number/],
    ['10.0.0/8', /"10.0.0" is not an IPv4 or IPv6 address/],
    ['::ffff:10.0.0.0/8', /at least 96/],
  ])('refuses %s with a clear error', (text, message) => {
    expect(() => parseCidr(text)).toThrow(CidrError);
    expect(() => parseCidr(text)).toThrow(message);
  });

  it('parses lists separated by commas and spaces, reporting every bad entry', () => {
    const list = parseCidrList(' 10.0.0.0/8,  172.16.0.0/12\n2001:db8::/32 ,127.0.0.1 ');
    expect(list.size).toBe(4);
    expect(list.contains(parseIp('10.200.1.1')!)).toBe(true);
    expect(list.contains(parseIp('172.31.255.255')!)).toBe(true);
    expect(list.contains(parseIp('172.32.0.0')!)).toBe(false);
    expect(list.contains(parseIp('2001:db8:1::5')!)).toBe(true);
    expect(list.contains(parseIp('::ffff:127.0.0.1')!)).toBe(true);
    expect(list.contains(parseIp('127.0.0.2')!)).toBe(false);
    expect(list.match(parseIp('10.1.1.1')!)?.text).toBe('10.0.0.0/8');
    expect(parseCidrList('').size).toBe(0);
    expect(() => parseCidrList('10.0.0.0/8, bogus, 1.2.3.4/40')).toThrow(/entry 2: .*bogus.*; entry 3: .*exceeds 32/);
  });

  it('a /0 matches its whole family only', () => {
    const list = parseCidrList('0.0.0.0/0');
    expect(list.contains(parseIp('8.8.8.8')!)).toBe(true);
    expect(list.contains(parseIp('2001:4860::1')!)).toBe(false);
  });
});

describe('address classes', () => {
  it.each([
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'reserved'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.254', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'cgnat'],
    ['100.127.255.255', 'cgnat'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['169.254.169.254', 'link-local'],
    ['192.0.2.1', 'documentation'],
    ['198.51.100.9', 'documentation'],
    ['203.0.113.200', 'documentation'],
    ['198.18.0.1', 'reserved'],
    ['224.0.0.251', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['fd12:3456::1', 'private'],
    ['fe80::1', 'link-local'],
    ['2001:db8::1', 'documentation'],
    ['3fff::1', 'documentation'],
    ['ff02::1', 'multicast'],
    ['100::1', 'reserved'],
    ['::1.2.3.4', 'reserved'],
    ['4000::1', 'reserved'],
  ])('%s is %s', (ip, cls) => {
    expect(addressClass(parseIp(ip)!)).toBe(cls);
  });

  it.each(['8.8.8.8', '1.1.1.1', '100.63.255.255', '100.128.0.0', '172.15.255.255', '172.32.0.0', '192.0.3.1', '223.255.255.255', '2001:4860:4860::8888', '2a00:1450::1', '2002:c000:0201::1', '64:ff9b::808:808'])(
    '%s is public',
    (ip) => {
      expect(addressClass(parseIp(ip)!)).toBeUndefined();
    },
  );
});
