/**
 * The programs of the images' file systems that are not plain coreutils, by the name
 * their executables' tags give (`nginx`, `redis-server`, `nginx-entrypoint-script@…`).
 * One explicit, ordered list, merged with the shell's and the coreutils' registries
 * when an engine is made. See README.md for what each covers.
 */
import type { Program } from '../../process/types.ts';
import { makeGosu } from './gosu.ts';
import { hello } from './hello.ts';
import { nginxEntrypoint } from './nginx/entrypoint.ts';
import { nginxEntrypointScript } from './nginx/entrypoint-scripts.ts';
import { nginx } from './nginx/nginx.ts';
import { httpdForeground } from './httpd/foreground.ts';
import { httpd } from './httpd/httpd.ts';
import { mysqlClient } from './mysql/client.ts';
import { mysqlEntrypoint } from './mysql/entrypoint.ts';
import { mysqld } from './mysql/mysqld.ts';
import { initdbProgram } from './postgres/initdb.ts';
import { postgresEnsureInitdb, postgresEntrypoint } from './postgres/entrypoint.ts';
import { createdb, createuser, dropdb, dropuser, notSimulated, pgCtl, pgDump } from './postgres/tools.ts';
import { mysqladmin, versionOnly } from './mysql/tools.ts';
import { ab, apachectl, htpasswd, httpdSupport } from './httpd/tools.ts';
import { redisBenchmark } from './redis/benchmark.ts';
import { envsubst, njs } from './nginx/envsubst.ts';
import { idle3, pydoc3, python3Config } from './python/extras.ts';
import { corepack, yarn } from './nodejs/yarn.ts';
import { pgIsready } from './postgres/pg-isready.ts';
import { pgWrapper } from './postgres/pg-wrapper.ts';
import { psql } from './postgres/psql.ts';
import { postgres } from './postgres/server.ts';
import { goApp } from './go/app.ts';
import { go, gofmt } from './go/go.ts';
import { nodeEntrypoint } from './nodejs/entrypoint.ts';
import { node } from './nodejs/node.ts';
import { nodemon } from './nodejs/nodemon.ts';
import { npm, npx } from './nodejs/npm.ts';
import { pip } from './python/pip.ts';
import { python3 } from './python/python.ts';
import { redisCli } from './redis/cli.ts';
import { redisEntrypoint } from './redis/entrypoint.ts';
import { redisServer } from './redis/server.ts';
import { registryEntrypoint } from './registry/entrypoint.ts';
import { registry } from './registry/registry.ts';
import { whoamiServer } from './whoami/whoami.ts';
import { busybox, SYSTEM_PROGRAMS } from './support/system-programs.ts';

const PG_NOT_SIMULATED =
  'pg_dumpall pg_restore pg_basebackup pg_controldata pg_resetwal pg_upgrade reindexdb vacuumdb clusterdb';
const MYSQL_VERSION_ONLY = 'mysqldump mysqlshow mysqlcheck mysqlimport mysqlbinlog mysql_tzinfo_to_sql';
const HTTPD_SUPPORT =
  'apxs checkgid dbmmanage fcgistarter htcacheclean htdbm htdigest httxt2dbm logresolve rotatelogs';
const quiet: Program = async () => 0;

export const imagePrograms: ReadonlyArray<[name: string, program: Program]> = [
  ['busybox', busybox],
  ['hello', hello],
  ['nginx-entrypoint', nginxEntrypoint],
  ['nginx-entrypoint-script', nginxEntrypointScript],
  ['nginx', nginx],
  ['envsubst', envsubst],
  ['njs', njs],
  ['httpd-foreground', httpdForeground],
  ['httpd', httpd],
  ['apachectl', apachectl],
  ['htpasswd', htpasswd],
  ['ab', ab],
  ...HTTPD_SUPPORT.split(' ').map((n): [string, Program] => [n, httpdSupport(n)]),
  // sourced by apachectl for their variables; run on their own they do nothing
  ['envvars', quiet],
  ['envvars-std', quiet],
  ['redis-entrypoint', redisEntrypoint],
  ['redis-server', redisServer],
  ['redis-cli', redisCli],
  ['redis-benchmark', redisBenchmark],
  ['postgres-entrypoint', postgresEntrypoint],
  ['postgres-ensure-initdb', postgresEnsureInitdb],
  ['postgres', postgres],
  ['psql', psql],
  ['pg_isready', pgIsready],
  ['pg_wrapper', pgWrapper],
  ['initdb', initdbProgram],
  ['createdb', createdb],
  ['dropdb', dropdb],
  ['createuser', createuser],
  ['dropuser', dropuser],
  ['pg_dump', pgDump],
  ['pg_ctl', pgCtl],
  ...PG_NOT_SIMULATED.split(' ').map((n): [string, Program] => [n, notSimulated(n)]),
  ['mysql-entrypoint', mysqlEntrypoint],
  ['mysqld', mysqld],
  ['mysql', mysqlClient],
  ['mysqladmin', mysqladmin],
  ...MYSQL_VERSION_ONLY.split(' ').map((n): [string, Program] => [n, versionOnly(n)]),
  [
    'mysqlsh',
    versionOnly('mysqlsh', (ctx) => {
      const v = (ctx.env.get('MYSQL_SHELL_VERSION') ?? ctx.env.get('MYSQL_VERSION') ?? '8.4.9').split(
        '-',
      )[0]!;
      return `mysqlsh   Ver ${v} for Linux on x86_64 - for MySQL ${v} (MySQL Community Server (GPL))`;
    }),
  ],
  ['gosu', makeGosu(SYSTEM_PROGRAMS)],
  ['python3', python3],
  ['pip', pip],
  ['python3-config', python3Config],
  ['idle3', idle3],
  ['pydoc3', pydoc3],
  ['node-entrypoint', nodeEntrypoint],
  ['node', node],
  ['npm', npm],
  ['npx', npx],
  ['nodemon', nodemon],
  ['yarn', yarn],
  ['corepack', corepack],
  ['go', go],
  ['gofmt', gofmt],
  ['go-app', goApp],
  ['registry-entrypoint', registryEntrypoint],
  ['registry', registry],
  ['whoami-server', whoamiServer],
];
