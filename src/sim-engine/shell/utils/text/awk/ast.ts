/** The awk program as the parser builds it and the interpreter walks it. */
export type LValue =
  { k: 'var'; name: string } | { k: 'field'; e: Expr } | { k: 'index'; name: string; subs: Expr[] };

export type Expr =
  | LValue
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 're'; src: string }
  | { k: 'assign'; op: string; target: LValue; e: Expr }
  | { k: 'cond'; c: Expr; a: Expr; b: Expr }
  | { k: 'or' | 'and'; a: Expr; b: Expr }
  | { k: 'in'; subs: Expr[]; name: string }
  | { k: 'match'; neg: boolean; a: Expr; re: Expr }
  | { k: 'bin'; op: string; a: Expr; b: Expr }
  | { k: 'not' | 'neg' | 'plus'; e: Expr }
  | { k: 'incdec'; op: '++' | '--'; prefix: boolean; target: LValue }
  | { k: 'call'; name: string; args: Expr[] }
  | { k: 'builtin'; name: string; args: Expr[] }
  | { k: 'getline'; target?: LValue; file?: Expr }
  | { k: 'group'; e: Expr; list?: Expr[] };

export interface Redirect {
  op: '>' | '>>' | '|';
  e: Expr;
}

export type Stmt =
  | { k: 'print' | 'printf'; args: Expr[]; redirect?: Redirect }
  | { k: 'expr'; e: Expr }
  | { k: 'if'; c: Expr; then: Stmt; else?: Stmt }
  | { k: 'while'; c: Expr; body: Stmt }
  | { k: 'do'; body: Stmt; c: Expr }
  | { k: 'for'; init?: Expr; c?: Expr; step?: Expr; body: Stmt }
  | { k: 'forin'; v: string; arr: string; body: Stmt }
  | { k: 'block'; body: Stmt[] }
  | { k: 'next' | 'nextfile' | 'break' | 'continue' }
  | { k: 'exit' | 'return'; e?: Expr }
  | { k: 'delete'; name: string; subs?: Expr[] };

export type Pattern =
  | { k: 'begin' }
  | { k: 'end' }
  | { k: 'expr'; e: Expr }
  | { k: 'range'; from: Expr; to: Expr }
  | { k: 'all' };

export interface Item {
  pattern: Pattern;
  /** undefined: print $0 */
  action?: Stmt[];
}

export interface Func {
  params: string[];
  body: Stmt[];
}

export interface Program {
  items: Item[];
  funcs: Map<string, Func>;
}
