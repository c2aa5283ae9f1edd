/**
 * `docker container cp`, `docker cp` — docker/cli cli/command/container/cp.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, exactArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

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
// What the command does. Replace notSimulated with the real implementation.

function runCp(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
