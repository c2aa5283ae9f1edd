/**
 * `docker swarm` — docker/cli cli/command/swarm/cmd.go (v28.5.2).
 */

import { type CommandSpec, noArgs } from '../../command.ts';
import { caCommand } from './ca.ts';
import { initCommand } from './init.ts';
import { joinTokenCommand } from './join-token.ts';
import { joinCommand } from './join.ts';
import { leaveCommand } from './leave.ts';
import { unlockKeyCommand } from './unlock-key.ts';
import { unlockCommand } from './unlock.ts';
import { updateCommand } from './update.ts';

export const swarmCommand: CommandSpec = {
  use: 'swarm',
  short: 'Manage Swarm',
  args: noArgs,
  annotations: { swarm: '', version: '1.24' },
  subcommands: [
    caCommand,
    initCommand,
    joinCommand,
    joinTokenCommand,
    leaveCommand,
    unlockCommand,
    unlockKeyCommand,
    updateCommand,
  ],
};
