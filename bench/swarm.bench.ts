/**
 * `npm run bench` (swarm part): the scale figures of issue 4.
 *
 * 1. Scheduling: 100,000 replicated tasks on 1,000 nodes. The swarm is the testkit's
 *    `scaleSwarm` — one cluster store with 1,000 Ready node objects and the leader's
 *    components (orchestrators, reaper, allocator, scheduler), no member daemons and no
 *    agents, so nothing moves a task past ASSIGNED. The services are created in the
 *    store as the control API does; the wall clock runs from there until every task is
 *    ASSIGNED, the virtual clock being stepped timer by timer (the orchestrator makes
 *    the tasks, the allocator makes them PENDING, the scheduler assigns them after its
 *    50 ms debounce). Printed: the median of 3 runs, with the time until every task was
 *    PENDING, for a few shapes of the same 100,000 tasks.
 * 2. A rolling update of 1,000 tasks on a lab whose nodes run them as containers
 *    (`rollingUpdate` below).
 * 3. The heap held by a 1,000-node lab (`createLab({ nodes: 1000 })`): heap used after
 *    a full GC with the lab alive, minus heap used after a full GC before it was made.
 *    Needs `node --expose-gc` (the npm script passes it); without it the figure is the
 *    raw `heapUsed` delta, GC-noisy, and says so.
 *
 * Prints figures; asserts nothing. `BENCH_SHAPES=100x1000,1x100000` picks the shapes,
 * `BENCH_RUNS=1` the runs.
 */
import { performance } from 'node:perf_hooks';
import type { Service, Task } from '../src/sim-engine/api/types/service.ts';
import { createLab } from '../src/sim-engine/index.ts';
import { newTask } from '../src/sim-engine/swarm/orchestrator/task.ts';
import type { Clock } from '../src/sim-engine/clock.ts';
import { Scheduler } from '../src/sim-engine/swarm/scheduler/scheduler.ts';
import { testSwarm } from '../src/sim-engine/swarm/testkit/swarm.ts';
import { tasksOf, updateService } from '../src/sim-engine/swarm/testkit/lab-swarm.ts';
import { createService } from '../src/sim-engine/swarm/testkit/lab-swarm.ts';
import { driveUntil, scaleSwarm } from '../src/sim-engine/swarm/testkit/scale-swarm.ts';

const NODES = 1000;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SHAPES = (process.env.BENCH_SHAPES ?? '100x1000,1000x100,1x100000')
  .split(',')
  .filter(Boolean)
  .map((s) => {
    const [services, replicas] = s.split('x').map(Number);
    return { services: services!, replicas: replicas! };
  });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);

function scheduleOnce(services: number, replicas: number): { pending: number; assigned: number } {
  const swarm = scaleSwarm(NODES, { seed: `bench-${services}x${replicas}` });
  const total = services * replicas;
  let pending = 0;
  let assigned = 0;
  let allPendingAt = 0;
  swarm.cluster.store.watch((events) => {
    for (const e of events) {
      if (e.kind !== 'task' || e.action !== 'update') continue;
      const now = (e.object as Task).Status.State;
      const was = (e.old as Task | undefined)?.Status.State;
      if (now === was) continue;
      if (now === 'pending' && ++pending === total) allPendingAt = performance.now();
      if (now === 'assigned') assigned++;
    }
  });
  gcFunction()?.();
  const t0 = performance.now();
  for (let i = 0; i < services; i++) {
    createService(swarm.cluster, {
      Name: `svc${i}`,
      TaskTemplate: { ContainerSpec: { Image: 'nginx:latest' } },
      Mode: { Replicated: { Replicas: replicas } },
    });
  }
  driveUntil(swarm.clock, () => assigned === total);
  const t1 = performance.now();
  swarm.stop();
  if (assigned !== total) throw new Error(`only ${assigned} of ${total} tasks assigned`);
  return { pending: allPendingAt - t0, assigned: t1 - t0 };
}

/**
 * The scheduler alone, as SwarmKit's BenchmarkScheduler1kNodes100kTasks measures it: the
 * tasks are already PENDING in the store (made as the orchestrator makes them, 100
 * services × 1,000), no other component runs, and the clock starts when the scheduler does.
 */
function schedulerOnce(services: number, replicas: number): { wall: number; cpu: number } {
  const swarm = scaleSwarm(NODES, { seed: `alone-${services}x${replicas}`, components: false });
  const store = swarm.cluster.store;
  const total = services * replicas;
  for (let i = 0; i < services; i++) {
    const svc = createService(swarm.cluster, {
      Name: `svc${i}`,
      TaskTemplate: { ContainerSpec: { Image: 'nginx:latest' } },
      Mode: { Replicated: { Replicas: replicas } },
    });
    store.update((tx) => {
      for (let slot = 1; slot <= replicas; slot++) {
        const t = newTask(swarm.cluster, svc, slot, '');
        t.Status = { ...t.Status, State: 'pending', Message: 'pending task scheduling' };
        tx.create(TASK_KIND, t);
      }
    });
  }
  let assigned = 0;
  gcFunction()?.();
  store.watch((events) => {
    for (const e of events)
      if (e.kind === TASK_KIND && (e.object as Task).Status.State === 'assigned') assigned++;
  });
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const scheduler = new Scheduler(swarm.cluster);
  scheduler.start();
  driveUntil(swarm.clock, () => assigned === total);
  const wall = performance.now() - t0;
  const cpu = cpuMs(process.cpuUsage(c0));
  scheduler.stop();
  if (assigned !== total) throw new Error(`only ${assigned} of ${total} tasks assigned`);
  return { wall, cpu };
}

const TASK_KIND = 'task';

/** CPU time of the process (all threads, GC helpers included), in ms */
const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

const UPDATE_NODES = Number(process.env.BENCH_UPDATE_NODES ?? 20);
const UPDATE_PARALLELISM = Number(process.env.BENCH_UPDATE_PARALLELISM ?? 10);

/** Step the clock to `until`, letting the agents' promises run between timers. */
async function runClock(clock: Clock, done: () => boolean, maxMs: number): Promise<void> {
  const end = clock.now() + maxMs;
  const settle = () => new Promise<void>((r) => setImmediate(r));
  await settle();
  while (!done()) {
    const due = clock.nextDue();
    if (due === undefined || due > end) break;
    clock.advanceTo(due);
    await settle();
  }
}

/**
 * A rolling update of 1,000 tasks: a real lab (members' daemons and agents: tasks run as
 * containers), 1,000 replicas of nginx:1.17 running, then the control API's update to
 * nginx:1.18 with UpdateConfig Parallelism 10, Delay 0; timed until every slot runs the
 * new image and UpdateStatus is `completed`.
 */
async function rollingUpdate(): Promise<{ wall: number; virtual: number }> {
  const lab = createLab({ nodes: UPDATE_NODES, images: ['nginx:1.17', 'nginx:1.18'], seed: 'update' });
  const clock = lab.engine.clock;
  const swarm = testSwarm(lab.engine.hosts, clock, lab.engine.random);
  const svc = createService(swarm.cluster, {
    Name: 'web',
    TaskTemplate: { ContainerSpec: { Image: 'nginx:1.17' } },
    Mode: { Replicated: { Replicas: 1000 } },
    UpdateConfig: { Parallelism: UPDATE_PARALLELISM, Delay: 0 },
  });
  const running = (image: string) =>
    tasksOf(swarm.cluster, svc.ID).filter(
      (t) =>
        t.Status.State === 'running' && t.DesiredState === 'running' && t.Spec.ContainerSpec?.Image === image,
    ).length;
  await runClock(clock, () => running('nginx:1.17') === 1000, 600_000);
  if (running('nginx:1.17') !== 1000) throw new Error('the service did not start');
  const v0 = clock.now();
  const t0 = performance.now();
  updateService(swarm.cluster, svc.ID, (s) => {
    s.PreviousSpec = JSON.parse(JSON.stringify(s.Spec)) as typeof s.Spec;
    s.Spec.TaskTemplate!.ContainerSpec!.Image = 'nginx:1.18';
    delete s.UpdateStatus;
  });
  const completed = () =>
    swarm.cluster.store.get<Service>('service', svc.ID)?.UpdateStatus?.State === 'completed';
  await runClock(clock, completed, 24 * 3_600_000);
  const wall = performance.now() - t0;
  if (!completed() || running('nginx:1.18') !== 1000) throw new Error('the update did not complete');
  swarm.stop();
  return { wall, virtual: clock.now() - v0 };
}

function gcFunction(): (() => void) | undefined {
  return (globalThis as { gc?: () => void }).gc;
}

function heapAfterGc(): number {
  const gc = gcFunction();
  if (gc) for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

async function main(): Promise<void> {
  // warm the JIT on a small swarm
  for (let i = 0; i < 3; i++) {
    const s = scaleSwarm(50, { seed: `warm${i}` });
    for (let j = 0; j < 5; j++)
      createService(s.cluster, {
        Name: `w${j}`,
        TaskTemplate: { ContainerSpec: { Image: 'nginx:latest' } },
        Mode: { Replicated: { Replicas: 200 } },
      });
    driveUntil(s.clock, () => s.clock.pending === 0, 10_000);
    s.stop();
  }

  const alone = Array.from({ length: RUNS }, () => schedulerOnce(100, 1000));
  console.log(
    `swarm scheduler alone: 100,000 PENDING tasks (100 services × 1,000) on 1,000 nodes ASSIGNED in ` +
      `${fmt(median(alone.map((r) => r.wall)))}, ${fmt(median(alone.map((r) => r.cpu)))} of CPU ` +
      `(median of ${RUNS}: ${alone.map((r) => fmt(r.wall)).join(', ')})`,
  );

  for (const { services, replicas } of SHAPES) {
    const runs = Array.from({ length: RUNS }, () => scheduleOnce(services, replicas));
    console.log(
      `swarm schedule: ${(services * replicas).toLocaleString('en')} tasks ` +
        `(${services.toLocaleString('en')} service${services === 1 ? '' : 's'} × ${replicas.toLocaleString('en')}) on ` +
        `${NODES.toLocaleString('en')} nodes: all ASSIGNED in ${fmt(median(runs.map((r) => r.assigned)))} ` +
        `(all PENDING after ${fmt(median(runs.map((r) => r.pending)))}; median of ${RUNS}: ` +
        `${runs.map((r) => fmt(r.assigned)).join(', ')})`,
    );
  }

  const updates: { wall: number; virtual: number }[] = [];
  for (let i = 0; i < RUNS; i++) updates.push(await rollingUpdate());
  console.log(
    `swarm rolling update: 1,000 tasks nginx:1.17 → nginx:1.18 on ${UPDATE_NODES} nodes ` +
      `(parallelism ${UPDATE_PARALLELISM}, delay 0) in ${fmt(median(updates.map((u) => u.wall)))} ` +
      `(${(median(updates.map((u) => u.virtual)) / 1000).toFixed(1)} s of virtual time; median of ${RUNS}: ` +
      `${updates.map((u) => fmt(u.wall)).join(', ')})`,
  );

  const before = heapAfterGc();
  const t0 = performance.now();
  const lab = createLab({ nodes: NODES, seed: 'bench' });
  const made = performance.now() - t0;
  const after = heapAfterGc();
  const mb = (after - before) / 2 ** 20;
  console.log(
    `lab of ${lab.engine.hosts.length.toLocaleString('en')} nodes: ${mb.toFixed(1)} MB of heap ` +
      `(${((after - before) / lab.engine.hosts.length / 1024).toFixed(1)} KB a node), made in ${fmt(made)}` +
      (gcFunction()
        ? ' (heap used after full GC, with the lab alive, minus before)'
        : ' (no --expose-gc: raw heapUsed delta)'),
  );
}

await main();
