/**
 * Builtins about commands themselves: `exec`, `command`, `type`, `hash`.
 */
import { resolveExecutable, execArgv } from '../../process/resolve.ts';
import type { SignalName } from '../../process/types.ts';
import { ExitSignal } from '../signals.ts';
import { execute } from '../simple.ts';
import { spawnChild, waitForeground } from '../external.ts';
import { readerForChild } from '../io.ts';
import { printFunction } from '../print-ast.ts';
import type { Builtin, BuiltinCall } from './types.ts';
import { findBuiltin } from './index.ts';

const KEYWORDS = new Set([
  'if',
  'then',
  'else',
  'elif',
  'fi',
  'case',
  'esac',
  'for',
  'while',
  'until',
  'do',
  'done',
  '!',
  '{',
  '}',
  'in',
]);

/** Signals an exec'd program receives in the shell's place (see `exec`). */
const FORWARDED: SignalName[] = ['SIGTERM', 'SIGINT', 'SIGQUIT', 'SIGHUP', 'SIGUSR1', 'SIGUSR2', 'SIGWINCH'];

/**
 * `exec [cmd args…]`: with no command, the redirections stay for the rest of the
 * shell; with one, the program runs in the shell's place and the shell ends with its
 * status.
 *
 * The program takes the shell's process (ctx.exec, execve): same pid, its own signal
 * handling, so `exec sleep 1000` as a container's PID 1 ignores `docker stop`'s SIGTERM
 * as it does on Linux. From a subshell (a copy of the shell in the same process here),
 * or where a harness offers no exec, it runs as a child that gets the shell's signals.
 */
export const exec: Builtin = {
  special: true,
  async run(call) {
    const sh = call.sh;
    let argv = call.argv.slice(1);
    if (argv[0] === '--') argv = argv.slice(1);
    if (!argv.length) {
      // the redirections were applied to this command's table: make them the shell's
      const base = sh.execIo;
      call.io.fds.forEach((f, fd) => {
        if (f !== base.fds[fd]) base.set(fd, f);
      });
      return 0;
    }
    const res = resolveExecutable(sh.ctx.fs, argv[0]!, sh.state.vars.get('PATH'), sh.state.cwd);
    if (!res.ok) {
      if (res.error === 'ENOENT') call.error(`${argv[0]}: not found`);
      else call.error(`${argv[0]}: Permission denied`);
      throw new ExitSignal(res.error === 'ENOENT' ? 127 : 126);
    }
    const env = sh.state.vars.environment();
    if (sh.ctx.exec && !sh.subshell) {
      const io = call.io;
      // execve does not return: the process ends when the program does
      return sh.ctx.exec(execArgv(res, argv), {
        program: res.tag,
        env,
        cwd: sh.state.cwd,
        stdin: readerForChild(io.stdin),
        stdout: io.stdout,
        stderr: io.stderr,
      });
    }
    const spawned = spawnChild(sh, execArgv(res, argv), res.tag, env, call.io);
    for (const sig of FORWARDED) {
      sh.ctx.onSignal(sig, (s) => spawned.child.kill(s));
    }
    const status = await waitForeground(sh, spawned);
    throw new ExitSignal(status);
  },
};

type Found =
  | { kind: 'alias'; value: string }
  | { kind: 'keyword' }
  | { kind: 'function' }
  | { kind: 'builtin' }
  | { kind: 'file'; path: string }
  | { kind: 'none' };

function lookup(call: BuiltinCall, name: string, useAliases: boolean): Found {
  const sh = call.sh;
  const alias = sh.state.aliases.get(name);
  if (
    useAliases &&
    alias !== undefined &&
    (sh.dialect.name !== 'bash' || sh.interactive || sh.state.expandAliases)
  )
    return { kind: 'alias', value: alias };
  if (
    KEYWORDS.has(name) ||
    (name === '[[' && sh.dialect.doubleBracket) ||
    (name === 'function' && sh.dialect.functionKeyword)
  )
    return { kind: 'keyword' };
  if (sh.state.functions.has(name)) return { kind: 'function' };
  if (findBuiltin(name, sh.dialect)) return { kind: 'builtin' };
  const res = resolveExecutable(sh.ctx.fs, name, sh.state.vars.get('PATH'), sh.state.cwd);
  if (res.ok) return { kind: 'file', path: res.path };
  return { kind: 'none' };
}

/** `type`'s sentence for one name; undefined when not found. */
function describe(call: BuiltinCall, name: string, f: Found): string | undefined {
  const d = call.sh.dialect.name;
  switch (f.kind) {
    case 'alias':
      return d === 'bash' ? `${name} is aliased to \`${f.value}'` : `${name} is an alias for ${f.value}`;
    case 'keyword':
      return `${name} is a shell keyword`;
    case 'function':
      if (d === 'bash')
        return `${name} is a function\n${printFunction(name, call.sh.state.functions.get(name)!)}`;
      return d === 'dash' ? `${name} is a shell function` : `${name} is a function`;
    case 'builtin':
      return `${name} is a shell builtin`;
    case 'file':
      return `${name} is ${f.path}`;
    case 'none':
      return undefined;
  }
}

export const type: Builtin = {
  run(call) {
    const d = call.sh.dialect.name;
    let args = call.argv.slice(1);
    let terse = false;
    if (d === 'bash') {
      while (args[0]?.startsWith('-') && args[0] !== '--') {
        if (args[0].includes('t')) terse = true;
        args = args.slice(1);
      }
    } else if (d === 'busybox' && args[0]?.startsWith('-')) {
      // BusyBox's type is `command -v` given options
      return command.run({ ...call, argv: ['command', '-v', ...args.slice(1)] });
    }
    let status = 0;
    let out = '';
    for (const name of args) {
      const f = lookup(call, name, true);
      if (terse) {
        if (f.kind === 'none') status = 1;
        else out += `${f.kind}\n`;
        continue;
      }
      const text = describe(call, name, f);
      if (text !== undefined) out += `${text}\n`;
      else if (d === 'bash') {
        call.io.stdout.write(out);
        out = '';
        call.error(`${name}: not found`);
        status = 1;
      } else {
        out += `${name}: not found\n`;
        status = 127;
      }
    }
    call.io.stdout.write(out);
    return status;
  },
};

export const command: Builtin = {
  async run(call) {
    const sh = call.sh;
    const args = call.argv.slice(1);
    let mode: 'v' | 'V' | undefined;
    while (args[0]?.startsWith('-') && args[0] !== '-') {
      const a = args.shift()!;
      if (a === '--') break;
      if (a.includes('v')) mode = 'v';
      if (a.includes('V')) mode = 'V';
    }
    if (!args.length) return 0;
    if (mode === undefined) return execute(sh, args, [], undefined, call.io, { noFunctions: true });
    const d = sh.dialect.name;
    let status = 0;
    let out = '';
    for (const name of d === 'dash' ? args.slice(0, 1) : args) {
      const f = lookup(call, name, true);
      if (f.kind === 'none') {
        status = d === 'bash' ? 1 : 127;
        if (mode === 'V') {
          if (d === 'bash') call.error(`${name}: not found`);
          else out += `${name}: not found\n`;
        }
        continue;
      }
      if (mode === 'V') out += `${describe(call, name, f)}\n`;
      else if (f.kind === 'alias') out += `alias ${name}='${f.value.replace(/'/g, `'\\''`)}'\n`;
      else if (f.kind === 'file') out += `${f.path}\n`;
      else out += `${name}\n`;
    }
    call.io.stdout.write(out);
    return status;
  },
};

export const hash: Builtin = {
  run(call) {
    if (call.argv.length === 1 && call.sh.dialect.name === 'bash')
      call.io.stdout.write('hash: hash table empty\n');
    return 0;
  },
};
