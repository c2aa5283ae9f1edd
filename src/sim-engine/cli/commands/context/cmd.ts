/**
 * `docker context` — docker/cli cli/command/context/cmd.go (v28.5.2).
 */

import { type CommandSpec, noArgs } from '../../command.ts';
import { createCommand } from './create.ts';
import { exportCommand } from './export.ts';
import { importCommand } from './import.ts';
import { inspectCommand } from './inspect.ts';
import { listCommand } from './list.ts';
import { removeCommand } from './remove.ts';
import { showCommand } from './show.ts';
import { updateCommand } from './update.ts';
import { useCommand } from './use.ts';

export const contextCommand: CommandSpec = {
  use: 'context',
  short: 'Manage contexts',
  args: noArgs,
  subcommands: [
    createCommand,
    exportCommand,
    importCommand,
    inspectCommand,
    listCommand,
    removeCommand,
    showCommand,
    updateCommand,
    useCommand,
  ],
};
