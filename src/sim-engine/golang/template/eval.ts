/**
 * Evaluation of pipelines, commands, fields, method and function calls — the eval
 * half of text/template's exec.go, statement for statement, so that each error is
 * raised at the same node with the same text as in Go. It stays one file because
 * its functions are one mutually recursive unit (arguments are pipelines, fields
 * are method calls whose arguments are arguments …), as in exec.go.
 */
import { lookupMapMethod, lookupMember, mapZero, method, typeName } from '../reflect.ts';
import { quote } from '../strconv-quote.ts';
import {
  GoComplex,
  GoFloat64,
  GoNil,
  goStructLayout,
  kindOf,
  mapGet,
  mapHasStringKeys,
  nilKind,
  NO_VALUE,
  numberValue,
} from '../values.ts';
import { type AnyFunction, type ParamType, paramTypeName, signatureOf } from './func-types.ts';
import {
  nodeString,
  type ChainNode,
  type CommandNode,
  type FieldNode,
  type IdentifierNode,
  type Node,
  type NumberNode,
  type PipeNode,
  type VariableNode,
} from './nodes.ts';
import { MISSING, type State } from './state.ts';
import { truth } from './truth.ts';

type Final = unknown | typeof MISSING;

/** indirectInterface: a nil interface is no value at all. */
export function indirectInterface(v: unknown): unknown {
  return v instanceof GoNil && nilKind(v) === 'interface' ? NO_VALUE : v;
}

export function evalPipeline(s: State, dot: unknown, pipe: PipeNode | null): unknown {
  if (pipe === null) return NO_VALUE;
  s.at(pipe);
  let value: unknown = MISSING;
  for (const cmd of pipe.cmds) {
    value = evalCommand(s, dot, cmd, value);
    // If the object has type interface{}, dig down one level to the thing inside.
    value = indirectInterface(value);
  }
  for (const v of pipe.decl) {
    if (pipe.isAssign) s.setVar(v.ident[0]!, value);
    else s.push(v.ident[0]!, value);
  }
  return value;
}

function notAFunction(s: State, args: Node[], final: Final): void {
  if (args.length > 1 || final !== MISSING)
    s.errorf(`can't give argument to non-function ${nodeString(args[0]!)}`);
}

function evalCommand(s: State, dot: unknown, cmd: CommandNode, final: Final): unknown {
  const args = cmd.args;
  const first = args[0]!;
  switch (first.type) {
    case 'field':
      return evalFieldNode(s, dot, first, args, final);
    case 'chain':
      return evalChainNode(s, dot, first, args, final);
    case 'identifier':
      // Must be a function.
      return evalFunction(s, dot, first, cmd, args, final);
    case 'pipe':
      // Parenthesized pipeline. The arguments are all inside the pipeline; final must be absent.
      notAFunction(s, args, final);
      return evalPipeline(s, dot, first);
    case 'variable':
      return evalVariableNode(s, dot, first, args, final);
  }
  s.at(first);
  notAFunction(s, args, final);
  switch (first.type) {
    case 'bool':
      return first.value;
    case 'dot':
      return dot;
    case 'nil':
      return s.errorf('nil is not a command');
    case 'number':
      return idealConstant(s, first);
    case 'string':
      return first.text;
  }
  return s.errorf(`can't evaluate command ${quote(nodeString(first))}`);
}

/** A number literal with no context: its syntax decides int, float64 or complex. */
function idealConstant(s: State, c: NumberNode): unknown {
  s.at(c);
  const isHexInt = /^0[xX]/.test(c.text) && !/[pP]/.test(c.text);
  const isRuneInt = c.text.startsWith("'");
  if (c.isComplex) return new GoComplex(c.complex.re, c.complex.im);
  if (c.isFloat && !isHexInt && !isRuneInt && /[.eEpP]/.test(c.text)) return new GoFloat64(c.float64);
  if (c.isInt) return intValue(c.int64);
  if (c.isUint) s.errorf(`${c.text} overflows int`);
  return NO_VALUE;
}

function intValue(v: bigint): number | bigint {
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

function evalFieldNode(s: State, dot: unknown, field: FieldNode, args: Node[] | null, final: Final): unknown {
  s.at(field);
  return evalFieldChain(s, dot, dot, field, field.ident, args, final);
}

function evalChainNode(s: State, dot: unknown, chain: ChainNode, args: Node[] | null, final: Final): unknown {
  s.at(chain);
  if (chain.node.type === 'nil') s.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
  // (pipe).Field1.Field2 has pipe as .Node, fields as .Field. Eval the pipeline, then the fields.
  const pipe = evalArg(s, dot, undefined, chain.node);
  return evalFieldChain(s, dot, pipe, chain, chain.field, args, final);
}

function evalVariableNode(
  s: State,
  dot: unknown,
  v: VariableNode,
  args: Node[] | null,
  final: Final,
): unknown {
  s.at(v);
  const value = s.varValue(v.ident[0]!);
  if (v.ident.length === 1) {
    notAFunction(s, args ?? [v], final);
    return value;
  }
  return evalFieldChain(s, dot, value, v, v.ident.slice(1), args, final);
}

function evalFieldChain(
  s: State,
  dot: unknown,
  receiver: unknown,
  node: Node,
  ident: string[],
  args: Node[] | null,
  final: Final,
): unknown {
  const n = ident.length;
  for (let i = 0; i < n - 1; i++) receiver = evalField(s, dot, ident[i]!, node, null, MISSING, receiver);
  // Now if it's a method, it gets the arguments.
  return evalField(s, dot, ident[n - 1]!, node, args, final, receiver);
}

function evalFunction(
  s: State,
  dot: unknown,
  node: IdentifierNode,
  cmd: Node,
  args: Node[] | null,
  final: Final,
): unknown {
  s.at(node);
  const f = s.tmpl.findFunction(node.ident);
  if (!f) return s.errorf(`${quote(node.ident)} is not a defined function`);
  return evalCall(s, dot, f.fn, f.builtin, cmd, node.ident, args, final);
}

/** .Field or .Method args… on a struct, a map key, or an error. */
function evalField(
  s: State,
  dot: unknown,
  fieldName: string,
  node: Node,
  args: Node[] | null,
  final: Final,
  receiver: unknown,
): unknown {
  if (receiver === NO_VALUE) {
    if (s.tmpl.missingKey === 'error') s.errorf(`nil data; no entry for key ${quote(fieldName)}`);
    return NO_VALUE;
  }
  const typ = typeName(receiver);
  const kind = kindOf(receiver);
  const nk = kind === 'nil' ? nilKind(receiver) : undefined;
  if (nk === 'interface') return s.errorf(`nil pointer evaluating ${typ}.${fieldName}`);
  if (kind === 'ptr') {
    // a pointer to a non-struct has its value's methods and no fields
    const m = method(receiver, fieldName);
    if (m) return evalCall(s, dot, m, false, node, fieldName, args, final);
  } else if (kind === 'struct') {
    const member = lookupMember(receiver as object, fieldName);
    if (member.kind === 'method') return evalCall(s, dot, member.fn, false, node, fieldName, args, final);
    const hasArgs = (args?.length ?? 0) > 1 || final !== MISSING;
    if (member.kind === 'unexported') s.errorf(`${fieldName} is an unexported field of struct type ${typ}`);
    if (member.kind === 'field') {
      if (hasArgs) s.errorf(`${fieldName} has arguments but cannot be invoked as function`);
      return member.value === undefined ? null : member.value;
    }
  } else if (kind === 'map' && lookupMapMethod(receiver as object, fieldName)) {
    const fn = lookupMapMethod(receiver as object, fieldName)!;
    return evalCall(s, dot, fn, false, node, fieldName, args, final);
  } else if ((kind === 'map' || nk === 'map') && mapHasStringKeys(receiver)) {
    const hasArgs = (args?.length ?? 0) > 1 || final !== MISSING;
    if (hasArgs) s.errorf(`${fieldName} is not a method but has arguments`);
    const result = nk === 'map' ? NO_VALUE : mapGet(receiver, fieldName);
    if (result !== NO_VALUE) return result === undefined ? null : result;
    switch (s.tmpl.missingKey) {
      case 'zero':
        return mapZero(receiver);
      case 'error':
        return s.errorf(`map has no entry for key ${quote(fieldName)}`);
      default:
        return NO_VALUE;
    }
  } else if (nk === 'ptr') {
    // a nil *T of a struct type T that has no such field falls through to the type error
    const layout = goStructLayout(receiver);
    if (!layout || layout.names.has(fieldName)) s.errorf(`nil pointer evaluating ${typ}.${fieldName}`);
  }
  return s.errorf(`can't evaluate field ${fieldName} in type ${typ}`);
}

/** Call a function or method with the command's arguments and the pipeline's final value. */
export function evalCall(
  s: State,
  dot: unknown,
  fn: AnyFunction,
  isBuiltin: boolean,
  node: Node,
  name: string,
  argNodes: Node[] | null,
  final: Final,
): unknown {
  const args = argNodes ? argNodes.slice(1) : [];
  const sig = signatureOf(fn);
  const numIn = args.length + (final !== MISSING ? 1 : 0);
  let numFixed = args.length;
  if (sig.variadic !== undefined) {
    numFixed = sig.params.length;
    if (numIn < numFixed) {
      s.errorf(`wrong number of args for ${name}: want at least ${sig.params.length} got ${args.length}`);
    }
  } else if (numIn !== sig.params.length) {
    s.errorf(`wrong number of args for ${name}: want ${sig.params.length} got ${numIn}`);
  }

  // Special case for builtin and/or, which short-circuit.
  if (isBuiltin && (name === 'and' || name === 'or')) {
    let v: unknown = NO_VALUE;
    for (const arg of args) {
      v = evalArg(s, dot, 'value', arg);
      if (truth(v) === (name === 'or')) return v;
    }
    if (final !== MISSING) v = validateType(s, final, 'value');
    return v;
  }

  const argv: unknown[] = [];
  let i = 0;
  for (; i < numFixed && i < args.length; i++) argv.push(evalArg(s, dot, sig.params[i], args[i]!));
  if (sig.variadic !== undefined)
    for (; i < args.length; i++) argv.push(evalArg(s, dot, sig.variadic, args[i]!));
  if (final !== MISSING) {
    let t: ParamType | undefined = sig.params[sig.params.length - 1];
    if (sig.variadic !== undefined) t = numIn - 1 < numFixed ? sig.params[numIn - 1] : sig.variadic;
    argv.push(validateType(s, final, t));
  }
  // The "call" builtin gets the callee's name first, for its error messages.
  if (isBuiltin && name === 'call') {
    argv.unshift(args.length === 0 ? String(final) : nodeString(args[0]!));
  }
  let result: unknown;
  try {
    result = fn(...argv);
  } catch (e) {
    s.at(node);
    s.errorf(`error calling ${name}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return result === undefined ? null : result;
}

function canBeNil(typ: ParamType | undefined): boolean {
  return typ === undefined || typ === 'any' || typ === 'value' || typ === '[]string';
}

function zeroOf(typ: ParamType | undefined): unknown {
  if (typ === 'value' || typ === undefined) return NO_VALUE;
  if (typ === '[]string') return [];
  return null;
}

/** validateType: the value must be valid and assignable to the parameter type. */
export function validateType(s: State, value: unknown, typ: ParamType | undefined): unknown {
  if (value === NO_VALUE) {
    if (canBeNil(typ)) return zeroOf(typ);
    s.errorf(`invalid value; expected ${paramTypeName(typ)}`);
  }
  const k = kindOf(value);
  const wrong = (): never =>
    s.errorf(`wrong type for value; expected ${paramTypeName(typ)}; got ${typeName(value)}`);
  switch (typ) {
    case undefined:
    case 'any':
    case 'value':
      return value;
    case 'string':
      return typeof value === 'string' ? value : wrong();
    case 'int':
      return k === 'int' ? value : wrong();
    case 'float64':
      return k === 'float' ? numberValue(value) : wrong();
    case 'bool':
      return k === 'bool' ? value : wrong();
    case '[]string':
      if (k === 'nil' && nilKind(value) !== 'ptr') return [];
      if (Array.isArray(value) && value.every((e) => typeof e === 'string')) return value;
      return wrong();
  }
}

export function evalArg(s: State, dot: unknown, typ: ParamType | undefined, n: Node): unknown {
  s.at(n);
  switch (n.type) {
    case 'dot':
      return validateType(s, dot, typ);
    case 'nil':
      if (canBeNil(typ)) return typ === '[]string' ? [] : typ === 'value' ? NO_VALUE : null;
      return s.errorf(`cannot assign nil to ${paramTypeName(typ)}`);
    case 'field':
      return validateType(s, evalFieldNode(s, dot, n, [n], MISSING), typ);
    case 'variable':
      return validateType(s, evalVariableNode(s, dot, n, null, MISSING), typ);
    case 'pipe':
      return validateType(s, evalPipeline(s, dot, n), typ);
    case 'identifier':
      return validateType(s, evalFunction(s, dot, n, n, null, MISSING), typ);
    case 'chain':
      return validateType(s, evalChainNode(s, dot, n, null, MISSING), typ);
  }
  switch (typ) {
    case 'bool':
      if (n.type === 'bool') return n.value;
      return s.errorf(`expected bool; found ${nodeString(n)}`);
    case 'float64':
      if (n.type === 'number' && n.isFloat) return n.float64;
      return s.errorf(`expected float; found ${nodeString(n)}`);
    case 'int':
      if (n.type === 'number' && n.isInt) return intValue(n.int64);
      return s.errorf(`expected integer; found ${nodeString(n)}`);
    case 'string':
      if (n.type === 'string') return n.text;
      return s.errorf(`expected string; found ${nodeString(n)}`);
    case 'any':
    case 'value':
    case undefined:
      return evalEmptyInterface(s, dot, n);
  }
  return s.errorf(`can't handle ${nodeString(n)} for arg of type ${paramTypeName(typ)}`);
}

function evalEmptyInterface(s: State, dot: unknown, n: Node): unknown {
  s.at(n);
  switch (n.type) {
    case 'bool':
      return n.value;
    case 'dot':
      return dot;
    case 'field':
      return evalFieldNode(s, dot, n, null, MISSING);
    case 'identifier':
      return evalFunction(s, dot, n, n, null, MISSING);
    case 'nil':
      return s.errorf("evalEmptyInterface: nil (can't happen)");
    case 'number':
      return idealConstant(s, n);
    case 'string':
      return n.text;
    case 'variable':
      return evalVariableNode(s, dot, n, null, MISSING);
    case 'pipe':
      return evalPipeline(s, dot, n);
  }
  return s.errorf(`can't handle assignment of ${nodeString(n)} to empty interface argument`);
}
