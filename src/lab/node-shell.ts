/**
 * One node's host shell as the page's panels see it (a LabShell): the prompt, lines to
 * run, Ctrl-C, Tab. Every input that reaches the engine through it — the line, what the
 * command reads from the terminal, Ctrl-C — is recorded in the lab's input log with the
 * virtual time it arrived at (input-log.ts), so the lab can be replayed.
 *
 * A replay (replay.ts) runs the log's lines here with no terminal: their output is
 * dropped, except the last command's, which is kept while it is still running when
 * the replay ends. The terminal then takes it over by running the same line (mount.ts
 * types it again): it gets the output so far and the rest as it comes, and its input
 * goes to the command as before, instead of a second copy starting.
 */
import type { Completion, LabIO, LabSession } from '../sim-engine/index.ts';
import type { InputLog } from './input-log.ts';

/** A node's shell as a terminal sees it: a prompt, lines to run, Ctrl-C. */
export interface LabShell {
  readonly node: string;
  /** the bash prompt to show before the next line (`root@node1:~# `) */
  prompt(): string;
  /** run a line with the terminal's streams; resolves to its exit status */
  run(line: string, io: LabIO): Promise<number>;
  /** Ctrl-C: SIGINT to the command in the foreground */
  interrupt(): void;
  /** input arrived for the running command: let the engine see it now */
  poke(): void;
  /**
   * Tab: the candidates for the word at `cursor` in `line` (commands, docker's
   * subcommands, flags and object names, files). Optional, so a wrapper that does not
   * pass it on still makes a LabShell; the terminal then asks the page's lab.
   */
  complete?(line: string, cursor: number): Promise<Completion>;
}

type Reader = NonNullable<LabIO['stdin']>;

/** What a node's shell needs of its lab. */
export interface ShellLab {
  readonly log: InputLog;
  readonly clock: { now(): number };
  /** wake the clock driver: a command just started or got input */
  poke(): void;
}

/** Most output of a replayed command kept for the terminal; the oldest goes first. */
const MAX_KEPT = 64 * 1024;

/** A command a replay started: its output kept, its input fed from the log, until the terminal takes it over. */
class ReplayedCommand {
  readonly line: string;
  /** the index of its `line` event */
  readonly index: number;
  done: Promise<number> = Promise.resolve(0);
  finished = false;
  /** what the engine runs it with */
  readonly io: LabIO;
  #kept: { err: boolean; text: string }[] = [];
  #size = 0;
  #to: LabIO | undefined;
  #input: (string | null)[] = [];
  #waiting: ((data: string | null) => void) | undefined;
  #live: Reader | undefined;

  constructor(line: string, index: number, flags: { tty: boolean; stdin: boolean }) {
    this.line = line;
    this.index = index;
    const writer = (err: boolean) => ({
      write: (text: string) => {
        const to = this.#to;
        if (to) return (err ? to.stderr : to.stdout).write(text);
        this.#kept.push({ err, text });
        this.#size += text.length;
        while (this.#size > MAX_KEPT && this.#kept.length > 1) this.#size -= this.#kept.shift()!.text.length;
      },
    });
    this.io = {
      stdout: writer(false),
      stderr: writer(true),
      ...(flags.stdin ? { stdin: { read: () => this.#read() } } : {}),
      ...(flags.tty ? { tty: true } : {}),
    };
  }

  start(running: Promise<number>): void {
    this.done = running.finally(() => (this.finished = true));
  }

  /** what the command read, from the log */
  give(data: string | null): void {
    const waiting = this.#waiting;
    this.#waiting = undefined;
    if (waiting) waiting(data);
    else this.#input.push(data);
  }

  /** The terminal's streams from now on: the output so far is written to them first. */
  takeOver(io: LabIO, stdin: Reader | undefined): Promise<number> {
    for (const { err, text } of this.#kept) (err ? io.stderr : io.stdout).write(text);
    this.#kept = [];
    this.#to = io;
    this.#live = stdin;
    const waiting = this.#waiting;
    if (waiting && stdin) {
      this.#waiting = undefined;
      void stdin.read().then(waiting);
    }
    return this.done;
  }

  #read(): Promise<string | null> {
    if (this.#input.length > 0) return Promise.resolve(this.#input.shift()!);
    if (this.#live) return this.#live.read();
    return new Promise((resolve) => (this.#waiting = resolve));
  }
}

/**
 * One node's host session with what the terminal needs on top of it: the prompt, which
 * the shell expands from PS1 after every line (so `cd` and a changed PS1 show).
 */
export class NodeShell implements LabShell {
  #prompt: string;
  readonly node: string;
  readonly session: LabSession;
  readonly #lab: ShellLab;
  /** the command a replay started here, until it ends within the replay or the terminal takes it over */
  #replayed: ReplayedCommand | undefined;
  /** every command a replay started, by its line's index (their stdin comes by it) */
  readonly #byIndex = new Map<number, ReplayedCommand>();

  constructor(node: string, session: LabSession, lab: ShellLab) {
    this.node = node;
    this.session = session;
    this.#lab = lab;
    this.#prompt = `root@${node}:~# `;
    void session.prompt().then((p) => (this.#prompt = p));
  }

  prompt(): string {
    return this.#prompt;
  }

  async run(line: string, io: LabIO): Promise<number> {
    const replayed = this.#replayed;
    if (replayed) {
      if (replayed.line === line) {
        this.#replayed = undefined;
        return replayed.takeOver(io, io.stdin && this.#recordReads(io.stdin, replayed.index));
      }
      // a shell runs one command at a time: the one left running goes first
      await replayed.done;
    }
    const index = this.#lab.log.record({
      k: 'line',
      t: this.#lab.clock.now(),
      node: this.node,
      line,
      ...(io.tty ? { tty: true as const } : {}),
      ...(io.stdin ? { stdin: true as const } : {}),
    });
    const stdin = io.stdin && this.#recordReads(io.stdin, index);
    return this.#exec(line, { ...io, ...(stdin ? { stdin } : {}) });
  }

  async refreshPrompt(): Promise<void> {
    this.#prompt = await this.session.prompt();
  }

  interrupt(): void {
    this.#lab.log.record({ k: 'interrupt', t: this.#lab.clock.now(), node: this.node });
    this.session.interrupt();
    this.#lab.poke();
  }

  poke(): void {
    this.#lab.poke();
  }

  complete(line: string, cursor: number): Promise<Completion> {
    return this.session.complete(line, cursor);
  }

  /** The line a replay left running here (the terminal runs it again to take it over). */
  get running(): string | undefined {
    return this.#replayed?.line;
  }

  /** Replay: start a recorded line, its output kept aside. */
  replayLine(line: string, index: number, flags: { tty: boolean; stdin: boolean }): void {
    const command = new ReplayedCommand(line, index, flags);
    this.#byIndex.set(index, command);
    this.#replayed = command;
    command.start(this.#exec(line, command.io));
  }

  /** Replay: what the command of line `index` read; false when no replayed line has that index. */
  replayStdin(index: number, data: string | null): boolean {
    const command = this.#byIndex.get(index);
    if (!command) return false;
    command.give(data);
    return true;
  }

  replayInterrupt(): void {
    this.session.interrupt();
  }

  /** The replay is over: a command that ended within it is not waiting for the terminal. */
  endReplay(): void {
    if (this.#replayed?.finished) this.#replayed = undefined;
    this.#byIndex.clear();
  }

  async #exec(line: string, io: LabIO): Promise<number> {
    const running = this.session.run(line, io);
    this.#lab.poke();
    const status = await running;
    await this.refreshPrompt();
    return status;
  }

  /** What the command reads from the terminal, recorded as it reads it. */
  #recordReads(stdin: Reader, index: number): Reader {
    return {
      read: async () => {
        const data = await stdin.read();
        this.#lab.log.record({ k: 'stdin', t: this.#lab.clock.now(), of: index, data });
        return data;
      },
    };
  }
}
