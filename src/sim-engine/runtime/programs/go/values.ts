/**
 * The Go subset's values, in golang/'s data model so that its fmt prints them as Go
 * does: int is a JS number, float64 a GoFloat64, string, bool, nil is null, a slice
 * is a JS array, a map a JS Map, a struct a plain object tagged with its type name
 * (fields in declaration order). Added here: pointers (GoPtr), functions (GoFunc),
 * several results (GoTuple), errors (GoError) and packages (GoPackage).
 */
import { GoFloat64, goFloat64, withGoType } from '../../../golang/index.ts';
import type { TypeExpr } from './ast.ts';

export type GoValue = unknown;

export class GoFunc {
  readonly name: string;
  readonly fn: (args: GoValue[]) => Promise<GoValue> | GoValue;
  constructor(name: string, fn: (args: GoValue[]) => Promise<GoValue> | GoValue) {
    this.name = name;
    this.fn = fn;
  }
}

export class GoTuple {
  readonly items: GoValue[];
  constructor(items: GoValue[]) {
    this.items = items;
  }
}

/** A pointer: to a struct (the object itself) or to a variable (get/set). */
export class GoPtr {
  readonly get: () => GoValue;
  readonly set: (v: GoValue) => void;
  constructor(get: () => GoValue, set: (v: GoValue) => void) {
    this.get = get;
    this.set = set;
  }
}

export class GoError {
  readonly #message: string;
  constructor(message: string) {
    this.#message = message;
  }
  Error(): string {
    return this.#message;
  }
}

export class GoPackage {
  readonly path: string;
  readonly members: Map<string, GoValue>;
  constructor(path: string, members: Record<string, GoValue>) {
    this.path = path;
    this.members = new Map(Object.entries(members));
  }
}

/** A Go panic travelling up the host stack. */
export class GoPanic extends Error {
  readonly value: GoValue;
  /** goroutine 1's frames where it was raised, innermost first */
  trace: { name: string; file: string; line: number; params: number }[] = [];
  constructor(value: GoValue) {
    super('panic');
    this.value = value;
  }
}

/** os.Exit / log.Fatal: the program ends with this status. */
export class GoExit extends Error {
  readonly code: number;
  constructor(code: number) {
    super('exit');
    this.code = code;
  }
}

const STRUCT_TYPE = new WeakMap<object, string>();
const MAP_ZERO = new WeakMap<Map<unknown, unknown>, () => GoValue>();

export function makeStruct(type: string, fields: [string, GoValue][]): Record<string, GoValue> {
  const o: Record<string, GoValue> = {};
  for (const [k, v] of fields) o[k] = v;
  STRUCT_TYPE.set(o, type);
  return withGoType(o, `main.${type}`);
}

export const structType = (v: GoValue): string | undefined =>
  typeof v === 'object' && v !== null ? STRUCT_TYPE.get(v) : undefined;

export function makeMap(zero: () => GoValue): Map<GoValue, GoValue> {
  const m = new Map<GoValue, GoValue>();
  MAP_ZERO.set(m, zero);
  return m;
}

export const mapZero = (m: Map<unknown, unknown>): GoValue => MAP_ZERO.get(m)?.() ?? null;

/** The zero value of a type (structs by the declared struct types). */
export function zeroOf(t: TypeExpr | undefined, types: Map<string, TypeExpr>): GoValue {
  if (!t) return null;
  switch (t.k) {
    case 'named': {
      const n = t.name;
      if (/^(u?int(8|16|32|64)?|byte|rune|uintptr)$/.test(n)) return 0;
      if (n === 'float64' || n === 'float32') return goFloat64(0);
      if (n === 'string') return '';
      if (n === 'bool') return false;
      if (n === 'sync.WaitGroup' || n === 'sync.Mutex' || n === 'sync.RWMutex') return syncValue(n);
      if (n === 'time.Duration') return 0;
      const decl = types.get(n);
      if (decl) {
        if (decl.k === 'struct')
          return makeStruct(
            n,
            decl.fields.map((f) => [f.name, zeroOf(f.type, types)]),
          );
        return zeroOf(decl, types);
      }
      return null;
    }
    case 'array':
      return Array.from({ length: Math.max(0, t.len) }, () => zeroOf(t.elem, types));
    case 'slice':
      return [];
    case 'struct':
      return makeStruct(
        'struct',
        t.fields.map((f) => [f.name, zeroOf(f.type, types)]),
      );
    default:
      return null;
  }
}

/** sync.WaitGroup and sync.Mutex, enough for goroutine tutorials. */
function syncValue(n: string): GoValue {
  if (n !== 'sync.WaitGroup') {
    const mu = {};
    Object.defineProperty(mu, 'Lock', { value: () => null });
    Object.defineProperty(mu, 'Unlock', { value: () => null });
    Object.defineProperty(mu, 'RLock', { value: () => null });
    Object.defineProperty(mu, 'RUnlock', { value: () => null });
    return mu;
  }
  let count = 0;
  let waiters: (() => void)[] = [];
  const wg = {};
  const add = (d: number) => {
    count += d;
    if (count <= 0) {
      count = 0;
      for (const w of waiters) w();
      waiters = [];
    }
    return null;
  };
  Object.defineProperty(wg, 'Add', { value: (d: GoValue) => add(Number(d)) });
  Object.defineProperty(wg, 'Done', { value: () => add(-1) });
  Object.defineProperty(wg, 'Wait', {
    value: () => (count === 0 ? null : new Promise<GoValue>((resolve) => waiters.push(() => resolve(null)))),
  });
  return wg;
}

export const isFloat = (v: GoValue): v is GoFloat64 => v instanceof GoFloat64;
export const num = (v: GoValue): number =>
  v instanceof GoFloat64 ? v.value : typeof v === 'number' ? v : Number(v);

/** A value as golang's fmt should see it: pointers to structs print as &{…}. */
export function printable(v: GoValue): GoValue {
  if (v instanceof GoPtr) {
    const target = v.get();
    if (structType(target) !== undefined) return { String: () => `&${fmtStruct(target)}` };
    return '0xc000012345';
  }
  if (v instanceof GoTuple) return v.items.map(printable);
  return v;
}

let fmtStruct: (v: GoValue) => string = () => '{}';
export function setStructFormatter(f: (v: GoValue) => string): void {
  fmtStruct = f;
}

/** A string's UTF-8 bytes (Go strings are bytes). */
export function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** Bytes back to a string (invalid sequences become U+FFFD). */
export function utf8Decode(bytes: number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 0;
    if (n === 0 || i + n > bytes.length) {
      out += '\ufffd';
      i++;
      continue;
    }
    let c = n === 1 ? b : b & (0xff >> (n + 1));
    for (let j = 1; j < n; j++) c = (c << 6) | (bytes[i + j]! & 63);
    out += String.fromCodePoint(c);
    i += n;
  }
  return out;
}
