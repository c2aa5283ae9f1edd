/**
 * redis-server (7.4 and 8.x as the images ship them). It logs Redis's startup lines
 * (the ASCII logo instead of `Running mode=…` when stdout is a terminal), loads
 * dump.rdb (or the AOF) from its `dir` — /data, so a volume carries the data to the
 * next container — and answers the line protocol on its port (commands.ts). Writes
 * count toward the save points (`3600 1 300 100 60 10000`), which trigger background
 * saves; SAVE/BGSAVE too. SIGTERM and SIGINT save and exit 0 with Redis's lines.
 *
 * Differs from Redis: redis 8's bundled modules (search, json, timeseries, bloom) and
 * their startup lines are not simulated; the host is taken to have overcommit enabled
 * (no `WARNING Memory overcommit` line).
 */
import type { ProcessContext, Program } from '../../../process/types.ts';
import { redisTime } from '../support/log-time.ts';
import type { Server } from './command-table.ts';
import { converse } from './commands.ts';
import { readConfig, savePoints } from './config.ts';
import { infoText } from './info.ts';
import { dump, Keyspace, load } from './keyspace.ts';
import { LOGO } from './logo.ts';

const LEVELS = ['debug', 'verbose', 'notice', 'warning'];
const MARKS = ['.', '-', '*', '#'];

export function redisVersion(ctx: ProcessContext): string {
  return ctx.env.get('REDIS_VERSION') ?? '8.10.1';
}

function versionLine(version: string): string {
  return `Redis server v=${version} sha=00000000:${version.startsWith('7') ? 0 : 1} malloc=jemalloc-5.3.0 bits=64 build=5a1c0a7b0a1d6d2b\n`;
}

export const redisServer: Program = async (ctx) => {
  const version = redisVersion(ctx);
  const a1 = ctx.argv[1];
  if (a1 === '-v' || a1 === '--version') {
    ctx.stdout.write(versionLine(version));
    return 0;
  }
  if (a1 === '-h' || a1 === '--help') {
    ctx.stderr.write(
      'Usage: ./redis-server [/path/to/redis.conf] [options] [-]\n       ./redis-server - (read config from stdin)\n       ./redis-server -v or --version\n       ./redis-server -h or --help\n       ./redis-server --test-memory <megabytes>\n       ./redis-server --check-system\n\n',
    );
    return 1;
  }
  const read = readConfig(ctx, version);
  if ('fatal' in read) {
    ctx.stderr.write(read.fatal);
    return 1;
  }
  const { config } = read;
  const level = Math.max(0, LEVELS.indexOf(config.get('loglevel') ?? 'notice'));
  let role = 'C';
  const log = (lvl: number, text: string) => {
    if (lvl >= level) ctx.stdout.write(`${ctx.pid}:${role} ${redisTime(ctx.now())} ${MARKS[lvl]} ${text}\n`);
  };
  const notice = (t: string) => log(2, t);
  const warning = (t: string) => log(3, t);
  const port = Number(config.get('port'));
  const dir = config.get('dir')!;
  const rdbPath = `${dir}/${config.get('dbfilename')}`;
  const aof = config.get('appendonly') === 'yes';
  const aofDir = `${dir}/${config.get('appenddirname')}`;
  const aofBase = `${config.get('appendfilename')}.1.base.rdb`;
  const ks = new Keyspace(() => ctx.now());
  const owner = { uid: ctx.user.uid, gid: ctx.user.gid };
  let saves = 0;
  let bgPid = 19;
  const startedAt = ctx.now();
  const runId = Array.from({ length: 40 }, () => Math.floor(ctx.random() * 16).toString(16)).join('');

  notice('oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo');
  notice(
    `Redis version=${version}, bits=64, commit=00000000, modified=${version.startsWith('7') ? 0 : 1}, pid=${ctx.pid}, just started`,
  );
  if (ctx.argv.length === 1) {
    warning(
      `Warning: no config file specified, using the default config. In order to specify a config file use ${ctx.argv[0]} /path/to/redis.conf`,
    );
  } else notice('Configuration loaded');
  role = 'M';
  notice('monotonic clock: POSIX clock_gettime');
  if (ctx.tty) ctx.stdout.write(LOGO(version, port, ctx.pid));
  else notice(`Running mode=standalone, port=${port}.`);
  notice('Server initialized');

  const writeFile = (path: string): boolean => {
    try {
      if (!ctx.fs.stat(path.slice(0, path.lastIndexOf('/')) || '/'))
        ctx.fs.mkdir(path.slice(0, path.lastIndexOf('/')), { parents: true, ...owner });
      ctx.fs.writeFile(path, dump(ks, version), owner);
      return true;
    } catch {
      warning(
        `Failed opening the temp RDB file temp-${ctx.pid}.rdb (in server root dir ${dir}) for saving: Permission denied`,
      );
      return false;
    }
  };
  const saveRdb = (): boolean => {
    if (!writeFile(rdbPath)) return false;
    ks.dirty = 0;
    ks.lastSave = ctx.now();
    saves++;
    return true;
  };
  const loadFile = (path: string, label: string): boolean => {
    let text: string;
    try {
      text = ctx.fs.readFile(path);
    } catch {
      return false;
    }
    const got = load(ks, text);
    if (!got) {
      warning('Wrong signature trying to load DB from file');
      warning('Fatal error loading the DB, check server logs. Exiting.');
      ctx.exit(1);
      return false;
    }
    notice(`Loading RDB produced by version ${got.info.version}`);
    notice(`RDB age ${Math.max(0, Math.floor(ctx.now() / 1000) - got.info.ctime)} seconds`);
    notice(`RDB memory usage when created ${(got.info.usedMem / 1024 / 1024).toFixed(2)} Mb`);
    if (label !== '') notice('RDB is base AOF');
    notice(`Done loading RDB, keys loaded: ${got.loaded}, keys expired: ${got.expired}.`);
    return true;
  };

  if (aof) {
    if (ctx.fs.stat(`${aofDir}/${aofBase}`)) {
      notice('Reading RDB base file on AOF loading...');
      if (loadFile(`${aofDir}/${aofBase}`, 'aof')) {
        notice(`DB loaded from base file ${aofBase}: 0.000 seconds`);
        notice('DB loaded from append only file: 0.000 seconds');
        notice(`Opening AOF incr file ${config.get('appendfilename')}.1.incr.aof on server start`);
      }
    } else {
      ctx.fs.mkdir(aofDir, { parents: true, ...owner });
      writeFile(`${aofDir}/${aofBase}`);
      ctx.fs.writeFile(`${aofDir}/${config.get('appendfilename')}.1.incr.aof`, '', owner);
      ctx.fs.writeFile(
        `${aofDir}/${config.get('appendfilename')}.manifest`,
        `file ${aofBase} seq 1 type b\nfile ${config.get('appendfilename')}.1.incr.aof seq 1 type i\n`,
        owner,
      );
      notice(`Creating AOF base file ${aofBase} on server start`);
      notice(`Creating AOF incr file ${config.get('appendfilename')}.1.incr.aof on server start`);
    }
  } else if (loadFile(rdbPath, '')) notice('DB loaded from disk: 0.000 seconds');
  notice('Ready to accept connections tcp');

  const shutdown = (mode: 'save' | 'nosave' | 'default') => {
    notice('User requested shutdown...');
    if (aof) notice('Calling fsync() on the AOF file.');
    if (mode === 'save' || (mode === 'default' && savePoints(config).length > 0)) {
      notice('Saving the final RDB snapshot before exiting.');
      if (saveRdb()) notice('DB saved on disk');
    }
    warning('Redis is now ready to exit, bye bye...');
    ctx.exit(0);
  };
  const bgsave = () => {
    const pid = ++bgPid;
    notice(`Background saving started by pid ${pid}`);
    const prev = role;
    role = 'C';
    const saved = saveRdb();
    const line = (t: string) => ctx.stdout.write(`${pid}:C ${redisTime(ctx.now())} * ${t}\n`);
    if (saved) {
      line('DB saved on disk');
      line('Fork CoW for RDB: current 0 MB, peak 0 MB, average 0 MB');
    }
    role = prev;
    notice(saved ? 'Background saving terminated with success' : 'Background saving error');
  };

  let timer = false;
  const schedule = () => {
    if (timer) return;
    const due = savePoints(config)
      .filter(([, changes]) => ks.dirty >= changes)
      .map(([secs, changes]) => ({ at: ks.lastSave + secs * 1000, secs, changes }))
      .sort((a, b) => a.at - b.at)[0];
    if (!due) return;
    timer = true;
    void ctx.sleep(Math.max(0, due.at - ctx.now())).then(() => {
      timer = false;
      if (ks.dirty >= due.changes) {
        notice(`${due.changes} changes in ${due.secs} seconds. Saving...`);
        bgsave();
      }
      schedule();
    });
  };

  const server: Server = {
    ks,
    version,
    config,
    save: () => {
      const done = saveRdb();
      if (done) notice('DB saved on disk');
      return done;
    },
    bgsave,
    shutdown,
    info: (section) =>
      infoText(
        { ks, version, pid: ctx.pid, port, runId, startedAt, configFile: read.file ?? '', aof, saves },
        section,
      ),
  };

  ctx.net.listen(port, {
    line: (input) => {
      const before = ks.dirty;
      const out = converse(server, input);
      if (ks.dirty !== before) {
        if (aof) writeFile(`${aofDir}/${aofBase}`);
        schedule();
      }
      return out;
    },
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    ctx.onSignal(signal, () => {
      ctx.stdout.write(
        `${ctx.pid}:signal-handler (${Math.floor(ctx.now() / 1000)}) Received ${signal} scheduling shutdown...\n`,
      );
      shutdown('default');
    });
  }
  ctx.setTitle?.(`redis-server *:${port}`);
  return ctx.ended;
};
