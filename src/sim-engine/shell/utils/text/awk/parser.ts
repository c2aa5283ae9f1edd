/** awk's grammar (POSIX), by recursive descent over lexer.ts's tokens. */
import type { Expr, Func, Item, LValue, Pattern, Program, Redirect, Stmt } from './ast.ts';
import { AwkSyntaxError, tokenize } from './lexer.ts';
import type { Token } from './lexer.ts';

const ASSIGN = new Set(['=', '+=', '-=', '*=', '/=', '%=', '^=']);

export function parseAwk(src: string): Program {
  const tokens = tokenize(src);
  let pos = 0;
  const peek = (o = 0): Token => tokens[Math.min(pos + o, tokens.length - 1)]!;
  const is = (text: string, kind?: string) =>
    peek().text === text && (kind === undefined || peek().kind === kind) && peek().kind !== 'str';
  const fail = (): never => {
    const t = peek();
    throw new AwkSyntaxError(t.line, t.kind === 'nl' ? 'end of line' : t.text);
  };
  const expect = (text: string) => {
    if (!is(text)) fail();
    pos++;
  };
  const skipNl = () => {
    while (peek().kind === 'nl') pos++;
  };
  const skipTerms = () => {
    while (peek().kind === 'nl' || is(';')) pos++;
  };
  const isLValue = (e: Expr): e is LValue => e.k === 'var' || e.k === 'field' || e.k === 'index';

  const exprList = (noGt = false): Expr[] => {
    const list = [expr(false, noGt)];
    while (is(',')) {
      pos++;
      skipNl();
      list.push(expr(false, noGt));
    }
    return list;
  };

  function expr(noIn = false, noGt = false): Expr {
    return ternary(noIn, noGt);
  }

  function ternary(noIn: boolean, noGt: boolean): Expr {
    const c = or(noIn, noGt);
    if (is('?')) {
      pos++;
      skipNl();
      const a = ternary(noIn, noGt);
      skipNl();
      expect(':');
      skipNl();
      return { k: 'cond', c, a, b: ternary(noIn, noGt) };
    }
    if (peek().kind === 'op' && ASSIGN.has(peek().text) && isLValue(c)) {
      const op = tokens[pos++]!.text;
      skipNl();
      return { k: 'assign', op, target: c, e: ternary(noIn, noGt) };
    }
    return c;
  }

  function or(noIn: boolean, noGt: boolean): Expr {
    let a = and(noIn, noGt);
    while (is('||')) {
      pos++;
      skipNl();
      a = { k: 'or', a, b: and(noIn, noGt) };
    }
    return a;
  }

  function and(noIn: boolean, noGt: boolean): Expr {
    let a = inExpr(noIn, noGt);
    while (is('&&')) {
      pos++;
      skipNl();
      a = { k: 'and', a, b: inExpr(noIn, noGt) };
    }
    return a;
  }

  function inExpr(noIn: boolean, noGt: boolean): Expr {
    let a = match(noIn, noGt);
    while (!noIn && is('in', 'kw')) {
      pos++;
      const name = tokens[pos++]!;
      if (name.kind !== 'name') fail();
      a = { k: 'in', subs: a.k === 'group' && a.list ? a.list : [a], name: name.text };
    }
    return a;
  }

  function match(noIn: boolean, noGt: boolean): Expr {
    let a = rel(noIn, noGt);
    while (is('~') || is('!~')) {
      const neg = tokens[pos++]!.text === '!~';
      a = { k: 'match', neg, a, re: rel(noIn, noGt) };
    }
    return a;
  }

  function rel(noIn: boolean, noGt: boolean): Expr {
    const a = concat(noIn, noGt);
    const t = peek();
    if (t.kind === 'op' && ['<', '<=', '!=', '==', '>=', ...(noGt ? [] : ['>'])].includes(t.text)) {
      pos++;
      return { k: 'bin', op: t.text, a, b: concat(noIn, noGt) };
    }
    return a;
  }

  const startsOperand = (): boolean => {
    const t = peek();
    if (
      t.kind === 'num' ||
      t.kind === 'str' ||
      t.kind === 'ere' ||
      t.kind === 'name' ||
      t.kind === 'funcname' ||
      t.kind === 'builtin'
    )
      return true;
    if (t.kind === 'op')
      return ['$', '!', '(', '++', '--', '-', '+'].includes(t.text) && !['-', '+'].includes(t.text);
    return false;
  };

  function concat(noIn: boolean, noGt: boolean): Expr {
    let a = additive();
    while (startsOperand() && !(noIn && is('in', 'kw'))) a = { k: 'bin', op: ' ', a, b: additive() };
    void noGt;
    return a;
  }

  function additive(): Expr {
    let a = multiplicative();
    while (is('+') || is('-')) {
      const op = tokens[pos++]!.text;
      a = { k: 'bin', op, a, b: multiplicative() };
    }
    return a;
  }

  function multiplicative(): Expr {
    let a = unary();
    while (is('*') || is('/') || is('%')) {
      const op = tokens[pos++]!.text;
      a = { k: 'bin', op, a, b: unary() };
    }
    return a;
  }

  function unary(): Expr {
    if (is('!')) {
      pos++;
      return { k: 'not', e: unary() };
    }
    if (is('-')) {
      pos++;
      return { k: 'neg', e: unary() };
    }
    if (is('+')) {
      pos++;
      return { k: 'plus', e: unary() };
    }
    return power();
  }

  function power(): Expr {
    const a = postfix();
    if (is('^')) {
      pos++;
      return { k: 'bin', op: '^', a, b: unaryPower() };
    }
    return a;
  }

  /** the right operand of ^ may carry a sign: 2^-1 */
  function unaryPower(): Expr {
    if (is('-')) {
      pos++;
      return { k: 'neg', e: unaryPower() };
    }
    return power();
  }

  function postfix(): Expr {
    const e = primary();
    if ((is('++') || is('--')) && isLValue(e)) {
      const op = tokens[pos++]!.text as '++' | '--';
      return { k: 'incdec', op, prefix: false, target: e };
    }
    return e;
  }

  function primary(): Expr {
    const t = tokens[pos++]!;
    switch (t.kind) {
      case 'num':
        return { k: 'num', v: Number(t.text) };
      case 'str':
        return { k: 'str', v: t.text };
      case 'ere':
        return { k: 're', src: t.text };
      case 'name':
        if (is('[')) {
          pos++;
          const subs = exprList();
          expect(']');
          return { k: 'index', name: t.text, subs };
        }
        return { k: 'var', name: t.text };
      case 'funcname': {
        expect('(');
        const args = is(')') ? [] : exprList();
        expect(')');
        return { k: 'call', name: t.text, args };
      }
      case 'builtin': {
        if (!is('(')) return { k: 'builtin', name: t.text, args: [] };
        pos++;
        const args = is(')') ? [] : exprList();
        expect(')');
        return { k: 'builtin', name: t.text, args };
      }
      case 'kw':
        if (t.text === 'getline') {
          let target: LValue | undefined;
          if (peek().kind === 'name' || is('$')) {
            const e = primary();
            if (isLValue(e)) target = e;
          }
          let file: Expr | undefined;
          if (is('<')) {
            pos++;
            file = primary();
          }
          return { k: 'getline', target, file };
        }
        break;
      case 'op':
        if (t.text === '$') {
          if (is('++') || is('--')) {
            const op = tokens[pos++]!.text as '++' | '--';
            const target = primary();
            if (!isLValue(target)) fail();
            return { k: 'field', e: { k: 'incdec', op, prefix: true, target: target as LValue } };
          }
          if (is('-')) {
            pos++;
            return { k: 'field', e: { k: 'neg', e: primary() } };
          }
          return { k: 'field', e: primary() };
        }
        if (t.text === '(') {
          skipNl();
          const list = exprList();
          skipNl();
          expect(')');
          return list.length === 1 ? { k: 'group', e: list[0]! } : { k: 'group', e: list[0]!, list };
        }
        if (t.text === '++' || t.text === '--') {
          const target = postfixTarget();
          return { k: 'incdec', op: t.text, prefix: true, target };
        }
        if (t.text === '-') return { k: 'neg', e: unary() };
        if (t.text === '!') return { k: 'not', e: unary() };
        break;
    }
    pos--;
    return fail();
  }

  function postfixTarget(): LValue {
    const e = primary();
    if (e.k !== 'var' && e.k !== 'field' && e.k !== 'index') fail();
    return e as LValue;
  }

  const simpleOrBlock = (): Stmt => {
    skipNl();
    if (is('{')) return { k: 'block', body: block() };
    const s = statement();
    return s;
  };

  function block(): Stmt[] {
    expect('{');
    const body: Stmt[] = [];
    skipTerms();
    while (!is('}')) {
      if (peek().kind === 'eof') fail();
      body.push(statement());
      skipTerms();
    }
    pos++;
    return body;
  }

  const endSimple = () => {
    if (is(';') || peek().kind === 'nl') {
      pos++;
      return;
    }
    if (is('}') || peek().kind === 'eof') return;
    fail();
  };

  function statement(): Stmt {
    const t = peek();
    if (is('{')) return { k: 'block', body: block() };
    if (is(';')) {
      pos++;
      return { k: 'block', body: [] };
    }
    if (t.kind === 'kw') {
      switch (t.text) {
        case 'if': {
          pos++;
          expect('(');
          const c = expr();
          expect(')');
          const then = simpleOrBlock();
          skipTerms();
          if (is('else', 'kw')) {
            pos++;
            return { k: 'if', c, then, else: simpleOrBlock() };
          }
          return { k: 'if', c, then };
        }
        case 'while': {
          pos++;
          expect('(');
          const c = expr();
          expect(')');
          if (is(';')) {
            pos++;
            return { k: 'while', c, body: { k: 'block', body: [] } };
          }
          return { k: 'while', c, body: simpleOrBlock() };
        }
        case 'do': {
          pos++;
          const body = simpleOrBlock();
          skipTerms();
          if (!is('while', 'kw')) fail();
          pos++;
          expect('(');
          const c = expr();
          expect(')');
          endSimple();
          return { k: 'do', body, c };
        }
        case 'for': {
          pos++;
          expect('(');
          if (
            peek().kind === 'name' &&
            peek(1).text === 'in' &&
            peek(2).kind === 'name' &&
            peek(3).text === ')'
          ) {
            const v = tokens[pos]!.text;
            const arr = tokens[pos + 2]!.text;
            pos += 4;
            return { k: 'forin', v, arr, body: simpleOrBlock() };
          }
          const init = is(';') ? undefined : expr();
          expect(';');
          skipNl();
          const c = is(';') ? undefined : expr();
          expect(';');
          skipNl();
          const step = is(')') ? undefined : expr();
          expect(')');
          if (is(';')) {
            pos++;
            return { k: 'for', init, c, step, body: { k: 'block', body: [] } };
          }
          return { k: 'for', init, c, step, body: simpleOrBlock() };
        }
        case 'next':
        case 'nextfile':
        case 'break':
        case 'continue':
          pos++;
          endSimple();
          return { k: t.text };
        case 'exit':
        case 'return': {
          pos++;
          const e = is(';') || is('}') || peek().kind === 'nl' || peek().kind === 'eof' ? undefined : expr();
          endSimple();
          return { k: t.text, e };
        }
        case 'delete': {
          pos++;
          const name = tokens[pos++]!;
          if (name.kind !== 'name') fail();
          let subs: Expr[] | undefined;
          if (is('[')) {
            pos++;
            subs = exprList();
            expect(']');
          }
          endSimple();
          return { k: 'delete', name: name.text, subs };
        }
        case 'print':
        case 'printf': {
          pos++;
          let args: Expr[] = [];
          if (!(
            is(';') ||
            is('}') ||
            is('>') ||
            is('>>') ||
            is('|') ||
            peek().kind === 'nl' ||
            peek().kind === 'eof'
          )) {
            if (is('(')) {
              // print (a, b) > "f" — a parenthesised list, or an expression starting with (
              const save = pos;
              pos++;
              const list = exprList();
              if (
                is(')') &&
                (peek(1).kind === 'nl' ||
                  ['>', '>>', '|', ';', '}'].includes(peek(1).text) ||
                  peek(1).kind === 'eof')
              ) {
                pos++;
                args = list;
              } else {
                pos = save;
                args = exprList(true);
              }
            } else args = exprList(true);
          }
          let redirect: Redirect | undefined;
          if (is('>') || is('>>') || is('|')) {
            const op = tokens[pos++]!.text as Redirect['op'];
            redirect = { op, e: concat(false, true) };
          }
          endSimple();
          return { k: t.text, args, redirect };
        }
        case 'getline':
          break;
        default:
          fail();
      }
    }
    const e = expr();
    endSimple();
    return { k: 'expr', e };
  }

  const items: Item[] = [];
  const funcs = new Map<string, Func>();
  skipTerms();
  while (peek().kind !== 'eof') {
    if (is('function', 'kw')) {
      pos++;
      const name = tokens[pos++]!;
      if (name.kind !== 'funcname' && name.kind !== 'name') fail();
      expect('(');
      const params: string[] = [];
      while (!is(')')) {
        const p = tokens[pos++]!;
        if (p.kind !== 'name') fail();
        params.push(p.text);
        if (is(',')) {
          pos++;
          skipNl();
        }
      }
      pos++;
      skipNl();
      funcs.set(name.text, { params, body: block() });
    } else {
      let pattern: Pattern;
      if (is('BEGIN', 'kw')) {
        pos++;
        pattern = { k: 'begin' };
      } else if (is('END', 'kw')) {
        pos++;
        pattern = { k: 'end' };
      } else if (is('{')) pattern = { k: 'all' };
      else {
        const from = expr();
        if (is(',')) {
          pos++;
          skipNl();
          pattern = { k: 'range', from, to: expr() };
        } else pattern = { k: 'expr', e: from };
      }
      if (is('{')) items.push({ pattern, action: block() });
      else {
        if (pattern.k === 'begin' || pattern.k === 'end') fail();
        items.push({ pattern });
      }
    }
    skipTerms();
  }
  return { items, funcs };
}
