/**
 * Running the engine to completion outside a page: let every pending promise settle,
 * and when nothing can move without time passing, jump the clock to the next timer —
 * the "idle means advance" rule of the headless runner. `yieldToEngine` must let the
 * engine's microtasks run (a macrotask turn); it is passed in because the engine
 * itself has no timers (Node gives it setImmediate).
 */
import type { Clock } from '../clock.ts';

export interface DriveOptions {
  clock: Clock;
  /** resolve after all current microtasks (Node: `() => new Promise((r) => setImmediate(r))`) */
  yieldToEngine: () => Promise<void>;
  /** give up after this much virtual time, ms (the oracle's per-command timeout is 180 s) */
  limit?: number;
}

/** Drive until `done` settles or the time limit passes; resolves whether it finished. */
export async function drive<T>(done: Promise<T>, o: DriveOptions): Promise<{ finished: boolean; value?: T }> {
  let finished = false;
  let value: T | undefined;
  let failure: unknown;
  done.then(
    (v) => {
      finished = true;
      value = v;
    },
    (e: unknown) => {
      finished = true;
      failure = e;
    },
  );
  const deadline = o.clock.now() + (o.limit ?? 180_000);
  for (;;) {
    await o.yieldToEngine();
    if (finished) break;
    const next = o.clock.nextDue();
    if (next === undefined || next > deadline) {
      // nothing left to wait for, or only beyond the limit: a stuck command
      await o.yieldToEngine();
      if (finished) break;
      if (o.clock.now() < deadline) o.clock.advanceTo(deadline);
      return { finished: false };
    }
    o.clock.advanceTo(next);
  }
  if (failure !== undefined) throw failure;
  return { finished: true, value };
}
