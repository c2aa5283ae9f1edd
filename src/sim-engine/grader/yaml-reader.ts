/**
 * Reading a goal's YAML with positions: every value carries its line and its path, and
 * every mistake becomes a GoalError naming them. Only plain YAML is read (mappings,
 * lists, strings, numbers, booleans, null); anchors, aliases and tags are refused, so
 * a goal means what it shows.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { GoalError } from './goal-error.ts';

/** A value of the goal: its YAML node (undefined for an empty value), line and path. */
export interface YValue {
  readonly node: unknown;
  readonly line: number;
  readonly path: string;
}

export interface YEntry {
  key: string;
  /** where the key is written (for mistakes in the key itself) */
  keyAt: { line: number; path: string };
  value: YValue;
}

export function fail(at: { line: number; path: string }, reason: string): never {
  throw new GoalError(at.line, at.path, reason);
}

/** Parse the text into its top value; YAML syntax errors become GoalErrors with their line. */
export function readYaml(text: string): { root: YValue; lineOf: (offset: number) => number } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true, strict: true });
  const lineOf = (offset: number) => lineCounter.linePos(offset).line;
  const problem = doc.errors[0];
  if (problem) {
    const line = problem.linePos?.[0].line ?? lineOf(problem.pos[0]);
    const reason = problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new GoalError(line, '', `not valid YAML: ${reason}`);
  }
  return {
    root: { node: doc.contents ?? undefined, line: lineOfNode(doc.contents, lineOf, 1), path: '' },
    lineOf,
  };
}

function lineOfNode(node: unknown, lineOf: (offset: number) => number, fallback: number): number {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? lineOf(range[0]) : fallback;
}

function child(
  parent: YValue,
  node: unknown,
  path: string,
  lineOf: (o: number) => number,
  line?: number,
): YValue {
  return { node, line: line ?? lineOfNode(node, lineOf, parent.line), path };
}

/** How a value is described in an error: `"six"`, `a list`, `a mapping`. */
export function shown(v: YValue): string {
  const n = v.node;
  if (n === undefined || n === null) return 'empty';
  if (isMap(n)) return 'a mapping';
  if (isSeq(n)) return 'a list';
  if (isScalar(n)) return JSON.stringify(n.value) ?? String(n.value);
  return 'something else';
}

export class Reader {
  readonly lineOf: (offset: number) => number;
  constructor(lineOf: (offset: number) => number) {
    this.lineOf = lineOf;
  }

  #check(v: YValue): void {
    const n = v.node as { tag?: string } | undefined;
    if (isAlias(n)) fail(v, 'anchors and aliases (*name) are not supported in a goal: write the value out');
    if (
      n &&
      (isMap(n) || isSeq(n) || isScalar(n)) &&
      n.tag &&
      !/^tag:yaml\.org,2002:(str|int|float|bool|null|map|seq)$/.test(n.tag)
    )
      fail(v, `the tag ${n.tag} is not supported in a goal`);
    if (n && (isMap(n) || isSeq(n) || isScalar(n)) && (n as { anchor?: string }).anchor)
      fail(v, 'anchors (&name) are not supported in a goal: write the value out');
  }

  isEmpty(v: YValue): boolean {
    this.#check(v);
    return v.node === undefined || v.node === null || (isScalar(v.node) && v.node.value === null);
  }

  isMap(v: YValue): boolean {
    return isMap(v.node);
  }

  isList(v: YValue): boolean {
    return isSeq(v.node);
  }

  /** The entries of a mapping, keys as strings, in the order written. */
  entries(v: YValue, what = 'a mapping'): YEntry[] {
    this.#check(v);
    if (!isMap(v.node)) fail(v, `must be ${what}, not ${shown(v)}`);
    return v.node.items.map((pair) => {
      const keyNode = pair.key as unknown;
      const keyAt = child(v, keyNode, v.path, this.lineOf);
      this.#check(keyAt);
      if (!isScalar(keyNode) || keyNode.value === null || typeof keyNode.value === 'object')
        fail(keyAt, 'a key must be a plain name');
      const key = String(keyNode.value);
      const path = v.path ? `${v.path}.${key}` : key;
      // an empty value sits on its key's line
      const value = child(v, pair.value ?? undefined, path, this.lineOf, pair.value ? undefined : keyAt.line);
      return { key, keyAt: { line: keyAt.line, path }, value };
    });
  }

  /** The items of a list; a single value counts as a list of one. */
  items(v: YValue): YValue[] {
    this.#check(v);
    if (isSeq(v.node))
      return v.node.items.map((item, i) => child(v, item ?? undefined, `${v.path}[${i}]`, this.lineOf));
    return [v];
  }

  scalar(v: YValue): string | number | boolean | null {
    this.#check(v);
    if (v.node === undefined || v.node === null) return null;
    if (!isScalar(v.node)) fail(v, `must be a single value, not ${shown(v)}`);
    const value = v.node.value;
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) fail(v, `must be a finite number or text, not ${shown(v)}`);
      return value;
    }
    return fail(v, `must be text, a number or true/false, not ${shown(v)}`);
  }

  /** Text; numbers are read as their digits (`8080`), since YAML makes them numbers. */
  text(v: YValue, what = 'text'): string {
    const s = this.scalar(v);
    if (s === null) fail(v, `needs a value (${what})`);
    if (typeof s === 'boolean') fail(v, `must be ${what}, not ${s}`);
    return String(s);
  }

  bool(v: YValue): boolean {
    const s = this.scalar(v);
    if (typeof s !== 'boolean') fail(v, `must be true or false, not ${shown(v)}`);
    return s;
  }

  /** A whole number from `min` up. */
  int(v: YValue, min = 0): number {
    const s = this.scalar(v);
    const n = typeof s === 'string' && /^\s*\d+\s*$/.test(s) ? Number(s) : s;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < min)
      fail(v, `must be a whole number${min > 0 ? ` from ${min}` : ''}, not ${shown(v)}`);
    return n;
  }

  /** A list of texts (one text alone is a list of one). */
  texts(v: YValue, what = 'text'): string[] {
    return this.items(v).map((item) => this.text(item, what));
  }

  /** `KEY: value` pairs of text. */
  textMap(v: YValue): Record<string, string> {
    const out: Record<string, string> = {};
    for (const { key, value } of this.entries(v, 'a mapping of names to values')) out[key] = this.text(value);
    return out;
  }
}
