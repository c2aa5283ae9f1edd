/**
 * gopkg.in/yaml.v3 v3.0.1 encode.go and sorter.go: how the Encoder turns Go values into
 * the nodes emit.ts writes — which style a string asks for (stringv), how numbers are
 * spelled (intv, floatv), the order of a map's keys (keyList), and `omitempty`. The Go
 * structs themselves are spelled out by their callers (config-yaml.ts), field by field.
 */
import { formatFloat, GoFloat64, GoTime, RFC3339Nano } from '../../golang/index.ts';
import type { EmitNode } from './emit.ts';
import type { YamlValue } from './decode.ts';
import { resolve, STR } from './resolve.ts';
import { isDict } from './index.ts';

const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const OLD_BOOLS = new Set([
  'y',
  'Y',
  'yes',
  'Yes',
  'YES',
  'on',
  'On',
  'ON',
  'n',
  'N',
  'no',
  'No',
  'NO',
  'off',
  'Off',
  'OFF',
]);

/** isBase60Float: YAML 1.1's `1:20` floats are quoted for YAML 1.1 readers. */
function isBase60Float(s: string): boolean {
  if (s === '' || !/^[-+0-9]/.test(s) || !s.includes(':')) return false;
  return BASE60_FLOAT.test(s);
}

function resolvesToString(s: string): boolean {
  try {
    return resolve('', s)[0] === STR;
  } catch {
    return false;
  }
}

/** stringv: plain unless the text would read back as something else; literal when it has a `\n`. */
export function str(s: string): EmitNode {
  const canUsePlain = resolvesToString(s) && !(isBase60Float(s) || OLD_BOOLS.has(s));
  const style = s.includes('\n') ? 'literal' : canUsePlain ? 'plain' : 'double';
  return { kind: 'scalar', value: s, style };
}

export function plain(text: string): EmitNode {
  return { kind: 'scalar', value: text, style: 'plain' };
}

/** intv, uintv */
export const int = (n: number | bigint): EmitNode => plain(String(n));

/** boolv */
export const bool = (b: boolean): EmitNode => plain(b ? 'true' : 'false');

/** nilv */
export const nil = (): EmitNode => plain('null');

function specialFloat(s: string): string {
  return s === '+Inf' ? '.inf' : s === '-Inf' ? '-.inf' : s === 'NaN' ? '.nan' : s;
}

/** floatv of a float64: strconv.FormatFloat(f, 'g', -1, 64). */
export const float64 = (f: number): EmitNode => plain(specialFloat(formatFloat(f, 'g', -1)));

/**
 * floatv of a float32: the shortest decimal that reads back as the same float32, in the
 * 'g' layout. A decimal of at most 9 digits is exact in a float64, so its shortest float64
 * spelling is the same digits.
 */
export function float32(f: number): EmitNode {
  const x = Math.fround(f);
  if (!Number.isFinite(x) || x === 0) return float64(x);
  for (let p = 1; p <= 9; p++) {
    const d = Number(x.toPrecision(p));
    if (Math.fround(d) === x) return float64(d);
  }
  return float64(x);
}

export function seq(items: EmitNode[]): EmitNode {
  return { kind: 'seq', items };
}

/** A struct: its fields in declaration order, `undefined` for one left out (omitempty). */
export function struct(fields: [string, EmitNode | undefined][]): EmitNode {
  return { kind: 'map', pairs: fields.filter(([, v]) => v !== undefined).map(([k, v]) => [str(k), v!]) };
}

/** A Go key as keyList sees it: its reflect.Kind and value. */
type Key = { kind: number; value: unknown };

// reflect.Kind numbers, which order keys of different kinds
const BOOL = 1;
const INT = 2;
const UINT64 = 11;
const FLOAT64 = 14;
const INTERFACE = 20;
const STRING = 24;

function keyOf(v: unknown): Key {
  if (typeof v === 'string') return { kind: STRING, value: v };
  if (typeof v === 'boolean') return { kind: BOOL, value: v };
  if (typeof v === 'number') return { kind: INT, value: v };
  if (typeof v === 'bigint') return { kind: v > 9223372036854775807n ? UINT64 : INT, value: v };
  if (v instanceof GoFloat64) return { kind: FLOAT64, value: v.value };
  return { kind: INTERFACE, value: v };
}

function keyFloat(k: Key): number | undefined {
  if (k.kind === BOOL) return k.value ? 1 : 0;
  if (k.kind === INT || k.kind === UINT64 || k.kind === FLOAT64) return Number(k.value);
  return undefined;
}

const isLetter = (ch: string): boolean => /\p{L}/u.test(ch);
const isDigit = (ch: string): boolean => /\p{Nd}/u.test(ch);

/** keyList.Less: numbers by value, then strings with runs of digits compared as numbers. */
export function keyLess(av: unknown, bv: unknown): boolean {
  const a = keyOf(av);
  const b = keyOf(bv);
  const af = keyFloat(a);
  const bf = keyFloat(b);
  if (af !== undefined && bf !== undefined) {
    if (af !== bf) return af < bf;
    if (a.kind !== b.kind) return a.kind < b.kind;
    return (a.value as number) < (b.value as number);
  }
  if (a.kind !== STRING || b.kind !== STRING) return a.kind < b.kind;
  const ar = [...(a.value as string)];
  const br = [...(b.value as string)];
  let digits = false;
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) {
      digits = isDigit(ar[i]!);
      continue;
    }
    const al = isLetter(ar[i]!);
    const bl = isLetter(br[i]!);
    if (al && bl) return ar[i]!.codePointAt(0)! < br[i]!.codePointAt(0)!;
    if (al || bl) return digits ? al : bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0')
      for (let j = i - 1; j >= 0 && isDigit(ar[j]!); j--)
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]!); ai++) an = an * 10 + (ar[ai]!.codePointAt(0)! - 0x30);
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]!); bi++) bn = bn * 10 + (br[bi]!.codePointAt(0)! - 0x30);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i]!.codePointAt(0)! < br[i]!.codePointAt(0)!;
  }
  return ar.length < br.length;
}

/** sort.Sort(keyList) — not stable in Go, but map keys are distinct. */
export function sortedKeys<K>(keys: K[]): K[] {
  return [...keys].sort((a, b) => (keyLess(a, b) ? -1 : keyLess(b, a) ? 1 : 0));
}

/** mapv of a map[string]V */
export function map<V>(m: Record<string, V> | Map<string, V>, value: (v: V) => EmitNode): EmitNode {
  const entries = m instanceof Map ? m : new Map(Object.entries(m));
  return {
    kind: 'map',
    pairs: sortedKeys([...entries.keys()]).map((k) => [str(k), value(entries.get(k)!)]),
  };
}

/** A decoded YAML value (an `interface{}`) marshalled back. */
export function yamlValue(v: YamlValue): EmitNode {
  if (v === null) return nil();
  if (typeof v === 'string') return str(v);
  if (typeof v === 'boolean') return bool(v);
  if (typeof v === 'number' || typeof v === 'bigint') return int(v);
  if (v instanceof GoFloat64) return float64(v.value);
  if (v instanceof GoTime) return plain(v.Format(RFC3339Nano));
  if (Array.isArray(v)) return seq(v.map(yamlValue));
  if (isDict(v)) return map(v, yamlValue);
  if (v instanceof Map)
    return {
      kind: 'map',
      pairs: sortedKeys([...v.keys()]).map((k) => [yamlValue(k as YamlValue), yamlValue(v.get(k)!)]),
    };
  return nil();
}

type Field = [string, EmitNode | undefined];

// omitempty for each Go kind: undefined when the value is its type's zero value
export const oString = (s: string | undefined): EmitNode | undefined => (s ? str(s) : undefined);
export const oBool = (b: boolean | undefined): EmitNode | undefined => (b ? bool(b) : undefined);
export const oInt = (n: number | undefined): EmitNode | undefined => (n ? int(n) : undefined);
export const oStrings = (l: string[] | undefined): EmitNode | undefined =>
  l?.length ? seq(l.map(str)) : undefined;
export const oMapping = (m: Record<string, string> | undefined): EmitNode | undefined =>
  m && Object.keys(m).length ? map(m, str) : undefined;
/** a *uint64 or *uint32: printed whenever it is set, 0 included */
export const pInt = (n: number | undefined): EmitNode | undefined => (n === undefined ? undefined : int(n));

/** A struct left out when every field is zero (yaml.v3 isZero on a struct value). */
export function oStruct(node: EmitNode): EmitNode | undefined {
  return node.kind === 'map' && node.pairs.length === 0 ? undefined : node;
}

/** structv with an inline map (`yaml:",inline"`): its keys after the struct's fields, sorted. */
export function withExtras(fields: Field[], extras: Record<string, YamlValue> | undefined): EmitNode {
  const node = struct(fields);
  if (extras && node.kind === 'map') {
    const inline = map(extras, yamlValue);
    if (inline.kind === 'map') node.pairs.push(...inline.pairs);
  }
  return node;
}
