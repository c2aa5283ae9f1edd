/**
 * A swarm of many nodes for scheduling benchmarks and tests: a Cluster whose store
 * holds `count` node objects (Ready, Active, 4 CPUs and 8 GB each; the first a manager,
 * the rest workers) and the leader's components (orchestrators, reaper, allocator,
 * scheduler), but no member daemons and no agents. Nothing moves a task past ASSIGNED
 * and no dispatcher marks a node Down, so it measures the manager side alone: a
 * 1,000-node swarm is made in milliseconds, where `testSwarm` needs a lab daemon per node.
 */
import { Clock } from '../../clock.ts';
import { Random } from '../../random.ts';
import { Cluster } from '../cluster.ts';
import { startManagerComponents } from '../components.ts';
import type { NodeObject } from '../orchestrator/task.ts';

/** 2026-11-28T10:00:00Z, the testkit's usual day */
const START = 1_795_860_000_000;

type StoredAny = { ID: string; Version: { Index: number } } & Record<string, unknown>;

export interface ScaleSwarm {
  cluster: Cluster;
  clock: Clock;
  nodeIds: string[];
  stop(): void;
}

export interface ScaleNode {
  /** node labels (Spec.Labels), for spread preferences and constraints */
  labels?: Record<string, string>;
  nanoCPUs?: number;
  memoryBytes?: number;
}

export function scaleSwarm(
  nodes: number | readonly ScaleNode[],
  options: { seed?: string; start?: number; components?: boolean } = {},
): ScaleSwarm {
  const list: readonly ScaleNode[] =
    typeof nodes === 'number' ? Array.from({ length: nodes }, () => ({})) : nodes;
  const clock = new Clock(options.start ?? START);
  const random = new Random(options.seed ?? 'scale');
  const cluster = new Cluster(random.base36(25), clock, random);
  const nodeIds = list.map(() => random.base36(25));
  const now = '2026-11-28T10:00:00.000000001Z';
  cluster.store.update((tx) => {
    tx.create<StoredAny>('cluster', {
      ID: cluster.id,
      Spec: { Name: 'default', Orchestration: { TaskHistoryRetentionLimit: 5 } },
    });
    list.forEach((n, i) => {
      const node: Omit<NodeObject, 'Version'> & Record<string, unknown> = {
        ID: nodeIds[i]!,
        CreatedAt: now,
        UpdatedAt: now,
        Spec: { Labels: { ...n.labels }, Role: i === 0 ? 'manager' : 'worker', Availability: 'active' },
        Description: {
          Hostname: `node${i + 1}`,
          Platform: { Architecture: 'x86_64', OS: 'linux' },
          Resources: { NanoCPUs: n.nanoCPUs ?? 4e9, MemoryBytes: n.memoryBytes ?? 8 * 2 ** 30 },
          Engine: { EngineVersion: '28.5.1', Labels: {} },
        },
        Status: { State: 'ready', Addr: `10.0.${(i >> 8) & 255}.${(i & 255) + 1}` },
      };
      tx.create<StoredAny>('node', node as StoredAny);
    });
  });
  const stop = options.components === false ? () => {} : startManagerComponents(cluster);
  return { cluster, clock, nodeIds, stop };
}

/** Fire timers until `done()` or no timer is left; returns the timers fired. */
export function driveUntil(clock: Clock, done: () => boolean, maxTimers = 1e7): number {
  let fired = 0;
  while (!done() && fired < maxTimers && clock.step()) fired++;
  return fired;
}
