/**
 * node: repo-info repos/node/remote/latest.md (26.5.0 on buildpack-deps:trixie of June
 * 2026: real digests) and the oracle's specs for 20-alpine (20.20.2-alpine3.23, frozen
 * since node 20's end of life); 24 (the LTS), 22 and their alpine variants follow
 * nodejs/docker-node's templates, with derived digests and estimated sizes. Node 26
 * no longer installs yarn; 24 and older do.
 */
import {
  alpineBase,
  bk,
  cmd,
  copy,
  debianBase,
  entrypoint,
  run,
  type ImageSpec,
  type LayerSpec,
} from './spec.ts';
import { PATH } from './spec.ts';

const BUILDPACK_JUNE = [
  debianBase('2026-06-23T00:00:00Z', 'trixie', 1782172800),
  run(
    '2026-06-24T01:41:39Z',
    'set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tcurl \t\tgnupg \t\tnetbase \t\tsq \t\twget \t; \tapt-get dist-clean',
  ),
  run(
    '2026-06-24T02:28:40Z',
    'set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tgit \t\tmercurial \t\topenssh-client \t\tsubversion \t\t\t\tprocps \t; \tapt-get dist-clean',
  ),
  run(
    '2026-06-24T03:17:43Z',
    'set -ex; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tautoconf \t\tautomake \t\tbzip2 \t\tdefault-libmysqlclient-dev',
  ),
];
const BUILDPACK_JUNE_LAYERS: LayerSpec[] = [
  [
    'debian:trixie#20260623',
    49317255,
    undefined,
    'aa3e9ef32f73c30e8b065800ee66429992d3bfea6a1fb8224afdd878ab5b994f',
  ],
  [
    'buildpack-curl:trixie#20260624',
    25634938,
    undefined,
    '3f59c84a786323367a79d4959142649bb24b16c989bbaae7f273550b47325959',
  ],
  [
    'buildpack-scm:trixie#20260624',
    67778134,
    undefined,
    '30d0db852850114cc79598cc8ab1ec19da54691d9e3267288bb3458d7488f125',
  ],
  [
    'buildpack-dev:trixie#20260624',
    236248824,
    undefined,
    '0252e6abaf0ff12562710faa97dc617e372a424bf144947f39dcb38700423e9f',
  ],
];

const INSTALL =
  'ARCH= && dpkgArch="$(dpkg --print-architecture)"   && case "${dpkgArch##*-}" in     amd64) ARCH=\'x64\';;     ppc64el) ARCH=\'ppc64le\';;';
const INSTALL_ALPINE =
  'addgroup -g 1000 node     && adduser -u 1000 -G node -s /bin/sh -D node     && apk add --no-cache         libstdc++';
const YARN =
  'set -ex   && export GNUPGHOME="$(mktemp -d)"   && for key in     6A010C5166006599AA17F08146C2130DFD2497F5   ; do';
const YARN_ALPINE =
  'apk add --no-cache --virtual .build-deps-yarn curl gnupg tar   && export GNUPGHOME="$(mktemp -d)"';
const USER =
  'groupadd --gid 1000 node   && useradd --uid 1000 --gid node --shell /bin/bash --create-home node';

interface Node {
  tags: string[];
  version: string;
  yarn: boolean;
  c: string;
  download: number;
  id?: string;
  digest?: string;
  blobs?: string[];
}

function full(n: Node): ImageSpec {
  const c0 = n.c.replace(/:\d\dZ$/, ':03Z');
  const env = [PATH, `NODE_VERSION=${n.version}`, ...(n.yarn ? ['YARN_VERSION=1.22.22'] : [])];
  return {
    repo: 'library/node',
    tags: n.tags,
    ...(n.id ? { id: n.id, digest: n.digest! } : {}),
    config: { Env: env, Entrypoint: ['docker-entrypoint.sh'], Cmd: ['node'] },
    history: [
      ...BUILDPACK_JUNE,
      run(c0, USER),
      bk(n.c, `ENV NODE_VERSION=${n.version}`),
      run(n.c, INSTALL),
      ...(n.yarn ? [bk(n.c, 'ENV YARN_VERSION=1.22.22'), run(n.c, YARN)] : []),
      copy(n.c, 'docker-entrypoint.sh /usr/local/bin/'),
      entrypoint(n.c, ['docker-entrypoint.sh']),
      cmd(n.c, ['node']),
    ],
    layers: [
      ...BUILDPACK_JUNE_LAYERS,
      [`node-user:debian#${n.version}`, 3329, undefined, n.blobs?.[0]],
      [`node:${n.version}`, n.download, undefined, n.blobs?.[1]],
      ...(n.yarn ? ([[`yarn:1.22.22#${n.version}`, 1256317]] as LayerSpec[]) : []),
      ['node-entrypoint', 446, 388, n.blobs?.[2]],
    ],
  };
}

function alpine(
  n: Node,
  base: { version: string; created: string; blob?: string; download: number },
): ImageSpec {
  return {
    repo: 'library/node',
    tags: n.tags,
    config: {
      Env: [PATH, `NODE_VERSION=${n.version}`, 'YARN_VERSION=1.22.22'],
      Entrypoint: ['docker-entrypoint.sh'],
      Cmd: ['node'],
    },
    history: [
      ...alpineBase(base.created, base.version),
      bk(n.c, `ENV NODE_VERSION=${n.version}`),
      run(n.c, INSTALL_ALPINE),
      bk(n.c, 'ENV YARN_VERSION=1.22.22'),
      run(n.c, YARN_ALPINE),
      copy(n.c, 'docker-entrypoint.sh /usr/local/bin/'),
      entrypoint(n.c, ['docker-entrypoint.sh']),
      cmd(n.c, ['node']),
    ],
    layers: [
      [
        `alpine:${base.version}#${base.created.slice(0, 10).replaceAll('-', '')}`,
        base.download,
        undefined,
        base.blob,
      ],
      [`node:${n.version}:alpine`, n.download],
      [`yarn:1.22.22#${n.version}-alpine`, 1256301],
      ['node-entrypoint', 446, 388],
    ],
  };
}

const ALPINE_3_24 = {
  version: '3.24.2',
  created: '2026-09-17T20:37:20Z',
  blob: 'e2de96513ba9eb53b431787ec8a65cdde380ac4772a3e4c4b714dcfde2a102b5',
  download: 3849738,
};

export const NODE: ImageSpec[] = [
  full({
    tags: [
      'latest',
      'current',
      '26',
      '26.5',
      '26.5.0',
      'trixie',
      'current-trixie',
      '26-trixie',
      '26.5.0-trixie',
    ],
    version: '26.5.0',
    yarn: false,
    c: '2026-07-08T16:56:14Z',
    download: 63411295,
    id: '2f49a06759a843e2cadcadc1b61d5ffe525645904c1c59fb0e4c5e44eb4e74ad',
    digest: '926d6cafec97f338577041890465522f70fe74aa6fe4b021a4fd7f87a5996b25',
    blobs: [
      '03cd38be8291394d00f89eb68fb7e79c6ae30c0815711f4babf16d2d5cc19e79',
      '1a5230edbb6b3b636a2f1dc144243fe4dee9fa40394c3bc7bb116dd7378b6cf0',
      'b3b166f5d4b281b22268295ba63bec484411828341c60682f37dccceb9d18f6c',
    ],
  }),
  full({
    tags: ['lts', '24', '24.14', '24.14.1', 'krypton', 'lts-trixie', '24-trixie', '24.14.1-trixie'],
    version: '24.14.1',
    yarn: true,
    c: '2026-07-08T17:02:41Z',
    download: 59120468,
  }),
  full({
    tags: ['22', '22.22', '22.22.2', 'jod', '22-trixie', '22.22.2-trixie'],
    version: '22.22.2',
    yarn: true,
    c: '2026-07-08T17:05:20Z',
    download: 57380114,
  }),
  full({
    tags: ['20', '20.20', '20.20.2', 'iron', '20-trixie', '20.20.2-trixie'],
    version: '20.20.2',
    yarn: true,
    c: '2026-03-25T00:00:00Z',
    download: 48926613,
  }),
  alpine(
    {
      tags: [
        'alpine',
        'current-alpine',
        '26-alpine',
        '26.5-alpine',
        '26.5.0-alpine',
        'alpine3.24',
        '26-alpine3.24',
      ],
      version: '26.5.0',
      yarn: true,
      c: '2026-09-18T02:11:07Z',
      download: 61630092,
    },
    ALPINE_3_24,
  ),
  alpine(
    {
      tags: ['lts-alpine', '24-alpine', '24.14-alpine', '24.14.1-alpine', '24-alpine3.24', 'krypton-alpine'],
      version: '24.14.1',
      yarn: true,
      c: '2026-09-18T02:14:33Z',
      download: 57102841,
    },
    ALPINE_3_24,
  ),
  alpine(
    {
      tags: ['22-alpine', '22.22-alpine', '22.22.2-alpine', '22-alpine3.24', 'jod-alpine'],
      version: '22.22.2',
      yarn: true,
      c: '2026-09-18T02:16:58Z',
      download: 54810327,
    },
    ALPINE_3_24,
  ),
  // the oracle's node:20-alpine (20.20.2-alpine3.23, dates approximate)
  alpine(
    {
      tags: ['20-alpine', '20.20-alpine', '20.20.2-alpine', '20-alpine3.23', 'iron-alpine'],
      version: '20.20.2',
      yarn: true,
      c: '2026-03-25T00:00:00Z',
      download: 42735922,
    },
    { version: '3.23.3', created: '2026-01-28T00:00:00Z', download: 3861284 },
  ),
];
