/**
 * Pins where the scheduler puts tasks on a few cluster shapes: spreading by service
 * then by total load, spread preferences over labels, constraints, reservations that
 * fill nodes, MaxReplicas, host-mode ports, preassigned (global) tasks, nodes with
 * recent failures, drained nodes. Each golden file lists, per task, its service, slot,
 * node, state and Err, and the task's Status.Timestamp — which also pins how many
 * stamps the scheduler took from the seeded generator. The files were recorded with the
 * scheduler that rebuilt its node state on every pass and must not change when the
 * scheduler gets faster.
 */
import { describe, expect, it } from 'vitest';
import type { Service, ServiceSpec, Task } from '../../api/types/service.ts';
import type { Task as StoredTask } from '../../api/types/service.ts';
import { createService, updateService } from '../testkit/lab-swarm.ts';
import { driveUntil, type ScaleNode, scaleSwarm, type ScaleSwarm } from '../testkit/scale-swarm.ts';

const nginx = (name: string, replicas: number, template: ServiceSpec['TaskTemplate'] = {}): ServiceSpec => ({
  Name: name,
  TaskTemplate: { ContainerSpec: { Image: 'nginx:latest' }, ...template },
  Mode: { Replicated: { Replicas: replicas } },
});

/** run the clock until nothing is left to do (no agents: tasks stop at ASSIGNED) */
const settle = (s: ScaleSwarm) => driveUntil(s.clock, () => false, 100_000);

function placements(s: ScaleSwarm): string {
  const host = new Map(s.nodeIds.map((id, i) => [id, `node${i + 1}`]));
  const names = new Map(s.cluster.store.find<Service>('service').map((x) => [x.ID, x.Spec.Name]));
  return (
    s.cluster.store
      .find<Task>('task')
      .map(
        (t) =>
          `${names.get(t.ServiceID ?? '') ?? '?'}.${t.Slot ?? '-'} ${host.get(t.NodeID ?? '') ?? '-'} ` +
          `${t.DesiredState}/${t.Status.State}${t.Status.Err ? ` "${t.Status.Err}"` : ''} ${t.Status.Timestamp}`,
      )
      .join('\n') + '\n'
  );
}

const zones = (...z: string[]): ScaleNode[] => z.map((zone) => ({ labels: { zone } }));

describe('scheduler placements (pinned)', () => {
  it('spreads services by their own tasks, then by total load, across scale-ups', async () => {
    const s = scaleSwarm(7, { seed: 'spread' });
    const a = createService(s.cluster, nginx('a', 5));
    settle(s);
    createService(s.cluster, nginx('b', 9));
    createService(s.cluster, nginx('c', 3));
    settle(s);
    updateService(s.cluster, a.ID, (x) => (x.Spec.Mode = { Replicated: { Replicas: 12 } }));
    settle(s);
    createService(s.cluster, nginx('d', 30));
    settle(s);
    await expect(placements(s)).toMatchFileSnapshot('testdata/spread-load.golden');
  });

  it('follows spread preferences over labels, nested, with nodes missing the label', async () => {
    const nodes: ScaleNode[] = [
      ...zones('east', 'east', 'west', 'west', 'west', 'north'),
      { labels: {} },
      { labels: { zone: 'east', rack: 'r1' } },
      { labels: { zone: 'west', rack: 'r2' } },
    ];
    nodes[0]!.labels!.rack = 'r1';
    nodes[2]!.labels!.rack = 'r2';
    const s = scaleSwarm(nodes, { seed: 'prefs' });
    createService(s.cluster, nginx('one', 10));
    createService(
      s.cluster,
      nginx('zoned', 14, {
        Placement: { Preferences: [{ Spread: { SpreadDescriptor: 'node.labels.zone' } }] },
      }),
    );
    settle(s);
    createService(
      s.cluster,
      nginx('racked', 17, {
        Placement: {
          Preferences: [
            { Spread: { SpreadDescriptor: 'node.labels.zone' } },
            { Spread: { SpreadDescriptor: 'node.labels.rack' } },
          ],
        },
      }),
    );
    settle(s);
    await expect(placements(s)).toMatchFileSnapshot('testdata/spread-preferences.golden');
  });

  it('fills nodes up to their reservations, honours constraints and MaxReplicas, explains the rest', async () => {
    const s = scaleSwarm(
      [
        { memoryBytes: 1e9, labels: { disk: 'ssd' } },
        { memoryBytes: 2e9 },
        { memoryBytes: 3e9, labels: { disk: 'ssd' } },
        { memoryBytes: 512e6, labels: { disk: 'ssd' } },
      ],
      { seed: 'fill' },
    );
    createService(s.cluster, nginx('big', 9, { Resources: { Reservations: { MemoryBytes: 5e8 } } }));
    createService(s.cluster, nginx('ssd', 6, { Placement: { Constraints: ['node.labels.disk==ssd'] } }));
    createService(s.cluster, nginx('capped', 7, { Placement: { MaxReplicas: 2 } }));
    createService(
      s.cluster,
      nginx('nowhere', 2, { Placement: { Constraints: ['node.labels.disk==hdd', 'node.role==worker'] } }),
    );
    settle(s);
    await expect(placements(s)).toMatchFileSnapshot('testdata/spread-fill.golden');
  });

  it('places host-mode ports, global tasks and avoids drained nodes', async () => {
    const s = scaleSwarm(5, { seed: 'ports' });
    const web = createService(s.cluster, nginx('web', 4));
    s.cluster.store.update((tx) => {
      const x = tx.get<Service>('service', web.ID)!;
      x.Endpoint = {
        Spec: { Ports: [{ Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080, PublishMode: 'host' }] },
      };
      tx.update('service', x);
    });
    settle(s);
    createService(s.cluster, {
      Name: 'agent',
      TaskTemplate: { ContainerSpec: { Image: 'alpine:latest' } },
      Mode: { Global: {} },
    });
    settle(s);
    s.cluster.store.update((tx) => {
      const n = tx.get<{ ID: string; Version: { Index: number }; Spec: { Availability: string } }>(
        'node',
        s.nodeIds[1]!,
      )!;
      n.Spec.Availability = 'drain';
      tx.update('node', n);
    });
    settle(s);
    createService(s.cluster, nginx('later', 8));
    settle(s);
    await expect(placements(s)).toMatchFileSnapshot('testdata/spread-ports-global.golden');
  });

  it('puts nodes with 5 recent failures of a service last', async () => {
    const s = scaleSwarm(4, { seed: 'failures' });
    const svc = createService(s.cluster, nginx('flaky', 0));
    settle(s);
    // five failed tasks of the service on node1 and six on node3, as their agents would leave them
    s.cluster.store.update((tx) => {
      for (const [node, count] of [
        [0, 5],
        [2, 6],
        [3, 2],
      ] as const) {
        for (let i = 0; i < count; i++) {
          const now = `2026-11-28T10:00:0${i}.000000000Z`;
          tx.create<StoredTask>('task', {
            ID: `failed${node}x${i}`,
            CreatedAt: now,
            UpdatedAt: now,
            Labels: {},
            Spec: { ContainerSpec: { Image: 'nginx:latest' } },
            ServiceID: svc.ID,
            // slots the scale-up fills, so the orchestrator keeps them as the slots' history
            Slot: (i % 9) + 1,
            NodeID: s.nodeIds[node]!,
            Status: { Timestamp: now, State: 'failed', Message: 'started', Err: 'task: non-zero exit (1)' },
            DesiredState: 'shutdown',
          });
        }
      }
    });
    updateService(s.cluster, svc.ID, (x) => (x.Spec.Mode = { Replicated: { Replicas: 9 } }));
    settle(s);
    await expect(placements(s)).toMatchFileSnapshot('testdata/spread-failures.golden');
  });

  it('spreads 2,000 tasks of 20 services over 50 nodes', async () => {
    const nodes: ScaleNode[] = Array.from({ length: 50 }, (_, i) => ({
      labels: { zone: `z${i % 3}`, rack: `r${i % 7}` },
      memoryBytes: (1 + (i % 4)) * 1e9,
    }));
    const s = scaleSwarm(nodes, { seed: 'wide' });
    for (let i = 0; i < 20; i++) {
      const template: ServiceSpec['TaskTemplate'] = {};
      if (i % 4 === 1)
        template.Placement = { Preferences: [{ Spread: { SpreadDescriptor: 'node.labels.zone' } }] };
      if (i % 4 === 2) template.Resources = { Reservations: { MemoryBytes: 2e8 } };
      if (i % 5 === 3) template.Placement = { Constraints: ['node.labels.rack!=r3'], MaxReplicas: 3 };
      createService(s.cluster, nginx(`s${i}`, 40 + ((i * 37) % 120), template));
      if (i % 6 === 5) settle(s);
    }
    settle(s);
    await expect(placements(s)).toMatchFileSnapshot('testdata/spread-wide.golden');
  });
});
