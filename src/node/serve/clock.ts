/**
 * Wall time drives the served engine's virtual clock, as a lesson page's lab does
 * (src/lab/wall-clock.ts): the real docker CLI measures "Up 5 seconds", "Running 2
 * seconds ago" and its own waits against the machine's clock, so the engine must live
 * in the same time. The virtual clock starts at the wall-clock instant the server
 * starts and moves on with it; each tick fires the timers due on the way, letting the
 * engine's promises settle between them. The engine itself has no timers: they are here.
 */

/** The part of the engine's Clock this needs. */
export interface DrivenClock {
  now(): number;
  nextDue(): number | undefined;
  advanceTo(to: number): number;
}

export interface WallClockOptions {
  /** real time, ms (performance.now by default: it never goes back) */
  wallNow?: () => number;
  /** longest sleep between ticks when no timer is due, ms */
  idlePoll?: number;
}

export interface WallClock {
  /** bring virtual time up to now, firing what is due, before a request is served */
  catchUp(): Promise<void>;
  /** a timer may have been set: tick soon */
  poke(): void;
  dispose(): void;
}

/** Let the engine's promise chains settle: one macrotask turn. */
export const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Most timers one tick fires before it lets the server answer requests. */
const STEPS_PER_TICK = 500;

export function followWallClock(clock: DrivenClock, options: WallClockOptions = {}): WallClock {
  const wallNow = options.wallNow ?? (() => performance.now());
  const idlePoll = options.idlePoll ?? 100;
  const wall0 = wallNow();
  const virtual0 = clock.now();
  const target = () => virtual0 + (wallNow() - wall0);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let disposed = false;

  /** Step from timer to timer up to now; a timer set for "now" by one that fired fires too. */
  async function advance(): Promise<void> {
    for (let step = 0; step < STEPS_PER_TICK && !disposed; step++) {
      const to = target();
      const next = clock.nextDue();
      const due = next !== undefined && next <= to;
      clock.advanceTo(due ? next : to);
      await settle();
      if (!due) break;
    }
  }

  function schedule(ms: number): void {
    if (disposed) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void tick(), ms);
    // a server's clock must not keep the process alive on its own
    timer.unref();
  }

  function tick(): Promise<void> {
    timer = undefined;
    running ??= advance().finally(() => {
      running = undefined;
      const next = clock.nextDue();
      schedule(next === undefined ? idlePoll : Math.min(idlePoll, Math.max(0, next - target())));
    });
    return running;
  }

  schedule(0);
  return {
    catchUp: () => tick(),
    poke: () => schedule(0),
    dispose() {
      disposed = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
