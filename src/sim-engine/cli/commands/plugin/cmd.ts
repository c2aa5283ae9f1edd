/**
 * `docker plugin` — docker/cli cli/command/plugin/cmd.go (v28.5.2).
 */

import { type CommandSpec, noArgs } from '../../command.ts';
import { createCommand } from './create.ts';
import { disableCommand } from './disable.ts';
import { enableCommand } from './enable.ts';
import { inspectCommand } from './inspect.ts';
import { installCommand } from './install.ts';
import { listCommand } from './list.ts';
import { pushCommand } from './push.ts';
import { removeCommand } from './remove.ts';
import { setCommand } from './set.ts';
import { upgradeCommand } from './upgrade.ts';

export const pluginCommand: CommandSpec = {
  use: 'plugin',
  short: 'Manage plugins',
  args: noArgs,
  annotations: { version: '1.25' },
  subcommands: [
    createCommand,
    disableCommand,
    enableCommand,
    inspectCommand,
    installCommand,
    listCommand,
    pushCommand,
    removeCommand,
    setCommand,
    upgradeCommand,
  ],
};
