/**
 * `docker network` — docker/cli cli/command/network/cmd.go (v28.5.2).
 */

import { type CommandSpec, noArgs } from '../../command.ts';
import { connectCommand } from './connect.ts';
import { createCommand } from './create.ts';
import { disconnectCommand } from './disconnect.ts';
import { inspectCommand } from './inspect.ts';
import { listCommand } from './list.ts';
import { pruneCommand } from './prune.ts';
import { removeCommand } from './remove.ts';

export const networkCommand: CommandSpec = {
  use: 'network',
  short: 'Manage networks',
  args: noArgs,
  annotations: { version: '1.21' },
  subcommands: [
    connectCommand,
    createCommand,
    disconnectCommand,
    inspectCommand,
    listCommand,
    pruneCommand,
    removeCommand,
  ],
};
