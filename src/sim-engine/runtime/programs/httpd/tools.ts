/**
 * The httpd image's support programs: apachectl (-v/-V/-t/configtest pass to httpd;
 * start/stop/restart/graceful/graceful-stop signal the running server through its
 * pid file, as `httpd -k` does), htpasswd (-c/-b/-n/-B/-D; MD5 "$apr1$" entries by
 * default — here made of the salt and a SHA-256 of the password, so the format and
 * length are Apache's but a real Apache would not accept them), ab (ApacheBench's
 * report for -n requests against a URL). The rest answer -v only.
 */
import type { ProcessContext, Program } from '../../../process/types.ts';
import { NetError } from '../../../process/types.ts';
import { sha256 } from '../../../images/sha256.ts';
import { httpd } from './httpd.ts';
import { derive } from '../support/exec.ts';

const PID_FILE = '/usr/local/apache2/logs/httpd.pid';
const SIGNAL = {
  stop: 'SIGTERM',
  restart: 'SIGHUP',
  graceful: 'SIGUSR1',
  'graceful-stop': 'SIGWINCH',
} as const;

export const apachectl: Program = async (ctx) => {
  const [cmd, ...rest] = ctx.argv.slice(1);
  const passthrough = (args: string[]) =>
    httpd(derive(ctx, { argv: ['/usr/local/apache2/bin/httpd', ...args] }));
  if (cmd === undefined || cmd.startsWith('-')) return passthrough(ctx.argv.slice(1));
  if (cmd === 'configtest') return passthrough(['-t', ...rest]);
  if (cmd === 'start') return passthrough(['-k', 'start', ...rest]);
  if (cmd in SIGNAL) {
    let pid: number | undefined;
    try {
      pid = Number(ctx.fs.readFile(PID_FILE).trim());
    } catch {
      pid = undefined;
    }
    if (pid === undefined || !ctx.processes().some((p) => p.pid === pid)) {
      ctx.stderr.write(`httpd (no pid file) not running\n`);
      return cmd === 'stop' ? 0 : 1;
    }
    ctx.kill?.(pid, SIGNAL[cmd as keyof typeof SIGNAL]);
    return 0;
  }
  ctx.stderr.write(`Usage: /usr/local/apache2/bin/httpd [-D name] [-d directory] [-f file]\n`);
  return 1;
};

const APR64 = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function entry(ctx: ProcessContext, user: string, password: string, bcrypt: boolean): string {
  const salt = Array.from({ length: bcrypt ? 22 : 8 }, () => APR64[Math.floor(ctx.random() * 64)]).join('');
  const digest = sha256(`${salt}${password}`);
  const body = Array.from(
    { length: bcrypt ? 31 : 22 },
    (_, i) => APR64[parseInt(digest.slice(i * 2, i * 2 + 2), 16) % 64],
  ).join('');
  return bcrypt ? `${user}:$2y$05$${salt}${body}` : `${user}:$apr1$${salt}$${body}`;
}

export const htpasswd: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  const flags = new Set(
    args.filter((a) => a.startsWith('-')).flatMap((a) => [...a.slice(1)].map((c) => `-${c}`)),
  );
  const pos = args.filter((a) => !a.startsWith('-'));
  const toStdout = flags.has('-n');
  const [file, user, password] = toStdout ? [undefined, pos[0], pos[1]] : [pos[0], pos[1], pos[2]];
  if (!user) {
    ctx.stderr.write(
      'Usage:\n\thtpasswd [-cimB25dpsDv] [-C cost] [-r rounds] passwordfile username\n\thtpasswd -b[cmB25dpsDv] [-C cost] [-r rounds] passwordfile username password\n\n\thtpasswd -n[imB25dps] [-C cost] [-r rounds] username\n\thtpasswd -nb[mB25dps] [-C cost] [-r rounds] username password\n',
    );
    return 1;
  }
  let pw = password;
  if (!flags.has('-b')) {
    ctx.stdout.write('New password: ');
    const first = (await ctx.stdin.read())?.split('\n')[0] ?? '';
    ctx.stdout.write('\nRe-type new password: ');
    pw = first;
    ctx.stdout.write('\n');
  }
  const line = entry(ctx, user, pw ?? '', flags.has('-B'));
  if (toStdout) {
    ctx.stdout.write(`${line}\n\n`);
    return 0;
  }
  const path = file!.startsWith('/') ? file! : `${ctx.cwd === '/' ? '' : ctx.cwd}/${file}`;
  let lines: string[] = [];
  if (!flags.has('-c')) {
    try {
      lines = ctx.fs.readFile(path).split('\n').filter(Boolean);
    } catch {
      ctx.stderr.write(`htpasswd: cannot modify file ${file}; use '-c' to create it\n`);
      return 1;
    }
  }
  const existing = lines.findIndex((l) => l.startsWith(`${user}:`));
  if (flags.has('-D')) {
    if (existing < 0) {
      ctx.stderr.write(`User ${user} not found\n`);
      return 0;
    }
    lines.splice(existing, 1);
    ctx.stdout.write(`Deleting password for user ${user}\n`);
  } else if (existing >= 0) {
    lines[existing] = line;
    ctx.stdout.write(`Updating password for user ${user}\n`);
  } else {
    lines.push(line);
    ctx.stdout.write(
      `${flags.has('-c') ? `Adding password for user ${user}` : `Adding password for user ${user}`}\n`,
    );
  }
  ctx.fs.writeFile(path, lines.map((l) => `${l}\n`).join(''));
  return 0;
};

export const ab: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  let n = 1;
  let c = 1;
  let url: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-n') n = Number(args[++i]);
    else if (args[i] === '-c') c = Number(args[++i]);
    else if (args[i] === '-V') {
      ctx.stdout.write(
        'This is ApacheBench, Version 2.3 <$Revision: 1923142 $>\nCopyright 1996 Adam Twiss, Zeus Technology Ltd, http://www.zeustech.net/\nLicensed to The Apache Software Foundation, http://www.apache.org/\n\n',
      );
      return 0;
    } else if (!args[i]!.startsWith('-')) url = args[i];
  }
  const m = url ? /^http:\/\/([^/:]+)(?::(\d+))?(\/.*)?$/.exec(url) : null;
  if (!m) {
    ctx.stderr.write(
      `${url ? `ab: invalid URL\n` : 'ab: wrong number of arguments\n'}Usage: ab [options] [http[s]://]hostname[:port]/path\n`,
    );
    return 22;
  }
  const [, host, port = '80', path = '/'] = m;
  ctx.stdout.write(
    `This is ApacheBench, Version 2.3 <$Revision: 1923142 $>\nCopyright 1996 Adam Twiss, Zeus Technology Ltd, http://www.zeustech.net/\nLicensed to The Apache Software Foundation, http://www.apache.org/\n\nBenchmarking ${host} (be patient).....`,
  );
  const address = ctx.net.resolve(host!);
  let first;
  const started = ctx.now();
  try {
    if (address === undefined) throw new NetError('ENOTFOUND', host!);
    for (let i = 0; i < n; i++) {
      const r = await ctx.net.http(address, Number(port), {
        method: 'GET',
        path,
        headers: { Host: host!, 'User-Agent': 'ApacheBench/2.3', Accept: '*/*' },
        body: '',
      });
      first ??= r;
    }
  } catch (e) {
    ctx.stdout.write('\n');
    ctx.stderr.write(
      e instanceof NetError && e.code === 'ENOTFOUND'
        ? `apr_sockaddr_info_get() for ${host}: Name or service not known (670002)\n`
        : `apr_socket_recv: Connection refused (111)\n`,
    );
    return 1;
  }
  await ctx.sleep(Math.max(1, n * 0.3));
  const secs = Math.max(0.001, (ctx.now() - started) / 1000);
  const len = first ? first.body.length : 0;
  const server = first?.headers['Server'] ?? first?.headers['server'] ?? '';
  ctx.stdout.write(
    `done\n\n\nServer Software:        ${server}\nServer Hostname:        ${host}\nServer Port:            ${port}\n\nDocument Path:          ${path}\nDocument Length:        ${len} bytes\n\nConcurrency Level:      ${c}\nTime taken for tests:   ${secs.toFixed(3)} seconds\nComplete requests:      ${n}\nFailed requests:        0\nTotal transferred:      ${n * (len + 250)} bytes\nHTML transferred:       ${n * len} bytes\nRequests per second:    ${(n / secs).toFixed(2)} [#/sec] (mean)\nTime per request:       ${((secs * 1000 * c) / n).toFixed(3)} [ms] (mean)\nTime per request:       ${((secs * 1000) / n).toFixed(3)} [ms] (mean, across all concurrent requests)\nTransfer rate:          ${((n * (len + 250)) / 1024 / secs).toFixed(2)} [Kbytes/sec] received\n\n`,
  );
  return 0;
};

/** httpd's other support programs: their version, or a plain statement. */
export function httpdSupport(tool: string): Program {
  return async (ctx) => {
    if (ctx.argv.includes('-v') || ctx.argv.includes('-V')) {
      ctx.stdout.write(`${tool}: Apache/2.4.68 (Unix) support program\n`);
      return 0;
    }
    ctx.stderr.write(`${tool}: this command is not simulated in Dockyard\n`);
    return 1;
  };
}
