/**
 * The walk half of text/template's exec.go: text, actions, if/with, range (slices,
 * maps in sorted key order, integers), {{template}}, break and continue — and how
 * a value is printed (`<no value>` for nothing at all, fmt's %v otherwise).
 */
import { sprint, sprintIndirect } from '../fmt-print.ts';
import { quote } from '../strconv-quote.ts';
import { method, sortedMapEntries, typeName } from '../reflect.ts';
import { GoPointer, intValue, kindOf, mapSize, nilKind, NO_VALUE } from '../values.ts';
import { evalPipeline, indirectInterface } from './eval.ts';
import { nodeString, type BranchNode, type ListNode, type Node, type TemplateNode } from './nodes.ts';
import { BreakSignal, ContinueSignal, ExecAbort, type ExecTemplate, MAX_STEPS, State } from './state.ts';
import { isTrue } from './truth.ts';

// Go allows 100000 nested {{template}} calls (1000 on wasm); we keep the wasm limit.
export const MAX_EXEC_DEPTH = 1000;

export function walk(s: State, dot: unknown, node: Node): void {
  s.at(node);
  if (++s.budget.steps > MAX_STEPS) s.errorf(`execution stopped after ${MAX_STEPS} steps`);
  switch (node.type) {
    case 'action': {
      // If the action declares variables, don't print the result.
      const val = evalPipeline(s, dot, node.pipe);
      if (node.pipe.decl.length === 0) printValue(s, node, val);
      return;
    }
    case 'break':
      throw new BreakSignal();
    case 'continue':
      throw new ContinueSignal();
    case 'comment':
      return;
    case 'if':
    case 'with':
      return walkIfOrWith(s, dot, node);
    case 'list':
      for (const n of node.nodes) walk(s, dot, n);
      return;
    case 'range':
      return walkRange(s, dot, node);
    case 'template':
      return walkTemplate(s, dot, node);
    case 'text':
      s.out.push(node.text);
      return;
    default:
      s.errorf(`unknown node: ${nodeString(node)}`);
  }
}

function walkIfOrWith(s: State, dot: unknown, node: BranchNode): void {
  const mark = s.mark();
  try {
    const val = evalPipeline(s, dot, node.pipe);
    if (isTrue(indirectInterface(val))) walk(s, node.type === 'with' ? val : dot, node.list);
    else if (node.elseList) walk(s, dot, node.elseList);
  } finally {
    s.pop(mark);
  }
}

function walkRange(s: State, dot: unknown, r: BranchNode): void {
  s.at(r);
  const outer = s.mark();
  try {
    const val = evalPipeline(s, dot, r.pipe);
    // mark top of stack before any variables in the body are pushed
    const mark = s.mark();
    const decl = r.pipe.decl;
    const oneIteration = (index: unknown, elem: unknown, list: ListNode): void => {
      if (decl.length > 0) {
        if (r.pipe.isAssign) s.setVar(decl[0]!.ident[0]!, decl.length > 1 ? index : elem);
        else s.setTopVar(1, elem);
      }
      if (decl.length > 1) {
        if (r.pipe.isAssign) s.setVar(decl[1]!.ident[0]!, elem);
        else s.setTopVar(2, index);
      }
      try {
        walk(s, elem, list);
      } catch (e) {
        if (!(e instanceof ContinueSignal)) throw e;
      } finally {
        s.pop(mark);
      }
    };
    if (iterate(s, val, decl.length, (i, e) => oneIteration(i, e, r.list))) return;
    if (r.elseList) walk(s, dot, r.elseList);
  } catch (e) {
    if (!(e instanceof BreakSignal)) throw e;
  } finally {
    s.pop(outer);
  }
}

/** Run `each` over the value; false when there was nothing to iterate (the else branch). */
function iterate(s: State, val: unknown, nvars: number, each: (i: unknown, e: unknown) => void): boolean {
  if (val instanceof GoPointer) val = val.elem; // range follows a pointer
  switch (kindOf(val)) {
    case 'int': {
      if (nvars > 1) s.errorf(`can't use ${sprint(val)} to iterate over more than one variable`);
      const n = Number(intValue(val));
      for (let i = 0; i < n; i++) each(NO_VALUE, i);
      return n > 0;
    }
    case 'slice': {
      const arr = val as unknown[];
      for (let i = 0; i < arr.length; i++) each(i, arr[i] === undefined ? null : arr[i]);
      return arr.length > 0;
    }
    case 'map': {
      if (mapSize(val) === 0) return false;
      for (const [k, v] of sortedMapEntries(val)) each(k, v === undefined ? null : v);
      return true;
    }
    case 'invalid':
      return false; // an invalid value is likely a nil map, etc. and acts like an empty map
    case 'nil':
      // A nil map or slice ranges over nothing. Untyped null stands for a nil slice
      // or map here, as JSON data usually means; a typed nil pointer cannot be ranged.
      if (val === null || val === undefined || nilKind(val) === 'map' || nilKind(val) === 'slice')
        return false;
      break;
  }
  return s.errorf(`range can't iterate over ${sprint(val)}`);
}

function walkTemplate(s: State, dot: unknown, t: TemplateNode): void {
  s.at(t);
  const tmpl = s.tmpl.lookup(t.name);
  const tree = tmpl?.tree();
  if (!tmpl || !tree) return s.errorf(`template ${quote(t.name)} not defined`);
  if (s.depth === MAX_EXEC_DEPTH) s.errorf(`exceeded maximum template depth (${MAX_EXEC_DEPTH})`);
  // Variables declared by the pipeline persist.
  dot = evalPipeline(s, dot, t.pipe);
  // No dynamic scoping: template invocations inherit no variables.
  const inner = new State(tmpl, s.out, dot);
  inner.depth = s.depth + 1;
  inner.budget = s.budget;
  walk(inner, dot, tree.root);
}

/** printValue: `<no value>` for an invalid value, fmt's %v for anything printable. */
function printValue(s: State, node: Node, v: unknown): void {
  s.at(node);
  if (v === NO_VALUE) {
    s.out.push('<no value>');
    return;
  }
  if (kindOf(v) === 'func' && !method(v, 'String') && !method(v, 'Error')) {
    s.errorf(`can't print ${nodeString(node)} of type ${typeName(v)}`);
  }
  s.out.push(sprintIndirect(v));
}

/** Execute a template's tree with `data` as dot; returns the output. */
export function executeTemplate(tmpl: ExecTemplate, data: unknown): string {
  const out: string[] = [];
  const dot = data === undefined || data === null ? NO_VALUE : data;
  const s = new State(tmpl, out, dot);
  const tree = tmpl.tree();
  try {
    if (!tree) return s.errorf(`${quote(tmpl.name)} is an incomplete or empty template`);
    walk(s, dot, tree.root);
  } catch (e) {
    if (e instanceof ExecAbort) throw s.fail(e);
    if (e instanceof RangeError) throw s.fail(new ExecAbort(`template: ${tmpl.name}: ${e.message}`));
    throw e;
  }
  return out.join('');
}
