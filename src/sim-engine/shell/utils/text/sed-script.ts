/**
 * Parsing a sed script into commands: addresses (N, $, /re/, \cREc, first~step,
 * addr,+N, addr!), `{…}` blocks, and the commands s y p P d D q Q = a i c n N h H g G
 * x b t T : l w r z. Errors carry GNU's wording (`-e expression #1, char 5:
 * unterminated `s' command`) and BusyBox's.
 */
import { translateRegex } from '../support/regex.ts';

export type Address =
  | { kind: 'line'; n: number }
  | { kind: 'last' }
  | { kind: 'regex'; re: RegExp | null }
  | { kind: 'step'; first: number; step: number }
  | { kind: 'zero' };

export interface Command {
  a1?: Address;
  a2?: Address | { kind: 'plus'; n: number };
  negate: boolean;
  name: string;
  /** s: regex (null = last regex), replacement, flags */
  re?: RegExp | null;
  replacement?: string;
  global?: boolean;
  occurrence?: number;
  print?: number;
  text?: string;
  label?: string;
  /** y: mapping */
  map?: Map<string, string>;
  /** for { : index of the matching } */
  end?: number;
  file?: string;
  exitCode?: number;
}

export class SedError extends Error {
  readonly gnu: string;
  readonly busybox: string;
  constructor(gnu: string, busybox: string) {
    super(gnu);
    this.gnu = gnu;
    this.busybox = busybox;
  }
}

export function parseScript(script: string, extended: boolean, expressionNo = 1, busybox = false): Command[] {
  const commands: Command[] = [];
  const blocks: number[] = [];
  let i = 0;
  const fail = (gnu: string, busybox: string, at = i): never => {
    throw new SedError(`-e expression #${expressionNo}, char ${at}: ${gnu}`, busybox);
  };
  const compile = (source: string, flags: string): RegExp | null => {
    if (source === '') return null;
    const r = translateRegex(source, extended);
    if (!r.ok)
      throw new SedError(
        `-e expression #${expressionNo}, char ${i}: ${r.error}`,
        `bad regex '${source}': ${r.error}`,
      );
    return new RegExp(r.source, flags);
  };
  /** Read up to an unescaped delimiter; `\delim` becomes delim, `\n` a newline. */
  const delimited = (delim: string, what: string, busyboxWhat = `unmatched '${delim}'`): string => {
    let out = '';
    while (i < script.length) {
      const ch = script[i++]!;
      if (ch === '\\' && i < script.length) {
        const next = script[i++]!;
        if (next === delim && delim !== '&')
          out += delim === '\\' ? '\\\\' : /[.*[\]^$]/.test(delim) ? '\\' + delim : delim;
        else if (next === 'n') out += '\n';
        else out += '\\' + next;
        continue;
      }
      if (ch === delim) return out;
      if (ch === '\n' && what !== 'y') break;
      out += ch;
    }
    return fail(what, busyboxWhat);
  };
  const skipBlanks = () => {
    while (i < script.length && (script[i] === ' ' || script[i] === '\t')) i++;
  };
  const number = (): number => {
    const m = /^\d+/.exec(script.slice(i))!;
    i += m[0].length;
    return Number(m[0]);
  };
  const address = (): Address | undefined => {
    const ch = script[i];
    if (ch === undefined) return undefined;
    if (/\d/.test(ch)) {
      const n = number();
      if (script[i] === '~') {
        if (busybox) throw new SedError('', 'unsupported command ~');
        i++;
        const step = /\d/.test(script[i] ?? '') ? number() : 0;
        return { kind: 'step', first: n, step };
      }
      return n === 0 ? { kind: 'zero' } : { kind: 'line', n };
    }
    if (ch === '$') {
      i++;
      return { kind: 'last' };
    }
    if (ch === '/' || ch === '\\') {
      i++;
      const delim = ch === '\\' ? script[i++]! : '/';
      const source = delimited(delim, 'unterminated address regex');
      let flags = '';
      while (script[i] === 'I' || script[i] === 'M') {
        if (script[i] === 'I') flags += 'i';
        i++;
      }
      return { kind: 'regex', re: compile(source, flags) };
    }
    return undefined;
  };
  const textArg = (): string => {
    // GNU one-liner `a text`, or classic `a\` newline text, lines ending in \ continue
    skipBlanks();
    if (script[i] === '\\') {
      i++;
      if (script[i] === '\n') i++;
      else skipBlanks();
    }
    let out = '';
    while (i < script.length && script[i] !== '\n') {
      if (script[i] === '\\' && i + 1 < script.length) {
        i++;
        out += script[i] === '\n' ? '\n' : script[i];
        i++;
        continue;
      }
      out += script[i++];
    }
    return out;
  };
  const endOfCommand = () => {
    skipBlanks();
    if (i >= script.length) return;
    const ch = script[i]!;
    if (ch === ';' || ch === '\n') {
      i++;
      return;
    }
    if (ch === '}' || ch === '#') return;
    fail('extra characters after command', `unsupported command ${ch}`, i + 1);
  };
  while (i < script.length) {
    while (i < script.length && /[\s;]/.test(script[i]!)) i++;
    if (i >= script.length) break;
    if (script[i] === '#') {
      while (i < script.length && script[i] !== '\n') i++;
      continue;
    }
    const cmd: Command = { negate: false, name: '' };
    const a1 = address();
    if (a1) {
      cmd.a1 = a1;
      if (script[i] === ',') {
        i++;
        if (script[i] === '+' || script[i] === '~') {
          i++;
          cmd.a2 = { kind: 'plus', n: number() };
        } else {
          const a2 = address();
          if (!a2) fail("unexpected `,'", 'unexpected ,');
          cmd.a2 = a2;
        }
      }
    }
    skipBlanks();
    while (script[i] === '!') {
      cmd.negate = true;
      i++;
      skipBlanks();
    }
    const name = script[i++];
    if (name === undefined) fail('missing command', 'missing command');
    cmd.name = name!;
    switch (name) {
      case '{':
        blocks.push(commands.length);
        commands.push(cmd);
        continue;
      case '}': {
        const open = blocks.pop();
        if (open === undefined) fail("unexpected `}'", 'unexpected }');
        commands[open!]!.end = commands.length;
        commands.push(cmd);
        endOfCommand();
        continue;
      }
      case 's': {
        const delim = script[i++];
        if (delim === undefined || delim === '\n' || delim === '\\')
          fail("unterminated `s' command", `unmatched '${delim ?? ''}'`);
        const source = delimited(delim!, "unterminated `s' command");
        const replacement = delimited(delim!, "unterminated `s' command");
        let flags = '';
        cmd.global = false;
        for (;;) {
          const f = script[i];
          if (f === 'g') cmd.global = true;
          else if (f === 'p') cmd.print = (cmd.print ?? 0) + 1;
          else if (f === 'i' || f === 'I') flags += 'i';
          else if (f === 'm' || f === 'M') flags += 'm';
          else if (f !== undefined && /\d/.test(f)) {
            cmd.occurrence = number();
            continue;
          } else if (f === 'w') {
            i++;
            cmd.file = textArg().trim();
            if (cmd.file === '') fail('missing filename in r/R/w/W commands', 'missing filename');
            break;
          } else break;
          i++;
        }
        if (i < script.length && !/[\s;}#]/.test(script[i]!))
          fail("unknown option to `s'", 'unsupported command ' + script[i], i + 1);
        cmd.re = compile(source, flags + 'g');
        cmd.replacement = replacement;
        break;
      }
      case 'y': {
        const delim = script[i++]!;
        const from = delimited(delim, "unterminated `y' command");
        const to = delimited(delim, "unterminated `y' command");
        const unescape = (s: string) =>
          s.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
        const f = [...unescape(from)];
        const t = [...unescape(to)];
        if (f.length !== t.length)
          fail("strings for `y' command are different lengths", 'unsupported command y');
        cmd.map = new Map(f.map((c, k) => [c, t[k]!]));
        break;
      }
      case 'a':
      case 'i':
      case 'c':
        cmd.text = textArg();
        break;
      case 'b':
      case 't':
      case 'T':
      case ':': {
        skipBlanks();
        const m = /^[^;\n}]*/.exec(script.slice(i))!;
        i += m[0].length;
        cmd.label = m[0].trim();
        if (name === ':' && cmd.label === '') fail('":" lacks a label', 'missing label');
        break;
      }
      case 'q':
      case 'Q':
        skipBlanks();
        if (/\d/.test(script[i] ?? '')) cmd.exitCode = number();
        break;
      case 'r':
      case 'w':
      case 'R':
      case 'W':
        cmd.file = textArg().trim();
        if (cmd.file === '') fail('missing filename in r/R/w/W commands', 'missing filename');
        break;
      case 'p':
      case 'P':
      case 'd':
      case 'D':
      case '=':
      case 'n':
      case 'N':
      case 'h':
      case 'H':
      case 'g':
      case 'G':
      case 'x':
      case 'l':
      case 'z':
      case 'F':
        break;
      default:
        fail(`unknown command: \`${name}'`, `unsupported command ${name}`);
    }
    commands.push(cmd);
    if (!'aicbtT:rwRW'.includes(name!)) endOfCommand();
  }
  if (blocks.length > 0)
    throw new SedError(`-e expression #${expressionNo}, char 0: unmatched \`{'`, 'unmatched {');
  return commands;
}
