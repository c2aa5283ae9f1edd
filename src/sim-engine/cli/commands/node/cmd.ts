/**
 * `docker node` — docker/cli cli/command/node/cmd.go (v28.5.2).
 */

import { type CommandSpec, noArgs } from '../../command.ts';
import { demoteCommand } from './demote.ts';
import { inspectCommand } from './inspect.ts';
import { listCommand } from './list.ts';
import { promoteCommand } from './promote.ts';
import { psCommand } from './ps.ts';
import { removeCommand } from './remove.ts';
import { updateCommand } from './update.ts';

export const nodeCommand: CommandSpec = {
  use: 'node',
  short: 'Manage Swarm nodes',
  args: noArgs,
  annotations: { swarm: 'manager', version: '1.24' },
  subcommands: [
    demoteCommand,
    inspectCommand,
    listCommand,
    promoteCommand,
    psCommand,
    removeCommand,
    updateCommand,
  ],
};
