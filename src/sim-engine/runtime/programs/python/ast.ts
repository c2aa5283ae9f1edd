/** The Python subset's syntax tree. */
export type Expr =
  | { k: 'num'; v: string }
  | { k: 'str'; v: string }
  | { k: 'fstr'; parts: (string | { e: Expr; spec: string; conv: string })[] }
  | { k: 'name'; id: string }
  | { k: 'const'; v: 'True' | 'False' | 'None' }
  | { k: 'list' | 'tuple' | 'set'; items: Expr[] }
  | { k: 'dict'; items: [Expr, Expr][] }
  | { k: 'attr'; obj: Expr; name: string }
  | { k: 'index'; obj: Expr; index: Expr }
  | { k: 'slice'; lo?: Expr; hi?: Expr; step?: Expr }
  | { k: 'call'; fn: Expr; args: Expr[]; kwargs: [string, Expr][]; star?: Expr; dstar?: Expr }
  | { k: 'bin'; op: string; l: Expr; r: Expr }
  | { k: 'un'; op: string; e: Expr }
  | { k: 'bool'; op: 'and' | 'or'; l: Expr; r: Expr }
  | { k: 'cmp'; first: Expr; rest: [string, Expr][] }
  | { k: 'ifexp'; cond: Expr; a: Expr; b: Expr }
  | { k: 'lambda'; params: Param[]; body: Expr }
  | {
      k: 'comp';
      kind: 'list' | 'set' | 'gen' | 'dict';
      elt: Expr;
      value?: Expr;
      target: Expr;
      iter: Expr;
      conds: Expr[];
    };

export interface Param {
  name: string;
  default?: Expr;
  star?: '*' | '**';
}

export type Stmt = { line: number } & (
  | { k: 'expr'; e: Expr }
  | { k: 'assign'; targets: Expr[]; value: Expr }
  | { k: 'aug'; target: Expr; op: string; value: Expr }
  | { k: 'if'; tests: [Expr, Stmt[]][]; orelse?: Stmt[] }
  | { k: 'while'; test: Expr; body: Stmt[]; orelse?: Stmt[] }
  | { k: 'for'; target: Expr; iter: Expr; body: Stmt[]; orelse?: Stmt[] }
  | { k: 'def'; name: string; params: Param[]; body: Stmt[]; decorators: Expr[] }
  | { k: 'class'; name: string; bases: Expr[]; body: Stmt[]; decorators: Expr[] }
  | { k: 'return'; e?: Expr }
  | { k: 'pass' | 'break' | 'continue' }
  | { k: 'import'; names: [string, string | undefined][] }
  | { k: 'from'; module: string; names: [string, string | undefined][] }
  | { k: 'raise'; e?: Expr }
  | {
      k: 'try';
      body: Stmt[];
      handlers: { type?: Expr; name?: string; body: Stmt[] }[];
      orelse?: Stmt[];
      final?: Stmt[];
    }
  | { k: 'with'; items: [Expr, Expr | undefined][]; body: Stmt[] }
  | { k: 'global'; names: string[] }
  | { k: 'assert'; test: Expr; msg?: Expr }
  | { k: 'del'; targets: Expr[] }
);
