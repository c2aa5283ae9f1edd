/**
 * mysqld's error log lines (on stderr in the images): `2026-11-28T05:21:18.123456Z 0
 * [System] [MY-010116] [Server] …`, for initialisation, start, ready and shutdown,
 * as 8.0.34 and later print them.
 */
import type { ProcessContext } from '../../../process/types.ts';
import { mysqlTime, subMs } from '../support/log-time.ts';

export function mysqlVersion(ctx: ProcessContext): { full: string; pkg: string } {
  const pkg = ctx.env.get('MYSQL_VERSION') ?? '8.4.9-1.el9';
  return { full: pkg.split('-')[0]!, pkg };
}

export function serverLog(
  ctx: ProcessContext,
  thread: number,
  level: string,
  code: string,
  sub: string,
  text: string,
): void {
  ctx.stderr.write(
    `${mysqlTime(
      ctx.now(),
      subMs(() => ctx.random(), 1000),
    )} ${thread} [${level}] [MY-${code}] [${sub}] ${text}\n`,
  );
}

export function initLines(ctx: ProcessContext, version: string, pid: number, insecure: boolean): void {
  serverLog(ctx, 0, 'System', '015017', 'Server', 'MySQL Server Initialization - start.');
  serverLog(
    ctx,
    0,
    'System',
    '013169',
    'Server',
    `/usr/sbin/mysqld (mysqld ${version}) initializing of server in progress as process ${pid}`,
  );
  serverLog(ctx, 1, 'System', '013576', 'InnoDB', 'InnoDB initialization has started.');
  serverLog(ctx, 1, 'System', '013577', 'InnoDB', 'InnoDB initialization has ended.');
  if (insecure) {
    serverLog(
      ctx,
      6,
      'Warning',
      '010453',
      'Server',
      'root@localhost is created with an empty password ! Please consider switching off the --initialize-insecure option.',
    );
  }
  serverLog(ctx, 0, 'System', '015018', 'Server', 'MySQL Server Initialization - end.');
}

export function startLines(ctx: ProcessContext, version: string, pid: number, port: number): void {
  serverLog(ctx, 0, 'System', '015015', 'Server', 'MySQL Server - start.');
  serverLog(
    ctx,
    0,
    'System',
    '010116',
    'Server',
    `/usr/sbin/mysqld (mysqld ${version}) starting as process ${pid}`,
  );
  serverLog(ctx, 1, 'System', '013576', 'InnoDB', 'InnoDB initialization has started.');
  serverLog(ctx, 1, 'System', '013577', 'InnoDB', 'InnoDB initialization has ended.');
  serverLog(ctx, 0, 'Warning', '010068', 'Server', 'CA certificate ca.pem is self signed.');
  serverLog(
    ctx,
    0,
    'System',
    '013602',
    'Server',
    'Channel mysql_main configured to support TLS. Encrypted connections are now supported for this channel.',
  );
  serverLog(
    ctx,
    0,
    'Warning',
    '011810',
    'Server',
    "Insecure configuration for --pid-file: Location '/var/run/mysqld' in the path is accessible to all OS users. Consider choosing a different directory.",
  );
  serverLog(
    ctx,
    0,
    'System',
    '011323',
    'Server',
    port === 0
      ? 'X Plugin ready for connections. Socket: /var/run/mysqld/mysqlx.sock'
      : "X Plugin ready for connections. Bind-address: '::' port: 33060, socket: /var/run/mysqld/mysqlx.sock",
  );
  serverLog(
    ctx,
    0,
    'System',
    '010931',
    'Server',
    `/usr/sbin/mysqld: ready for connections. Version: '${version}'  socket: '/var/run/mysqld/mysqld.sock'  port: ${port}  MySQL Community Server - GPL.`,
  );
}

export function stopLines(ctx: ProcessContext, version: string, thread: number, by: string): void {
  serverLog(
    ctx,
    thread,
    'System',
    '013172',
    'Server',
    `Received SHUTDOWN from user ${by}. Shutting down mysqld (Version: ${version}).`,
  );
  serverLog(
    ctx,
    0,
    'System',
    '010910',
    'Server',
    `/usr/sbin/mysqld: Shutdown complete (mysqld ${version})  MySQL Community Server - GPL.`,
  );
  serverLog(ctx, 0, 'System', '015016', 'Server', 'MySQL Server - end.');
}
