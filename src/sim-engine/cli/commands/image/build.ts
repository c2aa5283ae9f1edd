/**
 * `docker build`, `docker builder build`, `docker image build` — docker/cli cli/command/image/build.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, exactArgs } from '../../command.ts';
import { validateEnv } from '../opts/env.ts';
import { validateExtraHost } from '../opts/hosts.ts';
import { memBytes, memSwapBytes, validateLabel } from '../opts/opts.ts';
import { parseUlimit } from '../opts/ulimit.ts';
import { parseNormalizedNamed } from '../../../images/reference.ts';
import { runLegacyBuild } from './legacy-build.ts';

export const buildCommand: CommandSpec = {
  use: 'build [OPTIONS] PATH | URL | -',
  short: 'Build an image from a Dockerfile',
  args: exactArgs(1),
  annotations: { aliases: 'docker image build, docker build, docker builder build', 'category-top': '4' },
  flags: [
    {
      name: 'add-host',
      type: 'list',
      usage: 'Add a custom host-to-IP mapping ("host:ip")',
      parse: validateExtraHost,
    },
    { name: 'build-arg', type: 'list', usage: 'Set build-time variables', parse: validateEnv },
    { name: 'cache-from', type: 'stringSlice', usage: 'Images to consider as cache sources' },
    {
      name: 'cgroup-parent',
      type: 'string',
      usage: 'Set the parent cgroup for the "RUN" instructions during build',
    },
    { name: 'compress', type: 'bool', usage: 'Compress the build context using gzip' },
    { name: 'cpu-period', type: 'int64', usage: 'Limit the CPU CFS (Completely Fair Scheduler) period' },
    { name: 'cpu-quota', type: 'int64', usage: 'Limit the CPU CFS (Completely Fair Scheduler) quota' },
    { name: 'cpu-shares', shorthand: 'c', type: 'int64', usage: 'CPU shares (relative weight)' },
    { name: 'cpuset-cpus', type: 'string', usage: 'CPUs in which to allow execution (0-3, 0,1)' },
    { name: 'cpuset-mems', type: 'string', usage: 'MEMs in which to allow execution (0-3, 0,1)' },
    { name: 'disable-content-trust', type: 'bool', usage: 'Skip image verification', defValue: 'true' },
    {
      name: 'file',
      shorthand: 'f',
      type: 'string',
      usage: 'Name of the Dockerfile (Default is "PATH/Dockerfile")',
    },
    { name: 'force-rm', type: 'bool', usage: 'Always remove intermediate containers' },
    { name: 'iidfile', type: 'string', usage: 'Write the image ID to the file' },
    { name: 'isolation', type: 'string', usage: 'Container isolation technology' },
    { name: 'label', type: 'list', usage: 'Set metadata for an image', parse: validateLabel },
    { name: 'memory', shorthand: 'm', type: 'bytes', usage: 'Memory limit', defValue: '0', parse: memBytes },
    {
      name: 'memory-swap',
      type: 'bytes',
      usage: 'Swap limit equal to memory plus swap: -1 to enable unlimited swap',
      defValue: '0',
      parse: memSwapBytes,
    },
    {
      name: 'network',
      type: 'string',
      usage: 'Set the networking mode for the RUN instructions during build',
      defValue: 'default',
      annotations: { version: ['1.25'] },
    },
    { name: 'no-cache', type: 'bool', usage: 'Do not use cache when building the image' },
    {
      name: 'platform',
      type: 'string',
      usage: 'Set platform if server is multi-platform capable',
      annotations: { version: ['1.38'] },
    },
    { name: 'pull', type: 'bool', usage: 'Always attempt to pull a newer version of the image' },
    {
      name: 'quiet',
      shorthand: 'q',
      type: 'bool',
      usage: 'Suppress the build output and print image ID on success',
    },
    {
      name: 'rm',
      type: 'bool',
      usage: 'Remove intermediate containers after a successful build',
      defValue: 'true',
    },
    { name: 'security-opt', type: 'stringSlice', usage: 'Security options' },
    { name: 'shm-size', type: 'bytes', usage: 'Size of "/dev/shm"', defValue: '0', parse: memBytes },
    {
      name: 'squash',
      type: 'bool',
      usage: 'Squash newly built layers into a single new layer',
      annotations: { experimental: [], version: ['1.25'] },
    },
    {
      name: 'tag',
      shorthand: 't',
      type: 'list',
      usage: 'Name and optionally a tag in the "name:tag" format',
      parse: validateTag,
    },
    { name: 'target', type: 'string', usage: 'Set the target build stage to build.' },
    {
      name: 'ulimit',
      type: 'ulimit',
      usage: 'Ulimit options',
      defValue: '[]',
      parse: parseUlimit,
      repeatable: true,
    },
  ],
  run: runBuild,
};

// ---------------------------------------------------------------------------
// This command runs only with DOCKER_BUILDKIT=0 (otherwise docker forwards the build
// to buildx: see ../buildx/builder-forward.ts): the legacy builder (legacy-build.ts),
// after the warning docker prints for it.

const BUILDKIT_DISABLED = `DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
            BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
            environment-variable.`;

function runBuild(...params: Parameters<RunFn>): ReturnType<RunFn> {
  params[0].err.write(`${BUILDKIT_DISABLED}\n\n`);
  return runLegacyBuild(...params);
}

/** validateTag (`-t name:tag`): reference.ParseNormalizedNamed, its error as the flag's. */
function validateTag(rawRepo: string): string {
  const parsed = parseNormalizedNamed(rawRepo);
  if (!parsed.ok) throw new Error(parsed.error);
  return rawRepo;
}
