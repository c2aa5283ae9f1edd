import { describe, expect, it } from 'vitest';
import type { Node } from '../../api/types/swarm.ts';
import { Clock } from '../../clock.ts';
import type { Daemon } from '../../daemon/daemon.ts';
import { Random } from '../../random.ts';
import { Cluster, setMachine } from '../cluster.ts';
import { electLeader, hasQuorum } from '../manager/raft.ts';
import { Dispatcher, HEARTBEAT_FAILURE } from './dispatcher.ts';

/** A cluster of fake daemons whose machines a test switches on and off. */
function fakeCluster(ids: string[]) {
  const clock = new Clock(0);
  const cluster = new Cluster('c', clock, new Random(1));
  const up = new Map(ids.map((id) => [id, true]));
  const daemons = new Map(ids.map((id) => [id, { id } as unknown as Daemon]));
  for (const id of ids) {
    const d = daemons.get(id)!;
    setMachine(d, {
      up: () => up.get(id)!,
      reaches: (other) => up.get(id)! && up.get((other as unknown as { id: string }).id)!,
      daemonAt: () => undefined,
    });
    cluster.addMember(id, d);
    cluster.store.update((tx) =>
      tx.create<Node>('node', {
        ID: id,
        CreatedAt: '',
        UpdatedAt: '',
        Spec: { Role: 'worker', Availability: 'active' },
        Description: {},
        Status: { State: 'unknown' },
      }),
    );
  }
  return { clock, cluster, up };
}

const state = (c: Cluster, id: string) => c.store.get<Node>('node', id)!.Status;

describe('dispatcher', () => {
  it('marks nodes ready on their first heartbeat and down 3 periods after the last', () => {
    const { clock, cluster, up } = fakeCluster(['a', 'b']);
    const d = new Dispatcher(cluster, 'a');
    d.start();
    expect(state(cluster, 'b').State).toBe('ready');
    up.set('b', false);
    clock.advanceTo(14_999);
    expect(state(cluster, 'b').State).toBe('ready');
    clock.advanceTo(15_000);
    expect(state(cluster, 'b')).toEqual({ State: 'down', Message: HEARTBEAT_FAILURE });
    up.set('b', true);
    clock.advanceTo(20_000);
    expect(state(cluster, 'b').State).toBe('ready');
    d.stop();
    expect(clock.pending).toBe(0);
  });

  it('follows the cluster spec’s heartbeat period', () => {
    const { clock, cluster, up } = fakeCluster(['a', 'b']);
    cluster.store.update((tx) =>
      tx.create<{ ID: string; Version: { Index: number }; Spec: object }>('cluster', {
        ID: 'c',
        Spec: { Dispatcher: { HeartbeatPeriod: 2_000_000_000 } },
      }),
    );
    const d = new Dispatcher(cluster, 'a');
    d.start();
    up.set('b', false);
    clock.advanceTo(6_000);
    expect(state(cluster, 'b').State).toBe('down');
    d.stop();
  });
});

describe('raft quorum', () => {
  it('needs a majority of managers to elect and keep a leader', () => {
    const { cluster, up } = fakeCluster(['a', 'b', 'c']);
    for (const id of ['a', 'b', 'c']) cluster.raft.set(id, { nodeId: id, addr: `${id}:2377` });
    expect(electLeader(cluster)).toBe('a');
    cluster.leader = 'a';
    up.set('a', false);
    expect(electLeader(cluster)).toBe('b');
    up.set('b', false);
    expect(hasQuorum(cluster, 'c')).toBe(false);
    expect(electLeader(cluster)).toBeUndefined();
  });
});
