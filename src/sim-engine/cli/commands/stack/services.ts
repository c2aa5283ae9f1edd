/**
 * `docker stack services` — docker/cli cli/command/stack/services.go and
 * stack/swarm/services.go (v28.5.2): the stack's services (with their task counts
 * unless `-q`) in `service ls`'s table, natural-sorted; an empty stack is
 * `Nothing found in stack: <stack>` on stderr, and no error.
 */
import type { Service } from '../../../api/types/service.ts';
import { naturalCompare } from '../../../golang/natural-sort.ts';
import { type CommandSpec, exactArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import { writeFormatted } from '../../formatter/formatter.ts';
import { filterOpt } from '../opts/opts.ts';
import { FORMAT_HELP } from '../opts/flags-helper.ts';
import { SERVICE_HEADER, ServiceContext, serviceListFormat } from '../service/formatter.ts';
import { stackFilterFromFlags, validateStackName } from './common.ts';
import { orchestratorFlag } from './opts.ts';

export const servicesCommand: CommandSpec = {
  use: 'services [OPTIONS] STACK',
  short: 'List the services in the stack',
  args: exactArgs(1),
  flags: [
    {
      name: 'filter',
      shorthand: 'f',
      type: 'filter',
      usage: 'Filter output based on conditions provided',
      parse: filterOpt,
    },
    { name: 'format', type: 'string', usage: FORMAT_HELP },
    { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Only display IDs' },
    orchestratorFlag,
  ],
  run: runServices,
};

async function runServices(cli: DockerCli, flags: FlagValues, args: string[]): Promise<void> {
  const namespace = args[0]!;
  validateStackName(namespace);
  const quiet = flags.bool('quiet');
  const services = await cli.client.get<Service[]>('/services', {
    filters: stackFilterFromFlags(namespace, flags),
    ...(quiet ? {} : { status: 'true' }),
  });
  if (services.length === 0) {
    cli.err.write(`Nothing found in stack: ${namespace}\n`);
    return;
  }
  services.sort((a, b) => naturalCompare(a.Spec.Name ?? '', b.Spec.Name ?? ''));
  writeFormatted(
    cli.out,
    serviceListFormat(flags.string('format') || 'table', quiet),
    SERVICE_HEADER,
    services.map((s) => new ServiceContext(s)),
  );
}
