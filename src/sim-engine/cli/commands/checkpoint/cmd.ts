/**
 * `docker checkpoint` — docker/cli cli/command/checkpoint/cmd.go (v28.5.2).
 */

import { type CommandSpec, noArgs } from '../../command.ts';
import { createCommand } from './create.ts';
import { listCommand } from './list.ts';
import { removeCommand } from './remove.ts';

export const checkpointCommand: CommandSpec = {
  use: 'checkpoint',
  short: 'Manage checkpoints',
  args: noArgs,
  annotations: { experimental: '', ostype: 'linux', version: '1.25' },
  subcommands: [createCommand, listCommand, removeCommand],
};
