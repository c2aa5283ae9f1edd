/** A recursive-descent parser for the Python subset (see python.ts for what it covers). */
import type { Expr, Param, Stmt } from './ast.ts';
import { PySyntaxError, tokenize } from './lexer.ts';
import type { Tok } from './lexer.ts';

export function parseModule(src: string): Stmt[] {
  return new Parser(tokenize(src), src).module();
}

export function parseExpression(src: string): Expr {
  const p = new Parser(tokenize(src), src);
  const e = p.testlist();
  return e;
}

const AUG = ['+=', '-=', '*=', '/=', '//=', '%=', '**=', '&=', '|=', '^=', '>>=', '<<='];
const CMP = ['<', '>', '==', '>=', '<=', '!=', 'in', 'not', 'is'];

class Parser {
  readonly #toks: Tok[];
  readonly #lines: string[];
  #p = 0;

  constructor(toks: Tok[], src: string) {
    this.#toks = toks;
    this.#lines = src.split('\n');
  }

  #peek(o = 0): Tok {
    return this.#toks[Math.min(this.#p + o, this.#toks.length - 1)]!;
  }
  #next(): Tok {
    return this.#toks[this.#p++]!;
  }
  #is(v: string, o = 0): boolean {
    const t = this.#peek(o);
    return (t.t === 'op' || t.t === 'name') && t.v === v;
  }
  #accept(v: string): boolean {
    if (!this.#is(v)) return false;
    this.#p++;
    return true;
  }
  #fail(t: Tok = this.#peek()): never {
    throw new PySyntaxError('invalid syntax', t.line, this.#lines[t.line - 1] ?? '');
  }
  #expect(v: string): void {
    if (!this.#accept(v)) {
      const t = this.#peek();
      if (v === ':') throw new PySyntaxError("expected ':'", t.line, this.#lines[t.line - 1] ?? '');
      this.#fail(t);
    }
  }
  #name(): string {
    const t = this.#next();
    if (t.t !== 'name') this.#fail(t);
    return (t as { v: string }).v;
  }

  module(): Stmt[] {
    const out: Stmt[] = [];
    while (this.#peek().t !== 'eof') {
      if (this.#peek().t === 'newline') {
        this.#p++;
        continue;
      }
      out.push(...this.statement());
    }
    return out;
  }

  block(): Stmt[] {
    this.#expect(':');
    if (this.#peek().t !== 'newline') return this.simple();
    this.#p++;
    if (this.#peek().t !== 'indent') {
      const t = this.#peek();
      throw new PySyntaxError('expected an indented block', t.line, this.#lines[t.line - 1] ?? '');
    }
    this.#p++;
    const out: Stmt[] = [];
    while (this.#peek().t !== 'dedent' && this.#peek().t !== 'eof') out.push(...this.statement());
    if (this.#peek().t === 'dedent') this.#p++;
    return out;
  }

  statement(): Stmt[] {
    const t = this.#peek();
    const line = t.line;
    if (t.t === 'op' && t.v === '@') {
      const decorators: Expr[] = [];
      while (this.#accept('@')) {
        decorators.push(this.test());
        if (this.#peek().t === 'newline') this.#p++;
      }
      const s = this.statement()[0]!;
      if (s.k !== 'def' && s.k !== 'class') this.#fail(t);
      return [{ ...s, decorators } as Stmt];
    }
    if (t.t === 'name') {
      switch (t.v) {
        case 'if': {
          this.#p++;
          const tests: [Expr, Stmt[]][] = [[this.namedTest(), this.block()]];
          let orelse: Stmt[] | undefined;
          for (;;) {
            if (this.#accept('elif')) tests.push([this.namedTest(), this.block()]);
            else if (this.#accept('else')) {
              orelse = this.block();
              break;
            } else break;
          }
          return [{ k: 'if', tests, ...(orelse ? { orelse } : {}), line }];
        }
        case 'while': {
          this.#p++;
          const test = this.namedTest();
          const body = this.block();
          const orelse = this.#accept('else') ? this.block() : undefined;
          return [{ k: 'while', test, body, ...(orelse ? { orelse } : {}), line }];
        }
        case 'for': {
          this.#p++;
          const target = this.targetList();
          this.#expect('in');
          const iter = this.testlist();
          const body = this.block();
          const orelse = this.#accept('else') ? this.block() : undefined;
          return [{ k: 'for', target, iter, body, ...(orelse ? { orelse } : {}), line }];
        }
        case 'def':
        case 'async': {
          this.#accept('async');
          this.#expect('def');
          const name = this.#name();
          this.#expect('(');
          const params = this.params(')');
          this.#expect(')');
          if (this.#accept('->')) this.test();
          return [{ k: 'def', name, params, body: this.block(), decorators: [], line }];
        }
        case 'class': {
          this.#p++;
          const name = this.#name();
          const bases: Expr[] = [];
          if (this.#accept('(')) {
            while (!this.#is(')')) {
              bases.push(this.test());
              if (!this.#accept(',')) break;
            }
            this.#expect(')');
          }
          return [{ k: 'class', name, bases, body: this.block(), decorators: [], line }];
        }
        case 'try': {
          this.#p++;
          const body = this.block();
          const handlers: { type?: Expr; name?: string; body: Stmt[] }[] = [];
          while (this.#accept('except')) {
            const h: { type?: Expr; name?: string; body: Stmt[] } = { body: [] };
            if (!this.#is(':')) {
              h.type = this.test();
              if (this.#accept('as')) h.name = this.#name();
            }
            h.body = this.block();
            handlers.push(h);
          }
          const orelse = this.#accept('else') ? this.block() : undefined;
          const final = this.#accept('finally') ? this.block() : undefined;
          return [
            { k: 'try', body, handlers, ...(orelse ? { orelse } : {}), ...(final ? { final } : {}), line },
          ];
        }
        case 'with': {
          this.#p++;
          const items: [Expr, Expr | undefined][] = [];
          do {
            const e = this.test();
            items.push([e, this.#accept('as') ? this.targetList() : undefined]);
          } while (this.#accept(','));
          return [{ k: 'with', items, body: this.block(), line }];
        }
      }
    }
    return this.simple();
  }

  simple(): Stmt[] {
    const out: Stmt[] = [this.small()];
    while (this.#accept(';')) {
      if (this.#peek().t === 'newline') break;
      out.push(this.small());
    }
    const t = this.#next();
    if (t.t !== 'newline' && t.t !== 'eof') this.#fail(t);
    return out;
  }

  small(): Stmt {
    const t = this.#peek();
    const line = t.line;
    if (t.t === 'name') {
      switch (t.v) {
        case 'pass':
        case 'break':
        case 'continue':
          this.#p++;
          return { k: t.v, line };
        case 'return':
          this.#p++;
          return this.#peek().t === 'newline' || this.#is(';')
            ? { k: 'return', line }
            : { k: 'return', e: this.testlist(), line };
        case 'raise':
          this.#p++;
          if (this.#peek().t === 'newline') return { k: 'raise', line };
          {
            const e = this.test();
            if (this.#accept('from')) this.test();
            return { k: 'raise', e, line };
          }
        case 'global':
        case 'nonlocal': {
          this.#p++;
          const names = [this.#name()];
          while (this.#accept(',')) names.push(this.#name());
          return { k: 'global', names, line };
        }
        case 'del': {
          this.#p++;
          const targets = [this.expr()];
          while (this.#accept(',')) targets.push(this.expr());
          return { k: 'del', targets, line };
        }
        case 'assert': {
          this.#p++;
          const test = this.test();
          return { k: 'assert', test, ...(this.#accept(',') ? { msg: this.test() } : {}), line };
        }
        case 'import': {
          this.#p++;
          const names: [string, string | undefined][] = [];
          do {
            const mod = this.dotted();
            names.push([mod, this.#accept('as') ? this.#name() : undefined]);
          } while (this.#accept(','));
          return { k: 'import', names, line };
        }
        case 'from': {
          this.#p++;
          let module = '';
          while (this.#accept('.')) module += '.';
          if (!this.#is('import')) module += this.dotted();
          this.#expect('import');
          const names: [string, string | undefined][] = [];
          const paren = this.#accept('(');
          do {
            if (paren && this.#is(')')) break;
            const n = this.#accept('*') ? '*' : this.#name();
            names.push([n, this.#accept('as') ? this.#name() : undefined]);
          } while (this.#accept(','));
          if (paren) this.#expect(')');
          return { k: 'from', module, names, line };
        }
      }
    }
    const first = this.testlistStar();
    if (this.#peek().t === 'op' && AUG.includes((this.#peek() as { v: string }).v)) {
      const op = (this.#next() as { v: string }).v.slice(0, -1);
      return { k: 'aug', target: first, op, value: this.testlist(), line };
    }
    if (this.#accept(':')) {
      this.test();
      if (this.#accept('=')) return { k: 'assign', targets: [first], value: this.testlist(), line };
      return { k: 'pass', line };
    }
    if (this.#is('=')) {
      const targets = [first];
      let value = first;
      while (this.#accept('=')) {
        value = this.testlistStar();
        targets.push(value);
      }
      targets.pop();
      return { k: 'assign', targets, value, line };
    }
    return { k: 'expr', e: first, line };
  }

  dotted(): string {
    let n = this.#name();
    while (this.#accept('.')) n += `.${this.#name()}`;
    return n;
  }

  params(close: string): Param[] {
    const out: Param[] = [];
    while (!this.#is(close)) {
      if (this.#accept('/')) {
        if (!this.#accept(',')) break;
        continue;
      }
      const star = this.#accept('**') ? '**' : this.#accept('*') ? '*' : undefined;
      if (star === '*' && this.#is(',')) {
        this.#p++;
        continue;
      }
      const name = this.#name();
      if (close === ')' && this.#accept(':')) this.test();
      const p: Param = { name, ...(star ? { star } : {}) };
      if (this.#accept('=')) p.default = this.test();
      out.push(p);
      if (!this.#accept(',')) break;
    }
    return out;
  }

  targetList(): Expr {
    const first = this.expr();
    if (!this.#is(',')) return first;
    const items = [first];
    while (this.#accept(',')) {
      if (this.#is('in') || this.#is('=') || this.#is(':')) break;
      items.push(this.expr());
    }
    return { k: 'tuple', items };
  }

  testlistStar(): Expr {
    const first = this.#accept('*') ? { k: 'un' as const, op: '*', e: this.expr() } : this.test();
    if (!this.#is(',')) return first;
    const items: Expr[] = [first];
    while (this.#accept(',')) {
      if (this.#peek().t === 'newline' || this.#is('=') || this.#is(')')) break;
      items.push(this.#accept('*') ? { k: 'un', op: '*', e: this.expr() } : this.test());
    }
    return { k: 'tuple', items };
  }

  testlist(): Expr {
    const first = this.test();
    if (!this.#is(',')) return first;
    const items = [first];
    while (this.#accept(',')) {
      if (this.#peek().t === 'newline' || this.#peek().t === 'eof' || this.#is(')') || this.#is('=')) break;
      items.push(this.test());
    }
    return { k: 'tuple', items };
  }

  namedTest(): Expr {
    if (this.#peek().t === 'name' && this.#is(':=', 1)) {
      this.#name();
      this.#p++;
    }
    return this.test();
  }

  test(): Expr {
    if (this.#accept('lambda')) {
      const params = this.params(':');
      this.#expect(':');
      return { k: 'lambda', params, body: this.test() };
    }
    const a = this.orTest();
    if (this.#is('if') && !this.#is('else', 0)) {
      const save = this.#p;
      this.#p++;
      const cond = this.orTest();
      if (this.#accept('else')) return { k: 'ifexp', cond, a, b: this.test() };
      this.#p = save;
    }
    return a;
  }

  orTest(): Expr {
    let e = this.andTest();
    while (this.#accept('or')) e = { k: 'bool', op: 'or', l: e, r: this.andTest() };
    return e;
  }
  andTest(): Expr {
    let e = this.notTest();
    while (this.#accept('and')) e = { k: 'bool', op: 'and', l: e, r: this.notTest() };
    return e;
  }
  notTest(): Expr {
    if (this.#accept('not')) return { k: 'un', op: 'not', e: this.notTest() };
    return this.comparison();
  }
  comparison(): Expr {
    const first = this.expr();
    const rest: [string, Expr][] = [];
    for (;;) {
      const t = this.#peek();
      if (!((t.t === 'op' || t.t === 'name') && CMP.includes(t.v))) break;
      if (t.v === 'not' && !this.#is('in', 1)) break;
      this.#p++;
      let op = t.v;
      if (op === 'not') {
        this.#p++;
        op = 'not in';
      } else if (op === 'is' && this.#accept('not')) op = 'is not';
      rest.push([op, this.expr()]);
    }
    return rest.length ? { k: 'cmp', first, rest } : first;
  }

  expr(): Expr {
    return this.binary(0);
  }

  static readonly LEVELS: string[][] = [
    ['|'],
    ['^'],
    ['&'],
    ['<<', '>>'],
    ['+', '-'],
    ['*', '/', '//', '%', '@'],
  ];

  binary(level: number): Expr {
    if (level >= Parser.LEVELS.length) return this.unary();
    let e = this.binary(level + 1);
    for (;;) {
      const t = this.#peek();
      if (t.t === 'op' && Parser.LEVELS[level]!.includes(t.v)) {
        this.#p++;
        e = { k: 'bin', op: t.v, l: e, r: this.binary(level + 1) };
      } else return e;
    }
  }

  unary(): Expr {
    const t = this.#peek();
    if (t.t === 'op' && (t.v === '-' || t.v === '+' || t.v === '~')) {
      this.#p++;
      return { k: 'un', op: t.v, e: this.unary() };
    }
    if (t.t === 'name' && t.v === 'await') {
      this.#p++;
      return this.unary();
    }
    const base = this.primary();
    if (this.#accept('**')) return { k: 'bin', op: '**', l: base, r: this.unary() };
    return base;
  }

  primary(): Expr {
    let e = this.atom();
    for (;;) {
      if (this.#accept('.')) e = { k: 'attr', obj: e, name: this.#name() };
      else if (this.#accept('(')) e = this.call(e);
      else if (this.#accept('[')) {
        const index = this.subscript();
        this.#expect(']');
        e = { k: 'index', obj: e, index };
      } else return e;
    }
  }

  subscript(): Expr {
    const part = () => (this.#is(':') || this.#is(']') || this.#is(',') ? undefined : this.test());
    const lo = part();
    if (!this.#accept(':')) return lo!;
    const hi = part();
    const step = this.#accept(':') ? part() : undefined;
    return { k: 'slice', ...(lo ? { lo } : {}), ...(hi ? { hi } : {}), ...(step ? { step } : {}) };
  }

  call(fn: Expr): Expr {
    const args: Expr[] = [];
    const kwargs: [string, Expr][] = [];
    let star: Expr | undefined;
    let dstar: Expr | undefined;
    while (!this.#is(')')) {
      if (this.#accept('**')) dstar = this.test();
      else if (this.#accept('*')) star = this.test();
      else if (this.#peek().t === 'name' && this.#is('=', 1)) {
        const name = this.#name();
        this.#p++;
        kwargs.push([name, this.test()]);
      } else {
        const e = this.test();
        if (this.#is('for')) args.push(this.comprehension('gen', e));
        else args.push(e);
      }
      if (!this.#accept(',')) break;
    }
    this.#expect(')');
    return { k: 'call', fn, args, kwargs, ...(star ? { star } : {}), ...(dstar ? { dstar } : {}) };
  }

  comprehension(kind: 'list' | 'set' | 'gen' | 'dict', elt: Expr, value?: Expr): Expr {
    this.#expect('for');
    const target = this.targetList();
    this.#expect('in');
    const iter = this.orTest();
    const conds: Expr[] = [];
    while (this.#accept('if')) conds.push(this.orTest());
    return { k: 'comp', kind, elt, ...(value ? { value } : {}), target, iter, conds };
  }

  atom(): Expr {
    const t = this.#next();
    if (t.t === 'num') return { k: 'num', v: t.v };
    if (t.t === 'str') {
      let parts: (string | { e: Expr; spec: string; conv: string })[] = [];
      let f = false;
      let cur: Tok = t;
      for (;;) {
        const s = cur as { v: string; prefix: string; line: number };
        if (s.prefix.includes('f')) {
          f = true;
          parts = parts.concat(this.fstring(s.v, s.line));
        } else parts.push(s.v);
        if (this.#peek().t !== 'str') break;
        cur = this.#next();
      }
      if (!f) return { k: 'str', v: parts.join('') };
      return { k: 'fstr', parts };
    }
    if (t.t === 'name') {
      if (t.v === 'True' || t.v === 'False' || t.v === 'None') return { k: 'const', v: t.v };
      if (
        [
          'if',
          'else',
          'for',
          'in',
          'def',
          'return',
          'import',
          'from',
          'class',
          'while',
          'pass',
          'and',
          'or',
          'not',
        ].includes(t.v)
      )
        this.#fail(t);
      return { k: 'name', id: t.v };
    }
    if (t.t === 'op') {
      if (t.v === '(') {
        if (this.#accept(')')) return { k: 'tuple', items: [] };
        const first = this.#accept('*') ? { k: 'un' as const, op: '*', e: this.expr() } : this.namedTest();
        if (this.#is('for')) {
          const c = this.comprehension('gen', first);
          this.#expect(')');
          return c;
        }
        if (this.#accept(')')) return first;
        const items = [first];
        while (this.#accept(',')) {
          if (this.#is(')')) break;
          items.push(this.test());
        }
        this.#expect(')');
        return { k: 'tuple', items };
      }
      if (t.v === '[') {
        const items: Expr[] = [];
        while (!this.#is(']')) {
          const e = this.#accept('*') ? { k: 'un' as const, op: '*', e: this.expr() } : this.test();
          if (this.#is('for')) {
            const c = this.comprehension('list', e);
            this.#expect(']');
            return c;
          }
          items.push(e);
          if (!this.#accept(',')) break;
        }
        this.#expect(']');
        return { k: 'list', items };
      }
      if (t.v === '{') {
        if (this.#accept('}')) return { k: 'dict', items: [] };
        const first = this.test();
        if (this.#accept(':')) {
          const v = this.test();
          if (this.#is('for')) {
            const c = this.comprehension('dict', first, v);
            this.#expect('}');
            return c;
          }
          const items: [Expr, Expr][] = [[first, v]];
          while (this.#accept(',')) {
            if (this.#is('}')) break;
            const k = this.test();
            this.#expect(':');
            items.push([k, this.test()]);
          }
          this.#expect('}');
          return { k: 'dict', items };
        }
        if (this.#is('for')) {
          const c = this.comprehension('set', first);
          this.#expect('}');
          return c;
        }
        const items = [first];
        while (this.#accept(',')) {
          if (this.#is('}')) break;
          items.push(this.test());
        }
        this.#expect('}');
        return { k: 'set', items };
      }
      if (t.v === '...') return { k: 'const', v: 'None' };
    }
    return this.#fail(t);
  }

  fstring(text: string, line: number): (string | { e: Expr; spec: string; conv: string })[] {
    const out: (string | { e: Expr; spec: string; conv: string })[] = [];
    let lit = '';
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (c === '{' && text[i + 1] === '{') {
        lit += '{';
        i++;
      } else if (c === '}' && text[i + 1] === '}') {
        lit += '}';
        i++;
      } else if (c === '{') {
        let depth = 1;
        let j = i + 1;
        let quote = '';
        for (; j < text.length; j++) {
          const d = text[j]!;
          if (quote) {
            if (d === quote) quote = '';
          } else if (d === '"' || d === "'") quote = d;
          else if (d === '{' || d === '[' || d === '(') depth++;
          else if (d === '}' || d === ']' || d === ')') {
            depth--;
            if (depth === 0) break;
          }
        }
        let inner = text.slice(i + 1, j);
        let spec = '';
        let conv = '';
        const colon = topLevel(inner, ':');
        if (colon >= 0) {
          spec = inner.slice(colon + 1);
          inner = inner.slice(0, colon);
        }
        const bang = topLevel(inner, '!');
        if (bang >= 0 && inner[bang + 1] !== '=') {
          conv = inner.slice(bang + 1);
          inner = inner.slice(0, bang);
        }
        if (inner.trim().endsWith('=')) {
          lit += inner;
          inner = inner.trim().slice(0, -1);
          if (!conv && !spec) conv = 'r';
        }
        if (lit) out.push(lit);
        lit = '';
        try {
          out.push({ e: parseExpression(inner), spec, conv });
        } catch {
          throw new PySyntaxError('f-string: invalid syntax', line);
        }
        i = j;
      } else lit += c;
    }
    if (lit) out.push(lit);
    return out;
  }
}

function topLevel(s: string, ch: string): number {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (c === ch && depth === 0) return i;
  }
  return -1;
}
