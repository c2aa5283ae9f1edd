/**
 * The convergence display of `service create`, `update`, `scale` and `rollback`
 * (docker/cli cli/command/service/progress/progress.go `ServiceProgress`, shown by
 * helpers.go `WaitOnService` through jsonmessage): every 200 ms it reads the service,
 * its up-to-date tasks and the nodes, and writes progress messages — one line per slot
 * (or per node, global) with a bar for the task's state, `overall progress: N out of M
 * tasks`, then `verify: Waiting N seconds to verify that tasks are stable...` for the
 * monitor period (UpdateConfig.Monitor, 5 s) and `verify: Service <id> converged`.
 * On a terminal the lines are redrawn in place; on a pipe, messages carrying a bar are
 * dropped and the rest print one per line, as jsonmessage does.
 */
import { encodeFilters } from '../../../api/client.ts';
import type { Service, Task, TaskState } from '../../../api/types/service.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { CliError } from '../../errors.ts';
import { JSONMessageDisplay, type JSONMessage } from '../../jsonmessage.ts';

const NUMBERED: Partial<Record<TaskState, number>> = {
  new: 1,
  allocated: 2,
  pending: 3,
  assigned: 4,
  accepted: 5,
  preparing: 6,
  ready: 7,
  starting: 8,
  running: 9,
  complete: 10,
  shutdown: 11,
  failed: 12,
  rejected: 13,
};
const MAX_PROGRESS = 9;
/** maxJobProgress: a job's task bar runs to "complete" */
const MAX_JOB_PROGRESS = 10;
const MAX_PROGRESS_BARS = 20;
/** longestState: the longest of the non-terminal states and "complete" (`preparing`, `allocated`) */
const LONGEST_STATE = 9;

const num = (s: TaskState | undefined) => NUMBERED[s ?? 'new'] ?? 0;
const terminal = (s: TaskState | undefined) => num(s) > NUMBERED.running!;

/** truncError: newlines to spaces, at most 75 bytes with `…` */
function truncError(err: string): string {
  let e = err.replaceAll('\n', ' ');
  if (e.length > 75) e = e.slice(0, 74) + '…';
  return e;
}

interface Progress {
  id: string;
  action?: string;
  message?: string;
  current?: number;
  total?: number;
  hideCounts?: boolean;
}

type Out = (p: Progress) => void;

/** The JSON message jsonProgressOutput.WriteProgress makes of a progress.Progress. */
function toMessage(p: Progress): JSONMessage {
  if (p.message) return { id: p.id || undefined, status: p.message };
  const detail: JSONMessage['progressDetail'] = {};
  if (p.current) detail.current = p.current;
  if (p.total) detail.total = p.total;
  if (p.hideCounts) detail.hidecounts = true;
  return { id: p.id || undefined, status: p.action ?? '', progressDetail: detail };
}

function overall(out: Out, n: number, d: number, rollback: boolean): void {
  out({
    id: 'overall progress',
    action: rollback ? `rolling back update: ${n} out of ${d} tasks` : `${n} out of ${d} tasks`,
  });
}

class ReplicatedUpdater {
  #slotMap = new Map<number, number>();
  #initialized = false;
  #done = false;

  update(out: Out, service: Service, tasks: Task[], active: Set<string>, rollback: boolean): boolean {
    const replicas = service.Spec.Mode?.Replicated?.Replicas;
    if (replicas === undefined) throw new CliError('no replica count');
    if (!this.#initialized) {
      overall(out, 0, replicas, rollback);
      if (replicas <= MAX_PROGRESS_BARS)
        for (let i = 1; i <= replicas; i++) out({ id: `${i}/${replicas}`, action: ' ' });
      this.#initialized = true;
    }
    const bySlot = new Map<number, Task>();
    for (const t of tasks) {
      if (num(t.DesiredState) === 0 || num(t.Status.State) === 0) continue;
      const slot = t.Slot ?? 0;
      const e = bySlot.get(slot);
      if (e) {
        if (num(e.DesiredState) < num(t.DesiredState)) continue;
        if (num(e.DesiredState) === num(t.DesiredState) && num(e.Status.State) <= num(t.Status.State))
          continue;
      }
      if (t.NodeID && !active.has(t.NodeID)) continue;
      bySlot.set(slot, t);
    }
    if (this.#done) for (const t of bySlot.values()) if (t.Status.State !== 'running') this.#done = false;
    let running = 0;
    // Go ranges over a map; slots in number order here (the display maps them to rows once)
    for (const [slot, t] of [...bySlot].sort((a, b) => a[0] - b[0])) {
      let mapped = this.#slotMap.get(slot);
      if (mapped === undefined) this.#slotMap.set(slot, (mapped = this.#slotMap.size + 1));
      if (!terminal(t.DesiredState) && t.Status.State === 'running') running++;
      if (this.#done || replicas > MAX_PROGRESS_BARS || mapped > replicas) continue;
      const id = `${mapped}/${replicas}`;
      if (t.Status.Err) out({ id, action: truncError(t.Status.Err) });
      else if (!terminal(t.DesiredState) && !terminal(t.Status.State))
        out({
          id,
          action: (t.Status.State ?? '').padEnd(LONGEST_STATE),
          current: num(t.Status.State),
          total: MAX_PROGRESS,
          hideCounts: true,
        });
    }
    if (!this.#done) {
      overall(out, running, replicas, rollback);
      if (running === replicas) this.#done = true;
    }
    return running === replicas;
  }
}

class GlobalUpdater {
  #initialized = false;
  #done = false;

  update(out: Out, _service: Service, tasks: Task[], active: Set<string>, rollback: boolean): boolean {
    const byNode = new Map<string, Task>();
    for (const t of tasks) {
      if (num(t.DesiredState) === 0 || num(t.Status.State) === 0) continue;
      const e = byNode.get(t.NodeID ?? '');
      if (e) {
        if (num(e.DesiredState) < num(t.DesiredState)) continue;
        if (num(e.DesiredState) === num(t.DesiredState) && num(e.Status.State) <= num(t.Status.State))
          continue;
      }
      byNode.set(t.NodeID ?? '', t);
    }
    const nodeCount = byNode.size;
    if (!this.#initialized) {
      if (nodeCount === 0) {
        out({ id: 'overall progress', action: 'waiting for new tasks' });
        return false;
      }
      overall(out, 0, nodeCount, rollback);
      this.#initialized = true;
    }
    if (this.#done) for (const t of byNode.values()) if (t.Status.State !== 'running') this.#done = false;
    let running = 0;
    for (const t of byNode.values()) {
      if (!active.has(t.NodeID ?? '')) continue;
      if (!terminal(t.DesiredState) && t.Status.State === 'running') running++;
      if (this.#done || nodeCount > MAX_PROGRESS_BARS) continue;
      const id = (t.NodeID ?? '').slice(0, 12);
      if (t.Status.Err) out({ id, action: truncError(t.Status.Err) });
      else if (!terminal(t.DesiredState) && !terminal(t.Status.State))
        out({
          id,
          action: (t.Status.State ?? '').padEnd(LONGEST_STATE),
          current: num(t.Status.State),
          total: MAX_PROGRESS,
          hideCounts: true,
        });
    }
    if (!this.#done) {
      overall(out, running, nodeCount, rollback);
      if (running === nodeCount) this.#done = true;
    }
    return running === nodeCount;
  }
}

/** The bar of one job task (writeTaskProgress of both job updaters). */
function jobTask(out: Out, id: string, t: Task): void {
  if (t.Status.Err) out({ id, action: truncError(t.Status.Err) });
  else
    out({
      id,
      action: (t.Status.State ?? '').padEnd(LONGEST_STATE),
      current: num(t.Status.State),
      total: MAX_JOB_PROGRESS,
      hideCounts: true,
    });
}

const ofIteration = (service: Service, t: Task) =>
  t.JobIteration !== undefined && t.JobIteration.Index === service.JobStatus?.JobIteration.Index;

/** replicatedJobProgressUpdater: `job progress: N out of M complete`, `active tasks: A out of C tasks`. */
class ReplicatedJobUpdater {
  #initialized = false;

  update(out: Out, service: Service, tasks: Task[]): boolean {
    const job = service.Spec.Mode!.ReplicatedJob!;
    const concurrent = job.MaxConcurrent ?? 1;
    const total = job.TotalCompletions ?? concurrent;
    const overall = (active: number, completed: number) => {
      out({
        id: 'job progress',
        action: `${String(completed).padStart(String(total).length)} out of ${total} complete`,
        current: completed,
        total,
        hideCounts: true,
      });
      const desired = Math.min(total - completed, concurrent);
      const w = String(concurrent).length;
      out({
        id: 'active tasks',
        action: `${String(active).padStart(w)} out of ${String(desired).padStart(w)} tasks`,
      });
    };
    if (!this.#initialized) {
      overall(0, 0);
      if (total <= MAX_PROGRESS_BARS)
        for (let i = 1; i <= total; i++) out({ id: `${i}/${total}`, action: ' ' });
      this.#initialized = true;
    }
    const bySlot = new Map<number, Task>();
    for (const t of tasks) {
      if (!ofIteration(service, t) || num(t.DesiredState) === 0 || num(t.Status.State) === 0) continue;
      const e = bySlot.get(t.Slot ?? 0);
      if (!e || num(e.Status.State) > num(t.Status.State)) bySlot.set(t.Slot ?? 0, t);
    }
    let active = 0;
    let complete = 0;
    // Go reads slots 0 … len-1 of its map (a missing one is a zero task)
    const size = bySlot.size;
    for (let i = 0; i < size; i++) {
      const t: Task = bySlot.get(i) ?? {
        ID: '',
        Version: { Index: 0 },
        CreatedAt: '',
        UpdatedAt: '',
        Spec: {},
        Status: {},
      };
      if (total <= MAX_PROGRESS_BARS) jobTask(out, `${(t.Slot ?? 0) + 1}/${total}`, t);
      if (num(t.Status.State) < num('complete')) active++;
      if (t.Status.State === 'complete') complete++;
    }
    overall(active, complete);
    return complete === total;
  }
}

/** globalJobProgressUpdater: the nodes with a task of this iteration when first seen are the total. */
class GlobalJobUpdater {
  #nodes: Set<string> | undefined;

  update(out: Out, service: Service, tasks: Task[], active: Set<string>): boolean {
    if (!this.#nodes) {
      if (tasks.length === 0 && active.size !== 0) {
        out({ id: 'job progress', action: 'waiting for tasks' });
        return false;
      }
      this.#nodes = new Set(tasks.filter((t) => ofIteration(service, t)).map((t) => t.NodeID ?? ''));
      this.#overall(out, 0);
    }
    const byNode = new Map<string, Task>();
    for (const t of tasks) {
      if (!ofIteration(service, t) || !this.#nodes.has(t.NodeID ?? '')) continue;
      const e = byNode.get(t.NodeID ?? '');
      if (!e || num(e.Status.State) > num(t.Status.State)) byNode.set(t.NodeID ?? '', t);
    }
    let complete = 0;
    for (const t of byNode.values()) {
      if (this.#nodes.size <= MAX_PROGRESS_BARS) jobTask(out, t.NodeID ?? '', t);
      if (t.Status.State === 'complete') complete++;
    }
    this.#overall(out, complete);
    return complete === this.#nodes.size;
  }

  #overall(out: Out, complete: number): void {
    const total = this.#nodes!.size;
    out({
      id: 'job progress',
      action: `${String(complete).padStart(String(total).length)} out of ${total} complete`,
      current: complete,
      total,
      hideCounts: true,
    });
  }
}

/** WaitOnService: follow the service until it converges; `quiet` hides the display. */
export async function waitOnService(cli: DockerCli, serviceId: string, quiet: boolean): Promise<void> {
  // jsonmessage draws bars only on a terminal wider than 110 columns; off a terminal the
  // width it computes is 200, so every message with a bar is dropped
  const display = new JSONMessageDisplay(cli.out, cli.outIsTerminal, cli.outIsTerminal ? cli.width : 200);
  const out: Out = (p) => {
    if (!quiet) display.show(toMessage(p));
  };
  let updater: ReplicatedUpdater | GlobalUpdater | ReplicatedJobUpdater | GlobalJobUpdater | undefined;
  let converged = false;
  let convergedAt: number | undefined;
  let monitor = 5000;
  let rollback = false;
  let message: Progress | undefined;
  let interrupted = false;
  void cli.interrupted.then(() => (interrupted = true));
  for (;;) {
    const service = await cli.client.get<Service>(`/services/${encodeURIComponent(serviceId)}`, {
      insertDefaults: 'false',
    });
    const m = service.Spec.UpdateConfig?.Monitor;
    if (m) monitor = m / 1_000_000;
    if (!updater) {
      if (service.Spec.Mode?.Replicated?.Replicas !== undefined) updater = new ReplicatedUpdater();
      else if (service.Spec.Mode?.Global) updater = new GlobalUpdater();
      else if (service.Spec.Mode?.ReplicatedJob) updater = new ReplicatedJobUpdater();
      else if (service.Spec.Mode?.GlobalJob) updater = new GlobalJobUpdater();
      else throw new CliError('unrecognized service mode');
    }
    const us = service.UpdateStatus;
    switch (us?.State) {
      case 'updating':
        rollback = false;
        break;
      case 'completed':
        if (!converged) return;
        break;
      case 'paused':
        throw new CliError(`service update paused: ${us.Message ?? ''}`);
      case 'rollback_started':
        if (!rollback && us.Message) out({ id: 'rollback', action: us.Message });
        rollback = true;
        break;
      case 'rollback_paused':
        throw new CliError(`service rollback paused: ${us.Message ?? ''}`);
      case 'rollback_completed':
        if (!converged) message = { id: 'rollback', message: us.Message ?? '' };
        rollback = true;
        break;
    }
    if (converged && convergedAt !== undefined && cli.now() - convergedAt >= monitor) {
      out({ id: 'verify', action: `Service ${serviceId} converged` });
      if (message) out(message);
      return;
    }
    const tasks = await cli.client.get<Task[]>('/tasks', {
      filters: encodeFilters([
        ['service', service.ID],
        ['_up-to-date', 'true'],
      ]),
    });
    const nodes = await cli.client.get<{ ID: string; Status?: { State?: string } }[]>('/nodes');
    const active = new Set(nodes.filter((n) => n.Status?.State !== 'down').map((n) => n.ID));
    converged = updater.update(out, service, tasks, active, rollback);
    if (converged) {
      // a job stays done once it is done: no verification (progress.go, `service.JobStatus != nil`)
      if (service.JobStatus) {
        out({ id: '', message: 'job complete' });
        return;
      }
      convergedAt ??= cli.now();
      // Go measures a little time since convergedAt even on the first pass: 5 s less a hair
      const wait = monitor - (cli.now() - convergedAt) - 0.001;
      if (wait >= 0)
        out({
          id: 'verify',
          action: `Waiting ${Math.floor(wait / 1000) + 1} seconds to verify that tasks are stable...`,
        });
    } else {
      if (convergedAt !== undefined) out({ id: 'verify', action: 'Detected task failure' });
      convergedAt = undefined;
    }
    await Promise.race([cli.sleep(200), cli.interrupted]);
    if (interrupted) {
      if (!converged) {
        out({ id: '', message: 'Operation continuing in background.' });
        out({ id: '', message: `Use \`docker service ps ${serviceId}\` to check progress.` });
      }
      return;
    }
  }
}
