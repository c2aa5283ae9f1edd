/**
 * `docker stack config` — docker/cli cli/command/stack/config.go (v28.5.2): the files
 * named with `-c` loaded as `docker stack deploy` loads them (merged, interpolated unless
 * --skip-interpolation, validated), printed as yaml.v3 encodes the resulting Config. No
 * daemon is asked anything, and unlike deploy it neither warns about ignored keys nor
 * checks the images: a file with no image prints fine.
 */
import { type CommandSpec, type RunFn, noArgs } from '../../command.ts';
import { load, marshalConfig } from '../../../compose/index.ts';
import { CliError } from '../../errors.ts';
import { getConfigDetails, loadHost } from './loader.ts';
import { orchestratorFlag } from './opts.ts';

export const configCommand: CommandSpec = {
  use: 'config [OPTIONS]',
  short: 'Outputs the final config file, after doing merges and interpolations',
  args: noArgs,
  flags: [
    {
      name: 'compose-file',
      shorthand: 'c',
      type: 'stringSlice',
      usage: 'Path to a Compose file, or "-" to read from stdin',
    },
    { name: 'skip-interpolation', type: 'bool', usage: 'Skip interpolation and output only merged config' },
    orchestratorFlag,
  ],
  run: runConfig,
};

async function runConfig(...[cli, flags]: Parameters<RunFn>): ReturnType<RunFn> {
  const details = await getConfigDetails(cli, flags.list('compose-file'));
  let text: string;
  try {
    // outputConfig: a ForbiddenPropertiesError is printed as it is, not as deploy words it
    const config = load(details, loadHost(cli, details.workingDir), {
      skipInterpolation: flags.bool('skip-interpolation'),
    });
    text = marshalConfig(config);
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError((err as Error).message);
  }
  cli.out.write(text);
}
