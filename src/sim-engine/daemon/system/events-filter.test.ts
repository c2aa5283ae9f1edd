import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FilterArgs } from '../../api/filters.ts';
import type { EventMessage } from '../../api/types/system.ts';
import { EVENT_FILTER_KEYS, EventFilter } from './events-filter.ts';

const filterOf = (pairs: [string, string][]) => {
  const fields = new Map<string, Set<string>>();
  for (const [k, v] of pairs) (fields.get(k) ?? fields.set(k, new Set()).get(k)!).add(v);
  return new EventFilter(new FilterArgs(fields));
};

const event = (over: Partial<EventMessage> & { attrs?: Record<string, string> } = {}): EventMessage => ({
  Type: over.Type ?? 'container',
  Action: over.Action ?? 'start',
  Actor: { ID: over.Actor?.ID ?? 'abc123', Attributes: over.attrs ?? { image: 'nginx:1.25', name: 'web' } },
  scope: over.scope ?? 'local',
  time: 0,
  timeNano: 0,
});

describe('EventFilter (moby daemon/events/filter.go)', () => {
  it('takes every event when no filter is given', () => {
    expect(filterOf([]).empty).toBe(true);
    expect(filterOf([]).include(event())).toBe(true);
  });

  it('matches names by prefix, on the actor ID or its name attribute', () => {
    expect(filterOf([['container', 'we']]).include(event())).toBe(true);
    expect(filterOf([['container', 'abc']]).include(event())).toBe(true);
    expect(filterOf([['container', 'db']]).include(event())).toBe(false);
    // a network event named web is not a container, but `container=web` only looks at names
    expect(filterOf([['container', 'web']]).include(event({ Type: 'network' }))).toBe(true);
  });

  it('matches images with and without their tag', () => {
    expect(filterOf([['image', 'nginx']]).include(event())).toBe(true);
    expect(filterOf([['image', 'nginx:1.25']]).include(event())).toBe(true);
    expect(filterOf([['image', 'nginx:1.24']]).include(event())).toBe(false);
    // image events name the image in `name`
    const pull = event({ Type: 'image', Action: 'pull', Actor: { ID: 'alpine:latest', Attributes: {} } });
    expect(filterOf([['image', 'alpine']]).include(pull)).toBe(true);
  });

  it('matches event actions exactly, except the prefixed ones', () => {
    expect(filterOf([['event', 'sta']]).include(event())).toBe(false);
    const health = event({ Action: 'health_status: healthy' });
    expect(filterOf([['event', 'health_status']]).include(health)).toBe(true);
    expect(filterOf([['event', 'health_status: unhealthy']]).include(health)).toBe(false);
  });

  it('checks labels as key or key=value and the scope only when asked', () => {
    const labelled = event({ attrs: { name: 'web', tier: 'front' } });
    expect(filterOf([['label', 'tier']]).include(labelled)).toBe(true);
    expect(filterOf([['label', 'tier=front']]).include(labelled)).toBe(true);
    expect(filterOf([['label', 'tier=back']]).include(labelled)).toBe(false);
    expect(filterOf([['scope', 'swarm']]).include(event())).toBe(false);
  });

  it('ignores keys the daemon does not know', () => {
    expect(filterOf([['bogus', '1']]).include(event())).toBe(true);
  });

  const name = fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}$/);
  const anEvent = fc.record({
    Type: fc.constantFrom('container', 'image', 'network', 'volume', 'daemon', 'node', 'service'),
    Action: fc.constantFrom('create', 'start', 'die', 'destroy', 'connect', 'pull', 'update'),
    id: fc.stringMatching(/^[0-9a-f]{12}$/),
    name,
    scope: fc.constantFrom('local', 'swarm'),
  });
  const toMessage = (e: { Type: string; Action: string; id: string; name: string; scope: string }) =>
    event({
      Type: e.Type,
      Action: e.Action,
      Actor: { ID: e.id, Attributes: {} },
      attrs: { name: e.name },
      scope: e.scope,
    });

  it('property: an event passes the filters made of its own type, action, name and scope', () => {
    fc.assert(
      fc.property(anEvent, (e) => {
        const m = toMessage(e);
        return filterOf([
          ['type', e.Type],
          ['event', e.Action],
          [e.Type, e.name],
          ['scope', e.scope],
        ]).include(m);
      }),
    );
  });

  it('property: filters on different keys combine with AND; values of one key with OR', () => {
    const pair = fc.tuple(
      fc.constantFrom(...EVENT_FILTER_KEYS),
      fc.oneof(name, fc.constantFrom('create', 'local')),
    );
    fc.assert(
      fc.property(anEvent, pair, pair, (e, a, b) => {
        const m = toMessage(e);
        const both = filterOf([a, b]).include(m);
        // labels are the exception: every label given must be there
        if (a[0] !== b[0] || a[0] === 'label')
          return both === (filterOf([a]).include(m) && filterOf([b]).include(m));
        return both === (filterOf([a]).include(m) || filterOf([b]).include(m));
      }),
    );
  });

  it('property: a name filter takes exactly the names it prefixes', () => {
    fc.assert(
      fc.property(name, name, (actual, prefix) => {
        const m = event({ Type: 'volume', Actor: { ID: '00', Attributes: {} }, attrs: { name: actual } });
        return filterOf([['volume', prefix]]).include(m) === actual.startsWith(prefix);
      }),
    );
  });
});
