/** The Go subset's syntax tree. Positions are 1-based line and column. */
export interface Pos {
  line: number;
  col: number;
}

export type TypeExpr =
  | { k: 'named'; name: string }
  | { k: 'slice'; elem: TypeExpr }
  | { k: 'array'; len: number; elem: TypeExpr }
  | { k: 'map'; key: TypeExpr; value: TypeExpr }
  | { k: 'ptr'; elem: TypeExpr }
  | { k: 'struct'; fields: { name: string; type: TypeExpr; tag?: string }[] }
  | { k: 'func' }
  | { k: 'iface' }
  | { k: 'chan'; elem: TypeExpr };

export interface Param {
  name: string;
  type: TypeExpr;
  variadic: boolean;
}

export type Expr =
  | { k: 'ident'; name: string; pos: Pos }
  | { k: 'int'; v: number; pos: Pos }
  | { k: 'float'; v: number; pos: Pos }
  | { k: 'str'; v: string; pos: Pos }
  | { k: 'rune'; v: number; pos: Pos }
  | { k: 'bin'; op: string; l: Expr; r: Expr; pos: Pos }
  | { k: 'un'; op: string; e: Expr; pos: Pos }
  | { k: 'call'; fn: Expr; args: Expr[]; spread: boolean; pos: Pos }
  | { k: 'sel'; x: Expr; name: string; pos: Pos }
  | { k: 'index'; x: Expr; i: Expr; pos: Pos }
  | { k: 'slice'; x: Expr; lo?: Expr; hi?: Expr; pos: Pos }
  | { k: 'composite'; type: TypeExpr; elems: { key?: Expr; value: Expr }[]; pos: Pos }
  | { k: 'func'; params: Param[]; results: TypeExpr[]; body: Stmt[]; pos: Pos }
  | { k: 'type'; t: TypeExpr; pos: Pos }
  | { k: 'assert'; x: Expr; t: TypeExpr; pos: Pos };

export type Stmt =
  | { k: 'expr'; e: Expr; pos: Pos }
  | { k: 'define'; names: { name: string; pos: Pos }[]; values: Expr[]; pos: Pos }
  | {
      k: 'var';
      names: { name: string; pos: Pos }[];
      type?: TypeExpr;
      values: Expr[];
      pos: Pos;
      isConst?: boolean;
    }
  | { k: 'assign'; op: string; targets: Expr[]; values: Expr[]; pos: Pos }
  | { k: 'incdec'; op: '++' | '--'; target: Expr; pos: Pos }
  | { k: 'if'; init?: Stmt; cond: Expr; then: Stmt[]; else?: Stmt[]; pos: Pos }
  | { k: 'for'; init?: Stmt; cond?: Expr; post?: Stmt; body: Stmt[]; pos: Pos }
  | { k: 'range'; key?: Expr; value?: Expr; define: boolean; x: Expr; body: Stmt[]; pos: Pos }
  | { k: 'switch'; init?: Stmt; tag?: Expr; cases: { exprs: Expr[] | null; body: Stmt[] }[]; pos: Pos }
  | { k: 'return'; values: Expr[]; pos: Pos }
  | { k: 'break'; pos: Pos }
  | { k: 'continue'; pos: Pos }
  | { k: 'block'; body: Stmt[]; pos: Pos }
  | { k: 'defer'; call: Expr; pos: Pos }
  | { k: 'go'; call: Expr; pos: Pos }
  | { k: 'type'; name: string; t: TypeExpr; pos: Pos };

export interface FuncDecl {
  name: string;
  recv?: { name: string; type: string };
  params: Param[];
  results: TypeExpr[];
  body: Stmt[];
  pos: Pos;
}

export interface GoFile {
  name: string;
  pkg: string;
  imports: { name: string; path: string; pos: Pos }[];
  funcs: FuncDecl[];
  decls: Stmt[];
}

/** A compile error, printed `./main.go:5:2: undefined: x`. */
export class GoCompileError extends Error {
  readonly file: string;
  readonly pos: Pos;
  constructor(file: string, pos: Pos, message: string) {
    super(message);
    this.file = file;
    this.pos = pos;
  }
}
