#!/usr/bin/env node
// make-golden28.mjs -- derive test/fidelity/golden28/<name>.txt from golden/<name>.txt.
//
// The golden transcripts were recorded with the docker CLI 28.2.2 against dockerd 20.10.24
// (the only engine these machines have). Where Docker Engine 28 prints something else, the
// edits below rewrite the output of that one command to Docker 28's text; the simulator is
// compared with golden28/<name>.txt when it exists, else with golden/<name>.txt. Scenarios
// without edits get no golden28 file. README.md lists every edit and its authority.
//
// An edit names a command exactly as it appears after "$ " in the transcript, and either
//   sub:    [[RegExp, replacement], ...]  applied to every output line of that command
//           (each pattern must match at least once, so a re-recording that changed the text
//           makes this script fail instead of silently keeping a stale edit), or
//   output: [line, ...]                   the whole output of that command in Docker 28;
// plus, optionally, exit: N (the exit status in Docker 28; 0 removes the "[exit N]" line)
// and nth: K (only the K-th occurrence of the command, counting from 1).
//
// A scenario listed in FROM_PING28 starts from ping28/<name>.txt instead of golden/<name>.txt:
// the same script recorded by record.sh against ping28.mjs, a stub that answers /_ping as
// Engine 28 does, because the CLI's help depends on the daemon's API version and swarm status.
//
// usage: node test/fidelity/make-golden28.mjs   (record.sh runs it after recording)
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

// Docker Engine 28 as pinned by the project's fidelity reference: Engine and CLI v28.5.2,
// API 1.51, minimum API 1.24 (moby api/common.go), CLI git commit ecc6942.
const V28 = '28.5.2';

// Run-time exec failures of the container's command. Engine 28 (libcontainerd/remote/client.go:238)
// prefixes "failed to create task for container: "; runc >= 1.2, which the containerd.io
// packages of Engine 28 ship, reports init errors as "error during container init: "
// (runc libcontainer/process_linux.go); a directory fails with EISDIR under Go >= 1.20
// (os/exec lp_unix.go) and the daemon appends ": permission denied" to it
// (moby daemon/errors.go:146-155). Real Engine 28.0.4 output: Freika/dawarich#1110.
const RUN_EXEC = [
  /Error response from daemon: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: /,
  'Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: ',
];
const IS_A_DIRECTORY = [
  /exec: "([^"]+)": permission denied: unknown/,
  'exec: "$1": is a directory: unknown: permission denied',
];
const DNS =
  /Error response from daemon: Get "https:\/\/registry-1\.docker\.io\/v2\/": dial tcp: lookup registry-1\.docker\.io on [^ ]+: no such host/;
const pullDenied = (repo) => [
  DNS,
  `Error response from daemon: pull access denied for ${repo}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`,
];
const manifestUnknown = (ref) => [
  DNS,
  `Error response from daemon: manifest for ${ref} not found: manifest unknown: manifest unknown`,
];
const rmRunning = (name) =>
  `Error response from daemon: cannot remove container "${name}": container is running: stop the container before removing or force remove`;
// traefik/whoami echoes the request with Go's Request.Write (app.go), whose request line
// and headers end in CRLF (net/http request.go); the busybox stand-in recorded here prints LF.
const WHOAMI_CRLF = [/^(GET \S+ HTTP\/1\.1|Host: .*|User-Agent: .*)$/, '$1\r'];
const NOT_RUNNING = [/Container ([0-9a-f]{64}) is not running/, 'container $1 is not running'];

export const EDITS = {
  '02-run-errors': [
    {
      cmd: 'docker run --restart sometimes alpine',
      sub: [
        [
          /invalid restart policy 'sometimes'/,
          "invalid restart policy: unknown policy 'sometimes'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'",
        ],
      ],
    },
    { cmd: 'docker run alpine:Latest echo hi', sub: [manifestUnknown('alpine:Latest')] },
    { cmd: 'docker run alpine /etc', sub: [RUN_EXEC, IS_A_DIRECTORY] },
    { cmd: 'docker run alpine /etc/hostname', sub: [RUN_EXEC] },
    { cmd: 'docker run alpine foo', sub: [RUN_EXEC] },
    { cmd: 'docker run alpine nosuchcommand --version', sub: [RUN_EXEC] },
    { cmd: 'docker run --entrypoint /nope alpine', sub: [RUN_EXEC] },
  ],
  '04-ps': [
    {
      cmd: 'docker ps --filter status=bogus',
      sub: [
        [
          /Invalid filter 'status=bogus'/,
          "invalid filter 'status=bogus': invalid value for state (bogus): must be one of created, running, paused, restarting, removing, exited, dead",
        ],
      ],
    },
    { cmd: 'docker ps --filter foo=bar', sub: [[/Invalid filter 'foo'/, "invalid filter 'foo'"]] },
  ],
  '07-lifecycle-errors': [
    { cmd: 'docker kill nothere', sub: [[/Cannot kill container: /, 'cannot kill container: ']] },
    { cmd: 'docker rm web', nth: 1, output: [rmRunning('web')] },
    { cmd: 'docker rm web db', output: [rmRunning('web'), rmRunning('db')] },
    {
      cmd: 'docker kill done',
      sub: [
        [
          /Cannot kill container: done: Container ([0-9a-f]{64}) is not running/,
          'cannot kill container: done: container $1 is not running',
        ],
      ],
    },
    { cmd: 'docker pause done', sub: [NOT_RUNNING] },
    {
      cmd: 'docker rm web',
      nth: 2,
      output: [
        'Error response from daemon: cannot remove container "web": container is paused and must be unpaused first',
      ],
    },
  ],
  '10-exec': [
    {
      cmd: 'docker exec box foo',
      sub: [[/exec: "foo": executable file not found in \$PATH: unknown/, '$&']],
      exit: 127,
    },
    { cmd: 'docker exec box /etc', sub: [IS_A_DIRECTORY] },
    { cmd: 'docker exec stopped ls', sub: [NOT_RUNNING] },
  ],
  '11-inspect-format': [
    {
      cmd: "docker inspect -f '{{.HostConfig.RestartPolicy.Name}} {{.HostConfig.AutoRemove}} {{.HostConfig.NetworkMode}}' web",
      sub: [[/^no false default$/, 'no false bridge']],
    },
  ],
  '12-inspect-objects': [
    {
      cmd: 'docker image inspect nothere',
      sub: [[/no such image: nothere: No such image: nothere:latest/, 'No such image: nothere:latest']],
    },
    {
      cmd: "docker inspect --type image -f '{{.Id}}' appnet",
      sub: [[/no such image: appnet: No such image: appnet:latest/, 'No such image: appnet:latest']],
    },
  ],
  '13-ports-http': [
    { cmd: "curl -s localhost:8083 | grep -E '^(Hostname|GET|Host|User-Agent)'", sub: [WHOAMI_CRLF] },
    {
      cmd: 'docker run -d --name web2 -p 8080:80 nginx',
      sub: [
        [
          /daemon: driver failed programming/,
          'daemon: failed to set up container networking: driver failed programming',
        ],
      ],
    },
    {
      cmd: 'docker start web2',
      sub: [
        [
          /daemon: driver failed programming/,
          'daemon: failed to set up container networking: driver failed programming',
        ],
      ],
    },
  ],
  '14-images-list': [
    { cmd: 'docker images --filter bogus=1', sub: [[/Invalid filter 'bogus'/, "invalid filter 'bogus'"]] },
  ],
  '16-images-history-prune-pull': [
    { cmd: 'docker pull nosuchimage', sub: [pullDenied('nosuchimage')] },
    { cmd: 'docker pull nosuchuser/nosuchimage:1.0', sub: [pullDenied('nosuchuser/nosuchimage')] },
    { cmd: 'docker pull alpine:nosuchtag', sub: [manifestUnknown('alpine:nosuchtag')] },
    { cmd: 'docker pull -q nosuchimage', sub: [pullDenied('nosuchimage')] },
    { cmd: 'docker run nosuchimage', sub: [pullDenied('nosuchimage')] },
    { cmd: 'docker run -d nosuchimage:2.0', sub: [pullDenied('nosuchimage')] },
    { cmd: 'docker create nosuchimage', sub: [pullDenied('nosuchimage')] },
  ],
  '18-volumes-anon-bind': [
    // Engine 28 (API >= 1.42) prunes only anonymous volumes unless --all: the named volume
    // "site" survives the first prune, "keep" the second; --all removes both.
    { cmd: "docker volume ls --format '{{.Name}}'", nth: 1, output: ['site'] },
    { cmd: 'docker volume prune -f', output: ['Total reclaimed space: 0B'] },
    { cmd: "docker volume ls --format '{{.Name}}'", nth: 2, output: ['keep', 'site'] },
    { cmd: "docker volume prune --all --force | grep -c -x -E 'keep|site'", output: ['2'], exit: 0 },
    {
      cmd: 'docker volume prune',
      sub: [
        [
          /^WARNING! This will remove all local volumes not used by at least one container\.$/,
          'WARNING! This will remove anonymous local volumes not used by at least one container.',
        ],
      ],
    },
  ],
  '19-networks': [
    {
      cmd: 'docker network create --subnet 10.10.0.0/24 clash',
      sub: [[/daemon: Pool overlaps/, 'daemon: invalid pool request: Pool overlaps']],
    },
    {
      cmd: 'docker network rm mynet',
      nth: 1,
      // Engine 28 names each endpoint as name:"<container>" id:"<endpoint ID, 12 hex>"
      // (libnetwork/network.go:1050-1055); the endpoint ID is not in the recording, so the
      // network's short ID stands in for it (normalize masks both as <ID>).
      sub: [
        [
          /network mynet id ([0-9a-f]{12})[0-9a-f]{52} has active endpoints$/,
          'network mynet has active endpoints (name:"web" id:"$1")',
        ],
      ],
    },
  ],
  '20-network-dns': [
    {
      cmd: "docker run --rm --network appnet alpine wget -qO- http://who | grep -E '^(GET |Host:)'",
      sub: [WHOAMI_CRLF],
    },
    {
      cmd: "docker run --rm --network appnet alpine wget -qO- http://api | grep -E '^(GET |Host:)'",
      sub: [WHOAMI_CRLF],
    },
    { cmd: "docker inspect -f '{{.HostConfig.NetworkMode}}' oldweb", sub: [[/^default$/, 'bridge']] },
    {
      // Engine 28 creates the container without checking the network (daemon/create.go
      // validateNetworkingConfig: "might not exist when the container is created") and
      // fails at start (daemon/start_linux.go:38).
      cmd: 'docker run --rm --network nothere alpine true',
      sub: [
        [
          /daemon: network nothere not found/,
          'daemon: failed to set up container networking: network nothere not found',
        ],
      ],
    },
  ],
  '22-system': [
    { cmd: 'docker --version', output: [`Docker version ${V28}, build ecc6942`] },
    { cmd: "docker version --format '{{.Client.Version}}'", output: [V28] },
    { cmd: "docker version --format '{{.Server.Version}}'", output: [V28] },
    {
      cmd: "docker version --format 'client API {{.Client.APIVersion}}, server API {{.Server.APIVersion}} (min {{.Server.MinAPIVersion}})'",
      output: ['client API 1.51, server API 1.51 (min 1.24)'],
    },
    { cmd: "docker info --format '{{.ServerVersion}}'", output: [V28] },
    {
      cmd: `docker events --since "$(docker inspect -f '{{.Created}}' evmark)" --until 0s --filter container=evtest --filter event=die`,
      sub: [
        [
          / \(exitCode=2, image=alpine, name=evtest\)$/,
          ' (execDuration=0, exitCode=2, image=alpine, name=evtest)',
        ],
      ],
    },
  ],
  '24-cli-help': [
    {
      cmd: 'docker --help',
      sub: [
        [
          /^ {2}-H, --host list {10}Daemon socket to connect to$/,
          '  -H, --host string        Daemon socket to connect to',
        ],
      ],
    },
  ],
  '25-restart-policies': [
    { cmd: 'docker rm web', output: [rmRunning('web')] },
    {
      cmd: 'docker run -d --restart always:3 alpine true',
      sub: [
        [
          /maximum retry count cannot be used with restart policy 'always'/,
          "invalid restart policy: maximum retry count can only be used with 'on-failure'",
        ],
      ],
    },
    {
      cmd: 'docker run -d --restart never alpine true',
      sub: [
        [
          /invalid restart policy 'never'/,
          "invalid restart policy: unknown policy 'never'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'",
        ],
      ],
    },
  ],
  '26-container-tools': [{ cmd: 'docker top stopped', sub: [NOT_RUNNING] }],
  '27-cli-flag-forms': [{ cmd: 'docker run --rm alpine -- echo hi', sub: [RUN_EXEC] }],
};

export const FROM_PING28 = ['24-cli-help'];

/** Split a transcript into blocks: { cmd, out: [lines without the exit line], exit }. */
export function parseTranscript(text) {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const blocks = [];
  for (const line of lines) {
    if (line.startsWith('$ ')) blocks.push({ cmd: line.slice(2), out: [], exit: 0 });
    else if (!blocks.length) throw new Error(`output before the first command: ${line}`);
    else {
      const m = /^\[exit (\d+)\]$/.exec(line);
      if (m) blocks[blocks.length - 1].exit = Number(m[1]);
      else blocks[blocks.length - 1].out.push(line);
    }
  }
  return blocks;
}

export function formatTranscript(blocks) {
  let s = '';
  for (const b of blocks) {
    s += `$ ${b.cmd}\n`;
    for (const l of b.out) s += `${l}\n`;
    if (b.exit) s += `[exit ${b.exit}]\n`;
  }
  return s;
}

/** Apply the edits of one scenario to its golden transcript; throws on a stale edit. */
export function applyEdits(name, text, edits) {
  const blocks = parseTranscript(text);
  for (const e of edits) {
    const hits = blocks.filter((b) => b.cmd === e.cmd);
    const targets = e.nth ? hits.slice(e.nth - 1, e.nth) : hits;
    if (!targets.length)
      throw new Error(`${name}: no command "${e.cmd}"${e.nth ? ` (occurrence ${e.nth})` : ''}`);
    for (const b of targets) {
      if (e.output) b.out = [...e.output];
      for (const [re, rep] of e.sub ?? []) {
        const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
        if (!b.out.some((l) => new RegExp(re.source, re.flags.replace('g', '')).test(l)))
          throw new Error(`${name}: "${e.cmd}": nothing matches ${re}`);
        b.out = b.out.map((l) => l.replace(g, rep));
      }
      if (e.exit !== undefined) b.exit = e.exit;
    }
  }
  return formatTranscript(blocks);
}

if (process.argv[1] && import.meta.url === `file://${process.argv[1]}`) {
  const goldenDir = join(here, 'golden');
  const outDir = join(here, 'golden28');
  mkdirSync(outDir, { recursive: true });
  for (const f of readdirSync(outDir)) if (f.endsWith('.txt')) rmSync(join(outDir, f));
  for (const [name, edits] of Object.entries(EDITS)) {
    const golden = join(goldenDir, `${name}.txt`);
    const src = FROM_PING28.includes(name) ? join(here, 'ping28', `${name}.txt`) : golden;
    if (!existsSync(src)) throw new Error(`no transcript ${src}`);
    const edited = applyEdits(name, readFileSync(src, 'utf8'), edits);
    if (edited === readFileSync(golden, 'utf8')) throw new Error(`${name}: golden28 would equal golden`);
    writeFileSync(join(outDir, `${name}.txt`), edited);
    console.log(`golden28/${name}.txt (${edits.length} edit${edits.length === 1 ? '' : 's'})`);
  }
}
