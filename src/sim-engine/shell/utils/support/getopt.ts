/**
 * Command-line options the way the C libraries parse them: glibc's getopt_long for
 * the GNU tools, and for BusyBox the same rules with the C library's own messages
 * (glibc/uClibc style in the busybox image, musl's in Alpine).
 *
 * - short options combine (`-la`), take an argument attached or next (`-n5`, `-n 5`);
 * - long options take `--opt=value` or `--opt value` and may be abbreviated to any
 *   unambiguous prefix (`--recur` for `--recursive`);
 * - options and operands may be mixed (`ls dir -l`) unless the command stops at its
 *   first operand (`env`, `xargs`, `find`'s expressions); `--` ends the options;
 * - a lone `-` is an operand (stdin).
 */
export type ArgKind = 'none' | 'required' | 'optional';

export interface OptionDef {
  /** the name the option is recorded under */
  key: string;
  /** one character, without the dash */
  short?: string;
  /** the long name, without the dashes */
  long?: string;
  arg?: ArgKind;
  /** only GNU's build has this option (BusyBox rejects it) */
  gnuOnly?: boolean;
  /** BusyBox also accepts the long name (most BusyBox applets have no long options) */
  bbLong?: boolean;
}

export interface CommandSpec {
  options: readonly OptionDef[];
  /** Stop at the first operand, as POSIX getopt does (env, xargs, nice). */
  stopAtOperand?: boolean;
  /** Accept `-NUM` (head -5, tail -20), recorded under this key. */
  numberKey?: string;
}

export interface ParsedOption {
  key: string;
  value: string | undefined;
}

/** The options a command was given, in order. */
export class Options {
  readonly list: ParsedOption[] = [];
  has(key: string): boolean {
    return this.list.some((o) => o.key === key);
  }
  /** The value of the last occurrence (options given twice: the last wins). */
  last(key: string): string | undefined {
    for (let i = this.list.length - 1; i >= 0; i--) if (this.list[i]!.key === key) return this.list[i]!.value;
    return undefined;
  }
  all(key: string): string[] {
    return this.list.filter((o) => o.key === key).map((o) => o.value ?? '');
  }
  count(key: string): number {
    return this.list.filter((o) => o.key === key).length;
  }
  /** Which of `keys` came last (for options that override each other, like -1/-l). */
  lastOf(...keys: string[]): string | undefined {
    for (let i = this.list.length - 1; i >= 0; i--)
      if (keys.includes(this.list[i]!.key)) return this.list[i]!.key;
    return undefined;
  }
}

/** What went wrong, in getopt's terms; `getoptMessage` turns it into text. */
export type GetoptError =
  | { kind: 'invalid-short'; option: string }
  | { kind: 'missing-short'; option: string }
  | { kind: 'invalid-long'; option: string }
  | { kind: 'missing-long'; option: string }
  | { kind: 'unexpected-long'; option: string }
  | { kind: 'ambiguous-long'; option: string; candidates: string[] };

export type ParseResult =
  { ok: true; options: Options; operands: string[] } | { ok: false; error: GetoptError };

export function parseOptions(args: readonly string[], spec: CommandSpec): ParseResult {
  const options = new Options();
  const operands: string[] = [];
  const longs = spec.options.filter((o) => o.long !== undefined);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      const exact = longs.find((o) => o.long === name);
      const prefixed = exact ? [exact] : longs.filter((o) => o.long!.startsWith(name));
      // several long names for one key are not ambiguous
      const keys = new Set(prefixed.map((o) => o.key));
      if (prefixed.length === 0) return { ok: false, error: { kind: 'invalid-long', option: arg } };
      if (keys.size > 1) {
        return {
          ok: false,
          error: {
            kind: 'ambiguous-long',
            option: arg.slice(0, eq < 0 ? undefined : eq),
            candidates: prefixed.map((o) => o.long!),
          },
        };
      }
      const def = prefixed[0]!;
      const kind = def.arg ?? 'none';
      if (eq >= 0) {
        if (kind === 'none') return { ok: false, error: { kind: 'unexpected-long', option: def.long! } };
        options.list.push({ key: def.key, value: arg.slice(eq + 1) });
      } else if (kind === 'required') {
        if (i + 1 >= args.length) return { ok: false, error: { kind: 'missing-long', option: def.long! } };
        options.list.push({ key: def.key, value: args[++i]! });
      } else {
        options.list.push({ key: def.key, value: undefined });
      }
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      if (spec.numberKey && /^-\d+$/.test(arg)) {
        options.list.push({ key: spec.numberKey, value: arg.slice(1) });
        continue;
      }
      for (let j = 1; j < arg.length; j++) {
        const ch = arg[j]!;
        const def = spec.options.find((o) => o.short === ch);
        if (!def) return { ok: false, error: { kind: 'invalid-short', option: ch } };
        const kind = def.arg ?? 'none';
        if (kind === 'none') {
          options.list.push({ key: def.key, value: undefined });
          continue;
        }
        const rest = arg.slice(j + 1);
        if (rest !== '') options.list.push({ key: def.key, value: rest });
        else if (kind === 'optional') options.list.push({ key: def.key, value: undefined });
        else if (i + 1 < args.length) options.list.push({ key: def.key, value: args[++i]! });
        else return { ok: false, error: { kind: 'missing-short', option: ch } };
        break;
      }
      continue;
    }
    if (spec.stopAtOperand) {
      operands.push(...args.slice(i));
      break;
    }
    operands.push(arg);
  }
  return { ok: true, options, operands };
}

/** The line getopt prints, `prog: invalid option -- 'z'`, in the C library's words. */
export function getoptMessage(prog: string, error: GetoptError, libc: 'glibc' | 'musl'): string {
  if (libc === 'musl') {
    switch (error.kind) {
      case 'invalid-short':
        return `${prog}: unrecognized option: ${error.option}`;
      case 'missing-short':
      case 'missing-long':
        return `${prog}: option requires an argument: ${error.option}`;
      case 'invalid-long':
        return `${prog}: unrecognized option: ${error.option.slice(2)}`;
      case 'unexpected-long':
        return `${prog}: option does not take an argument: ${error.option}`;
      case 'ambiguous-long':
        return `${prog}: option is ambiguous: ${error.option.slice(2)}`;
    }
  }
  switch (error.kind) {
    case 'invalid-short':
      return `${prog}: invalid option -- '${error.option}'`;
    case 'missing-short':
      return `${prog}: option requires an argument -- '${error.option}'`;
    case 'invalid-long':
      return `${prog}: unrecognized option '${error.option}'`;
    case 'missing-long':
      return `${prog}: option '--${error.option}' requires an argument`;
    case 'unexpected-long':
      return `${prog}: option '--${error.option}' doesn't allow an argument`;
    case 'ambiguous-long':
      return `${prog}: option '${error.option}' is ambiguous; possibilities:${error.candidates.map((c) => ` '--${c}'`).join('')}`;
  }
}
