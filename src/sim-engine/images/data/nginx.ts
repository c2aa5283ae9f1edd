/**
 * nginx. Sources: repo-info repos/nginx/remote/latest.md (1.31.3 on trixie, July 2026:
 * real digests, `Virtual Size ~161.33 MiB` from local/latest.md), the oracle's specs for
 * nginx:alpine (1.31.6), 1.18 and 1.17 (nginxinc/docker-nginx Dockerfiles of 2020, the
 * legacy builder). The other versions follow the same two Dockerfile shapes (legacy
 * builder before mid-2023, BuildKit after) with each release's Debian suite and njs
 * version; their digests are derived and their dates and sizes approximate.
 */
import {
  alpineBase,
  bk,
  cut,
  debianBase,
  lg,
  PATH,
  ports,
  run,
  type ImageSpec,
  type LayerSpec,
} from './spec.ts';
import type { HistoryEntry } from '../types.ts';

/** debian:buster-slim's ADD row as the oracle records it under nginx 1.17 and 1.18. */
const BUSTER_ADD = 'file:d2abb0e4e7ac1773741f51f57d3a0b8ffc7907348842d773f8c341ba17f856d5';

const MAINT = 'NGINX Docker Maintainers <docker-maint@nginx.com>';
const CMD = ['nginx', '-g', 'daemon off;'];
const RUN_DEB =
  'set -x     && groupadd --system --gid 101 nginx     && useradd --system --gid nginx --no-create-home --home /nonexistent --comment "nginx user" --shell /bin/false --uid 101 nginx     && apt-get update     && apt-get install --no-install-recommends --no-install-suggests -y gnupg1 ca-certificates';
const RUN_LEGACY =
  '/bin/sh -c set -x     && addgroup --system --gid 101 nginx     && adduser --system --disabled-login --ingroup nginx --no-create-home --home /nonexistent --gecos "nginx user" --shell /bin/false --uid 101 nginx';
const RUN_ALPINE =
  'set -x     && addgroup -g 101 -S nginx     && adduser -S -D -H -u 101 -h /var/cache/nginx -s /sbin/nologin -G nginx -g nginx nginx     && apkArch="$(cat /etc/apk/arch)"';

/** The entrypoint scripts each generation ships, in COPY order. */
const SCRIPTS_1_19 = [
  '10-listen-on-ipv6-by-default.sh',
  '20-envsubst-on-templates.sh',
  '30-tune-worker-processes.sh',
];
const SCRIPTS_1_25 = [
  '10-listen-on-ipv6-by-default.sh',
  '15-local-resolvers.envsh',
  '20-envsubst-on-templates.sh',
  '30-tune-worker-processes.sh',
];

interface Nginx {
  tags: string[];
  version: string;
  njs: string;
  suite: string;
  /** when the base Debian image was made, and its debuerreotype epoch */
  base: { created: string; epoch: number; download: number; blob?: string; addFile?: string };
  c: string;
  /** ACME module (1.29.1 and later) */
  acme?: string;
  scripts: string[];
  download: number;
  size?: number;
  id?: string;
  digest?: string;
  blobs?: string[];
  stopSignal: 'SIGQUIT' | 'SIGTERM';
}

/** nginx on Debian, built with BuildKit (2023 and later). */
function debianNginx(n: Nginx): ImageSpec {
  const rel = `1~${n.suite}`;
  const envs = [
    `NGINX_VERSION=${n.version}`,
    `NJS_VERSION=${n.njs}`,
    `NJS_RELEASE=${rel}`,
    ...(n.acme ? [`ACME_VERSION=${n.acme}`] : []),
    `PKG_RELEASE=${rel}`,
    ...(n.acme ? [`DYNPKG_RELEASE=${rel}`] : []),
  ];
  const gen = scriptGen(n.version);
  const layers: LayerSpec[] = [
    [
      `debian:${n.suite}-slim#${n.base.created.slice(0, 10).replaceAll('-', '')}`,
      n.base.download,
      undefined,
      n.base.blob,
    ],
    [`nginx-deb:${n.version}:${n.suite}`, n.download, n.size, n.blobs?.[0]],
    [`nginx-entrypoint:${gen}#${n.version}`, 626, undefined, n.blobs?.[1]],
    ...n.scripts.map((s, i): LayerSpec => [
      `nginx-script:${s}:${gen}#${n.version}`,
      [955, 403, 1210, 1397][i]!,
      undefined,
      n.blobs?.[i + 2],
    ]),
  ];
  return {
    repo: 'library/nginx',
    tags: n.tags,
    ...(n.id ? { id: n.id, digest: n.digest! } : {}),
    config: {
      ExposedPorts: ports('80/tcp'),
      Env: [PATH, ...envs],
      Entrypoint: ['/docker-entrypoint.sh'],
      Cmd: CMD,
      Labels: { maintainer: MAINT },
      StopSignal: n.stopSignal,
    },
    history: [
      debianBase(n.base.created, n.suite, n.base.epoch),
      bk(n.c, `LABEL maintainer=${MAINT}`),
      ...envs.map((e) => bk(n.c, `ENV ${e}`)),
      run(n.c, RUN_DEB),
      ...tail(n.c, n.scripts, n.stopSignal),
    ],
    layers,
  };
}

function tail(c: string, scripts: string[], stop: string): HistoryEntry[] {
  return [
    bk(c, 'COPY docker-entrypoint.sh / # buildkit', true),
    ...scripts.map((s) => bk(c, `COPY ${s} /docker-entrypoint.d # buildkit`, true)),
    bk(c, 'ENTRYPOINT ["/docker-entrypoint.sh"]'),
    bk(c, 'EXPOSE map[80/tcp:{}]'),
    bk(c, `STOPSIGNAL ${stop}`),
    bk(c, 'CMD ["nginx" "-g" "daemon off;"]'),
  ];
}

/** Which generation of entrypoint scripts and welcome page a version has. */
export function scriptGen(version: string): string {
  const minor = Number(version.split('.')[1]);
  return minor >= 29 ? 'c' : minor >= 21 ? 'b' : 'a';
}

/** nginx on Debian, legacy builder (2020–mid 2023). */
function legacyNginx(n: Nginx & { dockerVersion: string }): ImageSpec {
  const rel = `1~${n.suite}`;
  const envs = [`NGINX_VERSION=${n.version}`, `NJS_VERSION=${n.njs}`, `PKG_RELEASE=${rel}`];
  const hashOf = (s: string) => `${s}:${n.version}`;
  return {
    repo: 'library/nginx',
    tags: n.tags,
    dockerVersion: n.dockerVersion,
    config: {
      ExposedPorts: ports('80/tcp'),
      Env: [PATH, ...envs],
      Entrypoint: ['/docker-entrypoint.sh'],
      Cmd: CMD,
      Labels: { maintainer: MAINT },
      StopSignal: n.stopSignal,
    },
    history: [
      lg(
        n.base.created,
        `/bin/sh -c #(nop) ADD ${n.base.addFile ?? fileHash(`${n.suite}-slim:${n.base.created}`)} in / `,
        true,
      ),
      lg(n.base.created, '/bin/sh -c #(nop)  CMD ["bash"]'),
      lg(n.c, `/bin/sh -c #(nop)  LABEL maintainer=${MAINT}`),
      ...envs.map((e) => lg(n.c, `/bin/sh -c #(nop)  ENV ${e}`)),
      lg(n.c, cut(RUN_LEGACY, 120), true),
      lg(n.c, `/bin/sh -c #(nop) COPY ${fileHash(hashOf('docker-entrypoint.sh'))} in / `, true),
      ...n.scripts.map((s) =>
        lg(n.c, `/bin/sh -c #(nop) COPY ${fileHash(hashOf(s))} in /docker-entrypoint.d `, true),
      ),
      lg(n.c, '/bin/sh -c #(nop)  ENTRYPOINT ["/docker-entrypoint.sh"]'),
      lg(n.c, '/bin/sh -c #(nop)  EXPOSE 80'),
      lg(n.c, `/bin/sh -c #(nop)  STOPSIGNAL ${n.stopSignal}`),
      lg(n.c, '/bin/sh -c #(nop)  CMD ["nginx" "-g" "daemon off;"]'),
    ],
    layers: [
      [`debian:${n.suite}-slim#${n.base.created.slice(0, 10).replaceAll('-', '')}`, n.base.download],
      [`nginx-deb:${n.version}:${n.suite}`, n.download, n.size],
      [`nginx-entrypoint:${scriptGen(n.version)}#${n.version}`, 656],
      ...n.scripts.map((s): LayerSpec => [`nginx-script:${s}:${scriptGen(n.version)}#${n.version}`, 700]),
    ],
  };
}

/** The `file:<sha256>` a legacy ADD/COPY row names: derived, stable (see ../catalogue.ts). */
export const fileHash = (key: string): string => `@file:${key}`;

function alpineNginx(
  n: Omit<Nginx, 'suite' | 'base' | 'scripts' | 'stopSignal'> & { alpine: string; c2: string },
): ImageSpec {
  const env1 = [`NGINX_VERSION=${n.version}`, 'PKG_RELEASE=1', ...(n.acme ? ['DYNPKG_RELEASE=1'] : [])];
  const env2 = [`NJS_VERSION=${n.njs}`, 'NJS_RELEASE=1', ...(n.acme ? [`ACME_VERSION=${n.acme}`] : [])];
  const gen = scriptGen(n.version);
  return {
    repo: 'library/nginx',
    tags: n.tags,
    config: {
      ExposedPorts: ports('80/tcp'),
      Env: [PATH, ...env1, ...env2],
      Entrypoint: ['/docker-entrypoint.sh'],
      Cmd: CMD,
      Labels: { maintainer: MAINT },
      StopSignal: 'SIGQUIT',
    },
    history: [
      ...alpineBase('2026-09-17T20:37:20Z', n.alpine),
      bk(n.c, `LABEL maintainer=${MAINT}`),
      ...env1.map((e) => bk(n.c, `ENV ${e}`)),
      run(n.c, RUN_ALPINE),
      bk(n.c, 'COPY docker-entrypoint.sh / # buildkit', true),
      ...SCRIPTS_1_25.map((s) => bk(n.c, `COPY ${s} /docker-entrypoint.d # buildkit`, true)),
      bk(n.c, 'ENTRYPOINT ["/docker-entrypoint.sh"]'),
      bk(n.c, 'EXPOSE map[80/tcp:{}]'),
      bk(n.c, 'STOPSIGNAL SIGQUIT'),
      bk(n.c, 'CMD ["nginx" "-g" "daemon off;"]'),
      ...env2.map((e) => bk(n.c2, `ENV ${e}`)),
      run(
        n.c2,
        'set -x     && apkArch="$(cat /etc/apk/arch)"     && nginxPackages="         nginx=${NGINX_VERSION}-r${PKG_RELEASE}',
      ),
    ],
    layers: [
      [
        'alpine:3.24.2#20260917',
        3849738,
        8_654_336,
        'e2de96513ba9eb53b431787ec8a65cdde380ac4772a3e4c4b714dcfde2a102b5',
      ],
      [`nginx-apk:${n.version}`, n.download],
      [`nginx-entrypoint:${gen}#${n.version}-alpine`, 626],
      ...SCRIPTS_1_25.map((s, i): LayerSpec => [
        `nginx-script:${s}:${gen}#${n.version}-alpine`,
        [955, 403, 1210, 1397][i]!,
      ]),
      [`nginx-njs-apk:${n.version}`, 15_240_331],
    ],
  };
}

const TRIXIE_JUL = { created: '2026-07-13T00:00:00Z', epoch: 1783900800, download: 29780905 };
const TRIXIE_SEP = { created: '2026-09-18T00:00:00Z', epoch: 1789689600, download: 29781262 };
const BOOKWORM_25 = { created: '2025-04-28T00:00:00Z', epoch: 1745798400, download: 28227259 };
const BOOKWORM_24 = { created: '2024-04-23T00:00:00Z', epoch: 1713830400, download: 29126484 };

export const NGINX: ImageSpec[] = [
  debianNginx({
    tags: [
      'latest',
      'mainline',
      '1',
      '1.31',
      '1.31.3',
      'trixie',
      'mainline-trixie',
      '1-trixie',
      '1.31-trixie',
      '1.31.3-trixie',
    ],
    version: '1.31.3',
    njs: '1.0.0',
    acme: '0.4.1',
    suite: 'trixie',
    base: { ...TRIXIE_JUL, blob: '062e450697faa5f02a3a74eba9864ee4d79bc9cfbd65769fc6cdff2c05c6a053' },
    c: '2026-07-15T23:30:55Z',
    scripts: SCRIPTS_1_25,
    download: 33325076,
    // local/latest.md: ~161.33 MiB on disk in all
    size: 90_384_896,
    id: '4e5db4761e0ff445f7fd29aad680ad28e8abf7d204895557f145d65535abcc1c',
    digest: '5a88c9c45479443d7be2eadc894b4ed0a9801bae03d97a5760ae13b5c2005942',
    blobs: [
      '82454cdbf456a77f9ff1bb88b121c2a739e38c30ea689c135c7cca6249eabe4e',
      '3c7ab7949321f47c96fc0918f9f72e8f51bd452cdef1e0dad9599880317380b9',
      'cacfcdd01f309c65d69372716e799ea741065ac1b1e60880b3a6981ae105cb55',
      'b6698f04e005497a7f495c0719358d43890cb3997ad7b4ab0b06748247c574a3',
      '2bedaf25031a24fb70b9dc2d56cb17139186d1ae5fd2054ecbd0dfe1a69585ba',
      'd26f27cc8c41e321394cb3c9a80915d90d5f1f1d3cbbbcda3be00f13c53b041e',
    ],
    stopSignal: 'SIGQUIT',
  }),
  debianNginx({
    tags: ['stable', '1.30', '1.30.5', 'stable-trixie', '1.30-trixie', '1.30.5-trixie'],
    version: '1.30.5',
    njs: '1.0.1',
    acme: '0.4.1',
    suite: 'trixie',
    base: TRIXIE_SEP,
    c: '2026-09-22T21:02:11Z',
    scripts: SCRIPTS_1_25,
    download: 33290114,
    stopSignal: 'SIGQUIT',
  }),
  debianNginx({
    tags: ['1.29', '1.29.8', '1.29-trixie', '1.29.8-trixie'],
    version: '1.29.8',
    njs: '0.9.6',
    acme: '0.3.1',
    suite: 'trixie',
    base: { created: '2026-04-06T00:00:00Z', epoch: 1775433600, download: 29772038 },
    c: '2026-04-08T18:12:40Z',
    scripts: SCRIPTS_1_25,
    download: 32980551,
    stopSignal: 'SIGQUIT',
  }),
  debianNginx({
    tags: ['1.28', '1.28.2', '1.28-bookworm', '1.28.2-bookworm'],
    version: '1.28.2',
    njs: '0.9.4',
    suite: 'bookworm',
    base: { created: '2026-02-02T00:00:00Z', epoch: 1769990400, download: 28232046 },
    c: '2026-02-05T17:41:09Z',
    scripts: SCRIPTS_1_25,
    download: 43920361,
    stopSignal: 'SIGQUIT',
  }),
  debianNginx({
    tags: ['1.27', '1.27.5', '1.27-bookworm', '1.27.5-bookworm'],
    version: '1.27.5',
    njs: '0.8.10',
    suite: 'bookworm',
    base: BOOKWORM_25,
    c: '2025-04-30T02:24:18Z',
    scripts: SCRIPTS_1_25,
    download: 43948390,
    stopSignal: 'SIGQUIT',
  }),
  debianNginx({
    tags: ['1.26', '1.26.3', '1.26-bookworm', '1.26.3-bookworm'],
    version: '1.26.3',
    njs: '0.8.9',
    suite: 'bookworm',
    base: BOOKWORM_25,
    c: '2025-04-30T02:30:41Z',
    scripts: SCRIPTS_1_25,
    download: 43502004,
    stopSignal: 'SIGQUIT',
  }),
  debianNginx({
    tags: ['1.25', '1.25.5', '1.25-bookworm', '1.25.5-bookworm'],
    version: '1.25.5',
    njs: '0.8.4',
    suite: 'bookworm',
    base: BOOKWORM_24,
    c: '2024-04-24T02:19:33Z',
    scripts: SCRIPTS_1_25,
    download: 41846910,
    stopSignal: 'SIGQUIT',
  }),
  legacyNginx({
    tags: ['1.21', '1.21.6', '1.21-bullseye'],
    version: '1.21.6',
    njs: '0.7.3',
    suite: 'bullseye',
    dockerVersion: '20.10.12',
    base: { created: '2022-05-28T01:20:39Z', epoch: 0, download: 31379476 },
    c: '2022-05-28T05:42:10Z',
    scripts: SCRIPTS_1_19,
    download: 25351064,
    stopSignal: 'SIGQUIT',
  }),
  legacyNginx({
    tags: ['1.20', '1.20.2', '1.20-bullseye'],
    version: '1.20.2',
    njs: '0.7.0',
    suite: 'bullseye',
    dockerVersion: '20.10.12',
    base: { created: '2022-05-28T01:20:39Z', epoch: 0, download: 31379476 },
    c: '2022-05-28T05:48:41Z',
    scripts: SCRIPTS_1_19,
    download: 25043711,
    stopSignal: 'SIGQUIT',
  }),
  legacyNginx({
    tags: ['1.19', '1.19.10'],
    version: '1.19.10',
    njs: '0.5.3',
    suite: 'buster',
    dockerVersion: '19.03.12',
    base: { created: '2021-04-10T01:20:46Z', epoch: 0, download: 27139373 },
    c: '2021-04-10T04:34:57Z',
    scripts: SCRIPTS_1_19,
    download: 26582802,
    stopSignal: 'SIGQUIT',
  }),
  NGINX_1_18(),
  NGINX_1_17(),
  alpineNginx({
    tags: [
      'alpine',
      'mainline-alpine',
      '1-alpine',
      '1.31-alpine',
      '1.31.6-alpine',
      'alpine3.24',
      'mainline-alpine3.24',
      '1.31.6-alpine3.24',
    ],
    version: '1.31.6',
    njs: '1.0.1',
    acme: '0.4.1',
    alpine: '3.24.2',
    c: '2026-09-22T21:19:23Z',
    c2: '2026-09-22T22:10:17Z',
    download: 1_811_406,
  }),
  alpineNginx({
    tags: ['stable-alpine', '1.30-alpine', '1.30.5-alpine', 'stable-alpine3.24', '1.30.5-alpine3.24'],
    version: '1.30.5',
    njs: '1.0.1',
    acme: '0.4.1',
    alpine: '3.24.2',
    c: '2026-09-22T21:08:51Z',
    c2: '2026-09-22T22:01:44Z',
    download: 1_802_117,
  }),
];

/** nginx:1.18 (the oracle's: nginxinc/docker-nginx stable/buster at d5f4d23, Nov 2020). */
function NGINX_1_18(): ImageSpec {
  const spec = legacyNginx({
    tags: ['1.18', '1.18.0'],
    version: '1.18.0',
    njs: '0.4.4',
    suite: 'buster',
    dockerVersion: '19.03.12',
    base: { created: '2020-11-17T20:21:17Z', epoch: 0, download: 27092228, addFile: BUSTER_ADD },
    c: '2020-11-18T07:48:35Z',
    scripts: ['10-listen-on-ipv6-by-default.sh', '20-envsubst-on-templates.sh'],
    download: 26415651,
    stopSignal: 'SIGTERM',
  });
  spec.config.Env = [PATH, 'NGINX_VERSION=1.18.0', 'NJS_VERSION=0.4.4', 'PKG_RELEASE=2~buster'];
  spec.history = spec.history.map((h) =>
    h.created_by.endsWith('ENV PKG_RELEASE=1~buster')
      ? { ...h, created_by: '/bin/sh -c #(nop)  ENV PKG_RELEASE=2~buster' }
      : h,
  );
  return spec;
}

/** nginx:1.17 (the oracle's: 1.17.10 at 594ce7a, Apr 2020): no entrypoint script yet. */
function NGINX_1_17(): ImageSpec {
  const c = '2020-04-23T20:21:33Z';
  const base = '2020-04-23T00:20:32Z';
  const envs = ['NGINX_VERSION=1.17.10', 'NJS_VERSION=0.3.9', 'PKG_RELEASE=1~buster'];
  return {
    repo: 'library/nginx',
    tags: ['1.17', '1.17.10'],
    dockerVersion: '18.09.7',
    config: {
      ExposedPorts: ports('80/tcp'),
      Env: [PATH, ...envs],
      Cmd: CMD,
      Labels: { maintainer: MAINT },
      StopSignal: 'SIGTERM',
    },
    history: [
      lg(base, `/bin/sh -c #(nop) ADD ${BUSTER_ADD} in / `, true),
      lg(base, '/bin/sh -c #(nop)  CMD ["bash"]'),
      lg(c, `/bin/sh -c #(nop)  LABEL maintainer=${MAINT}`),
      ...envs.map((e) => lg(c, `/bin/sh -c #(nop)  ENV ${e}`)),
      lg(c, cut(RUN_LEGACY, 120), true),
      lg(
        c,
        '/bin/sh -c ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log',
        true,
      ),
      lg(c, '/bin/sh -c #(nop)  EXPOSE 80'),
      lg(c, '/bin/sh -c #(nop)  STOPSIGNAL SIGTERM'),
      lg(c, '/bin/sh -c #(nop)  CMD ["nginx" "-g" "daemon off;"]'),
    ],
    layers: [
      ['debian:buster-slim#20200423', 27092654],
      ['nginx-deb:1.17.10:buster', 23891007],
      ['nginx-log-links#1.17.10', 203, 22],
    ],
  };
}
