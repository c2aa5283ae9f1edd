/**
 * PostgreSQL's client programs besides psql: createdb, dropdb, createuser, dropuser
 * (their SQL through the same connection as psql, their own error texts), pg_dump
 * (a plain-format dump: the header, \restrict, CREATE TABLE, COPY … FROM stdin) and
 * pg_ctl status. The others (pg_dumpall, pg_restore, pg_basebackup, pg_upgrade,
 * vacuumdb, reindexdb, clusterdb, pg_controldata, pg_resetwal) answer `--version`
 * and say they are not simulated.
 */
import type { ProcessContext, Program } from '../../../process/types.ts';
import { request } from './psql.ts';
import type { Conn } from './psql.ts';
import { pgVersion } from './version.ts';

function connection(ctx: ProcessContext, args: string[]): { conn: Conn; rest: string[]; flags: Set<string> } {
  const env = ctx.env;
  const conn: Conn = {
    port: Number(env.get('PGPORT') ?? 5432),
    user: env.get('PGUSER') ?? ctx.user.name,
    db: env.get('PGDATABASE') ?? '',
  };
  if (env.get('PGHOST')) conn.host = env.get('PGHOST')!;
  if (env.get('PGPASSWORD')) conn.password = env.get('PGPASSWORD')!;
  const rest: string[] = [];
  const flags = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const val = () =>
      a.length > 2 && !a.startsWith('--')
        ? a.slice(2)
        : a.includes('=')
          ? a.slice(a.indexOf('=') + 1)
          : (args[++i] ?? '');
    if (/^(-h|--host)/.test(a)) conn.host = val();
    else if (/^(-p|--port)/.test(a)) conn.port = Number(val());
    else if (/^(-U|--username)/.test(a)) conn.user = val();
    else if (/^(-d|--dbname)/.test(a)) conn.db = val();
    else if (a.startsWith('-')) flags.add(a);
    else rest.push(a);
  }
  return { conn, rest, flags };
}

/** Run SQL as the tool; its own error prefix for a failed statement. */
async function runSql(
  ctx: ProcessContext,
  tool: string,
  conn: Conn,
  sql: string,
  failed: string,
): Promise<number> {
  const res = await request(ctx, conn, [sql]);
  if (typeof res === 'string') {
    ctx.stderr.write(res.replace(/^psql:/, `${tool}:`));
    return 1;
  }
  if (!res.ok) return 1;
  if (res.error) {
    ctx.stderr.write(`${tool}: error: ${failed}: ERROR:  ${res.error.message}\n`);
    return 1;
  }
  return 0;
}

const quoteIdent = (s: string) => (/^[a-z_][a-z0-9_]*$/.test(s) ? s : `"${s.replace(/"/g, '""')}"`);

function simple(
  tool: string,
  build: (name: string) => { sql: string; failed: string; db?: string },
): Program {
  return async (ctx) => {
    const args = ctx.argv.slice(1);
    if (args.includes('--version') || args.includes('-V')) {
      ctx.stdout.write(`${tool} (PostgreSQL) ${pgVersion(ctx).long}\n`);
      return 0;
    }
    const { conn, rest } = connection(ctx, args);
    const name = rest[0] ?? (tool === 'createdb' ? conn.user : '');
    if (!name) {
      ctx.stderr.write(
        `${tool}: error: missing required argument ${tool.includes('user') ? 'role' : 'database'} name\n${tool}: hint: Try "${tool} --help" for more information.\n`,
      );
      return 1;
    }
    const { sql, failed, db } = build(name);
    conn.db = db ?? (conn.db || 'postgres');
    return runSql(ctx, tool, conn, sql, failed);
  };
}

export const createdb = simple('createdb', (n) => ({
  sql: `CREATE DATABASE ${quoteIdent(n)};`,
  failed: 'database creation failed',
  db: 'postgres',
}));
export const dropdb = simple('dropdb', (n) => ({
  sql: `DROP DATABASE ${quoteIdent(n)};`,
  failed: 'database removal failed',
  db: 'postgres',
}));
export const createuser = simple('createuser', (n) => ({
  sql: `CREATE ROLE ${quoteIdent(n)} LOGIN;`,
  failed: 'creation of new role failed',
}));
export const dropuser = simple('dropuser', (n) => ({
  sql: `DROP ROLE ${quoteIdent(n)};`,
  failed: `removal of role "${n}" failed`,
}));

/** A key for pg_dump's \restrict line (64 letters and digits). */
function restrictKey(ctx: ProcessContext): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from({ length: 63 }, () => chars[Math.floor(ctx.random() * chars.length)]).join('');
}

export const pgDump: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  const v = pgVersion(ctx);
  if (args.includes('--version') || args.includes('-V')) {
    ctx.stdout.write(`pg_dump (PostgreSQL) ${v.long}\n`);
    return 0;
  }
  const { conn, rest, flags } = connection(ctx, args);
  conn.db = rest[0] ?? (conn.db || conn.user);
  const schemaOnly = flags.has('-s') || flags.has('--schema-only');
  const dataOnly = flags.has('-a') || flags.has('--data-only');
  const cat = await request(ctx, conn, [], true);
  if (typeof cat === 'string') {
    ctx.stderr.write(cat.replace(/^psql: error: /, 'pg_dump: error: '));
    return 1;
  }
  if (!cat.ok || !cat.catalog) return 1;
  const key = restrictKey(ctx);
  let out = `--\n-- PostgreSQL database dump\n--\n\n\\restrict ${key}\n\n-- Dumped from database version ${v.long}\n-- Dumped by pg_dump version ${v.long}\n\nSET statement_timeout = 0;\nSET lock_timeout = 0;\nSET idle_in_transaction_session_timeout = 0;\n${v.major >= 17 ? 'SET transaction_timeout = 0;\n' : ''}SET client_encoding = 'UTF8';\nSET standard_conforming_strings = on;\nSELECT pg_catalog.set_config('search_path', '', false);\nSET check_function_bodies = false;\nSET xmloption = content;\nSET client_min_messages = warning;\nSET row_security = off;\n\n`;
  if (cat.catalog.tables.length)
    out += "SET default_tablespace = '';\n\nSET default_table_access_method = heap;\n\n";
  for (const t of cat.catalog.tables) {
    const name = quoteIdent(t.name);
    if (!dataOnly) {
      const cols = t.columns
        .map((c) => `    ${quoteIdent(c.name)} ${c.type}${c.notNull ? ' NOT NULL' : ''}`)
        .join(',\n');
      out += `--\n-- Name: ${t.name}; Type: TABLE; Schema: public; Owner: ${t.owner}\n--\n\nCREATE TABLE public.${name} (\n${cols}\n);\n\n\nALTER TABLE public.${name} OWNER TO ${t.owner};\n\n`;
    }
    if (schemaOnly) continue;
    const data = await request(ctx, conn, [`SELECT * FROM ${name};`]);
    const rows = typeof data !== 'string' && data.ok ? (data.results[0]?.rows ?? []) : [];
    const copyValue = (x: string | null) =>
      x === null ? '\\N' : x.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');
    out += `--\n-- Data for Name: ${t.name}; Type: TABLE DATA; Schema: public; Owner: ${t.owner}\n--\n\nCOPY public.${name} (${t.columns.map((c) => quoteIdent(c.name)).join(', ')}) FROM stdin;\n${rows.map((r) => `${r.map(copyValue).join('\t')}\n`).join('')}\\.\n\n\n`;
  }
  out += `--\n-- PostgreSQL database dump complete\n--\n\n\\unrestrict ${key}\n\n`;
  ctx.stdout.write(out);
  return 0;
};

export const pgCtl: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  const v = pgVersion(ctx);
  if (args.includes('--version') || args.includes('-V')) {
    ctx.stdout.write(`pg_ctl (PostgreSQL) ${v.long}\n`);
    return 0;
  }
  const mode = args.find(
    (a) => !a.startsWith('-') && ['status', 'start', 'stop', 'restart', 'reload'].includes(a),
  );
  const dataIndex = args.findIndex((a) => a === '-D');
  const data = dataIndex >= 0 ? args[dataIndex + 1]! : (ctx.env.get('PGDATA') ?? '');
  if (!data) {
    ctx.stderr.write(
      'pg_ctl: no database directory specified and environment variable PGDATA unset\nTry "pg_ctl --help" for more information.\n',
    );
    return 1;
  }
  let pid: string | undefined;
  try {
    pid = ctx.fs.readFile(`${data}/postmaster.pid`).split('\n')[0];
  } catch {
    pid = undefined;
  }
  const running = pid !== undefined && ctx.processes().some((p) => String(p.pid) === pid);
  if (mode === 'status') {
    if (!running) {
      ctx.stdout.write('pg_ctl: no server running\n');
      return 3;
    }
    const bin = v.alpine ? '/usr/local/bin/postgres' : `/usr/lib/postgresql/${v.major}/bin/postgres`;
    ctx.stdout.write(`pg_ctl: server is running (PID: ${pid})\n${bin}\n`);
    return 0;
  }
  if (mode === 'reload' && running) {
    ctx.kill?.(Number(pid), 'SIGHUP');
    ctx.stdout.write('server signaled\n');
    return 0;
  }
  if (mode === 'stop' && running) {
    ctx.stdout.write('waiting for server to shut down....');
    ctx.kill?.(Number(pid), 'SIGINT');
    await ctx.sleep(100);
    ctx.stdout.write(' done\nserver stopped\n');
    return 0;
  }
  return notSimulated('pg_ctl')(ctx);
};

/** A client program the simulation does not implement: its version, or a plain statement. */
export function notSimulated(tool: string): Program {
  return async (ctx) => {
    const args = ctx.argv.slice(1);
    if (args.includes('--version') || args.includes('-V')) {
      ctx.stdout.write(`${tool} (PostgreSQL) ${pgVersion(ctx).long}\n`);
      return 0;
    }
    ctx.stderr.write(`${tool}: this command is not simulated in Dockyard (only --version)\n`);
    return 1;
  };
}
