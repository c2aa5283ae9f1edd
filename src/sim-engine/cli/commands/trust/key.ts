/**
 * `docker trust key` — docker/cli cli/command/trust/key.go (v28.5.2).
 */

import { type CommandSpec, noArgs } from '../../command.ts';
import { keyGenerateCommand } from './key-generate.ts';
import { keyLoadCommand } from './key-load.ts';

export const trustKeyCommand: CommandSpec = {
  use: 'key',
  short: 'Manage keys for signing Docker images',
  args: noArgs,
  subcommands: [keyGenerateCommand, keyLoadCommand],
};
