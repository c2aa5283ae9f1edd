/**
 * mysqladmin (ping — the images' usual healthcheck —, version, status, create, drop,
 * shutdown) over the same connection as the mysql client, with its texts; and the
 * other client programs of the images (mysqldump, mysqlshow, mysqlcheck, mysqlimport,
 * mysqlbinlog, mysql_tzinfo_to_sql, mysqlsh), which answer `--version` only.
 */
import type { ProcessContext, Program } from '../../../process/types.ts';
import { send } from './client.ts';
import type { Opts } from './client.ts';
import { mysqlVersion } from './mysqld-log.ts';

function connectFailed(o: Opts, text: string): string {
  const reason = /ERROR \d+ \(\w+\): (.*)\n/.exec(text)?.[1] ?? text.trim();
  const socket = o.host === 'localhost';
  const check = socket
    ? "Check that mysqld is running and that the socket: '/var/run/mysqld/mysqld.sock' exists!\n"
    : `Check that mysqld is running on ${o.host} and that the port is ${o.port}.\nYou can check this by doing 'telnet ${o.host} ${o.port}'\n`;
  return `mysqladmin: connect to server at '${o.host}' failed\nerror: '${reason}'\n${/Can't connect/.test(reason) ? check : ''}`;
}

export const mysqladmin: Program = async (ctx) => {
  const { full } = mysqlVersion(ctx);
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
  const commands: string[] = [];
  let force = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const short = (flag: string) => (a.length > flag.length ? a.slice(flag.length) : (args[++i] ?? ''));
    if (a.startsWith('--user=')) o.user = a.slice(7);
    else if (a.startsWith('-u')) o.user = short('-u');
    else if (a.startsWith('--password=')) o.password = a.slice(11);
    else if (a.startsWith('-p') && a.length > 2) o.password = a.slice(2);
    else if (a.startsWith('--host=')) o.host = a.slice(7);
    else if (a.startsWith('-h')) o.host = short('-h');
    else if (a.startsWith('--port=')) o.port = Number(a.slice(7));
    else if (a.startsWith('-P')) o.port = Number(short('-P'));
    else if (a === '-f' || a === '--force') force = true;
    else if (a === '--version' || a === '-V') {
      ctx.stdout.write(`mysqladmin  Ver ${full} for Linux on x86_64 (MySQL Community Server - GPL)\n`);
      return 0;
    } else if (a === '--silent' || a === '-s' || a.startsWith('--protocol') || a.startsWith('--socket'))
      continue;
    else if (!a.startsWith('-')) commands.push(a);
  }
  if (o.password !== null && o.password !== '')
    ctx.stderr.write(
      'mysqladmin: [Warning] Using a password on the command line interface can be insecure.\n',
    );
  if (!commands.length) {
    ctx.stdout.write(
      `mysqladmin  Ver ${full} for Linux on x86_64 (MySQL Community Server - GPL)\nUsage: mysqladmin [OPTIONS] command command....\n`,
    );
    return 1;
  }
  const res = await send(ctx, o, []);
  if (typeof res === 'string' || !res.ok) {
    const text =
      typeof res === 'string' ? res : `ERROR ${res.fatal.code} (${res.fatal.state}): ${res.fatal.message}\n`;
    ctx.stderr.write(connectFailed(o, text));
    // ping's status is 0 whenever the server answered, even to refuse the account
    return commands[0] === 'ping' && typeof res !== 'string' ? 0 : 1;
  }
  const server = ctx.processes().find((p) => /mysqld/.test(p.args));
  const uptime = server ? Math.max(1, Math.floor((ctx.now() - server.started) / 1000)) : 1;
  const stats = `Threads: 2  Questions: ${res.connection * 2}  Slow queries: 0  Opens: 119  Flush tables: 3  Open tables: 38  Queries per second avg: ${((res.connection * 2) / uptime).toFixed(3)}`;
  for (let i = 0; i < commands.length; i++) {
    const c = commands[i]!;
    if (c === 'ping') ctx.stdout.write('mysqld is alive\n');
    else if (c === 'status') ctx.stdout.write(`Uptime: ${uptime}  ${stats}\n`);
    else if (c === 'version') {
      const m = Math.floor(uptime / 60);
      ctx.stdout.write(
        `mysqladmin  Ver ${full} for Linux on x86_64 (MySQL Community Server - GPL)\nCopyright (c) 2000, 2026, Oracle and/or its affiliates.\n\nOracle is a registered trademark of Oracle Corporation and/or its\naffiliates. Other names may be trademarks of their respective\nowners.\n\nServer version\t\t${full}\nProtocol version\t10\nConnection\t\t${o.host === 'localhost' ? 'Localhost via UNIX socket' : `${o.host} via TCP/IP`}\n${o.host === 'localhost' ? 'UNIX socket\t\t/var/run/mysqld/mysqld.sock\n' : `TCP port\t\t${o.port}\n`}Uptime:\t\t\t${m ? `${m} min ` : ''}${uptime % 60} sec\n\n${stats}\n`,
      );
    } else if (c === 'create' || c === 'drop') {
      const db = commands[++i] ?? '';
      if (c === 'drop' && !force) {
        ctx.stdout.write(
          `Dropping the database is potentially a very bad thing to do.\nAny data stored in the database will be destroyed.\n\nDo you really want to drop the '${db}' database [y/N] `,
        );
        const answer = await ctx.stdin.read();
        if (!/^y/i.test(answer ?? '')) {
          ctx.stdout.write('Database "' + db + '" not dropped\n');
          continue;
        }
      }
      const r = await send(ctx, o, [`${c.toUpperCase()} DATABASE \`${db}\``]);
      if (typeof r !== 'string' && r.ok && r.error) {
        ctx.stderr.write(`mysqladmin: ${c.toUpperCase()} DATABASE failed; error: '${r.error.message}'\n`);
        return 1;
      }
      if (c === 'drop') ctx.stdout.write(`Database "${db}" dropped\n`);
    } else if (c === 'shutdown') {
      if (server) ctx.kill?.(server.pid, 'SIGTERM');
    } else {
      ctx.stderr.write(`mysqladmin: Unknown command: '${c}'\n`);
      return 1;
    }
  }
  return 0;
};

/** A client program that answers --version only. */
export function versionOnly(tool: string, version?: (ctx: ProcessContext) => string): Program {
  return async (ctx) => {
    const v =
      version?.(ctx) ??
      `${tool}  Ver ${mysqlVersion(ctx).full} for Linux on x86_64 (MySQL Community Server - GPL)`;
    if (ctx.argv.slice(1).some((a) => a === '--version' || a === '-V')) {
      ctx.stdout.write(`${v}\n`);
      return 0;
    }
    ctx.stderr.write(`${tool}: this command is not simulated in Dockyard (only --version)\n`);
    return 1;
  };
}
