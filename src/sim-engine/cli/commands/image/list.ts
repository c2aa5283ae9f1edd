/**
 * `docker image ls`, `docker images` — docker/cli cli/command/image/list.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, requiresMaxArgs } from '../../command.ts';
import { filterOpt } from '../opts/opts.ts';
import { notSimulated } from '../not-simulated.ts';

export const imagesCommand: CommandSpec = {
  use: 'images [OPTIONS] [REPOSITORY[:TAG]]',
  short: 'List images',
  args: requiresMaxArgs(1),
  annotations: { aliases: 'docker image ls, docker image list, docker images', 'category-top': '7' },
  flags: [
    {
      name: 'all',
      shorthand: 'a',
      type: 'bool',
      usage: 'Show all images (default hides intermediate images)',
    },
    { name: 'digests', type: 'bool', usage: 'Show digests' },
    {
      name: 'filter',
      shorthand: 'f',
      type: 'filter',
      usage: 'Filter output based on conditions provided',
      parse: filterOpt,
    },
    {
      name: 'format',
      type: 'string',
      usage: `Format output using a custom template:
'table':            Print output in table format with column headers (default)
'table TEMPLATE':   Print output in table format using the given Go template
'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates`,
    },
    { name: 'no-trunc', type: 'bool', usage: "Don't truncate output" },
    { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Only show image IDs' },
    {
      name: 'tree',
      type: 'bool',
      usage: 'List multi-platform images as a tree (EXPERIMENTAL)',
      annotations: { experimentalCLI: [], version: ['1.47'] },
    },
  ],
  run: runImages,
};

export const listCommand: CommandSpec = {
  ...imagesCommand,
  use: 'ls [OPTIONS] [REPOSITORY[:TAG]]',
  aliases: ['list'],
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runImages(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
