import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIPAMConfig, subnetMatches, type IpamOptions } from './ipam-config.ts';

const opts = (o: Partial<IpamOptions>): IpamOptions => ({
  driver: 'default',
  subnets: [],
  ipRanges: [],
  gateways: [],
  auxAddresses: [],
  driverOpts: {},
  ...o,
});

describe('createIPAMConfig', () => {
  it('groups ranges, gateways and aux addresses under their subnet', () => {
    expect(
      createIPAMConfig(
        opts({
          subnets: ['172.28.0.0/16', '10.1.0.0/24'],
          ipRanges: ['172.28.5.0/24'],
          gateways: ['10.1.0.254', '172.28.5.254'],
          auxAddresses: [['router', '10.1.0.5']],
        }),
      ),
    ).toEqual({
      Driver: 'default',
      Options: {},
      Config: [
        { Subnet: '172.28.0.0/16', IPRange: '172.28.5.0/24', Gateway: '172.28.5.254' },
        { Subnet: '10.1.0.0/24', Gateway: '10.1.0.254', AuxiliaryAddresses: { router: '10.1.0.5' } },
      ],
    });
    expect(createIPAMConfig(opts({})).Config).toEqual([]);
  });

  it("fails with docker's texts", () => {
    const fail = (o: Partial<IpamOptions>) => () => createIPAMConfig(opts(o));
    expect(fail({ ipRanges: ['10.0.0.0/24'] })).toThrow(
      'every ip-range or gateway must have a corresponding subnet',
    );
    expect(fail({ subnets: ['10.0.0.0/8', '10.1.0.0/16'] })).toThrow(
      'multiple overlapping subnet configuration is not supported',
    );
    expect(fail({ subnets: ['10.0.0.0/24', 'foo'] })).toThrow('invalid subnet: invalid CIDR address: foo');
    expect(fail({ subnets: ['10.0.0.0/24'], gateways: ['10.1.0.1'] })).toThrow(
      'no matching subnet for gateway 10.1.0.1',
    );
    expect(fail({ subnets: ['10.0.0.0/24'], gateways: ['bogus'] })).toThrow(
      'no matching subnet for gateway bogus',
    );
    expect(fail({ subnets: ['10.0.0.0/24'], ipRanges: ['10.1.0.0/24'] })).toThrow(
      'no matching subnet for range 10.1.0.0/24',
    );
    expect(fail({ subnets: ['10.0.0.0/24'], ipRanges: ['bad'] })).toThrow('invalid CIDR address: bad');
    expect(fail({ subnets: ['10.0.0.0/24'], gateways: ['10.0.0.1', '10.0.0.2'] })).toThrow(
      'every ip-range or gateway must have a corresponding subnet',
    );
    expect(fail({ subnets: ['10.0.0.0/24', '10.0.1.0/24'], gateways: ['10.0.0.1', '10.0.0.2'] })).toThrow(
      'cannot configure multiple gateways (10.0.0.2, 10.0.0.1) for the same subnet (10.0.0.0/24)',
    );
    expect(fail({ subnets: ['10.0.0.0/24'], auxAddresses: [['a', '10.9.0.1']] })).toThrow(
      'no matching subnet for aux-address 10.9.0.1',
    );
    // a single unparsable subnet is the daemon's to refuse
    expect(createIPAMConfig(opts({ subnets: ['foo'] })).Config).toEqual([{ Subnet: 'foo' }]);
  });

  it('matches addresses as IPNet.Contains', () => {
    expect(subnetMatches('10.0.0.0/8', '10.255.255.255')).toBe(true);
    expect(subnetMatches('10.0.0.1/8', '10.0.0.0/16')).toBe(true);
    expect(subnetMatches('10.0.0.0/8', '11.0.0.0')).toBe(false);
    expect(subnetMatches('10.0.0.0/8', '2001:db8::1')).toBe(false);
    const octet = fc.integer({ min: 0, max: 255 });
    fc.assert(
      fc.property(fc.tuple(octet, octet, octet, octet), fc.integer({ min: 0, max: 32 }), (o, bits) => {
        const ip = o.join('.');
        return subnetMatches(`${ip}/${bits}`, ip) && subnetMatches('0.0.0.0/0', ip);
      }),
    );
  });

  it('never throws anything but an Error with a message', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string(), { maxLength: 3 }),
        fc.array(fc.string(), { maxLength: 3 }),
        (subnets, gateways) => {
          try {
            createIPAMConfig(opts({ subnets, gateways }));
          } catch (err) {
            expect(err).toBeInstanceOf(Error);
            expect((err as Error).message).not.toBe('');
          }
        },
      ),
    );
  });
});
