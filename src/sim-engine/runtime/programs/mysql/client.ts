/**
 * mysql, the client: `mysql -uroot -p… -e 'select 1'` (tab-separated in batch mode,
 * boxed tables on a terminal or with -t), statements from stdin, or the `mysql> `
 * monitor with its banner, `N rows in set`, `Query OK`, `USE` and `exit`/`Bye`.
 * Connects through the socket for localhost, TCP otherwise, with the client's error
 * texts (2002, 2003, 2005, 1045).
 */
import type { ProcessContext, Program } from '../../../process/types.ts';
import { LineReader, readAll } from '../../../process/streams.ts';
import type { ResultSet } from '../sql/engine.ts';
import { splitStatements } from '../sql/lexer.ts';
import { mysqlVersion } from './mysqld-log.ts';
import type { MyRequest, MyResponse } from './wire.ts';

export interface Opts {
  user: string;
  password: string | null;
  host: string;
  port: number;
  db: string;
  execute?: string;
  names: boolean;
  table: boolean;
  prompt: boolean;
}

function parse(ctx: ProcessContext): Opts | number {
  const o: Opts = {
    user: ctx.user.name,
    password: null,
    host: 'localhost',
    port: 3306,
    db: '',
    names: true,
    table: false,
    prompt: false,
  };
  const args = ctx.argv.slice(1);
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const short = (flag: string) => (a.length > flag.length ? a.slice(flag.length) : (args[++i] ?? ''));
    const long = () => a.slice(a.indexOf('=') + 1);
    if (a.startsWith('--user=')) o.user = long();
    else if (a.startsWith('-u')) o.user = short('-u');
    else if (a === '-p' || a === '--password') o.prompt = true;
    else if (a.startsWith('--password=')) o.password = long();
    else if (a.startsWith('-p')) o.password = a.slice(2);
    else if (a.startsWith('--host=')) o.host = long();
    else if (a.startsWith('-h')) o.host = short('-h');
    else if (a.startsWith('--port=')) o.port = Number(long());
    else if (a.startsWith('-P')) o.port = Number(short('-P'));
    else if (a.startsWith('--database=')) o.db = long();
    else if (a.startsWith('-D')) o.db = short('-D');
    else if (a.startsWith('--execute=')) o.execute = long();
    else if (a.startsWith('-e')) o.execute = short('-e');
    else if (a === '-N' || a === '--skip-column-names') o.names = false;
    else if (a === '-t' || a === '--table') o.table = true;
    else if (a === '-s' || a === '--silent' || a === '-B' || a === '--batch') continue;
    else if (a.startsWith('--protocol') || a.startsWith('-S') || a.startsWith('--socket')) continue;
    else if (a === '--version' || a === '-V') {
      ctx.stdout.write(
        `mysql  Ver ${mysqlVersion(ctx).full} for Linux on x86_64 (MySQL Community Server - GPL)\n`,
      );
      return 0;
    } else if (a.startsWith('-')) {
      ctx.stderr.write(`mysql: [ERROR] unknown option '${a}'.\n`);
      return 7;
    } else positional.push(a);
  }
  if (positional[0] && !o.db) o.db = positional[0];
  return o;
}

function box(r: ResultSet): string {
  const cols = r.columns!;
  const rows = r.rows!.map((row) => row.map((v) => v ?? 'NULL'));
  const widths = cols.map((c, i) => Math.max(c.name.length, ...rows.map((row) => row[i]!.length)));
  const line = `+${widths.map((w) => '-'.repeat(w + 2)).join('+')}+\n`;
  const cell = (v: string, i: number) => (cols[i]!.numeric ? v.padStart(widths[i]!) : v.padEnd(widths[i]!));
  let out = line + `| ${cols.map((c, i) => c.name.padEnd(widths[i]!)).join(' | ')} |\n` + line;
  for (const row of rows) out += `| ${row.map(cell).join(' | ')} |\n`;
  return out + line;
}

function batch(r: ResultSet, names: boolean): string {
  const lines = names ? [r.columns!.map((c) => c.name).join('\t')] : [];
  for (const row of r.rows!) lines.push(row.map((v) => v ?? 'NULL').join('\t'));
  return lines.length ? `${lines.join('\n')}\n` : '';
}

function summary(r: ResultSet): string {
  if (r.columns) {
    const n = r.rows!.length;
    return n === 0 ? 'Empty set (0.00 sec)\n\n' : `${n} row${n === 1 ? '' : 's'} in set (0.00 sec)\n\n`;
  }
  if (r.tag === 'USE') return 'Database changed\n';
  const n = r.affected ?? 0;
  let out = `Query OK, ${n} row${n === 1 ? '' : 's'} affected (0.00 sec)\n`;
  if (r.tag.startsWith('INSERT') && n > 1) out += `Records: ${n}  Duplicates: 0  Warnings: 0\n`;
  if (r.tag.startsWith('UPDATE')) out += `Rows matched: ${n}  Changed: ${n}  Warnings: 0\n`;
  return `${out}\n`;
}

export async function send(ctx: ProcessContext, o: Opts, queries: string[]): Promise<MyResponse | string> {
  const socket = o.host === 'localhost';
  const address = ctx.net.resolve(socket ? '127.0.0.1' : o.host);
  if (address === undefined) return `ERROR 2005 (HY000): Unknown MySQL server host '${o.host}' (-2)\n`;
  const req: MyRequest = { user: o.user, password: o.password, socket, database: o.db, queries };
  try {
    return JSON.parse(await ctx.net.line(address, o.port, JSON.stringify(req))) as MyResponse;
  } catch {
    return socket
      ? "ERROR 2002 (HY000): Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)\n"
      : `ERROR 2003 (HY000): Can't connect to MySQL server on '${o.host}:${o.port}' (111)\n`;
  }
}

async function monitor(ctx: ProcessContext, o: Opts, connection: number): Promise<number> {
  const { full } = mysqlVersion(ctx);
  ctx.stdout.write(
    `Welcome to the MySQL monitor.  Commands end with ; or \\g.\nYour MySQL connection id is ${connection}\nServer version: ${full} MySQL Community Server - GPL\n\n` +
      'Copyright (c) 2000, 2026, Oracle and/or its affiliates.\n\nOracle is a registered trademark of Oracle Corporation and/or its\naffiliates. Other names may be trademarks of their respective\nowners.\n\n' +
      "Type 'help;' or '\\h' for help. Type '\\c' to clear the current input statement.\n\n",
  );
  const reader = new LineReader(ctx.stdin);
  let buffer = '';
  for (;;) {
    ctx.stdout.write(buffer ? '    -> ' : 'mysql> ');
    const line = await reader.readLine();
    const t = line?.trim() ?? 'exit';
    if (line === null || (!buffer && /^(exit|quit|\\q)\s*;?$/i.test(t))) {
      ctx.stdout.write('Bye\n');
      return 0;
    }
    if (!buffer && /^use\s+\S+/i.test(t)) buffer = `${t.replace(/;?$/, '')};`;
    else buffer += (buffer ? '\n' : '') + line;
    if (!/;\s*$|\\g\s*$/.test(buffer)) continue;
    const stmt = buffer.replace(/(;|\\g)\s*$/, '');
    buffer = '';
    const res = await send(ctx, o, [stmt]);
    if (typeof res === 'string') {
      ctx.stderr.write(res);
      continue;
    }
    if (!res.ok) {
      ctx.stderr.write(`ERROR ${res.fatal.code} (${res.fatal.state}): ${res.fatal.message}\n`);
      continue;
    }
    for (const r of res.results) ctx.stdout.write((r.columns && r.rows!.length ? box(r) : '') + summary(r));
    if (res.error) ctx.stdout.write(`ERROR ${res.error.code} (${res.error.state}): ${res.error.message}\n`);
    o.db = res.database;
  }
}

export const mysqlClient: Program = async (ctx) => {
  const o = parse(ctx);
  if (typeof o === 'number') return o;
  if (o.prompt) {
    ctx.stdout.write('Enter password: ');
    o.password = (await new LineReader(ctx.stdin).readLine()) ?? '';
    if (!ctx.tty) ctx.stdout.write('\n');
  } else if (o.password !== null) {
    ctx.stderr.write('mysql: [Warning] Using a password on the command line interface can be insecure.\n');
  }
  const hello = await send(ctx, o, []);
  if (typeof hello === 'string') {
    ctx.stderr.write(hello);
    return 1;
  }
  if (!hello.ok) {
    ctx.stderr.write(`ERROR ${hello.fatal.code} (${hello.fatal.state}): ${hello.fatal.message}\n`);
    return 1;
  }
  const script =
    o.execute ?? (ctx.tty && !o.prompt ? undefined : ctx.tty ? undefined : await readAll(ctx.stdin));
  if (script === undefined) return monitor(ctx, o, hello.connection);
  const statements = splitStatements(script);
  const res = await send(ctx, o, statements);
  if (typeof res === 'string' || !res.ok) return 1;
  const table = o.table || ctx.tty;
  for (const r of res.results) {
    if (r.columns && r.rows!.length) ctx.stdout.write(table ? box(r) : batch(r, o.names));
  }
  if (res.error) {
    const failed = statements[res.error.index] ?? '';
    const line = script.slice(0, Math.max(0, script.indexOf(failed))).split('\n').length;
    ctx.stderr.write(`ERROR ${res.error.code} (${res.error.state}) at line ${line}: ${res.error.message}\n`);
    return 1;
  }
  return 0;
};
