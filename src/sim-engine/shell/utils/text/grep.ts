/**
 * grep (GNU grep and BusyBox): -E -F -G -i -v -c -n -l -L -o -q -s -w -x -h -H -r/-R
 * -e -f -A -B -C -m, --include/--exclude. Exit 0 when a line was selected, 1 when
 * none, 2 on an error (unless -q already found one). Standard input is read line by
 * line as it comes, so `tail -f log | grep x` prints matches as they appear.
 */
import type { ProcessContext, Program } from '../../../process/types.ts';
import { busyboxUsage, gnuTry, parseCommand, progName, variantOf } from '../support/command.ts';
import { fnmatch } from '../support/fnmatch.ts';
import type { Options } from '../support/getopt.ts';
import { errorText, readLines, resolvePath, splitLines } from '../support/io.ts';
import { escapeRegex, translateRegex } from '../support/regex.ts';

const OPTIONS = [
  { key: 'E', short: 'E', long: 'extended-regexp' },
  { key: 'F', short: 'F', long: 'fixed-strings' },
  { key: 'G', short: 'G', long: 'basic-regexp' },
  { key: 'P', short: 'P', long: 'perl-regexp', gnuOnly: true },
  { key: 'i', short: 'i', long: 'ignore-case' },
  { key: 'y', short: 'y' },
  { key: 'v', short: 'v', long: 'invert-match' },
  { key: 'c', short: 'c', long: 'count' },
  { key: 'n', short: 'n', long: 'line-number' },
  { key: 'l', short: 'l', long: 'files-with-matches' },
  { key: 'L', short: 'L', long: 'files-without-match' },
  { key: 'o', short: 'o', long: 'only-matching' },
  { key: 'q', short: 'q', long: 'quiet' },
  { key: 'q', long: 'silent' },
  { key: 's', short: 's', long: 'no-messages' },
  { key: 'w', short: 'w', long: 'word-regexp' },
  { key: 'x', short: 'x', long: 'line-regexp' },
  { key: 'h', short: 'h', long: 'no-filename' },
  { key: 'H', short: 'H', long: 'with-filename' },
  { key: 'r', short: 'r', long: 'recursive' },
  { key: 'r', short: 'R', long: 'dereference-recursive' },
  { key: 'e', short: 'e', long: 'regexp', arg: 'required' as const },
  { key: 'f', short: 'f', long: 'file', arg: 'required' as const },
  { key: 'A', short: 'A', long: 'after-context', arg: 'required' as const },
  { key: 'B', short: 'B', long: 'before-context', arg: 'required' as const },
  { key: 'C', short: 'C', long: 'context', arg: 'required' as const },
  { key: 'm', short: 'm', long: 'max-count', arg: 'required' as const },
  { key: 'color', long: 'color', arg: 'optional' as const, bbLong: true },
  { key: 'color', long: 'colour', arg: 'optional' as const, bbLong: true },
  { key: 'include', long: 'include', arg: 'required' as const },
  { key: 'exclude', long: 'exclude', arg: 'required' as const },
  { key: 'exclude-dir', long: 'exclude-dir', arg: 'required' as const },
  { key: 'a', short: 'a', long: 'text' },
  { key: 'I', short: 'I' },
];

/** Build the matcher from the patterns; a string is a GNU regex error message. */
export function buildMatcher(patterns: string[], o: Options): RegExp | string {
  const extended = o.lastOf('E', 'F', 'G', 'P') === 'E';
  const fixed = o.lastOf('E', 'F', 'G', 'P') === 'F';
  const perl = o.lastOf('E', 'F', 'G', 'P') === 'P';
  const sources: string[] = [];
  for (const p of patterns) {
    if (fixed) sources.push(escapeRegex(p));
    else if (perl) {
      // Differs from grep -P: JavaScript's regular expressions stand in for PCRE
      try {
        new RegExp(p);
      } catch {
        return 'unmatched parentheses or invalid regular expression';
      }
      sources.push(p);
    } else {
      const r = translateRegex(p, extended);
      if (!r.ok) return r.error;
      sources.push(r.source);
    }
  }
  let source = sources.length === 1 ? sources[0]! : sources.map((s) => `(?:${s})`).join('|');
  if (o.has('x')) source = `^(?:${source})$`;
  else if (o.has('w')) source = `(?<![\\w])(?:${source})(?![\\w])`;
  return new RegExp(source, o.has('i') || o.has('y') ? 'gi' : 'g');
}

interface Source {
  name: string;
  lines: AsyncIterable<string> | Iterable<string>;
}

async function* stdinLines(ctx: ProcessContext): AsyncGenerator<string> {
  for await (const { line } of readLines(ctx.stdin)) yield line;
}

export const grep: Program = async (ctx) => {
  const parsed = parseCommand(ctx, { name: 'grep', options: OPTIONS, usageStatus: 2, bbUsageStatus: 2 });
  if (typeof parsed === 'number') return parsed;
  const o = parsed.options;
  const busybox = variantOf(ctx) === 'busybox';
  const prog = progName(ctx, 'grep');
  let operands = parsed.operands;
  const patterns: string[] = [];
  for (const e of o.all('e')) patterns.push(...e.split('\n'));
  for (const f of o.all('f')) {
    try {
      patterns.push(...splitLines(ctx.fs.readFile(resolvePath(ctx.cwd, f))));
    } catch (error) {
      ctx.stderr.write(`${prog}: ${f}: ${errorText(error)}\n`);
      return 2;
    }
  }
  if (!o.has('e') && !o.has('f')) {
    if (operands.length === 0) {
      if (busybox) return busyboxUsage(ctx, 'grep', 2);
      ctx.stderr.write(`Usage: ${prog} [OPTION]... PATTERNS [FILE]...\n${gnuTry(ctx, 'grep')}`);
      return 2;
    }
    patterns.push(...operands[0]!.split('\n'));
    operands = operands.slice(1);
  }
  const matcher = buildMatcher(patterns, o);
  if (typeof matcher === 'string') {
    ctx.stderr.write(`${prog}: ${matcher}\n`);
    return 2;
  }
  const recursive = o.has('r');
  const implicitDot = recursive && operands.length === 0;
  if (operands.length === 0) operands = recursive ? ['.'] : ['-'];
  const showNames = o.has('H') || (!o.has('h') && (operands.length > 1 || recursive));
  const after = Number(o.last('A') ?? o.last('C') ?? 0);
  const before = Number(o.last('B') ?? o.last('C') ?? 0);
  const maxCount = o.has('m') ? Number(o.last('m')) : Infinity;
  let status = 1;
  let errors = false;

  const sources: Source[] = [];
  const warn = (text: string) => {
    errors = true;
    if (!o.has('s')) ctx.stderr.write(`${prog}: ${text}\n`);
  };
  const addPath = (shown: string, path: string, top: boolean) => {
    const st = top ? ctx.fs.stat(path) : ctx.fs.lstat(path);
    if (!st) {
      warn(`${shown}: No such file or directory`);
      return;
    }
    if (st.kind === 'dir') {
      if (!recursive) {
        warn(`${shown}: Is a directory`);
        return;
      }
      const base = shown.slice(shown.lastIndexOf('/') + 1);
      if (!top && o.all('exclude-dir').some((g) => fnmatch(g, base))) return;
      for (const name of ctx.fs.readdir(path)) {
        const child =
          implicitDot && shown === '.' ? name : shown.endsWith('/') ? shown + name : `${shown}/${name}`;
        addPath(child, path === '/' ? `/${name}` : `${path}/${name}`, false);
      }
      return;
    }
    if (st.kind === 'symlink') return;
    const base = shown.slice(shown.lastIndexOf('/') + 1);
    if (!top || recursive) {
      if (o.has('include') && !o.all('include').some((g) => fnmatch(g, base))) return;
      if (o.all('exclude').some((g) => fnmatch(g, base))) return;
    }
    try {
      sources.push({ name: shown, lines: splitLines(ctx.fs.readFile(path)) });
    } catch (error) {
      warn(`${shown}: ${errorText(error)}`);
    }
  };
  for (const operand of operands) {
    if (operand === '-')
      sources.push({ name: busybox ? '(standard input)' : '(standard input)', lines: stdinLines(ctx) });
    else addPath(operand, resolvePath(ctx.cwd, operand), true);
  }

  const invert = o.has('v');
  for (const source of sources) {
    let count = 0;
    let lineNo = 0;
    let lastPrinted = 0;
    let afterLeft = 0;
    const history: [number, string][] = [];
    const prefix = (n: number, sep: string) =>
      (showNames ? source.name + sep : '') + (o.has('n') ? `${n}${sep}` : '');
    let out = '';
    const quietish = o.has('q') || o.has('l') || o.has('L') || o.has('c');
    for await (const line of source.lines) {
      lineNo++;
      matcher.lastIndex = 0;
      const hit = matcher.test(line) !== invert;
      if (hit && count < maxCount) {
        count++;
        status = 0;
        if (o.has('q')) return 0;
        if (quietish) {
          if (o.has('l') || o.has('L')) break;
          continue;
        }
        if ((before > 0 || after > 0) && lastPrinted > 0 && lineNo - history.length > lastPrinted + 1)
          out += '--\n';
        for (const [n, l] of history) out += prefix(n, '-') + l + '\n';
        history.length = 0;
        if (o.has('o') && !invert) {
          matcher.lastIndex = 0;
          for (const m of line.matchAll(matcher)) if (m[0] !== '') out += prefix(lineNo, ':') + m[0] + '\n';
        } else out += prefix(lineNo, ':') + line + '\n';
        lastPrinted = lineNo;
        afterLeft = after;
      } else if (afterLeft > 0 && !quietish) {
        out += prefix(lineNo, '-') + line + '\n';
        lastPrinted = lineNo;
        afterLeft--;
      } else if (before > 0) {
        history.push([lineNo, line]);
        if (history.length > before) history.shift();
      }
      if (count >= maxCount && afterLeft === 0) break;
      if (out.length > 0 && !(before > 0 || after > 0)) {
        ctx.stdout.write(out);
        out = '';
      }
    }
    if (o.has('c')) out += (showNames ? `${source.name}:` : '') + `${count}\n`;
    if (o.has('l') && count > 0) out += `${source.name}\n`;
    if (o.has('L') && count === 0) out += `${source.name}\n`;
    ctx.stdout.write(out);
  }
  if (o.has('L')) status = sources.some((s) => s) ? status : 1;
  return errors && !(o.has('q') && status === 0) ? 2 : status;
};
