/**
 * `docker system` — docker/cli cli/command/system/cmd.go (v28.5.2).
 */

import { type CommandSpec, noArgs } from '../../command.ts';
import { diskUsageCommand } from './df.ts';
import { dialStdioCommand } from './dial-stdio.ts';
import { eventsCommand } from './events.ts';
import { infoCommand } from './info.ts';
import { pruneCommand } from './prune.ts';

export const systemCommand: CommandSpec = {
  use: 'system',
  short: 'Manage Docker',
  args: noArgs,
  subcommands: [diskUsageCommand, dialStdioCommand, eventsCommand, infoCommand, pruneCommand],
};
