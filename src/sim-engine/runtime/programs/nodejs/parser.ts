/**
 * A parser for the JavaScript subset node runs here: declarations (var/let/const with
 * destructuring, functions, async functions, classes), control flow (if, for, for…of,
 * for…in, while, do…while, switch, try/catch/finally, throw), expressions (arrows,
 * templates, spread, optional chaining, ??, the usual operators), CommonJS and ES
 * module imports/exports. Semicolons are optional where a newline allows (ASI).
 */
import type { Fn, N, Prop } from './ast.ts';
import { JsSyntaxError, tokenize } from './lexer.ts';
import type { Tok } from './lexer.ts';

const ASSIGN = [
  '=',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '**=',
  '&&=',
  '||=',
  '??=',
  '<<=',
  '>>=',
  '&=',
  '|=',
  '^=',
];
const BINARY: string[][] = [
  ['??'],
  ['||'],
  ['&&'],
  ['|'],
  ['^'],
  ['&'],
  ['==', '!=', '===', '!=='],
  ['<', '>', '<=', '>=', 'instanceof', 'in'],
  ['<<', '>>', '>>>'],
  ['+', '-'],
  ['*', '/', '%'],
];

export function parseProgram(src: string): N[] {
  const p = new Parser(tokenize(src));
  const out: N[] = [];
  while (p.peek().t !== 'eof') out.push(p.statement());
  return out;
}

export function parseExpressionText(src: string): N {
  return new Parser(tokenize(src)).expression();
}

class Parser {
  readonly #t: Tok[];
  #p = 0;
  constructor(t: Tok[]) {
    this.#t = t;
  }
  peek(o = 0): Tok {
    return this.#t[Math.min(this.#p + o, this.#t.length - 1)]!;
  }
  #next(): Tok {
    return this.#t[this.#p++]!;
  }
  #is(v: string, o = 0): boolean {
    const t = this.peek(o);
    return (t.t === 'op' || t.t === 'name') && t.v === v;
  }
  #accept(v: string): boolean {
    if (!this.#is(v)) return false;
    this.#p++;
    return true;
  }
  #fail(t: Tok = this.peek()): never {
    const what = t.t === 'eof' ? 'end of input' : `token '${'v' in t ? String(t.v) : ''}'`;
    throw new JsSyntaxError(`Unexpected ${what}`, t.line, t.col);
  }
  #expect(v: string): void {
    if (!this.#accept(v)) this.#fail();
  }
  #semi(): void {
    if (this.#accept(';')) return;
    if (this.#is('}') || this.peek().t === 'eof' || this.peek().nl) return;
    this.#fail();
  }
  #ident(): string {
    const t = this.#next();
    if (t.t !== 'name') this.#fail(t);
    return (t as { v: string }).v;
  }

  statement(): N {
    const t = this.peek();
    const line = t.line;
    if (t.t === 'op') {
      if (t.v === '{') {
        this.#p++;
        return { k: 'block', body: this.#block() };
      }
      if (t.v === ';') {
        this.#p++;
        return { k: 'empty' };
      }
    }
    if (t.t === 'name') {
      switch (t.v) {
        case 'var':
        case 'let':
        case 'const': {
          this.#p++;
          const decl = this.#declarations(t.v, line);
          this.#semi();
          return decl;
        }
        case 'function':
          return this.#fnDecl(false);
        case 'async':
          if (this.#is('function', 1)) {
            this.#p++;
            return this.#fnDecl(true);
          }
          break;
        case 'class': {
          const c = this.#class();
          return {
            k: 'var',
            kind: 'let',
            decls: [[{ k: 'id', name: (c as { name?: string }).name ?? '', line, col: t.col }, c]],
            line,
          };
        }
        case 'if': {
          this.#p++;
          this.#expect('(');
          const test = this.expression();
          this.#expect(')');
          const then = this.statement();
          const otherwise = this.#accept('else') ? this.statement() : undefined;
          return { k: 'if', test, then, ...(otherwise ? { otherwise } : {}) };
        }
        case 'for':
          return this.#for();
        case 'while': {
          this.#p++;
          this.#expect('(');
          const test = this.expression();
          this.#expect(')');
          return { k: 'while', test, body: this.statement(), doWhile: false };
        }
        case 'do': {
          this.#p++;
          const body = this.statement();
          this.#expect('while');
          this.#expect('(');
          const test = this.expression();
          this.#expect(')');
          this.#accept(';');
          return { k: 'while', test, body, doWhile: true };
        }
        case 'return': {
          this.#p++;
          if (this.#is(';') || this.#is('}') || this.peek().nl || this.peek().t === 'eof') {
            this.#accept(';');
            return { k: 'return' };
          }
          const e = this.expression();
          this.#semi();
          return { k: 'return', e };
        }
        case 'break':
        case 'continue':
          this.#p++;
          if (this.peek().t === 'name' && !this.peek().nl) this.#p++;
          this.#semi();
          return { k: t.v };
        case 'throw': {
          this.#p++;
          const e = this.expression();
          this.#semi();
          return { k: 'throw', e, line, col: t.col };
        }
        case 'try': {
          this.#p++;
          this.#expect('{');
          const block = this.#block();
          let param: N | undefined;
          let handler: N[] | undefined;
          if (this.#accept('catch')) {
            if (this.#accept('(')) {
              param = this.#bindingTarget();
              this.#expect(')');
            }
            this.#expect('{');
            handler = this.#block();
          }
          let finalizer: N[] | undefined;
          if (this.#accept('finally')) {
            this.#expect('{');
            finalizer = this.#block();
          }
          return {
            k: 'try',
            block,
            ...(param ? { param } : {}),
            ...(handler ? { handler } : {}),
            ...(finalizer ? { finalizer } : {}),
          };
        }
        case 'switch': {
          this.#p++;
          this.#expect('(');
          const disc = this.expression();
          this.#expect(')');
          this.#expect('{');
          const cases: { test?: N; body: N[] }[] = [];
          while (!this.#accept('}')) {
            const c: { test?: N; body: N[] } = { body: [] };
            if (this.#accept('default')) this.#expect(':');
            else {
              this.#expect('case');
              c.test = this.expression();
              this.#expect(':');
            }
            while (!this.#is('case') && !this.#is('default') && !this.#is('}')) c.body.push(this.statement());
            cases.push(c);
          }
          return { k: 'switch', disc, cases };
        }
        case 'import':
          if (!this.#is('(', 1)) return this.#import(line);
          break;
        case 'export': {
          this.#p++;
          if (this.#accept('default')) {
            const value = this.assignment();
            this.#semi();
            return { k: 'export', value };
          }
          if (this.#accept('{')) {
            const names: [string, string][] = [];
            while (!this.#accept('}')) {
              const local = this.#ident();
              names.push([local, this.#accept('as') ? this.#ident() : local]);
              this.#accept(',');
            }
            if (this.#accept('from')) this.#p++;
            this.#semi();
            return { k: 'export', names };
          }
          return { k: 'export', decl: this.statement() };
        }
      }
    }
    const e = this.expression();
    this.#semi();
    return { k: 'expr', e, line };
  }

  #import(line: number): N {
    this.#p++;
    const names: [string, string][] = [];
    if (this.peek().t === 'str') {
      const source = (this.#next() as { v: string }).v;
      this.#semi();
      return { k: 'import', source, names, line };
    }
    if (this.peek().t === 'name' && !this.#is('from')) names.push(['default', this.#ident()]);
    this.#accept(',');
    if (this.#accept('*')) {
      this.#expect('as');
      names.push(['*', this.#ident()]);
    } else if (this.#accept('{')) {
      while (!this.#accept('}')) {
        const imported = this.#ident();
        names.push([imported, this.#accept('as') ? this.#ident() : imported]);
        this.#accept(',');
      }
    }
    this.#expect('from');
    const t = this.#next();
    if (t.t !== 'str') this.#fail(t);
    this.#semi();
    return { k: 'import', source: (t as { v: string }).v, names, line };
  }

  #block(): N[] {
    const out: N[] = [];
    while (!this.#accept('}')) {
      if (this.peek().t === 'eof') this.#fail();
      out.push(this.statement());
    }
    return out;
  }

  #declarations(kind: 'var' | 'let' | 'const', line: number): N {
    const decls: [N, N | undefined][] = [];
    do {
      const target = this.#bindingTarget();
      decls.push([target, this.#accept('=') ? this.assignment() : undefined]);
    } while (this.#accept(','));
    return { k: 'var', kind, decls, line };
  }

  #bindingTarget(): N {
    if (this.#is('[') || this.#is('{')) return this.#toPattern(this.#primary());
    const t = this.#next();
    if (t.t !== 'name') this.#fail(t);
    return { k: 'id', name: (t as { v: string }).v, line: t.line, col: t.col };
  }

  #fnDecl(async: boolean): N {
    const line = this.peek().line;
    this.#expect('function');
    this.#accept('*');
    const name = this.#ident();
    const fn = this.#fnRest(name, async, line);
    return { k: 'var', kind: 'var', decls: [[{ k: 'id', name, line, col: 0 }, fn]], line };
  }

  #fnRest(name: string | undefined, async: boolean, line: number): Fn {
    this.#expect('(');
    const params = this.#params();
    this.#expect('{');
    return { k: 'fn', ...(name ? { name } : {}), params, body: this.#block(), arrow: false, async, line };
  }

  #params(): N[] {
    const params: N[] = [];
    while (!this.#accept(')')) {
      if (this.#accept('...')) params.push({ k: 'spread', e: this.#bindingTarget() });
      else {
        const target = this.#bindingTarget();
        params.push(this.#accept('=') ? { k: 'default', target, value: this.assignment() } : target);
      }
      this.#accept(',');
    }
    return params;
  }

  #class(): N {
    this.#expect('class');
    const name = this.peek().t === 'name' && !this.#is('extends') ? this.#ident() : undefined;
    const superClass = this.#accept('extends') ? this.#postfix() : undefined;
    this.#expect('{');
    const members: { name: string; fn: Fn; isStatic: boolean }[] = [];
    while (!this.#accept('}')) {
      if (this.#accept(';')) continue;
      const isStatic = this.#is('static') && !this.#is('(', 1) ? (this.#p++, true) : false;
      const async = this.#is('async') && !this.#is('(', 1) ? (this.#p++, true) : false;
      const mname = this.peek().t === 'str' ? (this.#next() as { v: string }).v : this.#ident();
      if (this.#accept('=')) {
        const value = this.assignment();
        this.#semi();
        members.push({
          name: `\0field:${mname}`,
          fn: { k: 'fn', params: [], body: value, arrow: true, async: false, line: 0 },
          isStatic,
        });
        continue;
      }
      members.push({ name: mname, fn: this.#fnRest(mname, async, this.peek().line), isStatic });
    }
    return { k: 'class', ...(name ? { name } : {}), ...(superClass ? { superClass } : {}), members };
  }

  #for(): N {
    this.#p++;
    this.#accept('await');
    this.#expect('(');
    let init: N | undefined;
    if (this.#is('var') || this.#is('let') || this.#is('const')) {
      const kind = (this.#next() as { v: string }).v;
      const target = this.#bindingTarget();
      if (this.#accept('of') || this.#accept('in')) {
        const of = (this.#t[this.#p - 1] as { v: string }).v === 'of';
        const iter = this.expression();
        this.#expect(')');
        return { k: 'forof', kind, target, iter, body: this.statement(), of };
      }
      const decls: [N, N | undefined][] = [[target, this.#accept('=') ? this.assignment() : undefined]];
      while (this.#accept(',')) {
        const t = this.#bindingTarget();
        decls.push([t, this.#accept('=') ? this.assignment() : undefined]);
      }
      init = { k: 'var', kind: kind as 'let', decls, line: 0 };
    } else if (!this.#is(';')) init = { k: 'expr', e: this.expression(), line: 0 };
    this.#expect(';');
    const test = this.#is(';') ? undefined : this.expression();
    this.#expect(';');
    const update = this.#is(')') ? undefined : this.expression();
    this.#expect(')');
    return {
      k: 'for',
      ...(init ? { init } : {}),
      ...(test ? { test } : {}),
      ...(update ? { update } : {}),
      body: this.statement(),
    };
  }

  expression(): N {
    const first = this.assignment();
    if (!this.#is(',')) return first;
    const items = [first];
    while (this.#accept(',')) items.push(this.assignment());
    return { k: 'seq', items };
  }

  #toPattern(n: N): N {
    if (n.k === 'arr') return { k: 'arr', items: n.items.map((x) => (x ? this.#toPattern(x) : null)) };
    if (n.k === 'obj') {
      return {
        k: 'obj',
        props: n.props.map((p): Prop =>
          'spread' in p ? { spread: this.#toPattern(p.spread) } : { ...p, value: this.#toPattern(p.value) },
        ),
      };
    }
    if (n.k === 'assign' && n.op === '=')
      return { k: 'default', target: this.#toPattern(n.target), value: n.value };
    if (n.k === 'spread') return { k: 'spread', e: this.#toPattern(n.e) };
    return n;
  }

  #arrowAhead(): boolean {
    if (this.peek().t === 'name' && this.#is('=>', 1)) return true;
    if (!this.#is('(')) return false;
    let depth = 0;
    for (let i = this.#p; i < this.#t.length; i++) {
      const t = this.#t[i]!;
      if (t.t === 'op' && (t.v === '(' || t.v === '[' || t.v === '{')) depth++;
      if (t.t === 'op' && (t.v === ')' || t.v === ']' || t.v === '}')) {
        depth--;
        if (depth === 0) {
          const n = this.#t[i + 1];
          return n?.t === 'op' && n.v === '=>';
        }
      }
      if (t.t === 'eof') return false;
    }
    return false;
  }

  assignment(): N {
    const line = this.peek().line;
    const async = this.#is('async') && !this.peek(1).nl && (this.peek(1).t === 'name' || this.#is('(', 1));
    if (async) {
      const save = this.#p;
      this.#p++;
      if (this.#arrowAhead()) return this.#arrow(true, line);
      this.#p = save;
    }
    if (this.#arrowAhead()) return this.#arrow(false, line);
    const left = this.#conditional();
    const t = this.peek();
    if (t.t === 'op' && ASSIGN.includes(t.v)) {
      this.#p++;
      return { k: 'assign', op: t.v, target: this.#toPattern(left), value: this.assignment() };
    }
    return left;
  }

  #arrow(async: boolean, line: number): N {
    let params: N[];
    if (this.#accept('(')) params = this.#params();
    else params = [{ k: 'id', name: this.#ident(), line, col: 0 }];
    this.#expect('=>');
    if (this.#accept('{')) return { k: 'fn', params, body: this.#block(), arrow: true, async, line };
    return { k: 'fn', params, body: this.assignment(), arrow: true, async, line };
  }

  #conditional(): N {
    const test = this.#binary(0);
    if (!this.#accept('?')) return test;
    const a = this.assignment();
    this.#expect(':');
    return { k: 'cond', test, a, b: this.assignment() };
  }

  #binary(level: number): N {
    if (level >= BINARY.length) return this.#exponent();
    let l = this.#binary(level + 1);
    for (;;) {
      const t = this.peek();
      if ((t.t === 'op' || t.t === 'name') && BINARY[level]!.includes(t.v as string)) {
        this.#p++;
        const r = this.#binary(level + 1);
        const op = t.v as string;
        l = op === '&&' || op === '||' || op === '??' ? { k: 'logic', op, l, r } : { k: 'bin', op, l, r };
      } else return l;
    }
  }

  #exponent(): N {
    const base = this.#unary();
    if (this.#accept('**')) return { k: 'bin', op: '**', l: base, r: this.#exponent() };
    return base;
  }

  #unary(): N {
    const t = this.peek();
    if (t.t === 'op' && ['!', '-', '+', '~'].includes(t.v)) {
      this.#p++;
      return { k: 'un', op: t.v, e: this.#unary() };
    }
    if (t.t === 'op' && (t.v === '++' || t.v === '--')) {
      this.#p++;
      return { k: 'update', op: t.v, prefix: true, target: this.#unary() };
    }
    if (t.t === 'name' && ['typeof', 'void', 'delete'].includes(t.v)) {
      this.#p++;
      return { k: 'un', op: t.v, e: this.#unary() };
    }
    if (t.t === 'name' && t.v === 'await') {
      this.#p++;
      return { k: 'await', e: this.#unary() };
    }
    const e = this.#postfix();
    const n = this.peek();
    if (n.t === 'op' && (n.v === '++' || n.v === '--') && !n.nl) {
      this.#p++;
      return { k: 'update', op: n.v, prefix: false, target: e };
    }
    return e;
  }

  #args(): N[] {
    const args: N[] = [];
    while (!this.#accept(')')) {
      args.push(this.#accept('...') ? { k: 'spread', e: this.assignment() } : this.assignment());
      if (!this.#is(')')) this.#expect(',');
    }
    return args;
  }

  #postfix(): N {
    let e: N;
    const start = this.peek();
    if (this.#accept('new')) {
      if (this.#accept('.')) {
        this.#ident();
        e = { k: 'lit', v: undefined };
      } else {
        const callee = this.#member(this.#primary());
        e = {
          k: 'new',
          callee,
          args: this.#accept('(') ? this.#args() : [],
          line: start.line,
          col: start.col,
        };
      }
    } else e = this.#primary();
    for (;;) {
      const t = this.peek();
      if (this.#accept('.')) e = { k: 'member', obj: e, prop: this.#ident(), optional: false };
      else if (this.#accept('?.')) {
        if (this.#accept('('))
          e = { k: 'call', callee: e, args: this.#args(), optional: true, line: t.line, col: t.col };
        else if (this.#accept('[')) {
          const prop = this.expression();
          this.#expect(']');
          e = { k: 'member', obj: e, prop, optional: true };
        } else e = { k: 'member', obj: e, prop: this.#ident(), optional: true };
      } else if (this.#accept('[')) {
        const prop = this.expression();
        this.#expect(']');
        e = { k: 'member', obj: e, prop, optional: false };
      } else if (this.#is('(')) {
        this.#p++;
        e = { k: 'call', callee: e, args: this.#args(), optional: false, line: t.line, col: t.col };
      } else if (t.t === 'tmpl') {
        this.#p++;
        e = { k: 'call', callee: e, args: [this.#template(t.v)], optional: false, line: t.line, col: t.col };
      } else return e;
    }
  }

  #member(e: N): N {
    for (;;) {
      if (this.#accept('.')) e = { k: 'member', obj: e, prop: this.#ident(), optional: false };
      else if (this.#accept('[')) {
        const prop = this.expression();
        this.#expect(']');
        e = { k: 'member', obj: e, prop, optional: false };
      } else return e;
    }
  }

  #template(raw: string): N {
    const quasis: string[] = [];
    const exprs: N[] = [];
    let cur = '';
    for (let i = 0; i < raw.length; i++) {
      const c = raw[i]!;
      if (c === '\\') {
        const e = raw[++i]!;
        cur +=
          e === 'n'
            ? '\n'
            : e === 't'
              ? '\t'
              : e === '`'
                ? '`'
                : e === '$'
                  ? '$'
                  : e === '\\'
                    ? '\\'
                    : `\\${e}`;
      } else if (c === '$' && raw[i + 1] === '{') {
        let depth = 1;
        let j = i + 2;
        for (; j < raw.length && depth; j++) {
          if (raw[j] === '{') depth++;
          if (raw[j] === '}') depth--;
        }
        quasis.push(cur);
        cur = '';
        exprs.push(parseExpressionText(raw.slice(i + 2, j - 1)));
        i = j - 1;
      } else cur += c;
    }
    quasis.push(cur);
    return { k: 'tmpl', quasis, exprs };
  }

  #primary(): N {
    const t = this.#next();
    switch (t.t) {
      case 'num':
        return { k: 'num', v: t.v };
      case 'str':
        return { k: 'str', v: t.v };
      case 'tmpl':
        return this.#template(t.v);
      case 'regex':
        return { k: 'regex', src: t.v, flags: t.flags };
      case 'name':
        switch (t.v) {
          case 'true':
          case 'false':
            return { k: 'lit', v: t.v === 'true' };
          case 'null':
            return { k: 'lit', v: null };
          case 'undefined':
            return { k: 'lit', v: undefined };
          case 'this':
            return { k: 'this' };
          case 'function': {
            this.#accept('*');
            const name = this.peek().t === 'name' ? this.#ident() : undefined;
            return this.#fnRest(name, false, t.line);
          }
          case 'async':
            if (this.#is('function')) {
              this.#p++;
              const name = this.peek().t === 'name' ? this.#ident() : undefined;
              return this.#fnRest(name, true, t.line);
            }
            break;
          case 'class':
            this.#p--;
            return this.#class();
          case 'import':
            return { k: 'id', name: 'require', line: t.line, col: t.col };
        }
        return { k: 'id', name: t.v, line: t.line, col: t.col };
      case 'op':
        if (t.v === '(') {
          const e = this.expression();
          this.#expect(')');
          return e;
        }
        if (t.v === '[') {
          const items: (N | null)[] = [];
          while (!this.#accept(']')) {
            if (this.#is(',')) {
              this.#p++;
              items.push(null);
              continue;
            }
            items.push(this.#accept('...') ? { k: 'spread', e: this.assignment() } : this.assignment());
            if (!this.#is(']')) this.#expect(',');
          }
          return { k: 'arr', items };
        }
        if (t.v === '{') {
          const props: Prop[] = [];
          while (!this.#accept('}')) {
            if (this.#accept('...')) props.push({ spread: this.assignment() });
            else {
              let computed = false;
              let key: string | N;
              const kt = this.peek();
              const accessor =
                kt.t === 'name' &&
                (kt.v === 'get' || kt.v === 'set') &&
                !this.#is(':', 1) &&
                !this.#is('(', 1) &&
                !this.#is(',', 1) &&
                !this.#is('}', 1)
                  ? (this.#p++, kt.v as 'get' | 'set')
                  : undefined;
              const async =
                this.#is('async') && !this.#is(':', 1) && !this.#is('(', 1) && !this.#is(',', 1)
                  ? (this.#p++, true)
                  : false;
              if (this.#accept('[')) {
                computed = true;
                key = this.assignment();
                this.#expect(']');
              } else {
                const k = this.#next();
                if (k.t !== 'name' && k.t !== 'str' && k.t !== 'num') this.#fail(k);
                key = String((k as { v: string | number }).v);
              }
              if (this.#is('(')) {
                const fn = this.#fnRest(typeof key === 'string' ? key : undefined, async, kt.line);
                props.push({ key, value: fn, computed, ...(accessor ? { kind: accessor } : {}) });
              } else if (this.#accept(':')) props.push({ key, value: this.assignment(), computed });
              else {
                const id: N = { k: 'id', name: key as string, line: kt.line, col: kt.col };
                props.push({
                  key,
                  value: this.#accept('=')
                    ? { k: 'assign', op: '=', target: id, value: this.assignment() }
                    : id,
                  computed,
                });
              }
            }
            if (!this.#is('}')) this.#expect(',');
          }
          return { k: 'obj', props };
        }
    }
    return this.#fail(t);
  }
}
