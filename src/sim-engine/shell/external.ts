/**
 * Running a program from the file system: PATH lookup (process/resolve.ts), the
 * shells' messages when that fails (127 not found, 126 not executable), a file with
 * no `#!` run as a shell script, and the child started with `ctx.spawn` and waited
 * for. A child whose pipe reader has gone is ended with SIGPIPE's status, 141.
 */
import { toAbsolute } from '../fs/path.ts';
import { execArgv, resolveExecutable } from '../process/resolve.ts';
import type { ChildProcess, Resolution } from '../process/types.ts';
import { guardForChild, readerForChild, type Io } from './io.ts';
import type { Interp } from './interp.ts';
import { runScriptFile } from './run-source.ts';

export interface Spawned {
  child: ChildProcess;
  /** the child wrote to a pipe nobody reads and was ended for it */
  sigpipe: () => boolean;
}

/** Start a child with the command's descriptors. */
export function spawnChild(
  sh: Interp,
  argv: string[],
  program: string,
  env: Map<string, string>,
  io: Io,
): Spawned {
  let broken = false;
  // the child may write (and find the pipe broken) before spawn returns
  const started: { child?: ChildProcess } = {};
  const onBroken = () => {
    if (broken) return;
    broken = true;
    started.child?.kill('SIGKILL');
  };
  const stdout = guardForChild(io.stdout, onBroken);
  // a child has the terminal when its stdin and stdout are still the terminal's
  const t = sh.proc.terminal;
  const terminal = !!t && io.stdout === t.writer && io.stdin === t.reader;
  const child = sh.ctx.spawn(argv, {
    program,
    env,
    cwd: sh.state.cwd,
    stdin: readerForChild(io.stdin),
    stdout,
    stderr: guardForChild(io.stderr, onBroken),
    tty: terminal,
  });
  started.child = child;
  if (broken) child.kill('SIGKILL');
  sh.onSpawn?.(child);
  return { child, sigpipe: () => broken };
}

/** Wait for a child in the foreground (Ctrl-C reaches it). */
export async function waitForeground(sh: Interp, s: Spawned): Promise<number> {
  const fg = sh.proc.foreground;
  fg.add(s.child);
  sh.children.add(s.child);
  try {
    const status = await s.child.wait();
    // Ctrl-C killed the job: the shell gives up the line too
    if (sh.proc.sigintSent && s.child.killedBy?.() === 'SIGINT') sh.proc.interrupted = true;
    return s.sigpipe() ? 141 : status;
  } finally {
    fg.delete(s.child);
    sh.children.delete(s.child);
    if (fg.size === 0) sh.proc.sigintSent = false;
  }
}

export async function runExternal(
  sh: Interp,
  argv: string[],
  env: Map<string, string>,
  io: Io,
): Promise<number> {
  const name = argv[0]!;
  const res = resolveExecutable(sh.ctx.fs, name, sh.state.vars.get('PATH'), sh.state.cwd);
  if (!res.ok) return notRunnable(sh, name, res, argv, env, io);
  return waitForeground(sh, spawnChild(sh, execArgv(res, argv), res.tag, env, io));
}

async function notRunnable(
  sh: Interp,
  name: string,
  res: Resolution & { ok: false },
  argv: string[],
  env: Map<string, string>,
  io: Io,
): Promise<number> {
  const bash = sh.dialect.name === 'bash';
  const err = (msg: string, status: number) => {
    sh.error(msg, undefined, io);
    return status;
  };
  switch (res.error) {
    case 'ENOEXEC':
      return runAsScript(sh, res.path, argv, env, io);
    case 'EACCES':
    case 'EISDIR': {
      const abs = toAbsolute(sh.state.cwd, res.path);
      const isDir = sh.ctx.fs.stat(abs)?.kind === 'dir';
      if (bash) return err(`${res.path}: ${isDir ? 'Is a directory' : 'Permission denied'}`, 126);
      return err(`${name}: Permission denied`, sh.dialect.name === 'dash' && !name.includes('/') ? 127 : 126);
    }
    case 'ENOENT':
      if (!bash) return err(`${name}: not found`, 127);
      if (res.interpreter !== undefined) return err(`${name}: cannot execute: required file not found`, 127);
      if (name.includes('/')) return err(`${name}: No such file or directory`, 127);
      return err(`${name}: command not found`, 127);
  }
}

/**
 * A file that is executable but neither a program nor a `#!` script: bash, dash and
 * ash run it as a shell script in a new shell (with only the environment).
 */
async function runAsScript(
  sh: Interp,
  path: string,
  argv: string[],
  env: Map<string, string>,
  io: Io,
): Promise<number> {
  let text: string;
  try {
    text = sh.ctx.fs.readFile(toAbsolute(sh.state.cwd, path));
  } catch {
    return 126;
  }
  return runScriptFile(sh, text, argv[0]!, argv.slice(1), env, io);
}
