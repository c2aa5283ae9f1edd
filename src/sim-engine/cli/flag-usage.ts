/**
 * The "Options:" block of help, as pflag's FlagUsagesWrapped(cols) writes it: flags
 * sorted by name, `-s, --name type`, usage aligned in one column and wrapped to the
 * terminal width, defaults appended unless they are the type's zero value.
 */
import { defValueOf, type FlagSpec } from './flags.ts';
import { goQuote } from './flag-values.ts';

/** pflag UnquoteUsage: a `backquoted` word in the usage names the value. */
function unquoteUsage(spec: FlagSpec): { name: string; usage: string } {
  const usage = spec.usage;
  const i = usage.indexOf('`');
  if (i >= 0) {
    const j = usage.indexOf('`', i + 1);
    if (j >= 0) {
      const name = usage.slice(i + 1, j);
      return { name, usage: usage.slice(0, i) + name + usage.slice(j + 1) };
    }
  }
  const renames: Record<string, string> = {
    bool: '',
    float64: 'float',
    int64: 'int',
    uint64: 'uint',
    stringSlice: 'strings',
    intSlice: 'ints',
  };
  return { name: spec.type in renames ? renames[spec.type]! : spec.type, usage };
}

/** pflag defaultIsZeroValue */
function defaultIsZero(spec: FlagSpec): boolean {
  const def = defValueOf(spec);
  // docker's own Value types (opts.DurationOpt, service.Uint64Opt…) share pflag's type
  // names but fall in pflag's default case, where an empty DefValue is the zero value.
  if (def === '' && spec.type !== 'bool') return true;
  switch (spec.type) {
    case 'bool':
      return def === 'false';
    case 'duration':
      return def === '0' || def === '0s';
    case 'int':
    case 'int64':
    case 'uint':
    case 'uint16':
    case 'uint32':
    case 'uint64':
    case 'float64':
      return def === '0';
    case 'string':
      return def === '';
    case 'stringSlice':
    case 'stringArray':
      return def === '[]';
    default:
      return def === 'false' || def === '<nil>' || def === '' || def === '0';
  }
}

function wrapN(i: number, slop: number, s: string): [string, string] {
  if (i + slop > s.length) return [s, ''];
  const head = s.slice(0, i);
  const w = Math.max(head.lastIndexOf(' '), head.lastIndexOf('\t'), head.lastIndexOf('\n'));
  if (w <= 0) return [s, ''];
  const nl = head.lastIndexOf('\n');
  if (nl > 0 && nl < w) return [s.slice(0, nl), s.slice(nl + 1)];
  return [s.slice(0, w), s.slice(w + 1)];
}

function wrap(indent: number, width: number, s: string): string {
  if (width === 0) return s.replaceAll('\n', '\n' + ' '.repeat(indent));
  let i = indent;
  let room = width - i;
  let r = '';
  if (room < 24) {
    i = 16;
    room = width - i;
    r += '\n' + ' '.repeat(i);
  }
  if (room < 24) return s.replaceAll('\n', r);
  const slop = 5;
  room -= slop;
  let [line, rest] = wrapN(room, slop, s);
  r += line.replaceAll('\n', '\n' + ' '.repeat(i));
  while (rest !== '') {
    [line, rest] = wrapN(room, slop, rest);
    r += '\n' + ' '.repeat(i) + line.replaceAll('\n', '\n' + ' '.repeat(i));
  }
  return r;
}

export function flagUsagesWrapped(specs: readonly FlagSpec[], cols: number): string {
  const lines: string[] = [];
  let maxlen = 0;
  const sorted = [...specs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const spec of sorted) {
    if (spec.hidden) continue;
    let line =
      spec.shorthand && !spec.shorthandDeprecated
        ? `  -${spec.shorthand}, --${spec.name}`
        : `      --${spec.name}`;
    const { name, usage } = unquoteUsage(spec);
    if (name) line += ' ' + name;
    if (spec.noOptDefVal !== undefined) {
      if (spec.type === 'string') line += `[="${spec.noOptDefVal}"]`;
      else if (spec.type === 'bool') {
        if (spec.noOptDefVal !== 'true') line += `[=${spec.noOptDefVal}]`;
      } else line += `[=${spec.noOptDefVal}]`;
    }
    line += '\x00';
    if (line.length > maxlen) maxlen = line.length;
    line += usage;
    if (!defaultIsZero(spec)) {
      line +=
        spec.type === 'string' ? ` (default ${goQuote(defValueOf(spec))})` : ` (default ${defValueOf(spec)})`;
    }
    if (spec.deprecated) line += ` (DEPRECATED: ${spec.deprecated})`;
    lines.push(line);
  }
  let out = '';
  for (const line of lines) {
    const sidx = line.indexOf('\x00');
    const spacing = ' '.repeat(maxlen - sidx);
    // fmt.Fprintln(buf, a, b, c) puts single spaces between operands
    out += line.slice(0, sidx) + ' ' + spacing + ' ' + wrap(maxlen + 2, cols, line.slice(sidx + 1)) + '\n';
  }
  return out;
}
