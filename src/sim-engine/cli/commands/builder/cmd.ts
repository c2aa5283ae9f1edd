/**
 * `docker builder` — docker/cli cli/command/builder/cmd.go (v28.5.2).
 */

import { type CommandSpec, noArgs } from '../../command.ts';
import { pruneCommand } from './prune.ts';
import { buildCommand } from '../image/build.ts';

export const builderCommand: CommandSpec = {
  use: 'builder',
  short: 'Manage builds',
  args: noArgs,
  annotations: { version: '1.31' },
  subcommands: [buildCommand, pruneCommand],
};
