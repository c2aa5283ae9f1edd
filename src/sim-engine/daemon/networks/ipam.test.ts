import { describe, expect, it } from 'vitest';
import { formatCidr, parseCidr } from '../../network/ipv4.ts';
import { AddressSpace, allocateAddress, globalPools, localPools, newPool, POOL_OVERLAP } from './ipam.ts';

const first = (gen: Generator<{ base: number; prefix: number }>, n: number) =>
  Array.from({ length: n }, () => formatCidr(gen.next().value!));

describe('default address pools', () => {
  it('hand out 172.17–31 as /16s, then 192.168 as /20s; swarm gets /24s of 10/8', () => {
    const local = [...localPools()].map(formatCidr);
    expect(local.slice(0, 5)).toEqual([
      '172.17.0.0/16',
      '172.18.0.0/16',
      '172.19.0.0/16',
      '172.20.0.0/16',
      '172.21.0.0/16',
    ]);
    expect(local[14]).toBe('172.31.0.0/16');
    expect(local[15]).toBe('192.168.0.0/20');
    expect(local.length).toBe(31);
    expect(first(globalPools(), 2)).toEqual(['10.0.0.0/24', '10.0.1.0/24']);
  });

  it('skip what is allocated or reserved, and refuse overlapping user subnets', () => {
    const space = new AddressSpace(localPools);
    expect(formatCidr(space.allocatePredefined()!)).toBe('172.17.0.0/16');
    space.allocateSubnet(parseCidr('172.18.5.0/24'));
    expect(formatCidr(space.allocatePredefined()!)).toBe('172.19.0.0/16');
    expect(() => space.allocateSubnet(parseCidr('172.19.0.0/20'))).toThrow(POOL_OVERLAP);
    expect(() => space.allocateSubnet(parseCidr('172.16.0.0/12'))).toThrow(POOL_OVERLAP);
    space.release(parseCidr('172.18.5.0/24'));
    expect(formatCidr(space.allocatePredefined()!)).toBe('172.18.0.0/16');
    const reserved = new AddressSpace(localPools);
    for (let i = 0; i < 15; i++) reserved.allocatePredefined();
    // the lab network (192.168.0.x) is the host's own: the /20 around it is skipped
    expect(formatCidr(reserved.allocatePredefined([parseCidr('192.168.0.11/32')])!)).toBe('192.168.16.0/20');
  });

  it('share a parent between ip-ranges, but not the same range twice', () => {
    const space = new AddressSpace(localPools);
    space.allocateSubnet(parseCidr('10.1.0.0/16'), parseCidr('10.1.1.0/24'));
    space.allocateSubnet(parseCidr('10.1.0.0/16'), parseCidr('10.1.2.0/24'));
    expect(() => space.allocateSubnet(parseCidr('10.1.0.0/16'), parseCidr('10.1.2.0/24'))).toThrow(
      POOL_OVERLAP,
    );
    expect(() => space.allocateSubnet(parseCidr('10.1.0.0/16'))).toThrow(POOL_OVERLAP);
  });

  it('give the lowest free address, from the ip-range when there is one', () => {
    const pool = newPool(parseCidr('10.0.0.0/30'));
    expect(allocateAddress(pool)).toBe('10.0.0.1');
    expect(allocateAddress(pool)).toBe('10.0.0.2');
    expect(allocateAddress(pool)).toBeUndefined();
    const ranged = newPool(parseCidr('10.0.0.0/16'), parseCidr('10.0.5.0/24'));
    expect(allocateAddress(ranged)).toBe('10.0.5.0');
  });
});
