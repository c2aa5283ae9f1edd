/**
 * `docker stack` — docker/cli cli/command/stack/cmd.go (v28.5.2).
 */

import { type CommandSpec, noArgs } from '../../command.ts';
import { configCommand } from './config.ts';
import { deployCommand } from './deploy.ts';
import { listCommand } from './list.ts';
import { orchestratorFlag } from './opts.ts';
import { psCommand } from './ps.ts';
import { removeCommand } from './remove.ts';
import { servicesCommand } from './services.ts';

export const stackCommand: CommandSpec = {
  use: 'stack [OPTIONS]',
  short: 'Manage Swarm stacks',
  args: noArgs,
  annotations: { swarm: 'manager', version: '1.25' },
  flags: [orchestratorFlag],
  subcommands: [configCommand, deployCommand, listCommand, psCommand, removeCommand, servicesCommand],
};
