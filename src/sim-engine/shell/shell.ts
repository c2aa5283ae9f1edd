/**
 * A shell that keeps its state between calls: the lab host's terminal and the
 * headless `dockersim transcript` feed it one line at a time, and variables, `cd`,
 * functions, aliases and history carry over from line to line.
 */
import type { ProcessContext, Program, Reader, Writer } from '../process/types.ts';
import { DIALECTS, type Dialect, type DialectName } from './dialect.ts';
import { Interp } from './interp.ts';
import { Io } from './io.ts';
import { jobLine } from './builtins/jobs.ts';
import { needsMoreInput } from './parse.ts';
import { primaryPrompt, secondaryPrompt } from './prompt.ts';
import { runSource } from './run-source.ts';
import { ExitSignal, Interrupted, ShellAbort, ShellKilled } from './signals.ts';
import { initialState } from './startup.ts';
import { handleSignal, runTrapAction } from './traps.ts';

export interface ShellIO {
  /** input for the commands (`read`, `cat`); end of input when left out */
  stdin?: Reader;
  stdout: Writer;
  stderr: Writer;
  /** stdin and stdout are a terminal (the lab's xterm): programs started see a tty (`docker run -it`) */
  tty?: boolean;
}

export interface ShellOptions {
  dialect?: Dialect | DialectName;
  /** $0 and the name in messages; `bash` or `sh` by default */
  name?: string;
  /**
   * How errors are worded: 'interactive' as at a terminal (`bash: foo: command not
   * found`), or 'command' as each line run with `bash -c` (`bash: line 1: …`), which
   * is how the transcripts recorded on a real engine were made.
   */
  messages?: 'interactive' | 'command';
}

const NO_INPUT: Reader = { read: () => Promise.resolve(null) };

export class Shell {
  readonly interp: Interp;
  #exited: number | undefined;
  #end: (status: number) => void = () => {};
  /** Resolves with the status when the shell exits (`exit`, or its process killed). */
  readonly done: Promise<number> = new Promise((resolve) => (this.#end = resolve));

  constructor(ctx: ProcessContext, options: ShellOptions = {}) {
    const dialect =
      typeof options.dialect === 'string' ? DIALECTS[options.dialect] : (options.dialect ?? DIALECTS.bash);
    const interactive = (options.messages ?? 'interactive') === 'interactive';
    const name = options.name ?? (dialect.name === 'bash' ? 'bash' : 'sh');
    const state = initialState(ctx, dialect, name, interactive);
    const io = Io.of(ctx.stdin, ctx.stdout, ctx.stderr);
    this.interp = new Interp({ ctx, dialect, state, io, mode: interactive ? 'interactive' : 'c' });
    if (interactive)
      for (const sig of ['SIGINT', 'SIGTERM', 'SIGQUIT'] as const) handleSignal(this.interp, sig);
    void ctx.ended.then((status) => {
      this.interp.proc.killed = true;
      if (this.#exited === undefined) {
        this.#exited = status;
        this.#end(status);
      }
    });
  }

  /** The status `exit` ended the shell with; undefined while it runs. */
  get exited(): number | undefined {
    return this.#exited;
  }

  /** `$?` */
  get lastStatus(): number {
    return this.interp.state.lastStatus;
  }

  get cwd(): string {
    return this.interp.state.cwd;
  }

  get dialect(): Dialect {
    return this.interp.dialect;
  }

  /** The value of a shell variable. */
  variable(name: string): string | undefined {
    return this.interp.state.vars.get(name);
  }

  /** The prompt to show before the next line (PS1, expanded). */
  prompt(): string {
    return primaryPrompt(this.interp);
  }

  /** The prompt for a continuation line (PS2). */
  continuationPrompt(): string {
    return secondaryPrompt(this.interp);
  }

  /** Whether `text` is an unfinished command that needs another line (show PS2). */
  needsMoreInput(text: string): boolean {
    return needsMoreInput(text, this.interp.dialect);
  }

  /** Ctrl-C: the foreground command gets SIGINT and the line is abandoned. */
  interrupt(): void {
    this.interp.interrupt('SIGINT');
  }

  /**
   * Run a line (or several) and resolve to its status. After `exit` (in 'interactive'
   * mode), `exited` is set and further calls do nothing but return it; in 'command'
   * mode `exit` ends only its line, as each line's `bash -c` would.
   */
  async run(line: string, io: ShellIO): Promise<number> {
    if (this.#exited !== undefined) return this.#exited;
    const sh = this.interp;
    const state = sh.state;
    const stdin = io.stdin ?? NO_INPUT;
    const cmdIo = Io.of(stdin, io.stdout, io.stderr);
    sh.proc.terminal = io.tty ? { reader: stdin, writer: io.stdout } : undefined;
    sh.io = cmdIo;
    sh.cur = cmdIo;
    sh.proc.interrupted = false;
    if (sh.interactive && line.trim() !== '' && sh.dialect.name !== 'dash')
      state.history.push(line.replace(/\n$/, ''));
    let status: number;
    try {
      status = await runSource(sh, line, cmdIo);
      if (sh.proc.interrupted) throw new Interrupted();
      // in 'command' mode each line is its own `bash -c`: its EXIT trap runs when it ends
      if (!sh.interactive) status = await this.#exitTrap(status);
    } catch (e) {
      status = await this.#ended(e, cmdIo);
    }
    state.lastStatus = status;
    this.#reportJobs(cmdIo);
    return status;
  }

  async #ended(e: unknown, io: Io): Promise<number> {
    const sh = this.interp;
    if (e instanceof ShellAbort) return e.status;
    if (e instanceof Interrupted) {
      io.stdout.write('\n');
      return 130;
    }
    if (e instanceof ExitSignal) {
      const status = await this.#exitTrap(e.status);
      // `exit` in 'command' mode ends that line's `bash -c`, not the session
      if (!sh.interactive) return status;
      this.#exited = status;
      this.#end(status);
      return status;
    }
    if (e instanceof ShellKilled) {
      this.#exited = 137;
      this.#end(137);
      return 137;
    }
    throw e;
  }

  /** Run the EXIT trap, if one is set, once; its `exit` changes the status. */
  async #exitTrap(status: number): Promise<number> {
    const sh = this.interp;
    const trap = sh.state.traps.get('EXIT');
    if (!trap) return status;
    sh.state.traps.delete('EXIT');
    try {
      await runTrapAction(sh, trap, status);
    } catch (t) {
      if (t instanceof ExitSignal) return t.status;
      if (!(t instanceof ShellAbort)) throw t;
    }
    return status;
  }

  /** bash and ash tell of background jobs that ended: `[1]+  Done    sleep 1`. */
  #reportJobs(io: Io): void {
    const sh = this.interp;
    const jobs = sh.state.jobs;
    if (!sh.interactive || !jobs.some((j) => j.status !== undefined)) return;
    let out = '';
    jobs.forEach((j, i) => {
      if (j.status !== undefined && !j.reported) {
        j.reported = true;
        out += jobLine(sh, j, i, jobs.length) + '\n';
      }
    });
    sh.state.jobs = jobs.filter((j) => j.status === undefined);
    if (out) io.stderr.write(out);
  }
}

/**
 * A Program that keeps a Shell alive for whoever drives it (a lab host's terminal,
 * the headless transcript): `ready` is given the Shell once its process has started,
 * and the process ends when the shell exits.
 */
export function sessionProgram(ready: (shell: Shell) => void, options: ShellOptions = {}): Program {
  return async (ctx) => {
    const shell = new Shell(ctx, options);
    ready(shell);
    return shell.done;
  };
}
