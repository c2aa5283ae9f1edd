/**
 * postgres' docker-entrypoint.sh. For `postgres`: reads POSTGRES_PASSWORD (or
 * _FILE), POSTGRES_USER, POSTGRES_DB, POSTGRES_INITDB_ARGS, POSTGRES_HOST_AUTH_METHOD;
 * as root makes PGDATA the postgres user's and runs itself again as postgres (gosu).
 * On an empty PGDATA it refuses to go on without a password (the real message, exit
 * 1), else runs initdb, a temporary server (pg_ctl's lines and its log), creates
 * POSTGRES_DB, runs /docker-entrypoint-initdb.d/* (.sql through psql, .sh run or
 * sourced) and stops it; with a database already there it says it skips. Then it
 * execs the command in this same process.
 */
import type { ProcessContext, Program } from '../../../process/types.ts';
import { bashExecError, derive, execCommand, scriptPath } from '../support/exec.ts';
import { usePidsUpTo } from '../support/pids.ts';
import { withSystem } from '../support/system-programs.ts';
import { lookupUser } from '../support/users.ts';
import { splitStatements } from '../sql/lexer.ts';
import { readCluster, writeCluster } from './cluster.ts';
import { initdb } from './initdb.ts';
import { formatError, formatResult } from './psql-format.ts';
import { psql } from './psql.ts';
import { postgres } from './server.ts';
import { startLines, stopLines } from './server-log.ts';
import { pgdata, pgVersion } from './version.ts';
import type { PgVersion } from './version.ts';
import { answer } from './wire.ts';

const LOCAL = withSystem([
  ['postgres', postgres],
  ['psql', psql],
]);

const NO_PASSWORD = `Error: Database is uninitialized and superuser password is not specified.
       You must specify POSTGRES_PASSWORD to a non-empty value for the
       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".

       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all
       connections without a password. This is *not* recommended.

       See PostgreSQL documentation about "trust":
       https://www.postgresql.org/docs/current/auth-trust.html
`;

const TRUST_WARNING = `********************************************************************************
WARNING: POSTGRES_HOST_AUTH_METHOD has been set to "trust". This will allow
         anyone with access to the Postgres port to access your database without
         a password, even if POSTGRES_PASSWORD is set. See PostgreSQL
         documentation about "trust":
         https://www.postgresql.org/docs/current/auth-trust.html
         In Docker's default configuration, this is effectively any other
         container on the same system.

         It is not recommended to use POSTGRES_HOST_AUTH_METHOD=trust. Replace
         it with "-e POSTGRES_PASSWORD=password" instead to set a password in
         "docker run".
********************************************************************************
`;

/** file_env: VAR or the contents of VAR_FILE. */
function fileEnv(ctx: ProcessContext, name: string, fallback = ''): string | number {
  const direct = ctx.env.get(name);
  const file = ctx.env.get(`${name}_FILE`);
  if (direct && file) {
    ctx.stderr.write(`error: both ${name} and ${name}_FILE are set (but are exclusive)\n`);
    return 1;
  }
  if (file) {
    try {
      return ctx.fs.readFile(file).replace(/\n$/, '');
    } catch {
      return fallback;
    }
  }
  return direct ?? fallback;
}

const WANT_HELP = new Set(['-?', '--help', '--describe-config', '-V', '--version']);

async function initialise(
  ctx: ProcessContext,
  me: string,
  v: PgVersion,
  dir: string,
  env: Record<string, string>,
): Promise<number> {
  const hostAuth = env['POSTGRES_HOST_AUTH_METHOD'] || 'scram-sha-256';
  const checksums = /--data-checksums|(^|\s)-k(\s|$)/.test(env['POSTGRES_INITDB_ARGS'] ?? '')
    ? true
    : undefined;
  initdb(ctx, v, {
    dir,
    user: env['POSTGRES_USER']!,
    password: env['POSTGRES_PASSWORD'] || null,
    hostAuth,
    ...(checksums ? { checksums } : {}),
  });
  const state = readCluster(ctx.fs, dir)!;
  const owner = { uid: ctx.user.uid, gid: ctx.user.gid };
  const temp = { checkpointer: 49, startup: 51, logical: 54 };
  startLines(ctx, {
    pid: 48,
    aux: temp,
    v,
    tcp: false,
    port: 5432,
    state,
    first: 'waiting for server to start....',
  });
  ctx.stdout.write(' done\nserver started\n');
  const persist = () => writeCluster(ctx.fs, dir, state, owner);
  const run = (sql: string[], database: string) =>
    answer(
      state,
      { user: env['POSTGRES_USER']!, database, socket: true, queries: sql },
      { version: v.long, now: () => ctx.now(), persist },
    );
  const db = env['POSTGRES_DB']!;
  if (!state.catalog.databases[db]) {
    run([`CREATE DATABASE "${db}"`], 'postgres');
    ctx.stdout.write('CREATE DATABASE\n\n');
  }
  ctx.stdout.write('\n');
  let files: string[];
  try {
    files = ctx.fs.readdir('/docker-entrypoint-initdb.d').map((n) => `/docker-entrypoint-initdb.d/${n}`);
  } catch {
    files = [];
  }
  if (files.length === 0) files = ['/docker-entrypoint-initdb.d/*'];
  for (const f of files) {
    const st = ctx.fs.stat(f);
    if (f.endsWith('.sh') && st) {
      const executable = (st.mode & 0o111) !== 0;
      ctx.stdout.write(`${me}: ${executable ? 'running' : 'sourcing'} ${f}\n`);
      const status = await ctx.spawn(executable ? [f] : ['/bin/bash', f], { user: ctx.user }).wait();
      if (status !== 0) return status;
    } else if (f.endsWith('.sql') && st) {
      ctx.stdout.write(`${me}: running ${f}\n`);
      for (const stmt of splitStatements(ctx.fs.readFile(f))) {
        const res = run([stmt], db);
        if (!res.ok) return 2;
        for (const r of res.results)
          ctx.stdout.write(formatResult(r, { tuplesOnly: false, unaligned: false, quiet: false }));
        if (res.error) {
          ctx.stderr.write(formatError(res.error, `psql:${f}:${1}: `));
          return 3;
        }
      }
      ctx.stdout.write('\n');
    } else ctx.stdout.write(`${me}: ignoring ${f}\n`);
    ctx.stdout.write('\n');
  }
  ctx.stdout.write('waiting for server to shut down....');
  stopLines(ctx, { pid: 48, aux: temp, v, mode: 'fast', buffers: 926 });
  state.state = 'shut down';
  state.at = ctx.now();
  persist();
  ctx.stdout.write(
    ctx.variant === 'ensure'
      ? ' done\nserver stopped\n'
      : ' done\nserver stopped\n\nPostgreSQL init process complete; ready for start up.\n\n',
  );
  return 0;
}

/** docker-ensure-initdb.sh (and docker-enforce-initdb.sh): initialise PGDATA if empty, start nothing. */
export const postgresEnsureInitdb: Program = (ctx) =>
  postgresEntrypoint(
    derive(ctx, { variant: 'ensure', argv: [ctx.argv[0] ?? '', 'postgres', ...ctx.argv.slice(1)] }),
  );

export const postgresEntrypoint: Program = async (ctx) => {
  if (ctx.variant === 'fork') return 0;
  const me = scriptPath(ctx);
  let args = ctx.argv.slice(1);
  if (args[0]?.startsWith('-')) args = ['postgres', ...args];
  const v = pgVersion(ctx);
  let user = ctx.user;
  if (args[0] === 'postgres' && !args.some((a) => WANT_HELP.has(a))) {
    const env: Record<string, string> = {};
    for (const [name, fallback] of [
      ['POSTGRES_PASSWORD', ''],
      ['POSTGRES_USER', 'postgres'],
      ['POSTGRES_INITDB_ARGS', ''],
    ] as const) {
      const value = fileEnv(ctx, name, fallback);
      if (typeof value === 'number') return value;
      env[name] = value;
    }
    const db = fileEnv(ctx, 'POSTGRES_DB', env['POSTGRES_USER']);
    if (typeof db === 'number') return db;
    env['POSTGRES_DB'] = db;
    env['POSTGRES_HOST_AUTH_METHOD'] = ctx.env.get('POSTGRES_HOST_AUTH_METHOD') ?? '';
    const dir = pgdata(ctx, v);
    let exists: boolean;
    try {
      exists = ctx.fs.readFile(`${dir}/PG_VERSION`).trim() !== '';
    } catch {
      exists = false;
    }
    if (ctx.user.uid === 0) {
      const pg = lookupUser(ctx.fs, 'postgres')!;
      if (!ctx.fs.stat(dir)) ctx.fs.mkdir(dir, { parents: true, mode: 0o700, uid: pg.uid, gid: pg.gid });
      else if (ctx.fs.stat(dir)!.uid !== pg.uid) ctx.fs.chown(dir, pg.uid, pg.gid);
      user = pg;
    }
    ctx = derive(ctx, { user });
    if (!exists) {
      if (env['POSTGRES_PASSWORD'] === '' && env['POSTGRES_HOST_AUTH_METHOD'] !== 'trust') {
        ctx.stderr.write(NO_PASSWORD);
        return 1;
      }
      if (env['POSTGRES_HOST_AUTH_METHOD'] === 'trust') ctx.stderr.write(TRUST_WARNING);
      if (v.major >= 18 && dir === `/var/lib/postgresql/${v.major}/docker`) {
        const old = ['/var/lib/postgresql', '/var/lib/postgresql/data'].filter((d) =>
          ctx.fs.stat(`${d}/PG_VERSION`),
        );
        if (old.length) {
          ctx.stderr.write(
            `Error: in 18+, these Docker images are configured to store database data in a\n       format which is compatible with "pg_ctlcluster" (specifically, using\n       major-version-specific directory names).  This better reflects how\n       PostgreSQL itself works, and how upgrades are to be performed.\n\n       See also https://github.com/docker-library/postgres/pull/1259\n\n       Counter to that, there appears to be PostgreSQL data in:\n         ${old.join(' ')}\n\n       This is usually the result of upgrading the Docker image without\n       upgrading the underlying database using "pg_upgrade" (which requires both\n       versions).\n\n       The suggested container configuration for 18+ is to place a single mount\n       at /var/lib/postgresql which will then place PostgreSQL data in a\n       subdirectory, allowing usage of "pg_upgrade --link" without mount point\n       boundary issues.\n\n       See https://github.com/docker-library/postgres/issues/37 for a (long)\n       discussion around this process, and suggestions for how to do so.\n`,
          );
          return 1;
        }
      }
      const status = await initialise(ctx, me, v, dir, env);
      if (status !== 0 || ctx.variant === 'ensure') return status;
      await usePidsUpTo(ctx, 61, 'postgres-entrypoint@fork');
    } else if (ctx.variant === 'ensure') {
      const self = me.split('/').pop()!;
      const enforce = self === 'docker-enforce-initdb.sh';
      ctx.stderr.write(
        enforce
          ? `${self}: error: (unexpected) database found in '${dir}'!\n`
          : `${self}: note: database already initialized in '${dir}'!\n`,
      );
      return enforce ? 1 : 0;
    } else {
      ctx.stdout.write(
        '\nPostgreSQL Database directory appears to contain a database; Skipping initialization\n\n',
      );
      await usePidsUpTo(ctx, 24, 'postgres-entrypoint@fork');
    }
  }
  if (args.length === 0) return 0;
  return execCommand(ctx, args, {
    local: LOCAL,
    ...(user.uid !== 0 ? { user } : {}),
    cannotRun: bashExecError(me, 377),
  });
};
