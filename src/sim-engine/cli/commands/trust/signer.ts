/**
 * `docker trust signer` — docker/cli cli/command/trust/signer.go (v28.5.2).
 */

import { type CommandSpec, noArgs } from '../../command.ts';
import { signerAddCommand } from './signer-add.ts';
import { signerRemoveCommand } from './signer-remove.ts';

export const trustSignerCommand: CommandSpec = {
  use: 'signer',
  short: 'Manage entities who can sign Docker images',
  args: noArgs,
  subcommands: [signerAddCommand, signerRemoveCommand],
};
