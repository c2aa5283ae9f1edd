/**
 * `docker stack deploy` — docker/cli cli/command/stack/deploy.go and stack/swarm/deploy.go
 * (v28.5.2): load the compose files, check `--resolve-image`, say that the tasks start in
 * the background unless `--detach` was given, then deploy (deploy-compose.ts).
 */
import { type CommandSpec, exactArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { CliError } from '../../errors.ts';
import type { FlagValues } from '../../flags.ts';
import { validateStackName } from './common.ts';
import { deployCompose, type ResolveImage } from './deploy-compose.ts';
import { loadComposefile } from './loader.ts';
import { orchestratorFlag } from './opts.ts';

export const deployCommand: CommandSpec = {
  use: 'deploy [OPTIONS] STACK',
  aliases: ['up'],
  short: 'Deploy a new stack or update an existing stack',
  args: exactArgs(1),
  flags: [
    {
      name: 'compose-file',
      shorthand: 'c',
      type: 'stringSlice',
      usage: 'Path to a Compose file, or "-" to read from stdin',
      annotations: { version: ['1.25'] },
    },
    {
      name: 'detach',
      shorthand: 'd',
      type: 'bool',
      usage: 'Exit immediately instead of waiting for the stack services to converge',
      defValue: 'true',
    },
    {
      name: 'prune',
      type: 'bool',
      usage: 'Prune services that are no longer referenced',
      annotations: { version: ['1.27'] },
    },
    { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Suppress progress output' },
    {
      name: 'resolve-image',
      type: 'string',
      usage:
        'Query the registry to resolve image digest and supported platforms ("always", "changed", "never")',
      defValue: 'always',
      annotations: { version: ['1.30'] },
    },
    {
      name: 'with-registry-auth',
      type: 'bool',
      usage: 'Send registry authentication details to Swarm agents',
    },
    orchestratorFlag,
  ],
  run: runDeploy,
};

async function runDeploy(cli: DockerCli, flags: FlagValues, args: string[]): Promise<void> {
  const namespace = args[0]!;
  validateStackName(namespace);
  const config = await loadComposefile(cli, flags.list('compose-file'));
  const resolveImage = flags.string('resolve-image');
  if (resolveImage !== 'always' && resolveImage !== 'changed' && resolveImage !== 'never')
    throw new CliError(`Invalid option ${resolveImage} for flag --resolve-image`);
  const detach = flags.bool('detach');
  if (detach && !flags.has('detach'))
    cli.err.write(
      'Since --detach=false was not specified, tasks will be created in the background.\n' +
        'In a future release, --detach=false will become the default.\n',
    );
  await deployCompose(cli, config, {
    namespace,
    prune: flags.bool('prune'),
    resolveImage: resolveImage as ResolveImage,
    sendRegistryAuth: flags.bool('with-registry-auth'),
    detach,
    quiet: flags.bool('quiet'),
  });
}
