/**
 * `docker container cp`, `docker cp` — docker/cli cli/command/container/cp.go (v28.5.2).
 */

import { type CommandSpec, exactArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import { StatusError } from '../../errors.ts';
import { copyFromContainer, copyToContainer, splitCpArg } from './copy.ts';

export const copyCommand: CommandSpec = {
  use: `cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-
	docker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH`,
  short: 'Copy files/folders between a container and the local filesystem',
  long: `Copy files/folders between a container and the local filesystem

Use '-' as the source to read a tar archive from stdin
and extract it to a directory destination in a container.
Use '-' as the destination to stream a tar archive of a
container source to stdout.`,
  args: exactArgs(2),
  annotations: { aliases: 'docker container cp, docker cp' },
  flags: [
    { name: 'archive', shorthand: 'a', type: 'bool', usage: 'Archive mode (copy all uid/gid information)' },
    { name: 'follow-link', shorthand: 'L', type: 'bool', usage: 'Always follow symbol link in SRC_PATH' },
    {
      name: 'quiet',
      shorthand: 'q',
      type: 'bool',
      usage:
        'Suppress progress output during copy. Progress output is automatically suppressed if no terminal is attached',
    },
  ],
  run: runCp,
};

// ---------------------------------------------------------------------------
// docker/cli container/cp.go

async function runCp(cli: DockerCli, flags: FlagValues, args: string[]): Promise<void> {
  if (args[0] === '') throw new StatusError('source can not be empty', 1);
  if (args[1] === '') throw new StatusError('destination can not be empty', 1);
  const src = splitCpArg(args[0]!);
  const dst = splitCpArg(args[1]!);
  if (src.container && dst.container) throw new StatusError('copying between containers is not supported', 1);
  if (!src.container && !dst.container)
    throw new StatusError('must specify at least one container source', 1);
  // progress is shown only on a terminal unless --quiet says otherwise
  const quiet = flags.has('quiet') ? flags.bool('quiet') : !cli.outIsTerminal;
  if (src.container) await copyFromContainer(cli, src.container, src.path, dst.path, quiet);
  else await copyToContainer(cli, src.path, dst.container!, dst.path, quiet);
}
