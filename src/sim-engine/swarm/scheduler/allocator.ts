/**
 * Stands in for SwarmKit's allocator (manager/allocator): a NEW task gets its
 * network attachments and moves to PENDING ("pending task scheduling"), which is what
 * the scheduler waits for. The simulation allocates no overlay addresses yet (the
 * routing mesh and overlay networks come with the networking landing), so this is the
 * whole of it. It writes only that transition.
 */
import type { Task } from '../../api/types/service.ts';
import type { Timer } from '../../clock.ts';
import type { Cluster } from '../cluster.ts';
import { stateAfter, TASK } from '../orchestrator/task.ts';
import { clusterNow } from '../orchestrator/timestamp.ts';

export class Allocator {
  readonly #cluster: Cluster;
  #timer: Timer | undefined;
  #unwatch: (() => void) | undefined;

  constructor(cluster: Cluster) {
    this.#cluster = cluster;
  }

  start(): void {
    this.#unwatch = this.#cluster.store.watch((events) => {
      if (
        events.some(
          (e) => e.kind === TASK && e.action !== 'delete' && (e.object as Task).Status.State === 'new',
        )
      )
        this.#kick();
    });
    this.#kick();
  }

  stop(): void {
    this.#unwatch?.();
    this.#cluster.clock.cancel(this.#timer);
  }

  #kick(): void {
    if (this.#timer) return;
    this.#timer = this.#cluster.clock.after(0, () => {
      this.#timer = undefined;
      this.#cluster.store.update((tx) => {
        for (const t of tx.find<Task>(TASK, (x) => x.Status.State === 'new')) {
          // a task already told to stop before it was allocated is left for the reaper (a
          // job's task, desired COMPLETE, is allocated like any other)
          if (stateAfter(t.DesiredState, 'complete')) continue;
          t.Status = {
            ...t.Status,
            State: 'pending',
            Message: 'pending task scheduling',
            Timestamp: clusterNow(this.#cluster),
          };
          tx.update(TASK, t);
        }
      });
    });
  }
}
