/**
 * Flags with pflag's rules, as cobra gives them to docker: `--name value`,
 * `--name=value`, `-n value`, `-nvalue`, `-n=value`, combined booleans `-dit`,
 * repeated list flags, `--` to end flags, and (for run/create/exec) no flags after the
 * first argument. Errors carry pflag's exact texts; the caller adds the usage lines.
 *
 * A flag's `type` is its pflag Value.Type() (what help shows after the name), its
 * `defValue` the DefValue string pflag keeps for help's "(default …)".
 */
import {
  goQuote,
  parseGoBool,
  parseGoDuration,
  parseGoFloat,
  parseGoInt,
  parseGoUint,
} from './flag-values.ts';

export type FlagType =
  | 'bool'
  | 'string'
  | 'int'
  | 'int64'
  | 'uint16'
  | 'uint64'
  | 'float64'
  | 'duration'
  /** docker opts.ListOpts and friends: repeatable, kept in order */
  | 'list'
  | 'stringSlice'
  | 'stringArray'
  /** opts.MapOpts (key=value, repeatable) */
  | 'map'
  /** opts.FilterOpt (key=value, repeatable) */
  | 'filter'
  /** opts.MemBytes */
  | 'bytes'
  /** opts.NanoCPUs */
  | 'decimal'
  /** any other docker option type; parsed as a repeatable list */
  | string;

export interface FlagSpec {
  name: string;
  shorthand?: string;
  type: FlagType;
  usage: string;
  /** pflag's DefValue (as help prints it); '' or per-type zero when absent */
  defValue?: string;
  /** value used when the flag is given without one (bools: "true") */
  noOptDefVal?: string;
  hidden?: boolean;
  deprecated?: string;
  /** pflag MarkShorthandDeprecated: the short form still works, with a notice */
  shorthandDeprecated?: string;
  /**
   * pflag flag annotations docker reads: `version` (minimum API version), `ostype`,
   * `experimental`, `swarm` — hideUnsupportedFeatures hides the flag in help and
   * areFlagsSupported rejects it when the daemon lacks the feature.
   */
  annotations?: Record<string, string[]>;
  /**
   * parse/validate one occurrence; throw an Error whose message pflag shows after
   * "flag: ". `previous` is the value so far when the flag was already given (a Value.Set
   * that depends on earlier ones, like 28.5's `-H`). For a repeatable flag, returning
   * undefined adds nothing (opts.FilterOpt ignores an empty `--filter ""`).
   */
  parse?: (raw: string, previous?: unknown) => unknown;
  /** the flag accumulates occurrences (lists) rather than replacing */
  repeatable?: boolean;
}

export class FlagError extends Error {
  /** pflag ErrHelp: the user asked for help */
  readonly help: boolean;
  constructor(message: string, help = false) {
    super(message);
    this.help = help;
  }
}

const REPEATABLE = new Set(['list', 'stringSlice', 'stringArray', 'map', 'filter']);
const ZERO_DEFAULTS: Record<string, string> = {
  bool: 'false',
  int: '0',
  int64: '0',
  uint: '0',
  uint16: '0',
  uint32: '0',
  uint64: '0',
  float64: '0',
  duration: '0s',
  stringSlice: '[]',
  stringArray: '[]',
};

export function isRepeatable(spec: FlagSpec): boolean {
  return spec.repeatable ?? REPEATABLE.has(spec.type);
}

export function defValueOf(spec: FlagSpec): string {
  return spec.defValue ?? ZERO_DEFAULTS[spec.type] ?? '';
}

function parseOne(spec: FlagSpec, raw: string, previous: unknown): unknown {
  if (spec.parse) return spec.parse(raw, previous);
  switch (spec.type) {
    case 'bool':
      return parseGoBool(raw);
    case 'int':
    case 'int64':
      return parseGoInt(raw, 64);
    case 'uint16':
      return parseGoUint(raw, 16);
    case 'uint32':
      return parseGoUint(raw, 32);
    case 'uint':
    case 'uint64':
      return parseGoUint(raw, 64);
    case 'float64':
      return parseGoFloat(raw);
    case 'duration':
      return parseGoDuration(raw);
    case 'stringSlice':
      return raw === '' ? [] : raw.split(',');
    default:
      return raw;
  }
}

function initialValue(spec: FlagSpec): unknown {
  if (isRepeatable(spec)) return [];
  const def = defValueOf(spec);
  switch (spec.type) {
    case 'bool':
      return def === 'true';
    case 'int':
    case 'int64':
    case 'uint':
    case 'uint16':
    case 'uint32':
    case 'uint64':
    case 'float64':
    case 'float':
    case 'bytes':
    case 'decimal':
      // docker's opts.MemBytes and opts.NanoCPUs hold numbers too
      return Number(def) || 0;
    case 'duration':
      return def === '0s' || def === '' ? 0 : parseGoDuration(def);
    default:
      return def;
  }
}

const initialValues = new WeakMap<readonly FlagSpec[], ReadonlyMap<string, unknown>>();

/** The parsed flags of one command: values by long name, and which were set by the user. */
export class FlagValues {
  /** the defaults, one map per flag list shared by every parse (`docker run` has ~100) */
  readonly #defaults: ReadonlyMap<string, unknown>;
  /** what the command line set */
  readonly #values = new Map<string, unknown>();
  readonly changed = new Set<string>();

  constructor(specs: readonly FlagSpec[]) {
    let initial = initialValues.get(specs);
    if (!initial) {
      // frozen, so a command that changed a default list in place would fail loudly
      initial = new Map(specs.map((s) => [s.name, Object.freeze(initialValue(s))] as const));
      initialValues.set(specs, initial);
    }
    // lists are copied when a flag is set, never changed in place: sharing them is safe
    this.#defaults = initial;
  }

  get<T = unknown>(name: string): T {
    const value = this.#values.get(name);
    if (value !== undefined || this.#values.has(name)) return value as T;
    return this.#defaults.get(name) as T;
  }
  bool(name: string): boolean {
    return this.get<boolean>(name) === true;
  }
  string(name: string): string {
    return this.get<string>(name) ?? '';
  }
  number(name: string): number {
    return this.get<number>(name) ?? 0;
  }
  list(name: string): string[] {
    return this.get<string[]>(name) ?? [];
  }
  has(name: string): boolean {
    return this.changed.has(name);
  }

  /** @internal */
  set(spec: FlagSpec, raw: string): void {
    let parsed: unknown;
    try {
      parsed = parseOne(spec, raw, this.changed.has(spec.name) ? this.get(spec.name) : undefined);
    } catch (err) {
      const flagName = spec.shorthand ? `-${spec.shorthand}, --${spec.name}` : `--${spec.name}`;
      const reason = err instanceof Error ? err.message : String(err);
      throw new FlagError(`invalid argument ${goQuote(raw)} for ${goQuote(flagName)} flag: ${reason}`);
    }
    if (isRepeatable(spec)) {
      if (parsed === undefined) {
        this.changed.add(spec.name);
        return;
      }
      const current = this.changed.has(spec.name) ? this.get<unknown[]>(spec.name) : [];
      this.#values.set(
        spec.name,
        Array.isArray(parsed) && spec.type === 'stringSlice' ? [...current, ...parsed] : [...current, parsed],
      );
    } else {
      this.#values.set(spec.name, parsed);
    }
    this.changed.add(spec.name);
  }
}

export interface ParseResult {
  values: FlagValues;
  args: string[];
  /** index in args where `--` was seen, or -1 */
  argsLenAtDash: number;
}

/**
 * Parse `argv` against `specs`. With `interspersed` false, the first non-flag argument
 * and everything after it are arguments (docker run IMAGE CMD --flags-for-cmd).
 * Deprecation notices go to `warn` as pflag prints them.
 */
export function parseFlags(
  specs: readonly FlagSpec[],
  argv: readonly string[],
  options: { interspersed?: boolean; warn?: (text: string) => void } = {},
): ParseResult {
  const interspersed = options.interspersed ?? true;
  const { byName, byShort } = indexOf(specs);
  const values = new FlagValues(specs);
  const args: string[] = [];
  let argsLenAtDash = -1;
  const rest = [...argv];

  const apply = (spec: FlagSpec, raw: string, asShort: boolean) => {
    if (spec.deprecated) options.warn?.(`Flag --${spec.name} has been deprecated, ${spec.deprecated}\n`);
    if (asShort && spec.shorthandDeprecated) {
      options.warn?.(`Flag shorthand -${spec.shorthand} has been deprecated, ${spec.shorthandDeprecated}\n`);
    }
    values.set(spec, raw);
  };

  while (rest.length > 0) {
    const s = rest.shift()!;
    if (s.length === 0 || s[0] !== '-' || s.length === 1) {
      args.push(s);
      if (!interspersed) {
        args.push(...rest);
        break;
      }
      continue;
    }
    if (s[1] === '-') {
      if (s.length === 2) {
        argsLenAtDash = args.length;
        args.push(...rest);
        break;
      }
      const body = s.slice(2);
      if (body[0] === '-' || body[0] === '=') throw new FlagError(`bad flag syntax: ${s}`);
      const eq = body.indexOf('=');
      const name = eq >= 0 ? body.slice(0, eq) : body;
      const spec = byName.get(name);
      if (!spec) {
        throw new FlagError(`unknown flag: --${name}`);
      }
      let raw: string;
      if (eq >= 0) raw = body.slice(eq + 1);
      else if (noOpt(spec) !== undefined) raw = noOpt(spec)!;
      else if (rest.length > 0) raw = rest.shift()!;
      else throw new FlagError(`flag needs an argument: ${s}`);
      apply(spec, raw, false);
      continue;
    }
    // one or more shorthands: -dit, -p8080:80, -e=X, -e X
    let shorts = s.slice(1);
    while (shorts.length > 0) {
      const c = shorts[0]!;
      const spec = byShort.get(c);
      if (!spec) {
        throw new FlagError(`unknown shorthand flag: '${c}' in -${shorts}`);
      }
      let raw: string;
      let next = shorts.slice(1);
      if (shorts.length > 2 && shorts[1] === '=') {
        raw = shorts.slice(2);
        next = '';
      } else if (noOpt(spec) !== undefined) {
        raw = noOpt(spec)!;
      } else if (shorts.length > 1) {
        raw = shorts.slice(1);
        next = '';
      } else if (rest.length > 0) {
        raw = rest.shift()!;
      } else {
        throw new FlagError(`flag needs an argument: '${c}' in -${shorts}`);
      }
      apply(spec, raw, true);
      shorts = next;
    }
  }
  return { values, args, argsLenAtDash };
}

/** A command's flags by name and shorthand, built once per flag list. */
const indexes = new WeakMap<
  readonly FlagSpec[],
  { byName: Map<string, FlagSpec>; byShort: Map<string, FlagSpec> }
>();

function indexOf(specs: readonly FlagSpec[]) {
  let index = indexes.get(specs);
  if (!index) {
    index = {
      byName: new Map(specs.map((s) => [s.name, s])),
      byShort: new Map(specs.filter((s) => s.shorthand).map((s) => [s.shorthand!, s])),
    };
    indexes.set(specs, index);
  }
  return index;
}

function noOpt(spec: FlagSpec): string | undefined {
  if (spec.noOptDefVal !== undefined) return spec.noOptDefVal;
  return spec.type === 'bool' ? 'true' : undefined;
}
