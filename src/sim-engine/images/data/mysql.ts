/**
 * mysql: repo-info repos/mysql/remote/latest.md (Sep 2026: the innovation series,
 * 26.7.0, on oraclelinux:9-slim). 8.4 and 8.0 follow the same Dockerfile
 * (docker-library/mysql template) with their own versions; their digests are derived.
 */
import { PATH, bk, copy, entrypoint, env, expose, goList, ports, run, type ImageSpec } from './spec.ts';

function mysql(opts: {
  tags: string[];
  major: string;
  version: string;
  shell: string;
  c0: string;
  c: string;
  id?: string;
  digest?: string;
  blobs?: string[];
  downloads: number[];
}): ImageSpec {
  const { c0, c, major, version, shell } = opts;
  const repoName = major === 'innovation' ? 'mysqlinnovation' : `mysql${major.replace('.', '')}`;
  const rows = [
    bk(c0, 'ADD oraclelinux-9-slim-amd64-rootfs.tar.xz / # buildkit', true),
    bk(c0, 'CMD ["/bin/bash"]'),
    run(
      c,
      'set -eux; \tgroupadd --system --gid 999 mysql; \tuseradd --system --uid 999 --gid 999 --home-dir /var/lib/mysql --no-create-home mysql',
    ),
    ...env(c, ['GOSU_VERSION=1.19']),
    run(
      c,
      'set -eux; \tarch="$(uname -m)"; \tcase "$arch" in \t\taarch64) gosuArch=\'arm64\' ;; \t\tx86_64) gosuArch=\'amd64\' ;; \t\t*) echo >&2 "error: unsupported architecture: \'$arch\'"; exit 1 ;; \tesac',
    ),
    run(
      c,
      'set -eux; \tmicrodnf install -y \t\tbzip2 \t\tgzip \t\topenssl \t\txz \t\tzstd \t\tfindutils \t; \tmicrodnf clean all',
    ),
    run(
      c,
      'set -eux; \tkey=\'BCA4 3417 C3B4 85DD 128E C6D4 B7B3 B788 A8D3 785C\'; \texport GNUPGHOME="$(mktemp -d)"; \tgpg --batch --keyserver keyserver.ubuntu.com --recv-keys "$key"',
    ),
    ...env(c, [`MYSQL_MAJOR=${major}`, `MYSQL_VERSION=${version}`]),
    run(
      c,
      `set -eu; \t{ \t\techo '[${repoName}-server-minimal]'; \t\techo 'name=MySQL ${major} Server Minimal'; \t\techo 'enabled=1'`,
    ),
    run(
      c,
      'set -eux; \tmicrodnf install -y "mysql-community-server-minimal-$MYSQL_VERSION"; \tmicrodnf clean all; \tgrep -F \'socket=/var/lib/mysql/mysql.sock\' /etc/my.cnf',
    ),
    run(c, "set -eu; \t{ \t\techo '[mysql-tools-community]'; \t\techo 'name=MySQL Tools Community'"),
    ...env(c, [`MYSQL_SHELL_VERSION=${shell}`]),
    run(
      c,
      'set -eux; \tmicrodnf install -y "mysql-shell-$MYSQL_SHELL_VERSION"; \tmicrodnf clean all; \t\tmysqlsh --version',
    ),
    bk(c, 'VOLUME [/var/lib/mysql]'),
    copy(c, 'docker-entrypoint.sh /usr/local/bin/'),
    entrypoint(c, ['docker-entrypoint.sh']),
    expose(c, ['3306/tcp', '33060/tcp']),
    bk(c, `CMD ${goList(['mysqld'])}`),
  ];
  const v = version.split('-')[0]!;
  // '#…' names the build: layers of different builds have different blobs
  const recipes = [
    'oraclelinux:9-slim#20260911',
    `mysql-user#${v}`,
    `gosu:1.19#${v}`,
    `oraclelinux-tools#${v}`,
    `mysql-gpg#${v}`,
    `mysql-repo:${major}#${v}`,
    `mysql-server:${v}`,
    `mysql-tools-repo#${v}`,
    `mysql-shell:${shell.split('-')[0]!}#${v}`,
    `mysql-entrypoint:${major}#${v}`,
  ];
  return {
    repo: 'library/mysql',
    tags: opts.tags,
    ...(opts.id ? { id: opts.id } : {}),
    ...(opts.digest ? { digest: opts.digest } : {}),
    config: {
      ExposedPorts: ports('3306/tcp', '33060/tcp'),
      Env: [
        PATH,
        'GOSU_VERSION=1.19',
        `MYSQL_MAJOR=${major}`,
        `MYSQL_VERSION=${version}`,
        `MYSQL_SHELL_VERSION=${shell}`,
      ],
      Entrypoint: ['docker-entrypoint.sh'],
      Cmd: ['mysqld'],
      Volumes: ports('/var/lib/mysql'),
    },
    history: rows,
    layers: recipes.map((r, i) => [r, opts.downloads[i]!, undefined, opts.blobs?.[i]] as const),
  };
}

export const MYSQL: ImageSpec[] = [
  mysql({
    tags: ['latest', 'innovation', '26', '26.7', '26.7.0', 'oraclelinux9', 'innovation-oraclelinux9'],
    major: 'innovation',
    version: '26.7.0-1.el9',
    shell: '26.7.0-1.el9',
    c0: '2026-09-11T23:24:06Z',
    c: '2026-09-12T00:10:58Z',
    id: '21ed0f5cc49429e295ee53a1c19e9726067987d14b4b29d6cd35599ad066c4eb',
    digest: '45abdd9b4144660b5c93a5b7d0ebb21e024f0ba9851ecb4ab43bf83c6bf83592',
    blobs: [
      '13c85306055eb6ecca743420c9a29fec0936e01bea1df866947ecc554f9b7235',
      '1efac44fb10451bb6c48afdee56aceb0234a31d09f9abff40b8a45d353e9f4eb',
      '2f1d011bdd777410d8f289763994559a9be153f5771ebc32de2675a37147dfaf',
      'd61b3579fc6ca050cd58791db7a9ccb99553a828bf58f458693b95b22bfe699c',
      'f5703b6421969ea9aff5cd6360efecae6e51b136dfa07a82656251d48e31b622',
      '24899866011650b17a308d6dbb0dec68226c20699b2a73c9fd4deb4444dd8b28',
      '13707ba668372c347e859a0c18a470add82d4189cc26e7ed927f0c018e9ac25e',
      '7c4ffcc46f7cdd865fd1da77be7e5e1ae404849c15875ca684e75d8e2d33b9c8',
      'ee778d752aff96f367302483b39dcb42e27f91127326d1092469b3cc347b99bf',
      'a869fc9d82872e499c0486dc9183f2bba06dc62f4256a28386987a67a0dbcede',
    ],
    downloads: [47931319, 885, 783541, 6193394, 2605, 339, 57457519, 324, 159975330, 5223],
  }),
  mysql({
    tags: ['9', '9.7', '9.7.2', 'lts', '9-oraclelinux9', 'lts-oraclelinux9'],
    major: '9.7',
    version: '9.7.2-1.el9',
    shell: '9.7.2-1.el9',
    c0: '2026-09-11T23:24:06Z',
    c: '2026-09-12T00:12:41Z',
    downloads: [47931319, 885, 783541, 6193394, 2605, 338, 55120114, 324, 158642211, 5223],
  }),
  mysql({
    tags: ['8.4', '8.4.9', '8', '8-oraclelinux9', '8.4-oraclelinux9'],
    major: '8.4',
    version: '8.4.9-1.el9',
    shell: '8.4.9-1.el9',
    c0: '2026-09-11T23:24:06Z',
    c: '2026-09-12T00:14:02Z',
    downloads: [47931319, 885, 783541, 6193394, 2605, 331, 50836517, 324, 150241907, 5223],
  }),
  mysql({
    tags: ['8.0', '8.0.46', '8.0-oraclelinux9', '8.0.46-oraclelinux9'],
    major: '8.0',
    version: '8.0.46-1.el9',
    shell: '8.0.46-1.el9',
    c0: '2026-09-11T23:24:06Z',
    c: '2026-09-12T00:15:37Z',
    downloads: [47931319, 885, 783541, 6193394, 2605, 331, 66402250, 324, 148803615, 5234],
  }),
];
