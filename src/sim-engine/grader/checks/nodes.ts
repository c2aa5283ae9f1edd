/** Swarm nodes, from `/nodes` on a manager, named by hostname as `docker node ls` shows them. */
import type { Node } from '../../api/types/swarm.ts';
import type { NodeProps } from '../goal.ts';
import { labelsCheck } from './common.ts';
import type { Kind, PropCheck } from './kind.ts';

function field<V extends string>(word: string, valueOf: (n: Node) => string): PropCheck<Node, V, unknown> {
  return {
    want: (v) => `${word} ${v}`,
    check: (n, v) => {
      const have = valueOf(n);
      return { ok: have === v, phrase: have === v ? `${word} ${have}` : `${word} ${have}, not ${v}` };
    },
  };
}

export const NODES: Kind<Node, NodeProps, unknown> = {
  noun: 'node',
  plural: 'nodes',
  name: (n) => n.Description.Hostname ?? n.ID,
  find: (all, name) => all.find((n) => n.Description.Hostname === name) ?? all.find((n) => n.ID === name),
  describe: (n) => `(${n.Status.State})`,
  checks: {
    role: field('is a', (n) => n.Spec.Role ?? 'worker'),
    availability: field('has availability', (n) => n.Spec.Availability ?? 'active'),
    status: field('is', (n) => n.Status.State),
    leader: {
      want: (v) => (v ? 'is the leader' : 'is not the leader'),
      check: (n, v) => {
        const leader = n.ManagerStatus?.Leader === true;
        if (leader === v) return { ok: true, phrase: leader ? 'is the leader' : 'is not the leader' };
        return { ok: false, phrase: leader ? 'is the leader, and should not be' : 'is not the leader' };
      },
    },
    labels: labelsCheck<Node>((n) => n.Spec.Labels),
  },
};
