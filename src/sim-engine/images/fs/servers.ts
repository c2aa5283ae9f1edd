/**
 * Layers of the server images: httpd, redis, postgres, mysql (and Oracle Linux, mysql's
 * base). Binaries are placeholders with realistic sizes and program tags; scripts carry
 * short texts equivalent to docker-library's (abridged, not copies).
 */
import { LayerBuilder, words } from './layer-builder.ts';
import {
  ALPINE_GROUP,
  ALPINE_PASSWD,
  DEBIAN_GROUP,
  DEBIAN_PASSWD,
  ORACLE_GROUP,
  ORACLE_OS_RELEASE,
  ORACLE_PASSWD,
} from './etc-texts.ts';
import { shadowOf } from './rootfs-alpine.ts';
import type { LayerEntry } from '../types.ts';

/** /etc/passwd, /etc/group and /etc/shadow with one more user, as useradd/adduser leaves them. */
export function withUser(b: LayerBuilder, base: string, user: string, group: string): LayerBuilder {
  const [passwd, groups] =
    base === 'alpine'
      ? [ALPINE_PASSWD, ALPINE_GROUP]
      : base === 'oracle'
        ? [ORACLE_PASSWD, ORACLE_GROUP]
        : [DEBIAN_PASSWD, DEBIAN_GROUP];
  b.file('/etc/passwd', `${passwd}${user}\n`).file('/etc/group', `${groups}${group}\n`);
  return b.file('/etc/shadow', shadowOf(`${passwd}${user}\n`), { mode: 0o640, gid: 42 });
}

// ------------------------------------------------------------------------- httpd
export const HTTPD_FOREGROUND = `#!/bin/sh
set -e

# Apache gets grumpy about PID files pre-existing
rm -f /usr/local/apache2/logs/httpd.pid

exec httpd -DFOREGROUND "$@"
`;

const HTTPD_CONF = `#
# This is the main Apache HTTP server configuration file.  It contains the
# configuration directives that give the server its instructions.
# (abridged)
ServerRoot "/usr/local/apache2"
Listen 80
LoadModule mpm_event_module modules/mod_mpm_event.so
LoadModule authz_core_module modules/mod_authz_core.so
LoadModule mime_module modules/mod_mime.so
LoadModule log_config_module modules/mod_log_config.so
LoadModule unixd_module modules/mod_unixd.so
LoadModule dir_module modules/mod_dir.so
User www-data
Group www-data
ServerAdmin you@example.com
DocumentRoot "/usr/local/apache2/htdocs"
<Directory "/usr/local/apache2/htdocs">
    Options Indexes FollowSymLinks
    AllowOverride None
    Require all granted
</Directory>
DirectoryIndex index.html
ErrorLog /proc/self/fd/2
LogLevel warn
LogFormat "%h %l %u %t \\"%r\\" %>s %b" common
CustomLog /proc/self/fd/1 common
TypesConfig conf/mime.types
`;

export function httpdInstall(base: string, mtime: number): LayerEntry[] {
  const b = new LayerBuilder(mtime);
  const root = '/usr/local/apache2';
  b.bin(`${root}/bin/httpd`, 'httpd', 2_734_488);
  for (const t of words(
    'ab apxs checkgid dbmmanage envvars envvars-std fcgistarter htcacheclean htdbm htdigest htpasswd httxt2dbm logresolve rotatelogs',
  )) {
    b.bin(`${root}/bin/${t}`, t, 40_000);
  }
  b.script(
    `${root}/bin/apachectl`,
    'apachectl',
    '#!/bin/sh\n# apachectl: control the httpd daemon (abridged)\n',
  );
  b.file(`${root}/conf/httpd.conf`, HTTPD_CONF).file(`${root}/conf/mime.types`, '# mime.types (abridged)\n');
  b.dirs([
    `${root}/conf/extra`,
    `${root}/conf/original`,
    `${root}/error`,
    `${root}/icons`,
    `${root}/include`,
    `${root}/modules`,
    `${root}/cgi-bin`,
  ]);
  b.file(`${root}/htdocs/index.html`, '<html><body><h1>It works!</h1></body></html>\n');
  b.dir(`${root}/logs`);
  if (base === 'alpine') b.bin('/usr/lib/libapr-1.so.0', 'lib', 190_000);
  return b.entries();
}

// ------------------------------------------------------------------------- redis
export const REDIS_ENTRYPOINT = `#!/bin/sh
set -e

# first arg is \`-f\` or \`--some-option\`
# or first arg is \`something.conf\`
if [ "\${1#-}" != "$1" ] || [ "\${1%.conf}" != "$1" ]; then
	set -- redis-server "$@"
fi

# allow the container to be started with \`--user\`
if [ "$1" = 'redis-server' -a "$(id -u)" = '0' ]; then
	find . \\! -user redis -exec chown redis '{}' +
	exec setpriv --reuid=redis --regid=redis --clear-groups -- "$0" "$@"
fi

# set an appropriate umask (if one isn't set already)
um="$(umask)"
if [ "$um" = '0022' ]; then
	umask 0077
fi

exec "$@"
`;

export function redisInstall(version: string, mtime: number): LayerEntry[] {
  const b = new LayerBuilder(mtime);
  b.bin('/usr/local/bin/redis-server', 'redis-server', version.startsWith('8') ? 16_204_632 : 11_093_848);
  b.bin('/usr/local/bin/redis-cli', 'redis-cli', 7_412_064).bin(
    '/usr/local/bin/redis-benchmark',
    'redis-benchmark',
    7_186_216,
  );
  for (const l of ['redis-check-aof', 'redis-check-rdb', 'redis-sentinel'])
    b.link(`/usr/local/bin/${l}`, 'redis-server', 'redis-server');
  return b.entries();
}

// ---------------------------------------------------------------------- postgres
export const POSTGRES_ENTRYPOINT_HEAD = `#!/usr/bin/env bash
set -Eeo pipefail
# TODO swap to -Eeuo pipefail above (after handling all potentially-unset variables)

# usage: file_env VAR [DEFAULT]
#    ie: file_env 'XYZ_DB_PASSWORD' 'example'
# (will allow for "$XYZ_DB_PASSWORD_FILE" to fill in the value of
#  "$XYZ_DB_PASSWORD" from a file, especially for Docker's secrets feature)
file_env() {
	local var="$1"
	local fileVar="\${var}_FILE"
	# ... (abridged)
}

# check to see if this file is being run or sourced from another script
_is_sourced() {
	# https://unix.stackexchange.com/a/215279
	[ "\${#FUNCNAME[@]}" -ge 2 ] \\
		&& [ "\${FUNCNAME[0]}" = '_is_sourced' ] \\
		&& [ "\${FUNCNAME[1]}" = 'source' ]
}

# (abridged: docker_create_db_directories, docker_verify_minimum_env, docker_init_database_dir,
#  docker_setup_env, docker_setup_db, docker_process_init_files, docker_temp_server_start)

if ! _is_sourced; then
	_main "$@"
fi
`;

export function postgresInstall(major: string, alpine: boolean, mtime: number): LayerEntry[] {
  const b = new LayerBuilder(mtime);
  const dir = alpine ? '/usr/local/bin' : `/usr/lib/postgresql/${major}/bin`;
  b.bin(`${dir}/postgres`, 'postgres', 9_871_216).bin(`${dir}/psql`, 'psql', 740_352);
  b.bin(`${dir}/initdb`, 'initdb', 169_336).bin(`${dir}/pg_ctl`, 'pg_ctl', 64_776);
  for (const t of words(
    'pg_dump pg_dumpall pg_restore pg_isready pg_basebackup createdb dropdb createuser dropuser vacuumdb reindexdb clusterdb pg_upgrade pg_controldata pg_resetwal',
  )) {
    b.bin(`${dir}/${t}`, t, 90_000);
  }
  if (!alpine) {
    b.bin('/usr/share/postgresql-common/pg_wrapper', 'pg_wrapper', 9_530);
    b.link('/usr/bin/psql', '../share/postgresql-common/pg_wrapper', 'psql');
    b.dir(`/usr/share/postgresql/${major}`);
  }
  return b.entries();
}

// ------------------------------------------------------------------------- mysql
export function oracleRootfs(mtime: number): LayerEntry[] {
  const b = new LayerBuilder(mtime);
  b.dirs([
    '/usr/bin',
    '/usr/sbin',
    '/usr/lib64',
    '/etc',
    '/home',
    '/opt',
    '/srv',
    '/var/lib',
    '/var/log',
    '/var/cache',
    '/dev',
    '/proc',
    '/sys',
    '/run',
    '/mnt',
    '/media',
  ]);
  b.link('/bin', 'usr/bin').link('/sbin', 'usr/sbin').link('/lib', 'usr/lib').link('/lib64', 'usr/lib64');
  b.dir('/root', { mode: 0o550 }).dir('/tmp', { mode: 0o1777 });
  b.bin('/usr/bin/bash', 'bash', 1_389_064).link('/usr/bin/sh', 'bash', 'sh@bash');
  b.bin('/usr/bin/coreutils', 'coreutils', 1_306_304);
  for (const c of words(
    'cat chmod chown cp date dd df echo env false head id ln ls mkdir mktemp mv pwd readlink rm rmdir sleep sort tail tee touch tr true uname wc whoami',
  )) {
    b.link(`/usr/bin/${c}`, 'coreutils', `${c}@gnu`);
  }
  for (const t of words('grep sed')) b.bin(`/usr/bin/${t}`, `${t}@gnu`, 170_000);
  b.bin('/usr/bin/microdnf', 'microdnf', 97_832).bin('/usr/bin/rpm', 'rpm', 22_656);
  b.bin('/usr/sbin/useradd', 'useradd', 141_840).bin('/usr/sbin/groupadd', 'groupadd', 71_832);
  b.file('/etc/oracle-release', 'Oracle Linux Server release 9.7\n').link(
    '/etc/system-release',
    'oracle-release',
  );
  b.file('/etc/os-release', ORACLE_OS_RELEASE)
    .file('/etc/passwd', ORACLE_PASSWD)
    .file('/etc/group', ORACLE_GROUP);
  return b.entries();
}

export const MYSQL_ENTRYPOINT = `#!/bin/bash
set -eo pipefail
shopt -s nullglob

# logging functions
mysql_log() {
	local type="$1"; shift
	# accept argument string or stdin
	local text="$*"; if [ "$#" -eq 0 ]; then text="$(cat)"; fi
	local dt; dt="$(date --rfc-3339=seconds)"
	printf '%s [%s] [Entrypoint]: %s\\n' "$dt" "$type" "$text"
}
mysql_note() {
	mysql_log Note "$@"
}
mysql_warn() {
	mysql_log Warn "$@" >&2
}
mysql_error() {
	mysql_log ERROR "$@" >&2
	exit 1
}

# (abridged: file_env, docker_process_init_files, mysql_check_config, mysql_get_config,
#  docker_temp_server_start, docker_verify_minimum_env, docker_init_database_dir,
#  docker_setup_env, docker_setup_db, _main)

if ! _is_sourced; then
	_main "$@"
fi
`;

export function mysqlServer(version: string, mtime: number): LayerEntry[] {
  const b = new LayerBuilder(mtime);
  b.bin('/usr/sbin/mysqld', 'mysqld', 79_126_744);
  for (const t of words(
    'mysql mysqladmin mysqldump mysqlcheck mysqlimport mysqlshow mysqlbinlog mysql_tzinfo_to_sql',
  ))
    b.bin(`/usr/bin/${t}`, t, 8_000_000);
  b.file('/etc/my.cnf', MY_CNF(version));
  b.dirs(['/etc/mysql/conf.d', '/docker-entrypoint-initdb.d']);
  b.dir('/var/lib/mysql', { mode: 0o1777, uid: 999, gid: 999 }).dir('/var/run/mysqld', {
    mode: 0o1777,
    uid: 999,
    gid: 999,
  });
  return b.entries();
}

const MY_CNF = (version: string) => `# For advice on how to change settings please see
# http://dev.mysql.com/doc/refman/${version.split('.').slice(0, 2).join('.')}/en/server-configuration-defaults.html

[mysqld]
host-cache-size=0
skip-name-resolve
datadir=/var/lib/mysql
socket=/var/run/mysqld/mysqld.sock
secure-file-priv=/var/lib/mysql-files
user=mysql

pid-file=/var/run/mysqld/mysqld.pid
[client]
socket=/var/run/mysqld/mysqld.sock

!includedir /etc/mysql/conf.d/
`;
