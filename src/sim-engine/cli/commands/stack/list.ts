/**
 * `docker stack ls` — docker/cli cli/command/stack/list.go and stack/swarm/list.go
 * (v28.5.2): the services that carry a `com.docker.stack.namespace` label, counted per
 * stack, natural-sorted by name.
 */
import { encodeFilters } from '../../../api/client.ts';
import type { Service } from '../../../api/types/service.ts';
import { LABEL_NAMESPACE } from '../../../compose/index.ts';
import { naturalCompare } from '../../../golang/natural-sort.ts';
import { type CommandSpec, noArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { CliError } from '../../errors.ts';
import type { FlagValues } from '../../flags.ts';
import { writeFormatted } from '../../formatter/formatter.ts';
import { FORMAT_HELP } from '../opts/flags-helper.ts';
import { STACK_HEADER, StackContext, stackListFormat } from './formatter.ts';
import { orchestratorFlag } from './opts.ts';

export const listCommand: CommandSpec = {
  use: 'ls [OPTIONS]',
  aliases: ['list'],
  short: 'List stacks',
  args: noArgs,
  flags: [{ name: 'format', type: 'string', usage: FORMAT_HELP }, orchestratorFlag],
  run: runList,
};

/** GetStacks: stack name → number of services */
export async function getStacks(cli: DockerCli): Promise<Map<string, number>> {
  const services = await cli.client.get<Service[]>('/services', {
    filters: encodeFilters([['label', LABEL_NAMESPACE]]),
  });
  const stacks = new Map<string, number>();
  for (const s of services) {
    const name = s.Spec.Labels?.[LABEL_NAMESPACE];
    if (name === undefined) throw new CliError(`cannot get label ${LABEL_NAMESPACE} for service ${s.ID}`);
    stacks.set(name, (stacks.get(name) ?? 0) + 1);
  }
  return stacks;
}

async function runList(cli: DockerCli, flags: FlagValues): Promise<void> {
  const stacks = [...(await getStacks(cli))].sort((a, b) => naturalCompare(a[0], b[0]));
  writeFormatted(
    cli.out,
    stackListFormat(flags.string('format')),
    STACK_HEADER,
    stacks.map(([name, n]) => new StackContext(name, n)),
  );
}
