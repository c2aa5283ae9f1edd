/**
 * `docker container` — docker/cli cli/command/container/cmd.go (v28.5.2).
 */

import { type CommandSpec, noArgs } from '../../command.ts';
import { attachCommand } from './attach.ts';
import { commitCommand } from './commit.ts';
import { copyCommand } from './cp.ts';
import { createCommand } from './create.ts';
import { diffCommand } from './diff.ts';
import { execCommand } from './exec.ts';
import { exportCommand } from './export.ts';
import { inspectCommand } from './inspect.ts';
import { killCommand } from './kill.ts';
import { listCommand } from './list.ts';
import { logsCommand } from './logs.ts';
import { pauseCommand } from './pause.ts';
import { portCommand } from './port.ts';
import { pruneCommand } from './prune.ts';
import { renameCommand } from './rename.ts';
import { restartCommand } from './restart.ts';
import { removeCommand } from './rm.ts';
import { runCommand } from './run.ts';
import { startCommand } from './start.ts';
import { statsCommand } from './stats.ts';
import { stopCommand } from './stop.ts';
import { topCommand } from './top.ts';
import { unpauseCommand } from './unpause.ts';
import { updateCommand } from './update.ts';
import { waitCommand } from './wait.ts';

export const containerCommand: CommandSpec = {
  use: 'container',
  short: 'Manage containers',
  args: noArgs,
  subcommands: [
    attachCommand,
    commitCommand,
    copyCommand,
    createCommand,
    diffCommand,
    execCommand,
    exportCommand,
    inspectCommand,
    killCommand,
    logsCommand,
    listCommand,
    pauseCommand,
    portCommand,
    pruneCommand,
    renameCommand,
    restartCommand,
    removeCommand,
    runCommand,
    startCommand,
    statsCommand,
    stopCommand,
    topCommand,
    unpauseCommand,
    updateCommand,
    waitCommand,
  ],
};
