/**
 * The one place wall time drives the engine's virtual clock (DESIGN.md: Time). While a
 * page is open, virtual time follows real time at 1× (or `speed`): each tick advances
 * the clock to `start + elapsed × speed`, firing the timers due on the way, and lets
 * the engine settle after each step so a timer a firing timer set for "now" fires in
 * the same tick, not one poll later. Between ticks it sleeps until the next timer is
 * due, or polls now and then when none is pending; `poke()` wakes it early (a command
 * was just started, or input arrived).
 */

/** The part of the engine's Clock this needs. */
export interface DrivenClock {
  now(): number;
  nextDue(): number | undefined;
  advanceTo(to: number): number;
}

export interface WallTimeOptions {
  /** virtual ms per real ms; 1 by default */
  speed?: number;
  /** real time in ms (performance.now by default) */
  wallNow?: () => number;
  /** let the engine's pending promises settle (a macrotask turn) */
  yieldToEngine?: () => Promise<void>;
  /** longest sleep between ticks when nothing is due, ms */
  idlePoll?: number;
}

export interface WallTimeDriver {
  /** tick as soon as possible: something may have set a timer */
  poke(): void;
  dispose(): void;
}

/** Settle the engine's promise chains: a macrotask turn, without setTimeout's 4 ms clamp. */
export function macrotask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Most engine steps one tick may take before it lets the page paint. */
const STEPS_PER_TICK = 200;

export function followWallTime(clock: DrivenClock, options: WallTimeOptions = {}): WallTimeDriver {
  const speed = options.speed ?? 1;
  const wallNow = options.wallNow ?? (() => performance.now());
  const settle = options.yieldToEngine ?? macrotask;
  const idlePoll = options.idlePoll ?? 100;
  const wall0 = wallNow();
  const virtual0 = clock.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let ticking = false;
  let again = false;
  let disposed = false;

  const schedule = (ms: number) => {
    if (disposed) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void tick(), ms);
  };

  async function tick(): Promise<void> {
    timer = undefined;
    if (ticking) {
      again = true;
      return;
    }
    ticking = true;
    try {
      let target = virtual0 + (wallNow() - wall0) * speed;
      for (let step = 0; step < STEPS_PER_TICK && !disposed; step++) {
        clock.advanceTo(target);
        await settle();
        target = virtual0 + (wallNow() - wall0) * speed;
        const next = clock.nextDue();
        if (next === undefined || next > target) break;
      }
      if (disposed) return;
      const next = clock.nextDue();
      const wait = next === undefined ? idlePoll : Math.min(idlePoll, Math.max(0, (next - target) / speed));
      schedule(again ? 0 : wait);
      again = false;
    } finally {
      ticking = false;
    }
  }

  schedule(0);
  return {
    poke: () => schedule(0),
    dispose() {
      disposed = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
