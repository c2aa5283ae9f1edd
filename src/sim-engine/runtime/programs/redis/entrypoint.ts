/**
 * redis' docker-entrypoint.sh: options or a `.conf` first argument become
 * `redis-server …`; as root it gives /data to the redis user (chown, silently) and
 * drops to it (setpriv in 8, gosu in 7) by running itself again; Redis 8's prints
 * `Starting Redis Server` and adds `--loadmodule` for its bundled modules; then it
 * execs the command in this same process.
 *
 * Differs from the image: ps keeps showing root for the dropped process (the engine has
 * no setuid); the modules directory is not checked (the catalogue's file system has
 * none, the real image has four modules).
 */
import type { ProcessContext, Program } from '../../../process/types.ts';
import { execCommand, scriptPath, shExecError } from '../support/exec.ts';
import { withSystem } from '../support/system-programs.ts';
import { lookupUser } from '../support/users.ts';
import { redisCli } from './cli.ts';
import { redisServer, redisVersion } from './server.ts';

const LOCAL = withSystem([
  ['redis-server', redisServer],
  ['redis-cli', redisCli],
]);

function chownData(ctx: ProcessContext, uid: number, gid: number, dir: string): void {
  const walk = (path: string) => {
    const st = ctx.fs.lstat(path);
    if (!st) return;
    if (st.uid !== uid) {
      try {
        ctx.fs.chown(path, uid, st.gid === 0 ? gid : st.gid);
      } catch {
        // read-only mounts stay as they are (find … -exec chown fails quietly here)
      }
    }
    if (st.kind === 'dir') for (const n of ctx.fs.readdir(path)) walk(`${path}/${n}`);
  };
  walk(dir);
}

export const redisEntrypoint: Program = async (ctx) => {
  const me = scriptPath(ctx);
  let args = ctx.argv.slice(1);
  if (args[0] !== undefined && (args[0].startsWith('-') || args[0].endsWith('.conf')))
    args = ['redis-server', ...args];
  const v8 = !redisVersion(ctx).startsWith('7');
  let user = ctx.user;
  if (args[0] === 'redis-server') {
    if (ctx.user.uid === 0 && !ctx.env.get('SKIP_DROP_PRIVS')) {
      const redis = lookupUser(ctx.fs, 'redis');
      if (redis) {
        if (!ctx.env.get('SKIP_FIX_PERMS')) chownData(ctx, redis.uid, redis.gid, ctx.cwd);
        user = redis;
      }
    }
    if (v8) {
      ctx.stdout.write('Starting Redis Server\n');
      // the modules of redis 8's "full" build, which the entrypoint loads
      for (const m of ['redisbloom', 'redisearch', 'rejson', 'redistimeseries'])
        args.push('--loadmodule', `/usr/local/lib/redis/modules//${m}.so`);
    }
  }
  if (args.length === 0) return 0;
  return execCommand(ctx, args, {
    local: LOCAL,
    ...(user !== ctx.user ? { user } : {}),
    cannotRun: shExecError(ctx, me, v8 ? 184 : 24),
  });
};
