/**
 * httpd, redis and postgres. Sources: the oracle's specs (from repo-info
 * repos/<name>/remote/<tag>.md, Sep 2026: httpd:latest 2.4.68, redis:latest 8.10.1,
 * redis:7 7.4.11, postgres:16 16.15). The other tags follow docker-library's templates
 * (httpd 2.4/alpine, redis alpine, postgres 17/18/alpine) with derived digests and
 * estimated sizes. postgres 18 moved PGDATA under /var/lib/postgresql/18/docker and its
 * VOLUME to /var/lib/postgresql.
 */
import {
  alpineBase,
  bk,
  cmd,
  copy,
  debianBase,
  entrypoint,
  expose,
  ports,
  run,
  workdir,
  type ImageSpec,
} from './spec.ts';
import type { HistoryEntry } from '../types.ts';
import { PATH } from './spec.ts';

const TRIXIE_SEP = debianBase('2026-09-18T00:00:00Z', 'trixie', 1789689600);
const TRIXIE_SEP_LAYER = ['debian:trixie-slim#20260918', 29781262] as const;
const BOOKWORM_SEP = debianBase('2026-09-18T00:00:00Z', 'bookworm', 1789689600);
const ALPINE_SEP = alpineBase('2026-09-17T20:37:20Z', '3.24.2');
const ALPINE_SEP_LAYER = [
  'alpine:3.24.2#20260917',
  3849738,
  8_654_336,
  'e2de96513ba9eb53b431787ec8a65cdde380ac4772a3e4c4b714dcfde2a102b5',
] as const;

// ------------------------------------------------------------------------- httpd
const HTTPD_PATH = 'PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const HTTPD_SHA = 'HTTPD_SHA256=68c74d4df38c26bed4dfbdb8f3baf1eb532f3872357becc1bba5d136f6b63c06';
const httpdConfig = {
  ExposedPorts: ports('80/tcp'),
  Env: [HTTPD_PATH, 'HTTPD_PREFIX=/usr/local/apache2', 'HTTPD_VERSION=2.4.68', HTTPD_SHA, 'HTTPD_PATCHES='],
  Cmd: ['httpd-foreground'],
  WorkingDir: '/usr/local/apache2',
  StopSignal: 'SIGWINCH',
};
const httpdTail = (c: string): HistoryEntry[] => [
  bk(c, 'STOPSIGNAL SIGWINCH'),
  copy(c, 'httpd-foreground /usr/local/bin/'),
  expose(c, ['80/tcp']),
  cmd(c, ['httpd-foreground']),
];

export const HTTPD: ImageSpec[] = [
  {
    repo: 'library/httpd',
    tags: ['latest', '2', '2.4', '2.4.68', 'trixie', '2-trixie', '2.4-trixie', '2.4.68-trixie'],
    config: httpdConfig,
    history: [
      TRIXIE_SEP,
      bk('2026-09-19T00:18:47Z', 'ENV HTTPD_PREFIX=/usr/local/apache2'),
      bk('2026-09-19T00:18:47Z', `ENV ${HTTPD_PATH}`),
      run('2026-09-19T00:18:47Z', 'mkdir -p "$HTTPD_PREFIX" \t&& chown www-data:www-data "$HTTPD_PREFIX"'),
      workdir('2026-09-19T00:18:47Z', '/usr/local/apache2'),
      run(
        '2026-09-19T00:18:52Z',
        'set -eux; \tapt-get install --update -y --no-install-recommends \t\tca-certificates \t\tlibaprutil1-ldap \t\tlibldap-common \t; \tapt-get dist-clean',
      ),
      bk('2026-09-19T00:18:52Z', 'ENV HTTPD_VERSION=2.4.68'),
      bk('2026-09-19T00:18:52Z', `ENV ${HTTPD_SHA}`),
      bk('2026-09-19T00:18:52Z', 'ENV HTTPD_PATCHES='),
      run(
        '2026-09-19T00:20:50Z',
        'set -eux; \t\tsavedAptMark="$(apt-mark showmanual)"; \tapt-get install --update -y --no-install-recommends \t\tbzip2 \t\tdpkg-dev',
      ),
      ...httpdTail('2026-09-19T00:20:50Z'),
    ],
    layers: [
      TRIXIE_SEP_LAYER,
      ['httpd-prefix#2.4.68', 145],
      ['empty', 32, 0],
      ['httpd-deps:trixie#2.4.68', 4_383_552],
      ['httpd:2.4.68:trixie', 25_108_311],
      ['httpd-foreground#2.4.68', 289, 138],
    ],
  },
  {
    repo: 'library/httpd',
    tags: ['alpine', '2-alpine', '2.4-alpine', '2.4.68-alpine', 'alpine3.24', '2.4-alpine3.24'],
    config: httpdConfig,
    history: [
      ...ALPINE_SEP,
      run('2026-09-18T00:31:02Z', 'set -x \t&& adduser -u 82 -D -S -G www-data www-data'),
      bk('2026-09-18T00:31:02Z', 'ENV HTTPD_PREFIX=/usr/local/apache2'),
      bk('2026-09-18T00:31:02Z', `ENV ${HTTPD_PATH}`),
      run('2026-09-18T00:31:02Z', 'mkdir -p "$HTTPD_PREFIX" \t&& chown www-data:www-data "$HTTPD_PREFIX"'),
      workdir('2026-09-18T00:31:02Z', '/usr/local/apache2'),
      run(
        '2026-09-18T00:31:05Z',
        'set -eux; \tapk add --no-cache \t\tapr \t\tapr-util \t\tapr-util-ldap \t\tca-certificates \t\tperl',
      ),
      bk('2026-09-18T00:31:05Z', 'ENV HTTPD_VERSION=2.4.68'),
      bk('2026-09-18T00:31:05Z', `ENV ${HTTPD_SHA}`),
      bk('2026-09-18T00:31:05Z', 'ENV HTTPD_PATCHES='),
      run(
        '2026-09-18T00:32:44Z',
        'set -eux; \t\tapk add --no-cache --virtual .build-deps \t\tapr-dev \t\tapr-util-dev \t\tcoreutils \t\tdpkg-dev dpkg',
      ),
      ...httpdTail('2026-09-18T00:32:44Z'),
    ],
    layers: [
      ALPINE_SEP_LAYER,
      ['www-data:alpine#httpd-2.4.68', 1_163],
      ['httpd-prefix#2.4.68-alpine', 145],
      ['empty', 32, 0],
      ['httpd-deps:alpine#2.4.68', 15_470_210],
      ['httpd:2.4.68:alpine', 6_210_772],
      ['httpd-foreground#2.4.68-alpine', 289, 138],
    ],
  },
];

// ------------------------------------------------------------------------- redis
const redisUser = (c: string) => [
  run(c, 'set -eux; \tgroupadd -r -g 999 redis; \tuseradd -r -g redis -u 999 redis'),
  run(
    c,
    'set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\ttzdata \t; \trm -rf /var/lib/apt/lists/*',
  ),
];
const redisBuild = (c: string, url: string, sha: string, volume: boolean, c3 = c): HistoryEntry[] => [
  bk(c, `ENV REDIS_VERSION=${url.match(/(\d+\.\d+\.\d+)/)![1]}`),
  bk(c, `ARG REDIS_DOWNLOAD_URL=${url}`),
  bk(c, `ARG REDIS_DOWNLOAD_SHA=${sha}`),
  bk(
    c,
    `RUN |2 REDIS_DOWNLOAD_URL=${url} REDIS_DOWNLOAD_SHA=${sha} /bin/sh -c set -eux; \t\tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-inst... # buildkit`,
    true,
  ),
  bk(
    c3,
    `RUN |2 REDIS_DOWNLOAD_URL=${url} REDIS_DOWNLOAD_SHA=${sha} /bin/sh -c mkdir /data && chown redis:redis /data # buildkit`,
    true,
  ),
  ...(volume ? [bk(c3, 'VOLUME [/data]')] : []),
  workdir(c3, '/data'),
  copy(c3, 'docker-entrypoint.sh /usr/local/bin/'),
  entrypoint(c3, ['docker-entrypoint.sh']),
  expose(c3, ['6379/tcp']),
  cmd(c3, ['redis-server']),
];
const redisConfig = (version: string, volume: boolean) => ({
  ExposedPorts: ports('6379/tcp'),
  Env: [PATH, `REDIS_VERSION=${version}`],
  Entrypoint: ['docker-entrypoint.sh'],
  Cmd: ['redis-server'],
  ...(volume ? { Volumes: ports('/data') } : {}),
  WorkingDir: '/data',
});
const R8 = 'https://github.com/redis/redis/releases/download/8.10.1/redis-full.tar.gz';
const R8SHA = 'e5cae2686231290bf55ae5cc4da01e646c3424233cae7618ebf3a64250ef1583';
const R7 = 'https://github.com/redis/redis/archive/refs/tags/7.4.11.tar.gz';
const R7SHA = 'e973da69febfea096ab94690b44bf976482788a1b5e070df373b4f27697d57d4';

export const REDIS: ImageSpec[] = [
  {
    repo: 'library/redis',
    tags: ['latest', '8', '8.10', '8.10.1', 'trixie', '8-trixie', '8.10-trixie', '8.10.1-trixie'],
    config: redisConfig('8.10.1', false),
    history: [
      TRIXIE_SEP,
      ...redisUser('2026-09-19T00:37:09Z'),
      ...redisBuild('2026-09-19T00:43:14Z', R8, R8SHA, false, '2026-09-19T00:43:15Z'),
    ],
    layers: [
      TRIXIE_SEP_LAYER,
      ['redis-user:debian#8.10.1', 1_102],
      ['tzdata:trixie#redis-8.10.1', 259_330],
      ['redis:8.10.1:trixie', 37_012_877],
      ['redis-data#8.10.1', 96],
      ['empty', 32, 0],
      ['redis-entrypoint:8#8.10.1', 1_003],
    ],
  },
  {
    repo: 'library/redis',
    tags: ['7', '7.4', '7.4.11', 'bookworm', '7-bookworm', '7.4-bookworm', '7.4.11-bookworm'],
    config: redisConfig('7.4.11', true),
    history: [
      BOOKWORM_SEP,
      ...redisUser('2026-09-19T00:37:33Z'),
      ...redisBuild('2026-09-19T00:38:19Z', R7, R7SHA, true),
    ],
    layers: [
      ['debian:bookworm-slim#20260918', 28230511],
      ['redis-user:debian#7.4.11', 1_098],
      ['tzdata:bookworm#redis-7.4.11', 259_102],
      ['redis:7.4.11:bookworm', 18_511_339],
      ['redis-data#7.4.11', 96],
      ['empty', 32, 0],
      ['redis-entrypoint:7#7.4.11', 579],
    ],
  },
  {
    repo: 'library/redis',
    tags: ['alpine', '8-alpine', '8.10-alpine', '8.10.1-alpine', 'alpine3.24', '8-alpine3.24'],
    config: redisConfig('8.10.1', false),
    history: [
      ...ALPINE_SEP,
      run(
        '2026-09-19T00:36:02Z',
        'set -eux; \taddgroup -S -g 1000 redis; \tadduser -S -G redis -u 999 redis',
      ),
      run('2026-09-19T00:36:02Z', 'set -eux; \tapk add --no-cache \t\ttzdata \t;'),
      ...redisBuild('2026-09-19T00:41:40Z', R8, R8SHA, false).map((h) =>
        h.created_by.includes('apt-mark showmanual')
          ? {
              ...h,
              created_by: h.created_by.replace(
                /\/bin\/sh -c .*$/,
                '/bin/sh -c set -eux; \t\tapk add --no-cache --virtual .build-deps \t\tcoreutils \t\tdpkg-dev dp... # buildkit',
              ),
            }
          : h,
      ),
    ],
    layers: [
      ALPINE_SEP_LAYER,
      ['redis-user:alpine#8.10.1', 967],
      ['tzdata:alpine#redis-8.10.1', 445_120],
      ['redis:8.10.1:alpine', 35_807_145],
      ['redis-data#8.10.1-alpine', 96],
      ['empty', 32, 0],
      ['redis-entrypoint:8#8.10.1-alpine', 1_003],
    ],
  },
];

// ---------------------------------------------------------------------- postgres
interface Pg {
  tags: string[];
  major: number;
  version: string;
  t: (s: string) => string;
  download: number;
}

function postgres(p: Pg): ImageSpec {
  const { t, major } = p;
  const bin = `PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/${major}/bin`;
  const pgdata = major >= 18 ? `/var/lib/postgresql/${major}/docker` : '/var/lib/postgresql/data';
  const volume = major >= 18 ? '/var/lib/postgresql' : '/var/lib/postgresql/data';
  const v = p.version.split('-')[0]!;
  return {
    repo: 'library/postgres',
    tags: p.tags,
    config: {
      ExposedPorts: ports('5432/tcp'),
      Env: [
        bin,
        'GOSU_VERSION=1.19',
        'LANG=en_US.utf8',
        `PG_MAJOR=${major}`,
        `PG_VERSION=${p.version}`,
        `PGDATA=${pgdata}`,
      ],
      Entrypoint: ['docker-entrypoint.sh'],
      Cmd: ['postgres'],
      Volumes: ports(volume),
      StopSignal: 'SIGINT',
    },
    history: [
      TRIXIE_SEP,
      run(
        t('24'),
        'set -eux; \tgroupadd -r postgres --gid=999; \tuseradd -r -g postgres --uid=999 --home-dir=/var/lib/postgresql --shell=/bin/bash postgres',
      ),
      run(
        t('29'),
        'set -ex; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tgnupg \t\tless \t; \trm -rf /var/lib/apt/lists/*',
      ),
      bk(t('35'), 'ENV GOSU_VERSION=1.19'),
      run(
        t('35'),
        'set -eux; \tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends ca-certificates wget',
      ),
      run(
        t('39'),
        "set -eux; \tif [ -f /etc/dpkg/dpkg.cfg.d/docker ]; then \t\tgrep -q '/usr/share/locale' /etc/dpkg/dpkg.cfg.d/docker",
      ),
      bk(t('39'), 'ENV LANG=en_US.utf8'),
      run(
        t('42'),
        'set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tlibnss-wrapper \t\txz-utils \t\tzstd \t; \trm -rf /var/lib/apt/lists/*',
      ),
      run(t('42'), 'mkdir /docker-entrypoint-initdb.d'),
      run(
        t('43'),
        'set -ex; \tkey=\'B97B0AFCAA1A47F044F244A07FCC7D46ACCC4CF8\'; \texport GNUPGHOME="$(mktemp -d)"; \tmkdir -p /usr/local/share/keyrings/',
      ),
      bk(t('43'), `ENV PG_MAJOR=${major}`),
      bk(t('43'), `ENV ${bin}`),
      bk(t('43'), `ENV PG_VERSION=${p.version}`),
      run(
        t('53'),
        'set -ex; \t\texport PYTHONDONTWRITEBYTECODE=1; \t\tdpkgArch="$(dpkg --print-architecture)"; \taptRepo="[ signed-by=/usr/local/share/keyrings/postgres.gpg.asc ]',
      ),
      run(
        t('54'),
        'set -eux; \tdpkg-divert --add --rename --divert "/usr/share/postgresql/postgresql.conf.sample.dpkg" "/usr/share/postgresql/$PG_MAJOR/postgresql.conf.sample"',
      ),
      run(
        t('54'),
        'install --verbose --directory --owner postgres --group postgres --mode 3777 /var/run/postgresql',
      ),
      bk(t('54'), `ENV PGDATA=${pgdata}`),
      run(t('54'), 'install --verbose --directory --owner postgres --group postgres --mode 1777 "$PGDATA"'),
      bk(t('54'), `VOLUME [${volume}]`),
      copy(t('54'), 'docker-entrypoint.sh docker-ensure-initdb.sh /usr/local/bin/'),
      run(t('54'), 'ln -sT docker-ensure-initdb.sh /usr/local/bin/docker-enforce-initdb.sh'),
      entrypoint(t('54'), ['docker-entrypoint.sh']),
      bk(t('54'), 'STOPSIGNAL SIGINT'),
      expose(t('54'), ['5432/tcp']),
      cmd(t('54'), ['postgres']),
    ],
    layers: [
      TRIXIE_SEP_LAYER,
      [`postgres-user#${v}`, 1_086],
      [`postgres-gnupg#${v}`, 4_457_062],
      [`gosu:1.19#pg-${v}`, 1_012_338],
      [`postgres-locales#${v}`, 7_190_224],
      [`postgres-nss#${v}`, 512_402],
      [`postgres-initdb-d#${v}`, 115],
      [`postgres-key#${v}`, 3_401],
      [`postgres:${v}`, p.download],
      [`postgres-conf-sample#${v}`, 9_612],
      [`postgres-run-dir#${v}`, 121],
      [`postgres-pgdata:${major}#${v}`, 127],
      [`postgres-entrypoint:${major}#${v}`, 6_102],
      [`postgres-enforce-link#${v}`, 122, 23],
    ],
  };
}

export const POSTGRES: ImageSpec[] = [
  postgres({
    tags: ['latest', '18', '18.4', 'trixie', '18-trixie', '18.4-trixie'],
    major: 18,
    version: '18.4-1.pgdg13+1',
    t: (s) => `2026-09-19T00:37:${s}Z`,
    download: 113_904_350,
  }),
  postgres({
    tags: ['17', '17.10', '17-trixie', '17.10-trixie'],
    major: 17,
    version: '17.10-1.pgdg13+1',
    t: (s) => `2026-09-19T00:36:${s}Z`,
    download: 110_112_903,
  }),
  // the oracle's postgres:16
  postgres({
    tags: ['16', '16.15', '16-trixie', '16.15-trixie'],
    major: 16,
    version: '16.15-1.pgdg13+2',
    t: (s) => `2026-09-19T00:36:${s}Z`,
    download: 107_533_240,
  }),
];

export const POSTGRES_ALPINE: ImageSpec = {
  repo: 'library/postgres',
  tags: ['alpine', '18-alpine', '18.4-alpine', 'alpine3.24', '18-alpine3.24'],
  config: {
    ExposedPorts: ports('5432/tcp'),
    Env: [
      PATH,
      'GOSU_VERSION=1.19',
      'LANG=en_US.utf8',
      'PG_MAJOR=18',
      'PG_VERSION=18.4',
      'PGDATA=/var/lib/postgresql/18/docker',
    ],
    Entrypoint: ['docker-entrypoint.sh'],
    Cmd: ['postgres'],
    Volumes: ports('/var/lib/postgresql'),
    StopSignal: 'SIGINT',
  },
  history: [
    ...ALPINE_SEP,
    run(
      '2026-09-19T00:52:10Z',
      'set -eux; \taddgroup -g 70 -S postgres; \tadduser -u 70 -S -D -G postgres -H -h /var/lib/postgresql -s /bin/sh postgres',
    ),
    bk('2026-09-19T00:52:10Z', 'ENV GOSU_VERSION=1.19'),
    run(
      '2026-09-19T00:52:12Z',
      'set -eux; \t\tapk add --no-cache --virtual .gosu-deps \t\tca-certificates \t\tdpkg \t\tgnupg',
    ),
    bk('2026-09-19T00:52:12Z', 'ENV LANG=en_US.utf8'),
    run('2026-09-19T00:52:12Z', 'mkdir /docker-entrypoint-initdb.d'),
    bk('2026-09-19T00:52:12Z', 'ENV PG_MAJOR=18'),
    bk('2026-09-19T00:52:12Z', 'ENV PG_VERSION=18.4'),
    run(
      '2026-09-19T00:58:31Z',
      'set -eux; \t\twget -O postgresql.tar.bz2 "https://ftp.postgresql.org/pub/source/v$PG_VERSION/postgresql-$PG_VERSION.tar.bz2"',
    ),
    run(
      '2026-09-19T00:58:31Z',
      'install --verbose --directory --owner postgres --group postgres --mode 3777 /var/run/postgresql',
    ),
    bk('2026-09-19T00:58:31Z', 'ENV PGDATA=/var/lib/postgresql/18/docker'),
    run(
      '2026-09-19T00:58:31Z',
      'install --verbose --directory --owner postgres --group postgres --mode 1777 "$PGDATA"',
    ),
    bk('2026-09-19T00:58:31Z', 'VOLUME [/var/lib/postgresql]'),
    copy('2026-09-19T00:58:31Z', 'docker-entrypoint.sh docker-ensure-initdb.sh /usr/local/bin/'),
    run('2026-09-19T00:58:31Z', 'ln -sT docker-ensure-initdb.sh /usr/local/bin/docker-enforce-initdb.sh'),
    entrypoint('2026-09-19T00:58:31Z', ['docker-entrypoint.sh']),
    bk('2026-09-19T00:58:31Z', 'STOPSIGNAL SIGINT'),
    expose('2026-09-19T00:58:31Z', ['5432/tcp']),
    cmd('2026-09-19T00:58:31Z', ['postgres']),
  ],
  layers: [
    ALPINE_SEP_LAYER,
    ['postgres-user:alpine#18.4', 972],
    ['gosu:1.19#pg-18.4-alpine', 1_011_903],
    ['postgres-initdb-d#18.4-alpine', 115],
    ['postgres:18.4:alpine', 103_577_305],
    ['postgres-run-dir#18.4-alpine', 121],
    ['postgres-pgdata:18#18.4-alpine', 127],
    ['postgres-entrypoint:18#18.4-alpine', 6_102],
    ['postgres-enforce-link#18.4-alpine', 122, 23],
  ],
};
