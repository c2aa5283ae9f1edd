/**
 * hello-world (repo-info repos/hello-world/remote/latest.md, Mar 2026: real digests) and
 * traefik/whoami (not an official image, so not in repo-info: the oracle's specs, from
 * traefik/whoami's buildx.Dockerfile; digests derived, sizes estimated).
 */
import { cmd, copy, entrypoint, expose, PATH, ports, type ImageSpec } from './spec.ts';

export const HELLO_WORLD: ImageSpec[] = [
  {
    repo: 'library/hello-world',
    tags: ['latest', 'linux'],
    id: 'e2ac70e7319a02c5a477f5825259bd118b94e8b02c279c67afa63adab6d8685b',
    digest: '5e23090353324d887c48ad5e5c56d294eab81588df9605b07d1afe895f9cc8f8',
    config: { Env: [PATH], Cmd: ['/hello'] },
    history: [copy('2026-03-23T21:33:59Z', 'hello /'), cmd('2026-03-23T21:33:59Z', ['/hello'])],
    layers: [
      ['hello#20260323', 2415, 10_072, '4f55086f7dd096d48b0e49be066971a8ed996521c2e190aa21b2435a847198b4'],
    ],
  },
];

const c = '2026-07-01T16:30:00Z';
export const WHOAMI: ImageSpec[] = [
  {
    repo: 'traefik/whoami',
    tags: ['latest', 'v1.12', 'v1.12.0'],
    config: { ExposedPorts: ports('80/tcp'), Env: [PATH], Entrypoint: ['/whoami'] },
    history: [
      copy(c, '/usr/share/zoneinfo /usr/share/zoneinfo'),
      copy(c, '/etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/'),
      copy(c, 'whoami /'),
      entrypoint(c, ['/whoami']),
      expose(c, ['80/tcp']),
    ],
    layers: [
      ['zoneinfo#whoami-1.12.0', 148_720, 470_153],
      ['ca-certificates-crt#whoami-1.12.0', 123_482, 220_132],
      ['whoami-bin:1.12.0', 3_104_580, 7_012_504],
    ],
  },
];
