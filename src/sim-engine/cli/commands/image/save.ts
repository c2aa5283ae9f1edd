/**
 * `docker image save`, `docker save` — docker/cli cli/command/image/save.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, requiresMinArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const saveCommand: CommandSpec = {
  use: 'save [OPTIONS] IMAGE [IMAGE...]',
  short: 'Save one or more images to a tar archive (streamed to STDOUT by default)',
  args: requiresMinArgs(1),
  annotations: { aliases: 'docker image save, docker save' },
  flags: [
    { name: 'output', shorthand: 'o', type: 'string', usage: 'Write to a file, instead of STDOUT' },
    {
      name: 'platform',
      type: 'string',
      usage: 'Save only the given platform variant. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")',
      annotations: { version: ['1.48'] },
    },
  ],
  run: runSave,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runSave(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
