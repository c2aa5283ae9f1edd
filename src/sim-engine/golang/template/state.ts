/**
 * The state of one execution (text/template's `state`): where output goes, the
 * variable stack, the node being evaluated (for error positions) and the template
 * being run. Errors carry Go's full text:
 * `template: <name>:<line>:<byte col>: executing "<name>" at <<node>>: <message>`.
 */
import { quote } from '../strconv-quote.ts';
import { byteLength } from '../utf8.ts';
import { TemplateError } from './errors.ts';
import type { AnyFunction } from './func-types.ts';
import { nodeString, type Node, type Tree } from './nodes.ts';

export type MissingKey = 'default' | 'zero' | 'error';

/** What execution needs from a Template. */
export interface ExecTemplate {
  readonly name: string;
  readonly missingKey: MissingKey;
  lookup(name: string): ExecTemplate | undefined;
  tree(): Tree | undefined;
  findFunction(name: string): { fn: AnyFunction; builtin: boolean } | undefined;
}

/** Go's "no final argument" marker in pipelines (missingVal), distinct from NO_VALUE. */
export const MISSING: unique symbol = Symbol('missing');

interface Variable {
  name: string;
  value: unknown;
}

/** Thrown through the walk to report an error; becomes a TemplateError at the top. */
export class ExecAbort {
  message: string;
  constructor(message: string) {
    this.message = message;
  }
}

export class BreakSignal {}
export class ContinueSignal {}

/**
 * Differs from Go: a template that loops (say `{{range 100000000000}}`) would run
 * for hours in Go and freeze the page here, so execution stops after this many
 * steps — far more than any real format needs.
 */
export const MAX_STEPS = 1_000_000;

/** Steps taken by one execution, shared by the states of nested templates. */
export interface Budget {
  steps: number;
}

export class State {
  tmpl: ExecTemplate;
  out: string[];
  node: Node | null = null;
  vars: Variable[];
  depth = 0;
  budget: Budget = { steps: 0 };

  constructor(tmpl: ExecTemplate, out: string[], dot: unknown) {
    this.tmpl = tmpl;
    this.out = out;
    this.vars = [{ name: '$', value: dot }];
  }

  push(name: string, value: unknown): void {
    this.vars.push({ name, value });
  }
  mark(): number {
    return this.vars.length;
  }
  pop(mark: number): void {
    this.vars.length = mark;
  }
  setVar(name: string, value: unknown): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i]!.name === name) {
        this.vars[i]!.value = value;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }
  setTopVar(n: number, value: unknown): void {
    this.vars[this.vars.length - n]!.value = value;
  }
  varValue(name: string): unknown {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i]!.name === name) return this.vars[i]!.value;
    }
    return this.errorf(`undefined variable: ${name}`);
  }

  at(node: Node): void {
    this.node = node;
  }

  errorf(message: string): never {
    const name = this.tmpl.name;
    if (this.node === null) throw new ExecAbort(`template: ${name}: ${message}`);
    const { location, context } = errorContext(this.node);
    throw new ExecAbort(`template: ${location}: executing ${quote(name)} at <${context}>: ${message}`);
  }

  fail(e: unknown): TemplateError {
    return new TemplateError(e instanceof ExecAbort ? e.message : String(e), 'exec', this.out.join(''));
  }
}

/** Tree.ErrorContext: "name:line:byteColumn" and the node's text. */
export function errorContext(node: Node): { location: string; context: string } {
  const text = node.tree.text.slice(0, node.pos);
  const nl = text.lastIndexOf('\n');
  const col = byteLength(nl < 0 ? text : text.slice(nl + 1));
  let line = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0x0a) line++;
  return { location: `${node.tree.parseName}:${line}:${col}`, context: nodeString(node) };
}
