/**
 * The interpreter: walks command lists, and-or lists and compound commands.
 * Pipelines are in pipeline.ts, simple commands in simple.ts. One Interp runs one
 * thread of commands; a subshell (`( … )`, `$( … )`, a pipeline stage, `&`) is a
 * fork(): another Interp over a copy of the state, in the same process.
 */
import {
  SIGNAL_NUMBERS,
  type ChildProcess,
  type ProcessContext,
  type Reader,
  type SignalName,
  type Writer,
} from '../process/types.ts';
import type { Command, CommandList } from './ast.ts';
import type { Dialect } from './dialect.ts';
import type { Io } from './io.ts';
import { errorPrefix, syntaxErrorPrefix, type MessageContext, type ShellModeKind } from './messages.ts';
import { runPipeline, startBackground } from './pipeline.ts';
import {
  BreakSignal,
  BrokenPipe,
  ContinueSignal,
  ExitSignal,
  ShellAbort,
  ShellKilled,
  ReturnSignal,
  Interrupted,
} from './signals.ts';
import { runSimple } from './simple.ts';
import { runCompound } from './compound.ts';
import { commandSubstitution } from './substitution.ts';
import { optionFlags } from './option-flags.ts';
import type { ShellState } from './state.ts';
import { describeSyntaxError, type ShellSyntaxError } from './syntax-error.ts';
import { ReadonlyError } from './vars.ts';
import { runTrapAction, runTraps } from './traps.ts';
import type { ArithVars } from './arith.ts';

export interface InterpInit {
  ctx: ProcessContext;
  dialect: Dialect;
  state: ShellState;
  io: Io;
  mode: ShellModeKind;
  /** busybox: -c with a $0 given */
  named?: boolean;
}

/** What every fork of one shell process shares. */
export interface ShellProcess {
  /** signals whose traps are waiting to run */
  pendingTraps: SignalName[];
  /** `wait` is waiting: a trapped signal interrupts it */
  wakeWait: (() => void) | undefined;
  /** Ctrl-C in an interactive shell: abandon the command line */
  interrupted: boolean;
  /** Ctrl-C went to the foreground job: the line is abandoned if the job dies of it */
  sigintSent: boolean;
  /** the process was killed: stop at once */
  killed: boolean;
  /** children running in the foreground of any fork, for Ctrl-C */
  foreground: Set<ChildProcess>;
  /** told of Ctrl-C: what waits for input gives up */
  onInterrupt: Set<() => void>;
  /** the terminal's streams, when the shell has one (`docker run -t`, the lab terminal) */
  terminal: { reader: Reader; writer: Writer } | undefined;
  /** signals the shell has asked the kernel for */
  handled: Set<SignalName>;
  /** the interpreter at the top, which runs traps */
  root: Interp;
}

export class Interp {
  readonly ctx: ProcessContext;
  readonly dialect: Dialect;
  readonly state: ShellState;
  readonly mode: ShellModeKind;
  readonly named: boolean;
  readonly proc: ShellProcess;
  /** the shell's own descriptors (`exec >file` changes them) */
  io: Io;
  /** the descriptors of the command running, for messages during expansion */
  cur: Io;
  /** the line of the command running */
  line = 1;
  startTime: number;
  /** >0 while running a condition (if, while, &&, ||, !): `set -e` does not fire */
  condDepth = 0;
  loopDepth = 0;
  funcDepth = 0;
  evalDepth = 0;
  /** >0 while running a file with `.` (where `return` is allowed) */
  sourcing = 0;
  /** the file being sourced (or the script), for bash's messages */
  source: string | undefined;
  subshell = false;
  /** bash's `set -x` shows `++` inside $(…) */
  traceLevel = 1;
  /** the status of the last command substitution, for a command with no words */
  substStatus: number | undefined;
  /** children started by this interpreter and not yet ended (a job's kill reaches them) */
  readonly children = new Set<ChildProcess>();
  /** told of each child this interpreter starts (`&` takes the first one's pid as `$!`) */
  onSpawn: ((child: ChildProcess) => void) | undefined;
  /** told once when this interpreter's first command starts running (after its expansions) */
  onStart: (() => void) | undefined;
  /** set when this subshell's job was killed: the status it ends with */
  cancelled: number | undefined;
  /** `exec`'s target: the descriptor table of the command that ran it */
  execIo: Io;
  /** getopts: the position inside a group of options (`-abc`) */
  getoptsOffset = 1;

  constructor(init: InterpInit, proc?: ShellProcess) {
    this.ctx = init.ctx;
    this.dialect = init.dialect;
    this.state = init.state;
    this.io = init.io;
    this.cur = init.io;
    this.execIo = init.io;
    this.mode = init.mode;
    this.named = !!init.named;
    this.startTime = init.ctx.now();
    this.proc = proc ?? {
      pendingTraps: [],
      wakeWait: undefined,
      interrupted: false,
      sigintSent: false,
      killed: false,
      foreground: new Set(),
      onInterrupt: new Set(),
      terminal: init.ctx.tty ? { reader: init.ctx.stdin, writer: init.ctx.stdout } : undefined,
      handled: new Set(),
      root: this,
    };
  }

  /** A subshell: a copy of the state, in the same process. */
  fork(io0: Io = this.cur): Interp {
    const io = io0.clone();
    const sub = new Interp(
      {
        ctx: this.ctx,
        dialect: this.dialect,
        state: this.state.clone(),
        io,
        mode: this.mode,
        named: this.named,
      },
      this.proc,
    );
    sub.subshell = true;
    sub.line = this.line;
    sub.startTime = this.startTime;
    sub.funcDepth = this.funcDepth;
    sub.evalDepth = this.evalDepth;
    sub.source = this.source;
    sub.traceLevel = this.traceLevel;
    return sub;
  }

  get interactive(): boolean {
    return this.state.options.interactive && !this.subshell;
  }

  // ---- messages ----

  messages(): MessageContext {
    return {
      dialect: this.dialect,
      arg0: this.state.arg0,
      mode: this.mode,
      named: this.named,
      line: this.line,
      inFunction: this.funcDepth > 0,
      inEval: this.evalDepth > 0,
      source: this.source,
    };
  }

  /** Print an error from the shell or from builtin `builtin` on `io`'s stderr. */
  error(msg: string, builtin?: string, io: Io = this.cur): void {
    io.stderr.write(`${errorPrefix(this.messages(), builtin)}${msg}\n`);
  }

  /** Print an error and abort the command (a non-interactive shell exits with `status`). */
  fatal(msg: string, status: number, builtin?: string): never {
    this.error(msg, builtin);
    throw new ShellAbort(status);
  }

  syntaxError(err: ShellSyntaxError, io: Io = this.cur): void {
    const d = describeSyntaxError(err, this.dialect);
    const p = syntaxErrorPrefix(this.messages(), d.line);
    io.stderr.write(`${p}${d.text}\n`);
    if (d.second && !(this.mode === 'interactive' && this.source === undefined))
      io.stderr.write(`${p}${d.second}\n`);
  }

  /** `$-` */
  flags(): string {
    return optionFlags(this);
  }

  // ---- variables ----

  setVar(name: string, value: string): void {
    try {
      this.state.vars.set(name, value, { export: this.state.options.allexport });
    } catch (e) {
      if (!(e instanceof ReadonlyError)) throw e;
      if (this.dialect.name === 'bash') {
        this.error(`${name}: readonly variable`);
        throw new ShellAbort(1);
      }
      this.fatal(`${name}: is read only`, 2);
    }
  }

  arithVars(): ArithVars {
    return { get: (n) => this.state.vars.get(n), set: (n, v) => this.setVar(n, v) };
  }

  // ---- running ----

  /** Between commands: stop if killed, run pending traps, leave on Ctrl-C. */
  async checkpoint(): Promise<void> {
    if (this.proc.killed) throw new ShellKilled();
    if (this.cancelled !== undefined) throw new ExitSignal(this.cancelled);
    if (this.proc.interrupted) throw new Interrupted();
    if (this.proc.pendingTraps.length && this.proc.root === this) await runTraps(this);
  }

  /** A job's `kill`: end this subshell and what it runs. */
  cancel(signal: SignalName): void {
    this.cancelled = 128 + SIGNAL_NUMBERS[signal];
    for (const c of this.children) c.kill(signal);
  }

  /**
   * Ctrl-C (or TERM/QUIT) in an interactive shell: the foreground job gets it. The line
   * is abandoned at once when the shell itself waits (a builtin, `wait`); with a job in
   * the foreground, only if the job dies of the signal — one that catches it and runs on
   * (docker run's sig-proxy) or exits by itself keeps the line going, as bash does.
   */
  interrupt(signal: SignalName): void {
    const fg = this.proc.foreground;
    if (signal === 'SIGINT') {
      if (fg.size > 0) this.proc.sigintSent = true;
      else this.proc.interrupted = true;
    }
    for (const c of fg) c.kill(signal);
    this.proc.wakeWait?.();
    if (signal === 'SIGINT') for (const f of [...this.proc.onInterrupt]) f();
  }

  /** Wait for `p`, unless Ctrl-C comes first (then Interrupted is thrown). */
  async interruptible<T>(p: Promise<T>): Promise<T> {
    let stop: () => void = () => {};
    const stopped = new Promise<'interrupted'>((resolve) => (stop = () => resolve('interrupted')));
    this.proc.onInterrupt.add(stop);
    try {
      const r = await Promise.race([p, stopped]);
      if (r === 'interrupted') throw new Interrupted();
      return r as T;
    } finally {
      this.proc.onInterrupt.delete(stop);
    }
  }

  async runList(list: CommandList, io: Io): Promise<number> {
    let status = this.state.lastStatus;
    for (const item of list.items) {
      await this.checkpoint();
      if (item.background) {
        status = await startBackground(this, item.command, io, item.text);
      } else {
        status = await this.run(item.command, io);
        const c = item.command;
        if (this.dialect.name === 'bash' && !(c.type === 'pipeline' && c.commands.length > 1))
          this.state.vars.setArray('PIPESTATUS', [String(status)]);
      }
      this.state.lastStatus = status;
    }
    return status;
  }

  async run(cmd: Command, io: Io): Promise<number> {
    const saved = this.cur;
    this.cur = io;
    try {
      const status = await this.dispatch(cmd, io);
      this.state.lastStatus = status;
      if (
        status !== 0 &&
        this.state.options.errexit &&
        this.condDepth === 0 &&
        (cmd.type === 'simple' || cmd.type === 'subshell' || (cmd.type === 'pipeline' && !cmd.negate))
      )
        throw new ExitSignal(status);
      return status;
    } finally {
      this.cur = saved;
    }
  }

  private async dispatch(cmd: Command, io: Io): Promise<number> {
    switch (cmd.type) {
      case 'simple':
        return runSimple(this, cmd, io);
      case 'pipeline':
        return runPipeline(this, cmd, io);
      case 'andor': {
        this.condDepth++;
        let s: number;
        try {
          s = await this.run(cmd.left, io);
        } finally {
          this.condDepth--;
        }
        if ((cmd.op === '&&') === (s === 0)) {
          await this.checkpoint();
          return this.run(cmd.right, io);
        }
        return s;
      }
      case 'function':
        this.state.functions.set(cmd.name, cmd.body);
        return 0;
      default:
        return runCompound(this, cmd, io);
    }
  }

  /** The command's words are expanded and it is about to run. */
  started(): void {
    const f = this.onStart;
    if (f) {
      this.onStart = undefined;
      f();
    }
  }

  /** Run a condition list with `set -e` suspended. */
  async condition(list: CommandList, io: Io): Promise<number> {
    this.condDepth++;
    try {
      return await this.runList(list, io);
    } finally {
      this.condDepth--;
    }
  }

  /** `( … )`: the list in a fork; `exit` inside ends only the fork. */
  async runSubshell(list: CommandList, io: Io): Promise<number> {
    const sub = this.fork(io);
    return sub.runAsSubshell(() => sub.runList(list, sub.io));
  }

  /** Run `body` as this (forked) interpreter's whole life: exit ends it, traps on EXIT run. */
  async runAsSubshell(body: () => Promise<number>): Promise<number> {
    let status: number;
    try {
      status = await body();
    } catch (e) {
      status = endStatus(e);
    }
    const exitTrap = this.state.traps.get('EXIT');
    if (exitTrap) {
      this.state.traps.delete('EXIT');
      try {
        await runTrapAction(this, exitTrap, status);
      } catch (e) {
        status = endStatus(e);
      }
    }
    return status;
  }

  /** `$( … )`: run in a fork with stdout collected. */
  commandSubstitution(body: CommandList, error?: ShellSyntaxError): Promise<string> {
    return commandSubstitution(this, body, error);
  }
}

/** The status a subshell ends with, for whatever ended it. */
export function endStatus(e: unknown): number {
  if (e instanceof ExitSignal || e instanceof ShellAbort) return e.status;
  if (e instanceof BrokenPipe) return e.status;
  if (e instanceof ReturnSignal) return e.status;
  if (e instanceof BreakSignal || e instanceof ContinueSignal) return 0;
  throw e;
}
