/**
 * The standard-library packages of the Go subset: fmt, os, log, strings, strconv,
 * time, math, math/rand, errors, io, encoding/json (struct tags honoured), sync (its
 * types' zero values live in values.ts) and net/http (./nethttp.ts). Output goes to
 * the process's stdout/stderr; log lines carry the `2026/11/28 05:21:18 ` prefix.
 */
import type { ProcessContext } from '../../../process/types.ts';
import {
  formatGoDuration,
  goFloat64,
  goTime,
  marshal,
  marshalIndent,
  sprint,
  sprintf,
  sprintln,
} from '../../../golang/index.ts';
import { slashTime } from '../support/log-time.ts';
import type { GoInterp } from './interp.ts';
import { deref } from './interp.ts';
import { httpPackage } from './nethttp.ts';
import {
  GoError,
  GoExit,
  GoFunc,
  GoPackage,
  GoPtr,
  GoTuple,
  num,
  printable,
  structType,
  utf8Bytes,
  utf8Decode,
} from './values.ts';
import type { GoValue } from './values.ts';

export interface GoHost {
  ctx: ProcessContext;
  interp: () => GoInterp;
  /** the program's path and arguments (os.Args) */
  args: string[];
}

const f = (name: string, fn: (args: GoValue[]) => GoValue | Promise<GoValue>) => new GoFunc(name, fn);
const text = (v: GoValue): string => (Array.isArray(v) ? utf8Decode(v as number[]) : String(v));

/** Something with a Write method (a ResponseWriter, os.Stdout, a strings.Builder). */
async function writeTo(w: GoValue, s: string): Promise<void> {
  const target = deref(w) as { Write?: (b: GoValue) => unknown } | null;
  if (target && typeof target.Write === 'function') await target.Write(utf8Bytes(s));
}

function writer(write: (s: string) => void): GoValue {
  const w = {};
  Object.defineProperty(w, 'Write', {
    value: (b: GoValue) => (write(text(b)), new GoTuple([text(b).length, null])),
  });
  Object.defineProperty(w, 'WriteString', {
    value: (s: GoValue) => (write(String(s)), new GoTuple([String(s).length, null])),
  });
  return w;
}

const args = (a: GoValue[]) => a.map(printable);

/** A value as encoding/json sees it: structs by their fields' tags. */
export function jsonValue(interp: GoInterp, v: GoValue): unknown {
  v = deref(v);
  const type = structType(v);
  if (type !== undefined) {
    const decl = interp.types.get(type);
    const out: Record<string, unknown> = {};
    const fields =
      decl?.k === 'struct' ? decl.fields : Object.keys(v as object).map((name) => ({ name, tag: undefined }));
    for (const field of fields) {
      if (!/^[A-Z]/.test(field.name)) continue;
      const tag = /json:"([^"]*)"/.exec(field.tag ?? '')?.[1];
      if (tag === '-') continue;
      const [name, ...opts] = (tag ?? '').split(',');
      const value = (v as Record<string, GoValue>)[field.name];
      if (
        opts.includes('omitempty') &&
        (value === '' ||
          value === 0 ||
          value === false ||
          value === null ||
          (Array.isArray(value) && !value.length))
      )
        continue;
      out[name || field.name] = jsonValue(interp, value);
    }
    return out;
  }
  if (Array.isArray(v)) return v.map((x) => jsonValue(interp, x));
  if (v instanceof Map) return new Map([...v].map(([k, x]) => [k, jsonValue(interp, x)]));
  return v;
}

/** Fill a struct (through its pointer) from decoded JSON, matching tags or names case-insensitively. */
export function fillFrom(interp: GoInterp, target: GoValue, data: unknown): void {
  const v = deref(target);
  const type = structType(v);
  if (type === undefined || typeof data !== 'object' || data === null) {
    if (target instanceof GoPtr) target.set(data as GoValue);
    return;
  }
  const decl = interp.types.get(type);
  if (decl?.k !== 'struct') return;
  for (const field of decl.fields) {
    const tag = /json:"([^",]*)/.exec(field.tag ?? '')?.[1] || field.name;
    const key = Object.keys(data).find((k) => k.toLowerCase() === tag.toLowerCase());
    if (key === undefined) continue;
    let value = (data as Record<string, unknown>)[key] as GoValue;
    if (field.type.k === 'named' && field.type.name.startsWith('float') && typeof value === 'number')
      value = goFloat64(value);
    (v as Record<string, GoValue>)[field.name] = value;
  }
}

export function standardPackage(host: GoHost, path: string): GoPackage | undefined {
  const { ctx } = host;
  const out = (s: string) => ctx.stdout.write(s);
  const err = (s: string) => ctx.stderr.write(s);
  let logFlags = 3;
  let logPrefix = '';
  const logLine = (s: string) =>
    err(`${logPrefix}${logFlags ? `${slashTime(ctx.now())} ` : ''}${s.endsWith('\n') ? s : `${s}\n`}`);
  const fatal = (s: string) => {
    logLine(s);
    throw new GoExit(1);
  };
  switch (path) {
    case 'fmt':
      return new GoPackage(path, {
        Println: f('Println', (a) => (out(sprintln(...args(a))), null)),
        Printf: f('Printf', ([fmt, ...a]) => (out(sprintf(String(fmt), ...args(a))), null)),
        Print: f('Print', (a) => (out(sprint(...args(a))), null)),
        Sprintf: f('Sprintf', ([fmt, ...a]) => sprintf(String(fmt), ...args(a))),
        Sprint: f('Sprint', (a) => sprint(...args(a))),
        Sprintln: f('Sprintln', (a) => sprintln(...args(a))),
        Errorf: f(
          'Errorf',
          ([fmt, ...a]) => new GoError(sprintf(String(fmt).replace(/%w/g, '%v'), ...args(a))),
        ),
        Fprintf: f(
          'Fprintf',
          async ([w, fmt, ...a]) => (await writeTo(w, sprintf(String(fmt), ...args(a))), null),
        ),
        Fprintln: f('Fprintln', async ([w, ...a]) => (await writeTo(w, sprintln(...args(a))), null)),
        Fprint: f('Fprint', async ([w, ...a]) => (await writeTo(w, sprint(...args(a))), null)),
      });
    case 'os':
      return new GoPackage(path, {
        Getenv: f('Getenv', ([k]) => ctx.env.get(String(k)) ?? ''),
        LookupEnv: f(
          'LookupEnv',
          ([k]) => new GoTuple([ctx.env.get(String(k)) ?? '', ctx.env.has(String(k))]),
        ),
        Environ: f('Environ', () => [...ctx.env].map(([k, v]) => `${k}=${v}`)),
        Hostname: f('Hostname', () => new GoTuple([ctx.hostname, null])),
        Getpid: f('Getpid', () => ctx.pid),
        Exit: f('Exit', ([code]) => {
          throw new GoExit(num(code));
        }),
        Args: host.args,
        Stdout: writer(out),
        Stderr: writer(err),
        ReadFile: f('ReadFile', ([p]) => {
          try {
            return new GoTuple([utf8Bytes(ctx.fs.readFile(String(p))), null]);
          } catch {
            return new GoTuple([[], new GoError(`open ${String(p)}: no such file or directory`)]);
          }
        }),
        WriteFile: f('WriteFile', ([p, data]) => (ctx.fs.writeFile(String(p), text(data)), null)),
      });
    case 'log':
      return new GoPackage(path, {
        Println: f('Println', (a) => (logLine(sprintln(...args(a))), null)),
        Printf: f('Printf', ([fmt, ...a]) => (logLine(sprintf(String(fmt), ...args(a))), null)),
        Print: f('Print', (a) => (logLine(sprint(...args(a))), null)),
        Fatal: f('Fatal', (a) => fatal(sprint(...args(a)))),
        Fatalf: f('Fatalf', ([fmt, ...a]) => fatal(sprintf(String(fmt), ...args(a)))),
        Fatalln: f('Fatalln', (a) => fatal(sprintln(...args(a)))),
        SetFlags: f('SetFlags', ([n]) => ((logFlags = num(n)), null)),
        SetPrefix: f('SetPrefix', ([p]) => ((logPrefix = String(p)), null)),
        LstdFlags: 3,
      });
    case 'strings':
      return new GoPackage(path, {
        Contains: f('Contains', ([s, x]) => String(s).includes(String(x))),
        HasPrefix: f('HasPrefix', ([s, x]) => String(s).startsWith(String(x))),
        HasSuffix: f('HasSuffix', ([s, x]) => String(s).endsWith(String(x))),
        ToUpper: f('ToUpper', ([s]) => String(s).toUpperCase()),
        ToLower: f('ToLower', ([s]) => String(s).toLowerCase()),
        TrimSpace: f('TrimSpace', ([s]) => String(s).trim()),
        TrimPrefix: f('TrimPrefix', ([s, x]) =>
          String(s).startsWith(String(x)) ? String(s).slice(String(x).length) : s,
        ),
        TrimSuffix: f('TrimSuffix', ([s, x]) =>
          String(x) && String(s).endsWith(String(x)) ? String(s).slice(0, -String(x).length) : s,
        ),
        Split: f('Split', ([s, sep]) => String(s).split(String(sep))),
        Join: f('Join', ([a, sep]) => ((a as string[] | null) ?? []).join(String(sep))),
        Repeat: f('Repeat', ([s, n]) => String(s).repeat(num(n))),
        ReplaceAll: f('ReplaceAll', ([s, a, b]) => String(s).split(String(a)).join(String(b))),
        Replace: f('Replace', ([s, a, b, n]) => {
          let count = num(n);
          return String(s)
            .split(String(a))
            .reduce(
              (acc, part, i) => (i === 0 ? part : acc + (count-- !== 0 ? String(b) : String(a)) + part),
              '',
            );
        }),
        Fields: f('Fields', ([s]) => String(s).split(/\s+/).filter(Boolean)),
        Index: f('Index', ([s, x]) => String(s).indexOf(String(x))),
        Count: f('Count', ([s, x]) => String(s).split(String(x)).length - 1),
        EqualFold: f('EqualFold', ([a, b]) => String(a).toLowerCase() === String(b).toLowerCase()),
        Title: f('Title', ([s]) => String(s).replace(/\b\w/g, (c) => c.toUpperCase())),
      });
    case 'strconv':
      return new GoPackage(path, {
        Itoa: f('Itoa', ([n]) => String(num(n))),
        Atoi: f('Atoi', ([s]) =>
          /^[-+]?\d+$/.test(String(s))
            ? new GoTuple([Number(s), null])
            : new GoTuple([
                0,
                new GoError(`strconv.Atoi: parsing ${JSON.stringify(String(s))}: invalid syntax`),
              ]),
        ),
        ParseFloat: f('ParseFloat', ([s]) =>
          Number.isNaN(Number(s)) || String(s).trim() === ''
            ? new GoTuple([
                goFloat64(0),
                new GoError(`strconv.ParseFloat: parsing ${JSON.stringify(String(s))}: invalid syntax`),
              ])
            : new GoTuple([goFloat64(Number(s)), null]),
        ),
        ParseBool: f(
          'ParseBool',
          ([s]) => new GoTuple([['1', 't', 'T', 'true', 'TRUE', 'True'].includes(String(s)), null]),
        ),
        FormatInt: f('FormatInt', ([n, base]) => num(n).toString(num(base))),
        Quote: f('Quote', ([s]) => JSON.stringify(String(s))),
      });
    case 'time': {
      const now = () => {
        const t = goTime(ctx.now());
        return t;
      };
      return new GoPackage(path, {
        Nanosecond: 1,
        Microsecond: 1e3,
        Millisecond: 1e6,
        Second: 1e9,
        Minute: 6e10,
        Hour: 3.6e12,
        RFC3339: '2006-01-02T15:04:05Z07:00',
        Kitchen: '3:04PM',
        Sleep: f('Sleep', async ([d]) => (await ctx.sleep(num(d) / 1e6), null)),
        Now: f('Now', () => now()),
        Since: f('Since', ([t]) => {
          const ms = ctx.now() - (t as { UnixMilli(): number }).UnixMilli();
          return { String: () => formatGoDuration(BigInt(ms) * 1_000_000n) };
        }),
        Duration: f('Duration', ([n]) => num(n)),
      });
    }
    case 'math':
      return new GoPackage(path, {
        Pi: goFloat64(Math.PI),
        Sqrt: f('Sqrt', ([x]) => goFloat64(Math.sqrt(num(x)))),
        Pow: f('Pow', ([x, y]) => goFloat64(num(x) ** num(y))),
        Floor: f('Floor', ([x]) => goFloat64(Math.floor(num(x)))),
        Ceil: f('Ceil', ([x]) => goFloat64(Math.ceil(num(x)))),
        Round: f('Round', ([x]) => goFloat64(Math.round(num(x)))),
        Abs: f('Abs', ([x]) => goFloat64(Math.abs(num(x)))),
        Max: f('Max', ([x, y]) => goFloat64(Math.max(num(x), num(y)))),
        Min: f('Min', ([x, y]) => goFloat64(Math.min(num(x), num(y)))),
        MaxInt: Number.MAX_SAFE_INTEGER,
      });
    case 'math/rand':
      return new GoPackage(path, {
        Intn: f('Intn', ([n]) => Math.floor(ctx.random() * num(n))),
        Float64: f('Float64', () => goFloat64(ctx.random())),
        Seed: f('Seed', () => null),
      });
    case 'errors':
      return new GoPackage(path, {
        New: f('New', ([m]) => new GoError(String(m))),
        Is: f('Is', ([a, b]) => a === b),
      });
    case 'io':
      return new GoPackage(path, {
        WriteString: f(
          'WriteString',
          async ([w, s]) => (await writeTo(w, String(s)), new GoTuple([String(s).length, null])),
        ),
        ReadAll: f('ReadAll', ([r]) => {
          const body = deref(r) as { text?: string } | null;
          return new GoTuple([utf8Bytes(body?.text ?? ''), null]);
        }),
      });
    case 'encoding/json': {
      const interp = host.interp;
      const encode = (v: GoValue) => marshal(jsonValue(interp(), v));
      return new GoPackage(path, {
        Marshal: f('Marshal', ([v]) => new GoTuple([utf8Bytes(encode(v)), null])),
        MarshalIndent: f(
          'MarshalIndent',
          ([v, prefix, indent]) =>
            new GoTuple([
              utf8Bytes(marshalIndent(jsonValue(interp(), v), String(prefix), String(indent))),
              null,
            ]),
        ),
        Unmarshal: f('Unmarshal', ([data, target]) => {
          try {
            fillFrom(interp(), target, JSON.parse(text(data)));
            return null;
          } catch {
            return new GoError('invalid character looking for beginning of value');
          }
        }),
        NewEncoder: f('NewEncoder', ([w]) => {
          const enc = {};
          Object.defineProperty(enc, 'Encode', {
            value: async (v: GoValue) => (await writeTo(w, `${encode(v)}\n`), null),
          });
          return enc;
        }),
        NewDecoder: f('NewDecoder', ([r]) => {
          const dec = {};
          Object.defineProperty(dec, 'Decode', {
            value: (target: GoValue) => {
              const body = (deref(r) as { text?: string } | null)?.text ?? '';
              if (!body.trim()) return new GoError('EOF');
              try {
                fillFrom(interp(), target, JSON.parse(body));
                return null;
              } catch {
                return new GoError('invalid character looking for beginning of value');
              }
            },
          });
          return dec;
        }),
      });
    }
    case 'sync':
      return new GoPackage(path, {});
    case 'net/http':
      return httpPackage(host);
    default:
      return undefined;
  }
}
