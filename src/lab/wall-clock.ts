/**
 * The one place wall time drives the engine's virtual clock (DESIGN.md: Time). While a
 * page is open, virtual time follows real time at 1× (or `speed`): each tick advances
 * the clock to `start + elapsed × speed`, firing the timers due on the way, and lets
 * the engine settle after each step so a timer a firing timer set for "now" fires in
 * the same tick, not one poll later. Between ticks it sleeps until the next timer is
 * due, or polls now and then when none is pending; `poke()` wakes it early (a command
 * was just started, or input arrived).
 *
 * The cluster view's clock controls: `setSpeed` (1×, 4×, 16×) and `pause`/`resume`
 * rebase the driver at the current instant, so virtual time never jumps; `step` moves a
 * paused clock on by a fixed amount, firing the timers due on the way. `driverOf(clock)`
 * finds the driver of a clock (one per page lab).
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
  /**
   * Told after each move of the clock that fired timers: where it moved to and how many
   * fired (the page lab's input log records these steps, so a replay makes the same ones).
   */
  advanced?: (now: number, fired: number) => void;
}

export interface WallTimeDriver {
  /** tick as soon as possible: something may have set a timer */
  poke(): void;
  dispose(): void;
  /** virtual ms per real ms now */
  readonly speed: number;
  /** whether virtual time is held still */
  readonly paused: boolean;
  /** follow wall time `factor` times as fast from now on */
  setSpeed(factor: number): void;
  /** hold virtual time still (timers wait) */
  pause(): void;
  /** follow wall time again from where the clock stands */
  resume(): void;
  /** while paused: move virtual time on by `ms` (1 s by default), firing timers on the way */
  step(ms?: number): Promise<void>;
  /** be told when speed or pause changes; returns a function that stops telling */
  onChange(listener: () => void): () => void;
}

const drivers = new WeakMap<DrivenClock, WallTimeDriver>();

/** The driver following wall time for `clock`, if one is running. */
export function driverOf(clock: DrivenClock): WallTimeDriver | undefined {
  return drivers.get(clock);
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
  const advanced = options.advanced;
  /** every move of the clock goes through here, so `advanced` hears of each */
  const advanceTo = (to: number) => {
    const fired = clock.advanceTo(to);
    if (fired > 0) advanced?.(clock.now(), fired);
  };
  let speed = options.speed ?? 1;
  const wallNow = options.wallNow ?? (() => performance.now());
  const settle = options.yieldToEngine ?? macrotask;
  const idlePoll = options.idlePoll ?? 100;
  let wall0 = wallNow();
  let virtual0 = clock.now();
  let paused = false;
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const l of listeners) l();
  };
  /** start counting from here: virtual time goes on from where the clock stands */
  const rebase = () => {
    wall0 = wallNow();
    virtual0 = clock.now();
  };
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
    if (paused) return;
    if (ticking) {
      again = true;
      return;
    }
    ticking = true;
    try {
      let target = virtual0 + (wallNow() - wall0) * speed;
      for (let step = 0; step < STEPS_PER_TICK && !disposed && !paused; step++) {
        advanceTo(target);
        await settle();
        target = virtual0 + (wallNow() - wall0) * speed;
        const next = clock.nextDue();
        if (next === undefined || next > target) break;
      }
      if (disposed || paused) return;
      const next = clock.nextDue();
      const wait = next === undefined ? idlePoll : Math.min(idlePoll, Math.max(0, (next - target) / speed));
      schedule(again ? 0 : wait);
      again = false;
    } finally {
      ticking = false;
    }
  }

  schedule(0);
  const driver: WallTimeDriver = {
    poke: () => {
      if (!paused) schedule(0);
    },
    dispose() {
      disposed = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      if (drivers.get(clock) === driver) drivers.delete(clock);
      listeners.clear();
    },
    get speed() {
      return speed;
    },
    get paused() {
      return paused;
    },
    setSpeed(factor) {
      if (!(factor > 0) || factor === speed) return;
      if (!paused) advanceTo(Math.max(clock.now(), virtual0 + (wallNow() - wall0) * speed));
      speed = factor;
      rebase();
      if (!paused) schedule(0);
      changed();
    },
    pause() {
      if (paused) return;
      advanceTo(Math.max(clock.now(), virtual0 + (wallNow() - wall0) * speed));
      paused = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      changed();
    },
    resume() {
      if (!paused) return;
      paused = false;
      rebase();
      schedule(0);
      changed();
    },
    async step(ms = 1000) {
      if (!paused || disposed) return;
      const target = clock.now() + ms;
      for (let i = 0; i < STEPS_PER_TICK && !disposed; i++) {
        const next = clock.nextDue();
        advanceTo(next !== undefined && next < target ? next : target);
        await settle();
        if (clock.now() >= target && (clock.nextDue() ?? Infinity) > target) break;
      }
      rebase();
      changed();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
  drivers.set(clock, driver);
  return driver;
}
