/**
 * `docker buildx build`, which `docker build`, `docker image build` and `docker
 * builder build` become: Docker 28 forwards them to the buildx plugin before parsing
 * their flags (docker/cli cmd/docker/builder.go; see builder-forward.ts), so this is
 * buildx v0.29's `build` (commands/build.go) with its `docker` driver: the flags, the context read from the host (with
 * .dockerignore applied), the request to the daemon's BuildKit, and the progress,
 * warnings and errors as buildx prints them.
 */
import { formatBuildError, formatWarnings, newProgressWriter } from '../../../builder/progress/index.ts';
import type { BuildErrorInfo, SolveStatus, VertexWarning } from '../../../builder/progress/index.ts';
import { parseDockerignore } from '../../../builder/dockerignore/index.ts';
import { basename, dirname, join, toAbsolute } from '../../../fs/path.ts';
import { parseNormalizedNamed } from '../../../images/reference.ts';
import { type CommandSpec, type RunFn, exactArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { StatusError } from '../../errors.ts';
import { readContext, refuseUnsimulatedContext, utf8Bytes, type TarArchive } from './context.ts';

const hidden = { hidden: true };

export const buildxBuildCommand: CommandSpec = {
  use: 'build [OPTIONS] PATH | URL | -',
  short: 'Start a build',
  args: exactArgs(1),
  aliases: ['b'],
  annotations: {
    aliases: 'docker build, docker builder build, docker image build, docker buildx b',
    'category-top': '4',
  },
  flags: [
    { name: 'add-host', type: 'stringSlice', usage: 'Add a custom host-to-IP mapping (format: "host:ip")' },
    {
      name: 'allow',
      type: 'stringArray',
      usage: 'Allow extra privileged entitlement (e.g., "network.host", "security.insecure", "device")',
    },
    { name: 'annotation', type: 'stringArray', usage: 'Add annotation to the image' },
    {
      name: 'attest',
      type: 'stringArray',
      usage: 'Attestation parameters (format: "type=sbom,generator=image")',
    },
    { name: 'build-arg', type: 'stringArray', usage: 'Set build-time variables' },
    { name: 'build-context', type: 'stringArray', usage: 'Additional build contexts (e.g., name=path)' },
    { name: 'builder', type: 'string', usage: 'Override the configured builder instance' },
    {
      name: 'cache-from',
      type: 'stringArray',
      usage: 'External cache sources (e.g., "user/app:cache", "type=local,src=path/to/dir")',
    },
    {
      name: 'cache-to',
      type: 'stringArray',
      usage: 'Cache export destinations (e.g., "user/app:cache", "type=local,dest=path/to/dir")',
    },
    {
      name: 'call',
      type: 'string',
      usage: 'Set method for evaluating build ("check", "outline", "targets")',
      defValue: 'build',
    },
    {
      name: 'cgroup-parent',
      type: 'string',
      usage: 'Set the parent cgroup for the "RUN" instructions during build',
    },
    { name: 'check', type: 'bool', usage: 'Shorthand for "--call=check"' },
    { name: 'debug', shorthand: 'D', type: 'bool', usage: 'Enable debug logging' },
    {
      name: 'file',
      shorthand: 'f',
      type: 'string',
      usage: 'Name of the Dockerfile (default: "PATH/Dockerfile")',
    },
    { name: 'iidfile', type: 'string', usage: 'Write the image ID to a file' },
    { name: 'label', type: 'stringArray', usage: 'Set metadata for an image' },
    { name: 'load', type: 'bool', usage: 'Shorthand for "--output=type=docker"' },
    { name: 'metadata-file', type: 'string', usage: 'Write build result metadata to a file' },
    {
      name: 'network',
      type: 'string',
      usage: 'Set the networking mode for the "RUN" instructions during build',
      defValue: 'default',
    },
    { name: 'no-cache', type: 'bool', usage: 'Do not use cache when building the image' },
    { name: 'no-cache-filter', type: 'stringArray', usage: 'Do not cache specified stages' },
    {
      name: 'output',
      shorthand: 'o',
      type: 'stringArray',
      usage: 'Output destination (format: "type=local,dest=path")',
    },
    { name: 'platform', type: 'stringArray', usage: 'Set target platform for build' },
    {
      name: 'progress',
      type: 'string',
      usage:
        'Set type of progress output ("auto", "none",  "plain", "quiet", "rawjson", "tty"). Use plain to show container output',
      defValue: 'auto',
    },
    { name: 'provenance', type: 'string', usage: 'Shorthand for "--attest=type=provenance"' },
    { name: 'pull', type: 'bool', usage: 'Always attempt to pull all referenced images' },
    { name: 'push', type: 'bool', usage: 'Shorthand for "--output=type=registry"' },
    {
      name: 'quiet',
      shorthand: 'q',
      type: 'bool',
      usage: 'Suppress the build output and print image ID on success',
    },
    { name: 'sbom', type: 'string', usage: 'Shorthand for "--attest=type=sbom"' },
    {
      name: 'secret',
      type: 'stringArray',
      usage: 'Secret to expose to the build (format: "id=mysecret[,src=/local/secret]")',
    },
    { name: 'shm-size', type: 'string', usage: 'Shared memory size for build containers', defValue: '0' },
    {
      name: 'ssh',
      type: 'stringArray',
      usage:
        'SSH agent socket or keys to expose to the build (format: "default|<id>[=<socket>|<key>[,<key>]]")',
    },
    {
      name: 'tag',
      shorthand: 't',
      type: 'stringArray',
      usage: 'Name and optionally a tag (format: "name:tag")',
    },
    { name: 'target', type: 'string', usage: 'Set the target build stage to build' },
    { name: 'ulimit', type: 'string', usage: 'Ulimit options', defValue: '[]' },
    // the legacy builder's flags, accepted and ignored (hidden, as buildx has them)
    { name: 'compress', type: 'bool', usage: 'Compress the build context using gzip', ...hidden },
    { name: 'isolation', type: 'string', usage: 'Container isolation technology', ...hidden },
    { name: 'security-opt', type: 'stringSlice', usage: 'Security options', ...hidden },
    { name: 'squash', type: 'bool', usage: 'Squash newly built layers into a single new layer', ...hidden },
    { name: 'memory', shorthand: 'm', type: 'string', usage: 'Memory limit', ...hidden },
    {
      name: 'memory-swap',
      type: 'string',
      usage: 'Swap limit equal to memory plus swap: "-1" to enable unlimited swap',
      ...hidden,
    },
    { name: 'cpu-shares', shorthand: 'c', type: 'int64', usage: 'CPU shares (relative weight)', ...hidden },
    {
      name: 'cpu-period',
      type: 'int64',
      usage: 'Limit the CPU CFS (Completely Fair Scheduler) period',
      ...hidden,
    },
    {
      name: 'cpu-quota',
      type: 'int64',
      usage: 'Limit the CPU CFS (Completely Fair Scheduler) quota',
      ...hidden,
    },
    {
      name: 'cpuset-cpus',
      type: 'string',
      usage: 'CPUs in which to allow execution ("0-3", "0,1")',
      ...hidden,
    },
    {
      name: 'cpuset-mems',
      type: 'string',
      usage: 'MEMs in which to allow execution ("0-3", "0,1")',
      ...hidden,
    },
    {
      name: 'rm',
      type: 'bool',
      usage: 'Remove intermediate containers after a successful build',
      defValue: 'true',
      ...hidden,
    },
    { name: 'force-rm', type: 'bool', usage: 'Always remove intermediate containers', ...hidden },
  ],
  run: runBuild,
};

/** An error buildx prints as `ERROR: failed to build: …` (exit 1). */
function failed(_cli: DockerCli, message: string): never {
  throw new StatusError(`ERROR: failed to build: ${message}`, 1);
}

async function runBuild(...[cli, flags, args]: Parameters<RunFn>): Promise<number | void> {
  const contextArg = args[0]!;
  refuseUnsimulatedContext(contextArg, flags.string('file'));
  const progress = flags.bool('quiet') ? 'quiet' : flags.string('progress') || 'auto';
  if (!['auto', 'plain', 'tty', 'quiet', 'none', 'rawjson'].includes(progress)) {
    throw new StatusError(`ERROR: invalid progress mode "${progress}"`, 1);
  }
  if (progress === 'rawjson') throw new StatusError('--progress=rawjson is not simulated in Dockyard', 1);

  const tags = flags.list('tag');
  // build/opt.go: reference.Parse, whose errors are distribution/reference's own
  for (const t of tags) {
    if (parseNormalizedNamed(t).ok) continue;
    const why =
      t === ''
        ? 'repository name must have at least one component'
        : parseNormalizedNamed(t.toLowerCase()).ok
          ? 'repository name must be lowercase'
          : 'invalid reference format';
    failed(cli, `invalid tag "${t}": ${why}`);
  }
  for (const o of flags.list('output')) {
    if (!/^type=(docker|image)\b/.test(o))
      throw new StatusError(`--output ${o} is not simulated in Dockyard (only type=docker)`, 1);
  }
  if (flags.bool('push'))
    throw new StatusError('--push is not simulated in Dockyard: build, then docker push', 1);

  const fs = cli.fs;
  const contextDir = toAbsolute(cli.cwd, contextArg);
  if (fs.stat(contextDir)?.kind !== 'dir')
    failed(cli, `unable to prepare context: path "${contextArg}" not found`);
  const dockerfilePath = flags.string('file')
    ? toAbsolute(cli.cwd, flags.string('file'))
    : join(contextDir, 'Dockerfile');
  const dockerfileName = flags.string('file') ? basename(flags.string('file')) : 'Dockerfile';
  let dockerfile: string | undefined;
  try {
    dockerfile = fs.stat(dockerfilePath)?.kind === 'file' ? fs.readFile(dockerfilePath) : undefined;
  } catch {
    dockerfile = undefined;
  }

  // <Dockerfile>.dockerignore next to the Dockerfile wins over the context's .dockerignore
  let ignoreText: string | undefined;
  for (const p of [`${dockerfilePath}.dockerignore`, join(contextDir, '.dockerignore')]) {
    if (fs.stat(p)?.kind === 'file') {
      ignoreText = fs.readFile(p);
      break;
    }
  }
  let patterns: string[] = [];
  if (ignoreText !== undefined) {
    try {
      patterns = parseDockerignore(ignoreText);
    } catch (err) {
      failed(cli, err instanceof Error ? err.message : String(err));
    }
  }
  const context: TarArchive = { entries: readContext(fs, contextDir, patterns) };

  const buildArgs: Record<string, string> = {};
  for (const a of flags.list('build-arg')) {
    const eq = a.indexOf('=');
    if (eq === -1) {
      const v = cli.env.get(a);
      if (v !== undefined) buildArgs[a] = v;
    } else buildArgs[a.slice(0, eq)] = a.slice(eq + 1);
  }
  const labels: Record<string, string> = {};
  for (const l of flags.list('label')) {
    const eq = l.indexOf('=');
    labels[eq === -1 ? l : l.slice(0, eq)] = eq === -1 ? '' : l.slice(eq + 1);
  }

  const res = await cli.client.request('POST', '/build', {
    query: {
      version: '2',
      dockerfile: dockerfileName,
      t: tags.length > 0 ? tags.join('\n') : undefined,
      buildargs: JSON.stringify(buildArgs),
      labels: JSON.stringify(labels),
      target: flags.string('target') || undefined,
      nocache: flags.bool('no-cache') ? '1' : undefined,
      'nocache-filter': flags.list('no-cache-filter').join('\n') || undefined,
      pull: flags.bool('pull') ? '1' : undefined,
    },
    body: {
      context,
      ...(dockerfile !== undefined ? { dockerfile } : {}),
      dockerignoreSize: ignoreText === undefined ? 0 : utf8Bytes(ignoreText),
    },
  });

  const mode =
    progress === 'quiet' || progress === 'none'
      ? 'quiet'
      : progress === 'plain'
        ? 'plain'
        : progress === 'tty' || cli.outIsTerminal
          ? 'tty'
          : 'plain';
  const writer = newProgressWriter(mode, (t) => cli.err.write(t), {
    width: cli.width,
    height: cli.rows,
    desc: 'building with "default" instance using docker driver',
    builderTag: 'docker:default',
    start: cli.now(),
  });
  const warnings: VertexWarning[] = [];
  let imageId = '';
  let error: BuildErrorInfo | undefined;
  // the TTY display redraws on its own ticker, also while no update arrives (a long RUN)
  let streaming = true;
  const ticker =
    mode === 'tty'
      ? (async () => {
          while (streaming) {
            await cli.sleep(150);
            if (streaming) writer.tick?.(cli.now());
          }
        })()
      : Promise.resolve();
  if (res.stream?.kind === 'json') {
    for await (const m of res.stream.messages) {
      if (m['id'] === 'moby.buildkit.trace') {
        const status = m['aux'] as SolveStatus;
        warnings.push(...status.warnings);
        writer.write(status, cli.now());
      } else if (m['id'] === 'moby.image.id') {
        imageId = String((m['aux'] as { ID: string }).ID);
      } else if (m['errorDetail']) {
        const detail = m['errorDetail'] as { message: string; build?: BuildErrorInfo };
        error = detail.build ?? { message: detail.message };
      }
    }
  }
  streaming = false;
  await ticker;
  writer.done(cli.now());
  if (warnings.length > 0 && mode !== 'quiet')
    cli.err.write(formatWarnings(warnings, { debug: flags.bool('debug'), mode }));
  if (error) {
    cli.err.write(formatBuildError(error, mode));
    return 1;
  }
  if (mode === 'quiet' && flags.bool('quiet')) cli.out.write(`${imageId}\n`);
  const iid = flags.string('iidfile');
  if (iid) {
    const path = toAbsolute(cli.cwd, iid);
    if (fs.stat(dirname(path))?.kind !== 'dir') {
      throw new StatusError(`ERROR: writing image ID file: open ${iid}: no such file or directory`, 1);
    }
    fs.writeFile(path, imageId, { mode: 0o644 });
  }
  const meta = flags.string('metadata-file');
  if (meta) {
    fs.writeFile(
      toAbsolute(cli.cwd, meta),
      JSON.stringify(
        { 'containerimage.config.digest': imageId, 'image.name': tags.map(canonicalTag).join(',') },
        null,
        2,
      ),
      { mode: 0o644 },
    );
  }
}

function canonicalTag(t: string): string {
  const p = parseNormalizedNamed(t);
  if (!p.ok) return t;
  return `${p.ref.domain}/${p.ref.path}:${p.ref.tag ?? 'latest'}`;
}
