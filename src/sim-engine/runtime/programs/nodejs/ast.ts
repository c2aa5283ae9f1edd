/** The JavaScript subset's syntax tree (expressions, patterns and statements share one type). */
export type Prop = { key: string | N; value: N; computed: boolean; kind?: 'get' | 'set' } | { spread: N };

export interface Fn {
  k: 'fn';
  name?: string;
  params: N[];
  body: N[] | N;
  arrow: boolean;
  async: boolean;
  line: number;
}

export type N =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 'tmpl'; quasis: string[]; exprs: N[] }
  | { k: 'regex'; src: string; flags: string }
  | { k: 'id'; name: string; line: number; col: number }
  | { k: 'this' }
  | { k: 'lit'; v: null | undefined | boolean }
  | { k: 'arr'; items: (N | null)[] }
  | { k: 'obj'; props: Prop[] }
  | Fn
  | { k: 'class'; name?: string; superClass?: N; members: { name: string; fn: Fn; isStatic: boolean }[] }
  | { k: 'call'; callee: N; args: N[]; optional: boolean; line: number; col: number }
  | { k: 'new'; callee: N; args: N[]; line: number; col: number }
  | { k: 'member'; obj: N; prop: string | N; optional: boolean }
  | { k: 'assign'; op: string; target: N; value: N }
  | { k: 'update'; op: '++' | '--'; prefix: boolean; target: N }
  | { k: 'bin'; op: string; l: N; r: N }
  | { k: 'logic'; op: '&&' | '||' | '??'; l: N; r: N }
  | { k: 'un'; op: string; e: N }
  | { k: 'cond'; test: N; a: N; b: N }
  | { k: 'await'; e: N }
  | { k: 'seq'; items: N[] }
  | { k: 'spread'; e: N }
  | { k: 'default'; target: N; value: N }
  // statements
  | { k: 'var'; kind: 'var' | 'let' | 'const'; decls: [N, N | undefined][]; line: number }
  | { k: 'expr'; e: N; line: number }
  | { k: 'if'; test: N; then: N; otherwise?: N }
  | { k: 'for'; init?: N; test?: N; update?: N; body: N }
  | { k: 'forof'; kind: string; target: N; iter: N; body: N; of: boolean }
  | { k: 'while'; test: N; body: N; doWhile: boolean }
  | { k: 'return'; e?: N }
  | { k: 'break' }
  | { k: 'continue' }
  | { k: 'throw'; e: N; line: number; col: number }
  | { k: 'try'; block: N[]; param?: N; handler?: N[]; finalizer?: N[] }
  | { k: 'block'; body: N[] }
  | { k: 'switch'; disc: N; cases: { test?: N; body: N[] }[] }
  | { k: 'empty' }
  | { k: 'import'; source: string; names: [string, string][]; line: number }
  | { k: 'export'; decl?: N; value?: N; names?: [string, string][] };
