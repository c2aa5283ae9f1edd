/**
 * python: repo-info repos/python/remote/latest.md (3.14.7 on buildpack-deps:trixie, Aug
 * 2026, real digests) and the oracle's specs for 3.12-slim; the other tags follow
 * docker-library/python's Dockerfile templates (full, slim-trixie, alpine3.24) with
 * their versions, derived digests and estimated sizes.
 */
import { BUILDPACK_TRIXIE, BUILDPACK_TRIXIE_LAYERS } from './buildpack.ts';
import { alpineBase, cmd, debianBase, env, run, type ImageSpec, type LayerSpec } from './spec.ts';

const PY_PATH = 'PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const GPG = 'GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305';
const BUILD =
  'set -eux; \t\tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tdpkg-dev';
const BUILD_FULL =
  'set -eux; \t\tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tlibzstd-dev';
const LINKS =
  'set -eux; \tfor src in idle3 pip3 pydoc3 python3 python3-config; do \t\tdst="$(echo "$src" | tr -d 3)"; \t\t[ -s "/usr/local/bin/$src" ]';

interface Py {
  tags: string[];
  version: string;
  sha: string;
  /** 3.12 and 3.13 set GPG_KEY; 3.14 verifies with sigstore instead */
  gpg: boolean;
  c: string;
  c2: string;
  download: number;
  id?: string;
  digest?: string;
  blobs?: [string, string, string];
}

const pyEnv = (p: Py) => [...(p.gpg ? [GPG] : []), `PYTHON_VERSION=${p.version}`, `PYTHON_SHA256=${p.sha}`];

function full(p: Py): ImageSpec {
  const layers: LayerSpec[] = [
    ...BUILDPACK_TRIXIE_LAYERS,
    [`python-tk-deps#${p.version}`, 6092327, undefined, p.blobs?.[0]],
    [`python:${p.version}`, p.download, undefined, p.blobs?.[1]],
    [`python-links#${p.version}`, 250, 49, p.blobs?.[2]],
  ];
  return {
    repo: 'library/python',
    tags: p.tags,
    ...(p.id ? { id: p.id, digest: p.digest! } : {}),
    config: { Env: [PY_PATH, 'LANG=C.UTF-8', ...pyEnv(p)], Cmd: ['python3'] },
    history: [
      ...BUILDPACK_TRIXIE,
      ...env(p.c, [PY_PATH]),
      ...(p.gpg ? env(p.c, ['LANG=C.UTF-8']) : []),
      run(
        p.c,
        'set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tlibbluetooth-dev \t\ttk-dev \t\tuuid-dev',
      ),
      ...env(p.c, pyEnv(p)),
      run(p.c2, BUILD_FULL),
      run(p.c2, LINKS),
      cmd(p.c2, ['python3']),
    ],
    layers,
  };
}

function slim(p: Py, base: { created: string; epoch: number; key: string }): ImageSpec {
  return {
    repo: 'library/python',
    tags: p.tags,
    ...(p.id ? { id: p.id, digest: p.digest! } : {}),
    config: { Env: [PY_PATH, 'LANG=C.UTF-8', ...pyEnv(p)], Cmd: ['python3'] },
    history: [
      debianBase(base.created, 'trixie', base.epoch),
      ...env(p.c, [PY_PATH, 'LANG=C.UTF-8']),
      run(
        p.c,
        'set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tnetbase \t\ttzdata \t; \tapt-get dist-clean',
      ),
      ...env(p.c, pyEnv(p)),
      run(p.c2, BUILD),
      run(p.c2, LINKS),
      cmd(p.c2, ['python3']),
    ],
    layers: [
      [base.key, 29780905],
      [`python-slim-deps#${p.version}`, 1289451],
      [`python:${p.version}:slim`, p.download],
      [`python-links#${p.version}-slim`, 250, 49],
    ],
  };
}

function alpine(p: Py): ImageSpec {
  return {
    repo: 'library/python',
    tags: p.tags,
    config: { Env: [PY_PATH, 'LANG=C.UTF-8', ...pyEnv(p)], Cmd: ['python3'] },
    history: [
      ...alpineBase('2026-09-17T20:37:20Z', '3.24.2'),
      ...env(p.c, [PY_PATH, 'LANG=C.UTF-8']),
      run(p.c, 'set -eux; \tapk add --no-cache \t\tca-certificates \t\ttzdata \t;'),
      ...env(p.c, pyEnv(p)),
      run(
        p.c2,
        'set -eux; \t\tapk add --no-cache --virtual .build-deps \t\tbluez-dev \t\tbzip2-dev \t\tdpkg-dev dpkg',
      ),
      run(p.c2, LINKS),
      cmd(p.c2, ['python3']),
    ],
    layers: [
      [
        'alpine:3.24.2#20260917',
        3849738,
        8_654_336,
        'e2de96513ba9eb53b431787ec8a65cdde380ac4772a3e4c4b714dcfde2a102b5',
      ],
      [`python-alpine-deps#${p.version}`, 461218],
      [`python:${p.version}:alpine`, p.download],
      [`python-links#${p.version}-alpine`, 250, 49],
    ],
  };
}

const SHA = {
  '3.14.7': '3b48dac8fb59f62eaa67ac83c1eb12bda1b7a08406dd286e252c11a66be27f81',
  // Differs from Docker: not the real tarball checksum (unknown here); a placeholder
  '3.13.9': '5b1f0b8d2c4e6a8f0e2d4c6b8a0f2e4d6c8b0a2f4e6d8c0b2a4f6e8d0c2b4a6f',
  '3.12.13': 'c08bc65a81971c1dd5783182826503369466c7e67374d1646519adf05207b684',
};

export const PYTHON: ImageSpec[] = [
  full({
    tags: ['latest', '3', '3.14', '3.14.7', 'trixie', '3-trixie', '3.14-trixie', '3.14.7-trixie'],
    version: '3.14.7',
    sha: SHA['3.14.7'],
    gpg: false,
    c: '2026-08-25T03:32:33Z',
    c2: '2026-08-25T03:39:18Z',
    download: 29758423,
    id: '691aea61c5aab0beca3e65c93e8cd94ce2c1beaf1ad83ffb545fbfc40cd34566',
    digest: 'e06cc1111ed84189e91866447f562b89faadbfbbb9937cd67e6bf4172cdb45df',
    blobs: [
      'e57589e7378368377a3c875b7eeb0e7979e2b40eb699302b53a84bb278a61cf4',
      '7d973fba4a671df7ebaab6a756d0e633185b219e93138961e5871734dd105c49',
      '3d3e89965547acc2b4813c775fcd12fb4989178f5a37f8f5fd06dc4c49d259d8',
    ],
  }),
  full({
    tags: ['3.13', '3.13.9', '3.13-trixie', '3.13.9-trixie'],
    version: '3.13.9',
    sha: SHA['3.13.9'],
    gpg: true,
    c: '2026-08-25T03:30:12Z',
    c2: '2026-08-25T03:37:40Z',
    download: 26804211,
  }),
  full({
    tags: ['3.12', '3.12.13', '3.12-trixie', '3.12.13-trixie'],
    version: '3.12.13',
    sha: SHA['3.12.13'],
    gpg: true,
    c: '2026-08-25T03:29:51Z',
    c2: '2026-08-25T03:36:02Z',
    download: 25640927,
  }),
  slim(
    {
      tags: ['3.14-slim', 'slim', '3-slim', '3.14.7-slim', 'slim-trixie', '3.14-slim-trixie'],
      version: '3.14.7',
      sha: SHA['3.14.7'],
      gpg: false,
      c: '2026-08-05T01:04:15Z',
      c2: '2026-08-05T01:13:02Z',
      download: 12803377,
    },
    { created: '2026-08-03T00:00:00Z', epoch: 1785715200, key: 'debian:trixie-slim#20260803' },
  ),
  slim(
    {
      tags: ['3.13-slim', '3.13.9-slim', '3.13-slim-trixie'],
      version: '3.13.9',
      sha: SHA['3.13.9'],
      gpg: true,
      c: '2026-08-05T01:04:15Z',
      c2: '2026-08-05T01:12:51Z',
      download: 12402190,
    },
    { created: '2026-08-03T00:00:00Z', epoch: 1785715200, key: 'debian:trixie-slim#20260803' },
  ),
  // the oracle's python:3.12-slim (its history rows are the oracle's)
  slim(
    {
      tags: ['3.12-slim', '3.12.13-slim', '3.12-slim-trixie', '3.12.13-slim-trixie'],
      version: '3.12.13',
      sha: SHA['3.12.13'],
      gpg: true,
      c: '2026-08-05T01:04:15Z',
      c2: '2026-08-05T01:12:35Z',
      download: 12377301,
    },
    { created: '2026-08-03T00:00:00Z', epoch: 1785715200, key: 'debian:trixie-slim#20260803' },
  ),
  alpine({
    tags: ['alpine', '3-alpine', '3.14-alpine', '3.14.7-alpine', 'alpine3.24', '3.14-alpine3.24'],
    version: '3.14.7',
    sha: SHA['3.14.7'],
    gpg: false,
    c: '2026-09-18T01:10:02Z',
    c2: '2026-09-18T01:19:44Z',
    download: 15630402,
  }),
];
