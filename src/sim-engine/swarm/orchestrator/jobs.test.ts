/**
 * Job services (swarmkit manager/orchestrator/jobs): unit tests on the virtual clock,
 * then `docker service …` with jobs end to end on three nodes, pinned by a golden file.
 */
import { describe, expect, it } from 'vitest';
import type { Task } from '../../api/types/service.ts';
import { testLab } from '../../../../test/kit/lab.ts';
import { transcript } from '../../../node/transcript.ts';
import { createService, taskLines, updateService } from '../testkit/lab-swarm.ts';
import { testSwarm } from '../testkit/swarm.ts';

function setup(nodes = 3) {
  const lab = testLab({ nodes, images: ['alpine:latest'] });
  const swarm = testSwarm(lab.engine.hosts, lab.engine.clock, lab.engine.random);
  const names = new Map(swarm.nodeIds.map((id, i) => [id, lab.engine.hosts[i]!.name]));
  return { lab, swarm, names };
}

const job = (cmd: string, mode: object) => ({
  Name: 'job',
  TaskTemplate: { ContainerSpec: { Image: 'alpine:latest', Command: ['sh', '-c', cmd] } },
  Mode: mode,
});

describe('jobs orchestrator', () => {
  it('runs a replicated job to TotalCompletions, MaxConcurrent at a time, in slots from 0', async () => {
    const { lab, swarm, names } = setup();
    const s = createService(
      swarm.cluster,
      job('echo done', { ReplicatedJob: { MaxConcurrent: 2, TotalCompletions: 3 } }),
    );
    updateService(swarm.cluster, s.ID, (x) => (x.JobStatus = { JobIteration: { Index: 0 } }));
    await lab.sleep(1);
    // reconciler.go creates a job's tasks desired COMPLETE, from the start
    expect(taskLines(swarm.cluster, s.ID, names).map((l) => l.split(' ')[2]!.split('/')[0])).toEqual([
      'complete',
      'complete',
    ]);
    await lab.sleep(100);
    // reconciler.go: min(MaxConcurrent - running, TotalCompletions - complete - running) new tasks
    expect(taskLines(swarm.cluster, s.ID, names).length).toBe(2);
    await lab.sleep(5000);
    const lines = taskLines(swarm.cluster, s.ID, names);
    expect(lines.length).toBe(3);
    for (const l of lines) expect(l).toMatch(/complete\/complete$/);
    expect(lines.map((l) => l.split(' ')[0])).toEqual(['-', '1', '2']);
  });

  it('runs a global job once on every node, again on a new JobIteration', async () => {
    const { lab, swarm, names } = setup();
    const s = createService(swarm.cluster, job('echo done', { GlobalJob: {} }));
    updateService(swarm.cluster, s.ID, (x) => (x.JobStatus = { JobIteration: { Index: 0 } }));
    await lab.sleep(5000);
    expect(taskLines(swarm.cluster, s.ID, names).sort()).toEqual([
      '- node1 complete/complete',
      '- node2 complete/complete',
      '- node3 complete/complete',
    ]);
    updateService(swarm.cluster, s.ID, (x) => (x.JobStatus = { JobIteration: { Index: 1 } }));
    await lab.sleep(5000);
    // global/reconciler.go: every task of an older iteration gets desired REMOVE (then reaped)
    const tasks = swarm.cluster.store.find<Task>('task');
    expect(tasks.map((t) => t.JobIteration?.Index)).toEqual([1, 1, 1]);
  });

  it('restarts a failed job task after its delay, never a completed one', async () => {
    const { lab, swarm, names } = setup(1);
    const s = createService(swarm.cluster, {
      ...job('exit 3', { ReplicatedJob: { MaxConcurrent: 1, TotalCompletions: 1 } }),
      TaskTemplate: {
        ContainerSpec: { Image: 'alpine:latest', Command: ['sh', '-c', 'exit 3'] },
        RestartPolicy: { Condition: 'any', Delay: 2_000_000_000, MaxAttempts: 1 },
      },
    });
    updateService(swarm.cluster, s.ID, (x) => (x.JobStatus = { JobIteration: { Index: 0 } }));
    await lab.sleep(1500);
    expect(taskLines(swarm.cluster, s.ID, names)).toEqual([
      '- node1 shutdown/failed "task: non-zero exit (3)"',
      // the replacement is scheduled and prepared, held at desired READY for its delay
      '- node1 ready/ready',
    ]);
    await lab.sleep(5000);
    expect(taskLines(swarm.cluster, s.ID, names)).toEqual([
      '- node1 shutdown/failed "task: non-zero exit (3)"',
      '- node1 shutdown/failed "task: non-zero exit (3)"',
    ]);
  });
});

describe('docker service with jobs on three nodes', () => {
  it('creates jobs, shows their progress, ls and ps, and re-runs one on update --force', async () => {
    // Sources: progress.go (replicatedJobProgressUpdater: `active tasks: A out of C tasks`,
    // bars dropped off a terminal; `job complete` instead of verify), list.go/formatter.go
    // (REPLICAS `running/desired (completed/total completed)`), task/print.go (a slot-0 task
    // is named service.nodeID), controlapi UpdateService (a new JobIteration per update).
    const out = await transcript(
      `# images: alpine:latest
docker swarm init --advertise-addr 192.168.0.11
@node2 docker swarm join --token $(docker -H tcp://node1:2375 swarm join-token -q worker) node1:2377
@node3 docker swarm join --token $(docker -H tcp://node1:2375 swarm join-token -q worker) node1:2377
docker service create --name once --mode replicated-job --replicas 5 --max-concurrent 2 alpine sh -c 'echo done'
docker service create --name everywhere --mode global-job alpine sh -c 'echo done'
docker service ls
docker service ps once
docker service ps everywhere
docker service update --force everywhere
docker service ps everywhere
docker service create --name fails -d --mode replicated-job --restart-delay 1s --restart-max-attempts 1 alpine sh -c 'exit 3'
sleep 5
docker service ls
docker service ps fails
`,
      { nodes: 3 },
    );
    await expect(out).toMatchFileSnapshot('testdata/jobs-3-nodes.golden');
  });
});
