/**
 * `docker config` — docker/cli cli/command/config/cmd.go (v28.5.2).
 */

import { type CommandSpec, noArgs } from '../../command.ts';
import { configCreateCommand } from './create.ts';
import { configInspectCommand } from './inspect.ts';
import { configListCommand } from './ls.ts';
import { configRemoveCommand } from './remove.ts';

export const configCommand: CommandSpec = {
  use: 'config',
  short: 'Manage Swarm configs',
  args: noArgs,
  annotations: { swarm: 'manager', version: '1.30' },
  subcommands: [configCreateCommand, configInspectCommand, configListCommand, configRemoveCommand],
};
