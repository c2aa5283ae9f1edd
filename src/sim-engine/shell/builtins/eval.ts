/**
 * `eval`, `.` and `source`: run text in this shell.
 */
import { toAbsolute } from '../../fs/path.ts';
import { runSource } from '../run-source.ts';
import { ReturnSignal, ShellAbort } from '../signals.ts';
import { specialError } from './flow.ts';
import type { Builtin, BuiltinCall } from './types.ts';

export const evalBuiltin: Builtin = {
  special: true,
  async run(call) {
    const sh = call.sh;
    const text = call.argv.slice(1).join(' ');
    if (!text.trim()) return 0;
    sh.evalDepth++;
    const line = sh.line;
    try {
      return await runSource(sh, text, call.io, { firstLine: line });
    } catch (e) {
      // a syntax error in eval: bash goes on with status 2; dash and ash exit
      if (e instanceof ShellAbort && sh.dialect.name === 'bash' && !sh.state.options.errexit) return e.status;
      throw e;
    } finally {
      sh.evalDepth--;
      sh.line = line;
    }
  },
};

/** Find a file for `.`: with a slash, as named; without, in PATH (and, in bash, the cwd). */
function findSourceFile(call: BuiltinCall, name: string): string | undefined {
  const sh = call.sh;
  const fs = sh.ctx.fs;
  const isFile = (p: string) => fs.stat(toAbsolute(sh.state.cwd, p))?.kind === 'file';
  if (name.includes('/')) return isFile(name) ? name : undefined;
  for (const dir of (sh.state.vars.get('PATH') ?? '').split(':')) {
    const p = `${dir || '.'}/${name}`;
    if (isFile(p)) return p;
  }
  if (sh.dialect.name !== 'dash' && isFile(name)) return name;
  return undefined;
}

export const source: Builtin = {
  special: true,
  async run(call) {
    const sh = call.sh;
    const name = call.argv[1];
    const d = sh.dialect.name;
    if (name === undefined) {
      if (d === 'bash') {
        call.error('filename argument required');
        call.io.stderr.write(`${call.argv[0]}: usage: ${call.argv[0]} filename [arguments]\n`);
        return 2;
      }
      return 0;
    }
    const path = findSourceFile(call, name);
    let text: string | undefined;
    if (path !== undefined) {
      try {
        text = sh.ctx.fs.readFile(toAbsolute(sh.state.cwd, path));
      } catch {
        text = undefined;
      }
    }
    if (text === undefined) {
      if (d === 'bash') {
        sh.error(`${name}: No such file or directory`, undefined, call.io);
        return 1;
      }
      const msg =
        d === 'dash'
          ? `cannot open ${name}: No such file`
          : `can't open '${name}': No such file or directory`;
      return specialError(call, msg, 2);
    }
    const state = sh.state;
    const positional = state.positional;
    // dash's `.` takes no arguments for the file; bash and ash make them $1…
    const withArgs = call.argv.length > 2 && d !== 'dash';
    if (withArgs) state.positional = call.argv.slice(2);
    const source = sh.source;
    const line = sh.line;
    if (d === 'bash') sh.source = name;
    sh.sourcing++;
    try {
      return await runSource(sh, text, call.io);
    } catch (e) {
      if (e instanceof ReturnSignal) return e.status;
      throw e;
    } finally {
      sh.sourcing--;
      sh.source = source;
      sh.line = line;
      if (withArgs) state.positional = positional;
    }
  },
};
