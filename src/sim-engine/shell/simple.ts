/**
 * A simple command: expand its words and assignments, trace it (`set -x`), find what
 * the name means (special builtin, function, builtin, or a file in PATH, in the
 * dialect's order), apply its redirections and run it.
 */
import type { Assignment, Command, SimpleCommand } from './ast.ts';
import { findBuiltin } from './builtins/index.ts';
import type { Builtin } from './builtins/types.ts';
import { arithmetic, expandString, expandWords } from './expand.ts';
import { runExternal } from './external.ts';
import type { Interp } from './interp.ts';
import type { Io } from './io.ts';
import { applyRedirects, redirectFailStatus } from './redirect.ts';
import { ReturnSignal, ShellAbort } from './signals.ts';
import { traceCommand } from './trace.ts';
import { ReadonlyError, type Var } from './vars.ts';

export type Assigns = [name: string, value: string][];

export async function runSimple(sh: Interp, cmd: SimpleCommand, io: Io): Promise<number> {
  sh.line = cmd.line;
  sh.substStatus = undefined;
  const argv = cmd.words.length ? await expandWords(sh, cmd.words) : [];
  const assigns: Assigns = [];
  const arrays: (() => void)[] = [];
  for (const a of cmd.assigns) {
    if (a.array || a.index) {
      arrays.push(await arrayAssignment(sh, a));
      continue;
    }
    let v = await expandString(sh, a.value, { assignment: true });
    if (a.append) v = (sh.state.vars.get(a.name) ?? '') + v;
    assigns.push([a.name, v]);
  }
  if (sh.state.options.xtrace) traceCommand(sh, assigns, argv, io);
  sh.started();
  if (!argv.length) {
    for (const [n, v] of assigns) sh.setVar(n, v);
    for (const apply of arrays) apply();
    if (cmd.redirs.length && !(await applyRedirects(sh, cmd.redirs, io))) return redirectFailStatus(sh);
    return sh.substStatus ?? 0;
  }
  if (cmd.arrays) {
    const after = [];
    for (const a of cmd.arrays) after.push(await arrayAssignment(sh, a));
    const status = await execute(sh, argv, assigns, cmd.redirs.length ? cmd.redirs : undefined, io);
    for (const apply of after) apply();
    return status;
  }
  return execute(sh, argv, assigns, cmd.redirs.length ? cmd.redirs : undefined, io);
}

/** bash's `a=(…)`, `a+=(…)` and `a[i]=v`, evaluated now and applied by the function returned. */
async function arrayAssignment(sh: Interp, a: Assignment): Promise<() => void> {
  const vars = sh.state.vars;
  const set = (f: () => void) => () => {
    try {
      f();
    } catch (e) {
      if (!(e instanceof ReadonlyError)) throw e;
      sh.error(`${a.name}: readonly variable`);
    }
  };
  if (a.array) {
    const values = await expandWords(sh, a.array);
    return set(() => vars.setArray(a.name, a.append ? [...vars.elements(a.name), ...values] : values));
  }
  let i = Number(arithmetic(sh, await expandString(sh, a.index!)));
  const v = await expandString(sh, a.value, { assignment: true });
  const current = vars.elements(a.name);
  if (i < 0) i += current.length;
  if (i < 0) {
    sh.error(`${a.name}[${i - current.length}]: bad array subscript`);
    return () => {};
  }
  return set(() => vars.setElement(a.name, i, a.append ? (current[i] ?? '') + v : v));
}

/**
 * Run a command whose words are expanded. `noFunctions` is `command`'s lookup;
 * `redirs` are applied here so a special builtin's redirection error is fatal in dash.
 */
export async function execute(
  sh: Interp,
  argv: string[],
  assigns: Assigns,
  redirs: SimpleCommand['redirs'] | undefined,
  io0: Io,
  options: { noFunctions?: boolean } = {},
): Promise<number> {
  const name = argv[0]!;
  const builtin = findBuiltin(name, sh.dialect);
  const posix = sh.dialect.name !== 'bash';
  const fn = options.noFunctions || (builtin?.special && posix) ? undefined : sh.state.functions.get(name);
  const io = redirs ? await applyRedirects(sh, redirs, io0) : io0;
  if (!io) {
    if (builtin?.special && posix && !sh.interactive) throw new ShellAbort(2);
    return redirectFailStatus(sh);
  }
  if (fn) {
    return withAssignments(sh, assigns, () => callFunction(sh, argv, fn, io));
  }
  if (builtin) {
    if (builtin.special && posix) {
      for (const [n, v] of assigns) sh.setVar(n, v);
      return runBuiltin(sh, builtin, argv, io, io0);
    }
    return withAssignments(sh, assigns, () => runBuiltin(sh, builtin, argv, io, io0));
  }
  const env = sh.state.vars.environment();
  for (const [n, v] of assigns) env.set(n, v);
  return runExternal(sh, argv, env, io);
}

export async function runBuiltin(
  sh: Interp,
  b: Builtin,
  argv: string[],
  io: Io,
  base: Io = io,
): Promise<number> {
  const saved = sh.cur;
  sh.cur = io;
  sh.execIo = base;
  try {
    return await b.run({ sh, argv, io, error: (msg) => sh.error(msg, argv[0], io) });
  } finally {
    sh.cur = saved;
  }
}

/** Run `body` with variables set, and exported, for its duration (`A=1 cmd`). */
async function withAssignments(sh: Interp, assigns: Assigns, body: () => Promise<number>): Promise<number> {
  if (!assigns.length) return body();
  const vars = sh.state.vars;
  const saved: [string, Var | undefined][] = [];
  for (const [n, v] of assigns) {
    const e = vars.entry(n);
    const before = e ? { ...e } : undefined;
    try {
      vars.set(n, v, { export: true });
      saved.push([n, before]);
    } catch (err) {
      if (!(err instanceof ReadonlyError)) throw err;
      if (sh.dialect.name !== 'bash') sh.fatal(`${n}: is read only`, 2);
      sh.error(`${n}: readonly variable`);
    }
  }
  try {
    return await body();
  } finally {
    for (const [n, e] of saved.reverse()) vars.restore(n, e);
  }
}

const MAX_NESTING = 400;

export async function callFunction(sh: Interp, argv: string[], body: Command, io: Io): Promise<number> {
  if (sh.funcDepth >= MAX_NESTING) {
    sh.fatal(
      sh.dialect.name === 'bash'
        ? `${argv[0]}: maximum function nesting level exceeded (${MAX_NESTING})`
        : 'Maximum function recursion depth exceeded',
      sh.dialect.name === 'bash' ? 1 : 2,
    );
  }
  const state = sh.state;
  const positional = state.positional;
  state.positional = argv.slice(1);
  state.vars.pushFrame();
  sh.funcDepth++;
  try {
    return await sh.run(body, io);
  } catch (e) {
    if (e instanceof ReturnSignal) return e.status;
    throw e;
  } finally {
    sh.funcDepth--;
    state.vars.popFrame();
    state.positional = positional;
  }
}
