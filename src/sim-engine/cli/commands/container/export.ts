/**
 * `docker container export`, `docker export` — docker/cli cli/command/container/export.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, exactArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const exportCommand: CommandSpec = {
  use: 'export [OPTIONS] CONTAINER',
  short: "Export a container's filesystem as a tar archive",
  args: exactArgs(1),
  annotations: { aliases: 'docker container export, docker export' },
  flags: [{ name: 'output', shorthand: 'o', type: 'string', usage: 'Write to a file, instead of STDOUT' }],
  run: runExport,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runExport(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
