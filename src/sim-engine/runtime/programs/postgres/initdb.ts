/**
 * initdb: creates a database cluster and says so as PostgreSQL's initdb does (the
 * messages of 16; 17 quotes the setting names, 18 enables data checksums by default),
 * with its warning about trust authentication on stderr.
 */
import type { ProcessContext, Program } from '../../../process/types.ts';
import { createCluster } from './cluster.ts';
import { pgdata, pgVersion } from './version.ts';
import type { PgVersion } from './version.ts';

export interface InitdbOptions {
  dir: string;
  user: string;
  password: string | null;
  hostAuth: string;
  checksums?: boolean;
}

export function initdb(ctx: ProcessContext, v: PgVersion, o: InitdbOptions): void {
  const existed = ctx.fs.stat(o.dir) !== undefined;
  const locale = (ctx.env.get('LANG') ?? 'en_US.utf8').replace(/\.UTF-8$/i, '.utf8');
  const checksums = o.checksums ?? v.major >= 18;
  const q = (name: string) => (v.major >= 17 ? `"${name}"` : name);
  createCluster(ctx.fs, o.dir, {
    major: v.major,
    user: o.user,
    password: o.password,
    hostAuth: o.hostAuth,
    now: ctx.now(),
    owner: { uid: ctx.user.uid, gid: ctx.user.gid },
  });
  ctx.stdout.write(
    `The files belonging to this database system will be owned by user "${ctx.user.name}".\n` +
      'This user must also own the server process.\n\n' +
      `The database cluster will be initialized with locale "${locale}".\n` +
      'The default database encoding has accordingly been set to "UTF8".\n' +
      'The default text search configuration will be set to "english".\n\n' +
      `Data page checksums are ${checksums ? 'enabled' : 'disabled'}.\n\n` +
      (existed
        ? `fixing permissions on existing directory ${o.dir} ... ok\n`
        : `creating directory ${o.dir} ... ok\n`) +
      'creating subdirectories ... ok\n' +
      'selecting dynamic shared memory implementation ... posix\n' +
      `selecting default ${q('max_connections')} ... 100\n` +
      `selecting default ${q('shared_buffers')} ... 128MB\n` +
      `selecting default time zone ... ${v.alpine ? 'UTC' : 'Etc/UTC'}\n` +
      'creating configuration files ... ok\n' +
      'running bootstrap script ... ok\n' +
      'performing post-bootstrap initialization ... ok\n' +
      'syncing data to disk ... ok\n\n\n' +
      'Success. You can now start the database server using:\n\n' +
      `    pg_ctl -D ${o.dir} -l logfile start\n\n`,
  );
  ctx.stderr.write(
    'initdb: warning: enabling "trust" authentication for local connections\n' +
      'initdb: hint: You can change this by editing pg_hba.conf or using the option -A, or --auth-local and --auth-host, the next time you run initdb.\n',
  );
}

/** `initdb [-D dir] [-U user]` run by hand. */
export const initdbProgram: Program = async (ctx) => {
  const v = pgVersion(ctx);
  let dir = pgdata(ctx, v);
  let user = ctx.user.name;
  for (let i = 1; i < ctx.argv.length; i++) {
    const a = ctx.argv[i]!;
    if (a === '-D' || a === '--pgdata') dir = ctx.argv[++i] ?? dir;
    else if (a.startsWith('--pgdata=')) dir = a.slice(9);
    else if (a === '-U') user = ctx.argv[++i] ?? user;
    else if (a.startsWith('--username=')) user = a.slice(11);
  }
  if (ctx.user.uid === 0) {
    ctx.stderr.write(
      'initdb: error: cannot be run as root\ninitdb: hint: Please log in (using, e.g., "su") as the (unprivileged) user that will own the server process.\n',
    );
    return 1;
  }
  if (ctx.fs.stat(`${dir}/PG_VERSION`)) {
    ctx.stderr.write(
      `initdb: error: directory "${dir}" exists but is not empty\ninitdb: hint: If you want to create a new database system, either remove or empty the directory "${dir}" or run initdb with an argument other than "${dir}".\n`,
    );
    return 1;
  }
  initdb(ctx, v, { dir, user, password: null, hostAuth: 'trust' });
  return 0;
};
