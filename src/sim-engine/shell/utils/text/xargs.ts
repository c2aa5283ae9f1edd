/**
 * xargs (-n N, -L N, -I REPL, -0, -d DELIM, -r, -t, -E EOF, -P ignored): builds
 * command lines from standard input and runs them one after another. Status 123 when
 * a command failed, 127 when it was not found, 126 when it could not run.
 */
import type { Program, Reader } from '../../../process/types.ts';
import { parseCommand, progName, variantOf } from '../support/command.ts';
import { readAll } from '../support/io.ts';
import { lookupCommand } from '../support/path-lookup.ts';

const EMPTY: Reader = { read: async () => null };

/** Split xargs input the default way: blanks separate, quotes and backslashes group. */
export function splitArgs(text: string): string[] | { error: string } {
  const args: string[] = [];
  let cur = '';
  let has = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "'" || ch === '"') {
      const close = text.indexOf(ch, i + 1);
      const nl = text.indexOf('\n', i + 1);
      if (close < 0 || (nl >= 0 && nl < close))
        return {
          error: `unmatched ${ch === '"' ? 'double' : 'single'} quote; by default quotes are special to xargs unless you use the -0 option`,
        };
      cur += text.slice(i + 1, close);
      has = true;
      i = close;
    } else if (ch === '\\' && i + 1 < text.length) {
      cur += text[++i];
      has = true;
    } else if (/\s/.test(ch)) {
      if (has) args.push(cur);
      cur = '';
      has = false;
    } else {
      cur += ch;
      has = true;
    }
  }
  if (has) args.push(cur);
  return args;
}

export const xargs: Program = async (ctx) => {
  const parsed = parseCommand(ctx, {
    name: 'xargs',
    stopAtOperand: true,
    options: [
      { key: 'n', short: 'n', long: 'max-args', arg: 'required' },
      { key: 'L', short: 'L', long: 'max-lines', arg: 'required' },
      { key: 'I', short: 'I', arg: 'required' },
      { key: 'I', short: 'i', long: 'replace', arg: 'optional' },
      { key: '0', short: '0', long: 'null' },
      { key: 'd', short: 'd', long: 'delimiter', arg: 'required' },
      { key: 'r', short: 'r', long: 'no-run-if-empty' },
      { key: 't', short: 't', long: 'verbose' },
      { key: 'E', short: 'E', arg: 'required' },
      { key: 'P', short: 'P', long: 'max-procs', arg: 'required' },
      { key: 'p', short: 'p', long: 'interactive' },
      { key: 's', short: 's', long: 'max-chars', arg: 'required' },
    ],
  });
  if (typeof parsed === 'number') return parsed;
  const o = parsed.options;
  const prog = progName(ctx, 'xargs');
  const command = parsed.operands.length > 0 ? parsed.operands : ['echo'];
  const text = await readAll(ctx.stdin);
  let items: string[];
  let lines: string[][] | undefined;
  if (o.has('0') || o.has('d')) {
    const delim = o.has('0') ? '\0' : (o.last('d') ?? '\n').replace(/^\\n$/, '\n').replace(/^\\t$/, '\t');
    items = text.split(delim);
    if (items.at(-1) === '' || (delim !== '\n' && items.at(-1) === '\n')) items.pop();
  } else if (o.has('I')) {
    items = text
      .split('\n')
      .map((l) => l.replace(/^\s+/, ''))
      .filter((l) => l !== '');
  } else {
    const split = splitArgs(text);
    if ('error' in split) {
      ctx.stderr.write(`${prog}: ${split.error}\n`);
      return 1;
    }
    items = split;
    if (o.has('L'))
      lines = text
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => splitArgs(l) as string[]);
  }
  const eof = o.last('E');
  if (eof !== undefined) {
    const at = items.indexOf(eof);
    if (at >= 0) items = items.slice(0, at);
  }
  const runs: string[][] = [];
  if (o.has('I')) {
    const repl = o.last('I') ?? '{}';
    for (const item of items) runs.push(command.map((a) => a.replaceAll(repl, item)));
  } else if (lines) {
    const per = Number(o.last('L')) || 1;
    for (let i = 0; i < lines.length; i += per) runs.push([...command, ...lines.slice(i, i + per).flat()]);
  } else if (o.has('n')) {
    const per = Number(o.last('n')) || 1;
    for (let i = 0; i < items.length; i += per) runs.push([...command, ...items.slice(i, i + per)]);
  } else if (items.length > 0) runs.push([...command, ...items]);
  // GNU runs the command once on empty input unless -r; BusyBox does too
  if (runs.length === 0 && !o.has('r') && !o.has('I') && items.length === 0) runs.push([...command]);
  const found = lookupCommand(ctx.fs, command[0]!, ctx.env.get('PATH'), ctx.cwd);
  if (!found.found && runs.length > 0) {
    const why = found.reason === 'ENOENT' ? 'No such file or directory' : 'Permission denied';
    ctx.stderr.write(`${prog}: ${command[0]}: ${why}\n`);
    return found.reason === 'ENOENT' ? 127 : 126;
  }
  let status = 0;
  for (const argv of runs) {
    if (o.has('t')) ctx.stderr.write(argv.join(' ') + '\n');
    const child = ctx.spawn(argv, { stdin: EMPTY, stdout: ctx.stdout, stderr: ctx.stderr });
    const code = await child.wait();
    if (code === 255) {
      ctx.stderr.write(`${prog}: ${argv[0]}: exited with status 255; aborting\n`);
      return 124;
    }
    if (code >= 128 && variantOf(ctx) === 'gnu') {
      ctx.stderr.write(`${prog}: ${argv[0]}: terminated by signal ${code - 128}\n`);
      return 125;
    }
    if (code !== 0) status = 123;
  }
  return status;
};
