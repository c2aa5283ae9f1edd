/**
 * distribution's `registry` (2.8.3 in registry:2, 3.1.1 in registry:3): `registry
 * serve <config.yml>` logs its start as logrus does (`time="…" level=info msg="…"
 * go.version=… instance.id=… service=registry version=…`), serves the HTTP API on
 * :5000 (api.ts) over the storage under /var/lib/registry (storage.ts), and logs
 * every request twice: logrus' `response completed` on stderr and the combined
 * access line on stdout. It is a Go program: SIGTERM ends it with status 2 as PID 1.
 */
import type { ProcessContext, Program } from '../../../process/types.ts';
import { goDefaultSignals, ephemeralPort } from '../support/go-runtime.ts';
import { byteLength, header } from '../support/http.ts';
import { clfTime, rfc3339Nano, subMs } from '../support/log-time.ts';
import { handleRegistry } from './api.ts';
import type { RegistryApi } from './api.ts';
import { registryStorage } from './storage.ts';

function uuid(ctx: ProcessContext): string {
  const h = (n: number) =>
    Array.from({ length: n }, () => Math.floor(ctx.random() * 16).toString(16)).join('');
  return `${h(8)}-${h(4)}-4${h(3)}-${'89ab'[Math.floor(ctx.random() * 4)]}${h(3)}-${h(12)}`;
}

function versionOf(ctx: ProcessContext): { version: string; go: string; v3: boolean } {
  const v3 = ctx.fs.stat('/etc/distribution/config.yml') !== undefined;
  return v3 ? { version: '3.1.1', go: 'go1.24.9', v3 } : { version: '2.8.3', go: 'go1.20.8', v3 };
}

const logfmt = (v: string) => (/^[\w./:@-]+$/.test(v) ? v : JSON.stringify(v));

export const registry: Program = async (ctx) => {
  const { version, go, v3 } = versionOf(ctx);
  const args = ctx.argv.slice(1);
  if (args[0] === '--version' || args[0] === '-v') {
    ctx.stdout.write(
      v3
        ? `registry github.com/distribution/distribution/v3 v${version}\n`
        : `registry github.com/docker/distribution v${version}\n`,
    );
    return 0;
  }
  if (args[0] !== 'serve' && args[0] !== 'garbage-collect') {
    ctx.stdout.write(
      '`registry`\n\nUsage:\n  registry [flags]\n  registry [command]\n\nAvailable Commands:\n  garbage-collect `garbage-collect` deletes layers not referenced by any manifests\n  help            Help about any command\n  serve           `serve` stores and distributes Docker images\n\nFlags:\n  -h, --help=false: help for registry\n  -v, --version=false: show the version and exit\n\n\nUse "registry help [command]" for more information about a command.\n',
    );
    return args[0] === undefined || args[0] === 'help' ? 0 : 1;
  }
  const config = args[1] ?? ctx.env.get('REGISTRY_CONFIGURATION_PATH');
  if (config === undefined) {
    ctx.stderr.write('configuration path unspecified\n');
    return 1;
  }
  let text: string;
  try {
    text = ctx.fs.readFile(config);
  } catch {
    ctx.stderr.write(`open ${config}: no such file or directory\n`);
    return 1;
  }
  const addr = ctx.env.get('REGISTRY_HTTP_ADDR') ?? /^\s*addr:\s*(\S+)/m.exec(text)?.[1] ?? ':5000';
  const root =
    ctx.env.get('REGISTRY_STORAGE_FILESYSTEM_ROOTDIRECTORY') ??
    /rootdirectory:\s*(\S+)/.exec(text)?.[1] ??
    '/var/lib/registry';
  const port = Number(addr.split(':').pop());
  const instance = uuid(ctx);
  const fields = (extra: Record<string, string | number> = {}) =>
    Object.entries({ 'go.version': go, ...extra, 'instance.id': instance, service: 'registry', version })
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${k}=${typeof v === 'number' ? v : logfmt(v)}`)
      .join(' ');
  const log = (level: string, msg: string, extra: Record<string, string | number> = {}) =>
    ctx.stderr.write(
      `time="${rfc3339Nano(
        ctx.now(),
        subMs(() => ctx.random(), 1_000_000),
      )}" level=${level} msg=${JSON.stringify(msg)} ${fields(extra)}\n`,
    );

  goDefaultSignals(ctx);
  if (!ctx.env.get('REGISTRY_HTTP_SECRET')) {
    log(
      'warning',
      'No HTTP secret provided - generated random secret. This may cause problems with uploads if multiple registries are behind a load-balancer. To provide a shared secret, fill in http.secret in the configuration file or set the REGISTRY_HTTP_SECRET environment variable.',
    );
  }
  log('info', 'redis not configured');
  log('info', `Starting upload purge in ${Math.floor(ctx.random() * 60)}m0s`);
  log('info', 'using inmemory blob descriptor cache');
  log('info', `listening on [::]:${port}`);
  const api: RegistryApi = {
    storage: registryStorage(ctx.fs, root),
    deleteEnabled: ctx.env.get('REGISTRY_STORAGE_DELETE_ENABLED') === 'true',
    newUploadId: () => uuid(ctx),
    uploads: new Map(),
  };
  ctx.net.listen(port, {
    http: (req) => {
      const res = handleRegistry(api, req);
      const remote = `${req.remoteAddress}:${ephemeralPort(ctx)}`;
      const agent = header(req.headers, 'user-agent') ?? '';
      log('info', 'response completed', {
        'http.request.host': header(req.headers, 'host') ?? '',
        'http.request.id': uuid(ctx),
        'http.request.method': req.method,
        'http.request.remoteaddr': remote,
        'http.request.uri': req.path,
        'http.request.useragent': agent,
        'http.response.contenttype': res.headers['Content-Type'] ?? '',
        'http.response.duration': `${(1 + ctx.random() * 3).toFixed(6)}ms`,
        'http.response.status': res.status,
        'http.response.written': byteLength(res.body),
      });
      ctx.stdout.write(
        `${req.remoteAddress} - - [${clfTime(ctx.now())}] "${req.method} ${req.path} HTTP/1.1" ${res.status} ${byteLength(res.body)} "${header(req.headers, 'referer') ?? ''}" "${agent}"\n`,
      );
      return res;
    },
  });
  ctx.setTitle?.(ctx.argv.join(' '));
  return ctx.ended;
};
