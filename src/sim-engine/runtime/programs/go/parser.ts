/**
 * A recursive-descent parser for the Go subset: package clause, imports, functions
 * and methods, var/const/type declarations, the statements and expressions of
 * ast.ts. Composite literals are not taken in `if`/`for`/`switch` headers (Go's rule).
 * Syntax errors read as gc's: `syntax error: unexpected newline, expected …`.
 */
import { GoCompileError } from './ast.ts';
import type { Expr, FuncDecl, GoFile, Param, Pos, Stmt, TypeExpr } from './ast.ts';
import { tokenize } from './lexer.ts';
import type { Tok } from './lexer.ts';

const PREC: Record<string, number> = {
  '||': 1,
  '&&': 2,
  '==': 3,
  '!=': 3,
  '<': 3,
  '<=': 3,
  '>': 3,
  '>=': 3,
  '+': 4,
  '-': 4,
  '|': 4,
  '^': 4,
  '*': 5,
  '/': 5,
  '%': 5,
  '<<': 5,
  '>>': 5,
  '&': 5,
  '&^': 5,
};

export function parseFile(src: string, file: string): GoFile {
  return new Parser(tokenize(src, file), file).file();
}

class Parser {
  #t: Tok[];
  #p = 0;
  #file: string;
  /** >= 0 where composite literals are allowed (not in control clause headers) */
  #lev = 0;

  constructor(t: Tok[], file: string) {
    this.#t = t;
    this.#file = file;
  }

  get #tok(): Tok {
    return this.#t[this.#p]!;
  }
  #is(v: string): boolean {
    const t = this.#tok;
    return (t.t === 'op' || t.t === 'kw') && t.v === v;
  }
  #accept(v: string): boolean {
    if (!this.#is(v)) return false;
    this.#p++;
    return true;
  }
  #describe(t: Tok): string {
    if (t.t === ';') return t.v === '\n' ? 'newline' : 'semicolon';
    if (t.t === 'eof') return 'EOF';
    if (t.t === 'ident') return `name ${t.v}`;
    if (t.t === 'kw') return `keyword ${t.v}`;
    if (t.t === 'str' || t.t === 'int' || t.t === 'float' || t.t === 'rune')
      return `literal ${t.t === 'str' ? JSON.stringify(t.v) : t.v}`;
    return t.v;
  }
  #fail(expected?: string): never {
    const t = this.#tok;
    throw new GoCompileError(
      this.#file,
      t.pos,
      `syntax error: unexpected ${this.#describe(t)}${expected ? `, expected ${expected}` : ''}`,
    );
  }
  #expect(v: string, expected = v): void {
    if (!this.#accept(v)) this.#fail(expected);
  }
  #ident(): string {
    const t = this.#tok;
    if (t.t !== 'ident') this.#fail('name');
    this.#p++;
    return t.v;
  }
  #semi(): void {
    if (this.#tok.t === ';') this.#p++;
    else if (!this.#is(')') && !this.#is('}') && this.#tok.t !== 'eof') this.#fail('semicolon or newline');
  }

  file(): GoFile {
    const out: GoFile = { name: this.#file, pkg: '', imports: [], funcs: [], decls: [] };
    if (!this.#accept('package')) this.#fail('package');
    out.pkg = this.#ident();
    this.#semi();
    while (this.#accept('import')) {
      const one = () => {
        const pos = this.#tok.pos;
        const alias =
          this.#tok.t === 'ident' || this.#is('.') ? (this.#p++, this.#t[this.#p - 1]!.v) : undefined;
        const t = this.#tok;
        if (t.t !== 'str') this.#fail('import path');
        this.#p++;
        out.imports.push({ name: alias ?? t.v.split('/').pop()!, path: t.v, pos });
      };
      if (this.#accept('(')) {
        while (!this.#accept(')')) {
          one();
          this.#semi();
        }
      } else one();
      this.#semi();
    }
    while (this.#tok.t !== 'eof') {
      if (this.#is('func')) out.funcs.push(this.#funcDecl());
      else if (this.#is('var') || this.#is('const') || this.#is('type')) out.decls.push(...this.#decl());
      else if (this.#is('import')) this.#fail();
      else this.#fail('declaration');
      this.#semi();
    }
    return out;
  }

  #funcDecl(): FuncDecl {
    const pos = this.#tok.pos;
    this.#p++;
    let recv: FuncDecl['recv'];
    if (this.#accept('(')) {
      const name = this.#tok.t === 'ident' && this.#t[this.#p + 1]?.v !== ')' ? this.#ident() : '_';
      this.#accept('*');
      recv = { name, type: this.#ident() };
      this.#expect(')');
    }
    const name = this.#ident();
    const params = this.#params();
    const results = this.#results();
    if (!this.#is('{')) this.#fail('{ after func declaration');
    return { name, ...(recv ? { recv } : {}), params, results, body: this.#block(), pos };
  }

  #params(): Param[] {
    this.#expect('(');
    const groups: { names: string[]; type?: TypeExpr; variadic: boolean }[] = [];
    while (!this.#accept(')')) {
      // `a, b int` or `int, string` (unnamed)
      const start = this.#p;
      let names: string[] = [];
      if (this.#tok.t === 'ident') {
        names.push(this.#ident());
        if (this.#is(',') || this.#is(')')) {
          groups.push({ names, variadic: false });
          this.#accept(',');
          continue;
        }
        if (this.#is('.')) {
          this.#p = start;
          names = [];
        }
      }
      const variadic = this.#accept('...');
      const type = this.#type();
      groups.push(names.length ? { names, type, variadic } : { names: ['_'], type, variadic });
      if (!this.#accept(',') && !this.#is(')')) this.#fail('comma or )');
    }
    // names without a type take the next group's type; if none has one they were types
    const out: Param[] = [];
    const typed = groups.some((g) => g.type && g.names[0] !== '_');
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i]!;
      if (!typed) {
        out.push({ name: '_', type: g.type ?? { k: 'named', name: g.names[0]! }, variadic: g.variadic });
        continue;
      }
      const type = g.type ?? groups.slice(i).find((x) => x.type)?.type ?? { k: 'named', name: 'any' };
      for (const n of g.names) out.push({ name: n, type, variadic: g.variadic });
    }
    return out;
  }

  #results(): TypeExpr[] {
    if (this.#is('(')) return this.#params().map((p) => p.type);
    if (
      this.#is('{') ||
      this.#tok.t === ';' ||
      this.#is(')') ||
      this.#is(',') ||
      this.#is('}') ||
      this.#is(']')
    )
      return [];
    return [this.#type()];
  }

  #type(): TypeExpr {
    if (this.#accept('*')) return { k: 'ptr', elem: this.#type() };
    if (this.#accept('[')) {
      if (this.#accept(']')) return { k: 'slice', elem: this.#type() };
      const t = this.#tok;
      if (this.#accept('...')) {
        this.#expect(']');
        return { k: 'array', len: -1, elem: this.#type() };
      }
      if (t.t !== 'int') this.#fail('array length');
      this.#p++;
      this.#expect(']');
      return { k: 'array', len: t.n, elem: this.#type() };
    }
    if (this.#accept('map')) {
      this.#expect('[');
      const key = this.#type();
      this.#expect(']');
      return { k: 'map', key, value: this.#type() };
    }
    if (this.#accept('chan')) return { k: 'chan', elem: this.#type() };
    if (this.#accept('func')) {
      this.#params();
      this.#results();
      return { k: 'func' };
    }
    if (this.#accept('interface')) {
      this.#expect('{');
      let depth = 1;
      while (depth) {
        if (this.#is('{')) depth++;
        if (this.#is('}')) depth--;
        this.#p++;
      }
      return { k: 'iface' };
    }
    if (this.#accept('struct')) {
      this.#expect('{');
      const fields: { name: string; type: TypeExpr; tag?: string }[] = [];
      while (!this.#accept('}')) {
        const names = [this.#ident()];
        if (this.#tok.t === ';' || this.#is('}')) {
          // an embedded type
          fields.push({ name: names[0]!, type: { k: 'named', name: names[0]! } });
          this.#semi();
          continue;
        }
        while (this.#accept(',')) names.push(this.#ident());
        const type = this.#type();
        const tag = this.#tok.t === 'str' ? (this.#p++, this.#t[this.#p - 1]!.v) : undefined;
        for (const name of names) fields.push({ name, type, ...(tag !== undefined ? { tag } : {}) });
        this.#semi();
      }
      return { k: 'struct', fields };
    }
    let name = this.#ident();
    if (this.#accept('.')) name += `.${this.#ident()}`;
    return { k: 'named', name };
  }

  #decl(): Stmt[] {
    const kw = this.#tok.v;
    this.#p++;
    const one = (): Stmt => {
      const pos = this.#tok.pos;
      if (kw === 'type') {
        const name = this.#ident();
        this.#accept('=');
        return { k: 'type', name, t: this.#type(), pos };
      }
      const names = [{ name: this.#ident(), pos }];
      while (this.#accept(',')) names.push({ name: this.#ident(), pos: this.#tok.pos });
      const type = !this.#is('=') && this.#tok.t !== ';' && !this.#is(')') ? this.#type() : undefined;
      const values = this.#accept('=') ? this.#exprList() : [];
      return {
        k: 'var',
        names,
        ...(type ? { type } : {}),
        values,
        pos,
        ...(kw === 'const' ? { isConst: true } : {}),
      };
    };
    if (!this.#accept('(')) return [one()];
    const out: Stmt[] = [];
    let iota = 0;
    let last: Expr[] = [];
    while (!this.#accept(')')) {
      const s = one();
      // const ( A = iota; B; C ): a spec without values repeats the previous ones
      if (s.k === 'var' && s.isConst) {
        if (!s.values.length) s.values = last;
        last = s.values;
        s.values = s.values.map((v) => withIota(v, iota));
        iota++;
      }
      out.push(s);
      this.#semi();
    }
    return out;
  }

  #block(): Stmt[] {
    this.#expect('{');
    const saved = this.#lev;
    this.#lev = 0;
    const out: Stmt[] = [];
    while (!this.#accept('}')) {
      if (this.#tok.t === 'eof') this.#fail('}');
      if (this.#tok.t === ';') {
        this.#p++;
        continue;
      }
      out.push(this.#stmt());
      if (!this.#is('}')) this.#semi();
    }
    this.#lev = saved;
    return out;
  }

  #stmt(): Stmt {
    const t = this.#tok;
    const pos = t.pos;
    if (t.t === 'kw') {
      switch (t.v) {
        case 'var':
        case 'const':
        case 'type': {
          const d = this.#decl();
          return d.length === 1 ? d[0]! : { k: 'block', body: d, pos };
        }
        case 'return': {
          this.#p++;
          return { k: 'return', values: this.#tok.t === ';' || this.#is('}') ? [] : this.#exprList(), pos };
        }
        case 'break':
        case 'continue':
          this.#p++;
          return { k: t.v, pos };
        case 'if':
          return this.#if();
        case 'for':
          return this.#for();
        case 'switch':
          return this.#switch();
        case 'defer':
        case 'go':
          this.#p++;
          return { k: t.v, call: this.#expr(), pos };
        case 'func':
          break;
        default:
          this.#fail();
      }
    }
    if (this.#is('{')) return { k: 'block', body: this.#block(), pos };
    return this.#simple();
  }

  #simple(): Stmt {
    const pos = this.#tok.pos;
    const lhs = this.#exprList();
    if (this.#accept(':=')) {
      const names = lhs.map((e) => {
        if (e.k !== 'ident')
          throw new GoCompileError(this.#file, e.pos, `non-name ${describe(e)} on left side of :=`);
        return { name: e.name, pos: e.pos };
      });
      if (this.#accept('range'))
        return { k: 'range', define: true, ...rangeVars(lhs), x: this.#expr(), body: [], pos };
      return { k: 'define', names, values: this.#exprList(), pos };
    }
    const op = this.#tok.v;
    if (this.#tok.t === 'op' && /^([-+*/%&|^]|<<|>>|&\^)?=$/.test(op)) {
      this.#p++;
      if (op === '=' && this.#accept('range'))
        return { k: 'range', define: false, ...rangeVars(lhs), x: this.#expr(), body: [], pos };
      return { k: 'assign', op, targets: lhs, values: this.#exprList(), pos };
    }
    if (this.#is('++') || this.#is('--')) {
      this.#p++;
      return { k: 'incdec', op: op as '++' | '--', target: lhs[0]!, pos };
    }
    if (lhs.length > 1) this.#fail(':= or = or comma');
    return { k: 'expr', e: lhs[0]!, pos };
  }

  #header<T>(f: () => T): T {
    const saved = this.#lev;
    this.#lev = -1;
    try {
      return f();
    } finally {
      this.#lev = saved;
    }
  }

  #if(): Stmt {
    const pos = this.#tok.pos;
    this.#p++;
    const [init, cond] = this.#header(() => {
      const s = this.#simple();
      if (this.#accept(';')) {
        const c = this.#simple();
        return [s, c] as const;
      }
      return [undefined, s] as const;
    });
    if (cond.k !== 'expr')
      throw new GoCompileError(
        this.#file,
        cond.pos,
        `cannot use ${cond.k === 'define' ? 'assignment' : 'statement'} as value`,
      );
    const then = this.#block();
    let otherwise: Stmt[] | undefined;
    if (this.#accept('else')) otherwise = this.#is('if') ? [this.#if()] : this.#block();
    return {
      k: 'if',
      ...(init ? { init } : {}),
      cond: cond.e,
      then,
      ...(otherwise ? { else: otherwise } : {}),
      pos,
    };
  }

  #for(): Stmt {
    const pos = this.#tok.pos;
    this.#p++;
    if (this.#is('{')) return { k: 'for', body: this.#block(), pos };
    const head = this.#header(() => {
      if (this.#accept('range')) return { k: 'range', define: false, x: this.#expr(), body: [], pos } as Stmt;
      const init = this.#tok.t === ';' ? undefined : this.#simple();
      if (init?.k === 'range') return init;
      if (!this.#accept(';')) {
        if (init?.k !== 'expr') this.#fail('for loop condition');
        return { k: 'for', cond: init.e, body: [], pos } as Stmt;
      }
      const cond = this.#tok.t === ';' ? undefined : this.#expr();
      this.#expect(';');
      const post = this.#is('{') ? undefined : this.#simple();
      return {
        k: 'for',
        ...(init ? { init } : {}),
        ...(cond ? { cond } : {}),
        ...(post ? { post } : {}),
        body: [],
        pos,
      } as Stmt;
    });
    (head as { body: Stmt[] }).body = this.#block();
    return head;
  }

  #switch(): Stmt {
    const pos = this.#tok.pos;
    this.#p++;
    let init: Stmt | undefined;
    let tag: Expr | undefined;
    if (!this.#is('{')) {
      this.#header(() => {
        const s = this.#tok.t === ';' ? undefined : this.#simple();
        if (this.#accept(';')) {
          init = s;
          if (!this.#is('{')) {
            const t = this.#simple();
            if (t.k === 'expr') tag = t.e;
          }
        } else if (s?.k === 'expr') tag = s.e;
      });
    }
    this.#expect('{');
    const cases: { exprs: Expr[] | null; body: Stmt[] }[] = [];
    while (!this.#accept('}')) {
      let exprs: Expr[] | null = null;
      if (this.#accept('case')) exprs = this.#exprList();
      else if (!this.#accept('default')) this.#fail('case or default or }');
      this.#expect(':');
      const body: Stmt[] = [];
      while (!this.#is('case') && !this.#is('default') && !this.#is('}')) {
        if (this.#tok.t === ';') {
          this.#p++;
          continue;
        }
        body.push(this.#stmt());
        if (!this.#is('}') && !this.#is('case') && !this.#is('default')) this.#semi();
      }
      cases.push({ exprs, body });
    }
    return { k: 'switch', ...(init ? { init } : {}), ...(tag ? { tag } : {}), cases, pos };
  }

  #exprList(): Expr[] {
    const out = [this.#expr()];
    while (this.#accept(',')) out.push(this.#expr());
    return out;
  }

  #expr(prec = 1): Expr {
    let l = this.#unary();
    for (;;) {
      const t = this.#tok;
      const p = t.t === 'op' ? PREC[t.v] : undefined;
      if (p === undefined || p < prec) return l;
      this.#p++;
      l = { k: 'bin', op: t.v, l, r: this.#expr(p + 1), pos: t.pos };
    }
  }

  #unary(): Expr {
    const t = this.#tok;
    if (t.t === 'op' && ['-', '+', '!', '^', '&', '*', '<-'].includes(t.v)) {
      this.#p++;
      return { k: 'un', op: t.v, e: this.#unary(), pos: t.pos };
    }
    return this.#primary();
  }

  #primary(): Expr {
    let x = this.#operand();
    for (;;) {
      const t = this.#tok;
      if (this.#accept('.')) {
        if (this.#accept('(')) {
          const type = this.#type();
          this.#expect(')');
          x = { k: 'assert', x, t: type, pos: t.pos };
        } else x = { k: 'sel', x, name: this.#ident(), pos: t.pos };
      } else if (this.#accept('(')) {
        const saved = this.#lev;
        this.#lev = 0;
        const args: Expr[] = [];
        let spread = false;
        while (!this.#accept(')')) {
          args.push(this.#is('[') || this.#is('map') ? this.#typeOrExpr() : this.#expr());
          if (this.#accept('...')) spread = true;
          if (!this.#accept(',') && !this.#is(')')) this.#fail('comma or )');
        }
        this.#lev = saved;
        x = { k: 'call', fn: x, args, spread, pos: t.pos };
      } else if (this.#accept('[')) {
        const saved = this.#lev;
        this.#lev = 0;
        const lo = this.#is(':') ? undefined : this.#expr();
        if (this.#accept(':')) {
          const hi = this.#is(']') ? undefined : this.#expr();
          x = { k: 'slice', x, ...(lo ? { lo } : {}), ...(hi ? { hi } : {}), pos: t.pos };
        } else x = { k: 'index', x, i: lo!, pos: t.pos };
        this.#expect(']');
        this.#lev = saved;
      } else if (this.#is('{') && this.#lev >= 0 && isTypeName(x)) {
        x = this.#composite(exprToType(x), x.pos);
      } else return x;
    }
  }

  #typeOrExpr(): Expr {
    const pos = this.#tok.pos;
    const t = this.#type();
    if (this.#is('{')) return this.#composite(t, pos);
    if (this.#is('(')) {
      this.#p++;
      const arg = this.#expr();
      this.#expect(')');
      return { k: 'call', fn: { k: 'type', t, pos }, args: [arg], spread: false, pos };
    }
    return { k: 'type', t, pos };
  }

  #composite(type: TypeExpr, pos: Pos): Expr {
    this.#expect('{');
    const saved = this.#lev;
    this.#lev = 0;
    const elems: { key?: Expr; value: Expr }[] = [];
    const missingComma = (): never => {
      const t = this.#tok;
      const what = t.t === ';' ? 'newline' : this.#describe(t);
      throw new GoCompileError(
        this.#file,
        t.pos,
        `syntax error: unexpected ${what} in composite literal; possibly missing comma or }`,
      );
    };
    while (!this.#accept('}')) {
      const elem = () => (this.#is('{') ? this.#composite(elementType(type), this.#tok.pos) : this.#expr());
      const first = elem();
      if (this.#accept(':')) elems.push({ key: first, value: elem() });
      else elems.push({ value: first });
      if (!this.#accept(',') && !this.#is('}')) missingComma();
    }
    this.#lev = saved;
    return { k: 'composite', type, elems, pos };
  }

  #operand(): Expr {
    const t = this.#tok;
    const pos = t.pos;
    switch (t.t) {
      case 'int':
        this.#p++;
        return { k: 'int', v: t.n, pos };
      case 'float':
        this.#p++;
        return { k: 'float', v: t.n, pos };
      case 'rune':
        this.#p++;
        return { k: 'rune', v: t.n, pos };
      case 'str':
        this.#p++;
        return { k: 'str', v: t.v, pos };
      case 'ident':
        this.#p++;
        return { k: 'ident', name: t.v, pos };
    }
    if (this.#accept('(')) {
      const saved = this.#lev;
      this.#lev = 0;
      const e = this.#expr();
      this.#expect(')');
      this.#lev = saved;
      return e;
    }
    if (this.#is('func')) {
      this.#p++;
      const params = this.#params();
      const results = this.#results();
      return { k: 'func', params, results, body: this.#block(), pos };
    }
    if (this.#is('[') || this.#is('map') || this.#is('struct') || this.#is('*')) return this.#typeOrExpr();
    return this.#fail('expression');
  }
}

function isTypeName(x: Expr): boolean {
  if (x.k === 'type') return true;
  if (x.k === 'ident') return /^[A-Z]/.test(x.name) || x.name === 'T';
  return x.k === 'sel' && x.x.k === 'ident' && /^[A-Z]/.test(x.name);
}

function exprToType(x: Expr): TypeExpr {
  if (x.k === 'type') return x.t;
  if (x.k === 'ident') return { k: 'named', name: x.name };
  if (x.k === 'sel' && x.x.k === 'ident') return { k: 'named', name: `${x.x.name}.${x.name}` };
  return { k: 'named', name: '?' };
}

function elementType(t: TypeExpr): TypeExpr {
  if (t.k === 'slice' || t.k === 'array') return t.elem;
  if (t.k === 'map') return t.value;
  return t;
}

function rangeVars(lhs: Expr[]): { key?: Expr; value?: Expr } {
  return { ...(lhs[0] ? { key: lhs[0] } : {}), ...(lhs[1] ? { value: lhs[1] } : {}) };
}

function withIota(e: Expr, iota: number): Expr {
  if (e.k === 'ident' && e.name === 'iota') return { k: 'int', v: iota, pos: e.pos };
  if (e.k === 'bin') return { ...e, l: withIota(e.l, iota), r: withIota(e.r, iota) };
  if (e.k === 'un') return { ...e, e: withIota(e.e, iota) };
  return e;
}

export function describe(e: Expr): string {
  switch (e.k) {
    case 'ident':
      return e.name;
    case 'sel':
      return `${describe(e.x)}.${e.name}`;
    case 'call':
      return `${describe(e.fn)}(${e.args.map(describe).join(', ')})`;
    case 'str':
      return JSON.stringify(e.v);
    case 'int':
    case 'float':
      return String(e.v);
    case 'index':
      return `${describe(e.x)}[${describe(e.i)}]`;
    default:
      return e.k;
  }
}
