/**
 * `docker service` — docker/cli cli/command/service/cmd.go (v28.5.2).
 */

import { type CommandSpec, noArgs } from '../../command.ts';
import { createCommand } from './create.ts';
import { inspectCommand } from './inspect.ts';
import { listCommand } from './list.ts';
import { logsCommand } from './logs.ts';
import { psCommand } from './ps.ts';
import { removeCommand } from './remove.ts';
import { rollbackCommand } from './rollback.ts';
import { scaleCommand } from './scale.ts';
import { updateCommand } from './update.ts';

export const serviceCommand: CommandSpec = {
  use: 'service',
  short: 'Manage Swarm services',
  args: noArgs,
  annotations: { swarm: 'manager', version: '1.24' },
  subcommands: [
    createCommand,
    inspectCommand,
    logsCommand,
    listCommand,
    psCommand,
    removeCommand,
    rollbackCommand,
    scaleCommand,
    updateCommand,
  ],
};
