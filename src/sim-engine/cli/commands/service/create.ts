/**
 * `docker service create` — docker/cli cli/command/service/create.go (v28.5.2).
 */

import type { ServiceCreateResponse } from '../../../api/types/service.ts';
import { type CommandSpec, requiresMinArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import { waitOnService } from './progress.ts';
import { imageWithTag, resolveContainerSpecImage } from './resolve-image.ts';
import { toService } from './spec.ts';
import { durationOpt } from '../opts/duration.ts';
import { validateEnv } from '../opts/env.ts';
import { validateExtraHost } from '../opts/hosts.ts';
import { parseMount } from '../opts/mount.ts';
import { parseNetwork } from '../opts/network.ts';
import { validateDNSSearch, validateIPAddress, validateLabel } from '../opts/opts.ts';
import { type ConfigReference, parseConfigOpt } from '../opts/swarmopts/config.ts';
import { parsePortOpt } from '../opts/swarmopts/port.ts';
import { parseSecretOpt, type SecretReference } from '../opts/swarmopts/secret.ts';
import { parseUlimit } from '../opts/ulimit.ts';
import { validateSingleGenericResource } from './generic-resource-opts.ts';
import { parseFloatValue, parsePlacementPref } from './opts.ts';
import { parseConfigs, parseSecrets } from './parse-refs.ts';
import { serviceFlags } from './opts.ts';

export const createCommand: CommandSpec = {
  use: 'create [OPTIONS] IMAGE [COMMAND] [ARG...]',
  short: 'Create a new service',
  args: requiresMinArgs(1),
  interspersed: false,
  flags: [
    {
      name: 'config',
      type: 'config',
      usage: 'Specify configurations to expose to the service',
      annotations: { version: ['1.30'] },
      parse: parseConfigOpt,
      repeatable: true,
    },
    { name: 'constraint', type: 'list', usage: 'Placement constraints' },
    { name: 'container-label', type: 'list', usage: 'Container labels', parse: validateLabel },
    {
      name: 'dns',
      type: 'list',
      usage: 'Set custom DNS servers',
      annotations: { version: ['1.25'] },
      parse: validateIPAddress,
    },
    { name: 'dns-option', type: 'list', usage: 'Set DNS options', annotations: { version: ['1.25'] } },
    {
      name: 'dns-search',
      type: 'list',
      usage: 'Set custom DNS search domains',
      annotations: { version: ['1.25'] },
      parse: validateDNSSearch,
    },
    { name: 'endpoint-mode', type: 'string', usage: 'Endpoint mode (vip or dnsrr)', defValue: 'vip' },
    { name: 'env', shorthand: 'e', type: 'list', usage: 'Set environment variables', parse: validateEnv },
    { name: 'env-file', type: 'list', usage: 'Read in a file of environment variables' },
    {
      name: 'generic-resource',
      type: 'list',
      usage: 'User defined resources',
      parse: validateSingleGenericResource,
    },
    {
      name: 'group',
      type: 'list',
      usage: 'Set one or more supplementary user groups for the container',
      annotations: { version: ['1.25'] },
    },
    {
      name: 'host',
      type: 'list',
      usage: 'Set one or more custom host-to-IP mappings (host:ip)',
      annotations: { version: ['1.25'] },
      parse: validateExtraHost,
    },
    { name: 'label', shorthand: 'l', type: 'list', usage: 'Service labels', parse: validateLabel },
    {
      name: 'mode',
      type: 'string',
      usage: 'Service mode ("replicated", "global", "replicated-job", "global-job")',
      defValue: 'replicated',
    },
    {
      name: 'mount',
      type: 'mount',
      usage: 'Attach a filesystem mount to the service',
      parse: parseMount,
      repeatable: true,
    },
    { name: 'name', type: 'string', usage: 'Service name' },
    { name: 'network', type: 'network', usage: 'Network attachments', parse: parseNetwork, repeatable: true },
    {
      name: 'placement-pref',
      type: 'pref',
      usage: 'Add a placement preference',
      annotations: { version: ['1.28'] },
      parse: parsePlacementPref,
      repeatable: true,
    },
    {
      name: 'publish',
      shorthand: 'p',
      type: 'port',
      usage: 'Publish a port as a node port',
      parse: parsePortOpt,
      repeatable: true,
    },
    {
      name: 'restart-condition',
      type: 'string',
      usage: 'Restart when condition is met ("none", "on-failure", "any") (default "any")',
    },
    {
      name: 'restart-delay',
      type: 'duration',
      usage: 'Delay between restart attempts (ns|us|ms|s|m|h) (default 5s)',
      defValue: '',
      parse: durationOpt,
    },
    {
      name: 'rollback-delay',
      type: 'duration',
      usage: 'Delay between task rollbacks (ns|us|ms|s|m|h) (default 0s)',
      annotations: { version: ['1.28'] },
    },
    {
      name: 'rollback-failure-action',
      type: 'string',
      usage: 'Action on rollback failure ("pause", "continue") (default "pause")',
      annotations: { version: ['1.28'] },
    },
    {
      name: 'rollback-max-failure-ratio',
      type: 'float',
      usage: 'Failure rate to tolerate during a rollback (default 0)',
      defValue: '0',
      annotations: { version: ['1.28'] },
      parse: parseFloatValue,
    },
    {
      name: 'rollback-monitor',
      type: 'duration',
      usage: 'Duration after each task rollback to monitor for failure (ns|us|ms|s|m|h) (default 5s)',
      annotations: { version: ['1.28'] },
    },
    {
      name: 'rollback-order',
      type: 'string',
      usage: 'Rollback order ("start-first", "stop-first") (default "stop-first")',
      annotations: { version: ['1.29'] },
    },
    {
      name: 'rollback-parallelism',
      type: 'uint64',
      usage: 'Maximum number of tasks rolled back simultaneously (0 to roll back all at once)',
      defValue: '1',
      annotations: { version: ['1.28'] },
    },
    {
      name: 'secret',
      type: 'secret',
      usage: 'Specify secrets to expose to the service',
      annotations: { version: ['1.25'] },
      parse: parseSecretOpt,
      repeatable: true,
    },
    {
      name: 'stop-grace-period',
      type: 'duration',
      usage: 'Time to wait before force killing a container (ns|us|ms|s|m|h) (default 10s)',
      defValue: '',
      parse: durationOpt,
    },
    { name: 'sysctl', type: 'list', usage: 'Sysctl options', annotations: { version: ['1.40'] } },
    {
      name: 'ulimit',
      type: 'ulimit',
      usage: 'Ulimit options',
      defValue: '[]',
      annotations: { version: ['1.41'] },
      parse: parseUlimit,
      repeatable: true,
    },
    { name: 'update-delay', type: 'duration', usage: 'Delay between updates (ns|us|ms|s|m|h) (default 0s)' },
    {
      name: 'update-failure-action',
      type: 'string',
      usage: 'Action on update failure ("pause", "continue", "rollback") (default "pause")',
    },
    {
      name: 'update-max-failure-ratio',
      type: 'float',
      usage: 'Failure rate to tolerate during an update (default 0)',
      defValue: '0',
      annotations: { version: ['1.25'] },
      parse: parseFloatValue,
    },
    {
      name: 'update-monitor',
      type: 'duration',
      usage: 'Duration after each task update to monitor for failure (ns|us|ms|s|m|h) (default 5s)',
      annotations: { version: ['1.25'] },
    },
    {
      name: 'update-order',
      type: 'string',
      usage: 'Update order ("start-first", "stop-first") (default "stop-first")',
      annotations: { version: ['1.29'] },
    },
    {
      name: 'update-parallelism',
      type: 'uint64',
      usage: 'Maximum number of tasks updated simultaneously (0 to update all at once)',
      defValue: '1',
    },
    ...serviceFlags,
  ],
  run: runCreate,
};

// ---------------------------------------------------------------------------
// docker/cli service/create.go runCreate, with the API client's ServiceCreate
// (moby client/service_create.go: the image pinned to its digest by the registry)

async function runCreate(cli: DockerCli, flags: FlagValues, args: string[]): Promise<void> {
  const [image, ...rest] = args as [string, ...string[]];
  const spec = toService(cli, flags, image, rest);
  // ParseSecrets and setConfigs: the references get the IDs of the objects they name
  const container = spec.TaskTemplate!.ContainerSpec!;
  const secrets = flags.get<SecretReference[]>('secret');
  if (secrets.length > 0) container.Secrets = await parseSecrets(cli, secrets);
  const configs = flags.get<ConfigReference[]>('config');
  if (configs.length > 0) container.Configs = await parseConfigs(cli, configs);
  const warnings: string[] = [];
  // the API client's ServiceCreate tags the image (`nginx` → `nginx:latest`) whether or
  // not it then asks the registry for the digest (client/service_create.go:47-54)
  if (container.Image) container.Image = imageWithTag(container.Image);
  if (!flags.bool('no-resolve-image')) {
    const warning = await resolveContainerSpecImage(cli, spec.TaskTemplate!);
    if (warning) warnings.push(warning);
  }
  const headers = flags.bool('with-registry-auth') ? { 'X-Registry-Auth': '' } : undefined;
  const body = (await cli.client.request('POST', '/services/create', { body: spec, headers }))
    .body as ServiceCreateResponse;
  for (const w of [...warnings, ...(body.Warnings ?? [])]) cli.err.write(w + '\n');
  cli.out.write(body.ID + '\n');
  if (flags.bool('detach')) return;
  await waitOnService(cli, body.ID, flags.bool('quiet'));
}
