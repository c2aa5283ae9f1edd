import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../test/kit/lab.ts';
import { testSwarm } from '../testkit/swarm.ts';
import { createService, taskLines, updateService } from '../testkit/lab-swarm.ts';

function setup(nodes = 3) {
  const lab = testLab({ nodes, images: ['nginx:latest', 'alpine:latest'] });
  const swarm = testSwarm(lab.engine.hosts, lab.engine.clock, lab.engine.random);
  const names = new Map(swarm.nodeIds.map((id, i) => [id, lab.engine.hosts[i]!.name]));
  return { lab, swarm, names };
}

const nginx = (replicas: number) => ({
  Name: 'web',
  TaskTemplate: { ContainerSpec: { Image: 'nginx:latest' } },
  Mode: { Replicated: { Replicas: replicas } },
});

describe('replicated orchestrator + scheduler + agent', () => {
  it('runs 3 replicas spread over 3 nodes, with containers named service.slot.task', async () => {
    const { lab, swarm, names } = setup();
    const s = createService(swarm.cluster, nginx(3));
    await lab.sleep(3000);
    expect(taskLines(swarm.cluster, s.ID, names)).toEqual([
      '1 node1 running/running',
      '2 node2 running/running',
      '3 node3 running/running',
    ]);
    const d = lab.engine.hosts[1]!.daemon;
    const [c] = [...d.containers.values()];
    expect(c!.name).toMatch(/^\/web\.2\.[0-9a-z]{25}$/);
    expect(c!.config.Labels!['com.docker.swarm.service.name']).toBe('web');
    expect(c!.status).toBe('running');
  });

  it('scales up into the lowest free slots and down by node load', async () => {
    const { lab, swarm, names } = setup();
    const s = createService(swarm.cluster, nginx(2));
    await lab.sleep(3000);
    updateService(swarm.cluster, s.ID, (x) => (x.Spec.Mode = { Replicated: { Replicas: 5 } }));
    await lab.sleep(3000);
    expect(taskLines(swarm.cluster, s.ID, names)).toEqual([
      '1 node1 running/running',
      '2 node2 running/running',
      // scheduleNTasksOnNodes stays on a node until the next one is strictly less loaded
      '3 node3 running/running',
      '4 node3 running/running',
      '5 node1 running/running',
    ]);
    updateService(swarm.cluster, s.ID, (x) => (x.Spec.Mode = { Replicated: { Replicas: 2 } }));
    await lab.sleep(15000);
    // the second copies on node3 and node1 go first (slotsByIndex), then slot 3
    expect(taskLines(swarm.cluster, s.ID, names)).toEqual([
      '1 node1 running/running',
      '2 node2 running/running',
    ]);
  });

  it('leaves a task that fits nowhere pending with the explanation', async () => {
    const { lab, swarm, names } = setup();
    const s = createService(swarm.cluster, {
      ...nginx(1),
      TaskTemplate: {
        ContainerSpec: { Image: 'nginx:latest' },
        Placement: { Constraints: ['node.labels.region==east'] },
      },
    });
    await lab.sleep(3000);
    expect(taskLines(swarm.cluster, s.ID, names)).toEqual([
      '1 ? running/pending "no suitable node (scheduling constraints not satisfied on 3 nodes)"',
    ]);
    swarm.updateNode(2, (n) => (n.Spec!.Labels = { region: 'east' }));
    await lab.sleep(3000);
    expect(taskLines(swarm.cluster, s.ID, names)).toEqual(['1 node3 running/running']);
  });

  it("removes a removed service's history tasks and their containers too", async () => {
    const { lab, swarm, names } = setup();
    const s = createService(swarm.cluster, nginx(3));
    await lab.sleep(3000);
    updateService(swarm.cluster, s.ID, (x) => {
      x.Spec.TaskTemplate!.ContainerSpec!.Image = 'alpine:latest';
      x.Spec.TaskTemplate!.ContainerSpec!.Args = ['sleep', '1000'];
    });
    await lab.sleep(30_000);
    expect(taskLines(swarm.cluster, s.ID, names).filter((l) => l.includes('shutdown/'))).toHaveLength(3);
    const containers = () => lab.engine.hosts.map((h) => h.daemon.containers.size);
    expect(containers()).toEqual([2, 2, 2]);
    // SetServiceTasksRemove sets desired REMOVE on every task of the service, shut-down
    // ones included; the reaper deletes them and each agent removes the container
    swarm.cluster.store.update((tx) => tx.delete('service', s.ID));
    await lab.sleep(15_000); // `sleep` ignores SIGTERM: the running tasks stop after 10 s
    expect(taskLines(swarm.cluster, s.ID, names)).toEqual([]);
    expect(containers()).toEqual([0, 0, 0]);
  });
});
