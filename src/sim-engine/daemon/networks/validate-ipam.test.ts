import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ipamProblems, joinErrors, validateIPAM } from './validate-ipam.ts';

describe('ValidateIPAM', () => {
  it('accepts a masked subnet with its range, gateway and aux addresses inside', () => {
    expect(
      validateIPAM(
        [
          {
            Subnet: '172.28.0.0/16',
            IPRange: '172.28.5.0/24',
            Gateway: '172.28.5.254',
            AuxiliaryAddresses: { router: '172.28.1.5' },
          },
        ],
        false,
      ),
    ).toBeUndefined();
  });

  it("speaks moby's texts, one per problem", () => {
    expect(ipamProblems([{ Subnet: 'foo' }], false)).toEqual([
      'invalid subnet foo: invalid CIDR block notation',
    ]);
    expect(ipamProblems([{ Subnet: '10.0.0.1/24' }], false)).toEqual([
      'invalid subnet 10.0.0.1/24: it should be 10.0.0.0/24',
    ]);
    expect(ipamProblems([{ Subnet: '10.0.0.0/24', IPRange: '10.0.0.0/16' }], false)).toEqual([
      'invalid ip-range 10.0.0.0/16: CIDR block is bigger than its parent subnet 10.0.0.0/24',
    ]);
    expect(ipamProblems([{ Subnet: '10.0.0.0/24', IPRange: '10.1.0.0/25' }], false)).toEqual([
      "invalid ip-range 10.1.0.0/25: parent subnet 10.0.0.0/24 doesn't contain ip-range",
    ]);
    expect(ipamProblems([{ Subnet: '10.0.0.0/24', IPRange: '10.0.0.1/25' }], false)).toEqual([
      'invalid ip-range 10.0.0.1/25: it should be 10.0.0.0/25',
    ]);
    expect(ipamProblems([{ Subnet: '10.0.0.0/24', IPRange: 'x' }], false)).toEqual([
      'invalid ip-range x: invalid CIDR block notation',
    ]);
    expect(ipamProblems([{ Subnet: '10.0.0.0/24', Gateway: '10.1.0.1' }], false)).toEqual([
      "invalid gateway 10.1.0.1: parent subnet 10.0.0.0/24 doesn't contain this address",
    ]);
    expect(ipamProblems([{ Subnet: '10.0.0.0/24', Gateway: 'nope' }], false)).toEqual([
      'invalid gateway nope: invalid address',
    ]);
    expect(ipamProblems([{ Subnet: '10.0.0.0/24', Gateway: '2001:db8::1' }], false)).toEqual([
      'invalid gateway 2001:db8::1: parent subnet is an IPv4 block',
    ]);
    expect(ipamProblems([{ Subnet: '10.0.0.0/24', AuxiliaryAddresses: { a: '10.9.9.9' } }], false)).toEqual([
      "invalid auxiliary address a: parent subnet 10.0.0.0/24 doesn't contain this address",
    ]);
  });

  it('skips IPv6 subnets of a network without IPv6', () => {
    expect(ipamProblems([{ Subnet: '2001:db8::/64', Gateway: '10.0.0.1' }], false)).toEqual([]);
    expect(ipamProblems([{ Subnet: '2001:db8::/64', Gateway: '10.0.0.1' }], true)).toEqual([
      'invalid gateway 10.0.0.1: parent subnet is an IPv6 block',
    ]);
  });

  it('joins several as a bulleted list after "invalid network config:"', () => {
    expect(validateIPAM([{ Subnet: '10.0.0.1/24', Gateway: '10.1.0.1' }], false)).toBe(
      "invalid network config:\n* invalid subnet 10.0.0.1/24: it should be 10.0.0.0/24\n* invalid gateway 10.1.0.1: parent subnet 10.0.0.1/24 doesn't contain this address",
    );
    expect(joinErrors(['a\nb', 'c'])).toBe('* a\n\tb\n* c');
    expect(joinErrors([' one '])).toBe('one');
  });

  it('never throws, and reports nothing for masked subnets with inside gateways', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ Subnet: fc.string(), Gateway: fc.string(), IPRange: fc.string() })),
        (cfg) => {
          ipamProblems(cfg, true);
          return true;
        },
      ),
    );
    const octet = fc.integer({ min: 0, max: 255 });
    fc.assert(
      fc.property(fc.tuple(octet, octet, octet, octet), fc.integer({ min: 8, max: 30 }), (o, bits) => {
        const n = ((o[0] << 24) | (o[1] << 16) | (o[2] << 8) | o[3]) >>> 0;
        const mask = (0xffffffff << (32 - bits)) >>> 0;
        const base = (n & mask) >>> 0;
        const ip = (x: number) => [x >>> 24, (x >>> 16) & 255, (x >>> 8) & 255, x & 255].join('.');
        return ipamProblems([{ Subnet: `${ip(base)}/${bits}`, Gateway: ip(base + 1) }], false).length === 0;
      }),
    );
  });
});
