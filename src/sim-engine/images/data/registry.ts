/**
 * registry: repo-info repos/registry/remote/latest.md (3.1.1 on alpine 3.23.5, June 2026:
 * real digests). registry:2 is distribution 2.8.3 on alpine 3.18, frozen since 2023; its
 * rows follow distribution/distribution-library-image's Dockerfile of that release, with
 * derived digests and estimated sizes.
 */
import { alpineBase, bk, cmd, copy, entrypoint, expose, ports, run, type ImageSpec } from './spec.ts';
import { PATH } from './spec.ts';

const c3 = '2026-06-22T19:52:54Z';
const c2 = '2023-11-21T21:29:44Z';
const install = (v: string) =>
  `set -eux; \tversion='${v}'; \tapkArch="$(apk --print-arch)"; \tcase "$apkArch" in \t\tx86_64)  arch='amd64';`;

export const REGISTRY: ImageSpec[] = [
  {
    repo: 'library/registry',
    tags: ['latest', '3', '3.1', '3.1.1'],
    id: '1bc3f1a4432290d5ac3341603f15bf99c5b2feb4a9e3195e530aadc66fbcc65e',
    digest: '849b7d29920d060df8091770ede2279c07924ecd29e2a4c029ee0b5ea2ea542b',
    config: {
      ExposedPorts: ports('5000/tcp'),
      Env: [PATH, 'OTEL_TRACES_EXPORTER=none'],
      Entrypoint: ['/entrypoint.sh'],
      Cmd: ['/etc/distribution/config.yml'],
      Volumes: ports('/var/lib/registry'),
    },
    history: [
      ...alpineBase('2026-06-22T19:20:09Z', '3.23.5'),
      bk('2026-06-22T19:52:53Z', 'RUN apk add --no-cache ca-certificates # buildkit', true),
      run(c3, install('3.1.1')),
      copy(c3, './config-example.yml /etc/distribution/config.yml'),
      bk(c3, 'ENV OTEL_TRACES_EXPORTER=none'),
      bk(c3, 'VOLUME [/var/lib/registry]'),
      expose(c3, ['5000/tcp']),
      copy(c3, 'entrypoint.sh /entrypoint.sh'),
      entrypoint(c3, ['/entrypoint.sh']),
      cmd(c3, ['/etc/distribution/config.yml']),
    ],
    layers: [
      [
        'alpine:3.23.5#20260622',
        3844421,
        undefined,
        'e6f31ffc071e5560b82a8685fba8214954e5721e3e49269d00958316edbe89fe',
      ],
      [
        'ca-certificates:alpine#registry-3.1.1',
        245051,
        undefined,
        '47465c9fe4b1438b5f9aed1cf7182de26087f6eda66eb23dce944b763673bbed',
      ],
      [
        'registry-bin:3.1.1',
        16031187,
        undefined,
        '269b60c1a347a7b2501df94ec2391af4c325bb9ef5a0cf5a4e6dd2e87198eb21',
      ],
      ['registry-config:3', 397, 509, 'f90c3e90567750f85e63c5ba884e9ef81f4839ab404a8f3dfd306e661018c6a0'],
      ['registry-entrypoint:3', 213, 155, '8f4e1177a675ecd1759cde12c405d158ff166a809659e4006966a2b1a7c87123'],
    ],
  },
  {
    repo: 'library/registry',
    tags: ['2', '2.8', '2.8.3'],
    config: {
      ExposedPorts: ports('5000/tcp'),
      Env: [PATH],
      Entrypoint: ['/entrypoint.sh'],
      Cmd: ['/etc/docker/registry/config.yml'],
      Volumes: ports('/var/lib/registry'),
    },
    history: [
      ...alpineBase('2023-11-30T23:22:51Z', '3.18.5'),
      bk(c2, 'RUN apk add --no-cache ca-certificates # buildkit', true),
      run(c2, install('2.8.3')),
      copy(c2, './config-example.yml /etc/docker/registry/config.yml'),
      bk(c2, 'VOLUME [/var/lib/registry]'),
      expose(c2, ['5000/tcp']),
      copy(c2, 'docker-entrypoint.sh /entrypoint.sh'),
      entrypoint(c2, ['/entrypoint.sh']),
      cmd(c2, ['/etc/docker/registry/config.yml']),
    ],
    layers: [
      ['alpine:3.18.5#20231130', 3401967],
      ['ca-certificates:alpine#registry-2.8.3', 273588],
      ['registry-bin:2.8.3', 6032301],
      ['registry-config:2', 390, 295],
      ['registry-entrypoint:2', 210, 155],
    ],
  },
];
