/** Networks (`/networks` and an inspect of each) and volumes (`/volumes`). */
import type { NetworkInspect, Volume } from '../../api/types/index.ts';
import type { NetworkProps, VolumeProps } from '../goal.ts';
import type { Snapshot } from '../snapshot.ts';
import { labelsCheck, namesCheck } from './common.ts';
import type { Kind, PropCheck } from './kind.ts';

function is<T>(word: string, valueOf: (obj: T) => boolean): PropCheck<T, boolean, unknown> {
  const said = (v: boolean) => (v ? `is ${word}` : `is not ${word}`);
  return {
    want: said,
    check: (obj, want) => {
      const have = valueOf(obj);
      return {
        ok: have === want,
        phrase: have === want ? said(have) : `${said(have)}, and should${want ? '' : ' not'} be`,
      };
    },
  };
}

function has<T>(word: string, valueOf: (obj: T) => string): PropCheck<T, string, unknown> {
  return {
    want: (v) => `has ${word} ${v}`,
    check: (obj, want) => {
      const have = valueOf(obj);
      return {
        ok: have === want,
        phrase: have === want ? `has ${word} ${have}` : `has ${word} ${have || '(none)'}, not ${want}`,
      };
    },
  };
}

export const NETWORKS: Kind<NetworkInspect, NetworkProps, Snapshot> = {
  noun: 'network',
  plural: 'networks',
  name: (n) => n.Name,
  find: (all, name) => all.find((n) => n.Name === name) ?? all.find((n) => n.Id === name),
  checks: {
    driver: has('the driver', (n) => n.Driver),
    scope: has('the scope', (n) => n.Scope),
    subnet: {
      want: (v) => `has the subnet ${v}`,
      check: (n, want) => {
        const subnets = (n.IPAM.Config ?? []).map((c) => c.Subnet).filter((s): s is string => !!s);
        if (subnets.includes(want)) return { ok: true, phrase: `has the subnet ${want}` };
        return { ok: false, phrase: `has the subnet ${subnets.join(', ') || '(none)'}, not ${want}` };
      },
    },
    attachable: is('attachable', (n) => n.Attachable),
    internal: is('internal', (n) => n.Internal),
    containers: namesCheck<NetworkInspect, Snapshot>('connects', (n) =>
      Object.values(n.Containers ?? {}).map((c) => c.Name),
    ),
    labels: labelsCheck<NetworkInspect>((n) => n.Labels),
  },
};

export const VOLUMES: Kind<Volume, VolumeProps, Snapshot> = {
  noun: 'volume',
  plural: 'volumes',
  name: (v) => v.Name,
  find: (all, name) => all.find((v) => v.Name === name),
  checks: {
    driver: has('the driver', (v) => v.Driver),
    labels: labelsCheck<Volume>((v) => v.Labels),
  },
};
