/**
 * `docker manifest` — docker/cli cli/command/manifest/cmd.go (v28.5.2).
 */

import { type Command, type CommandSpec, noArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { usageString } from '../../help.ts';
import { annotateCommand } from './annotate.ts';
import { createListCommand } from './create-list.ts';
import { inspectCommand } from './inspect.ts';
import { pushListCommand } from './push.ts';
import { rmManifestListCommand } from './rm.ts';

export const manifestCommand: CommandSpec = {
  use: 'manifest COMMAND',
  short: 'Manage Docker image manifests and manifest lists',
  long: `
The **docker manifest** command has subcommands for managing image manifests and
manifest lists. A manifest list allows you to use one name to refer to the same image
built for multiple architectures.

To see help for a subcommand, use:

    docker manifest CMD --help

For full details on using docker manifest lists, see the registry v2 specification.

`,
  args: noArgs,
  annotations: { experimentalCLI: '' },
  subcommands: [annotateCommand, createListCommand, inspectCommand, pushListCommand, rmManifestListCommand],
  run: runManifest,
};

// ---------------------------------------------------------------------------
// What the command does: `docker manifest` alone prints its usage to stderr after an
// empty line (its own Run, not command.ShowHelp), and exits 0.

function runManifest(cli: DockerCli, _flags: unknown, _args: string[], cmd: Command): Promise<void> {
  cli.err.write('\n' + usageString(cmd, cli.width));
  return Promise.resolve();
}
