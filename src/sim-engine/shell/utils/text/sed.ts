/**
 * sed (GNU sed and BusyBox): -n -e -f -E/-r -i[SUFFIX] -s, over files or stdin.
 * Runs the script of text/sed-script.ts over each line with a pattern space and a
 * hold space. Standard input is processed as it arrives.
 */
import type { Program } from '../../../process/types.ts';
import { busyboxUsage, parseCommand, progName, variantOf } from '../support/command.ts';
import { errorText, readLines, resolvePath, splitLines } from '../support/io.ts';
import { parseScript, SedError } from './sed-script.ts';
import type { Address, Command } from './sed-script.ts';

interface Input {
  name: string;
  lines: AsyncIterator<{ line: string; newline: boolean }>;
  path?: string;
}

function expandReplacement(template: string, m: RegExpExecArray, busybox: boolean): string {
  let out = '';
  let caseMode: '' | 'U' | 'L' = '';
  let once: '' | 'u' | 'l' = '';
  const emit = (text: string) => {
    for (const ch of text) {
      let c = caseMode === 'U' ? ch.toUpperCase() : caseMode === 'L' ? ch.toLowerCase() : ch;
      if (once) {
        c = once === 'u' ? c.toUpperCase() : c.toLowerCase();
        once = '';
      }
      out += c;
    }
  };
  for (let i = 0; i < template.length; i++) {
    const ch = template[i]!;
    if (ch === '&') emit(m[0]);
    else if (ch === '\\' && i + 1 < template.length) {
      const next = template[++i]!;
      if (/\d/.test(next)) emit(m[Number(next)] ?? '');
      else if (next === 'n') emit('\n');
      else if (next === 't') emit('\t');
      else if (busybox)
        emit(next); // BusyBox has no case conversion
      else if (next === 'U' || next === 'L') caseMode = next;
      else if (next === 'E') caseMode = '';
      else if (next === 'u' || next === 'l') once = next;
      else emit(next);
    } else emit(ch);
  }
  return out;
}

function visible(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (c < 32 || c === 127) out += '\\' + c.toString(8).padStart(3, '0');
    else out += ch;
  }
  return out + '$';
}

export const sed: Program = async (ctx) => {
  const parsed = parseCommand(ctx, {
    name: 'sed',
    options: [
      { key: 'n', short: 'n', long: 'quiet', bbLong: true },
      { key: 'n', long: 'silent', bbLong: true },
      { key: 'e', short: 'e', long: 'expression', arg: 'required', bbLong: true },
      { key: 'f', short: 'f', long: 'file', arg: 'required', bbLong: true },
      { key: 'E', short: 'E', long: 'regexp-extended', bbLong: true },
      { key: 'E', short: 'r' },
      { key: 'i', short: 'i', long: 'in-place', arg: 'optional', bbLong: true },
      { key: 's', short: 's', long: 'separate' },
      { key: 'u', short: 'u', long: 'unbuffered' },
      { key: 'z', short: 'z', long: 'null-data' },
      { key: 'posix', long: 'posix' },
    ],
  });
  if (typeof parsed === 'number') return parsed;
  const o = parsed.options;
  const busybox = variantOf(ctx) === 'busybox';
  const prog = progName(ctx, 'sed');
  let operands = parsed.operands;
  const scripts: string[] = [];
  for (const opt of o.list) {
    if (opt.key === 'e') scripts.push(opt.value ?? '');
    if (opt.key === 'f') {
      try {
        scripts.push(ctx.fs.readFile(resolvePath(ctx.cwd, opt.value ?? '')).replace(/\n$/, ''));
      } catch (error) {
        ctx.stderr.write(
          busybox
            ? `${prog}: can't open '${opt.value}': ${errorText(error)}\n`
            : `${prog}: couldn't open file ${opt.value}: ${errorText(error)}\n`,
        );
        return 1;
      }
    }
  }
  if (scripts.length === 0) {
    if (operands.length === 0) {
      if (busybox) return busyboxUsage(ctx, 'sed');
      ctx.stderr.write(SED_USAGE.replace('Usage: sed', `Usage: ${prog}`));
      return 1;
    }
    scripts.push(operands[0]!);
    operands = operands.slice(1);
  }
  let commands: Command[];
  try {
    commands = parseScript(scripts.join('\n'), o.has('E'), 1, busybox);
  } catch (error) {
    if (!(error instanceof SedError)) throw error;
    ctx.stderr.write(`${prog}: ${busybox ? error.busybox : error.gnu}\n`);
    return 1;
  }
  const labels = new Map<string, number>();
  commands.forEach((c, k) => c.name === ':' && labels.set(c.label!, k));
  for (const c of commands) {
    if ((c.name === 'b' || c.name === 't' || c.name === 'T') && c.label && !labels.has(c.label)) {
      ctx.stderr.write(
        `${prog}: ${busybox ? `can't find label for jump to '${c.label}'` : `-e expression #1, char 0: can't find label for jump to \`${c.label}'`}\n`,
      );
      return 1;
    }
  }

  const inPlace = o.has('i');
  const quiet = o.has('n');
  let status = 0;
  const inputs: Input[] = [];
  for (const name of operands.length > 0 ? operands : ['-']) {
    if (name === '-') {
      inputs.push({ name, lines: readLines(ctx.stdin)[Symbol.asyncIterator]() });
      continue;
    }
    const path = resolvePath(ctx.cwd, name);
    try {
      if (ctx.fs.stat(path)?.kind === 'dir') throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
      const text = ctx.fs.readFile(path);
      const lines = splitLines(text).map((line, k, all) => ({
        line,
        newline: k < all.length - 1 || text.endsWith('\n'),
      }));
      inputs.push({
        name,
        path,
        lines: (async function* () {
          yield* lines;
        })(),
      });
    } catch (error) {
      const why = errorText(error);
      ctx.stderr.write(
        busybox
          ? `${prog}: ${name}: ${why}\n`
          : why === 'Is a directory'
            ? `${prog}: couldn't edit ${name}: not a regular file\n`
            : `${prog}: can't read ${name}: ${why}\n`,
      );
      status = busybox ? 1 : 2;
    }
  }

  // The input stream: all files as one (GNU without -s/-i), one at a time otherwise.
  const separate = inPlace || o.has('s');
  const groups = separate ? inputs.map((inp) => [inp]) : [inputs];
  let hold = '';
  let lastRegex: RegExp | null = null;
  const writes = new Map<string, string>();
  let quitCode: number | undefined;

  for (const group of groups) {
    if (quitCode !== undefined) break;
    let out = '';
    const flush = () => {
      if (inPlace) return;
      if (out) ctx.stdout.write(out);
      out = '';
    };
    let fileIndex = 0;
    let lineNo = 0;
    const rangeActive = new Map<number, boolean | number>();
    // Look ahead one line to know the last one ($).
    const next = async (): Promise<{ line: string; newline: boolean } | undefined> => {
      while (fileIndex < group.length) {
        const r = await group[fileIndex]!.lines.next();
        if (!r.done) return r.value;
        fileIndex++;
      }
      return undefined;
    };
    let current = await next();
    let pending = current ? await next() : undefined;
    const advance = async () => {
      current = pending;
      pending = current ? await next() : undefined;
    };
    const isLast = () => pending === undefined;
    const matches = (a: Address, pattern: string): boolean => {
      switch (a.kind) {
        case 'line':
          return lineNo === a.n;
        case 'last':
          return isLast();
        case 'zero':
          return false;
        case 'step':
          return a.step <= 0 ? lineNo === a.first : lineNo >= a.first && (lineNo - a.first) % a.step === 0;
        case 'regex': {
          const re = a.re ?? lastRegex;
          if (!re) return false;
          lastRegex = re;
          re.lastIndex = 0;
          return re.test(pattern);
        }
      }
    };
    const selected = (c: Command, k: number, pattern: string): boolean => {
      if (!c.a1) return !c.negate;
      let hit: boolean;
      if (!c.a2) hit = matches(c.a1, pattern);
      else {
        const state = rangeActive.get(k);
        if (state !== undefined && state !== false) {
          hit = true;
          const a2 = c.a2;
          let done: boolean;
          if (a2.kind === 'plus') done = lineNo >= (state as number) + a2.n;
          else if (a2.kind === 'line') done = lineNo >= a2.n;
          else done = matches(a2, pattern);
          if (done) rangeActive.set(k, false);
        } else if (c.a1.kind === 'zero' ? lineNo === 1 || false : matches(c.a1, pattern)) {
          hit = true;
          const a2 = c.a2;
          const endsNow =
            (a2.kind === 'line' && a2.n <= lineNo) ||
            (a2.kind === 'plus' && a2.n === 0) ||
            (c.a1.kind === 'zero' && a2.kind === 'regex' && matches(a2, pattern));
          rangeActive.set(k, endsNow ? false : lineNo);
        } else hit = false;
      }
      return hit !== c.negate;
    };

    while (current && quitCode === undefined) {
      lineNo++;
      let pattern = current.line;
      let newline = current.newline;
      let append = '';
      let deleted = false;
      let substituted = false;
      let autoprint = !quiet;
      for (let k = 0; k < commands.length; k++) {
        const c = commands[k]!;
        if (c.name === '}' || c.name === ':') continue;
        if (!selected(c, k, pattern)) {
          if (c.name === '{') k = c.end!;
          continue;
        }
        switch (c.name) {
          case '{':
            break;
          case 's': {
            const re: RegExp | null = c.re ?? lastRegex;
            if (!re) break;
            lastRegex = re;
            let n = 0;
            let did = false;
            re.lastIndex = 0;
            pattern = pattern.replace(re, (...args: unknown[]) => {
              n++;
              const wanted = c.occurrence ?? 1;
              if (c.global ? n >= wanted : n === wanted) {
                did = true;
                // (match, p1…pn, offset, input): the strings before the offset
                const offset = args.findIndex((x) => typeof x === 'number');
                const exec = Object.assign(args.slice(0, offset) as string[], {
                  index: 0,
                  input: pattern,
                }) as unknown as RegExpExecArray;
                return expandReplacement(c.replacement!, exec, busybox);
              }
              return args[0] as string;
            });
            if (did) {
              substituted = true;
              if (c.print) out += (pattern + '\n').repeat(c.print);
              if (c.file) writes.set(c.file, (writes.get(c.file) ?? '') + pattern + '\n');
            }
            break;
          }
          case 'y':
            pattern = [...pattern].map((ch) => c.map!.get(ch) ?? ch).join('');
            break;
          case 'p':
            out += pattern + '\n';
            break;
          case 'P':
            out += pattern.split('\n')[0] + '\n';
            break;
          case 'd':
            deleted = true;
            k = commands.length;
            break;
          case 'D': {
            const nl = pattern.indexOf('\n');
            if (nl < 0) {
              deleted = true;
              k = commands.length;
            } else {
              pattern = pattern.slice(nl + 1);
              k = -1;
            }
            break;
          }
          case 'q':
            quitCode = c.exitCode ?? 0;
            k = commands.length;
            break;
          case 'Q':
            quitCode = c.exitCode ?? 0;
            deleted = true;
            k = commands.length;
            break;
          case '=':
            out += `${lineNo}\n`;
            break;
          case 'l':
            out += visible(pattern) + '\n';
            break;
          case 'a':
            append += c.text + '\n';
            break;
          case 'i':
            out += c.text + '\n';
            break;
          case 'c':
            if (!c.a2 || rangeActive.get(k) === false) out += c.text + '\n';
            deleted = true;
            k = commands.length;
            break;
          case 'r':
            try {
              append += ctx.fs.readFile(resolvePath(ctx.cwd, c.file!));
            } catch {
              // a missing file is silently ignored, as sed does
            }
            break;
          case 'w':
            writes.set(c.file!, (writes.get(c.file!) ?? '') + pattern + '\n');
            break;
          case 'n':
            if (autoprint) out += pattern + (newline ? '\n' : '');
            if (!pending) {
              autoprint = false;
              k = commands.length;
              break;
            }
            await advance();
            lineNo++;
            pattern = current!.line;
            newline = current!.newline;
            break;
          case 'N':
            if (!pending) {
              k = commands.length;
              break;
            }
            await advance();
            lineNo++;
            pattern += '\n' + current!.line;
            newline = current!.newline;
            break;
          case 'h':
            hold = pattern;
            break;
          case 'H':
            hold += '\n' + pattern;
            break;
          case 'g':
            pattern = hold;
            break;
          case 'G':
            pattern += '\n' + hold;
            break;
          case 'x':
            [pattern, hold] = [hold, pattern];
            break;
          case 'z':
            pattern = '';
            break;
          case 'F':
            out += (group[Math.min(fileIndex, group.length - 1)]?.name ?? '-') + '\n';
            break;
          case 'b':
            k = c.label ? labels.get(c.label)! : commands.length;
            break;
          case 't':
          case 'T':
            if (substituted === (c.name === 't')) {
              substituted = false;
              k = c.label ? labels.get(c.label)! : commands.length;
            }
            break;
        }
      }
      if (!deleted && autoprint) out += pattern + (newline || pending ? '\n' : '');
      out += append;
      if (!inPlace) flush();
      await advance();
    }
    if (inPlace && group[0]?.path) {
      const suffix = o.last('i');
      if (suffix) ctx.fs.writeFile(group[0].path + suffix, ctx.fs.readFile(group[0].path));
      ctx.fs.writeFile(group[0].path, out);
    } else flush();
  }
  for (const [file, text] of writes) {
    if (file === '/dev/stdout') ctx.stdout.write(text);
    else if (file === '/dev/stderr') ctx.stderr.write(text);
    else {
      try {
        ctx.fs.writeFile(resolvePath(ctx.cwd, file), text);
      } catch (error) {
        ctx.stderr.write(`${prog}: couldn't open file ${file}: ${errorText(error)}\n`);
        status = 4;
      }
    }
  }
  return quitCode ?? status;
};

/** GNU sed 4.9's usage, printed when it is given no script. */
const SED_USAGE =
  "Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n  -n, --quiet, --silent\n                 suppress automatic printing of pattern space\n      --debug\n                 annotate program execution\n  -e script, --expression=script\n                 add the script to the commands to be executed\n  -f script-file, --file=script-file\n                 add the contents of script-file to the commands to be executed\n  --follow-symlinks\n                 follow symlinks when processing in place\n  -i[SUFFIX], --in-place[=SUFFIX]\n                 edit files in place (makes backup if SUFFIX supplied)\n  -l N, --line-length=N\n                 specify the desired line-wrap length for the `l' command\n  --posix\n                 disable all GNU extensions.\n  -E, -r, --regexp-extended\n                 use extended regular expressions in the script\n                 (for portability use POSIX -E).\n  -s, --separate\n                 consider files as separate rather than as a single,\n                 continuous long stream.\n      --sandbox\n                 operate in sandbox mode (disable e/r/w commands).\n  -u, --unbuffered\n                 load minimal amounts of data from the input files and flush\n                 the output buffers more often\n  -z, --null-data\n                 separate lines by NUL characters\n      --help     display this help and exit\n      --version  output version information and exit\n\nIf no -e, --expression, -f, or --file option is given, then the first\nnon-option argument is taken as the sed script to interpret.  All\nremaining arguments are names of input files; if no input files are\nspecified, then the standard input is read.\n\nGNU sed home page: <https://www.gnu.org/software/sed/>.\nGeneral help using GNU software: <https://www.gnu.org/gethelp/>.\n";
