/**
 * What a YAML scalar means to gopkg.in/yaml.v3 (resolve.go `resolve`) when it is decoded
 * into an `interface{}`: YAML 1.2's core schema with yaml.v3's own additions — `_` in
 * numbers, Go's base prefixes (`0x`, `0o`, `0b`, and a leading `0` for octal), plain
 * `2024-01-31` as a time.Time — and none of YAML 1.1's yes/no/on/off booleans.
 */
import {
  GoTime,
  goFloat64,
  parseFloat64,
  parseInt64,
  parseUint,
  type GoFloat64,
} from '../../golang/index.ts';
import { daysFromCivil } from '../../golang/time.ts';
import { YamlError } from './errors.ts';

/** A decoded scalar: Go's int (number, or bigint past 2^53), uint64 (bigint), float64, bool, string, time.Time, nil. */
export type YamlScalar = string | number | bigint | boolean | GoFloat64 | GoTime | null;

export const STR = '!!str';
export const INT = '!!int';
export const FLOAT = '!!float';
export const BOOL = '!!bool';
export const NULL = '!!null';
export const TIMESTAMP = '!!timestamp';
export const BINARY = '!!binary';
export const MERGE = '!!merge';
export const SEQ = '!!seq';
export const MAP = '!!map';

const LONG_PREFIX = 'tag:yaml.org,2002:';

export function shortTag(tag: string): string {
  return tag.startsWith(LONG_PREFIX) ? '!!' + tag.slice(LONG_PREFIX.length) : tag;
}

const RESOLVE_MAP: Record<string, [string, YamlScalar]> = {
  true: [BOOL, true],
  True: [BOOL, true],
  TRUE: [BOOL, true],
  false: [BOOL, false],
  False: [BOOL, false],
  FALSE: [BOOL, false],
  '': [NULL, null],
  '~': [NULL, null],
  null: [NULL, null],
  Null: [NULL, null],
  NULL: [NULL, null],
  '.nan': [FLOAT, goFloat64(NaN)],
  '.NaN': [FLOAT, goFloat64(NaN)],
  '.NAN': [FLOAT, goFloat64(NaN)],
  '.inf': [FLOAT, goFloat64(Infinity)],
  '.Inf': [FLOAT, goFloat64(Infinity)],
  '.INF': [FLOAT, goFloat64(Infinity)],
  '+.inf': [FLOAT, goFloat64(Infinity)],
  '+.Inf': [FLOAT, goFloat64(Infinity)],
  '+.INF': [FLOAT, goFloat64(Infinity)],
  '-.inf': [FLOAT, goFloat64(-Infinity)],
  '-.Inf': [FLOAT, goFloat64(-Infinity)],
  '-.INF': [FLOAT, goFloat64(-Infinity)],
  '<<': [MERGE, '<<'],
};

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/** Go's int is 64 bits: a JS number while it is exact, else a bigint. */
function goInt(v: bigint): number | bigint {
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

function tryInt(s: string): number | bigint | undefined {
  try {
    return goInt(parseInt64(s));
  } catch {
    return undefined;
  }
}

function tryUint(s: string): bigint | undefined {
  try {
    return parseUint(s);
  } catch {
    return undefined;
  }
}

function withBase(digits: string, base: number, negative: boolean): number | bigint | undefined {
  if (digits === '' || ![...digits].every((d) => parseInt(d, base) < base)) return undefined;
  let n = 0n;
  for (const d of digits) n = n * BigInt(base) + BigInt(parseInt(d, base));
  if (negative) n = -n;
  if (n > (1n << 64n) - 1n || n < -(1n << 63n)) return undefined;
  return goInt(n);
}

/** resolve(tag, in): the tag the scalar resolves to and its value; an explicit tag that does not fit fails. */
export function resolve(tag: string, value: string): [string, YamlScalar] {
  tag = shortTag(tag);
  if (!['', STR, BOOL, INT, FLOAT, NULL, TIMESTAMP].includes(tag)) return [tag, value];
  const [rtag, out] = resolveUntagged(tag, value);
  if (tag === '' || tag === rtag || tag === STR || tag === BINARY) return [rtag, out];
  if (tag === FLOAT && rtag === INT) return [FLOAT, goFloat64(Number(out))];
  throw new YamlError('composer', `cannot decode ${shortTag(rtag)} \`${value}\` as a ${shortTag(tag)}`);
}

function resolveUntagged(tag: string, value: string): [string, YamlScalar] {
  const first = value[0];
  const hint =
    value === ''
      ? 'N'
      : first === '+' || first === '-'
        ? 'S'
        : first! >= '0' && first! <= '9'
          ? 'D'
          : 'yYnNtTfFoO~'.includes(first!)
            ? 'M'
            : first === '.'
              ? '.'
              : '';
  if (hint !== '' && tag !== STR && tag !== BINARY) {
    const item = RESOLVE_MAP[value];
    if (item && Object.prototype.hasOwnProperty.call(RESOLVE_MAP, value)) return item;
    if (hint === '.') {
      try {
        return [FLOAT, goFloat64(parseFloat64(value))];
      } catch {
        // not a float: a string
      }
    } else if (hint === 'D' || hint === 'S') {
      if (tag === '' || tag === TIMESTAMP) {
        const t = parseTimestamp(value);
        if (t) return [TIMESTAMP, t];
      }
      const plain = value.replaceAll('_', '');
      const i = tryInt(plain);
      if (i !== undefined) return [INT, i];
      const u = tryUint(plain);
      if (u !== undefined) return [INT, u];
      if (YAML_STYLE_FLOAT.test(plain)) {
        try {
          return [FLOAT, goFloat64(parseFloat64(plain))];
        } catch {
          // fall through
        }
      }
      for (const [prefix, base] of [
        ['0b', 2],
        ['0o', 8],
      ] as const) {
        if (plain.startsWith(prefix)) {
          const v = withBase(plain.slice(2), base, false);
          if (v !== undefined) return [INT, v];
        } else if (plain.startsWith('-' + prefix)) {
          const v = withBase(plain.slice(3), base, true);
          if (v !== undefined) return [INT, v];
        }
      }
    }
  }
  return [STR, value];
}

/**
 * parseTimestamp: four digits and `-` start a timestamp in one of yaml.v3's layouts
 * (`2006-1-2T15:4:5.999999999Z07:00`, the same with `t`, `2006-1-2 15:4:5.999999999`,
 * `2006-1-2`).
 */
export function parseTimestamp(s: string): GoTime | undefined {
  if (!/^\d{4}-/.test(s)) return undefined;
  const m =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:([Tt])(\d{1,2}):(\d{1,2}):(\d{1,2})(\.\d+)?(Z|[+-]\d{2}:\d{2}))|(?: (\d{1,2}):(\d{1,2}):(\d{1,2})(\.\d+)?))?$/.exec(
      s,
    );
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[5] ?? m[10] ?? 0);
  const minute = Number(m[6] ?? m[11] ?? 0);
  const second = Number(m[7] ?? m[12] ?? 0);
  const frac = m[8] ?? m[13] ?? '';
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  const daysIn =
    daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) -
    daysFromCivil(year, month, 1);
  if (day < 1 || day > daysIn) return undefined;
  let offset = 0;
  const zone = m[9];
  if (zone && zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const hh = Number(zone.slice(1, 3));
    const mm = Number(zone.slice(4, 6));
    if (hh > 23 || mm > 59) return undefined;
    offset = sign * (hh * 3600 + mm * 60);
  }
  const digits = (frac.slice(1) + '000000000').slice(0, 9);
  const ns = Number(digits);
  const seconds = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offset;
  const ms = seconds * 1000 + Math.floor(ns / 1e6);
  return new GoTime(ms, ns % 1e6, zone && zone !== 'Z' ? { offset, name: '' } : {});
}
