/**
 * mysqld: `mysqld` as the images run it (user `mysql` from /etc/my.cnf), with its
 * 8.0.34+ log lines on stderr, `--initialize(-insecure)`, and the server on 3306 (and
 * its socket) answering the mysql client (wire.ts). SIGTERM shuts it down cleanly
 * with MySQL's lines and status 0. `--version` as the real option.
 */
import type { ProcessContext, Program } from '../../../process/types.ts';
import { DATADIR, initialise, readState, writeState } from './datadir.ts';
import { initLines, mysqlVersion, serverLog, startLines, stopLines } from './mysqld-log.ts';
import { answer } from './wire.ts';
import type { MyRequest } from './wire.ts';

function uuid(ctx: ProcessContext): string {
  const hex = (n: number) =>
    Array.from({ length: n }, () => Math.floor(ctx.random() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-11f0-${hex(4)}-${hex(12)}`;
}

export const mysqld: Program = async (ctx) => {
  const { full } = mysqlVersion(ctx);
  const args = ctx.argv.slice(1);
  if (args.includes('--version') || args.includes('-V')) {
    ctx.stdout.write(`/usr/sbin/mysqld  Ver ${full} for Linux on x86_64 (MySQL Community Server - GPL)\n`);
    return 0;
  }
  const owner = {
    uid: ctx.user.uid === 0 ? 999 : ctx.user.uid,
    gid: ctx.user.gid === 0 ? 999 : ctx.user.gid,
  };
  if (args.some((a) => a.startsWith('--initialize'))) {
    if (readState(ctx.fs)) {
      serverLog(
        ctx,
        0,
        'ERROR',
        '010457',
        'Server',
        `--initialize specified but the data directory has files in it. Aborting.`,
      );
      serverLog(
        ctx,
        0,
        'ERROR',
        '013236',
        'Server',
        `The designated data directory ${DATADIR}/ is unusable. You can remove all files that the server added to it.`,
      );
      serverLog(ctx, 0, 'ERROR', '010119', 'Server', 'Aborting');
      return 1;
    }
    initLines(ctx, full, ctx.pid, args.includes('--initialize-insecure'));
    initialise(ctx.fs, owner, uuid(ctx));
    return 0;
  }
  const state = readState(ctx.fs);
  if (!state) {
    serverLog(
      ctx,
      0,
      'ERROR',
      '013183',
      'InnoDB',
      'Assertion failure: the data directory has not been initialised',
    );
    serverLog(ctx, 0, 'ERROR', '010119', 'Server', 'Aborting');
    return 1;
  }
  const networking = !args.includes('--skip-networking');
  const port = networking ? 3306 : 0;
  startLines(ctx, full, ctx.pid, port);
  const persist = () => writeState(ctx.fs, state, owner);
  ctx.fs.writeFile('/var/run/mysqld/mysqld.pid', `${ctx.pid}\n`, owner);
  let connection = 7;
  ctx.net.listen(3306, {
    line: (input, remote) => {
      const req = JSON.parse(input) as MyRequest;
      if (!req.socket && !networking) throw new Error('refused');
      return JSON.stringify(
        answer(
          state,
          { ...req, remote },
          { version: full, now: () => ctx.now(), persist, connection: ++connection },
        ),
      );
    },
  });
  ctx.setTitle?.(ctx.argv.join(' '));
  ctx.onSignal('SIGTERM', () => {
    stopLines(ctx, full, 0, '<via user signal>');
    try {
      ctx.fs.rm('/var/run/mysqld/mysqld.pid', { force: true });
    } catch {
      // read-only: the pid file stays
    }
    ctx.exit(0);
  });
  return ctx.ended;
};
