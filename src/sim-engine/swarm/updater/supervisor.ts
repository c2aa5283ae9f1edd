/**
 * The update supervisor (swarmkit manager/orchestrator/update/updater.go `Supervisor`):
 * each orchestrator has one and hands it, on every reconcile of a service, the service
 * and its runnable slots. An update already working towards the same spec goes on; one
 * towards another spec is cancelled and a new one starts (a second `service update`, or
 * a rollback). The orchestrators call it after their transaction has committed; from
 * there on the update runs on the clock and the store's events, as SwarmKit's runs in
 * its own goroutine.
 */
import type { Service } from '../../api/types/service.ts';
import type { Cluster } from '../cluster.ts';
import type { RestartSupervisor } from '../orchestrator/restart.ts';
import { sameSpec } from './dirty.ts';
import { type Slot, Updater } from './updater.ts';

export class UpdateSupervisor {
  readonly #cluster: Cluster;
  readonly #restarts: RestartSupervisor;
  readonly #updates = new Map<string, Updater>();

  constructor(cluster: Cluster, restarts: RestartSupervisor) {
    this.#cluster = cluster;
    this.#restarts = restarts;
  }

  /** Update: start updating `slots` of `service` unless an update towards its spec runs. */
  update(service: Service, slots: readonly Slot[]): void {
    const id = service.ID;
    const current = this.#updates.get(id);
    if (current) {
      if (sameSpec(service.Spec, current.service.Spec)) return;
      current.cancel();
    }
    const update: Updater = new Updater(this.#cluster, this.#restarts, service, () => {
      if (this.#updates.get(id) === update) this.#updates.delete(id);
    });
    this.#updates.set(id, update);
    update.run(slots);
  }

  /** CancelAll: the orchestrator stops (this manager lost the leadership). */
  cancelAll(): void {
    for (const u of [...this.#updates.values()]) u.cancel();
    this.#updates.clear();
  }
}
