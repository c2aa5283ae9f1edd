/**
 * `docker image load`, `docker load` — docker/cli cli/command/image/load.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, noArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const loadCommand: CommandSpec = {
  use: 'load [OPTIONS]',
  short: 'Load an image from a tar archive or STDIN',
  args: noArgs,
  annotations: { aliases: 'docker image load, docker load' },
  flags: [
    { name: 'input', shorthand: 'i', type: 'string', usage: 'Read from tar archive file, instead of STDIN' },
    {
      name: 'platform',
      type: 'string',
      usage: 'Load only the given platform variant. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")',
      annotations: { version: ['1.48'] },
    },
    { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Suppress the load output' },
  ],
  run: runLoad,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runLoad(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
