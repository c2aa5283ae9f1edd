/**
 * `docker node update` — docker/cli cli/command/node/update.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, exactArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const updateCommand: CommandSpec = {
  use: 'update [OPTIONS] NODE',
  short: 'Update a node',
  args: exactArgs(1),
  flags: [
    { name: 'availability', type: 'string', usage: 'Availability of the node ("active", "pause", "drain")' },
    { name: 'label-add', type: 'list', usage: 'Add or update a node label ("key=value")' },
    { name: 'label-rm', type: 'list', usage: 'Remove a node label if exists' },
    { name: 'role', type: 'string', usage: 'Role of the node ("worker", "manager")' },
  ],
  run: runUpdate,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runUpdate(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
