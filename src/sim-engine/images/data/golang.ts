/**
 * golang: repo-info repos/golang/remote/latest.md (1.26.5 on buildpack-deps:trixie-scm of
 * July 2026: real digests). 1.25 and 1.24 (end of life, frozen) and the alpine variant
 * follow docker-library/golang's templates with derived digests and estimated sizes.
 * `WORKDIR /go` makes BuildKit's well-known empty layer.
 */
import { alpineBase, bk, debianBase, env, run, workdir, type ImageSpec, type LayerSpec } from './spec.ts';

const GO_PATH = 'PATH=/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const SCM_JULY = [
  debianBase('2026-07-13T00:00:00Z', 'trixie', 1783900800),
  run(
    '2026-07-14T01:43:51Z',
    'set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tcurl \t\tgnupg \t\tnetbase \t\tsq \t\twget \t; \tapt-get dist-clean',
  ),
  run(
    '2026-07-14T02:29:57Z',
    'set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tgit \t\tmercurial \t\topenssh-client \t\tsubversion \t\t\t\tprocps \t; \tapt-get dist-clean',
  ),
];
const SCM_JULY_LAYERS: LayerSpec[] = [
  [
    'debian:trixie#20260713',
    49312572,
    undefined,
    'b890c9407285c31d25426ef154b55c72e225f19b478a59451b01a8a44f5ea4f7',
  ],
  [
    'buildpack-curl:trixie#20260714',
    25638468,
    undefined,
    'b453535073b6238aba838c5d063a1468b4d6a9aa54f81de64a4de304dc456685',
  ],
  [
    'buildpack-scm:trixie#20260714',
    67792989,
    undefined,
    '9e002cae30c445bfdf70841ba6a8d772e913914a00fa0e0f7bd0e4c089aaa838',
  ],
];
const GCC =
  'set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tg++ \t\tgcc \t\tlibc6-dev \t\tmake \t\tpkg-config \t; \tdpkgArch="$(dpkg --print-architecture)"';
const GOPATH_DIRS = 'mkdir -p "$GOPATH/src" "$GOPATH/bin" && chmod -R 1777 "$GOPATH"';

interface Go {
  tags: string[];
  version: string;
  c: string;
  download: number;
  id?: string;
  digest?: string;
  blobs?: string[];
}

const goEnv = (v: string) => [`GOLANG_VERSION=${v}`, 'GOTOOLCHAIN=local', 'GOPATH=/go', GO_PATH];

function full(g: Go): ImageSpec {
  const c1 = g.c.replace(/:\d\dZ$/, ':29Z');
  return {
    repo: 'library/golang',
    tags: g.tags,
    ...(g.id ? { id: g.id, digest: g.digest! } : {}),
    config: {
      Env: [GO_PATH, `GOLANG_VERSION=${g.version}`, 'GOTOOLCHAIN=local', 'GOPATH=/go'],
      Cmd: ['bash'],
      WorkingDir: '/go',
    },
    history: [
      ...SCM_JULY,
      run(g.c.replace(/:\d\dZ$/, ':33Z'), GCC),
      ...env(c1, goEnv(g.version)),
      bk(c1, 'COPY /target/ / # buildkit', true),
      run(g.c, GOPATH_DIRS),
      workdir(g.c, '/go'),
    ],
    layers: [
      ...SCM_JULY_LAYERS,
      [
        'golang-gcc:trixie#20260714',
        102272980,
        undefined,
        '1804aaf9409d58a6cb447e6aa878d19fbb73a523c66c92e7b725490771b373a0',
      ],
      [`go:${g.version}`, g.download, undefined, g.blobs?.[0]],
      [`gopath#${g.version}`, 127, 0, g.blobs?.[1]],
      ['empty', 32, 0],
    ],
  };
}

function alpine(g: Go): ImageSpec {
  return {
    repo: 'library/golang',
    tags: g.tags,
    config: {
      Env: [GO_PATH, `GOLANG_VERSION=${g.version}`, 'GOTOOLCHAIN=local', 'GOPATH=/go'],
      Cmd: ['/bin/sh'],
      WorkingDir: '/go',
    },
    history: [
      ...alpineBase('2026-09-17T20:37:20Z', '3.24.2'),
      run(g.c, 'apk add --no-cache ca-certificates'),
      ...env(g.c, goEnv(g.version)),
      bk(g.c, 'COPY /target/ / # buildkit', true),
      run(g.c, GOPATH_DIRS),
      workdir(g.c, '/go'),
    ],
    layers: [
      [
        'alpine:3.24.2#20260917',
        3849738,
        8_654_336,
        'e2de96513ba9eb53b431787ec8a65cdde380ac4772a3e4c4b714dcfde2a102b5',
      ],
      [`ca-certificates:alpine#${g.version}`, 291184],
      [`go:${g.version}:alpine`, g.download],
      [`gopath#${g.version}-alpine`, 126, 0],
      ['empty', 32, 0],
    ],
  };
}

export const GOLANG: ImageSpec[] = [
  full({
    tags: ['latest', '1', '1.26', '1.26.5', 'trixie', '1-trixie', '1.26-trixie', '1.26.5-trixie'],
    version: '1.26.5',
    c: '2026-07-14T03:17:34Z',
    download: 67288392,
    id: 'b0bb43a2dcec5fbd07bedbe887849d53b2ac412c7876dd0bfa4c4e07ae80fe1c',
    digest: '3aff6657219a4d9c14e27fb1d8976c49c29fddb70ba835014f477e1c70636647',
    blobs: [
      'cea3d467f844b8e6fffc2d7793807a1ec9e3a0582655418c1c17013372a3a910',
      'e0baa5049848664e2cf82490fb01950fed63c0373e9c8a832ed3d030a92e1c7e',
    ],
  }),
  full({
    tags: ['1.25', '1.25.12', '1.25-trixie', '1.25.12-trixie'],
    version: '1.25.12',
    c: '2026-07-14T03:18:02Z',
    download: 64113408,
  }),
  full({
    tags: ['1.24', '1.24.13', '1.24-trixie', '1.24.13-trixie'],
    version: '1.24.13',
    c: '2026-02-04T19:31:10Z',
    download: 61890311,
  }),
  alpine({
    tags: ['alpine', '1-alpine', '1.26-alpine', '1.26.5-alpine', 'alpine3.24', '1.26-alpine3.24'],
    version: '1.26.5',
    c: '2026-09-18T00:47:21Z',
    download: 67150271,
  }),
  alpine({
    tags: ['1.25-alpine', '1.25.12-alpine', '1.25-alpine3.24'],
    version: '1.25.12',
    c: '2026-09-18T00:49:02Z',
    download: 63981544,
  }),
];
