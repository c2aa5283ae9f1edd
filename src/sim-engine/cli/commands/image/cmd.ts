/**
 * `docker image` — docker/cli cli/command/image/cmd.go (v28.5.2).
 */

import { type CommandSpec, noArgs } from '../../command.ts';
import { buildCommand } from './build.ts';
import { historyCommand } from './history.ts';
import { importCommand } from './import.ts';
import { inspectCommand } from './inspect.ts';
import { listCommand } from './list.ts';
import { loadCommand } from './load.ts';
import { pruneCommand } from './prune.ts';
import { pullCommand } from './pull.ts';
import { pushCommand } from './push.ts';
import { removeCommand } from './remove.ts';
import { saveCommand } from './save.ts';
import { tagCommand } from './tag.ts';

export const imageCommand: CommandSpec = {
  use: 'image',
  short: 'Manage images',
  args: noArgs,
  subcommands: [
    buildCommand,
    historyCommand,
    importCommand,
    inspectCommand,
    loadCommand,
    listCommand,
    pruneCommand,
    pullCommand,
    pushCommand,
    removeCommand,
    saveCommand,
    tagCommand,
  ],
};
