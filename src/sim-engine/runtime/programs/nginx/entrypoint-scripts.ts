/**
 * The /docker-entrypoint.d scripts of the nginx images, one program for all (the
 * variant names the script): 10-listen-on-ipv6-by-default (adds `listen [::]:80;` to
 * an unmodified default.conf), 15-local-resolvers (sourced: NGINX_LOCAL_RESOLVERS),
 * 20-envsubst-on-templates (/etc/nginx/templates/*.template → conf.d) and
 * 30-tune-worker-processes (NGINX_ENTRYPOINT_WORKER_PROCESSES_AUTOTUNE). Messages as
 * the real scripts print them; 1.18's printed some with `error:` and others bare.
 *
 * Differs from the scripts: IPv6 counts as available (the engine has no /proc/net);
 * stream templates (`.stream-template`) are not rendered.
 */
import { DEFAULT_CONF } from '../../../images/fs/nginx.ts';
import type { ProcessContext, Program } from '../../../process/types.ts';
import { CPUS } from '../../../shell/utils/system/misc.ts';
import { strftime } from '../../../shell/utils/support/time.ts';
import { nginxMinor } from './build.ts';

function logger(ctx: ProcessContext, me: string) {
  const quiet = (ctx.env.get('NGINX_ENTRYPOINT_QUIET_LOGS') ?? '') !== '';
  return (text: string) => {
    if (!quiet) ctx.stdout.write(`${me}: ${text}\n`);
  };
}

function writable(ctx: ProcessContext, path: string): boolean {
  try {
    ctx.fs.utimes(path, ctx.now());
    return true;
  } catch {
    return false;
  }
}

function listenOnIpv6(ctx: ProcessContext, me: string): number {
  const log = logger(ctx, me);
  const old = nginxMinor(ctx) < 19;
  const info = old ? 'error: ' : 'info: ';
  const file = 'etc/nginx/conf.d/default.conf';
  if (ctx.fs.stat('/proc/net') && !ctx.fs.stat('/proc/net/if_inet6'))
    return (log(`${info}ipv6 not available`), 0);
  if (ctx.fs.stat(`/${file}`)?.kind !== 'file')
    return (log(`${info}/${file} is not a file or does not exist`), 0);
  if (!writable(ctx, `/${file}`)) return (log(`${info}can not modify /${file} (read-only file system?)`), 0);
  const text = ctx.fs.readFile(`/${file}`);
  if (text.includes('listen  [::]:80;')) return (log(`info: IPv6 listen already enabled`), 0);
  let id: string;
  try {
    id = /^ID=(.*)$/m.exec(ctx.fs.readFile('/etc/os-release'))?.[1]?.replace(/"/g, '') ?? '';
  } catch {
    return (log(`${info}can not guess the operating system`), 0);
  }
  log(`${old ? '' : 'info: '}Getting the checksum of /${file}`);
  if (id !== 'debian' && id !== 'alpine') return (log(`${info}Unsupported distribution`), 0);
  if (text !== DEFAULT_CONF) return (log(`info: /${file} differs from the packaged version`), 0);
  ctx.fs.writeFile(`/${file}`, text.replace(/listen {7}80;/g, 'listen       80;\n    listen  [::]:80;'));
  log(`${old ? '' : 'info: '}Enabled listen on IPv6 in /${file}`);
  return 0;
}

/** 15-local-resolvers.envsh, sourced: it changes the entrypoint's own environment. */
export function localResolvers(ctx: ProcessContext): void {
  if (!ctx.env.get('NGINX_ENTRYPOINT_LOCAL_RESOLVERS')) return;
  let conf = '';
  try {
    conf = ctx.fs.readFile('/etc/resolv.conf');
  } catch {
    // no resolv.conf: no resolvers
  }
  const servers = [...conf.matchAll(/^nameserver\s+(\S+)/gm)].map((m) =>
    m[1]!.includes(':') ? `[${m[1]}]` : m[1]!,
  );
  ctx.env.set('NGINX_LOCAL_RESOLVERS', servers.join(' '));
}

/** envsubst with a SHELL-FORMAT list: only the listed variables are replaced. */
function envsubst(ctx: ProcessContext, text: string, filter: RegExp | undefined): string {
  return text.replace(/\$\{(\w+)\}|\$(\w+)/g, (all, a: string | undefined, b: string | undefined) => {
    const name = (a ?? b)!;
    if (!ctx.env.has(name) || (filter && !filter.test(name))) return all;
    return ctx.env.get(name)!;
  });
}

function envsubstOnTemplates(ctx: ProcessContext, me: string): number {
  const log = logger(ctx, me);
  const dir = ctx.env.get('NGINX_ENVSUBST_TEMPLATE_DIR') || '/etc/nginx/templates';
  const suffix = ctx.env.get('NGINX_ENVSUBST_TEMPLATE_SUFFIX') || '.template';
  const out = ctx.env.get('NGINX_ENVSUBST_OUTPUT_DIR') || '/etc/nginx/conf.d';
  const filterText = ctx.env.get('NGINX_ENVSUBST_FILTER');
  const filter = filterText ? new RegExp(filterText) : undefined;
  if (ctx.fs.stat(dir)?.kind !== 'dir') return 0;
  if (!writable(ctx, out)) {
    log(`ERROR: ${dir} exists, but ${out} is not writable`);
    return 0;
  }
  const walk = (d: string): string[] =>
    ctx.fs.readdir(d).flatMap((n) => {
      const p = `${d}/${n}`;
      const st = ctx.fs.stat(p);
      return st?.kind === 'dir' ? walk(p) : st?.kind === 'file' && n.endsWith(suffix) ? [p] : [];
    });
  for (const template of walk(dir)) {
    const relative = template.slice(dir.length + 1);
    const output = `${out}/${relative.slice(0, -suffix.length)}`;
    ctx.fs.mkdir(output.slice(0, output.lastIndexOf('/')), { parents: true });
    log(`Running envsubst on ${template} to ${output}`);
    ctx.fs.writeFile(output, envsubst(ctx, ctx.fs.readFile(template), filter));
  }
  return 0;
}

function tuneWorkerProcesses(ctx: ProcessContext, me: string): number {
  if (!ctx.env.get('NGINX_ENTRYPOINT_WORKER_PROCESSES_AUTOTUNE')) return 0;
  const conf = '/etc/nginx/nginx.conf';
  if (!writable(ctx, conf)) {
    ctx.stderr.write(`${me}: error: can not modify ${conf} (read-only file system?)\n`);
    return 0;
  }
  const text = ctx.fs.readFile(conf);
  ctx.fs.writeFile(`${conf}.bak`, text);
  const date = strftime('%a %b %e %H:%M:%S UTC %Y', ctx.now());
  ctx.fs.writeFile(
    conf,
    text.replace(/^(worker_processes)(.*)$/m, `# Commented out by ${me} on ${date}\n#$1$2\n$1 ${CPUS};`),
  );
  return 0;
}

const SCRIPTS: Record<string, (ctx: ProcessContext, me: string) => number> = {
  '10-listen-on-ipv6-by-default': listenOnIpv6,
  '15-local-resolvers': (ctx) => (localResolvers(ctx), 0),
  '20-envsubst-on-templates': envsubstOnTemplates,
  '30-tune-worker-processes': tuneWorkerProcesses,
};

export const nginxEntrypointScript: Program = async (ctx) => {
  const path = ctx.argv[0] ?? '';
  const me = path.slice(path.lastIndexOf('/') + 1);
  const script = SCRIPTS[ctx.variant];
  return script ? script(ctx, me) : 0;
};
