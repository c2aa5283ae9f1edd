/**
 * A recursive-descent parser for the small SQL: SELECT (one table, WHERE, ORDER BY,
 * LIMIT), INSERT … VALUES, UPDATE, DELETE, CREATE/DROP TABLE and DATABASE, SHOW and
 * USE (MySQL); CREATE USER, GRANT, BEGIN… are accepted and do nothing. Unquoted names
 * fold to lower case in PostgreSQL, as it does.
 */
import type { ColumnDef, Expr, SelectItem, Statement } from './ast.ts';
import { lex, SqlSyntaxError } from './lexer.ts';
import type { Token } from './lexer.ts';

export type Dialect = 'postgres' | 'mysql';

const NOOPS: Record<string, string> = {
  BEGIN: 'BEGIN',
  START: 'START TRANSACTION',
  COMMIT: 'COMMIT',
  ROLLBACK: 'ROLLBACK',
  SET: 'SET',
  GRANT: 'GRANT',
  REVOKE: 'REVOKE',
  FLUSH: 'FLUSH',
  ANALYZE: 'ANALYZE',
  VACUUM: 'VACUUM',
};

export function parse(sql: string, dialect: Dialect): Statement {
  const toks = lex(sql, dialect === 'mysql');
  let p = 0;
  const peek = (o = 0): Token => toks[Math.min(p + o, toks.length - 1)]!;
  const fail = (t: Token = peek()): never => {
    const near =
      t.kind === 'end' ? (dialect === 'mysql' ? '' : 'end of input') : sql.slice(t.at).split(/\s/)[0]!;
    throw new SqlSyntaxError(dialect === 'mysql' ? sql.slice(t.at) : near, t.at);
  };
  const isWord = (w: string, o = 0) => {
    const t = peek(o);
    return t.kind === 'word' && t.upper === w;
  };
  const accept = (w: string) => (isWord(w) ? (p++, true) : false);
  const expect = (w: string) => {
    if (!accept(w)) fail();
  };
  const isOp = (op: string) => peek().kind === 'op' && (peek() as { text: string }).text === op;
  const acceptOp = (op: string) => (isOp(op) ? (p++, true) : false);
  const expectOp = (op: string) => {
    if (!acceptOp(op)) fail();
  };
  const name = (): string => {
    const t = peek();
    if (t.kind === 'ident') return (p++, t.text);
    if (t.kind === 'word') return (p++, dialect === 'postgres' ? t.text.toLowerCase() : t.text);
    return fail();
  };

  const primary = (): Expr => {
    const t = peek();
    if (t.kind === 'number') return (p++, { k: 'lit', v: Number(t.text) });
    if (t.kind === 'string') return (p++, { k: 'lit', v: t.text });
    if (acceptOp('(')) {
      const e = expr();
      expectOp(')');
      return e;
    }
    if (acceptOp('*')) return { k: 'star' };
    if (acceptOp('-')) return { k: 'un', op: '-', e: primary() };
    if (t.kind === 'word') {
      if (t.upper === 'NULL') return (p++, { k: 'lit', v: null });
      if (t.upper === 'TRUE' || t.upper === 'FALSE') return (p++, { k: 'lit', v: t.upper === 'TRUE' });
      if (
        ['CURRENT_USER', 'CURRENT_DATE', 'CURRENT_TIMESTAMP', 'SESSION_USER'].includes(t.upper) &&
        !isOpAt(1, '(')
      ) {
        p++;
        return { k: 'call', name: t.upper.toLowerCase(), args: [], star: false, at: t.at };
      }
    }
    if (t.kind === 'word' || t.kind === 'ident') {
      p++;
      if (t.kind === 'word' && acceptOp('(')) {
        const args: Expr[] = [];
        let star = false;
        if (acceptOp('*')) star = true;
        else if (!isOp(')')) {
          accept('DISTINCT');
          do args.push(expr());
          while (acceptOp(','));
        }
        expectOp(')');
        return { k: 'call', name: t.text.toLowerCase(), args, star, at: t.at };
      }
      let n = t.kind === 'ident' || dialect === 'mysql' ? t.text : t.text.toLowerCase();
      if (acceptOp('.')) n = name();
      return { k: 'col', name: n, at: t.at };
    }
    return fail();
  };
  const isOpAt = (o: number, op: string) =>
    peek(o).kind === 'op' && (peek(o) as { text: string }).text === op;
  const postfix = (): Expr => {
    let e = primary();
    while (acceptOp('::')) e = { k: 'cast', e, type: name() };
    return e;
  };
  const mul = (): Expr => {
    let e = postfix();
    for (;;) {
      const t = peek();
      if (t.kind === 'op' && ['*', '/', '%'].includes(t.text)) {
        p++;
        e = { k: 'bin', op: t.text, l: e, r: postfix() };
      } else return e;
    }
  };
  const add = (): Expr => {
    let e = mul();
    for (;;) {
      const t = peek();
      if (t.kind === 'op' && ['+', '-', '||'].includes(t.text)) {
        p++;
        e = { k: 'bin', op: t.text, l: e, r: mul() };
      } else return e;
    }
  };
  const cmp = (): Expr => {
    const l = add();
    const t = peek();
    if (t.kind === 'op' && ['=', '<>', '!=', '<', '>', '<=', '>='].includes(t.text)) {
      p++;
      return { k: 'bin', op: t.text === '!=' ? '<>' : t.text, l, r: add() };
    }
    if (accept('IS')) {
      const not = accept('NOT');
      expect('NULL');
      return { k: 'isnull', e: l, not };
    }
    const not =
      isWord('NOT') && (isWord('LIKE', 1) || isWord('IN', 1) || isWord('ILIKE', 1)) ? (p++, true) : false;
    if (accept('LIKE') || accept('ILIKE')) return { k: 'like', e: l, pattern: add(), not };
    if (accept('IN')) {
      expectOp('(');
      const list: Expr[] = [];
      do list.push(expr());
      while (acceptOp(','));
      expectOp(')');
      return { k: 'in', e: l, list, not };
    }
    return l;
  };
  const notExpr = (): Expr => (accept('NOT') ? { k: 'un', op: 'NOT', e: notExpr() } : cmp());
  const and = (): Expr => {
    let e = notExpr();
    while (accept('AND')) e = { k: 'bin', op: 'AND', l: e, r: notExpr() };
    return e;
  };
  const expr = (): Expr => {
    let e = and();
    while (accept('OR')) e = { k: 'bin', op: 'OR', l: e, r: and() };
    return e;
  };

  const select = (): Statement => {
    const items: SelectItem[] = [];
    accept('DISTINCT');
    do {
      const start = peek().at;
      const e = expr();
      const text = sql.slice(start, peek().at).trim();
      let alias: string | undefined;
      if (accept('AS') || peek().kind === 'ident' || (peek().kind === 'word' && !isKeyword(peek())))
        alias = name();
      items.push({ e, text, ...(alias !== undefined ? { alias } : {}) });
    } while (acceptOp(','));
    const stmt: Statement = { k: 'select', items, order: [] };
    if (accept('FROM')) {
      const at = peek().at;
      stmt.from = { name: name(), at };
      if (acceptOp('.')) stmt.from.name = name();
    }
    if (accept('WHERE')) stmt.where = expr();
    if (accept('ORDER')) {
      expect('BY');
      do {
        const e = expr();
        const desc = accept('DESC');
        if (!desc) accept('ASC');
        stmt.order.push({ e, desc });
      } while (acceptOp(','));
    }
    if (accept('LIMIT')) {
      const t = peek();
      if (t.kind !== 'number') fail();
      p++;
      stmt.limit = Number((t as { text: string }).text);
    }
    return stmt;
  };

  const columnDef = (): ColumnDef => {
    const col: ColumnDef = {
      name: name(),
      type: '',
      notNull: false,
      primary: false,
      unique: false,
      serial: false,
    };
    let type = name().toLowerCase();
    if (acceptOp('(')) {
      while (!isOp(')') && peek().kind !== 'end') p++;
      expectOp(')');
    }
    if (type === 'double' && accept('PRECISION')) type = 'double precision';
    if (type === 'character' && accept('VARYING')) type = 'varchar';
    col.type = type;
    col.serial = ['serial', 'bigserial', 'smallserial'].includes(type);
    for (;;) {
      if (accept('PRIMARY')) {
        expect('KEY');
        col.primary = true;
        col.notNull = true;
      } else if (accept('NOT')) {
        expect('NULL');
        col.notNull = true;
      } else if (accept('NULL')) continue;
      else if (accept('UNIQUE')) col.unique = true;
      else if (accept('AUTO_INCREMENT')) col.serial = true;
      else if (accept('DEFAULT')) col.default = primary();
      else if (accept('REFERENCES')) {
        name();
        if (acceptOp('(')) {
          name();
          expectOp(')');
        }
      } else return col;
    }
  };

  const statement = (): Statement => {
    const t = peek();
    if (t.kind !== 'word') return fail();
    p++;
    switch (t.upper) {
      case 'SELECT':
        return select();
      case 'INSERT': {
        expect('INTO');
        const at = peek().at;
        const table = name();
        let columns: string[] | undefined;
        if (acceptOp('(')) {
          columns = [];
          do columns.push(name());
          while (acceptOp(','));
          expectOp(')');
        }
        expect('VALUES');
        const rows: Expr[][] = [];
        do {
          expectOp('(');
          const row: Expr[] = [];
          do row.push(expr());
          while (acceptOp(','));
          expectOp(')');
          rows.push(row);
        } while (acceptOp(','));
        return { k: 'insert', table, at, ...(columns ? { columns } : {}), rows };
      }
      case 'UPDATE': {
        const at = peek().at;
        const table = name();
        expect('SET');
        const set: [string, Expr][] = [];
        do {
          const c = name();
          expectOp('=');
          set.push([c, expr()]);
        } while (acceptOp(','));
        return { k: 'update', table, at, set, ...(accept('WHERE') ? { where: expr() } : {}) };
      }
      case 'DELETE': {
        expect('FROM');
        const at = peek().at;
        const table = name();
        return { k: 'delete', table, at, ...(accept('WHERE') ? { where: expr() } : {}) };
      }
      case 'CREATE': {
        if (accept('TABLE')) {
          const ifNotExists = accept('IF') ? (expect('NOT'), expect('EXISTS'), true) : false;
          const table = name();
          expectOp('(');
          const columns: ColumnDef[] = [];
          do {
            if (
              accept('PRIMARY') ||
              accept('UNIQUE') ||
              accept('FOREIGN') ||
              accept('CONSTRAINT') ||
              accept('KEY')
            ) {
              let depth = 0;
              while (peek().kind !== 'end' && !(depth === 0 && (isOp(',') || isOp(')')))) {
                if (isOp('(')) depth++;
                if (isOp(')')) depth--;
                p++;
              }
              continue;
            }
            columns.push(columnDef());
          } while (acceptOp(','));
          expectOp(')');
          return { k: 'create-table', table, ifNotExists, columns };
        }
        if (accept('DATABASE') || accept('SCHEMA')) {
          const ifNotExists = accept('IF') ? (expect('NOT'), expect('EXISTS'), true) : false;
          return { k: 'create-db', name: name(), ifNotExists };
        }
        const what = peek().kind === 'word' ? (peek() as { upper: string }).upper : '';
        return { k: 'noop', tag: `CREATE ${what === 'USER' ? 'ROLE' : what}` };
      }
      case 'DROP': {
        if (accept('TABLE')) {
          const ifExists = accept('IF') ? (expect('EXISTS'), true) : false;
          const at = peek().at;
          const tables: string[] = [];
          do tables.push(name());
          while (acceptOp(','));
          return { k: 'drop-table', tables, ifExists, at };
        }
        if (accept('DATABASE') || accept('SCHEMA')) {
          const ifExists = accept('IF') ? (expect('EXISTS'), true) : false;
          return { k: 'drop-db', name: name(), ifExists };
        }
        return { k: 'noop', tag: 'DROP ROLE' };
      }
      case 'ALTER':
        return {
          k: 'noop',
          tag: `ALTER ${isWord('USER') ? 'ROLE' : ((peek() as { upper?: string }).upper ?? '')}`,
        };
      case 'SHOW':
        if (dialect === 'mysql' && (accept('DATABASES') || accept('SCHEMAS')))
          return { k: 'show', what: 'databases' };
        if (dialect === 'mysql' && accept('TABLES')) return { k: 'show', what: 'tables' };
        return fail(peek());
      case 'USE':
        if (dialect === 'mysql') return { k: 'use', name: name() };
        return fail(t);
      default:
        if (NOOPS[t.upper]) {
          while (peek().kind !== 'end') p++;
          return { k: 'noop', tag: NOOPS[t.upper]! };
        }
        return fail(t);
    }
  };
  const stmt = statement();
  if (peek().kind !== 'end' && !isOp(';')) fail();
  return stmt;
}

const KEYWORDS = new Set([
  'FROM',
  'WHERE',
  'ORDER',
  'LIMIT',
  'AND',
  'OR',
  'AS',
  'GROUP',
  'HAVING',
  'UNION',
  'ON',
  'JOIN',
]);
function isKeyword(t: Token): boolean {
  return t.kind === 'word' && KEYWORDS.has(t.upper);
}
