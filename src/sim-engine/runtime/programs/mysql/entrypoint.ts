/**
 * mysql's docker-entrypoint.sh: notes with `date --rfc-3339=seconds` stamps; as root
 * it switches to the mysql user (gosu) and runs again; on an empty /var/lib/mysql it
 * refuses without MYSQL_ROOT_PASSWORD / MYSQL_ALLOW_EMPTY_PASSWORD /
 * MYSQL_RANDOM_ROOT_PASSWORD (the real error, exit 1), else initialises the data
 * directory, runs a temporary server, loads time zones, sets the root password
 * (root@% too), creates MYSQL_DATABASE and MYSQL_USER, runs
 * /docker-entrypoint-initdb.d/*.sql, and stops it. Then it execs mysqld in this
 * same process.
 */
import type { ProcessContext, Program } from '../../../process/types.ts';
import { rfc3339Seconds } from '../support/log-time.ts';
import { bashExecError, derive, execCommand, scriptPath } from '../support/exec.ts';
import { withSystem } from '../support/system-programs.ts';
import { lookupUser } from '../support/users.ts';
import { splitStatements } from '../sql/lexer.ts';
import { mysqlClient } from './client.ts';
import { DATADIR, initialise, readState, writeState } from './datadir.ts';
import { mysqld } from './mysqld.ts';
import { initLines, mysqlVersion, startLines, stopLines } from './mysqld-log.ts';
import { answer } from './wire.ts';

const LOCAL = withSystem([
  ['mysqld', mysqld],
  ['mysql', mysqlClient],
]);

const TZ_FILES = ['iso3166.tab', 'leap-seconds.list', 'leapseconds', 'tzdata.zi', 'zone.tab', 'zone1970.tab'];

const WANT_HELP = new Set(['-?', '--help', '--print-defaults', '-V', '--version']);

function log(ctx: ProcessContext, type: string, text: string): void {
  const line = `${rfc3339Seconds(ctx.now())} [${type}] [Entrypoint]: ${text}\n`;
  if (type === 'Note') ctx.stdout.write(line);
  else ctx.stderr.write(line);
}

function env(ctx: ProcessContext, name: string): string {
  const file = ctx.env.get(`${name}_FILE`);
  if (file) {
    try {
      return ctx.fs.readFile(file).replace(/\n$/, '');
    } catch {
      return '';
    }
  }
  return ctx.env.get(name) ?? '';
}

function socketFix(ctx: ProcessContext): void {
  try {
    ctx.fs.rm(`${DATADIR}/mysql.sock`, { force: true });
    ctx.fs.symlink('/var/run/mysqld/mysqld.sock', `${DATADIR}/mysql.sock`);
  } catch {
    // read-only data directory: ln fails, `|| :` goes on
  }
  ctx.stdout.write("'/var/lib/mysql/mysql.sock' -> '/var/run/mysqld/mysqld.sock'\n");
}

function randomPassword(ctx: ProcessContext): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  return Array.from({ length: 32 }, () => alphabet[Math.floor(ctx.random() * 64)]).join('');
}

async function initialiseDatabase(ctx: ProcessContext, me: string): Promise<number> {
  const { full } = mysqlVersion(ctx);
  const owner = { uid: ctx.user.uid, gid: ctx.user.gid };
  log(ctx, 'Note', 'Initializing database files');
  initLines(ctx, full, 80, true);
  const state = initialise(ctx.fs, owner, 'b1e2c3d4-0000-11f0-8000-0242ac110002');
  log(ctx, 'Note', 'Database files initialized');
  log(ctx, 'Note', 'Starting temporary server');
  startLines(ctx, full, 124, 0);
  log(ctx, 'Note', 'Temporary server started.');
  socketFix(ctx);
  if (!env(ctx, 'MYSQL_INITDB_SKIP_TZINFO')) {
    for (const f of TZ_FILES)
      ctx.stderr.write(`Warning: Unable to load '/usr/share/zoneinfo/${f}' as time zone. Skipping it.\n`);
  }
  let rootPassword = env(ctx, 'MYSQL_ROOT_PASSWORD');
  if (env(ctx, 'MYSQL_RANDOM_ROOT_PASSWORD')) {
    rootPassword = randomPassword(ctx);
    log(ctx, 'Note', `GENERATED ROOT PASSWORD: ${rootPassword}`);
  }
  state.accounts['root@localhost'] = rootPassword;
  const rootHost = env(ctx, 'MYSQL_ROOT_HOST') || '%';
  if (rootHost !== 'localhost') state.accounts[`root@${rootHost}`] = rootPassword;
  const persist = () => writeState(ctx.fs, state, owner);
  const database = env(ctx, 'MYSQL_DATABASE');
  const run = (sql: string[], db = database) =>
    answer(
      state,
      { user: 'root', password: rootPassword, socket: true, database: db, queries: sql },
      { version: full, now: () => ctx.now(), persist, connection: 9 },
    );
  if (database) {
    log(ctx, 'Note', `Creating database ${database}`);
    run([`CREATE DATABASE IF NOT EXISTS \`${database}\``], '');
  }
  const user = env(ctx, 'MYSQL_USER');
  const password = env(ctx, 'MYSQL_PASSWORD');
  if (user && password) {
    log(ctx, 'Note', `Creating user ${user}`);
    state.accounts[`${user}@%`] = password;
    if (database) log(ctx, 'Note', `Giving user ${user} access to schema ${database}`);
  }
  persist();
  ctx.stdout.write('\n');
  let files: string[];
  try {
    files = ctx.fs.readdir('/docker-entrypoint-initdb.d').map((n) => `/docker-entrypoint-initdb.d/${n}`);
  } catch {
    files = [];
  }
  for (const f of files) {
    if (f.endsWith('.sql')) {
      log(ctx, 'Note', `${me}: running ${f}`);
      const res = run(splitStatements(ctx.fs.readFile(f)));
      if (res.ok && res.error) {
        ctx.stderr.write(
          `ERROR ${res.error.code} (${res.error.state}) at line ${res.error.index + 1}: ${res.error.message}\n`,
        );
        return 1;
      }
      ctx.stdout.write('\n');
    } else if (f.endsWith('.sh')) {
      const executable = ((ctx.fs.stat(f)?.mode ?? 0) & 0o111) !== 0;
      log(ctx, 'Note', `${me}: ${executable ? 'running' : 'sourcing'} ${f}`);
      const status = await ctx.spawn(executable ? [f] : ['/bin/bash', f], { user: ctx.user }).wait();
      if (status !== 0) return status;
    } else log(ctx, 'Warn', `${me}: ignoring ${f}`);
    ctx.stdout.write('\n');
  }
  log(ctx, 'Note', 'Stopping temporary server');
  stopLines(ctx, full, 10, 'root');
  log(ctx, 'Note', 'Temporary server stopped');
  ctx.stdout.write('\n');
  log(ctx, 'Note', 'MySQL init process done. Ready for start up.');
  ctx.stdout.write('\n');
  return 0;
}

export const mysqlEntrypoint: Program = async (ctx) => {
  const me = scriptPath(ctx);
  let args = ctx.argv.slice(1);
  if (args[0]?.startsWith('-')) args = ['mysqld', ...args];
  let user = ctx.user;
  if (args[0] === 'mysqld' && !args.some((a) => WANT_HELP.has(a))) {
    const { pkg } = mysqlVersion(ctx);
    log(ctx, 'Note', `Entrypoint script for MySQL Server ${pkg} started.`);
    if (ctx.user.uid === 0) {
      const mysql = lookupUser(ctx.fs, 'mysql');
      if (mysql) {
        log(ctx, 'Note', "Switching to dedicated user 'mysql'");
        user = mysql;
        ctx = derive(ctx, { user });
        log(ctx, 'Note', `Entrypoint script for MySQL Server ${pkg} started.`);
      }
    }
    if (!ctx.fs.stat(`${DATADIR}/mysql`) || !readState(ctx.fs)) {
      if (
        !env(ctx, 'MYSQL_ROOT_PASSWORD') &&
        !env(ctx, 'MYSQL_ALLOW_EMPTY_PASSWORD') &&
        !env(ctx, 'MYSQL_RANDOM_ROOT_PASSWORD')
      ) {
        log(
          ctx,
          'ERROR',
          'Database is uninitialized and password option is not specified\n    You need to specify one of the following as an environment variable:\n    - MYSQL_ROOT_PASSWORD\n    - MYSQL_ALLOW_EMPTY_PASSWORD\n    - MYSQL_RANDOM_ROOT_PASSWORD',
        );
        return 1;
      }
      if (env(ctx, 'MYSQL_USER') === 'root') {
        log(
          ctx,
          'ERROR',
          'MYSQL_USER="root", MYSQL_USER and MYSQL_PASSWORD are for configuring a regular user and cannot be used for the root user\n    Remove MYSQL_USER="root" and use one of the following to control the root user password:\n    - MYSQL_ROOT_PASSWORD\n    - MYSQL_ALLOW_EMPTY_PASSWORD\n    - MYSQL_RANDOM_ROOT_PASSWORD',
        );
        return 1;
      }
      if (env(ctx, 'MYSQL_USER') && !env(ctx, 'MYSQL_PASSWORD'))
        log(ctx, 'Warn', 'MYSQL_USER specified, but missing MYSQL_PASSWORD; MYSQL_USER will not be created');
      else if (!env(ctx, 'MYSQL_USER') && env(ctx, 'MYSQL_PASSWORD'))
        log(ctx, 'Warn', 'MYSQL_PASSWORD specified, but missing MYSQL_USER; MYSQL_PASSWORD will be ignored');
      const status = await initialiseDatabase(ctx, me);
      if (status !== 0) return status;
    } else socketFix(ctx);
  }
  if (args.length === 0) return 0;
  return execCommand(ctx, args, {
    local: LOCAL,
    ...(user.uid !== 0 ? { user } : {}),
    cannotRun: bashExecError(me, 413),
  });
};
