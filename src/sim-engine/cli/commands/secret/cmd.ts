/**
 * `docker secret` — docker/cli cli/command/secret/cmd.go (v28.5.2).
 */

import { type CommandSpec, noArgs } from '../../command.ts';
import { secretCreateCommand } from './create.ts';
import { secretInspectCommand } from './inspect.ts';
import { secretListCommand } from './ls.ts';
import { secretRemoveCommand } from './remove.ts';

export const secretCommand: CommandSpec = {
  use: 'secret',
  short: 'Manage Swarm secrets',
  args: noArgs,
  annotations: { swarm: 'manager', version: '1.25' },
  subcommands: [secretCreateCommand, secretInspectCommand, secretListCommand, secretRemoveCommand],
};
