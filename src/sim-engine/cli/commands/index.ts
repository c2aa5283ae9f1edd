/**
 * The root's children, in the order docker/cli's AddCommands registers them
 * (cli/command/commands/commands.go, v28.5.2): the common shorthands, the management
 * commands, the swarm ones, then the legacy top-level commands. Help sorts them by name.
 */
import type { CommandSpec } from '../command.ts';
import { bakeStubCommand } from './builder/bake.ts';
import { builderCommand } from './builder/cmd.ts';
import { checkpointCommand } from './checkpoint/cmd.ts';
import { configCommand } from './config/cmd.ts';
import { attachCommand } from './container/attach.ts';
import { containerCommand } from './container/cmd.ts';
import { commitCommand } from './container/commit.ts';
import { copyCommand } from './container/cp.ts';
import { createCommand } from './container/create.ts';
import { diffCommand } from './container/diff.ts';
import { execCommand } from './container/exec.ts';
import { exportCommand } from './container/export.ts';
import { killCommand } from './container/kill.ts';
import { psCommand } from './container/list.ts';
import { logsCommand } from './container/logs.ts';
import { pauseCommand } from './container/pause.ts';
import { portCommand } from './container/port.ts';
import { renameCommand } from './container/rename.ts';
import { restartCommand } from './container/restart.ts';
import { rmCommand } from './container/rm.ts';
import { runCommand } from './container/run.ts';
import { startCommand } from './container/start.ts';
import { statsCommand } from './container/stats.ts';
import { stopCommand } from './container/stop.ts';
import { topCommand } from './container/top.ts';
import { unpauseCommand } from './container/unpause.ts';
import { updateCommand } from './container/update.ts';
import { waitCommand } from './container/wait.ts';
import { contextCommand } from './context/cmd.ts';
import { buildCommand } from './image/build.ts';
import { imageCommand } from './image/cmd.ts';
import { historyCommand } from './image/history.ts';
import { importCommand } from './image/import.ts';
import { imagesCommand } from './image/list.ts';
import { loadCommand } from './image/load.ts';
import { pullCommand } from './image/pull.ts';
import { pushCommand } from './image/push.ts';
import { rmiCommand } from './image/remove.ts';
import { saveCommand } from './image/save.ts';
import { tagCommand } from './image/tag.ts';
import { manifestCommand } from './manifest/cmd.ts';
import { networkCommand } from './network/cmd.ts';
import { nodeCommand } from './node/cmd.ts';
import { pluginCommand } from './plugin/cmd.ts';
import { loginCommand } from './registry/login.ts';
import { logoutCommand } from './registry/logout.ts';
import { searchCommand } from './registry/search.ts';
import { secretCommand } from './secret/cmd.ts';
import { serviceCommand } from './service/cmd.ts';
import { stackCommand } from './stack/cmd.ts';
import { swarmCommand } from './swarm/cmd.ts';
import { systemCommand } from './system/cmd.ts';
import { eventsCommand } from './system/events.ts';
import { infoCommand } from './system/info.ts';
import { inspectCommand } from './system/inspect.ts';
import { versionCommand } from './system/version.ts';
import { trustCommand } from './trust/cmd.ts';
import { volumeCommand } from './volume/cmd.ts';

export const commands: CommandSpec[] = [
  // commonly used shorthands
  runCommand,
  execCommand,
  psCommand,
  buildCommand,
  pullCommand,
  pushCommand,
  imagesCommand,
  loginCommand,
  logoutCommand,
  searchCommand,
  versionCommand,
  infoCommand,
  // management commands
  bakeStubCommand,
  builderCommand,
  checkpointCommand,
  containerCommand,
  contextCommand,
  imageCommand,
  manifestCommand,
  networkCommand,
  pluginCommand,
  systemCommand,
  trustCommand,
  volumeCommand,
  // orchestration (swarm) commands
  configCommand,
  nodeCommand,
  secretCommand,
  serviceCommand,
  stackCommand,
  swarmCommand,
  // legacy commands
  attachCommand,
  commitCommand,
  copyCommand,
  createCommand,
  diffCommand,
  exportCommand,
  killCommand,
  logsCommand,
  pauseCommand,
  portCommand,
  renameCommand,
  restartCommand,
  rmCommand,
  startCommand,
  statsCommand,
  stopCommand,
  topCommand,
  unpauseCommand,
  updateCommand,
  waitCommand,
  historyCommand,
  importCommand,
  loadCommand,
  rmiCommand,
  saveCommand,
  tagCommand,
  eventsCommand,
  inspectCommand,
];
