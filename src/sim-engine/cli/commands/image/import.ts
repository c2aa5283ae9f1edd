/**
 * `docker image import`, `docker import` — docker/cli cli/command/image/import.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, requiresMinArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const importCommand: CommandSpec = {
  use: 'import [OPTIONS] file|URL|- [REPOSITORY[:TAG]]',
  short: 'Import the contents from a tarball to create a filesystem image',
  args: requiresMinArgs(1),
  annotations: { aliases: 'docker image import, docker import' },
  flags: [
    {
      name: 'change',
      shorthand: 'c',
      type: 'list',
      usage: 'Apply Dockerfile instruction to the created image',
    },
    { name: 'message', shorthand: 'm', type: 'string', usage: 'Set commit message for imported image' },
    {
      name: 'platform',
      type: 'string',
      usage: 'Set platform if server is multi-platform capable',
      annotations: { version: ['1.32'] },
    },
  ],
  run: runImport,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runImport(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
