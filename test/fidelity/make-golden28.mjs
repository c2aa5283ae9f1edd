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
//   output: [line, ...]                   the whole output of that command in Docker 28, or
//   drop:   [line, ...]                   consecutive lines removed from that output (they must
//                                         be there);
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

// ---- docker build (scenarios 28-32) ----------------------------------------------------------
// This machine has no buildx plugin, so the CLI falls back to the legacy builder and prints this
// notice on stderr first (docker/cli v28.5.2 cmd/docker/builder.go:22-24, :127). With buildx
// installed, as on Docker 28, `docker build` is forwarded to `docker buildx build` (builder.go
// :139-146) and the notice is not printed.
const LEGACY_NOTICE = [
  'DEPRECATED: The legacy builder is deprecated and will be removed in a future release.',
  '            Install the buildx component to build images with BuildKit:',
  '            https://docs.docker.com/go/buildx/',
  '',
];
/** A successful `docker build -q`: both builders print only `sha256:<image ID>` on stdout
 *  (buildx v0.29.1 commands/build.go:395-398 getImageID). */
const quietBuild = (cmd) => ({ cmd, drop: LEGACY_NOTICE });
// buildx prints a failed build as the Dockerfile excerpt(s) of the error (buildkit
// solver/errdefs/source.go Source.Print, called from buildx cmd/buildx/main.go) and then
// `ERROR: <err>`, where err is wrapped "failed to build: " (buildx commands/build.go:461) and,
// when BuildKit returned it, "failed to solve: " (buildkit client/solve.go:295); exit status 1.
// In quiet mode the progress display is discarded (progressui QuietMode -> discardDisplay), so
// nothing else is printed; the legacy builder printed its whole step log instead.
/** Source.Print for a one-line range in a Dockerfile that ends with a newline: the line, up to
 *  two lines before it and the (empty) line after the last one. */
const excerpt = (file, lines, at) => {
  const text = [...lines, '']; // strings.Split(data, "\n") of a file ending in "\n"
  let start = at;
  let end = at;
  for (let p = 0; p < 4; p++) {
    if (start > 1) {
      start--;
      p++;
    }
    if (end !== text.length) {
      end++;
      p++;
    }
  }
  const out = [`${file}:${at}`, '--------------------'];
  for (let i = start; i <= end; i++)
    out.push(` ${String(i).padStart(3)} | ${i === at ? '>>>' : '   '} ${text[i - 1]}`);
  out.push('--------------------');
  return out;
};
// docker history cuts CREATED BY to 45 columns, 44 and "…", unless --no-trunc (docker/cli
// cli/command/image/formatter_history.go CreatedBy -> formatter.Ellipsis(…, 45)).
const trunc = (s) => ([...s].length > 45 ? `${[...s].slice(0, 44).join('')}…` : s);
// BuildKit's image history (buildkit v0.25.2 as vendored in moby v28.5.2,
// frontend/dockerfile/dockerfile2llb/convert.go): every entry has the comment
// "buildkit.dockerfile.v0" (convert.go:53); an instruction that makes a layer (RUN, COPY, ADD)
// gets " # buildkit" appended (commitToHistory, :1981-1992); RUN is "RUN " + build args as
// "|N K=V…" + the command with its shell (runCommandString :1959-1979); COPY is "COPY" +
// --chown/--chmod + the sources and destination as written, without --from (:1478-1497, :1690);
// WORKDIR other than / makes a layer but no "# buildkit" (:1404-1422); CMD/ENTRYPOINT/
// HEALTHCHECK print their value with %q, VOLUME/SHELL/EXPOSE with %v; ARG records the value it
// got (:1842-1893); ONBUILD adds no history entry (:1755-1758). The legacy builder's entries
// are "/bin/sh -c #(nop) …" with no comment. Rows of the base image are unchanged.
const BK = 'buildkit.dockerfile.v0';
const ALPINE_ROWS = ['CMD ["/bin/sh"]', 'ADD alpine-minirootfs-3.24.2-x86_64.tar.gz / # buildkit'];
/** `docker history --format '{{.CreatedBy}}|{{.Comment}}'` of an image built FROM alpine. */
const bkHistory = (rows, noTrunc = false) =>
  [...rows, ...ALPINE_ROWS].map((r) => `${noTrunc ? r : trunc(r)}|${BK}`);
/** A row of the default `docker history` table: the legacy builder's CREATED BY (matched by
 *  `legacy`, a RegExp source for the cut text) becomes BuildKit's, the comment column gets
 *  buildkit.dockerfile.v0, and the IMAGE column says <missing> except on the first row:
 *  BuildKit images have no parent image, and the daemon fills in IDs by walking the parent
 *  chain (moby v28.5.2 daemon/images/image_history.go:58-77; the BuildKit exporter,
 *  builder/builder-next/exporter/mobyexporter/export.go, stores a config with no parent). */
const historyRow = (legacy, bk, top = false) => [
  new RegExp(`^([0-9a-f]{12})(\\s+\\S.*?\\s{3,})(${legacy})(\\s+)(\\S+)(\\s*)$`),
  (m, id, created, cell, sp, size, trail) =>
    `${top ? id : '<missing>   '}${created}${trunc(bk).padEnd(cell.length + sp.length)}${size}${trail}${BK}`,
];
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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
  '28-build-basics': [
    quietBuild('docker build -q -t hello ./app'),
    {
      cmd: 'docker history hello',
      sub: [
        historyRow(esc(trunc('/bin/sh -c #(nop)  CMD ["cat" "hello.txt"]')), 'CMD ["cat" "hello.txt"]', true),
        historyRow(
          esc('/bin/sh -c echo built > built.txt'),
          'RUN /bin/sh -c echo built > built.txt # buildkit',
        ),
        historyRow(
          esc('/bin/sh -c #(nop) COPY --chown=1000:1000file') + '…',
          'COPY --chown=1000:1000 owned.txt /data/ # buildkit',
        ),
        historyRow(esc('/bin/sh -c #(nop) COPY multi:') + '[0-9a-f]+…', 'COPY *.md docs/ # buildkit'),
        historyRow(esc('/bin/sh -c #(nop) COPY dir:') + '[0-9a-f]+…', 'COPY conf ./conf/ # buildkit'),
        historyRow(esc('/bin/sh -c #(nop) COPY file:') + '[0-9a-f]+…', 'COPY hello.txt . # buildkit'),
        historyRow(esc('/bin/sh -c #(nop) WORKDIR /app'), 'WORKDIR /app'),
        historyRow(esc('/bin/sh -c #(nop)  ENV GREETING=hello'), 'ENV GREETING=hello'),
        historyRow(
          esc(trunc('/bin/sh -c #(nop)  LABEL org.opencontainers.image.title=hello version=1.0')),
          'LABEL org.opencontainers.image.title=hello version=1.0',
        ),
        [/^[0-9a-f]{12}(\s.*\sCMD \["\/bin\/sh"\]\s.*buildkit\.dockerfile\.v0)$/, '<missing>   $1'],
      ],
    },
    {
      cmd: "docker history --no-trunc --format '{{.CreatedBy}}|{{.Comment}}' hello",
      output: bkHistory(
        [
          'CMD ["cat" "hello.txt"]',
          'RUN /bin/sh -c echo built > built.txt # buildkit',
          'COPY --chown=1000:1000 owned.txt /data/ # buildkit',
          'COPY *.md docs/ # buildkit',
          'COPY conf ./conf/ # buildkit',
          'COPY hello.txt . # buildkit',
          'WORKDIR /app',
          'ENV GREETING=hello',
          'LABEL org.opencontainers.image.title=hello version=1.0',
        ],
        true,
      ),
    },
    quietBuild('cd app && docker build -q -f other.Dockerfile -t other:1.0 -t other:latest .'),
    {
      cmd: "docker history --format '{{.CreatedBy}}|{{.Comment}}' other",
      output: bkHistory([
        'CMD ["/srv/hello.txt"]',
        'ENTRYPOINT ["cat"]',
        'COPY hello.txt /srv/hello.txt # buildkit',
      ]),
    },
  ],
  '29-build-cache': [
    quietBuild('docker build -q -t cacheapp /tmp/dockyard-cache'),
    quietBuild('docker build -q --no-cache -t cacheapp /tmp/dockyard-cache'),
    quietBuild('docker build -q -t cacheapp:v3 /tmp/dockyard-cache'),
  ],
  '30-build-run-config': [
    // moby v28.5.2 daemon/create.go:351-352 (20.10 capitalised it)
    { cmd: 'docker run --rm c0', sub: [[/No command specified/, 'no command specified']] },
    quietBuild('docker build -q -t cfg ./img'),
    // a stand-in artifact, not a version difference: alpine's own /etc/group puts root in
    // bin, daemon, sys, adm, disk, wheel, floppy, dialout, tape and video (alpine-baselayout
    // `group`); the busybox stand-in recorded here has a shorter /etc/group
    {
      cmd: 'docker exec -u root box id',
      sub: [
        [
          /^uid=0\(root\) gid=0\(root\) groups=0\(root\),1\(bin\),2\(daemon\),10\(wheel\)$/,
          'uid=0(root) gid=0(root) groups=0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel),11(floppy),20(dialout),26(tape),27(video)',
        ],
      ],
    },
    {
      cmd: "docker history --format '{{.CreatedBy}}|{{.Comment}}' cfg",
      output: bkHistory([
        'CMD ["sleep" "60"]',
        `HEALTHCHECK &{["CMD-SHELL" "test -f /tmp/healthy"] "1s" "1s" "0s" "0s" '\\x01'}`,
        'STOPSIGNAL SIGINT',
        'USER nobody',
        'WORKDIR /srv/app',
        'RUN /bin/sh -ec mkdir -p /data && echo kept > /data/file # buildkit',
        'VOLUME [/data]',
        'EXPOSE [80/tcp 8080/udp]',
        'SHELL [/bin/sh -ec]',
        'MAINTAINER Course Team <team@example.com>',
      ]),
    },
    // RUN after VOLUME: the legacy builder runs the step with a volume on /data and its writes
    // there are lost; BuildKit keeps them in the layer (buildkit v0.25.2
    // frontend/dockerfile/docs/reference.md, VOLUME, "Changing the volume from within the
    // Dockerfile"), and docker run copies them into the new anonymous volume.
    { cmd: 'docker exec box ls /data', output: ['file'] },
  ],
  '31-build-errors': [
    {
      // buildx's build command: cli.ExactArgs(1) (buildx v0.29.1 commands/build.go:475) of
      // docker/cli v28.4.0 cli/required.go:85-98, under the plugin root "docker" (cli-plugins/
      // plugin/plugin.go:150-151); printed by buildx cmd/buildx/main.go as "ERROR: %v".
      cmd: 'docker build',
      output: [
        "ERROR: docker: 'docker buildx build' requires 1 argument",
        '',
        'Usage:  docker buildx build [OPTIONS] PATH | URL | -',
        '',
        "Run 'docker buildx build --help' for more information",
      ],
    },
    {
      // buildkit instructions/parse.go:145,166-176 + util/suggest; the location becomes a
      // source excerpt in frontend/dockerfile/builder/build.go:103-109 (wrapSource)
      cmd: 'docker build -q ./typo',
      output: [
        ...excerpt('Dockerfile', ['FROM alpine', 'RUNN echo hi'], 2),
        'ERROR: failed to build: failed to solve: dockerfile parse error on line 2: unknown instruction: RUNN (did you mean RUN?)',
      ],
    },
    {
      // buildkit solver/edge.go:900, solver/llbsolver/ops/opsutils/contenthash.go:59 (the ref is
      // "<daemon ID, a UUID>::<cache record ID>", worker/result.go:26; this one is made up, and
      // normalize masks both parts), cache/contenthash/checksum.go:879
      cmd: 'docker build -q ./nofile',
      output: [
        ...excerpt('Dockerfile', ['FROM alpine', 'COPY nothere.txt /'], 2),
        'ERROR: failed to build: failed to solve: failed to compute cache key: failed to calculate checksum of ref 3f6c1b9e-8d27-4a5e-b0c4-91e2d7a6f318::q8vzx4kd2m7nw1c5hy9t0ljbp: "/nothere.txt": not found',
      ],
    },
    {
      // buildkit solver/llbsolver/ops/exec.go:518, frontend/gateway/pb/exit.go:41; the exit
      // status is buildx's 1, not the step's 3
      cmd: 'docker build -q ./failrun',
      output: [
        ...excerpt('Dockerfile', ['FROM alpine', 'RUN echo before > /before.txt', 'RUN exit 3'], 3),
        'ERROR: failed to build: failed to solve: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3',
      ],
      exit: 1,
    },
    {
      // buildkit frontend/dockerui/config.go:380-395, cache/util/fsutil.go:60-69 (the path in the
      // error is the requested file name)
      cmd: 'docker build -q ./empty',
      output: [
        'ERROR: failed to build: failed to solve: failed to read dockerfile: open Dockerfile: no such file or directory',
      ],
    },
    {
      // buildx v0.29.1 build/opt.go:497
      cmd: 'docker build -q ./nope',
      output: ['ERROR: failed to build: unable to prepare context: path "./nope" not found'],
    },
    {
      // buildx v0.29.1 build/opt.go:218-224 with distribution/reference Parse
      // (ErrNameContainsUppercase); buildx does not validate -t as a flag, so exit 1, not 125
      cmd: 'docker build -q -t Hello ./ok',
      output: ['ERROR: failed to build: invalid tag "Hello": repository name must be lowercase'],
      exit: 1,
    },
    quietBuild('docker build -q -t ok --build-arg UNUSED=1 ./ok'),
    // The legacy builder keeps the image of every step that succeeded and the container of the
    // step that failed; BuildKit runs steps in its own executor (moby v28.5.2
    // builder/builder-next/executor_linux.go), not as daemon containers, and stores only the
    // exported result (mobyexporter/export.go), so a failed build leaves neither.
    {
      cmd: "docker images --format '{{.Repository}}:{{.Tag}}' | sort",
      output: ['alpine:latest', 'ok:latest'],
    },
    { cmd: 'docker ps -a -q | wc -l', output: ['0'] },
  ],
  '32-build-multistage-args-ignore': [
    quietBuild('docker build -q -t multi ./multi'),
    {
      cmd: "docker history --format '{{.CreatedBy}}|{{.Comment}}' multi",
      output: bkHistory(['CMD ["/app/greet.sh"]', 'COPY /src/artifact.txt /src/greet.sh /app/ # buildkit']),
    },
    quietBuild('docker build -q --target build -t multi:build ./multi'),
    // The legacy builder committed the last image of the unused "test" stage and left it
    // untagged; BuildKit builds only the stages the target needs and exports only the target.
    { cmd: 'docker images --filter dangling=true -q | wc -l', output: ['0'] },
    quietBuild('docker build -q -t args1 ./args'),
    quietBuild('docker build -q -t args2 --build-arg VERSION=2.0 --build-arg GREETING=hi ./args'),
    {
      cmd: "docker history --no-trunc --format '{{.CreatedBy}}|{{.Comment}}' args1",
      output: bkHistory(
        [
          'CMD ["cat" "/info.txt"]',
          'RUN |2 VERSION=1.0 GREETING= /bin/sh -c echo "version=$VERSION greeting=${GREETING:-none}" > /info.txt # buildkit',
          'ENV APP_VERSION=1.0',
          'ARG GREETING',
          'ARG VERSION=1.0',
        ],
        true,
      ),
    },
    {
      cmd: "docker history --no-trunc --format '{{.CreatedBy}}|{{.Comment}}' args2",
      output: bkHistory(
        [
          'CMD ["cat" "/info.txt"]',
          'RUN |2 VERSION=2.0 GREETING=hi /bin/sh -c echo "version=$VERSION greeting=${GREETING:-none}" > /info.txt # buildkit',
          'ENV APP_VERSION=2.0',
          'ARG GREETING=hi',
          'ARG VERSION=2.0',
        ],
        true,
      ),
    },
    quietBuild('docker build -q -t args3 --build-arg BASE=busybox ./args'),
    quietBuild('docker build -q -t ign ./ignore'),
  ],
  '33-swarm-init-nodes': [
    // the ENGINE VERSION column is the node's Description.Engine.EngineVersion (the daemon's version)
    { cmd: 'docker node ls', sub: [[/20\.10\.24\+dfsg1$/, V28]] },
    // api/types/filters/errors.go:11-20, parse.go:252-258 (as in 04-ps)
    { cmd: 'docker node ls --filter foo=bar', sub: [[/Invalid filter 'foo'/, "invalid filter 'foo'"]] },
  ],
  // ---- 35-service-basics: services on a one-node swarm ------------------------------------------
  // `docker service create` resolves the image's digest before it creates the service: docker/cli
  // v28.5.2 cli/command/service/create.go:139-142 sets QueryRegistry (API >= 1.30, no
  // --no-resolve-image); content trust is off, so trust.go:18-22 resolves nothing itself. The
  // client (moby v28.5.1 as vendored in docker/cli v28.5.2,
  // vendor/github.com/docker/docker/client/service_create.go) tags the image (:49-51, nginx ->
  // nginx:latest), asks GET /distribution/{name}/json (:52-54, :88-98, :121) and pins the answer
  // (:154-166, nginx:latest@sha256:...); only when that request fails does it add digestWarning
  // (:91, :182-184), which create.go:149-151 prints on stderr. This machine has no registry, so
  // every create here printed the warning and kept the bare tag; a Docker 28 lab reaches the
  // (simulated) Hub, pins the digest and prints no warning. The daemon queries the registry itself
  // only for clients older than API 1.30 (moby v28.5.1 api/server/router/swarm/cluster_routes.go
  // :214-222 -> daemon/cluster/services.go:242-257, its own digestWarning :675-677).
  // Where the pinned image shows: the service's ContainerSpec.Image (inspect, --pretty
  // `Image:` from formatter.go:84/:450-451) and `service ps --no-trunc` (task/formatter.go:104-118
  // strips the digest only when truncating); `service ls` (formatter.go:727-742) and the
  // truncated `service ps` strip it, so those lines are the same. The digest below is made up
  // (normalize masks every sha256 digest).
  '35-service-basics': (() => {
    const NGINX = 'nginx:latest@sha256:' + '4f0e3c1b2a9d8e7f6a5b4c3d2e1f0a9b'.repeat(2);
    const digestWarning = (image) => [
      `image ${image} could not be accessed on a registry to record`,
      `its digest. Each node will access ${image} independently,`,
      'possibly leading to different nodes running different',
      'versions of the image.',
      '',
    ];
    const pinned = (cmd, image) => ({ cmd, drop: digestWarning(image) });
    return [
      pinned('docker service create -d --name web --replicas 3 nginx', 'nginx:latest'),
      pinned('docker service create --name api --replicas 2 nginx', 'nginx:latest'),
      pinned('docker service create -d --name mon --mode global alpine sleep 1000', 'alpine:latest'),
      pinned('docker service create -d --name stuck --constraint node.role==nope nginx', 'nginx:latest'),
      pinned(
        "docker service create -d --name fail --restart-condition none alpine sh -c 'exit 3'",
        'alpine:latest',
      ),
      pinned(
        "docker service create -d --name retry --restart-max-attempts 2 --restart-delay 1s alpine sh -c 'exit 3'",
        'alpine:latest',
      ),
      // the IMAGE column of the untruncated table widens to the pinned reference (tabwriter padding 3)
      {
        cmd: 'docker service ps --no-trunc web',
        sub: [
          [/^(ID {26}NAME {6})IMAGE {10}/, `$1IMAGE${' '.repeat(NGINX.length + 3 - 'IMAGE'.length)}`],
          [/^(\S{25} {3}web\.\d {5})nginx:latest {3}/, `$1${NGINX}   `],
        ],
      },
      {
        cmd: "docker service inspect web --format '{{.Spec.Name}} {{.Spec.TaskTemplate.ContainerSpec.Image}} {{.Spec.TaskTemplate.RestartPolicy.Condition}} {{.Spec.EndpointSpec.Mode}}'",
        sub: [[/^web nginx:latest any vip$/, `web ${NGINX} any vip`]],
      },
      {
        cmd: 'docker service inspect --pretty web',
        sub: [[/^ Image:\t\tnginx:latest$/, ` Image:\t\t${NGINX}`]],
      },
    ];
  })(),
  // ---- 36-service-update-rollback, 37-swarm-networking: updates and networking on a one-node swarm --
  // The digest warning, as in 35: `service create` and `service update --image` (docker/cli v28.5.2
  // cli/command/service/update.go:213-219 sets QueryRegistry when --image changed; the vendored client's
  // service_update.go:48-56 tags the image and resolves its digest as service_create.go does, adding the
  // warning only when the registry lookup fails, :84-85; update.go:267-269 prints it) print no warning on
  // a Docker 28 machine that reaches the registry, and the service's ContainerSpec.Image is pinned.
  '36-service-update-rollback': (() => {
    const digest = (hex) => `@sha256:${hex.repeat(8)}`; // made up (normalize masks digests)
    const NGINX117 = `nginx:1.17${digest('2dba7210')}`;
    const NGINX = `nginx:latest${digest('5a88c9c4')}`;
    const warning = (image) => [
      `image ${image} could not be accessed on a registry to record`,
      `its digest. Each node will access ${image} independently,`,
      'possibly leading to different nodes running different',
      'versions of the image.',
      '',
    ];
    const pinned = (cmd, image) => ({ cmd, drop: warning(image) });
    return [
      pinned('docker service create -d --name web --replicas 4 nginx:1.17', 'nginx:1.17'),
      pinned('docker service update --image nginx:latest web', 'nginx:latest'),
      pinned(
        'docker service update -d --update-parallelism 2 --update-delay 10s --image nginx:1.17 web',
        'nginx:1.17',
      ),
      pinned(
        'docker service create -d --name bad --replicas 2 --stop-grace-period 1s alpine sleep 1000',
        'alpine:latest',
      ),
      pinned('docker service create -d --name mon --mode global alpine sleep 1000', 'alpine:latest'),
      // Spec and PreviousSpec keep the pinned references (the update kept the created spec as PreviousSpec)
      {
        cmd: "docker service inspect --format '{{.Spec.TaskTemplate.ContainerSpec.Image}} {{.PreviousSpec.TaskTemplate.ContainerSpec.Image}}' web",
        sub: [[/^nginx:latest nginx:1\.17$/, `${NGINX} ${NGINX117}`]],
      },
    ];
  })(),
  '37-swarm-networking': (() => {
    const warning = (image) => [
      `image ${image} could not be accessed on a registry to record`,
      `its digest. Each node will access ${image} independently,`,
      'possibly leading to different nodes running different',
      'versions of the image.',
      '',
    ];
    const pinned = (cmd, image) => ({ cmd, drop: warning(image) });
    return [
      pinned('docker service create -d --name web --replicas 2 --network att nginx', 'nginx:latest'),
      pinned('docker service create -d --name priv --network app alpine sleep 1000', 'alpine:latest'),
      pinned(
        'docker service create -d --name rr --replicas 2 --endpoint-mode dnsrr --network att traefik/whoami',
        'traefik/whoami:latest',
      ),
      pinned(
        'docker service create -d --name who --replicas 3 -p 8080:80 traefik/whoami',
        'traefik/whoami:latest',
      ),
      pinned(
        'docker service create -d --name hostmode --publish mode=host,published=8081,target=80 traefik/whoami',
        'traefik/whoami:latest',
      ),
      // moby v28.5.1 daemon/network.go:354 validates the IPAM config of every network, swarm-scoped ones
      // included (before the ManagerRedirectError), with api/types/network/ipam.go:34-75 ValidateIPAM;
      // the API route (network_routes.go postNetworkCreate) returns that error as it is
      {
        cmd: 'docker network create -d overlay --subnet 10.10.0.0/33 badsub',
        output: [
          'Error response from daemon: invalid network config:',
          'invalid subnet 10.10.0.0/33: invalid CIDR block notation',
        ],
      },
      // the swarm attachment happens when the container starts (allocateNetwork), whose errors Engine 28
      // wraps: moby v28.5.1 daemon/start_linux.go:38, container_operations.go:41 (as in 13 and 20)
      ...[
        `docker run --rm --network "$(docker network inspect -f '{{.Id}}' app)" alpine true`,
        'docker run --rm --network app alpine true',
      ].map((cmd) => ({
        cmd,
        sub: [
          [
            /^docker: Error response from daemon: Could not attach/,
            'docker: Error response from daemon: failed to set up container networking: Could not attach',
          ],
        ],
      })),
      // not a version difference: the recording machine's kernel has no IPVS, so the routing mesh carries
      // no traffic there (../shared/oracle/README.md). Docker's ingress load balancer is an IPVS virtual
      // server with the round-robin scheduler (moby v28.5.1 libnetwork/service_linux.go:106-110), so six
      // connections to the published port reach each of the three tasks twice
      {
        cmd: "for i in 1 2 3 4 5 6; do curl -s localhost:8080 | grep '^Hostname:'; done | sort -u | wc -l",
        sub: [[/^0$/, '3']],
      },
    ];
  })(),
  // ---- 38-secrets-configs: secrets and configs on a one-node swarm -----------------------------
  '38-secrets-configs': (() => {
    // the digest warning and the pinned image, as in 35-37 (docker/cli v28.5.2 create.go:139-151 and
    // the vendored client's service_create.go); the digest is made up (normalize masks digests)
    const ALPINE = 'alpine:latest@sha256:' + '9b1c0d2e3f4a5b6c7d8e9f0a1b2c3d4e'.repeat(2);
    const warning = [
      'image alpine:latest could not be accessed on a registry to record',
      'its digest. Each node will access alpine:latest independently,',
      'possibly leading to different nodes running different',
      'versions of the image.',
      '',
    ];
    return [
      {
        cmd: 'docker service create -d --name app --stop-grace-period 1s -e MODE=demo --secret db_password --secret source=api_key,target=key.txt,uid=100,gid=101,mode=0400 --config source=site.conf,target=/etc/site.conf --config greeting --config source=tmpl,target=/etc/tmpl.txt alpine sleep 1000 | wc -c',
        drop: warning,
      },
      {
        cmd: 'docker service inspect --pretty app',
        sub: [[/^ Image:\t\talpine:latest$/, ` Image:\t\t${ALPINE}`]],
      },
      // the daemon's filter validation: api/types/filters/errors.go:11-20, parse.go:252-258 (as in 04-ps, 33)
      { cmd: 'docker secret ls --filter foo=bar', sub: [[/Invalid filter 'foo'/, "invalid filter 'foo'"]] },
      {
        cmd: 'docker config ls --filter names=greeting',
        sub: [[/Invalid filter 'names'/, "invalid filter 'names'"]],
      },
    ];
  })(),
  // ---- 39-stack-deploy: stacks on a one-node swarm ------------------------------------------------
  // stack deploy asks the registry for every image (docker/cli v28.5.2 stack/swarm/deploy_composefile.go
  // deployServices: QueryRegistry with --resolve-image always). A new service's warning is never printed
  // (the create branch ignores response.Warnings), an updated one's is (:246-248), so on this registry-less
  // machine each redeploy printed one warning per service; a Docker 28 machine that reaches the registry
  // pins the digests and prints none. The pinned image shows nowhere here: `stack services` (service ls
  // formatter) and the truncated task table strip digests, and the scenario prints no ContainerSpec.Image.
  '39-stack-deploy': (() => {
    const warning = (image) => [
      `image ${image} could not be accessed on a registry to record`,
      `its digest. Each node will access ${image} independently,`,
      'possibly leading to different nodes running different',
      'versions of the image.',
      '',
    ];
    const redeploy = 'WEB_TAG=1.18 docker stack deploy -c stack.yml app';
    const prune = 'WEB_TAG=1.18 docker stack deploy --prune -c stack-pruned.yml app';
    return [
      { cmd: redeploy, drop: warning('redis:7') },
      { cmd: redeploy, drop: warning('nginx:1.18') },
      { cmd: redeploy, drop: warning('traefik/whoami:latest') },
      { cmd: prune, drop: warning('nginx:1.18') },
      { cmd: prune, drop: warning('redis:7') },
    ];
  })(),
  // ---- 42-build-legacy-output: the classic builder's stream, without -q ---------------------------
  // Docker 28's classic builder (moby v28.5.2 builder/dockerfile) prints what 20.10's did, but for
  // three texts. containerbackend.go:134 RemoveAll writes " ---> Removed intermediate container <id>"
  // (20.10's :144 wrote "Removing intermediate container <id>"); after a RUN whose stderr ended in
  // the colour reset the line starts right after it, as recorded. The Dockerfile is parsed by the
  // BuildKit parser moby v28.5.2 vendors (buildkit v0.25.2): instructions/parse.go:176 "dockerfile
  // parse error on line N" (v0.8's "line N") with the suggestion of :145 and util/suggest. An unknown
  // --target is builder.go "target stage %q could not be found" (20.10's "failed to reach build
  // target %s in Dockerfile"), an InvalidParameter answered before any output, as recorded.
  '42-build-legacy-output': (() => {
    const removed = [
      // eslint-disable-next-line no-control-regex -- a RUN's red stderr ends in ESC[0m before the line
      /(^|\x1b\[0m)Removing intermediate container ([0-9a-f]{12})$/,
      '$1 ---> Removed intermediate container $2',
    ];
    const b = 'DOCKER_BUILDKIT=0 docker build';
    return [
      { cmd: `${b} -t app app`, nth: 1, sub: [removed] },
      { cmd: `${b} --no-cache -t app app`, sub: [removed] },
      { cmd: `${b} -t multi multi`, sub: [removed] },
      { cmd: `${b} --label stage=test --label course=dockyard -t site site`, sub: [removed] },
      { cmd: `${b} fail`, sub: [removed] },
      {
        cmd: `${b} typo`,
        sub: [
          [
            /dockerfile parse error line 2: unknown instruction: RUNN$/,
            'dockerfile parse error on line 2: unknown instruction: RUNN (did you mean RUN?)',
          ],
        ],
      },
      {
        cmd: `${b} --target nope multi`,
        sub: [[/failed to reach build target nope in Dockerfile$/, 'target stage "nope" could not be found']],
      },
    ];
  })(),
  // ---- 41-inspect-templates: templates on the CLI's Go structs, the objects' JSON keys ----------
  // A task's Volumes (API 1.42): moby v28.5.1 api/types/swarm/task.go:69 declares
  // `Volumes []VolumeAttachment` last and without omitempty, so encoding/json writes
  // `"Volumes": null` after DesiredState; the 20.10 daemon's Task has no such field.
  '41-inspect-templates': [
    {
      cmd: `docker inspect $(docker service ps -q web | head -1) | grep -oE '^ *"[^"]+":' | sed -E 's/^ *"//; s/":$//' | paste -sd' ' -`,
      sub: [[/ DesiredState$/, ' DesiredState Volumes']],
    },
  ],
  // ---- 43-swarm-leave-cleanup: what `rm -f` of a task container and `swarm leave` leave behind -----
  // Only the pinned image differs, as in 35 (docker/cli v28.5.2 create.go:139-151 and the vendored
  // client's service_create.go: no digest warning, ContainerSpec.Image pinned, shown whole by
  // `service ps --no-trunc`, task/formatter.go:104-118).
  '43-swarm-leave-cleanup': (() => {
    const NGINX = 'nginx:latest@sha256:' + '5a88c9c45479443d7be2eadc894b4ed0'.repeat(2); // made up
    const warning = (image) => [
      `image ${image} could not be accessed on a registry to record`,
      `its digest. Each node will access ${image} independently,`,
      'possibly leading to different nodes running different',
      'versions of the image.',
      '',
    ];
    const pinned = (cmd, image) => ({ cmd, drop: warning(image) });
    return [
      pinned('docker service create --name web --replicas 2 nginx > /dev/null', 'nginx:latest'),
      pinned(
        'docker service create -d --name left --replicas 2 --network app alpine sleep 1000 > /dev/null',
        'alpine:latest',
      ),
      pinned(
        "docker service create -d --name fail --restart-condition none alpine sh -c 'exit 3' > /dev/null",
        'alpine:latest',
      ),
      // the IMAGE column widens to the pinned reference (tabwriter padding 3), history rows too
      {
        cmd: 'docker service ps --no-trunc web',
        sub: [
          [/^(ID +NAME +)IMAGE {10}(?=NODE)/, `$1IMAGE${' '.repeat(NGINX.length + 3 - 'IMAGE'.length)}`],
          [/^(\S{25} {3}(?: \\_ )?web\.\d +)nginx:latest {3}/, `$1${NGINX}   `],
        ],
      },
    ];
  })(),
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
      if (e.drop) {
        const at = b.out.findIndex((_, i) => e.drop.every((l, j) => b.out[i + j] === l));
        if (at < 0) throw new Error(`${name}: "${e.cmd}": the lines to drop are not there`);
        b.out.splice(at, e.drop.length);
      }
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
