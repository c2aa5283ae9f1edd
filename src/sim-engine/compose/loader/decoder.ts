/**
 * What docker/cli's loader.Transform does with a validated dict: go-viper/mapstructure
 * v2 decoding into the compose types, with the loader's transform hooks (a string
 * `command` split like a shell, `memory: 50M` in bytes, `10s` in nanoseconds, short
 * port and volume syntax expanded, lists and mappings of `KEY=value` made one). The
 * schema has already refused wrong types; what is left to fail is what the hooks and
 * mapstructure check themselves, reported as mapstructure does:
 *
 *     decoding failed due to the following error(s):
 *
 *     cannot parse 'Deploy.Replicas', -1 overflows uint
 *
 * Field names are the Go struct's (`Deploy.Replicas`) or its mapstructure tag
 * (`Deploy.Resources.Limits.memory`).
 */
import { GoFloat64, GoTime, formatFloat, parseGoDuration, ramInBytes, sprint } from '../../golang/index.ts';
import { shlexSplit } from '../../cli/commands/opts/shlex.ts';
import type { YamlValue } from '../yaml/index.ts';

export type Dict = Record<string, YamlValue>;

export class DecodeError extends Error {
  constructor(errors: string[]) {
    super(`decoding failed due to the following error(s):\n\n${errors.join('\n')}`);
  }
}

export const isDict = (v: unknown): v is Dict =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === null;

/** fmt.Sprint of a decoded scalar (a float64 prints `1e+06`, an int `1000000`). */
export function goString(v: YamlValue): string {
  if (v instanceof GoFloat64) return formatFloat(v.value, 'g', -1);
  if (v instanceof GoTime) return v.String();
  return sprint(v);
}

/** A struct being decoded: its dict and the mapstructure name of the struct. */
export class Struct {
  readonly dict: Dict;
  readonly name: string;
  readonly errors: string[];

  constructor(dict: Dict | null | undefined, name: string, errors: string[]) {
    this.dict = dict ?? (Object.create(null) as Dict);
    this.name = name;
    this.errors = errors;
  }

  /** The value of a field, found as mapstructure finds it: the exact key, else any case. */
  raw(key: string): YamlValue | undefined {
    if (Object.hasOwn(this.dict, key)) return this.dict[key];
    const lower = key.toLowerCase();
    const k = Object.keys(this.dict).find((x) => x.toLowerCase() === lower);
    return k === undefined ? undefined : this.dict[k];
  }

  path(field: string): string {
    return this.name === '' ? field : `${this.name}.${field}`;
  }

  /** A nested struct (nil gives its zero value). */
  struct(field: string, key = field): Struct | undefined {
    const v = this.raw(key);
    if (v === undefined) return undefined;
    return new Struct(isDict(v) ? v : null, this.path(field), this.errors);
  }

  string(key: string): string | undefined {
    const v = this.raw(key);
    if (v === undefined || v === null) return undefined;
    return typeof v === 'string' ? v : goString(v);
  }

  bool(key: string): boolean | undefined {
    const v = this.raw(key);
    return typeof v === 'boolean' ? v : undefined;
  }

  number(key: string): number | undefined {
    const v = this.raw(key);
    if (typeof v === 'number') return v;
    if (typeof v === 'bigint') return Number(v);
    if (v instanceof GoFloat64) return v.value;
    return undefined;
  }

  /** An int field: a float is truncated, as mapstructure's decodeInt does. */
  int(key: string): number | undefined {
    const n = this.number(key);
    return n === undefined ? undefined : Math.trunc(n);
  }

  /** A uint field: a negative number is `cannot parse '<field>', -1 overflows uint`. */
  uint(field: string, key = field): number | undefined {
    const v = this.raw(key);
    const n = this.number(key);
    if (n === undefined) return undefined;
    if (n < 0) {
      const shown = v instanceof GoFloat64 ? n.toFixed(6) : String(n);
      this.errors.push(`cannot parse '${this.path(field)}', ${shown} overflows uint`);
      return undefined;
    }
    return Math.trunc(n);
  }

  /** A field with a transform hook: its error is `error decoding '<field>': <err>`. */
  hook<T>(field: string, key: string, fn: (v: YamlValue) => T): T | undefined {
    const v = this.raw(key);
    if (v === undefined || v === null) return undefined;
    try {
      return fn(v);
    } catch (err) {
      this.errors.push(`error decoding '${this.path(field)}': ${(err as Error).message}`);
      return undefined;
    }
  }

  /** types.Duration (transformStringToDuration) */
  duration(field: string, key = field): number | undefined {
    return this.hook(field, key, (v) => {
      if (typeof v !== 'string') throw new Error(`invalid type ${goTypeName(v)} for duration`);
      return Number(parseGoDuration(v));
    });
  }

  /** types.UnitBytes (transformSize) */
  size(field: string, key = field): number | undefined {
    return this.hook(field, key, (v) => (typeof v === 'string' ? ramInBytes(v) : Number(v)));
  }

  /** types.ShellCommand (transformShellCommand) */
  shellCommand(field: string, key = field): string[] | undefined {
    return this.hook(field, key, (v) => (typeof v === 'string' ? shlexSplit(v) : stringList(v)));
  }

  /** types.StringList (transformStringList): a string is a list of one */
  stringList(key: string): string[] | undefined {
    const v = this.raw(key);
    if (v === undefined || v === null) return undefined;
    return typeof v === 'string' ? [v] : stringList(v);
  }

  /** []string */
  strings(key: string): string[] | undefined {
    const v = this.raw(key);
    if (v === undefined || v === null) return undefined;
    return stringList(v);
  }

  /** map[string]string (transformMapStringString): values printed with fmt.Sprint, nil as "" */
  mapStringString(key: string): Record<string, string> | undefined {
    const v = this.raw(key);
    if (!isDict(v)) return undefined;
    const out: Record<string, string> = {};
    for (const [k, x] of Object.entries(v)) out[k] = x === null ? '' : goString(x);
    return out;
  }

  /** types.Labels / types.Mapping (transformMappingOrList with `=`, no nil) */
  mapping(key: string): Record<string, string> | undefined {
    const v = this.raw(key);
    if (v === undefined || v === null) return undefined;
    if (isDict(v)) return this.mapStringString(key);
    const out: Record<string, string> = {};
    for (const item of Array.isArray(v) ? v : []) {
      const s = String(item);
      const eq = s.indexOf('=');
      out[eq < 0 ? s : s.slice(0, eq)] = eq < 0 ? '' : s.slice(eq + 1);
    }
    return out;
  }
}

function stringList(v: YamlValue): string[] {
  return Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : goString(x))) : [];
}

/** %T of a decoded value, for hook errors */
export function goTypeName(v: YamlValue): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number' || typeof v === 'bigint') return 'int';
  if (typeof v === 'boolean') return 'bool';
  if (v instanceof GoFloat64) return 'float64';
  if (v instanceof GoTime) return 'time.Time';
  if (Array.isArray(v)) return '[]interface {}';
  if (v === null) return '<nil>';
  return 'map[string]interface {}';
}
