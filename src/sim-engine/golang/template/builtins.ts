/**
 * text/template's predefined functions (funcs.go): and, or, not, len, index, slice,
 * call, print, printf, println, html, js, urlquery and the comparisons — with the
 * errors Go reports through `error calling <name>: …`.
 */
import { sprint, sprintln } from '../fmt-print.ts';
import { sprintf } from '../fmt-printf.ts';
import { mapZero, typeName } from '../reflect.ts';
import {
  GoNil,
  GoPointer,
  kindOf,
  mapGet,
  mapHasStringKeys,
  nilKind,
  NO_VALUE,
  stringValue,
} from '../values.ts';
import { byteLength, encodeUtf8, sliceBytes } from '../utf8.ts';
import { eq, ge, gt, le, lt, ne } from './compare.ts';
import { htmlEscapeString, jsEscapeString, urlQueryEscape } from './escape.ts';
import { indirectInterface } from './eval.ts';
import { type AnyFunction, goFunc, paramTypeName, signatureOf, type ParamType } from './func-types.ts';
import { truth } from './truth.ts';

/** indirect(): through pointers and interfaces; nil ones report isNil. */
function isNilPointer(v: unknown): boolean {
  return kindOf(v) === 'nil' && (nilKind(v) === 'ptr' || nilKind(v) === 'interface');
}

const zeroValueType = 'reflect: call of reflect.Value.Type on zero Value';

function length(item: unknown): number {
  if (item instanceof GoPointer) item = item.elem; // len follows a pointer
  if (isNilPointer(item)) throw new Error('len of nil pointer');
  switch (kindOf(item)) {
    case 'invalid':
      throw new Error(zeroValueType);
    case 'string':
      return byteLength(stringValue(item));
    case 'slice':
      return (item as unknown[]).length;
    case 'map':
      return item instanceof Map ? item.size : Object.keys(item as object).length;
    case 'nil':
      return 0; // nil map or slice
  }
  throw new Error(`len of type ${typeName(item)}`);
}

function indexArg(index: unknown, cap: number): number {
  if (index === NO_VALUE) throw new Error('cannot index slice/array with nil');
  if (kindOf(index) !== 'int') throw new Error(`cannot index slice/array with type ${typeName(index)}`);
  const x = Number(index);
  if (x < 0 || x > cap) throw new Error(`index out of range: ${index}`);
  return x;
}

function index(item: unknown, ...indexes: unknown[]): unknown {
  item = indirectInterface(item);
  if (item === NO_VALUE) throw new Error('index of untyped nil');
  for (let idx of indexes) {
    idx = indirectInterface(idx);
    if (isNilPointer(item)) throw new Error('index of nil pointer');
    const k = kindOf(item);
    const nk = k === 'nil' ? nilKind(item) : undefined;
    if (k === 'slice' || k === 'string' || nk === 'slice') {
      const arr = k === 'slice' ? (item as unknown[]) : k === 'string' ? encodeUtf8(stringValue(item)) : [];
      const x = indexArg(idx, arr.length);
      if (x === arr.length)
        throw new Error(`reflect: ${k === 'string' ? 'string' : 'slice'} index out of range`);
      item = arr[x] === undefined ? null : arr[x];
    } else if (k === 'map' || nk === 'map') {
      const keyType = mapHasStringKeys(item)
        ? 'string'
        : typeName([...(item as Map<unknown, unknown>).keys()][0]);
      if (idx === NO_VALUE) {
        if (keyType === 'string' || keyType === 'int' || keyType === 'bool')
          throw new Error(`value is nil; should be of type ${keyType}`);
      } else if (typeName(idx) !== keyType && !(keyType === 'string' && typeof idx === 'string')) {
        throw new Error(`value has type ${typeName(idx)}; should be ${keyType}`);
      }
      const v = nk === 'map' ? NO_VALUE : mapGet(item, idx);
      item = v === NO_VALUE ? mapZero(item) : v === undefined ? null : v;
    } else {
      throw new Error(`can't index item of type ${typeName(item)}`);
    }
  }
  return item;
}

function slice(item: unknown, ...indexes: unknown[]): unknown {
  item = indirectInterface(item);
  if (item === NO_VALUE) throw new Error('slice of untyped nil');
  if (indexes.length > 3) throw new Error(`too many slice indexes: ${indexes.length}`);
  const k = kindOf(item);
  let len: number;
  if (k === 'string') {
    if (indexes.length === 3) throw new Error('cannot 3-index slice a string');
    len = byteLength(stringValue(item));
  } else if (k === 'slice') len = (item as unknown[]).length;
  else if (k === 'nil' && nilKind(item) === 'slice') len = 0;
  else throw new Error(`can't slice item of type ${typeName(item)}`);
  const idx = [0, len, len];
  indexes.forEach((x, i) => (idx[i] = indexArg(indirectInterface(x), len)));
  if (idx[0]! > idx[1]!) throw new Error(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (indexes.length === 3 && idx[1]! > idx[2]!)
    throw new Error(`invalid slice index: ${idx[1]} > ${idx[2]}`);
  if (k === 'string') return sliceBytes(stringValue(item), idx[0]!, idx[1]!);
  if (k === 'nil') return item;
  return (item as unknown[]).slice(idx[0], idx[1]);
}

function checkArg(arg: unknown, t: ParamType | undefined, i: number): unknown {
  arg = indirectInterface(arg);
  const want = paramTypeName(t);
  if (arg === NO_VALUE) {
    if (t === 'string' || t === 'int' || t === 'float64' || t === 'bool') {
      throw new Error(`arg ${i}: value is nil; should be of type ${want}`);
    }
    return t === 'value' ? NO_VALUE : null;
  }
  const ok =
    t === undefined ||
    t === 'any' ||
    t === 'value' ||
    (t === 'string' && typeof arg === 'string') ||
    (t === 'int' && kindOf(arg) === 'int') ||
    (t === 'float64' && kindOf(arg) === 'float') ||
    (t === 'bool' && typeof arg === 'boolean') ||
    (t === '[]string' && Array.isArray(arg) && arg.every((e) => typeof e === 'string'));
  if (!ok) throw new Error(`arg ${i}: value has type ${typeName(arg)}; should be ${want}`);
  return arg;
}

/** call fn args…: the callee's name comes first (inserted by evalCall). */
function call(name: string, fn: unknown, ...args: unknown[]): unknown {
  fn = indirectInterface(fn);
  if (fn === NO_VALUE || fn === null || fn === undefined || fn instanceof GoNil)
    throw new Error('call of nil');
  if (typeof fn !== 'function') throw new Error(`non-function ${name} of type ${typeName(fn)}`);
  const sig = signatureOf(fn as AnyFunction);
  const numIn = sig.params.length;
  if (sig.variadic !== undefined) {
    if (args.length < numIn)
      throw new Error(`wrong number of args for ${name}: got ${args.length} want at least ${numIn}`);
  } else if (args.length !== numIn) {
    throw new Error(`wrong number of args for ${name}: got ${args.length} want ${numIn}`);
  }
  const argv = args.map((a, i) => checkArg(a, i < numIn ? sig.params[i] : sig.variadic, i));
  const result = (fn as AnyFunction)(...argv);
  return result === undefined ? null : result;
}

/** evalArgs: the Sprint of the arguments, where a missing value prints `<no value>`. */
function evalArgs(args: unknown[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  return sprint(...args.map((a) => (indirectInterface(a) === NO_VALUE ? '<no value>' : a)));
}

function printable(args: unknown[]): unknown[] {
  return args.map((a) => (a === NO_VALUE ? null : a));
}

/** The builtin function map; `and`, `or` and `call` are special-cased by evalCall. */
export const builtins: Readonly<Record<string, AnyFunction>> = {
  and: goFunc(['value'], (a: unknown) => a, 'value'),
  or: goFunc(['value'], (a: unknown) => a, 'value'),
  call: goFunc(['value'], call as AnyFunction, 'value'),
  html: goFunc([], (...a: unknown[]) => htmlEscapeString(evalArgs(a)), 'value'),
  index: goFunc(['value'], index, 'value'),
  slice: goFunc(['value'], slice, 'value'),
  js: goFunc([], (...a: unknown[]) => jsEscapeString(evalArgs(a)), 'value'),
  len: goFunc(['value'], length),
  not: goFunc(['value'], (a: unknown) => !truth(a)),
  print: goFunc([], (...a: unknown[]) => sprint(...printable(a)), 'value'),
  printf: goFunc(['string'], (f: string, ...a: unknown[]) => sprintf(f, ...printable(a)), 'value'),
  println: goFunc([], (...a: unknown[]) => sprintln(...printable(a)), 'value'),
  urlquery: goFunc([], (...a: unknown[]) => urlQueryEscape(evalArgs(a)), 'value'),
  eq: goFunc(['value'], eq, 'value'),
  ge: goFunc(['value', 'value'], ge),
  gt: goFunc(['value', 'value'], gt),
  le: goFunc(['value', 'value'], le),
  lt: goFunc(['value', 'value'], lt),
  ne: goFunc(['value', 'value'], ne),
};
