/**
 * Layer recipes: a catalogue layer names a recipe (`alpine:3.24.2`, `nginx-deb:1.31.3:trixie`,
 * `redis-entrypoint:8`…, see ../data/), and this registry turns it into the layer's
 * entries. The `#…` suffix of a recipe only names the build (it changes digests, not
 * files). Every recipe a catalogue layer uses must be listed here (checked by a test).
 */
import { LayerBuilder } from './layer-builder.ts';
import { alpineRootfs, busyboxRootfs } from './rootfs-alpine.ts';
import { debianFlavour, debianRootfs } from './rootfs-debian.ts';
import { nginxEntrypoint, nginxPackage, nginxScript } from './nginx.ts';
import {
  HTTPD_FOREGROUND,
  httpdInstall,
  MYSQL_ENTRYPOINT,
  mysqlServer,
  oracleRootfs,
  POSTGRES_ENTRYPOINT_HEAD,
  postgresInstall,
  REDIS_ENTRYPOINT,
  redisInstall,
  withUser,
} from './servers.ts';
import {
  buildpack,
  goInstall,
  goPath,
  NODE_ENTRYPOINT,
  nodeInstall,
  nodeUser,
  pythonInstall,
  pythonLinks,
  yarnInstall,
} from './languages.ts';
import {
  caBundle,
  gosu,
  hello,
  registryBin,
  registryConfig,
  registryEntrypoint,
  whoamiBin,
  zoneinfo,
} from './misc.ts';
import type { LayerEntry } from '../types.ts';

type Recipe = (args: string[], mtime: number) => LayerEntry[];

const nothing: Recipe = () => [];
const one =
  (f: (b: LayerBuilder) => LayerBuilder): Recipe =>
  (_, mtime) =>
    f(new LayerBuilder(mtime)).entries();
const baseOf = (arg: string | undefined) => (arg === 'alpine' ? 'alpine' : 'debian');

/** The recipes, by name. */
export const RECIPES: ReadonlyMap<string, Recipe> = new Map<string, Recipe>([
  ['empty', nothing],
  // base file systems
  ['alpine', ([v], t) => alpineRootfs(v!, t)],
  ['busybox', ([, libc], t) => busyboxRootfs(libc!, t)],
  ['debian', ([suite], t) => debianRootfs(debianFlavour(`debian:${suite}`), t)],
  ['ubuntu', ([v], t) => debianRootfs(debianFlavour(`ubuntu:${v}`), t)],
  ['ubuntu-control-data', nothing],
  ['oraclelinux', (_, t) => oracleRootfs(t)],
  [
    'oraclelinux-tools',
    one((b) =>
      b
        .bin('/usr/bin/gzip', 'gzip@gnu', 98_000)
        .bin('/usr/bin/find', 'find@gnu', 224_848)
        .bin('/usr/bin/xargs', 'xargs@gnu', 60_000)
        .bin('/usr/bin/openssl', 'openssl', 1_100_000),
    ),
  ],
  ['ca-certificates', (_, t) => caBundle(t)],
  ['ca-certificates-crt', (_, t) => caBundle(t)],
  ['zoneinfo', (_, t) => zoneinfo(t)],
  [
    'tzdata',
    one((b) =>
      b.file('/usr/share/zoneinfo/Etc/UTC', 'TZif2\n').file('/usr/share/zoneinfo/Europe/Paris', 'TZif2\n'),
    ),
  ],
  ['gosu', (_, t) => gosu(t)],
  ['buildpack-curl', (_, t) => buildpack('curl', t)],
  ['buildpack-scm', (_, t) => buildpack('scm', t)],
  ['buildpack-dev', (_, t) => buildpack('dev', t)],
  ['golang-gcc', (_, t) => buildpack('gcc', t)],
  // nginx
  ['nginx-deb', ([v, suite], t) => nginxPackage(v!, suite!, gen(v!), t)],
  ['nginx-apk', ([v], t) => nginxPackage(v!, 'alpine', gen(v!), t)],
  [
    'nginx-njs-apk',
    one((b) =>
      b
        .bin('/usr/lib/nginx/modules/ngx_http_js_module.so', 'lib', 3_102_000)
        .bin('/usr/bin/njs', 'njs', 2_300_000),
    ),
  ],
  ['nginx-entrypoint', (_, t) => nginxEntrypoint(t)],
  ['nginx-script', ([name], t) => nginxScript(name!, t)],
  [
    'nginx-log-links',
    one((b) =>
      b.link('/var/log/nginx/access.log', '/dev/stdout').link('/var/log/nginx/error.log', '/dev/stderr'),
    ),
  ],
  // httpd
  ['httpd-prefix', one((b) => b.dir('/usr/local/apache2', { uid: 33, gid: 33 }))],
  [
    'www-data',
    one((b) =>
      withUser(
        b,
        'alpine',
        'www-data:x:82:82:Linux User,,,:/home/www-data:/sbin/nologin',
        'www-data:x:82:www-data',
      ),
    ),
  ],
  ['httpd-deps', nothing],
  ['httpd', ([, base], t) => httpdInstall(baseOf(base), t)],
  [
    'httpd-foreground',
    one((b) =>
      b.script('/usr/local/bin/httpd-foreground', 'httpd-foreground', HTTPD_FOREGROUND, { mode: 0o775 }),
    ),
  ],
  // redis
  [
    'redis-user',
    ([base]) =>
      userLayer(
        base,
        'redis:x:999:999::/home/redis:/bin/sh',
        'redis:x:999:',
        'redis:x:999:1000:Linux User,,,:/home/redis:/sbin/nologin',
        'redis:x:1000:redis',
      ),
  ],
  ['redis', ([v], t) => redisInstall(v!, t)],
  ['redis-data', one((b) => b.dir('/data', { uid: 999, gid: 999 }))],
  [
    'redis-entrypoint',
    one((b) =>
      b.script('/usr/local/bin/docker-entrypoint.sh', 'redis-entrypoint', REDIS_ENTRYPOINT, { mode: 0o775 }),
    ),
  ],
  // postgres
  [
    'postgres-user',
    ([base]) =>
      userLayer(
        base,
        'postgres:x:999:999::/var/lib/postgresql:/bin/bash',
        'postgres:x:999:',
        'postgres:x:70:70:Linux User,,,:/var/lib/postgresql:/bin/sh',
        'postgres:x:70:postgres',
      ),
  ],
  [
    'postgres-gnupg',
    one((b) => b.bin('/usr/bin/gpg', 'gpg', 1_200_000).bin('/usr/bin/less', 'less', 200_000)),
  ],
  [
    'postgres-locales',
    one((b) => b.bin('/usr/bin/locale', 'locale', 60_000).dir('/usr/lib/locale/en_US.utf8')),
  ],
  ['postgres-nss', nothing],
  ['postgres-initdb-d', one((b) => b.dir('/docker-entrypoint-initdb.d'))],
  [
    'postgres-key',
    one((b) =>
      b.file(
        '/usr/local/share/keyrings/postgres.gpg.asc',
        '-----BEGIN PGP PUBLIC KEY BLOCK-----\n(abridged)\n',
      ),
    ),
  ],
  ['postgres', ([v, alpine], t) => postgresInstall(v!.split('.')[0]!, alpine === 'alpine', t)],
  [
    'postgres-conf-sample',
    one((b) =>
      b.file(
        '/usr/share/postgresql/postgresql.conf.sample',
        "#listen_addresses = 'localhost'\t\t# what IP address(es) to listen on;\n",
      ),
    ),
  ],
  ['postgres-run-dir', one((b) => b.dir('/var/run/postgresql', { mode: 0o3777, uid: 999, gid: 999 }))],
  [
    'postgres-pgdata',
    ([major]) =>
      new LayerBuilder(0)
        .dir(Number(major) >= 18 ? `/var/lib/postgresql/${major}/docker` : '/var/lib/postgresql/data', {
          mode: 0o1777,
          uid: 999,
          gid: 999,
        })
        .entries(),
  ],
  [
    'postgres-entrypoint',
    one((b) =>
      b
        .script('/usr/local/bin/docker-entrypoint.sh', 'postgres-entrypoint', POSTGRES_ENTRYPOINT_HEAD, {
          mode: 0o775,
        })
        .script(
          '/usr/local/bin/docker-ensure-initdb.sh',
          'postgres-ensure-initdb',
          '#!/usr/bin/env bash\nset -Eeuo pipefail\n# (abridged)\n',
          { mode: 0o775 },
        ),
    ),
  ],
  [
    'postgres-enforce-link',
    one((b) =>
      b.link('/usr/local/bin/docker-enforce-initdb.sh', 'docker-ensure-initdb.sh', 'postgres-ensure-initdb'),
    ),
  ],
  // mysql
  ['mysql-user', () => userLayer('oracle', 'mysql:x:999:999::/var/lib/mysql:/bin/bash', 'mysql:x:999:')],
  [
    'mysql-gpg',
    one((b) =>
      b.file('/etc/pki/rpm-gpg/RPM-GPG-KEY-mysql', '-----BEGIN PGP PUBLIC KEY BLOCK-----\n(abridged)\n'),
    ),
  ],
  [
    'mysql-repo',
    ([m]) =>
      new LayerBuilder(0)
        .file(
          '/etc/yum.repos.d/mysql-community-minimal.repo',
          `[mysql${m}-server-minimal]\nname=MySQL ${m} Server Minimal\nenabled=1\n`,
        )
        .entries(),
  ],
  ['mysql-server', ([v], t) => mysqlServer(v!, t)],
  [
    'mysql-tools-repo',
    one((b) =>
      b.file(
        '/etc/yum.repos.d/mysql-community-tools.repo',
        '[mysql-tools-community]\nname=MySQL Tools Community\nenabled=1\n',
      ),
    ),
  ],
  ['mysql-shell', one((b) => b.bin('/usr/bin/mysqlsh', 'mysqlsh', 52_000_000))],
  [
    'mysql-entrypoint',
    one((b) =>
      b.script('/usr/local/bin/docker-entrypoint.sh', 'mysql-entrypoint', MYSQL_ENTRYPOINT, { mode: 0o775 }),
    ),
  ],
  // python
  ['python-tk-deps', nothing],
  [
    'python-slim-deps',
    one((b) => b.file('/etc/ssl/certs/ca-certificates.crt', '# ca-certificates bundle (abridged)\n')),
  ],
  [
    'python-alpine-deps',
    one((b) => b.file('/etc/ssl/certs/ca-certificates.crt', '# ca-certificates bundle (abridged)\n')),
  ],
  ['python', ([v], t) => pythonInstall(v!, t)],
  ['python-links', (_, t) => pythonLinks(t)],
  // node
  [
    'node-user',
    ([base], t) =>
      nodeUser(baseOf(base), t, (b) =>
        withUser(
          b,
          baseOf(base),
          'node:x:1000:1000::/home/node:/bin/' + (base === 'alpine' ? 'sh' : 'bash'),
          'node:x:1000:' + (base === 'alpine' ? 'node' : ''),
        ),
      ),
  ],
  [
    'node',
    ([v, alpine], t) => [
      ...(alpine
        ? nodeUser('alpine', t, (b) =>
            withUser(b, 'alpine', 'node:x:1000:1000::/home/node:/bin/sh', 'node:x:1000:node'),
          )
        : []),
      ...nodeInstall(v!, t),
    ],
  ],
  ['yarn', (_, t) => yarnInstall(t)],
  [
    'node-entrypoint',
    one((b) => b.script('/usr/local/bin/docker-entrypoint.sh', 'node-entrypoint', NODE_ENTRYPOINT)),
  ],
  // go
  ['go', ([v], t) => goInstall(v!, t)],
  ['gopath', (_, t) => goPath(t)],
  // registry, whoami, hello-world
  ['registry-bin', ([v], t) => registryBin(v!, t)],
  ['registry-config', ([m], t) => registryConfig(m!, t)],
  ['registry-entrypoint', (_, t) => registryEntrypoint(t)],
  ['whoami-bin', (_, t) => whoamiBin(t)],
  ['hello', (_, t) => hello(t)],
]);

function gen(version: string): string {
  const minor = Number(version.split('.')[1]);
  return minor >= 29 ? 'c' : minor >= 21 ? 'b' : 'a';
}

function userLayer(
  base: string | undefined,
  debUser: string,
  debGroup: string,
  alpineUser?: string,
  alpineGroup?: string,
): LayerEntry[] {
  const b = new LayerBuilder(0);
  if (base === 'alpine') withUser(b, 'alpine', alpineUser!, alpineGroup!);
  else withUser(b, base === 'oracle' ? 'oracle' : 'debian', debUser, debGroup);
  return b.entries();
}

/** The entries of a layer made by `recipe`, stamped with `mtime`. Throws on an unknown recipe. */
export function buildLayer(recipe: string, mtime: number): LayerEntry[] {
  const [name, ...args] = recipe.split('#')[0]!.split(':');
  const make = RECIPES.get(name!);
  if (!make) throw new Error(`no layer recipe named ${name}`);
  const entries = make(args, mtime);
  // recipes built without a builder time (user layers) take the layer's
  return entries.map((e) => (e.mtime === 0 ? { ...e, mtime } : e));
}
