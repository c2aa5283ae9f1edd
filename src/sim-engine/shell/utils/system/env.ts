/**
 * env and printenv. `env` prints the environment, or runs a command with a changed
 * one (`env -i`, `-u NAME`, `NAME=VALUE…`); the command is looked up in the new PATH
 * and its status is env's (127 not found, 126 not executable).
 */
import type { Program } from '../../../process/types.ts';
import { parseCommand, progName, variantOf } from '../support/command.ts';
import { resolvePath } from '../support/io.ts';
import { lookupCommand } from '../support/path-lookup.ts';

export const env: Program = async (ctx) => {
  const busybox = variantOf(ctx) === 'busybox';
  const parsed = parseCommand(ctx, {
    name: 'env',
    stopAtOperand: true,
    usageStatus: 125,
    options: [
      { key: 'i', short: 'i', long: 'ignore-environment', bbLong: true },
      { key: 'u', short: 'u', long: 'unset', arg: 'required', bbLong: true },
      { key: '0', short: '0', long: 'null' },
      ...(busybox ? [] : [{ key: 'C', short: 'C', long: 'chdir', arg: 'required' as const }]),
    ],
  });
  if (typeof parsed === 'number') return parsed;
  const { options } = parsed;
  let operands = parsed.operands;
  const prog = progName(ctx, 'env');
  const vars = options.has('i') ? new Map<string, string>() : new Map(ctx.env);
  if (operands[0] === '-') {
    vars.clear();
    operands = operands.slice(1);
  }
  for (const name of options.all('u')) vars.delete(name);
  let i = 0;
  for (; i < operands.length; i++) {
    const eq = operands[i]!.indexOf('=');
    if (eq <= 0) break;
    const name = operands[i]!.slice(0, eq);
    vars.set(name, operands[i]!.slice(eq + 1)); // setenv replaces a variable where it is
  }
  const command = operands.slice(i);
  if (command.length === 0) {
    const end = options.has('0') ? '\0' : '\n';
    ctx.stdout.write([...vars].map(([k, v]) => `${k}=${v}${end}`).join(''));
    return 0;
  }
  const cwd = options.has('C') ? resolvePath(ctx.cwd, options.last('C')!) : ctx.cwd;
  const found = lookupCommand(ctx.fs, command[0]!, vars.get('PATH'), cwd);
  if (!found.found) {
    const why = found.reason === 'ENOENT' ? 'No such file or directory' : 'Permission denied';
    ctx.stderr.write(
      busybox ? `${prog}: can't execute '${command[0]}': ${why}\n` : `${prog}: '${command[0]}': ${why}\n`,
    );
    return found.reason === 'ENOENT' ? 127 : 126;
  }
  const child = ctx.spawn(command, {
    env: vars,
    cwd,
    stdin: ctx.stdin,
    stdout: ctx.stdout,
    stderr: ctx.stderr,
    tty: ctx.tty,
  });
  return child.wait();
};

export const printenv: Program = async (ctx) => {
  const parsed = parseCommand(ctx, {
    name: 'printenv',
    options: [{ key: '0', short: '0', long: 'null' }],
    usageStatus: 2,
  });
  if (typeof parsed === 'number') return parsed;
  const end = parsed.options.has('0') ? '\0' : '\n';
  if (parsed.operands.length === 0) {
    ctx.stdout.write([...ctx.env].map(([k, v]) => `${k}=${v}${end}`).join(''));
    return 0;
  }
  let status = 0;
  for (const name of parsed.operands) {
    const value = ctx.env.get(name);
    if (value === undefined) status = 1;
    else ctx.stdout.write(value + end);
  }
  return status;
};
