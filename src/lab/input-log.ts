/**
 * A page lab's input log: everything the lab received from outside the engine, in the
 * order it arrived, each stamped with the virtual time it arrived at. The engine is
 * deterministic (a seed, a virtual clock, no wall time), so a fresh lab made the same
 * way, given the same setup and then the same inputs at the same virtual times, ends in
 * the same state: this is how a lab survives a reload (persist.ts saves the log,
 * replay.ts plays it back) and how Undo goes back one command (the log up to that line).
 *
 * Running processes (shells, interpreters, a `docker logs -f`) cannot be serialized;
 * their inputs can.
 *
 * What counts as input:
 * - `line`: a command line run on a node's shell (what the terminal sends on Enter);
 * - `stdin`: what a running command read from the terminal (a line, or end of input);
 * - `interrupt`: Ctrl-C to a node's foreground command;
 * - `write`: a file written by the editor (or anything else on the page) under /root;
 * - `probe`: an exercise's Check sending `curl` from a node (its HTTP goals);
 * - `tick`: the clock moved and fired timers. The wall-time driver moves the clock in
 *   steps whose size depends on how busy the page was; timers fired in one step run
 *   back to back before any promise continuation, in two steps with continuations
 *   between. Recording each step that fired something (and how many it fired) lets a
 *   replay make exactly the same steps, and notice when it did not fire the same.
 *   Steps that fired nothing need no record: the next input carries the time.
 */

/** An input to the lab, at virtual time `t` (ms since the epoch). */
export type LabEvent =
  | { k: 'tick'; t: number; /** timers it fired */ n: number }
  | {
      k: 'line';
      t: number;
      node: string;
      line: string;
      /** whether the command had the terminal (a tty) */
      tty?: true;
      /** whether it had an input to read (the terminal's); without one it reads end of input */
      stdin?: true;
    }
  | {
      k: 'stdin';
      t: number;
      /** index of the `line` event of the command that read it */ of: number;
      data: string | null;
    }
  | { k: 'interrupt'; t: number; node: string }
  | { k: 'write'; t: number; node: string; path: string; text: string }
  | { k: 'probe'; t: number; node: string; url: string };

/** What Undo needs: the log before the last command line, and that line. */
export interface UndoPoint {
  /** the inputs before the line */
  events: LabEvent[];
  /** virtual time when the line arrived: where the clock stands after the undo */
  now: number;
  node: string;
  line: string;
}

export class InputLog {
  readonly #events: LabEvent[];
  readonly #listeners = new Set<(event: LabEvent) => void>();
  #closed = false;

  constructor(events: readonly LabEvent[] = []) {
    this.#events = [...events];
  }

  get events(): readonly LabEvent[] {
    return this.#events;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /**
   * Add an input; returns its index (a `stdin` event refers to its command's line by
   * it). After `close` nothing is recorded: a disposed lab's last Ctrl-Cs are not the learner's.
   */
  record(event: LabEvent): number {
    if (this.#closed) return -1;
    if (event.k === 'write') this.#dropEarlierWrite(event);
    this.#events.push(event);
    for (const listener of this.#listeners) listener(event);
    return this.#events.length - 1;
  }

  /** Be told of each input recorded; returns the function that stops telling. */
  onRecord(listener: (event: LabEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  close(): void {
    this.#closed = true;
    this.#listeners.clear();
  }

  /** The last command line and everything before it, or undefined when no line was run. */
  undoPoint(): UndoPoint | undefined {
    for (let i = this.#events.length - 1; i >= 0; i--) {
      const e = this.#events[i]!;
      if (e.k === 'line') return { events: this.#events.slice(0, i), now: e.t, node: e.node, line: e.line };
    }
    return undefined;
  }

  /**
   * The editor writes the whole file on every keystroke. A write that only timers have
   * followed since (no command, no other input) is replaced by the new one, so typing
   * a Dockerfile does not leave a copy of it per key in the save. Nothing the learner
   * ran could have read the earlier text in between; only a command already running
   * (a background loop reading the file) could, and that is left out knowingly.
   * Nothing after it refers to it by index (only ticks follow), so removing it is safe.
   */
  #dropEarlierWrite(event: Extract<LabEvent, { k: 'write' }>): void {
    for (let i = this.#events.length - 1; i >= 0; i--) {
      const e = this.#events[i]!;
      if (e.k === 'tick') continue;
      if (e.k === 'write' && e.node === event.node && e.path === event.path) this.#events.splice(i, 1);
      return;
    }
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** A path under /root as the editor names it: relative, no `..`, no empty part. */
function isHomePath(path: unknown): path is string {
  return (
    typeof path === 'string' &&
    path !== '' &&
    !path.startsWith('/') &&
    path.split('/').every((part) => part !== '' && part !== '..')
  );
}

/**
 * Check a stored log: every event well formed, on one of `nodes`, in time order, and a
 * `stdin` event pointing at an earlier `line`. Returns why not, or undefined when it is good.
 */
export function checkEvents(raw: unknown, nodes: readonly string[]): string | undefined {
  if (!Array.isArray(raw)) return 'the inputs are not a list';
  const known = new Set(nodes);
  let last = 0;
  for (let i = 0; i < raw.length; i++) {
    const e: unknown = raw[i];
    const bad = `input ${i + 1} is not one the lab knows`;
    if (!isObject(e) || !isTime(e.t)) return bad;
    if (e.t < last) return `input ${i + 1} is earlier than the one before it`;
    last = e.t;
    switch (e.k) {
      case 'tick':
        if (!isTime(e.n) || e.n < 1) return bad;
        break;
      case 'line':
        if (typeof e.node !== 'string' || !known.has(e.node) || typeof e.line !== 'string') return bad;
        if ((e.tty !== undefined && e.tty !== true) || (e.stdin !== undefined && e.stdin !== true))
          return bad;
        break;
      case 'stdin': {
        if (!isTime(e.of) || e.of >= i || (e.data !== null && typeof e.data !== 'string')) return bad;
        const of: unknown = raw[e.of];
        if (!isObject(of) || of.k !== 'line' || of.stdin !== true) return bad;
        break;
      }
      case 'interrupt':
        if (typeof e.node !== 'string' || !known.has(e.node)) return bad;
        break;
      case 'write':
        if (
          typeof e.node !== 'string' ||
          !known.has(e.node) ||
          !isHomePath(e.path) ||
          typeof e.text !== 'string'
        )
          return bad;
        break;
      case 'probe':
        if (typeof e.node !== 'string' || !known.has(e.node) || typeof e.url !== 'string') return bad;
        break;
      default:
        return bad;
    }
  }
  return undefined;
}
