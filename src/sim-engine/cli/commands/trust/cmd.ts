/**
 * `docker trust` — docker/cli cli/command/trust/cmd.go (v28.5.2).
 */

import { type CommandSpec, noArgs } from '../../command.ts';
import { inspectCommand } from './inspect.ts';
import { trustKeyCommand } from './key.ts';
import { revokeCommand } from './revoke.ts';
import { signCommand } from './sign.ts';
import { trustSignerCommand } from './signer.ts';

export const trustCommand: CommandSpec = {
  use: 'trust',
  short: 'Manage trust on Docker images',
  args: noArgs,
  subcommands: [inspectCommand, trustKeyCommand, revokeCommand, signCommand, trustSignerCommand],
};
