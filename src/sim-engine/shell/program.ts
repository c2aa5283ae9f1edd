/**
 * The shells as Programs: `bash`, `sh` (dash or BusyBox ash by the executable's
 * variant), `dash`, `ash`. Started as `sh -c 'cmd' [name args…]`, `sh script args`,
 * or with no operands: a script read from stdin, or an interactive session when
 * stdin is a terminal (or with -i): prompt, read a line, run it, until `exit` or the
 * end of input.
 */
import { basename, toAbsolute } from '../fs/path.ts';
import type { ProcessContext, Program } from '../process/types.ts';
import { BASH, BUSYBOX, DASH, dialectOf, type Dialect } from './dialect.ts';
import { Interp } from './interp.ts';
import { inputBuffer, InputBuffer, Io } from './io.ts';
import type { ShellModeKind } from './messages.ts';
import { needsMoreInput } from './parse.ts';
import { primaryPrompt, secondaryPrompt } from './prompt.ts';
import { runSource } from './run-source.ts';
import { ExitSignal, Interrupted, ShellAbort, ShellKilled } from './signals.ts';
import { initialState } from './startup.ts';
import { handleSignal, runTrapAction } from './traps.ts';
import { jobLine } from './builtins/jobs.ts';

interface Invocation {
  command?: string;
  script?: string;
  args: string[];
  arg0?: string;
  interactive?: boolean;
  options: string[];
}

/** Parse the shell's own options: `-c`, `-i`, `-s`, `-e`, `-x`, `-o name`, `--norc`, `-l`… */
function parseArgs(argv: string[]): Invocation | string {
  const inv: Invocation = { args: [], options: [] };
  let i = 1;
  let wantCommand = false;
  let stdinMode = false;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--' || a === '-') {
      i++;
      break;
    }
    if (a.startsWith('--')) {
      if (a === '--login' || a === '--norc' || a === '--noprofile' || a === '--posix') continue;
      return a;
    }
    if (!/^[-+]/.test(a)) break;
    for (const c of a.slice(1)) {
      if (c === 'c') wantCommand = true;
      else if (c === 'i') inv.interactive = a[0] === '-';
      else if (c === 's') stdinMode = true;
      else if (c === 'l') continue;
      else if (c === 'o') inv.options.push(`${a[0]}o`, argv[++i] ?? '');
      else if ('exufCavnhmbBHPTEkpt'.includes(c)) inv.options.push(`${a[0]}${c}`);
      else return `${a[0]}${c}`;
    }
  }
  const rest = argv.slice(i);
  if (wantCommand) {
    if (!rest.length) return '-c';
    inv.command = rest[0]!;
    if (rest.length > 1) inv.arg0 = rest[1];
    inv.args = rest.slice(2);
  } else if (!stdinMode && rest.length) {
    inv.script = rest[0]!;
    inv.args = rest.slice(1);
  } else inv.args = rest;
  return inv;
}

/** A shell Program; the dialect comes from the executable's tag unless given. */
export function shellProgram(fixed?: Dialect): Program {
  return async (ctx: ProcessContext) => {
    const name = basename(ctx.argv[0] ?? 'sh');
    const dialect = fixed ?? dialectOf(name.replace(/^-/, ''), ctx.variant);
    const inv = parseArgs(ctx.argv);
    const arg0 = ctx.argv[0] ?? name;
    if (typeof inv === 'string') {
      const c = inv === '-c';
      ctx.stderr.write(
        dialect.name === 'bash'
          ? `${arg0}: ${inv}: ${c ? 'option requires an argument' : 'invalid option'}\n`
          : dialect.name === 'dash'
            ? `${arg0}: 0: ${c ? '-c requires an argument' : `Illegal option ${inv}`}\n`
            : `${arg0}: ${c ? '-c requires an argument' : `illegal option ${inv}`}\n`,
      );
      return 2;
    }
    let mode: ShellModeKind;
    let text: string | undefined;
    if (inv.command !== undefined) mode = 'c';
    else if (inv.script !== undefined) mode = 'script';
    else mode = (inv.interactive ?? ctx.tty) ? 'interactive' : 'stdin';
    if (inv.script !== undefined) {
      try {
        text = ctx.fs.readFile(toAbsolute(ctx.cwd, inv.script));
      } catch {
        ctx.stderr.write(
          dialect.name === 'bash'
            ? `${arg0}: ${inv.script}: No such file or directory\n`
            : dialect.name === 'dash'
              ? `${arg0}: 0: cannot open ${inv.script}: No such file\n`
              : `${arg0}: can't open '${inv.script}': No such file or directory\n`,
        );
        return dialect.name === 'bash' ? 127 : 2;
      }
    }
    const shellName = inv.arg0 ?? inv.script ?? arg0;
    const state = initialState(ctx, dialect, shellName, mode === 'interactive');
    state.positional = inv.args;
    const io = Io.of(ctx.stdin, ctx.stdout, ctx.stderr);
    const sh = new Interp({ ctx, dialect, state, io, mode, named: inv.arg0 !== undefined });
    if (mode === 'script' && dialect.name === 'bash') sh.source = inv.script;
    void ctx.ended.then(() => {
      sh.proc.killed = true;
    });
    applyOptions(sh, inv.options);
    let status: number;
    try {
      if (mode === 'interactive') status = await interactive(sh, io);
      else if (text !== undefined || inv.command !== undefined)
        status = await runSource(sh, text ?? inv.command!, io);
      else status = await fromStdin(sh, io);
    } catch (e) {
      status = endOf(e);
    }
    return finish(sh, status);
  };
}

function applyOptions(sh: Interp, options: string[]): void {
  const o = sh.state.options;
  const letters: Record<string, keyof typeof o> = {
    e: 'errexit',
    x: 'xtrace',
    u: 'nounset',
    f: 'noglob',
    C: 'noclobber',
    a: 'allexport',
    v: 'verbose',
    n: 'noexec',
  };
  for (let i = 0; i < options.length; i++) {
    const opt = options[i]!;
    const on = opt[0] === '-';
    if (opt.slice(1) === 'o') {
      const name = options[++i]!;
      if (name === 'pipefail' || name in o) (o as unknown as Record<string, boolean>)[name] = on;
      continue;
    }
    const key = letters[opt.slice(1)];
    if (key) o[key] = on;
  }
}

function endOf(e: unknown): number {
  if (e instanceof ExitSignal || e instanceof ShellAbort) return e.status;
  if (e instanceof ShellKilled) return 137;
  throw e;
}

/** Run the EXIT trap and end with the shell's status. */
async function finish(sh: Interp, status: number): Promise<number> {
  const trap = sh.state.traps.get('EXIT');
  if (trap && !sh.proc.killed) {
    sh.state.traps.delete('EXIT');
    try {
      await runTrapAction(sh, trap, status);
    } catch (e) {
      status = endOf(e);
    }
  }
  return status;
}

/**
 * A script from stdin. bash reads it a line at a time, leaving the rest to the
 * commands (`read` sees the next line); dash and ash read all that is there.
 */
async function fromStdin(sh: Interp, io: Io): Promise<number> {
  const input = sh.dialect.name === 'bash' ? inputBuffer(io.stdin) : new InputBuffer(io.stdin);
  let status = 0;
  let pending = '';
  let firstLine = 1;
  for (;;) {
    const r = await input.readLine();
    if (r === null) {
      if (pending) status = await runSource(sh, pending, io, { firstLine });
      return status;
    }
    pending += r.line + (r.eol ? '\n' : '');
    if (r.eol && needsMoreInput(pending, sh.dialect)) continue;
    const text = pending;
    pending = '';
    status = await runSource(sh, text, io, { firstLine });
    firstLine += text.split('\n').length - 1;
  }
}

async function interactive(sh: Interp, io: Io): Promise<number> {
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGQUIT'] as const) handleSignal(sh, sig);
  // job control: Ctrl-C on the shell's terminal comes to the shell, which passes it to
  // the job in the foreground (root.interrupt) or, at the prompt, drops the line
  const self = sh.ctx;
  self.terminal?.claimForeground((signal) => self.kill?.(self.pid, signal));
  const input = inputBuffer(io.stdin);
  const promptTo = sh.dialect.name === 'busybox' ? io.stdout : io.stderr;
  let line = 1;
  for (;;) {
    reportJobs(sh, io);
    promptTo.write(primaryPrompt(sh));
    sh.proc.interrupted = false;
    let text = '';
    let r = await promptRead(sh, input);
    while (r !== null && r !== INTERRUPTED) {
      text += r.line + '\n';
      if (!needsMoreInput(text, sh.dialect)) break;
      promptTo.write(secondaryPrompt(sh));
      r = await promptRead(sh, input);
    }
    if (r === INTERRUPTED) {
      // Ctrl-C at the prompt: the terminal showed ^C; the line typed so far is dropped
      io.stdout.write('\n');
      sh.state.lastStatus = 130;
      continue;
    }
    if (r === null && text === '') {
      if (sh.dialect.name === 'bash') io.stderr.write('exit\n');
      // BusyBox's line editing ends the prompt's line at end of input (a real alpine's sh
      // prints "\r\n" after Ctrl-D)
      else if (sh.dialect.name === 'busybox' && sh.ctx.tty) io.stdout.write('\n');
      return sh.state.lastStatus;
    }
    if (text.trim() && sh.dialect.name !== 'dash') sh.state.history.push(text.replace(/\n$/, ''));
    sh.proc.interrupted = false;
    sh.line = line;
    try {
      sh.state.lastStatus = await runSource(sh, text, io, {
        firstLine: sh.dialect.name === 'dash' ? line : 1,
      });
      if (sh.proc.interrupted) throw new Interrupted();
    } catch (e) {
      if (e instanceof ShellAbort) sh.state.lastStatus = e.status;
      else if (e instanceof Interrupted) {
        // Ctrl-C: the terminal showed ^C; the shell ends the line
        io.stdout.write('\n');
        sh.state.lastStatus = 130;
      } else throw e;
    }
    line += text.split('\n').length - 1;
    if (r === null) return sh.state.lastStatus;
  }
}

const INTERRUPTED = Symbol('interrupted');

/** A line at the prompt, or INTERRUPTED when Ctrl-C comes first (the read then takes nothing). */
async function promptRead(
  sh: Interp,
  input: InputBuffer,
): Promise<{ line: string; eol: boolean } | null | typeof INTERRUPTED> {
  let dropped = false;
  try {
    return await sh.interruptible(input.readLine(() => dropped));
  } catch (e) {
    if (!(e instanceof Interrupted)) throw e;
    dropped = true;
    return INTERRUPTED;
  }
}

function reportJobs(sh: Interp, io: Io): void {
  const jobs = sh.state.jobs;
  if (sh.dialect.name === 'dash' || !jobs.some((j) => j.status !== undefined)) return;
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

/** The registry entries for the shells: `bash`, `sh` (by variant), `dash`, `ash`. */
export const SHELL_PROGRAMS: readonly (readonly [string, Program])[] = [
  ['bash', shellProgram(BASH)],
  ['sh', shellProgram()],
  ['dash', shellProgram(DASH)],
  ['ash', shellProgram(BUSYBOX)],
];
