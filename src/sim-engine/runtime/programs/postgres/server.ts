/**
 * postgres, the server: `postgres` with PGDATA (or `-D`), as the postgres user. It
 * logs PostgreSQL's startup lines (with crash recovery after an unclean stop), starts
 * its background processes (checkpointer, background writer, walwriter, autovacuum
 * and logical replication launchers, as ps shows them), listens on 5432 (wire.ts) and
 * stops on SIGINT (fast, the image's stop signal), SIGTERM (smart) or SIGQUIT
 * (immediate, which leaves recovery to the next start). `-C name` and `--version` as
 * the real options.
 */
import type { ChildProcess, ProcessContext, Program } from '../../../process/types.ts';
import { readCluster, writeCluster } from './cluster.ts';
import type { ClusterState } from './cluster.ts';
import { startLines, stopLines } from './server-log.ts';
import type { Aux, ShutdownMode } from './server-log.ts';
import { pgdata, pgVersion } from './version.ts';
import { answer } from './wire.ts';
import type { PgRequest } from './wire.ts';

const AUX = [
  'checkpointer',
  'background writer',
  'startup',
  'walwriter',
  'autovacuum launcher',
  'logical replication launcher',
];

function options(argv: string[]): { dir?: string; port?: string; tcp: boolean; show?: string } {
  const o: { dir?: string; port?: string; tcp: boolean; show?: string } = { tcp: true };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    const val = () => (a.length > 2 ? a.slice(2) : (argv[++i] ?? ''));
    if (a.startsWith('-D')) o.dir = val();
    else if (a.startsWith('-p')) o.port = val();
    else if (a.startsWith('-C')) o.show = val();
    else if (a.startsWith('-c') || a.startsWith('--')) {
      const kv = a.startsWith('--') ? a.slice(2) : val();
      const [k, v] = kv.split('=') as [string, string | undefined];
      if (k === 'listen_addresses' && (v === '' || v === "''")) o.tcp = false;
      if (k === 'port' && v) o.port = v;
    }
  }
  return o;
}

export const postgres: Program = async (ctx) => {
  if (ctx.variant === 'aux') {
    ctx.setTitle?.(`postgres: ${ctx.argv[1] ?? ''} `);
    if (ctx.argv[1] === 'startup') return 0;
    return ctx.ended;
  }
  const v = pgVersion(ctx);
  const a1 = ctx.argv[1];
  if (a1 === '--version' || a1 === '-V') {
    ctx.stdout.write(`postgres (PostgreSQL) ${v.long}\n`);
    return 0;
  }
  const o = options(ctx.argv);
  if (o.show !== undefined) {
    const known: Record<string, string> = {
      password_encryption: 'scram-sha-256',
      port: '5432',
      listen_addresses: '*',
      data_directory: pgdata(ctx, v),
    };
    ctx.stdout.write(`${known[o.show] ?? ''}\n`);
    return 0;
  }
  if (ctx.user.uid === 0) {
    ctx.stderr.write(
      '"root" execution of the PostgreSQL server is not permitted.\nThe server must be started under an unprivileged user ID to prevent\npossible system security compromise.  See the documentation for\nmore information on how to properly start the server.\n',
    );
    return 1;
  }
  const dir = o.dir ?? pgdata(ctx, v);
  const state = readCluster(ctx.fs, dir);
  if (!state || !ctx.fs.stat(`${dir}/PG_VERSION`)) {
    ctx.stderr.write(
      `postgres: could not access the server configuration file "${dir}/postgresql.conf": No such file or directory\n`,
    );
    return 2;
  }
  return serve(ctx, { dir, state, v, tcp: o.tcp, port: Number(o.port ?? ctx.env.get('PGPORT') ?? 5432) });
};

async function serve(
  ctx: ProcessContext,
  o: { dir: string; state: ClusterState; v: ReturnType<typeof pgVersion>; tcp: boolean; port: number },
): Promise<number> {
  const owner = { uid: ctx.user.uid, gid: ctx.user.gid };
  const children: ChildProcess[] = [];
  const pids: number[] = [];
  for (const name of AUX) {
    const child = ctx.spawn(['postgres', name], { program: 'postgres@aux' });
    children.push(child);
    pids.push(child.pid);
  }
  const aux: Aux = { checkpointer: pids[0]!, startup: pids[2]!, logical: pids[5]! };
  startLines(ctx, { pid: ctx.pid, aux, v: o.v, tcp: o.tcp, port: o.port, state: o.state });
  const persist = () => writeCluster(ctx.fs, o.dir, o.state, owner);
  o.state.state = 'in production';
  o.state.at = ctx.now();
  persist();
  ctx.fs.writeFile(
    `${o.dir}/postmaster.pid`,
    `${ctx.pid}\n${o.dir}\n${Math.floor(ctx.now() / 1000)}\n${o.port}\n/var/run/postgresql\n*\n`,
    { mode: 0o600, ...owner },
  );
  ctx.setTitle?.(`postgres`);
  ctx.net.listen(o.port, {
    line: (input, remote) => {
      const req = JSON.parse(input) as PgRequest;
      if (!req.socket && !o.tcp) throw new Error('refused');
      return JSON.stringify(
        answer(o.state, { ...req, remote }, { version: o.v.long, now: () => ctx.now(), persist }),
      );
    },
  });
  const stop = (mode: ShutdownMode) => () => {
    stopLines(ctx, { pid: ctx.pid, aux, v: o.v, mode });
    if (mode !== 'immediate') {
      o.state.state = 'shut down';
      o.state.at = ctx.now();
    }
    persist();
    try {
      ctx.fs.rm(`${o.dir}/postmaster.pid`, { force: true });
    } catch {
      // a read-only data directory keeps its pid file
    }
    for (const c of children) c.kill('SIGKILL');
    ctx.exit(0);
  };
  ctx.onSignal('SIGINT', stop('fast'));
  ctx.onSignal('SIGTERM', stop('smart'));
  ctx.onSignal('SIGQUIT', stop('immediate'));
  return ctx.ended;
}
