import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  contains,
  formatCidr,
  intToIp,
  ipToInt,
  isIPv4,
  isIPv6,
  masked,
  overlaps,
  parseAddr4,
  parseCidr,
  parsePrefix,
  prefixString,
} from './ipv4.ts';

const octet = fc.integer({ min: 0, max: 255 });
const address = fc.tuple(octet, octet, octet, octet).map((o) => o.join('.'));
const bits = fc.integer({ min: 0, max: 32 });

describe('IPv4 addresses as Go parses them', () => {
  it('round-trips every dotted quad through its number', () => {
    fc.assert(fc.property(address, (a) => intToIp(ipToInt(a)) === a));
  });

  it('refuses leading zeros, big octets and short forms, as netip.ParseAddr does', () => {
    for (const bad of ['01.2.3.4', '1.2.3.256', '1.2.3', '1.2.3.4.5', '', '1..2.3', ' 1.2.3.4', '1.2.3.4 '])
      expect(parseAddr4(bad)).toBeUndefined();
    expect(parseAddr4('0.0.0.0')).toBe(0);
    expect(parseAddr4('255.255.255.255')).toBe(0xffffffff);
  });

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string(), (s) => (parseAddr4(s), parsePrefix(s), isIPv6(s), true)));
  });

  it('tells IPv6 from IPv4', () => {
    expect(isIPv6('2001:db8::1')).toBe(true);
    expect(isIPv6('::')).toBe(true);
    expect(isIPv6('::ffff:1.2.3.4')).toBe(true);
    expect(isIPv6('1:2:3:4:5:6:7:8')).toBe(true);
    expect(isIPv6('1::2::3')).toBe(false);
    expect(isIPv6('1.2.3.4')).toBe(false);
    expect(isIPv4('2001:db8::1')).toBe(false);
  });
});

describe('prefixes', () => {
  it('keep the address as written until masked', () => {
    const p = parsePrefix('172.18.0.1/16');
    expect(p).toEqual({ family: 4, addr: ipToInt('172.18.0.1'), bits: 16 });
    expect(prefixString(p!)).toBe('172.18.0.1/16');
    expect(formatCidr(masked(p as Extract<typeof p, { family: 4 }>))).toBe('172.18.0.0/16');
  });

  it('refuse bad lengths', () => {
    for (const bad of ['10.0.0.0/33', '10.0.0.0/', '10.0.0.0/08', '10.0.0.0', '10.0.0.0/-1', 'foo/8'])
      expect(parsePrefix(bad)).toBeUndefined();
    expect(parsePrefix('2001:db8::/64')).toEqual({ family: 6, text: '2001:db8::', bits: 64 });
  });

  it('masked subnets contain their own addresses and overlap symmetrically', () => {
    fc.assert(
      fc.property(address, bits, address, bits, (a, m, b, n) => {
        const s = parseCidr(`${a}/${m}`);
        const t = parseCidr(`${b}/${n}`);
        expect(contains(s, ipToInt(a))).toBe(true);
        expect(overlaps(s, t)).toBe(overlaps(t, s));
        // the smaller prefix contains the other's base exactly when they overlap
        const [big, small] = s.prefix <= t.prefix ? [s, t] : [t, s];
        expect(overlaps(s, t)).toBe(contains(big, small.base));
      }),
    );
  });
});
