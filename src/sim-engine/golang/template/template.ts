/**
 * The public face of the template engine: a Template is a set of parsed trees (the
 * main one plus its {{define}}s) with a function map and options, like Go's
 * *template.Template. `parseDockerTemplate` is docker/cli's `templates.Parse`.
 */
import { builtins } from './builtins.ts';
import { quote } from '../strconv-quote.ts';
import { dockerTemplateFuncs } from './docker-funcs.ts';
import { TemplateError } from './errors.ts';
import type { AnyFunction, FuncMap } from './func-types.ts';
import { isEmptyTree, type Tree } from './nodes.ts';
import { parseTree } from './parser.ts';
import type { ExecTemplate, MissingKey } from './state.ts';
import { executeTemplate } from './walk.ts';

export interface TemplateOptions {
  /** the template's name; Docker's is "" (errors read `template: :1: …`) */
  name?: string;
  /** Go's Option("missingkey=…"): what a missing map key yields */
  missingKey?: MissingKey | 'invalid';
}

/** State shared by a template and those it defines (Go's `common`). */
interface Common {
  trees: Map<string, Tree>;
  funcs: Map<string, AnyFunction>;
  missingKey: MissingKey;
}

export class Template implements ExecTemplate {
  readonly name: string;
  readonly #common: Common;

  constructor(name: string, common: Common) {
    this.name = name;
    this.#common = common;
  }

  get missingKey(): MissingKey {
    return this.#common.missingKey;
  }

  tree(): Tree | undefined {
    return this.#common.trees.get(this.name);
  }

  lookup(name: string): Template | undefined {
    return this.#common.trees.has(name) ? new Template(name, this.#common) : undefined;
  }

  /** Names of the templates defined in this set, sorted. */
  definedTemplates(): string[] {
    return [...this.#common.trees.keys()].sort();
  }

  findFunction(name: string): { fn: AnyFunction; builtin: boolean } | undefined {
    const fn = this.#common.funcs.get(name);
    if (fn) return { fn, builtin: false };
    if (Object.hasOwn(builtins, name)) return { fn: builtins[name]!, builtin: true };
    return undefined;
  }

  /** Go's Funcs: add or replace functions, for this template and its set. Returns this. */
  funcs(map: FuncMap): this {
    for (const [name, fn] of Object.entries(map)) this.#common.funcs.set(name, fn);
    return this;
  }

  /** Go's Option("missingkey=error") etc. Mutates and returns this, as Go does. */
  option(...opts: string[]): this {
    for (const opt of opts) {
      const m = /^missingkey=(.*)$/.exec(opt);
      if (!m) throw new Error(`unrecognized option: ${opt}`);
      switch (m[1]) {
        case 'invalid':
        case 'default':
          this.#common.missingKey = 'default';
          break;
        case 'zero':
        case 'error':
          this.#common.missingKey = m[1];
          break;
        default:
          throw new Error(`unrecognized option: ${opt}`);
      }
    }
    return this;
  }

  /** Parse more text into this template set (Go's Parse on an existing template). */
  parse(text: string): this {
    const trees = new Map<string, Tree>();
    parseTree(this.name, text, { hasFunction: (n) => this.findFunction(n) !== undefined, treeSet: trees });
    // Go's associate: a later definition replaces an earlier one, but an empty
    // template never replaces a non-empty one
    for (const [name, tree] of trees) {
      if (this.#common.trees.has(name) && isEmptyTree(tree.root)) continue;
      this.#common.trees.set(name, tree);
    }
    return this;
  }

  /** Execute with `data` as dot. Throws TemplateError (with `partialOutput`). */
  execute(data: unknown): string {
    return executeTemplate(this, data);
  }

  /** Execute the template `name` of this set. */
  executeTemplate(name: string, data: unknown): string {
    const t = this.lookup(name);
    if (!t) {
      throw new TemplateError(
        `template: no template ${quote(name)} associated with template ${quote(this.name)}`,
        'exec',
      );
    }
    return t.execute(data);
  }
}

/**
 * Parse `text` as Go's `template.New(name).Funcs(funcs).Parse(text)`; the builtins
 * (and, or, printf, …) are always there. Throws TemplateError.
 */
export function parseTemplate(text: string, funcs: FuncMap = {}, options: TemplateOptions = {}): Template {
  const common: Common = { trees: new Map(), funcs: new Map(Object.entries(funcs)), missingKey: 'default' };
  const t = new Template(options.name ?? '', common);
  if (options.missingKey) t.option(`missingkey=${options.missingKey}`);
  // What a parse makes depends on the text, the template's name and which functions
  // exist (a call of an unknown one is a parse error), not on what they do.
  const key = `${t.name}\0${functionNames(funcs)}`;
  const cached = parsedTrees.get(text)?.get(key);
  if (cached) {
    for (const [name, tree] of cached) common.trees.set(name, tree);
    return t;
  }
  t.parse(text);
  let byKey = parsedTrees.get(text);
  if (!byKey) {
    if (parsedTrees.size >= TREES_KEPT) parsedTrees.delete(parsedTrees.keys().next().value!);
    parsedTrees.set(text, (byKey = new Map()));
  }
  if (byKey.size >= TREES_KEPT) byKey.clear();
  byKey.set(key, new Map(common.trees));
  return t;
}

/**
 * The trees parsed from template texts (the last 64), by text, then by the name and
 * function names they were parsed with: a learner repeats the same `--format`, and
 * `docker ps` or `docker version` parses one per call. Trees are not changed once
 * parsed; each Template gets its own map of them, so its later Parse adds to its own.
 */
const parsedTrees = new Map<string, Map<string, ReadonlyMap<string, Tree>>>();

/**
 * The names of a function map, joined: made once per map object, as docker's is the
 * same object every time. Function maps are constants or made per call, never changed.
 */
const namesOf = new WeakMap<FuncMap, string>();
function functionNames(funcs: FuncMap): string {
  let names = namesOf.get(funcs);
  if (names === undefined) namesOf.set(funcs, (names = Object.keys(funcs).join('\0')));
  return names;
}
const TREES_KEPT = 64;

/** docker/cli's templates.Parse: the name "" and the CLI's extra functions. */
export function parseDockerTemplate(text: string): Template {
  return parseTemplate(text, dockerTemplateFuncs);
}
