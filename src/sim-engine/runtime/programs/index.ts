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
import { postgresEntrypoint } from './postgres/entrypoint.ts';
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

export const imagePrograms: ReadonlyArray<[name: string, program: Program]> = [
  ['busybox', busybox],
  ['hello', hello],
  ['nginx-entrypoint', nginxEntrypoint],
  ['nginx-entrypoint-script', nginxEntrypointScript],
  ['nginx', nginx],
  ['httpd-foreground', httpdForeground],
  ['httpd', httpd],
  ['redis-entrypoint', redisEntrypoint],
  ['redis-server', redisServer],
  ['redis-cli', redisCli],
  ['postgres-entrypoint', postgresEntrypoint],
  ['postgres', postgres],
  ['psql', psql],
  ['pg_isready', pgIsready],
  ['pg_wrapper', pgWrapper],
  ['initdb', initdbProgram],
  ['mysql-entrypoint', mysqlEntrypoint],
  ['mysqld', mysqld],
  ['mysql', mysqlClient],
  ['gosu', makeGosu(SYSTEM_PROGRAMS)],
  ['python3', python3],
  ['pip', pip],
  ['node-entrypoint', nodeEntrypoint],
  ['node', node],
  ['npm', npm],
  ['npx', npx],
  ['nodemon', nodemon],
  ['go', go],
  ['gofmt', gofmt],
  ['go-app', goApp],
  ['registry-entrypoint', registryEntrypoint],
  ['registry', registry],
  ['whoami-server', whoamiServer],
];
