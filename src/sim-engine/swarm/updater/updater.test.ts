/**
 * The updater on the clock, through the store only (as the control API would write
 * specs): parallelism and delay, failure actions, start-first, rollbacks.
 */
import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../test/kit/lab.ts';
import type { Service, ServiceSpec, Task, UpdateConfig } from '../../api/types/service.ts';
import { createService, tasksOf, updateService } from '../testkit/lab-swarm.ts';
import { testSwarm } from '../testkit/swarm.ts';

const S = 1_000_000_000;

function setup() {
  const lab = testLab({ nodes: 3, images: ['nginx:1.17', 'nginx:1.18', 'alpine:latest'] });
  const swarm = testSwarm(lab.engine.hosts, lab.engine.clock, lab.engine.random);
  return { lab, swarm, cluster: swarm.cluster };
}

const web = (replicas: number, update?: UpdateConfig): ServiceSpec => ({
  Name: 'web',
  TaskTemplate: { ContainerSpec: { Image: 'nginx:1.17' } },
  Mode: { Replicated: { Replicas: replicas } },
  ...(update ? { UpdateConfig: update } : {}),
});

/** The control API's UpdateService: PreviousSpec, the new spec, UpdateStatus reset. */
function specUpdate(
  cluster: ReturnType<typeof setup>['cluster'],
  id: string,
  change: (s: ServiceSpec) => void,
) {
  updateService(cluster, id, (s) => {
    s.PreviousSpec = JSON.parse(JSON.stringify(s.Spec)) as ServiceSpec;
    change(s.Spec);
    delete s.UpdateStatus;
  });
}

/** Manual rollback, as UpdateService with rollback=previous does it. */
function manualRollback(cluster: ReturnType<typeof setup>['cluster'], id: string) {
  updateService(cluster, id, (s) => {
    const cur = s.Spec;
    s.Spec = s.PreviousSpec!;
    s.PreviousSpec = cur;
    s.UpdateStatus = { State: 'rollback_started', Message: 'manually requested rollback', StartedAt: 'x' };
  });
}

/** nginx:1.17 → alpine that exits 3 at once */
const failing = (x: ServiceSpec) =>
  (x.TaskTemplate!.ContainerSpec = { Image: 'alpine:latest', Args: ['sh', '-c', 'exit 3'] });
const isOld = (t: Task) => t.Spec.ContainerSpec?.Image === 'nginx:1.17';

const live = (cluster: ReturnType<typeof setup>['cluster'], id: string) =>
  tasksOf(cluster, id).filter((t) => t.DesiredState === 'running' || t.DesiredState === 'ready');
const images = (ts: Task[]) =>
  ts
    .sort((a, b) => (a.Slot ?? 0) - (b.Slot ?? 0))
    .map((t) => `${t.Slot}:${t.Spec.ContainerSpec?.Image}:${t.Status.State}`);
const status = (cluster: ReturnType<typeof setup>['cluster'], id: string) =>
  cluster.store.get<Service>('service', id)!.UpdateStatus;

describe('updater', () => {
  it('replaces slots one at a time (stop-first) and completes after the monitor period', async () => {
    const { lab, cluster } = setup();
    const s = createService(cluster, web(3));
    await lab.sleep(3000);
    expect(status(cluster, s.ID)).toBeUndefined();
    specUpdate(cluster, s.ID, (x) => (x.TaskTemplate!.ContainerSpec!.Image = 'nginx:1.18'));
    await lab.sleep(10);
    expect(status(cluster, s.ID)).toMatchObject({ State: 'updating', Message: 'update in progress' });
    // one slot at a time
    const first = tasksOf(cluster, s.ID).filter((t) => t.Spec.ContainerSpec?.Image === 'nginx:1.18');
    expect(first.map((t) => t.Slot)).toEqual([1]);
    await lab.sleep(20_000);
    expect(images(live(cluster, s.ID))).toEqual([
      '1:nginx:1.18:running',
      '2:nginx:1.18:running',
      '3:nginx:1.18:running',
    ]);
    expect(status(cluster, s.ID)).toMatchObject({ State: 'completed', Message: 'update completed' });
    expect(status(cluster, s.ID)!.CompletedAt).toBeDefined();
    // the old tasks stay as history: desired shutdown
    expect(tasksOf(cluster, s.ID).filter((t) => t.DesiredState === 'shutdown')).toHaveLength(3);
  });

  it('updates Parallelism slots per batch and waits Delay between batches', async () => {
    const { lab, cluster } = setup();
    const s = createService(cluster, web(6, { Parallelism: 2, Delay: 10 * S }));
    await lab.sleep(3000);
    specUpdate(cluster, s.ID, (x) => (x.TaskTemplate!.ContainerSpec!.Image = 'nginx:1.18'));
    const counts: number[] = [];
    for (let i = 0; i < 3; i++) {
      await lab.sleep(i === 0 ? 3000 : 10_000);
      counts.push(live(cluster, s.ID).filter((t) => t.Spec.ContainerSpec?.Image === 'nginx:1.18').length);
    }
    // t=3s: 2; t=13s: 4; t=23s: 6
    expect(counts).toEqual([2, 4, 6]);
    // last batch running at ~21 s, its Delay to ~31 s, then Delay+1s of monitoring
    await lab.sleep(17_000);
    expect(status(cluster, s.ID)!.State).toBe('updating');
    await lab.sleep(3000);
    expect(status(cluster, s.ID)!.State).toBe('completed');
  });

  it('pauses when an updated task fails', async () => {
    const { lab, cluster } = setup();
    const s = createService(cluster, web(3));
    await lab.sleep(3000);
    specUpdate(cluster, s.ID, failing);
    await lab.sleep(5000);
    const st = status(cluster, s.ID)!;
    expect(st.State).toBe('paused');
    const failed = tasksOf(cluster, s.ID).find((t) => t.Status.State === 'failed')!;
    expect(st.Message).toBe(`update paused due to failure or early termination of task ${failed.ID}`);
    // the failed task ran for a moment, so slot 2 was begun; slot 3 was never touched
    const untouched = live(cluster, s.ID).filter(isOld);
    expect(untouched.map((t) => t.Slot)).toEqual([3]);
    // paused: nothing more happens
    await lab.sleep(30_000);
    expect(live(cluster, s.ID).filter(isOld)).toHaveLength(1);
  });

  it('continues past failures with FailureAction continue', async () => {
    const { lab, cluster } = setup();
    const s = createService(cluster, web(3, { FailureAction: 'continue' }));
    await lab.sleep(3000);
    specUpdate(cluster, s.ID, failing);
    await lab.sleep(30_000);
    expect(status(cluster, s.ID)!.State).toBe('completed');
    expect(live(cluster, s.ID).filter(isOld)).toHaveLength(0);
  });

  it('rolls back automatically with FailureAction rollback', async () => {
    const { lab, cluster } = setup();
    const s = createService(cluster, web(3, { FailureAction: 'rollback' }));
    await lab.sleep(3000);
    specUpdate(cluster, s.ID, failing);
    await lab.sleep(2000);
    const st = status(cluster, s.ID)!;
    const failed = tasksOf(cluster, s.ID).find((t) => t.Status.State === 'failed')!;
    expect(st).toMatchObject({
      State: 'rollback_started',
      Message: `update rolled back due to failure or early termination of task ${failed.ID}`,
    });
    const svc = cluster.store.get<Service>('service', s.ID)!;
    expect(svc.Spec.TaskTemplate!.ContainerSpec).toEqual({ Image: 'nginx:1.17' });
    expect(svc.PreviousSpec).toBeUndefined();
    await lab.sleep(20_000);
    expect(status(cluster, s.ID)).toMatchObject({
      State: 'rollback_completed',
      Message: 'rollback completed',
    });
    expect(images(live(cluster, s.ID))).toEqual([
      '1:nginx:1.17:running',
      '2:nginx:1.17:running',
      '3:nginx:1.17:running',
    ]);
  });

  it('starts the new task first with Order start-first', async () => {
    const { lab, cluster } = setup();
    const s = createService(cluster, web(1, { Order: 'start-first' }));
    await lab.sleep(3000);
    specUpdate(cluster, s.ID, (x) => (x.TaskTemplate!.ContainerSpec!.Image = 'nginx:1.18'));
    // the new task runs while the old one still does
    let overlap = false;
    const off = cluster.store.watch(() => {
      overlap ||= tasksOf(cluster, s.ID).filter((t) => t.Status.State === 'running').length === 2;
    });
    await lab.sleep(10_000);
    off();
    expect(overlap).toBe(true);
    expect(images(live(cluster, s.ID))).toEqual(['1:nginx:1.18:running']);
    expect(
      tasksOf(cluster, s.ID).find((t) => t.Spec.ContainerSpec?.Image === 'nginx:1.17')!.Status.State,
    ).toBe('shutdown');
  });

  it('rolls back on request with the RollbackConfig', async () => {
    const { lab, cluster } = setup();
    const s = createService(cluster, { ...web(4), RollbackConfig: { Parallelism: 0 } });
    await lab.sleep(3000);
    specUpdate(cluster, s.ID, (x) => (x.TaskTemplate!.ContainerSpec!.Image = 'nginx:1.18'));
    await lab.sleep(20_000);
    expect(status(cluster, s.ID)!.State).toBe('completed');
    manualRollback(cluster, s.ID);
    await lab.sleep(100);
    // parallelism 0: every slot at once
    const fresh = tasksOf(cluster, s.ID).filter(
      (t) => t.Spec.ContainerSpec?.Image === 'nginx:1.17' && t.DesiredState !== 'shutdown',
    );
    expect(fresh).toHaveLength(4);
    await lab.sleep(10_000);
    expect(status(cluster, s.ID)).toMatchObject({
      State: 'rollback_completed',
      Message: 'rollback completed',
    });
    expect(images(live(cluster, s.ID)).every((x) => x.includes('nginx:1.17:running'))).toBe(true);
  });

  it('does not start an update for a change of Replicas alone', async () => {
    const { lab, cluster } = setup();
    const s = createService(cluster, web(2));
    await lab.sleep(3000);
    specUpdate(cluster, s.ID, (x) => (x.Mode = { Replicated: { Replicas: 3 } }));
    await lab.sleep(10_000);
    expect(status(cluster, s.ID)).toBeUndefined();
    expect(live(cluster, s.ID)).toHaveLength(3);
  });

  it('updates a global service node by node', async () => {
    const { lab, cluster } = setup();
    const s = createService(cluster, { ...web(0), Mode: { Global: {} } });
    await lab.sleep(3000);
    specUpdate(cluster, s.ID, (x) => (x.TaskTemplate!.ForceUpdate = 1));
    await lab.sleep(30_000);
    expect(status(cluster, s.ID)!.State).toBe('completed');
    expect(live(cluster, s.ID).map((t) => t.Spec.ForceUpdate)).toEqual([1, 1, 1]);
  });
});
