/**
 * A swarm for tests, made without `docker swarm init`: a Cluster over some lab
 * daemons, a node object per daemon in the Engine API's shape (the first a manager,
 * the leader; the rest workers, all Ready and Active), the leader's components and an
 * agent on every node. Tests of the scheduler, orchestrators and agent use it to stay
 * independent of the manager code; end-to-end tests use the real `swarm init`.
 */
import type { Clock } from '../../clock.ts';
import type { Daemon } from '../../daemon/daemon.ts';
import type { Random } from '../../random.ts';
import { Cluster } from '../cluster.ts';
import { startAgent, startManagerComponents } from '../components.ts';
import type { NodeObject } from '../orchestrator/task.ts';

type StoredAny = { ID: string; Version: { Index: number } } & Record<string, unknown>;

export interface TestNode {
  name: string;
  ip: string;
  daemon: Daemon;
}

export interface TestSwarm {
  cluster: Cluster;
  /** node IDs, in the order of the nodes given */
  nodeIds: string[];
  /** change a node object (availability, labels, status) as the control API or dispatcher would */
  updateNode(index: number, change: (n: NodeObject) => void): void;
  stop(): void;
}

export function testSwarm(
  nodes: readonly TestNode[],
  clock: Clock,
  random: Random,
  options: { taskHistoryLimit?: number } = {},
): TestSwarm {
  const cluster = new Cluster(random.base36(25), clock, random);
  const nodeIds = nodes.map(() => random.base36(25));
  const now = '2026-11-28T10:00:00.000000001Z';
  cluster.store.update((tx) => {
    tx.create<StoredAny>('cluster', {
      ID: cluster.id,
      Spec: {
        Name: 'default',
        Orchestration: { TaskHistoryRetentionLimit: options.taskHistoryLimit ?? 5 },
      },
    });
    nodes.forEach((n, i) => {
      tx.create<StoredAny>('node', {
        ID: nodeIds[i]!,
        CreatedAt: now,
        UpdatedAt: now,
        Spec: { Labels: {}, Role: i === 0 ? 'manager' : 'worker', Availability: 'active' },
        Description: {
          Hostname: n.name,
          Platform: { Architecture: 'x86_64', OS: 'linux' },
          Resources: { NanoCPUs: n.daemon.ncpu * 1e9, MemoryBytes: n.daemon.memTotal },
          Engine: { EngineVersion: '28.5.1', Labels: {}, Plugins: [] },
        },
        Status: { State: 'ready', Addr: n.ip },
        ...(i === 0
          ? { ManagerStatus: { Leader: true, Reachability: 'reachable', Addr: `${n.ip}:2377` } }
          : {}),
      });
    });
  });
  nodes.forEach((n, i) => cluster.addMember(nodeIds[i]!, n.daemon));
  const stops = [
    startManagerComponents(cluster),
    ...nodes.map((n, i) => {
      const agent = startAgent(cluster, nodeIds[i]!, n.daemon);
      return () => agent.stop();
    }),
  ];
  return {
    cluster,
    nodeIds,
    updateNode(index, change) {
      cluster.store.update((tx) => {
        const n = tx.get<NodeObject>('node', nodeIds[index]!)!;
        change(n);
        tx.update('node', n);
      });
    },
    stop() {
      for (const s of stops.reverse()) s();
    },
  };
}
