/**
 * Runs the small SQL against a catalog of databases and tables kept as plain data
 * (JSON in the server's data directory), and gives results as the servers send them:
 * a command tag (`INSERT 0 1`, `SELECT 2`), column names, and rows of text in the
 * dialect's spelling (PostgreSQL's `t`/`f` and `2026-11-28 05:21:18.123+00`, MySQL's
 * `1`/`0` and `2026-11-28 05:21:18`).
 *
 * Differs from the servers: one table per SELECT (no joins, GROUP BY or subqueries),
 * no transactions, no types beyond integer, numeric, text, boolean and timestamp.
 */
import { civil } from '../../../shell/utils/support/time.ts';
import type { ColumnDef, Expr, SqlValue, Statement } from './ast.ts';
import { SqlError } from './errors.ts';
import { SqlSyntaxError } from './lexer.ts';
import { parse } from './parser.ts';
import type { Dialect } from './parser.ts';

export interface Table {
  columns: ColumnDef[];
  rows: SqlValue[][];
  nextId: number;
}

export interface Database {
  owner: string;
  tables: Record<string, Table>;
}

export interface Catalog {
  databases: Record<string, Database>;
}

export interface ResultSet {
  tag: string;
  columns?: { name: string; numeric: boolean }[];
  rows?: (string | null)[][];
  /** rows changed, for MySQL's `Query OK, 1 row affected` */
  affected?: number;
}

export interface Session {
  dialect: Dialect;
  user: string;
  db: string;
  version: string;
  now: () => number;
}

const NUMERIC =
  /^(int|integer|smallint|bigint|serial|bigserial|smallserial|numeric|decimal|real|float|double|tinyint|mediumint)/;

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function timestamp(s: Session, ms: number): string {
  const d = civil(ms);
  const base = `${d.year}-${pad(d.month)}-${pad(d.day)} ${pad(d.hour)}:${pad(d.minute)}:${pad(d.second)}`;
  return s.dialect === 'postgres' ? `${base}.${pad(d.ms, 3)}+00` : base;
}

export function text(s: Session, v: SqlValue): string | null {
  if (v === null) return null;
  if (typeof v === 'boolean') return s.dialect === 'postgres' ? (v ? 't' : 'f') : v ? '1' : '0';
  return String(v);
}

function truthy(v: SqlValue): boolean {
  return v !== null && v !== false && v !== 0 && v !== '0' && v !== 'f';
}

function compare(a: SqlValue, b: SqlValue): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const na = Number(a);
  const nb = Number(b);
  if (
    typeof a !== 'boolean' &&
    typeof b !== 'boolean' &&
    a !== '' &&
    b !== '' &&
    !Number.isNaN(na) &&
    !Number.isNaN(nb) &&
    (typeof a === 'number' || typeof b === 'number')
  )
    return na - nb;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

type Row = { table: Table; values: SqlValue[] } | undefined;

function evaluate(s: Session, e: Expr, row: Row, agg?: SqlValue[][]): SqlValue {
  switch (e.k) {
    case 'lit':
      return e.v;
    case 'star':
      return null;
    case 'col': {
      const i = row?.table.columns.findIndex((c) => c.name === e.name) ?? -1;
      if (!row || i < 0)
        throw new SqlError('no-column', [e.name, s.dialect === 'mysql' ? 'where clause' : ''], e.at);
      return row.values[i] ?? null;
    }
    case 'un': {
      const v = evaluate(s, e.e, row, agg);
      return e.op === 'NOT' ? (v === null ? null : !truthy(v)) : v === null ? null : -Number(v);
    }
    case 'isnull':
      return (evaluate(s, e.e, row, agg) === null) !== e.not;
    case 'like': {
      const v = evaluate(s, e.e, row, agg);
      const p = evaluate(s, e.pattern, row, agg);
      if (v === null || p === null) return null;
      const re = new RegExp(
        `^${String(p)
          .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
          .replace(/%/g, '.*')
          .replace(/_/g, '.')}$`,
        s.dialect === 'mysql' ? 'i' : '',
      );
      return re.test(String(v)) !== e.not;
    }
    case 'in': {
      const v = evaluate(s, e.e, row, agg);
      return e.list.some((x) => compare(v, evaluate(s, x, row, agg)) === 0) !== e.not;
    }
    case 'cast':
      return evaluate(s, e.e, row, agg);
    case 'bin': {
      const l = evaluate(s, e.l, row, agg);
      if (e.op === 'AND') return truthy(l) && truthy(evaluate(s, e.r, row, agg));
      if (e.op === 'OR') return truthy(l) || truthy(evaluate(s, e.r, row, agg));
      const r = evaluate(s, e.r, row, agg);
      if (l === null || r === null) return null;
      switch (e.op) {
        case '||':
          return `${text(s, l)}${text(s, r)}`;
        case '+':
          return Number(l) + Number(r);
        case '-':
          return Number(l) - Number(r);
        case '*':
          return Number(l) * Number(r);
        case '/':
          return s.dialect === 'postgres' && Number.isInteger(l) && Number.isInteger(r)
            ? Math.trunc(Number(l) / Number(r))
            : Number((Number(l) / Number(r)).toFixed(4));
        case '%':
          return Number(l) % Number(r);
        case '=':
          return compare(l, r) === 0;
        case '<>':
          return compare(l, r) !== 0;
        case '<':
          return compare(l, r) < 0;
        case '>':
          return compare(l, r) > 0;
        case '<=':
          return compare(l, r) <= 0;
        case '>=':
          return compare(l, r) >= 0;
      }
      return null;
    }
    case 'call':
      return call(s, e, row, agg);
  }
}

function call(s: Session, e: Extract<Expr, { k: 'call' }>, row: Row, agg?: SqlValue[][]): SqlValue {
  const arg = (i: number) => evaluate(s, e.args[i]!, row, agg);
  switch (e.name) {
    case 'version':
      return s.version;
    case 'now':
    case 'current_timestamp':
      return timestamp(s, s.now());
    case 'current_date':
      return timestamp(s, s.now()).slice(0, 10);
    case 'current_database':
    case 'database':
    case 'schema':
      return s.db || null;
    case 'current_user':
    case 'user':
    case 'session_user':
      return s.dialect === 'mysql' && e.name !== 'current_user' ? `${s.user}@localhost` : s.user;
    case 'upper':
      return String(arg(0)).toUpperCase();
    case 'lower':
      return String(arg(0)).toLowerCase();
    case 'length':
    case 'char_length':
      return String(arg(0)).length;
    case 'concat':
      return e.args.map((_, i) => text(s, arg(i)) ?? '').join('');
    case 'coalesce':
      return e.args.map((_, i) => arg(i)).find((v) => v !== null) ?? null;
    case 'count':
    case 'sum':
    case 'min':
    case 'max':
    case 'avg': {
      const rows = agg ?? [];
      const table = row?.table;
      const values = e.star
        ? rows.map(() => 1)
        : rows
            .map((r) => evaluate(s, e.args[0]!, table ? { table, values: r } : undefined))
            .filter((v) => v !== null);
      if (e.name === 'count') return values.length;
      const nums = values.map(Number);
      if (!nums.length) return null;
      if (e.name === 'sum') return nums.reduce((a, b) => a + b, 0);
      if (e.name === 'min') return Math.min(...nums);
      if (e.name === 'max') return Math.max(...nums);
      return Number((nums.reduce((a, b) => a + b, 0) / nums.length).toFixed(s.dialect === 'mysql' ? 4 : 16));
    }
    default:
      throw new SqlError('undefined-function', [e.name], e.at);
  }
}

const isAggregate = (e: Expr): boolean =>
  (e.k === 'call' && ['count', 'sum', 'min', 'max', 'avg'].includes(e.name)) ||
  (e.k === 'bin' && (isAggregate(e.l) || isAggregate(e.r)));

function table(cat: Catalog, s: Session, name: string, at: number): Table {
  if (s.dialect === 'mysql' && !s.db) throw new SqlError('no-db-selected', []);
  const t = cat.databases[s.db]?.tables[name];
  if (!t) throw new SqlError('no-table', [name], at);
  return t;
}

function coerce(s: Session, col: ColumnDef, v: SqlValue, tableName: string): SqlValue {
  if (v === null) return null;
  if (/^(int|integer|smallint|bigint|serial|tinyint)/.test(col.type)) {
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (!/^-?\d+(\.\d+)?$/.test(String(v).trim())) throw new SqlError('bad-int', [String(v), col.name]);
    return Math.round(Number(v));
  }
  if (NUMERIC.test(col.type)) return Number(v);
  if (/^bool/.test(col.type))
    return typeof v === 'boolean' ? v : ['t', 'true', '1', 'yes', 'on'].includes(String(v).toLowerCase());
  void tableName;
  return typeof v === 'boolean' ? text(s, v) : String(v);
}

function insert(cat: Catalog, s: Session, st: Extract<Statement, { k: 'insert' }>): ResultSet {
  const t = table(cat, s, st.table, st.at);
  const names = st.columns ?? t.columns.map((c) => c.name);
  for (const n of names)
    if (!t.columns.some((c) => c.name === n)) throw new SqlError('no-column', [n, 'field list']);
  for (const exprs of st.rows) {
    if (exprs.length > names.length) throw new SqlError('too-many-values', []);
    const values = t.columns.map((col): SqlValue => {
      const i = names.indexOf(col.name);
      if (i >= 0 && i < exprs.length) return coerce(s, col, evaluate(s, exprs[i]!, undefined), st.table);
      if (col.serial) return t.nextId++;
      return col.default ? evaluate(s, col.default, undefined) : null;
    });
    t.columns.forEach((col, i) => {
      if (col.serial && typeof values[i] === 'number')
        t.nextId = Math.max(t.nextId, (values[i] as number) + 1);
      if (col.notNull && values[i] === null) throw new SqlError('not-null', [col.name, st.table]);
      if ((col.primary || col.unique) && t.rows.some((r) => compare(r[i]!, values[i]!) === 0)) {
        throw s.dialect === 'postgres'
          ? new SqlError('duplicate', [
              `${st.table}_${col.primary ? 'pkey' : `${col.name}_key`}`,
              `(${col.name})=(${text(s, values[i]!)})`,
            ])
          : new SqlError('duplicate', [
              `${st.table}.${col.primary ? 'PRIMARY' : col.name}`,
              String(text(s, values[i]!)),
            ]);
      }
    });
    t.rows.push(values);
  }
  return { tag: `INSERT 0 ${st.rows.length}`, affected: st.rows.length };
}

function select(cat: Catalog, s: Session, st: Extract<Statement, { k: 'select' }>): ResultSet {
  const t = st.from ? table(cat, s, st.from.name, st.from.at) : undefined;
  let rows: SqlValue[][] = t
    ? t.rows.filter((r) => !st.where || truthy(evaluate(s, st.where, { table: t, values: r })))
    : [[]];
  const items = st.items.flatMap((item) =>
    item.e.k === 'star'
      ? (t?.columns ?? []).map((c) => ({
          e: { k: 'col', name: c.name, at: 0 } as Expr,
          alias: c.name,
          text: c.name,
        }))
      : [item],
  );
  const header = (item: (typeof items)[number]): string => {
    if (item.alias) return item.alias;
    if (s.dialect === 'mysql') return item.text;
    if (item.e.k === 'col') return item.e.name;
    if (item.e.k === 'call') return item.e.name;
    return '?column?';
  };
  const row = (values: SqlValue[]): Row => (t ? { table: t, values } : undefined);
  let out: SqlValue[][];
  if (items.some((i) => isAggregate(i.e))) {
    out = [
      items.map((i) =>
        evaluate(s, i.e, row(rows[0] ?? []) ?? (t ? { table: t, values: [] } : undefined), rows),
      ),
    ];
  } else {
    for (const o of [...st.order].reverse()) {
      rows = [...rows].sort(
        (a, b) => compare(evaluate(s, o.e, row(a)), evaluate(s, o.e, row(b))) * (o.desc ? -1 : 1),
      );
    }
    if (st.limit !== undefined) rows = rows.slice(0, st.limit);
    out = rows.map((r) => items.map((i) => evaluate(s, i.e, row(r))));
  }
  const columns = items.map((item, i) => {
    const col =
      item.e.k === 'col' ? t?.columns.find((c) => c.name === (item.e as { name: string }).name) : undefined;
    const numeric = col ? NUMERIC.test(col.type) : out.length > 0 && typeof out[0]![i] === 'number';
    return { name: header(item), numeric };
  });
  return { tag: `SELECT ${out.length}`, columns, rows: out.map((r) => r.map((v) => text(s, v))) };
}

/** Run one statement. Throws SqlError for what the server refuses. */
export function execute(cat: Catalog, s: Session, sql: string): ResultSet {
  let st: Statement;
  try {
    st = parse(sql, s.dialect);
  } catch (error) {
    if (error instanceof SqlSyntaxError) throw new SqlError('syntax', [error.near], error.at);
    throw error;
  }
  switch (st.k) {
    case 'select':
      return select(cat, s, st);
    case 'insert':
      return insert(cat, s, st);
    case 'update': {
      const t = table(cat, s, st.table, st.at);
      let n = 0;
      for (const r of t.rows) {
        if (st.where && !truthy(evaluate(s, st.where, { table: t, values: r }))) continue;
        for (const [name, e] of st.set) {
          const i = t.columns.findIndex((c) => c.name === name);
          if (i < 0) throw new SqlError('no-column', [name, 'field list']);
          r[i] = coerce(s, t.columns[i]!, evaluate(s, e, { table: t, values: [...r] }), st.table);
        }
        n++;
      }
      return { tag: `UPDATE ${n}`, affected: n };
    }
    case 'delete': {
      const t = table(cat, s, st.table, st.at);
      const keep = t.rows.filter((r) => st.where && !truthy(evaluate(s, st.where, { table: t, values: r })));
      const n = t.rows.length - keep.length;
      t.rows = keep;
      return { tag: `DELETE ${n}`, affected: n };
    }
    case 'create-table': {
      if (s.dialect === 'mysql' && !s.db) throw new SqlError('no-db-selected', []);
      const db = cat.databases[s.db]!;
      if (db.tables[st.table]) {
        if (st.ifNotExists) return { tag: 'CREATE TABLE' };
        throw new SqlError('table-exists', [st.table]);
      }
      db.tables[st.table] = { columns: st.columns, rows: [], nextId: 1 };
      return { tag: 'CREATE TABLE' };
    }
    case 'drop-table': {
      for (const name of st.tables) {
        if (!cat.databases[s.db]?.tables[name]) {
          if (st.ifExists) continue;
          throw new SqlError('no-table', [name], st.at);
        }
        delete cat.databases[s.db]!.tables[name];
      }
      return { tag: 'DROP TABLE' };
    }
    case 'create-db':
      if (cat.databases[st.name]) {
        if (st.ifNotExists) return { tag: 'CREATE DATABASE', affected: 0 };
        throw new SqlError('db-exists', [st.name]);
      }
      cat.databases[st.name] = { owner: s.user, tables: {} };
      return { tag: 'CREATE DATABASE', affected: 1 };
    case 'drop-db':
      if (!cat.databases[st.name]) {
        if (st.ifExists) return { tag: 'DROP DATABASE', affected: 0 };
        throw new SqlError(s.dialect === 'mysql' ? 'drop-current-db' : 'no-db', [st.name]);
      }
      if (s.dialect === 'postgres' && st.name === s.db) throw new SqlError('drop-current-db', [st.name]);
      delete cat.databases[st.name];
      return { tag: 'DROP DATABASE', affected: 0 };
    case 'show':
      if (st.what === 'databases') {
        return {
          tag: 'SHOW',
          columns: [{ name: 'Database', numeric: false }],
          rows: Object.keys(cat.databases)
            .sort()
            .map((d) => [d]),
        };
      }
      if (!s.db) throw new SqlError('no-db-selected', []);
      return {
        tag: 'SHOW',
        columns: [{ name: `Tables_in_${s.db}`, numeric: false }],
        rows: Object.keys(cat.databases[s.db]?.tables ?? {})
          .sort()
          .map((t) => [t]),
      };
    case 'use':
      if (!cat.databases[st.name]) throw new SqlError('no-db', [st.name]);
      s.db = st.name;
      return { tag: 'USE' };
    case 'noop':
      return { tag: st.tag };
  }
}
