#!/usr/bin/env node
// make-golden28.mjs -- derive test/fidelity/multi/golden28/<name>.txt from golden/<name>.txt.
//
// The multi-node transcripts were recorded on the shared oracle's lab: three real dockerd
// 20.10.24 (node1..node3) driven by the docker CLI 28.2.2, on a kernel without IPVS. Where
// Docker Engine 28 prints something else, or where a machine with IPVS (every Docker host
// the course means) answers otherwise, the edits below rewrite that command's output; the
// format of an edit and the rules (a stale edit fails) are those of ../make-golden28.mjs,
// whose applyEdits this script uses. ../README.md lists every edit and its authority.
//
// usage: node test/fidelity/multi/make-golden28.mjs   (record.sh runs it after recording)
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyEdits } from '../make-golden28.mjs';

const here = dirname(fileURLToPath(import.meta.url));

// Docker Engine 28 as pinned by the project's fidelity reference (v28.5.2).
const V28 = '28.5.2';

// `docker service create` and `service update --image` resolve the image's digest through the
// registry and pin it (docker/cli v28.5.2 cli/command/service/create.go:139-142, update.go:213-219;
// the vendored client's service_create.go:52-54/:154-166 and service_update.go:48-56); only when
// the registry cannot be reached do they print this warning and keep the bare tag (create.go:149-151,
// update.go:267-269). The lab has no registry; a Docker 28 machine that reaches it prints no warning
// and its ContainerSpec.Image carries the digest (as in ../make-golden28.mjs, scenarios 35-37).
const warning = (image) => [
  `image ${image} could not be accessed on a registry to record`,
  `its digest. Each node will access ${image} independently,`,
  'possibly leading to different nodes running different',
  'versions of the image.',
  '',
];
const pinned = (cmd, image) => ({ cmd, drop: warning(image) });
/** a made-up digest (normalize masks every sha256 digest) */
const digest = (hex) => `@sha256:${hex.repeat(8)}`;

// No IPVS on the recording kernel (../../shared/oracle/README.md, "What differs from Docker 28"):
// the routing mesh accepts its settings but carries no traffic there, so every connection to an
// ingress-published port got nothing. On a Docker host the ingress network's load balancer is an
// IPVS virtual server on every node, the ones without a task too (moby v28.5.1
// libnetwork/service_linux.go: programIngress :302, the DNAT of the published port into the
// ingress sandbox :424, in every node's iptables; the virtual server's round-robin scheduler
// :109), so each node answers, and successive connections go to the tasks in turn.
const meshAnswers = (cmd, output) => ({ cmd, output, exit: 0 });

// traefik/whoami echoes the request with Go's Request.Write, whose request line and headers end
// in CRLF (net/http request.go); the busybox stand-in recorded here prints LF (as
// ../make-golden28.mjs's WHOAMI_CRLF).
const WHOAMI_CRLF = [/^(GET \S+ HTTP\/1\.1|Host: .*|User-Agent: .*)$/, '$1\r'];

export const EDITS = {
  '01-swarm-of-three': [
    // the ENGINE VERSION column is each node's Description.Engine.EngineVersion (its daemon's version)
    { cmd: 'docker node ls', sub: [[/20\.10\.24\+dfsg1$/, V28]] },
  ],
  '02-service-on-three-nodes': [
    pinned('docker service create --name web --replicas 3 -p 8080:80 nginx:1.17', 'nginx:1.17'),
    pinned('docker service update --image nginx:1.18 web', 'nginx:1.18'),
    pinned(
      'docker service update --image nginx:latest --update-parallelism 2 --update-delay 10s web',
      'nginx:latest',
    ),
    // --pretty's Image: is the pinned ContainerSpec.Image (docker/cli formatter.go:84, :450-451)
    {
      cmd: 'docker service inspect --pretty web',
      sub: [[/^ Image:\t\tnginx:latest$/, ` Image:\t\tnginx:latest${digest('5a88c9c4')}`]],
    },
  ],
  '03-drain-and-node-down': [
    pinned('docker service create -d --name web --replicas 6 nginx:1.17', 'nginx:1.17'),
  ],
  '04-routing-mesh': [
    pinned(
      'docker service create -d --name web --replicas 2 -p 8080:80 traefik/whoami',
      'traefik/whoami:latest',
    ),
    pinned(
      'docker service create -d --name nginx --replicas 1 --constraint node.hostname==node2 -p 8090:80 nginx',
      'nginx:latest',
    ),
    pinned(
      'docker service create -d --name who --mode global --publish mode=host,published=8081,target=80 traefik/whoami',
      'traefik/whoami:latest',
    ),
    pinned(
      'docker service create -d --name one --replicas 1 --constraint node.hostname==node2 --publish mode=host,published=8082,target=80 traefik/whoami',
      'traefik/whoami:latest',
    ),
    pinned(
      'docker service create -d --name two --replicas 1 --constraint node.hostname==node2 --publish mode=host,published=8082,target=80 traefik/whoami',
      'traefik/whoami:latest',
    ),
    // every node's address answers on the published port (node1 and node2 or node3 run the two tasks,
    // the third runs none), and so does localhost on a node
    ...[
      "curl -s --max-time 5 10.99.0.11:8080 | grep -c '^Hostname:'",
      "curl -s --max-time 5 10.99.0.12:8080 | grep -c '^Hostname:'",
      "curl -s --max-time 5 10.99.0.13:8080 | grep -c '^Hostname:'",
      "@node3 curl -s --max-time 5 localhost:8080 | grep -c '^Hostname:'",
    ].map((cmd) => meshAnswers(cmd, ['1'])),
    // round robin over the two tasks: four connections reach each twice
    meshAnswers(
      "for i in 1 2 3 4; do curl -s --max-time 5 10.99.0.13:8080 | grep '^Hostname:'; done | sort -u | wc -l",
      ['2'],
    ),
    // node3 runs no nginx task (the constraint puts it on node2) and answers with nginx's welcome page
    meshAnswers("curl -s --max-time 5 10.99.0.13:8090 | grep '<title>'", [
      '<title>Welcome to nginx!</title>',
    ]),
    { cmd: "@node2 curl -s --max-time 5 10.99.0.13:8081 | grep -E '^(GET|Host:)'", sub: [WHOAMI_CRLF] },
  ],
};

if (process.argv[1] && import.meta.url === `file://${process.argv[1]}`) {
  const goldenDir = join(here, 'golden');
  const outDir = join(here, 'golden28');
  mkdirSync(outDir, { recursive: true });
  for (const f of readdirSync(outDir)) if (f.endsWith('.txt')) rmSync(join(outDir, f));
  for (const [name, edits] of Object.entries(EDITS)) {
    const golden = join(goldenDir, `${name}.txt`);
    if (!existsSync(golden)) throw new Error(`no transcript ${golden}`);
    const edited = applyEdits(name, readFileSync(golden, 'utf8'), edits);
    if (edited === readFileSync(golden, 'utf8')) throw new Error(`${name}: golden28 would equal golden`);
    writeFileSync(join(outDir, `${name}.txt`), edited);
    console.log(`golden28/${name}.txt (${edits.length} edit${edits.length === 1 ? '' : 's'})`);
  }
}
