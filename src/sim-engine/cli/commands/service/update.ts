/**
 * `docker service update` — docker/cli cli/command/service/update.go (v28.5.2): the
 * service as it is, changed by the flags given (update-spec.ts), sent with the version
 * it was read at; then the convergence progress unless -d. `--rollback` asks the daemon
 * to go back to the previous spec (server-side rollback, which honours RollbackConfig).
 */

import type { Service, ServiceUpdateResponse } from '../../../api/types/service.ts';
import { type CommandSpec, exactArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { CliError } from '../../errors.ts';
import type { FlagValues } from '../../flags.ts';
import { durationOpt } from '../opts/duration.ts';
import { validateEnv } from '../opts/env.ts';
import { validateExtraHost } from '../opts/hosts.ts';
import { parseMount } from '../opts/mount.ts';
import { parseNetwork } from '../opts/network.ts';
import { validateDNSSearch, validateIPAddress, validateLabel } from '../opts/opts.ts';
import { parseConfigOpt } from '../opts/swarmopts/config.ts';
import { parsePortOpt } from '../opts/swarmopts/port.ts';
import { parseSecretOpt } from '../opts/swarmopts/secret.ts';
import { parseUlimit } from '../opts/ulimit.ts';
import { validateSingleGenericResource } from './generic-resource-opts.ts';
import { parseFloatValue, parsePlacementPref, parseShlex } from './opts.ts';
import { serviceFlags } from './opts.ts';
import { waitOnService } from './progress.ts';
import { imageWithTag, resolveContainerSpecImage } from './resolve-image.ts';
import { parseConfigs, parseSecrets } from './parse-refs.ts';
import { updateService } from './update-spec.ts';

export const updateCommand: CommandSpec = {
  use: 'update [OPTIONS] SERVICE',
  short: 'Update a service',
  args: exactArgs(1),
  flags: [
    { name: 'args', type: 'command', usage: 'Service command args', parse: parseShlex },
    {
      name: 'config-add',
      type: 'config',
      usage: 'Add or update a config file on a service',
      annotations: { version: ['1.30'] },
      parse: parseConfigOpt,
      repeatable: true,
    },
    {
      name: 'config-rm',
      type: 'list',
      usage: 'Remove a configuration file',
      annotations: { version: ['1.30'] },
    },
    { name: 'constraint-add', type: 'list', usage: 'Add or update a placement constraint' },
    { name: 'constraint-rm', type: 'list', usage: 'Remove a constraint' },
    {
      name: 'container-label-add',
      type: 'list',
      usage: 'Add or update a container label',
      parse: validateLabel,
    },
    { name: 'container-label-rm', type: 'list', usage: 'Remove a container label by its key' },
    {
      name: 'dns-add',
      type: 'list',
      usage: 'Add or update a custom DNS server',
      annotations: { version: ['1.25'] },
      parse: validateIPAddress,
    },
    {
      name: 'dns-option-add',
      type: 'list',
      usage: 'Add or update a DNS option',
      annotations: { version: ['1.25'] },
    },
    { name: 'dns-option-rm', type: 'list', usage: 'Remove a DNS option', annotations: { version: ['1.25'] } },
    { name: 'dns-rm', type: 'list', usage: 'Remove a custom DNS server', annotations: { version: ['1.25'] } },
    {
      name: 'dns-search-add',
      type: 'list',
      usage: 'Add or update a custom DNS search domain',
      annotations: { version: ['1.25'] },
      parse: validateDNSSearch,
    },
    {
      name: 'dns-search-rm',
      type: 'list',
      usage: 'Remove a DNS search domain',
      annotations: { version: ['1.25'] },
    },
    { name: 'endpoint-mode', type: 'string', usage: 'Endpoint mode (vip or dnsrr)' },
    { name: 'env-add', type: 'list', usage: 'Add or update an environment variable', parse: validateEnv },
    { name: 'env-rm', type: 'list', usage: 'Remove an environment variable' },
    {
      name: 'force',
      type: 'bool',
      usage: 'Force update even if no changes require it',
      annotations: { version: ['1.25'] },
    },
    {
      name: 'generic-resource-add',
      type: 'list',
      usage: 'Add a Generic resource',
      annotations: { version: ['1.32'] },
      parse: validateSingleGenericResource,
    },
    {
      name: 'generic-resource-rm',
      type: 'list',
      usage: 'Remove a Generic resource',
      annotations: { version: ['1.32'] },
    },
    {
      name: 'group-add',
      type: 'list',
      usage: 'Add an additional supplementary user group to the container',
      annotations: { version: ['1.25'] },
    },
    {
      name: 'group-rm',
      type: 'list',
      usage: 'Remove a previously added supplementary user group from the container',
      annotations: { version: ['1.25'] },
    },
    {
      name: 'host-add',
      type: 'list',
      usage: 'Add a custom host-to-IP mapping ("host:ip")',
      annotations: { version: ['1.25'] },
      parse: validateExtraHost,
    },
    {
      name: 'host-rm',
      type: 'list',
      usage: 'Remove a custom host-to-IP mapping ("host:ip")',
      annotations: { version: ['1.25'] },
    },
    { name: 'image', type: 'string', usage: 'Service image tag' },
    { name: 'label-add', type: 'list', usage: 'Add or update a service label', parse: validateLabel },
    { name: 'label-rm', type: 'list', usage: 'Remove a label by its key' },
    {
      name: 'mount-add',
      type: 'mount',
      usage: 'Add or update a mount on a service',
      parse: parseMount,
      repeatable: true,
    },
    { name: 'mount-rm', type: 'list', usage: 'Remove a mount by its target path' },
    {
      name: 'network-add',
      type: 'network',
      usage: 'Add a network',
      annotations: { version: ['1.29'] },
      parse: parseNetwork,
      repeatable: true,
    },
    { name: 'network-rm', type: 'list', usage: 'Remove a network', annotations: { version: ['1.29'] } },
    {
      name: 'placement-pref-add',
      type: 'pref',
      usage: 'Add a placement preference',
      annotations: { version: ['1.28'] },
      parse: parsePlacementPref,
      repeatable: true,
    },
    {
      name: 'placement-pref-rm',
      type: 'pref',
      usage: 'Remove a placement preference',
      annotations: { version: ['1.28'] },
      parse: parsePlacementPref,
      repeatable: true,
    },
    {
      name: 'publish-add',
      type: 'port',
      usage: 'Add or update a published port',
      parse: parsePortOpt,
      repeatable: true,
    },
    {
      name: 'publish-rm',
      type: 'port',
      usage: 'Remove a published port by its target port',
      parse: parsePortOpt,
      repeatable: true,
    },
    {
      name: 'restart-condition',
      type: 'string',
      usage: 'Restart when condition is met ("none", "on-failure", "any")',
    },
    {
      name: 'restart-delay',
      type: 'duration',
      usage: 'Delay between restart attempts (ns|us|ms|s|m|h)',
      defValue: '',
      parse: durationOpt,
    },
    {
      name: 'rollback',
      type: 'bool',
      usage: 'Rollback to previous specification',
      annotations: { version: ['1.25'] },
    },
    {
      name: 'rollback-delay',
      type: 'duration',
      usage: 'Delay between task rollbacks (ns|us|ms|s|m|h)',
      annotations: { version: ['1.28'] },
    },
    {
      name: 'rollback-failure-action',
      type: 'string',
      usage: 'Action on rollback failure ("pause", "continue")',
      annotations: { version: ['1.28'] },
    },
    {
      name: 'rollback-max-failure-ratio',
      type: 'float',
      usage: 'Failure rate to tolerate during a rollback',
      defValue: '0',
      annotations: { version: ['1.28'] },
      parse: parseFloatValue,
    },
    {
      name: 'rollback-monitor',
      type: 'duration',
      usage: 'Duration after each task rollback to monitor for failure (ns|us|ms|s|m|h)',
      annotations: { version: ['1.28'] },
    },
    {
      name: 'rollback-order',
      type: 'string',
      usage: 'Rollback order ("start-first", "stop-first")',
      annotations: { version: ['1.29'] },
    },
    {
      name: 'rollback-parallelism',
      type: 'uint64',
      usage: 'Maximum number of tasks rolled back simultaneously (0 to roll back all at once)',
      annotations: { version: ['1.28'] },
    },
    {
      name: 'secret-add',
      type: 'secret',
      usage: 'Add or update a secret on a service',
      annotations: { version: ['1.25'] },
      parse: parseSecretOpt,
      repeatable: true,
    },
    { name: 'secret-rm', type: 'list', usage: 'Remove a secret', annotations: { version: ['1.25'] } },
    {
      name: 'stop-grace-period',
      type: 'duration',
      usage: 'Time to wait before force killing a container (ns|us|ms|s|m|h)',
      defValue: '',
      parse: durationOpt,
    },
    {
      name: 'sysctl-add',
      type: 'list',
      usage: 'Add or update a Sysctl option',
      annotations: { version: ['1.40'] },
    },
    { name: 'sysctl-rm', type: 'list', usage: 'Remove a Sysctl option', annotations: { version: ['1.40'] } },
    {
      name: 'ulimit-add',
      type: 'ulimit',
      usage: 'Add or update a ulimit option',
      defValue: '[]',
      annotations: { version: ['1.41'] },
      parse: parseUlimit,
      repeatable: true,
    },
    { name: 'ulimit-rm', type: 'list', usage: 'Remove a ulimit option', annotations: { version: ['1.41'] } },
    { name: 'update-delay', type: 'duration', usage: 'Delay between updates (ns|us|ms|s|m|h)' },
    {
      name: 'update-failure-action',
      type: 'string',
      usage: 'Action on update failure ("pause", "continue", "rollback")',
    },
    {
      name: 'update-max-failure-ratio',
      type: 'float',
      usage: 'Failure rate to tolerate during an update',
      defValue: '0',
      annotations: { version: ['1.25'] },
      parse: parseFloatValue,
    },
    {
      name: 'update-monitor',
      type: 'duration',
      usage: 'Duration after each task update to monitor for failure (ns|us|ms|s|m|h)',
      annotations: { version: ['1.25'] },
    },
    {
      name: 'update-order',
      type: 'string',
      usage: 'Update order ("start-first", "stop-first")',
      annotations: { version: ['1.29'] },
    },
    {
      name: 'update-parallelism',
      type: 'uint64',
      usage: 'Maximum number of tasks updated simultaneously (0 to update all at once)',
    },
    ...serviceFlags,
  ],
  run: runUpdate,
};

// ---------------------------------------------------------------------------
// docker/cli service/update.go runUpdate, with the API client's ServiceUpdate (moby
// client/service_update.go: the image tagged, and pinned to its digest when --image was given)

async function runUpdate(cli: DockerCli, flags: FlagValues, args: string[]): Promise<void> {
  const serviceId = args[0]!;
  const service = await cli.client.get<Service>(`/services/${encodeURIComponent(serviceId)}`, {
    insertDefaults: 'false',
  });
  const rollback = flags.bool('rollback');
  // rollback can't be combined with other flags (server-side rollback, API ≥ 1.28)
  if (rollback && [...flags.changed].some((f) => f !== 'rollback' && f !== 'detach' && f !== 'quiet'))
    throw new CliError('other flags may not be combined with --rollback');
  const spec = service.Spec;
  updateService(flags, spec);
  const query: Record<string, string | number> = {};
  const warnings: string[] = [];
  const task = (spec.TaskTemplate ??= {});
  if (task.ContainerSpec?.Image) task.ContainerSpec.Image = imageWithTag(task.ContainerSpec.Image);
  if (flags.has('image') && !flags.bool('no-resolve-image')) {
    const warning = await resolveContainerSpecImage(cli, task);
    if (warning) warnings.push(warning);
  }
  // getUpdatedSecrets / getUpdatedConfigs: after the removals (update-spec.ts), the additions resolved
  const container = (task.ContainerSpec ??= {});
  if (flags.has('secret-add'))
    container.Secrets = [...(container.Secrets ?? []), ...(await parseSecrets(cli, flags.get('secret-add')))];
  if (flags.has('config-add'))
    container.Configs = [...(container.Configs ?? []), ...(await parseConfigs(cli, flags.get('config-add')))];
  // only send auth if the flag was set; otherwise the daemon keeps the spec's
  const headers = flags.bool('with-registry-auth') ? { 'X-Registry-Auth': '' } : undefined;
  if (!headers) query['registryAuthFrom'] = 'spec';
  if (rollback) query['rollback'] = 'previous';
  query['version'] = service.Version.Index;
  const res = (
    await cli.client.request('POST', `/services/${service.ID}/update`, { query, body: spec, headers })
  ).body as ServiceUpdateResponse;
  for (const w of [...(res.Warnings ?? []), ...warnings]) cli.err.write(w + '\n');
  cli.out.write(serviceId + '\n');
  if (flags.bool('detach')) return;
  await waitOnService(cli, serviceId, flags.bool('quiet'));
}
