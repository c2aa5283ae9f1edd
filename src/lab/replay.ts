/**
 * Playing a lab's input log (input-log.ts) back into a fresh lab that has run the same
 * setup: the clock is moved exactly as it was moved when the inputs arrived (each
 * recorded `tick`, firing its timers), each input is delivered at its time, and the
 * engine is let settle after each (a macrotask turn: the engine has no timers of its
 * own, so its promise chains all finish within one), as the wall-time driver lets it
 * settle after each step.
 *
 * Output of replayed commands goes nowhere here (the page shows the saved terminal text
 * instead); a command still running at the end is left running for the terminal to
 * take over (node-shell.ts).
 */
import type { LabEvent } from './input-log.ts';

/** Where a replay delivers: the lab being restored. */
export interface ReplayTarget {
  clock: { now(): number; advanceTo(to: number): number };
  /** start a command line (not awaited: later inputs may be its stdin) */
  line(node: string, line: string, index: number, flags: { tty: boolean; stdin: boolean }): void;
  /** give what the command of line `of` read; false when that command has no stdin to give it to */
  stdin(of: number, data: string | null): boolean;
  interrupt(node: string): void;
  write(node: string, path: string, text: string): void;
  /** an exercise's HTTP probe (not awaited) */
  probe(node: string, url: string): void;
}

export interface Replayed {
  /** clock steps that fired another number of timers than when recorded: the lab may differ */
  diverged: number;
}

/** A save whose inputs cannot be played back: the page starts a fresh lab instead. */
export class ReplayError extends Error {
  override name = 'ReplayError';
}

/**
 * Play `events` into `target`, then move the clock to `until` (where it stood when the
 * log was saved). `settle` lets the engine's promises run (a macrotask in the page).
 */
export async function replay(
  target: ReplayTarget,
  events: readonly LabEvent[],
  until: number,
  settle: () => Promise<void>,
  stopped: () => boolean = () => false,
): Promise<Replayed> {
  let diverged = 0;
  for (let i = 0; i < events.length; i++) {
    if (stopped()) throw new ReplayError('the lab was closed during its replay');
    const e = events[i]!;
    if (e.t < target.clock.now()) throw new ReplayError(`input ${i + 1} is earlier than the lab’s clock`);
    const fired = target.clock.advanceTo(e.t);
    // an input arrived between clock steps: no timer was due before it
    if (e.k === 'tick' ? fired !== e.n : fired !== 0) diverged++;
    switch (e.k) {
      case 'tick':
        break;
      case 'line':
        target.line(e.node, e.line, i, { tty: e.tty === true, stdin: e.stdin === true });
        break;
      case 'stdin':
        if (!target.stdin(e.of, e.data))
          throw new ReplayError(`input ${i + 1} went to a command that is no longer there`);
        break;
      case 'interrupt':
        target.interrupt(e.node);
        break;
      case 'write':
        target.write(e.node, e.path, e.text);
        break;
      case 'probe':
        target.probe(e.node, e.url);
        break;
    }
    await settle();
  }
  if (until < target.clock.now()) throw new ReplayError('the save’s time is earlier than its last input');
  if (target.clock.advanceTo(until) !== 0) diverged++;
  await settle();
  return { diverged };
}
