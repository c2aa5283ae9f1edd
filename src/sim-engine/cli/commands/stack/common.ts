/**
 * What the stack commands share (docker/cli cli/command/stack/common.go and
 * stack/swarm/common.go): the stack-name check, and the `label=com.docker.stack.namespace`
 * filter every command lists a stack's objects with.
 */
import { encodeFilters } from '../../../api/client.ts';
import type { Service } from '../../../api/types/service.ts';
import { quote } from '../../../golang/index.ts';
import { LABEL_NAMESPACE } from '../../../compose/index.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { CliError } from '../../errors.ts';
import type { FlagValues } from '../../flags.ts';
import type { FilterArg } from '../opts/opts.ts';

const quotesOrWhitespace = /^[\s"']+|[\s"']+$/gu;

/** validateStackName: a name that is nothing but spaces and quotes is refused. */
export function validateStackName(namespace: string): void {
  if (namespace.replace(quotesOrWhitespace, '') === '')
    throw new CliError(`invalid stack name: ${quote(namespace)}`);
}

/** getStackFilter: `{"label":{"com.docker.stack.namespace=<stack>":true}}` */
export function stackFilter(namespace: string): string {
  return encodeFilters([['label', `${LABEL_NAMESPACE}=${namespace}`]])!;
}

/** getStackFilterFromOpt: the user's `--filter`s and the stack's label */
export function stackFilterFromFlags(namespace: string, flags: FlagValues): string {
  const args = flags
    .get<(FilterArg | undefined)[]>('filter')
    .filter((f): f is FilterArg => f !== undefined)
    .map((f): [string, string] => [f.name, f.value]);
  return encodeFilters([...args, ['label', `${LABEL_NAMESPACE}=${namespace}`]])!;
}

export function getStackServices(cli: DockerCli, namespace: string): Promise<Service[]> {
  return cli.client.get<Service[]>('/services', { filters: stackFilter(namespace) });
}
