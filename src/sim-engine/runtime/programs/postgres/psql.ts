/**
 * psql: connects through the server's socket (in the same container) or over TCP
 * (`-h`), with libpq's defaults (user = the OS user, so root in `docker exec`; the
 * database named after the user; PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE; a
 * `postgresql://` URI) and libpq's error texts. Runs `-c` commands, `-f` files,
 * stdin, or the interactive prompt (`postgres=# `), with \l, \dt, \d, \du, \c,
 * \conninfo and \q.
 */
import type { ProcessContext, Program } from '../../../process/types.ts';
import { NetError } from '../../../process/types.ts';
import { LineReader, readAll } from '../../../process/streams.ts';
import { splitStatements } from '../sql/lexer.ts';
import { formatError, formatResult, formatTable } from './psql-format.ts';
import type { FormatOptions } from './psql-format.ts';
import { pgVersion } from './version.ts';
import type { CatalogView, PgRequest, PgResponse } from './wire.ts';

export interface Conn {
  host?: string;
  port: number;
  user: string;
  db: string;
  password?: string;
}

interface Opts extends FormatOptions {
  commands: string[];
  files: string[];
  onErrorStop: boolean;
}

function parseArgs(ctx: ProcessContext): { conn: Conn; o: Opts } | number {
  const env = ctx.env;
  const conn: Conn = {
    port: Number(env.get('PGPORT') ?? 5432),
    user: env.get('PGUSER') ?? ctx.user.name,
    db: '',
  };
  if (env.get('PGHOST')) conn.host = env.get('PGHOST')!;
  if (env.get('PGPASSWORD')) conn.password = env.get('PGPASSWORD')!;
  let db = env.get('PGDATABASE') ?? '';
  const o: Opts = {
    commands: [],
    files: [],
    onErrorStop: false,
    tuplesOnly: false,
    unaligned: false,
    quiet: false,
  };
  // getopt: `-tAc 'select 1'` is -t -A -c 'select 1'
  const args = ctx.argv.slice(1).flatMap((a) => {
    if (!/^-[tAqXwWe][a-zA-Z]/.test(a)) return [a];
    const out: string[] = [];
    let i = 1;
    while (i < a.length && 'tAqXwWe'.includes(a[i]!)) out.push(`-${a[i++]}`);
    if (i < a.length) out.push(`-${a.slice(i)}`);
    return out;
  });
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const val = (long: string) =>
      a.includes('=') && a.startsWith('--')
        ? a.slice(a.indexOf('=') + 1)
        : a.length > 2 && !a.startsWith('--')
          ? a.slice(2)
          : (args[++i] ?? long);
    if (/^(-h|--host)/.test(a)) conn.host = val('');
    else if (/^(-p|--port)/.test(a)) conn.port = Number(val('5432'));
    else if (/^(-U|--username)/.test(a)) conn.user = val('');
    else if (/^(-d|--dbname)/.test(a)) db = val('');
    else if (/^(-c|--command)/.test(a)) o.commands.push(val(''));
    else if (/^(-f|--file)/.test(a)) o.files.push(val(''));
    else if (a === '-t' || a === '--tuples-only') o.tuplesOnly = true;
    else if (a === '-A' || a === '--no-align') o.unaligned = true;
    else if (a === '-q' || a === '--quiet') o.quiet = true;
    else if (/^(-v|--set|--variable)/.test(a)) {
      if (/ON_ERROR_STOP=(1|on|true)/i.test(val(''))) o.onErrorStop = true;
    } else if (a === '-X' || a === '--no-psqlrc' || a === '-w' || a === '--no-password' || a === '-W')
      continue;
    else if (a === '-V' || a === '--version') {
      ctx.stdout.write(`psql (PostgreSQL) ${pgVersion(ctx).long}\n`);
      return 0;
    } else if (a.startsWith('-')) {
      ctx.stderr.write(
        `psql: error: unrecognized option "${a}"\npsql: hint: Try "psql --help" for more information.\n`,
      );
      return 1;
    } else positional.push(a);
  }
  const uri = positional[0] && /^postgres(ql)?:\/\//.test(positional[0]) ? positional.shift()! : undefined;
  if (uri) {
    const m = /^postgres(?:ql)?:\/\/(?:([^:@/]*)(?::([^@/]*))?@)?([^:/?]*)(?::(\d+))?(?:\/([^?]*))?/.exec(
      uri,
    )!;
    if (m[1]) conn.user = decodeURIComponent(m[1]);
    if (m[2] !== undefined) conn.password = decodeURIComponent(m[2]);
    if (m[3]) conn.host = m[3];
    if (m[4]) conn.port = Number(m[4]);
    if (m[5]) db = m[5];
  }
  if (positional[0] && !db) db = positional[0];
  if (positional[1]) conn.user = positional[1];
  conn.db = db || conn.user;
  return { conn, o };
}

function where(ctx: ProcessContext, conn: Conn): string {
  if (conn.host === undefined || conn.host.startsWith('/')) {
    return `connection to server on socket "${conn.host ?? '/var/run/postgresql'}/.s.PGSQL.${conn.port}" failed`;
  }
  const ip = ctx.net.resolve(conn.host) ?? conn.host;
  return `connection to server at "${conn.host}" (${ip}), port ${conn.port} failed`;
}

export async function request(
  ctx: ProcessContext,
  conn: Conn,
  queries: string[],
  catalog = false,
): Promise<PgResponse | string> {
  const socket = conn.host === undefined || conn.host.startsWith('/');
  const host = socket ? '127.0.0.1' : conn.host!;
  const address = ctx.net.resolve(host);
  if (address === undefined) {
    return `psql: error: could not translate host name "${host}" to address: Name or service not known\n`;
  }
  const req: PgRequest = {
    user: conn.user,
    database: conn.db,
    password: conn.password ?? null,
    socket,
    queries,
    catalog,
  };
  let res: PgResponse;
  try {
    res = JSON.parse(await ctx.net.line(address, conn.port, JSON.stringify(req))) as PgResponse;
  } catch (error) {
    if (!(error instanceof NetError) && !(error instanceof Error)) throw error;
    if (socket)
      return `psql: error: ${where(ctx, conn)}: No such file or directory\n\tIs the server running locally and accepting connections on that socket?\n`;
    const reason =
      error instanceof NetError && error.code !== 'ECONNREFUSED'
        ? 'Connection timed out'
        : 'Connection refused';
    return `psql: error: ${where(ctx, conn)}: ${reason}\n\tIs the server running on that host and accepting TCP/IP connections?\n`;
  }
  if (!res.ok) return `psql: error: ${where(ctx, conn)}: ${res.fatal}\n`;
  return res;
}

function meta(ctx: ProcessContext, conn: Conn, o: Opts, cat: CatalogView, cmd: string): string | undefined {
  const [name, arg] = cmd.trim().split(/\s+/);
  const fo = { ...o };
  switch (name) {
    case '\\l':
    case '\\list': {
      const v = pgVersion(ctx);
      const cols = [
        'Name',
        'Owner',
        'Encoding',
        'Locale Provider',
        'Collate',
        'Ctype',
        v.major >= 17 ? 'Locale' : 'ICU Locale',
        'ICU Rules',
        'Access privileges',
      ];
      const rows = cat.databases
        .sort((a, b) => (a.name < b.name ? -1 : 1))
        .map((d) => [
          d.name,
          d.owner,
          'UTF8',
          'libc',
          'en_US.utf8',
          'en_US.utf8',
          '',
          '',
          d.name.startsWith('template') ? `=c/${d.owner}` : '',
        ]);
      return formatTable(
        cols.map((c) => ({ name: c, numeric: false })),
        rows,
        { ...fo, title: 'List of databases' },
      );
    }
    case '\\dt':
    case '\\d': {
      if (name === '\\d' && arg) {
        const t = cat.tables.find((x) => x.name === arg);
        if (!t) return undefined;
        return formatTable(
          ['Column', 'Type', 'Collation', 'Nullable', 'Default'].map((c) => ({ name: c, numeric: false })),
          t.columns.map((c) => [
            c.name,
            c.type === 'serial' ? 'integer' : c.type,
            '',
            c.notNull ? 'not null' : '',
            c.default ?? '',
          ]),
          { ...fo, title: `Table "public.${t.name}"` },
        ).replace(/\(\d+ rows?\)\n/, '');
      }
      if (cat.tables.length === 0) return 'Did not find any relations.\n';
      return formatTable(
        ['Schema', 'Name', 'Type', 'Owner'].map((c) => ({ name: c, numeric: false })),
        cat.tables.map((t) => ['public', t.name, 'table', t.owner]),
        { ...fo, title: 'List of relations' },
      );
    }
    case '\\du':
      return formatTable(
        ['Role name', 'Attributes'].map((c) => ({ name: c, numeric: false })),
        cat.roles.map((r) => [
          r.name,
          r.superuser ? 'Superuser, Create role, Create DB, Replication, Bypass RLS' : '',
        ]),
        { ...fo, title: 'List of roles' },
      ).replace(/\(\d+ rows?\)\n/, '');
    case '\\conninfo':
      return conn.host === undefined
        ? `You are connected to database "${conn.db}" as user "${conn.user}" via socket in "/var/run/postgresql" at port "${conn.port}".\n`
        : `You are connected to database "${conn.db}" as user "${conn.user}" on host "${conn.host}" (address "${ctx.net.resolve(conn.host)}") at port "${conn.port}".\n`;
    default:
      return `invalid command ${name}\nTry \\? for help.\n`;
  }
}

/** Run one input (SQL statements or a backslash command); false when it failed. */
async function run(
  ctx: ProcessContext,
  conn: Conn,
  o: Opts,
  input: string,
  prefix = '',
): Promise<boolean | 'fatal'> {
  if (input.trim().startsWith('\\')) {
    const cmd = input.trim();
    if (/^\\c(onnect)?\s/.test(cmd)) {
      const db = cmd.split(/\s+/)[1]!;
      const res = await request(ctx, { ...conn, db }, []);
      if (typeof res === 'string') {
        ctx.stderr.write(res.replace('psql: error: ', ''));
        ctx.stdout.write('Previous connection kept\n');
        return false;
      }
      conn.db = db;
      ctx.stdout.write(`You are now connected to database "${db}" as user "${conn.user}".\n`);
      return true;
    }
    const res = await request(ctx, conn, [], true);
    if (typeof res === 'string' || !res.ok) return 'fatal';
    const out = meta(ctx, conn, o, res.catalog!, cmd);
    if (out === undefined) {
      ctx.stderr.write(`Did not find any relation named "${cmd.split(/\s+/)[1]}".\n`);
      return false;
    }
    ctx.stdout.write(out);
    return true;
  }
  for (const stmt of splitStatements(input)) {
    const res = await request(ctx, conn, [stmt]);
    if (typeof res === 'string') {
      ctx.stderr.write(res);
      return 'fatal';
    }
    if (!res.ok) return 'fatal';
    for (const r of res.results) ctx.stdout.write(formatResult(r, o));
    if (res.error) {
      ctx.stderr.write(formatError(res.error, prefix));
      return false;
    }
  }
  return true;
}

async function interactive(ctx: ProcessContext, conn: Conn, o: Opts, superuser: boolean): Promise<number> {
  ctx.stdout.write(`psql (${pgVersion(ctx).long})\nType "help" for help.\n\n`);
  const reader = new LineReader(ctx.stdin);
  let buffer = '';
  for (;;) {
    ctx.stdout.write(`${conn.db}${buffer ? '-' : '='}${superuser ? '#' : '>'} `);
    const line = await reader.readLine();
    if (line === null) {
      ctx.stdout.write('\\q\n');
      return 0;
    }
    const t = line.trim();
    if (!buffer && (t === '\\q' || t === 'quit' || t === 'exit')) return 0;
    if (!buffer && t === 'help') {
      ctx.stdout.write(
        'You are using psql, the command-line interface to PostgreSQL.\nType:  \\copyright for distribution terms\n       \\h for help with SQL commands\n       \\? for help with psql commands\n       \\g or terminate with semicolon to execute query\n       \\q to quit\n',
      );
      continue;
    }
    if (!buffer && t.startsWith('\\')) {
      await run(ctx, conn, o, t);
      continue;
    }
    buffer += (buffer ? '\n' : '') + line;
    if (/;\s*$/.test(buffer)) {
      await run(ctx, conn, o, buffer);
      buffer = '';
    }
  }
}

export const psql: Program = async (ctx) => {
  const parsed = parseArgs(ctx);
  if (typeof parsed === 'number') return parsed;
  const { conn, o } = parsed;
  const hello = await request(ctx, conn, []);
  if (typeof hello === 'string') {
    ctx.stderr.write(hello);
    return 2;
  }
  if (!hello.ok) return 2;
  let failed = false;
  for (const c of o.commands) {
    const r = await run(ctx, conn, o, c);
    if (r === 'fatal') return 2;
    if (!r) return 1;
  }
  for (const f of o.files) {
    let text: string;
    try {
      text =
        f === '-' ? await readAll(ctx.stdin) : ctx.fs.readFile(f.startsWith('/') ? f : `${ctx.cwd}/${f}`);
    } catch {
      ctx.stderr.write(`psql: error: ${f}: No such file or directory\n`);
      return 1;
    }
    for (const stmt of splitStatements(text)) {
      const r = await run(
        ctx,
        conn,
        o,
        stmt,
        `psql:${f}:${text.slice(0, text.indexOf(stmt)).split('\n').length}: `,
      );
      if (r === 'fatal') return 2;
      if (!r) {
        failed = true;
        if (o.onErrorStop) return 3;
      }
    }
  }
  if (o.commands.length || o.files.length) return failed ? 1 : 0;
  if (ctx.tty) return interactive(ctx, conn, o, hello.superuser);
  const r = await run(ctx, conn, o, await readAll(ctx.stdin));
  return r === 'fatal' ? 2 : 0;
};
