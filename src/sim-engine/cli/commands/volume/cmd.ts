/**
 * `docker volume` — docker/cli cli/command/volume/cmd.go (v28.5.2).
 */

import { type CommandSpec, noArgs } from '../../command.ts';
import { createCommand } from './create.ts';
import { inspectCommand } from './inspect.ts';
import { listCommand } from './list.ts';
import { pruneCommand } from './prune.ts';
import { removeCommand } from './remove.ts';
import { updateCommand } from './update.ts';

export const volumeCommand: CommandSpec = {
  use: 'volume COMMAND',
  short: 'Manage volumes',
  args: noArgs,
  annotations: { version: '1.21' },
  subcommands: [createCommand, inspectCommand, listCommand, pruneCommand, removeCommand, updateCommand],
};
