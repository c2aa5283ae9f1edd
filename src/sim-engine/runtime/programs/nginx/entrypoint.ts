/**
 * nginx's /docker-entrypoint.sh (1.18 and later; 1.17 has none). When the command is
 * `nginx` or `nginx-debug` it runs /docker-entrypoint.d/*: `.sh` files launched,
 * `.envsh` sourced (1.23 and later), anything else ignored, in `sort -V` order, with
 * the real script's log lines on stdout (silenced by NGINX_ENTRYPOINT_QUIET_LOGS); a
 * script that fails ends the entrypoint with its status (`set -e`). Then it execs the
 * command: nginx runs in this same process (PID 1), anything else as given.
 */
import type { ProcessContext, Program } from '../../../process/types.ts';
import { execCommand, shExecError } from '../support/exec.ts';
import { usePidsUpTo } from '../support/pids.ts';
import { withSystem } from '../support/system-programs.ts';
import { nginxMinor } from './build.ts';
import { nginx } from './nginx.ts';
import { localResolvers } from './entrypoint-scripts.ts';

/** `sort -V` for the file names: runs of digits compared as numbers. */
function versionSort(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x === y) continue;
    if (/^\d/.test(x) && /^\d/.test(y)) return Number(x) - Number(y) || x.length - y.length;
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

function findFiles(ctx: ProcessContext, dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, depth: number) => {
    let names: string[];
    try {
      names = ctx.fs.readdir(d);
    } catch {
      return;
    }
    for (const name of names) {
      const path = `${d}/${name}`;
      const st = ctx.fs.stat(path);
      if (st?.kind === 'file') out.push(path);
      else if (st?.kind === 'dir' && depth < 16) walk(path, depth + 1);
    }
  };
  walk(dir, 0);
  return out;
}

function hasTopLevelFile(ctx: ProcessContext, dir: string): boolean {
  try {
    return ctx.fs.readdir(dir).some((n) => ctx.fs.lstat(`${dir}/${n}`)?.kind === 'file');
  } catch {
    return false;
  }
}

const LOCAL = withSystem([['nginx', nginx]]);

export const nginxEntrypoint: Program = async (ctx) => {
  if (ctx.variant === 'fork') return 0;
  const me = ctx.argv[0] ?? '/docker-entrypoint.sh';
  const args = ctx.argv.slice(1);
  const quiet = (ctx.env.get('NGINX_ENTRYPOINT_QUIET_LOGS') ?? '') !== '';
  const log = (text: string) => {
    if (!quiet) ctx.stdout.write(`${me}: ${text}\n`);
  };
  const minor = nginxMinor(ctx);
  if (args[0] === 'nginx' || args[0] === 'nginx-debug') {
    const dir = '/docker-entrypoint.d';
    if (hasTopLevelFile(ctx, dir)) {
      log(`${dir}/ is not empty, will attempt to perform configuration`);
      log(`Looking for shell scripts in ${dir}/`);
      for (const f of findFiles(ctx, dir).sort(versionSort)) {
        const executable = ((ctx.fs.stat(f)?.mode ?? 0) & 0o111) !== 0;
        if (f.endsWith('.envsh') && minor >= 23) {
          if (!executable) {
            log(`Ignoring ${f}, not executable`);
            continue;
          }
          log(`Sourcing ${f}`);
          // Differs from sh: only the image's own .envsh changes this environment; a
          // learner's .envsh runs in a child shell, whose exports are lost.
          if (ctx.fs.stat(f)?.program?.startsWith('nginx-entrypoint-script@15-local-resolvers'))
            localResolvers(ctx);
          else if ((await ctx.spawn(['/bin/sh', f], {}).wait()) !== 0) return 1;
        } else if (f.endsWith('.sh')) {
          if (!executable) {
            log(`Ignoring ${f}, not executable`);
            continue;
          }
          log(`Launching ${f}`);
          const status = await ctx.spawn([f], {}).wait();
          if (status !== 0) return status;
        } else log(`Ignoring ${f}`);
      }
      log('Configuration complete; ready for start up');
    } else {
      log(`No files found in ${dir}/, skipping configuration`);
    }
    // its forks leave nginx's workers at 29 and 30
    await usePidsUpTo(ctx, 28, 'nginx-entrypoint@fork');
  }
  if (args.length === 0) return 0;
  return execCommand(ctx, args, { local: LOCAL, cannotRun: shExecError(ctx, me, minor >= 23 ? 47 : 38) });
};
