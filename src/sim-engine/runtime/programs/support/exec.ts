/**
 * `exec "$@"`, as the images' entrypoint scripts end, for the entrypoints this folder
 * plays natively.
 *
 * The command is looked up in PATH as execvp does (the shell's `not found` error is
 * the entrypoint's to print). Then the kernel's execve (ctx.exec) runs it in this
 * same process: same pid, so nginx logs `1#1:` and `docker stop` reaches it; signal
 * handlers reset; ps shows the new argv.
 *
 * Where a context offers no execve, the entrypoint's `local` map (the image's own
 * programs and the base system's, support/system-programs.ts) runs the program in
 * this same process with the new argv; anything else is started as a child and
 * waited for, its signals forwarded unless we are PID 1.
 */
import { execArgv, parseTag, resolveExecutable } from '../../../process/resolve.ts';
import type { ProcessContext, Program, SignalName } from '../../../process/types.ts';

export interface ExecOptions {
  /** programs of this image that replace the entrypoint in the same process */
  local?: ReadonlyMap<string, Program>;
  /** the shell's error for a command that cannot be run (dash: `/x.sh: 47: exec: foo: not found`) */
  cannotRun: (name: string, error: 'not found' | 'Permission denied') => string;
  env?: Map<string, string>;
  /** run as another user (gosu, setpriv) */
  user?: { name: string; uid: number; gid: number };
}

const FORWARDED: SignalName[] = ['SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGTERM', 'SIGUSR1', 'SIGUSR2', 'SIGWINCH'];

const SOURCE: unique symbol = Symbol('source');

function sourceHostname(this: { [SOURCE]: ProcessContext }): string {
  return this[SOURCE].hostname;
}

/**
 * A context for the same process running another program (exec), reading the live
 * hostname of the one it came from. The getter is one shared function: a getter made
 * per call would give every derived context its own hidden class, which keeps it and
 * the process context behind it alive through every minor GC until the next full one.
 */
export function derive(ctx: ProcessContext, overrides: Partial<ProcessContext>): ProcessContext {
  const derived = { ...ctx, ...overrides, [SOURCE]: ctx };
  if (!('hostname' in overrides))
    Object.defineProperty(derived, 'hostname', { get: sourceHostname, enumerable: true, configurable: true });
  return derived;
}

export async function execCommand(ctx: ProcessContext, argv: string[], o: ExecOptions): Promise<number> {
  const env = o.env ?? ctx.env;
  const name = argv[0] ?? '';
  const res = resolveExecutable(ctx.fs, name, env.get('PATH'), ctx.cwd);
  if (!res.ok) {
    if (res.error === 'ENOEXEC') {
      const sh = ['/bin/sh', res.path, ...argv.slice(1)];
      if (ctx.exec) return ctx.exec(sh, { env, ...(o.user ? { user: o.user } : {}) });
      return runChild(ctx, sh, env, o);
    }
    ctx.stderr.write(o.cannotRun(name, res.error === 'ENOENT' ? 'not found' : 'Permission denied'));
    return res.error === 'ENOENT' ? 127 : 126;
  }
  const args = execArgv(res, argv);
  // the kernel's execve when it offers one: same pid, handlers reset, ps shows the new argv
  if (ctx.exec) return ctx.exec(args, { env, program: res.tag, ...(o.user ? { user: o.user } : {}) });
  const tag = parseTag(res.tag);
  const local = o.local?.get(tag.name);
  if (local) {
    ctx.setTitle?.(args.join(' '));
    return local(derive(ctx, { argv: args, variant: tag.variant, env, ...(o.user ? { user: o.user } : {}) }));
  }
  return runChild(ctx, args, env, o, res.tag);
}

async function runChild(
  ctx: ProcessContext,
  argv: string[],
  env: Map<string, string>,
  o: ExecOptions,
  program?: string,
): Promise<number> {
  const child = ctx.spawn(argv, {
    env,
    ...(program !== undefined ? { program } : {}),
    ...(o.user ? { user: o.user } : {}),
  });
  if (ctx.pid !== 1) for (const signal of FORWARDED) ctx.onSignal(signal, (s) => child.kill(s));
  return child.wait();
}

/** dash's message for `exec` at a line of a script: `/docker-entrypoint.sh: 47: exec: foo: not found`. */
export function dashExecError(script: string, line: number): ExecOptions['cannotRun'] {
  return (name, error) => `${script}: ${line}: exec: ${name}: ${error}\n`;
}

/** BusyBox ash's: `/docker-entrypoint.sh: exec: line 47: foo: not found`. */
export function ashExecError(script: string, line: number): ExecOptions['cannotRun'] {
  return (name, error) => `${script}: exec: line ${line}: ${name}: ${error}\n`;
}

/** bash's: `/usr/local/bin/docker-entrypoint.sh: line 413: exec: foo: not found`. */
export function bashExecError(script: string, line: number): ExecOptions['cannotRun'] {
  return (name, error) => `${script}: line ${line}: exec: ${name}: ${error}\n`;
}

/** The shell `#!/bin/sh` runs on this image: dash on Debian, BusyBox ash on Alpine. */
export function shExecError(ctx: ProcessContext, script: string, line: number): ExecOptions['cannotRun'] {
  return ctx.fs.stat('/etc/alpine-release') ? ashExecError(script, line) : dashExecError(script, line);
}

/**
 * A script's `$0`: the path the kernel gave its interpreter, so the PATH-resolved one
 * when the image's Entrypoint names it bare (`docker-entrypoint.sh` →
 * `/usr/local/bin/docker-entrypoint.sh`).
 */
export function scriptPath(ctx: ProcessContext): string {
  const arg0 = ctx.argv[0] ?? '';
  if (arg0.includes('/')) return arg0;
  const res = resolveExecutable(ctx.fs, arg0, ctx.env.get('PATH'), ctx.cwd);
  return res.ok ? res.path : arg0;
}
