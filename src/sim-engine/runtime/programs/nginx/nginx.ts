/**
 * nginx, master process: `nginx -g 'daemon off;'` as the images run it. It reads
 * /etc/nginx/nginx.conf (and what it includes), creates its temp directories and pid
 * file, starts its workers (child processes running as the `user`, shown by ps as
 * `nginx: worker process`), listens on every port its servers name and serves them
 * (serve.ts). Its error log (notices at the images' `notice` level since 1.21, nothing
 * at 1.17–1.20's `warn`) and access log go where the config sends them, the images'
 * links making them stderr and stdout.
 *
 * Signals as nginx: QUIT graceful stop, TERM/INT fast stop (both exit 0), HUP reload
 * (new workers; a broken config keeps the old one), USR1 reopen, WINCH ignored when
 * not daemonized. `-v`, `-V`, `-t`, `-T`, `-s signal`, `-c`, `-g` as the real options.
 */
import type { ChildProcess, ProcessContext, Program, SignalName } from '../../../process/types.ts';
import { KERNEL } from '../../../shell/utils/system/kernel.ts';
import { CPUS } from '../../../shell/utils/system/misc.ts';
import { logSink } from '../support/log-sink.ts';
import { slashTime } from '../support/log-time.ts';
import { lookupUser } from '../support/users.ts';
import { buildOf, versionText } from './build.ts';
import type { Build } from './build.ts';
import { ConfigError, loadConfig } from './config.ts';
import { parseArgs } from './args.ts';
import type { NginxArgs } from './args.ts';
import { buildSite, inherited, levelRank } from './model.ts';
import type { Site } from './model.ts';
import { parseTarget } from './proxy.ts';
import { handle } from './serve.ts';
import type { NginxHttp } from './serve.ts';
import { expand } from './vars.ts';
import { sendSignal } from './signal.ts';

const TEMP_DIRS = ['client_temp', 'proxy_temp', 'fastcgi_temp', 'uwsgi_temp', 'scgi_temp'];

/** Which pid sent the last signal to a master, by container (`received from 45`). */
export const signalSenders = new WeakMap<object, number>();

interface Master {
  ctx: ProcessContext;
  build: Build;
  args: NginxArgs;
  site: Site;
  workers: { pid: number; child: ChildProcess }[];
  connection: number;
  listening: { close(): void }[];
}

function log(m: Master, level: string, text: string, pid = m.ctx.pid): void {
  if (levelRank(level) < levelRank(m.site.errorLog.level)) return;
  logSink(m.ctx, m.site.errorLog.path).write(`${slashTime(m.ctx.now())} [${level}] ${pid}#${pid}: ${text}\n`);
}

/** Before the configuration is read: the compiled-in error log, and stderr with `nginx: `. */
function early(ctx: ProcessContext, level: string, text: string): void {
  logSink(ctx, '/var/log/nginx/error.log').write(
    `${slashTime(ctx.now())} [${level}] ${ctx.pid}#${ctx.pid}: ${text}\n`,
  );
  ctx.stderr.write(`nginx: [${level}] ${text}\n`);
}

function readSite(ctx: ProcessContext, args: NginxArgs): Site {
  const site = buildSite(loadConfig(ctx.fs, args.conf, args.globals));
  for (const s of site.servers) {
    for (const loc of s.locations) {
      const pass = loc.directives.find((d) => d.name === 'proxy_pass');
      if (!pass || pass.args[0]!.includes('$')) continue;
      const t = parseTarget(pass.args[0]!);
      if (!t) throw new ConfigError(`invalid URL prefix in ${pass.file}:${pass.line}`);
      if (site.upstreams.has(t.host)) continue;
      if (ctx.net.resolve(t.host) === undefined) {
        throw new ConfigError(
          `host not found in upstream "${t.host}${/:\d+/.test(pass.args[0]!) ? `:${t.port}` : ''}" in ${pass.file}:${pass.line}`,
        );
      }
    }
  }
  for (const [, u] of site.upstreams) {
    for (const server of u.servers) {
      if (ctx.net.resolve(server.split(':')[0]!) === undefined)
        throw new ConfigError(`host not found in upstream "${server}"`);
    }
  }
  return site;
}

function http(m: Master): NginxHttp {
  return {
    ctx: m.ctx,
    site: m.site,
    tokens: (r, loc) =>
      inherited(m.site, r.server, loc, 'server_tokens')?.[0] === 'off' ? 'nginx' : `nginx/${m.build.version}`,
    workerPid: () => m.workers[0]?.pid ?? m.ctx.pid,
    nextConnection: () => ++m.connection,
    error: (r, level, text, extra) => {
      const host = Object.entries(r.headers).find(([k]) => k.toLowerCase() === 'host')?.[1];
      const details = `client: ${r.remote}, server: ${r.server.names[0] ?? ''}, request: "${r.method} ${r.rawUri} HTTP/1.1"${extra ? `, ${extra}` : ''}${host ? `, host: "${host}"` : ''}`;
      log(m, level, `*${r.connection} ${text}, ${details}`, r.pid);
    },
    access: (r, loc) => {
      const spec = inherited(m.site, r.server, loc, 'access_log') ?? [
        '/var/log/nginx/access.log',
        'combined',
      ];
      if (spec[0] === 'off') return;
      const format = m.site.formats.get(spec[1] ?? 'combined') ?? m.site.formats.get('combined')!;
      logSink(m.ctx, spec[0]!).write(`${expand(r, format, '-')}\n`);
    },
  };
}

function workerCount(site: Site): number {
  return site.workers === 'auto' ? CPUS : site.workers;
}

function startWorkers(m: Master): void {
  const user = m.ctx.user.uid === 0 ? lookupUser(m.ctx.fs, m.site.user) : undefined;
  log(m, 'notice', 'start worker processes');
  for (let i = 0; i < workerCount(m.site); i++) {
    const child = m.ctx.spawn(['nginx'], { program: 'nginx@worker', ...(user ? { user } : {}) });
    m.workers.push({ pid: child.pid, child });
    log(m, 'notice', `start worker process ${child.pid}`);
  }
}

function stopWorkers(m: Master, graceful: boolean): void {
  const workers = m.workers.splice(0);
  if (graceful) for (const w of workers) log(m, 'notice', 'gracefully shutting down', w.pid);
  for (const w of workers) log(m, 'notice', 'exiting', w.pid);
  for (const w of workers) log(m, 'notice', 'exit', w.pid);
  workers.forEach((w, i) => {
    w.child.kill('SIGKILL');
    log(m, 'notice', `signal 17 (SIGCHLD) received from ${w.pid}`);
    log(m, 'notice', `worker process ${w.pid} exited with code 0`);
    if (i < workers.length - 1) log(m, 'notice', 'signal 29 (SIGIO) received');
  });
}

function listen(m: Master): void {
  for (const l of m.listening.splice(0)) l.close();
  const ports = [...new Set(m.site.servers.flatMap((s) => s.ports))];
  const h = http(m);
  for (const port of ports) m.listening.push(m.ctx.net.listen(port, { http: (req) => handle(h, port, req) }));
}

const SIGNALS: Partial<Record<SignalName, [number, string]>> = {
  SIGHUP: [1, 'reconfiguring'],
  SIGINT: [2, 'exiting'],
  SIGQUIT: [3, 'shutting down'],
  SIGUSR1: [10, 'reopening logs'],
  SIGUSR2: [12, 'changing binary'],
  SIGTERM: [15, 'exiting'],
  SIGWINCH: [28, ''],
};

function received(m: Master, signal: SignalName): void {
  const [n, action] = SIGNALS[signal]!;
  const from = signalSenders.get(m.ctx.fs);
  signalSenders.delete(m.ctx.fs);
  log(
    m,
    'notice',
    `signal ${n} (${signal}) received${from ? ` from ${from}` : ''}${action ? `, ${action}` : ''}`,
  );
}

function finish(m: Master, graceful: boolean): void {
  stopWorkers(m, graceful);
  for (const l of m.listening.splice(0)) l.close();
  try {
    m.ctx.fs.rm(m.site.pid, { force: true });
  } catch {
    // a pid file on a read-only file system stays
  }
  log(m, 'notice', 'exit');
  m.ctx.exit(0);
}

function reload(m: Master): void {
  let site: Site;
  try {
    site = readSite(m.ctx, m.args);
  } catch (error) {
    if (error instanceof ConfigError) log(m, 'emerg', error.message);
    return;
  }
  const old = m.workers.splice(0);
  m.site = site;
  log(m, 'notice', 'reconfiguring');
  log(m, 'notice', 'using the "epoll" event method');
  listen(m);
  startWorkers(m);
  const fresh = m.workers;
  m.workers = old;
  stopWorkers(m, true);
  m.workers = fresh;
}

function prepare(ctx: ProcessContext, site: Site): string | undefined {
  for (const dir of TEMP_DIRS) {
    const path = `/var/cache/nginx/${dir}`;
    if (ctx.fs.stat(path)) continue;
    const parent = ctx.fs.stat('/var/cache/nginx');
    const writable =
      ctx.user.uid === 0 || (parent && parent.uid === ctx.user.uid && (parent.mode & 0o200) !== 0);
    if (!writable) return `mkdir() "${path}" failed (13: Permission denied)`;
    ctx.fs.mkdir(path, { parents: true, mode: 0o700, uid: ctx.user.uid === 0 ? 101 : ctx.user.uid, gid: 0 });
  }
  try {
    // Differs from nginx: a missing pid directory is created (the catalogue's Debian and
    // Alpine file systems lack the /var/run -> /run link the real ones have).
    const dir = site.pid.slice(0, site.pid.lastIndexOf('/')) || '/';
    if (!ctx.fs.stat(dir)) ctx.fs.mkdir(dir, { parents: true });
    ctx.fs.writeFile(site.pid, `${ctx.pid}\n`);
  } catch {
    return `open() "${site.pid}" failed (13: Permission denied)`;
  }
  return undefined;
}

async function master(ctx: ProcessContext, build: Build, args: NginxArgs): Promise<number> {
  let site: Site;
  try {
    site = readSite(ctx, args);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    early(ctx, 'emerg', error.message);
    return 1;
  }
  const m: Master = { ctx, build, args, site, workers: [], connection: 0, listening: [] };
  if (ctx.user.uid !== 0) {
    const user = ctx.fs
      .readFile(args.conf)
      .split('\n')
      .findIndex((l) => /^\s*user\s/.test(l));
    if (user >= 0)
      early(
        ctx,
        'warn',
        `the "user" directive makes sense only if the master process runs with super-user privileges, ignored in ${args.conf}:${user + 1}`,
      );
  } else if (!lookupUser(ctx.fs, site.user)) {
    early(ctx, 'emerg', `getpwnam("${site.user}") failed in ${args.conf}:1`);
    return 1;
  }
  const problem = prepare(ctx, site);
  if (problem) {
    early(ctx, 'emerg', problem);
    return 1;
  }
  log(m, 'notice', 'using the "epoll" event method');
  log(m, 'notice', `nginx/${build.version}`);
  log(m, 'notice', `built by ${build.compiler} `);
  log(m, 'notice', `OS: ${KERNEL.sysname} ${KERNEL.release}`);
  log(m, 'notice', 'getrlimit(RLIMIT_NOFILE): 1048576:1048576');
  ctx.setTitle?.(`nginx: master process ${ctx.argv.join(' ')}`);
  listen(m);
  startWorkers(m);
  ctx.onSignal('SIGQUIT', (s) => (received(m, s), finish(m, true)));
  ctx.onSignal('SIGTERM', (s) => (received(m, s), finish(m, false)));
  ctx.onSignal('SIGINT', (s) => (received(m, s), finish(m, false)));
  ctx.onSignal('SIGHUP', (s) => (received(m, s), reload(m)));
  ctx.onSignal('SIGWINCH', (s) => received(m, s));
  ctx.onSignal('SIGUSR2', (s) => received(m, s));
  ctx.onSignal('SIGUSR1', (s) => {
    received(m, s);
    log(m, 'notice', 'reopening logs');
    for (const w of m.workers) log(m, 'notice', 'reopening logs', w.pid);
  });
  return ctx.ended;
}

function test(ctx: ProcessContext, args: NginxArgs, dump: boolean): number {
  try {
    const site = readSite(ctx, args);
    if (!args.quiet) {
      ctx.stderr.write(`nginx: the configuration file ${args.conf} syntax is ok\n`);
      ctx.stderr.write(`nginx: configuration file ${args.conf} test is successful\n`);
    }
    if (dump) {
      const files = [
        args.conf,
        ...new Set(site.servers.map((s) => s.directives[0]?.file ?? '').filter(Boolean)),
      ];
      for (const f of [...new Set(files)])
        ctx.stdout.write(`# configuration file ${f}:\n${ctx.fs.readFile(f)}\n`);
    }
    return 0;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    early(ctx, 'emerg', error.message);
    ctx.stderr.write(`nginx: configuration file ${args.conf} test failed\n`);
    return 1;
  }
}

/** A worker: shown by ps, ended by its master. */
const worker: Program = async (ctx) => {
  ctx.setTitle?.('nginx: worker process');
  return ctx.ended;
};

export const nginx: Program = async (ctx) => {
  if (ctx.variant === 'worker') return worker(ctx);
  const build = buildOf(ctx);
  const args = parseArgs(ctx);
  if (typeof args === 'number') return args;
  if (args.version) {
    ctx.stderr.write(versionText(build, args.version === 'full'));
    if (!args.test && !args.signal) return 0;
  }
  if (args.test) return test(ctx, args, args.test === 'dump');
  if (args.signal) return sendSignal(ctx, args, (pid) => signalSenders.set(ctx.fs, pid), early, readSite);
  return master(ctx, build, args);
};
