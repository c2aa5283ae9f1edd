/**
 * The server's log lines (log_line_prefix `%m [%p] `, on stderr): starting, recovery,
 * ready, and the three shutdowns. Shared by the server and by the entrypoint's
 * temporary server (pg_ctl start/stop during initialisation).
 */
import type { ProcessContext } from '../../../process/types.ts';
import { postgresTime } from '../support/log-time.ts';
import type { ClusterState } from './cluster.ts';
import type { PgVersion } from './version.ts';

/** The pids of a postmaster's children, in the order it starts them. */
export interface Aux {
  checkpointer: number;
  startup: number;
  logical: number;
}

export function pgLog(ctx: ProcessContext, pid: number, text: string): void {
  ctx.stderr.write(`${postgresTime(ctx.now())} [${pid}] LOG:  ${text}\n`);
}

export function startLines(
  ctx: ProcessContext,
  o: { pid: number; aux: Aux; v: PgVersion; tcp: boolean; port: number; state: ClusterState; first?: string },
): void {
  const log = (pid: number, text: string) => pgLog(ctx, pid, text);
  if (o.first !== undefined) ctx.stdout.write(o.first);
  log(o.pid, `starting ${o.v.banner}`);
  if (o.tcp) {
    log(o.pid, `listening on IPv4 address "0.0.0.0", port ${o.port}`);
    log(o.pid, `listening on IPv6 address "::", port ${o.port}`);
  }
  log(o.pid, `listening on Unix socket "/var/run/postgresql/.s.PGSQL.${o.port}"`);
  const at = postgresTime(o.state.at).replace(/\.\d{3} UTC$/, ' UTC');
  if (o.state.state === 'shut down') {
    log(o.aux.startup, `database system was shut down at ${at}`);
  } else {
    log(o.aux.startup, `database system was interrupted; last known up at ${at}`);
    log(o.aux.startup, 'database system was not properly shut down; automatic recovery in progress');
    log(o.aux.startup, 'redo starts at 0/1912FC0');
    log(o.aux.startup, `invalid record length at 0/1913000: expected at least 24, got 0`);
    log(
      o.aux.startup,
      'redo done at 0/1912FC0 system usage: CPU: user: 0.00 s, system: 0.00 s, elapsed: 0.00 s',
    );
    log(o.aux.checkpointer, 'checkpoint starting: end-of-recovery immediate wait');
    log(o.aux.checkpointer, checkpointComplete(o.v, 3));
  }
  log(o.pid, 'database system is ready to accept connections');
}

function checkpointComplete(v: PgVersion, buffers: number): string {
  const pct = ((buffers / 16384) * 100).toFixed(1);
  const wrote =
    v.major >= 18
      ? `wrote ${buffers} buffers (${pct}%), wrote 3 SLRU buffers`
      : `wrote ${buffers} buffers (${pct}%)`;
  return `checkpoint complete: ${wrote}; 0 WAL file(s) added, 0 removed, 0 recycled; write=0.002 s, sync=0.001 s, total=0.007 s; sync files=${buffers === 3 ? 2 : 301}, longest=0.001 s, average=0.001 s; distance=${buffers === 3 ? 0 : 4255} kB, estimate=${buffers === 3 ? 0 : 4255} kB; lsn=0/1912FF8, redo lsn=0/1912FF8`;
}

export type ShutdownMode = 'smart' | 'fast' | 'immediate';

export function stopLines(
  ctx: ProcessContext,
  o: { pid: number; aux: Aux; v: PgVersion; mode: ShutdownMode; buffers?: number },
): void {
  const log = (pid: number, text: string) => pgLog(ctx, pid, text);
  log(o.pid, `received ${o.mode} shutdown request`);
  if (o.mode !== 'immediate') {
    if (o.mode === 'fast') log(o.pid, 'aborting any active transactions');
    log(
      o.pid,
      `background worker "logical replication launcher" (PID ${o.aux.logical}) exited with exit code 1`,
    );
    log(o.aux.checkpointer, 'shutting down');
    log(o.aux.checkpointer, 'checkpoint starting: shutdown immediate');
    log(o.aux.checkpointer, checkpointComplete(o.v, o.buffers ?? 3));
  }
  log(o.pid, 'database system is shut down');
}
