/**
 * docker/cli cli/command/service/opts.go `ToService`: the flags of `service create`
 * as a ServiceSpec. Restart, update and rollback settings are sent only when one of
 * their flags was given (`anyChanged`), so the daemon's defaults apply otherwise.
 */
import { sortedMap } from '../opts/go-map.ts';
import type {
  HealthConfig,
  NetworkAttachmentConfig,
  PortConfig,
  RestartPolicy,
  ServiceMode,
  ServiceSpec,
  UpdateConfig,
} from '../../../api/types/service.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { CliError } from '../../errors.ts';
import type { FlagValues } from '../../flags.ts';
import { readKVEnvStrings } from '../container/env-file.ts';

const MS = 1_000_000;

const kvMap = (list: string[]): Record<string, string> =>
  Object.fromEntries(
    list.map((kv) =>
      kv.includes('=') ? [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)] : [kv, ''],
    ),
  );

const anyChanged = (flags: FlagValues, names: string[]) => names.some((n) => flags.has(n));

/** ToServiceMode */
export function serviceMode(flags: FlagValues): ServiceMode {
  const mode = flags.string('mode');
  const replicas = flags.has('replicas') ? flags.number('replicas') : undefined;
  const maxReplicas = flags.number('replicas-max-per-node');
  const maxConcurrent = flags.has('max-concurrent') ? flags.number('max-concurrent') : undefined;
  switch (mode) {
    case 'global':
      if (replicas !== undefined)
        throw new CliError('replicas can only be used with replicated or replicated-job mode');
      if (maxReplicas > 0)
        throw new CliError('replicas-max-per-node can only be used with replicated or replicated-job mode');
      if (maxConcurrent !== undefined)
        throw new CliError('max-concurrent can only be used with replicated-job mode');
      return { Global: {} };
    case 'replicated':
      if (maxConcurrent !== undefined)
        throw new CliError('max-concurrent can only be used with replicated-job mode');
      return { Replicated: replicas !== undefined ? { Replicas: replicas } : {} };
    case 'replicated-job':
      return {
        ReplicatedJob: {
          ...((maxConcurrent ?? replicas) !== undefined ? { MaxConcurrent: maxConcurrent ?? replicas } : {}),
          ...(replicas !== undefined ? { TotalCompletions: replicas } : {}),
        },
      };
    case 'global-job':
      if (maxReplicas > 0)
        throw new CliError('replicas-max-per-node can only be used with replicated or replicated-job mode');
      if (maxConcurrent !== undefined)
        throw new CliError('max-concurrent can only be used with replicated-job mode');
      if (replicas !== undefined)
        throw new CliError('replicas can only be used with replicated or replicated-job mode');
      return { GlobalJob: {} };
    default:
      throw new CliError(`Unknown mode: ${mode}, only replicated and global supported`);
  }
}

/** updateConfigFromDefaults(defaults.Service.Update / Rollback) with the flags given */
function updateConfig(flags: FlagValues, prefix: 'update' | 'rollback'): UpdateConfig | undefined {
  const names = ['parallelism', 'delay', 'monitor', 'failure-action', 'max-failure-ratio', 'order'].map(
    (n) => `${prefix}-${n}`,
  );
  if (!anyChanged(flags, names)) return undefined;
  const c: UpdateConfig = {
    Parallelism: 1,
    FailureAction: 'pause',
    Monitor: 5000 * MS,
    MaxFailureRatio: 0,
    Order: 'stop-first',
  };
  if (flags.has(`${prefix}-parallelism`)) c.Parallelism = flags.number(`${prefix}-parallelism`);
  if (flags.has(`${prefix}-delay`)) c.Delay = flags.number(`${prefix}-delay`) * MS;
  if (flags.has(`${prefix}-monitor`)) c.Monitor = flags.number(`${prefix}-monitor`) * MS;
  if (flags.has(`${prefix}-failure-action`))
    c.FailureAction = flags.string(`${prefix}-failure-action`) as UpdateConfig['FailureAction'];
  if (flags.has(`${prefix}-max-failure-ratio`))
    c.MaxFailureRatio = flags.number(`${prefix}-max-failure-ratio`);
  if (flags.has(`${prefix}-order`)) c.Order = flags.string(`${prefix}-order`) as UpdateConfig['Order'];
  return c;
}

/** ToRestartPolicy: defaultRestartPolicy with the flags given */
function restartPolicy(flags: FlagValues): RestartPolicy | undefined {
  if (!anyChanged(flags, ['restart-delay', 'restart-max-attempts', 'restart-window', 'restart-condition']))
    return undefined;
  const p: RestartPolicy = { Condition: 'any', Delay: 5000 * MS, MaxAttempts: 0 };
  if (flags.has('restart-delay')) p.Delay = flags.number('restart-delay') * MS;
  if (flags.has('restart-condition'))
    p.Condition = flags.string('restart-condition') as RestartPolicy['Condition'];
  if (flags.has('restart-max-attempts')) p.MaxAttempts = flags.number('restart-max-attempts');
  if (flags.has('restart-window')) p.Window = flags.number('restart-window') * MS;
  return p;
}

/** healthCheckOptions.toHealthConfig */
function healthConfig(flags: FlagValues): HealthConfig | undefined {
  const settings = [
    'health-cmd',
    'health-interval',
    'health-timeout',
    'health-retries',
    'health-start-period',
    'health-start-interval',
  ];
  const have = anyChanged(flags, settings);
  if (flags.bool('no-healthcheck')) {
    if (have) throw new CliError('--no-healthcheck conflicts with --health-* options');
    return { Test: ['NONE'] };
  }
  if (!have) return undefined;
  const cmd = flags.string('health-cmd');
  const hc: HealthConfig = {};
  if (cmd) hc.Test = ['CMD-SHELL', cmd];
  hc.Interval = flags.number('health-interval') * MS;
  hc.Timeout = flags.number('health-timeout') * MS;
  hc.StartPeriod = flags.number('health-start-period') * MS;
  hc.StartInterval = flags.number('health-start-interval') * MS;
  hc.Retries = flags.number('health-retries');
  return hc;
}

/** makeEnv: --env-file then --env, a later value of a name replacing an earlier one */
function makeEnv(cli: DockerCli, flags: FlagValues): string[] {
  const vars = readKVEnvStrings(cli, flags.list('env-file'), flags.list('env')) ?? [];
  const out: string[] = [];
  for (const env of vars) {
    const k = env.split('=')[0]!;
    for (let i = out.length - 1; i >= 0; i--)
      if (out[i] !== env && out[i]!.startsWith(k + '=')) out.splice(i, 1);
    out.push(env);
  }
  return out;
}

export function toService(cli: DockerCli, flags: FlagValues, image: string, args: string[]): ServiceSpec {
  const env = makeEnv(cli, flags);
  const health = healthConfig(flags);
  const mode = serviceMode(flags);
  const update = updateConfig(flags, 'update');
  const rollback = updateConfig(flags, 'rollback');
  if ((mode.ReplicatedJob || mode.GlobalJob) && (update || rollback))
    throw new CliError('update and rollback configuration is not supported for jobs');
  const networks: NetworkAttachmentConfig[] = flags
    .get<{ Target: string; Aliases?: string[]; DriverOpts?: Record<string, string> }[]>('network')
    .map((n) => ({
      Target: n.Target,
      ...(n.Aliases?.length ? { Aliases: n.Aliases } : {}),
      ...(n.DriverOpts ? { DriverOpts: n.DriverOpts } : {}),
    }))
    .sort((a, b) => (a.Target! < b.Target! ? -1 : a.Target! > b.Target! ? 1 : 0));
  const ports = flags.get<PortConfig[][]>('publish').flat();
  const containerLabels = kvMap(flags.list('container-label'));
  const spec: ServiceSpec = {
    Name: flags.string('name'),
    Labels: sortedMap(kvMap(flags.list('label'))),
    TaskTemplate: {
      ContainerSpec: {
        Image: image,
        ...(args.length ? { Args: args } : {}),
        ...(flags.has('entrypoint') ? { Command: flags.get<string[]>('entrypoint') } : {}),
        ...(env.length ? { Env: env } : {}),
        ...(flags.string('hostname') ? { Hostname: flags.string('hostname') } : {}),
        ...(Object.keys(containerLabels).length ? { Labels: sortedMap(containerLabels) } : {}),
        ...(flags.string('workdir') ? { Dir: flags.string('workdir') } : {}),
        ...(flags.string('user') ? { User: flags.string('user') } : {}),
        ...(flags.list('group').length ? { Groups: flags.list('group') } : {}),
        ...(flags.string('stop-signal') ? { StopSignal: flags.string('stop-signal') } : {}),
        ...(flags.bool('tty') ? { TTY: true } : {}),
        ...(flags.bool('read-only') ? { ReadOnly: true } : {}),
        ...(flags.get<unknown[]>('mount').length ? { Mounts: flags.get('mount') } : {}),
        Init: flags.bool('init'),
        ...(flags.has('stop-grace-period')
          ? { StopGracePeriod: flags.number('stop-grace-period') * MS }
          : {}),
        ...(health ? { Healthcheck: health } : {}),
        DNSConfig: {
          ...(flags.list('dns').length ? { Nameservers: flags.list('dns') } : {}),
          ...(flags.list('dns-search').length ? { Search: flags.list('dns-search') } : {}),
          ...(flags.list('dns-option').length ? { Options: flags.list('dns-option') } : {}),
        },
        ...(flags.list('host').length ? { Hosts: flags.list('host').map(swarmHost) } : {}),
        ...(flags.string('isolation') ? { Isolation: flags.string('isolation') } : {}),
        ...(flags.list('sysctl').length ? { Sysctls: sortedMap(kvMap(flags.list('sysctl'))) } : {}),
        ...(flags.list('cap-add').length ? { CapabilityAdd: flags.list('cap-add') } : {}),
        ...(flags.list('cap-drop').length ? { CapabilityDrop: flags.list('cap-drop') } : {}),
      },
      Resources: {
        Limits: {
          ...(flags.number('limit-cpu') ? { NanoCPUs: flags.number('limit-cpu') } : {}),
          ...(flags.number('limit-memory') ? { MemoryBytes: flags.number('limit-memory') } : {}),
          ...(flags.number('limit-pids') ? { Pids: flags.number('limit-pids') } : {}),
        },
        Reservations: {
          ...(flags.number('reserve-cpu') ? { NanoCPUs: flags.number('reserve-cpu') } : {}),
          ...(flags.number('reserve-memory') ? { MemoryBytes: flags.number('reserve-memory') } : {}),
        },
      },
      ...(restartPolicy(flags) ? { RestartPolicy: restartPolicy(flags) } : {}),
      Placement: {
        ...(flags.list('constraint').length ? { Constraints: flags.list('constraint') } : {}),
        ...(flags.get<unknown[]>('placement-pref').length
          ? { Preferences: flags.get('placement-pref') }
          : {}),
        ...(flags.number('replicas-max-per-node')
          ? { MaxReplicas: flags.number('replicas-max-per-node') }
          : {}),
      },
      ...(networks.length ? { Networks: networks } : {}),
      ...(flags.string('log-driver')
        ? {
            LogDriver: {
              Name: flags.string('log-driver'),
              ...(flags.list('log-opt').length ? { Options: kvMap(flags.list('log-opt')) } : {}),
            },
          }
        : {}),
      // swarm.TaskSpec's ForceUpdate is no omitempty field: the CLI sends its 0
      ForceUpdate: 0,
    },
    Mode: mode,
    ...(update ? { UpdateConfig: update } : {}),
    ...(rollback ? { RollbackConfig: rollback } : {}),
    EndpointSpec: {
      Mode: flags.string('endpoint-mode').toLowerCase() as 'vip' | 'dnsrr',
      ...(ports.length ? { Ports: ports as PortConfig[] } : {}),
    },
  };
  return spec;
}

/** convertExtraHostsToSwarmHosts: `host:ip` → `ip host` */
function swarmHost(h: string): string {
  const i = h.indexOf(':');
  return `${h.slice(i + 1)} ${h.slice(0, i)}`;
}
