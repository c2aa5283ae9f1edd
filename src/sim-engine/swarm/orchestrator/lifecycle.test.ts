import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../test/kit/lab.ts';
import { createService, taskLines, updateService } from '../testkit/lab-swarm.ts';
import { testSwarm } from '../testkit/swarm.ts';

function setup(nodes = 3, taskHistoryLimit = 5) {
  const lab = testLab({ nodes, images: ['nginx:latest', 'alpine:latest'] });
  const swarm = testSwarm(lab.engine.hosts, lab.engine.clock, lab.engine.random, { taskHistoryLimit });
  const names = new Map(swarm.nodeIds.map((id, i) => [id, lab.engine.hosts[i]!.name]));
  return { lab, swarm, names };
}

const failing = (restart: object) => ({
  Name: 'job',
  TaskTemplate: {
    ContainerSpec: { Image: 'alpine:latest', Args: ['sh', '-c', 'exit 3'] },
    RestartPolicy: restart,
  },
  Mode: { Replicated: { Replicas: 1 } },
});

describe('global mode', () => {
  it('runs one task per active node, none on a drained node, and one on a node that becomes active', async () => {
    const { lab, swarm, names } = setup();
    swarm.updateNode(2, (n) => (n.Spec!.Availability = 'drain'));
    const s = createService(swarm.cluster, {
      Name: 'mon',
      TaskTemplate: { ContainerSpec: { Image: 'nginx:latest' } },
      Mode: { Global: {} },
    });
    await lab.sleep(2000);
    expect(taskLines(swarm.cluster, s.ID, names)).toEqual([
      '- node1 running/running',
      '- node2 running/running',
    ]);
    swarm.updateNode(2, (n) => (n.Spec!.Availability = 'active'));
    await lab.sleep(2000);
    expect(taskLines(swarm.cluster, s.ID, names)).toContain('- node3 running/running');
    const c = [...lab.engine.hosts[2]!.daemon.containers.values()][0]!;
    expect(c.name).toBe(`/mon.${swarm.nodeIds[2]}.${c.config.Labels!['com.docker.swarm.task.id']}`);
  });

  it("removes a removed global service's history tasks and containers too (SetServiceTasksRemove)", async () => {
    const { lab, swarm, names } = setup();
    const s = createService(swarm.cluster, {
      Name: 'mon',
      TaskTemplate: { ContainerSpec: { Image: 'nginx:latest' } },
      Mode: { Global: {} },
    });
    await lab.sleep(2000);
    updateService(swarm.cluster, s.ID, (x) => {
      x.Spec.TaskTemplate!.ContainerSpec = { Image: 'alpine:latest', Args: ['sleep', '1000'] };
    });
    await lab.sleep(20_000);
    expect(taskLines(swarm.cluster, s.ID, names).filter((l) => l.includes('shutdown/'))).toHaveLength(3);
    swarm.cluster.store.update((tx) => tx.delete('service', s.ID));
    await lab.sleep(15_000); // `sleep` ignores SIGTERM: the running tasks stop after 10 s
    expect(taskLines(swarm.cluster, s.ID, names)).toEqual([]);
    expect(lab.engine.hosts.map((h) => h.daemon.containers.size)).toEqual([0, 0, 0]);
  });
});

describe('restart policies on the clock', () => {
  it('replaces a failed task after its delay, in the same slot, until MaxAttempts', async () => {
    const { lab, swarm, names } = setup(1);
    const s = createService(swarm.cluster, failing({ Condition: 'on-failure', Delay: 2e9, MaxAttempts: 2 }));
    await lab.sleep(1500);
    expect(taskLines(swarm.cluster, s.ID, names)).toEqual([
      '1 node1 shutdown/failed "task: non-zero exit (3)"',
      // the replacement is placed and prepared, then held at READY for the delay
      '1 node1 ready/ready',
    ]);
    await lab.sleep(30_000);
    // the first task and two restarts; the restart history keeps MaxAttempts+1 tasks
    expect(taskLines(swarm.cluster, s.ID, names)).toEqual([
      '1 node1 shutdown/failed "task: non-zero exit (3)"',
      '1 node1 shutdown/failed "task: non-zero exit (3)"',
      '1 node1 shutdown/failed "task: non-zero exit (3)"',
    ]);
  });

  it('does not restart with condition none, and keeps restarting with any', async () => {
    const { lab, swarm, names } = setup(1);
    const none = createService(swarm.cluster, { ...failing({ Condition: 'none' }), Name: 'none' });
    await lab.sleep(20_000);
    expect(taskLines(swarm.cluster, none.ID, names)).toEqual([
      '1 node1 shutdown/failed "task: non-zero exit (3)"',
    ]);
  });
});

describe('task history', () => {
  it('keeps TaskHistoryRetentionLimit tasks per slot, the current one included', async () => {
    const { lab, swarm, names } = setup(1, 3);
    const s = createService(swarm.cluster, failing({ Condition: 'any', Delay: 1e9 }));
    await lab.sleep(60_000);
    const lines = taskLines(swarm.cluster, s.ID, names);
    expect(lines.length).toBeLessThanOrEqual(3);
    expect(lines.filter((l) => l.includes('failed')).length).toBeGreaterThanOrEqual(2);
  });
});
