import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FilterArgs } from '../../api/filters.ts';
import type { NetworkInspect } from '../../api/types/network.ts';
import { filterNetworks } from './list.ts';

const network = (name: string, driver = 'bridge', labels: Record<string, string> = {}): NetworkInspect => ({
  Name: name,
  Id: name.padEnd(64, '0'),
  Created: '2026-11-28T10:00:00Z',
  Scope: 'local',
  Driver: driver,
  EnableIPv4: true,
  EnableIPv6: false,
  IPAM: { Driver: 'default', Options: null, Config: null },
  Internal: false,
  Attachable: false,
  Ingress: false,
  ConfigFrom: { Network: '' },
  ConfigOnly: false,
  Containers: {},
  Options: {},
  Labels: labels,
});

const filters = (pairs: [string, string][]) =>
  FilterArgs.parse(JSON.stringify(Object.fromEntries(pairs.map(([k, v]) => [k, { [v]: true }]))));

describe('FilterNetworks', () => {
  const all = [
    network('bridge'),
    network('host', 'host'),
    network('none', 'null'),
    network('app', 'bridge', { env: 'prod' }),
  ];

  it('returns everything without filters, and partitions by type', () => {
    expect(filterNetworks([...all], new FilterArgs())).toEqual(all);
    const custom = filterNetworks([...all], filters([['type', 'custom']])).map((n) => n.Name);
    const builtin = filterNetworks([...all], filters([['type', 'builtin']])).map((n) => n.Name);
    expect(custom).toEqual(['app']);
    expect(builtin).toEqual(['bridge', 'host', 'none']);
    expect(filterNetworks([...all], filters([['label', 'env=prod']])).map((n) => n.Name)).toEqual(['app']);
    expect(filterNetworks([...all], filters([['driver', 'null']])).map((n) => n.Name)).toEqual(['none']);
  });

  it('never throws on any name or id pattern, and only ever narrows the list', () => {
    fc.assert(
      fc.property(fc.constantFrom('name', 'id', 'driver', 'scope', 'label'), fc.string(), (key, value) => {
        const out = filterNetworks([...all], filters([[key, value]]));
        return out.every((n) => all.includes(n));
      }),
    );
  });
});
