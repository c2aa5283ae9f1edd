/**
 * Virtual time. The engine never reads the wall clock: everything that waits or
 * stamps a time asks this clock. In a page, `src/lab/` drives it from wall time (and
 * can pause it, step it, or run it 4× or 16×); headless, `dockersim` jumps it to the
 * next timer whenever the engine is idle, so `sleep 10` costs nothing.
 *
 * Timers due at the same instant fire in the order they were scheduled. Time is whole
 * milliseconds (Docker's nanosecond stamps add their own remainder): a timer due at a
 * fraction waits for the next whole one, and advancing to a fraction stops short of it,
 * so a driver should advance to `start + elapsed`, not add up rounded steps.
 */
export interface Timer {
  readonly id: number;
  readonly due: number;
}

interface Entry extends Timer {
  readonly fn: () => void;
  readonly seq: number;
}

export class Clock {
  #now: number;
  #seq = 0;
  /** Pending timers, kept sorted by (due, seq). */
  #queue: Entry[] = [];
  #listeners = new Set<(now: number) => void>();

  /** @param start milliseconds since the Unix epoch */
  constructor(start: number) {
    this.#now = Math.floor(start);
  }

  /** Current virtual time in milliseconds since the Unix epoch. */
  now(): number {
    return this.#now;
  }

  /** Run `fn` when the clock reaches `due` (at once on the next advance if `due` is past). */
  at(due: number, fn: () => void): Timer {
    const entry: Entry = { id: ++this.#seq, seq: this.#seq, due: Math.max(Math.ceil(due), this.#now), fn };
    // binary search for the insertion point: after every entry with (due, seq) <= ours
    let lo = 0;
    let hi = this.#queue.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.#queue[mid]!.due <= entry.due) lo = mid + 1;
      else hi = mid;
    }
    this.#queue.splice(lo, 0, entry);
    return entry;
  }

  /** Run `fn` after `ms` milliseconds of virtual time. */
  after(ms: number, fn: () => void): Timer {
    return this.at(this.#now + Math.max(0, ms), fn);
  }

  cancel(timer: Timer | undefined): void {
    if (!timer) return;
    const i = this.#queue.indexOf(timer as Entry);
    if (i >= 0) this.#queue.splice(i, 1);
  }

  /** A promise that resolves after `ms` of virtual time. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.after(ms, resolve));
  }

  /** When the next timer is due, or undefined when none is pending. */
  nextDue(): number | undefined {
    return this.#queue[0]?.due;
  }

  /** Number of pending timers (for tests and for idle detection). */
  get pending(): number {
    return this.#queue.length;
  }

  /**
   * Move time forward to `target`, firing every timer due on the way, each at its own
   * instant (so a timer scheduled by a firing timer also fires if it falls before target).
   * Returns the number of timers fired.
   */
  advanceTo(to: number): number {
    const target = Math.floor(to);
    let fired = 0;
    while (this.#queue.length > 0 && this.#queue[0]!.due <= target) {
      const entry = this.#queue.shift()!;
      if (entry.due > this.#now) this.#now = entry.due;
      fired++;
      entry.fn();
    }
    if (target > this.#now) this.#now = target;
    for (const l of this.#listeners) l(this.#now);
    return fired;
  }

  advanceBy(ms: number): number {
    return this.advanceTo(this.#now + ms);
  }

  /** Fire only the next due timer (and any others due at the same instant). */
  step(): boolean {
    const due = this.nextDue();
    if (due === undefined) return false;
    this.advanceTo(due);
    return true;
  }

  /** Be told whenever time moves (the cluster view redraws "Up 3 seconds" from it). */
  onAdvance(listener: (now: number) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** For saving a lab: time only; timers belong to the objects that set them. */
  snapshot(): { now: number } {
    return { now: this.#now };
  }
}
