/**
 * `docker container create`, `docker create` — docker/cli cli/command/container/create.go (v28.5.2).
 */

import { type CommandSpec, requiresMinArgs } from '../../command.ts';
import { containerFlags } from './opts.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import { StatusError } from '../../errors.ts';
import { buildCreateRequest } from './container-config.ts';
import { createContainer, validatePullOpt } from './create-container.ts';
import { withHelp } from './run.ts';

export const createCommand: CommandSpec = {
  use: 'create [OPTIONS] IMAGE [COMMAND] [ARG...]',
  short: 'Create a new container',
  args: requiresMinArgs(1),
  interspersed: false,
  annotations: { aliases: 'docker container create, docker create' },
  flags: [
    { name: 'disable-content-trust', type: 'bool', usage: 'Skip image verification', defValue: 'true' },
    { name: 'help', type: 'bool', usage: 'Print usage' },
    { name: 'name', type: 'string', usage: 'Assign a name to the container' },
    {
      name: 'platform',
      type: 'string',
      usage: 'Set platform if server is multi-platform capable',
      annotations: { version: ['1.32'] },
    },
    {
      name: 'pull',
      type: 'string',
      usage: 'Pull image before creating ("always", "|missing", "never")',
      defValue: 'missing',
    },
    { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Suppress the pull output' },
    {
      name: 'use-api-socket',
      type: 'bool',
      usage: 'Bind mount Docker API socket and required auth',
      annotations: { experimentalCLI: [] },
    },
    ...containerFlags,
  ],
  run: runCreate,
};

// ---------------------------------------------------------------------------
// docker/cli container/create.go runCreate

async function runCreate(cli: DockerCli, flags: FlagValues, args: string[]): Promise<void> {
  let request;
  try {
    validatePullOpt(flags.string('pull'));
    request = buildCreateRequest(cli, flags, args[0]!, args.slice(1));
  } catch (err) {
    throw new StatusError(withHelp((err as Error).message, 'create'), 125);
  }
  const id = await createContainer(cli, request, {
    name: flags.string('name'),
    pull: flags.string('pull'),
    quiet: flags.bool('quiet'),
    platform: flags.string('platform'),
  });
  cli.out.write(id + '\n');
}
