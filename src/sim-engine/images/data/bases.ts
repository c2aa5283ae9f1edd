/**
 * The base images: alpine, busybox, debian, ubuntu. Sources: repo-info
 * repos/<name>/remote/<tag>.md (alpine latest/3.23, debian latest: real digests and
 * sizes), the oracle's specs (busybox, ubuntu 24.04 and 26.04 rows). Other tags follow
 * the same build recipes (alpinelinux/docker-alpine, debuerreotype, Canonical's
 * builds) with their versions, derived digests and estimated sizes.
 */
import { alpineBase, debianBase, lg, PATH, type ImageSpec, type LayerSpec } from './spec.ts';

function alpine(
  tags: string[],
  version: string,
  created: string,
  layer: LayerSpec,
  id?: string,
  digest?: string,
): ImageSpec {
  return {
    repo: 'library/alpine',
    tags,
    ...(id ? { id, digest: digest! } : {}),
    config: { Env: [PATH], Cmd: ['/bin/sh'] },
    history: alpineBase(created, version),
    layers: [layer],
  };
}

const sep17 = '2026-09-17T20:37:20Z';

export const ALPINE: ImageSpec[] = [
  alpine(
    ['latest', '3', '3.24', '3.24.2'],
    '3.24.2',
    sep17,
    [
      'alpine:3.24.2#20260917',
      3849738,
      8_654_336,
      'e2de96513ba9eb53b431787ec8a65cdde380ac4772a3e4c4b714dcfde2a102b5',
    ],
    '320994c3b997e2ec6433f717f153e108023c5bec8fefa8d76b83451d16d05ea8',
    '5b02b42e375f7426f8d65c3af331ca05d9878f9989230354504e0b9dfd431f60',
  ),
  alpine(
    ['3.23', '3.23.6'],
    '3.23.6',
    '2026-09-17T20:37:33Z',
    [
      'alpine:3.23.6#20260917',
      3848507,
      8_650_752,
      'd0c1d894c237d8192cbcd37e435031ad4eddec173299568a5a05869c2e40dfa3',
    ],
    'f6d31b983274a75183386cda3aac54849498fac0fc3e0d98f92ff56ed517d92b',
    '075c2c1a4068c1e251228ca2b0ea8b163f835ca5d66e758b93c7fc89b1995616',
  ),
  alpine(['3.22', '3.22.6'], '3.22.6', '2026-09-17T20:37:41Z', [
    'alpine:3.22.6#20260917',
    3802944,
    8_491_008,
  ]),
  alpine(['3.21', '3.21.8'], '3.21.8', '2026-09-17T20:37:49Z', [
    'alpine:3.21.8#20260917',
    3644310,
    8_261_632,
  ]),
  // dropped from the official library in 2026; the oracle's date is approximate
  alpine(['3.20', '3.20.10'], '3.20.10', '2026-01-28T00:00:00Z', [
    'alpine:3.20.10#20260128',
    3626898,
    8_220_672,
  ]),
];

// busybox: docker-library/busybox builds the rootfs outside Docker; one history row.
function busybox(
  tags: string[],
  libc: 'glibc' | 'musl' | 'uclibc',
  version: string,
  created: string,
  download: number,
  size: number,
): ImageSpec {
  const by = libc === 'glibc' ? 'Debian 13' : libc === 'musl' ? 'Alpine 3.24.2' : 'Buildroot 2026.02';
  return {
    repo: 'library/busybox',
    tags,
    config: { Env: [PATH], Cmd: ['sh'] },
    history: [{ created, created_by: `BusyBox ${version} (${libc}), ${by}` }],
    layers: [[`busybox:${version}:${libc}`, download, size]],
  };
}

export const BUSYBOX: ImageSpec[] = [
  busybox(
    [
      'latest',
      '1',
      '1.38',
      '1.38.0',
      'stable',
      'glibc',
      '1-glibc',
      '1.38-glibc',
      '1.38.0-glibc',
      'stable-glibc',
    ],
    'glibc',
    '1.38.0',
    '2026-05-13T02:21:49Z',
    2_180_412,
    4_430_848,
  ),
  busybox(
    ['musl', '1-musl', '1.38-musl', '1.38.0-musl', 'stable-musl'],
    'musl',
    '1.38.0',
    '2026-05-13T02:21:49Z',
    899_108,
    1_575_936,
  ),
  busybox(
    ['uclibc', '1-uclibc', '1.38-uclibc', '1.38.0-uclibc', 'stable-uclibc'],
    'uclibc',
    '1.38.0',
    '2026-05-13T02:21:49Z',
    968_412,
    1_871_872,
  ),
  busybox(
    ['1.37', '1.37.0', '1.37-glibc', '1.37.0-glibc'],
    'glibc',
    '1.37.0',
    '2026-05-13T02:21:49Z',
    2_160_330,
    4_419_584,
  ),
  busybox(['1.37-musl', '1.37.0-musl'], 'musl', '1.37.0', '2026-05-13T02:21:49Z', 897_600, 1_572_864),
  busybox(
    ['1.36', '1.36.1', '1.36-glibc', '1.36.1-glibc'],
    'glibc',
    '1.36.1',
    '2024-09-26T21:31:42Z',
    2_153_302,
    4_261_888,
  ),
];

function debian(
  tags: string[],
  suite: string,
  created: string,
  epoch: number,
  layer: LayerSpec,
  id?: string,
  digest?: string,
): ImageSpec {
  return {
    repo: 'library/debian',
    tags,
    ...(id ? { id, digest: digest! } : {}),
    config: { Env: [PATH], Cmd: ['bash'] },
    history: [debianBase(created, suite, epoch)],
    layers: [layer],
  };
}

export const DEBIAN: ImageSpec[] = [
  debian(
    ['latest', 'trixie', '13', '13.4', 'trixie-20260803'],
    'trixie',
    '2026-08-03T00:00:00Z',
    1785715200,
    [
      'debian:trixie#20260803',
      49312314,
      120_264_704,
      '1da3cb2f93f2ca3c5bdaf4c024a7f1ebd717938d20c858e4be4b9aa81fc8608c',
    ],
    '826a5616954ee645ca5c165d4c8c960d4d8d444347838cf7bdc1ac555385358b',
    '34cd9e9fd437c0a095ec39cb2e73422c9f30821b0d0848ed74fd0d43bae4d958',
  ),
  debian(
    ['trixie-slim', '13-slim', '13.4-slim', 'stable-slim'],
    'trixie',
    '2026-09-18T00:00:00Z',
    1789689600,
    ['debian:trixie-slim#20260918', 29781262, 78_757_888],
  ),
  debian(['bookworm', '12', '12.13', 'oldstable'], 'bookworm', '2026-09-18T00:00:00Z', 1789689600, [
    'debian:bookworm#20260918',
    48494240,
    116_989_952,
  ]),
  debian(
    ['bookworm-slim', '12-slim', '12.13-slim', 'oldstable-slim'],
    'bookworm',
    '2026-09-18T00:00:00Z',
    1789689600,
    ['debian:bookworm-slim#20260918', 28230511, 74_817_536],
  ),
];

const R = '/home/buildd/rockcraft-ubuntu-cb40fbba9124333e0158d7876ea798fa/images';
const RESOLUTE_CREATED = '2026-07-24T12:48:28.650696+00:00';
const DESC =
  "The Ubuntu container image maintained by Canonical\n\nUbuntu is a Debian-based Linux operating system that runs from the desktop to the cloud, to all your internet connected things.\nIt is the world's most popular operating system across public clouds and OpenStack clouds.\nIt is the number one platform for containers; from Docker to Kubernetes to LXD, Ubuntu can run your containers at scale.\nFast, secure and simple, Ubuntu powers millions of PCs worldwide.\n";

function legacyUbuntu(
  tags: string[],
  version: string,
  c0: string,
  c: string,
  addFile: string,
  layer: LayerSpec,
): ImageSpec {
  return {
    repo: 'library/ubuntu',
    tags,
    dockerVersion: '26.1.3',
    config: { Env: [PATH], Cmd: ['/bin/bash'], Labels: { 'org.opencontainers.image.version': version } },
    history: [
      lg(c0, '/bin/sh -c #(nop)  ARG RELEASE'),
      lg(c0, '/bin/sh -c #(nop)  ARG LAUNCHPAD_BUILD_ARCH'),
      lg(c0, `/bin/sh -c #(nop)  LABEL org.opencontainers.image.version=${version}`),
      lg(
        c,
        `/bin/sh -c #(nop) ADD ${addFile.startsWith('@') ? `@file:${addFile.slice(1)}` : `file:${addFile}`} in / `,
        true,
      ),
      lg(c, '/bin/sh -c #(nop)  CMD ["/bin/bash"]'),
    ],
    layers: [layer],
  };
}

const u = (c: string, s: string, layer = false) => ({
  created: c,
  created_by: s,
  ...(layer ? {} : { empty_layer: true }),
});

export const UBUNTU: ImageSpec[] = [
  {
    repo: 'library/ubuntu',
    tags: ['latest', '26.04', 'resolute', 'resolute-20260724', 'rolling'],
    config: {
      Env: [PATH],
      Cmd: ['/bin/bash'],
      Labels: {
        'org.opencontainers.image.created': RESOLUTE_CREATED,
        'org.opencontainers.image.description': DESC,
        'org.opencontainers.image.title': 'ubuntu',
        'org.opencontainers.image.version': '26.04',
      },
    },
    history: [
      u(
        '2026-07-24T12:48:27Z',
        `umoci raw add-layer --image ${R}/ubuntu:rockcraft-base ${R}/.temp_layer.9094.tar --tag 26.04`,
        true,
      ),
      u(
        '2026-07-24T12:48:28Z',
        `umoci config --image ${R}/ubuntu:26.04 --clear=config.entrypoint --clear=config.cmd`,
      ),
      u(
        '2026-07-24T12:48:28Z',
        `umoci config --image ${R}/ubuntu:26.04 --clear=config.cmd --config.cmd /bin/bash`,
      ),
      u('2026-07-24T12:48:28Z', `umoci config --image ${R}/ubuntu:26.04 --config.env ${PATH}`),
      u(
        '2026-07-24T12:48:28Z',
        `umoci config --image ${R}/ubuntu:26.04 --clear=config.labels --config.label org.opencontainers.image.version=26.04 --config.label org.opencontainers.image.title=ubuntu --config.label org.opencontainers.image.created=${RESOLUTE_CREATED} --config.label org.opencontainers.image.description=${DESC}`,
      ),
      u(
        '2026-07-24T12:48:28Z',
        `umoci config --image ${R}/ubuntu:26.04 --clear=manifest.annotations --manifest.annotation org.opencontainers.image.version=26.04 --manifest.annotation org.opencontainers.image.title=ubuntu --manifest.annotation org.opencontainers.image.created=${RESOLUTE_CREATED} --manifest.annotation org.opencontainers.image.description=${DESC}`,
      ),
      u(
        '2026-07-24T12:48:28Z',
        `umoci raw add-layer --image ${R}/ubuntu:26.04 ${R}/.temp_layer.control_data.9094.tar`,
        true,
      ),
    ],
    layers: [
      ['ubuntu:26.04#20260724', 30_412_806, 82_915_328],
      ['ubuntu-control-data:26.04#20260724', 93, 0],
    ],
  },
  legacyUbuntu(
    ['24.04', 'noble', 'noble-20260911'],
    '24.04',
    '2026-09-11T11:44:03Z',
    '2026-09-11T11:44:06Z',
    '43d479b270bbaf47965cfc86b37f4c517bda83ddefda6f708f98c3b2b7d15396',
    ['ubuntu:24.04#20260911', 29_741_020, 78_118_912],
  ),
  legacyUbuntu(
    ['22.04', 'jammy', 'jammy-20260911'],
    '22.04',
    '2026-09-11T11:43:27Z',
    '2026-09-11T11:43:30Z',
    '@jammy-20260911',
    ['ubuntu:22.04#20260911', 29_537_870, 77_873_152],
  ),
];
