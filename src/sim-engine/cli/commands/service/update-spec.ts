/**
 * docker/cli cli/command/service/update.go `updateService`: change a service's spec
 * by the flags the user set (flags.Changed) and nothing else, one function per group of
 * flags as upstream has them. Lists are rebuilt as upstream rebuilds them (constraints,
 * mounts, ports, groups, DNS, networks, ulimits sorted); an empty result is left out, as
 * Go's JSON leaves out an empty slice.
 */
import type {
  ContainerSpec,
  EndpointSpec,
  HealthConfig,
  NetworkAttachmentConfig,
  PortConfig,
  ServiceMode,
  ServiceSpec,
  TaskSpec,
  UpdateConfig,
} from '../../../api/types/service.ts';
import { CliError } from '../../errors.ts';
import type { FlagValues } from '../../flags.ts';
import type { PlacementPreference } from './opts.ts';

type Mount = NonNullable<ContainerSpec['Mounts']>[number];

const MS = 1_000_000;
const changed = (flags: FlagValues, ...names: string[]) => names.some((n) => flags.has(n));
const set = <T>(list: T[] | undefined): T[] | undefined => (list && list.length > 0 ? list : undefined);
const kv = (s: string): [string, string] => {
  const i = s.indexOf('=');
  return i < 0 ? [s, ''] : [s.slice(0, i), s.slice(i + 1)];
};
const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function updateService(flags: FlagValues, spec: ServiceSpec): void {
  const task = (spec.TaskTemplate ??= {});
  const c = (task.ContainerSpec ??= {});
  spec.Labels = updateMap(flags, 'label-add', 'label-rm', spec.Labels, true);
  c.Labels = updateMap(flags, 'container-label-add', 'container-label-rm', c.Labels, true);
  if (flags.has('image')) c.Image = flags.string('image');
  if (flags.has('args')) c.Args = flags.get<string[]>('args');
  if (flags.has('entrypoint')) c.Command = flags.get<string[]>('entrypoint');
  c.Env = set(updateEnvironment(flags, c.Env ?? []));
  if (flags.has('workdir')) c.Dir = flags.string('workdir');
  if (flags.has('user')) c.User = flags.string('user');
  if (flags.has('hostname')) c.Hostname = flags.string('hostname');
  if (flags.has('init')) c.Init = flags.bool('init');
  if (flags.has('isolation')) c.Isolation = flags.string('isolation');
  c.Mounts = set(updateMounts(flags, c.Mounts ?? []));
  c.Sysctls = updateMap(flags, 'sysctl-add', 'sysctl-rm', c.Sysctls, false);
  c.Ulimits = updateUlimits(flags, c.Ulimits ?? []);
  updateResources(flags, task);
  if (flags.has('oom-score-adj')) c.OomScoreAdj = flags.number('oom-score-adj');
  if (flags.has('stop-grace-period')) c.StopGracePeriod = flags.number('stop-grace-period') * MS;
  updateRestartPolicy(flags, task);
  if (changed(flags, 'constraint-add', 'constraint-rm')) updatePlacementConstraints(flags, task);
  if (changed(flags, 'placement-pref-add', 'placement-pref-rm')) updatePlacementPreferences(flags, task);
  if (changed(flags, 'network-add', 'network-rm')) updateNetworks(flags, spec);
  updateReplicas(flags, spec.Mode);
  if (flags.has('replicas-max-per-node'))
    task.Placement = { ...task.Placement, MaxReplicas: flags.number('replicas-max-per-node') };
  spec.UpdateConfig = updateConfig(flags, 'update', spec.UpdateConfig);
  spec.RollbackConfig = updateConfig(flags, 'rollback', spec.RollbackConfig);
  if (flags.has('endpoint-mode'))
    spec.EndpointSpec = { ...spec.EndpointSpec, Mode: flags.string('endpoint-mode') as EndpointSpec['Mode'] };
  if (changed(flags, 'group-add', 'group-rm')) c.Groups = set(updateGroups(flags, c.Groups ?? []));
  if (changed(flags, 'publish-add', 'publish-rm')) {
    const e = (spec.EndpointSpec ??= {});
    e.Ports = set(updatePorts(flags, e.Ports ?? []));
  }
  if (
    changed(flags, 'dns-add', 'dns-rm', 'dns-option-add', 'dns-option-rm', 'dns-search-add', 'dns-search-rm')
  )
    c.DNSConfig = updateDNSConfig(flags, c.DNSConfig ?? {});
  if (changed(flags, 'host-add', 'host-rm')) c.Hosts = set(updateHosts(flags, c.Hosts ?? []));
  if (flags.has('log-driver') && flags.string('log-driver') !== '') {
    const options = Object.fromEntries(flags.list('log-opt').map(kv));
    task.LogDriver = { Name: flags.string('log-driver'), Options: options };
  }
  if (flags.bool('force')) task.ForceUpdate = (task.ForceUpdate ?? 0) + 1;
  updateHealthcheck(flags, c);
  if (flags.has('tty')) c.TTY = flags.bool('tty');
  if (flags.has('read-only')) c.ReadOnly = flags.bool('read-only');
  if (flags.has('stop-signal')) c.StopSignal = flags.string('stop-signal');
  if (changed(flags, 'cap-add', 'cap-drop')) updateCapabilities(flags, c);
  if (flags.has('secret-rm') && c.Secrets) {
    const rm = new Set(flags.list('secret-rm'));
    c.Secrets = set(c.Secrets.filter((x) => !rm.has(x.SecretName ?? '')));
  }
  if (flags.has('config-rm') && c.Configs) {
    const rm = new Set(flags.list('config-rm'));
    c.Configs = set(c.Configs.filter((x) => x.Runtime || !rm.has(x.ConfigName ?? '')));
  }
}

/** updateLabels / updateContainerLabels / updateSysCtls: remove keys, then add `k=v`. */
function updateMap(
  flags: FlagValues,
  add: string,
  rm: string,
  field: Record<string, string> | undefined,
  keysOnly: boolean,
): Record<string, string> | undefined {
  if (field && flags.has(rm)) for (const k of flags.list(rm)) delete field[keysOnly ? k : kv(k)[0]];
  if (flags.has(add)) {
    field ??= {};
    for (const [k, v] of flags.list(add).map(kv)) field[k] = v;
  }
  return field;
}

/**
 * updateEnvironment: remove by name, then add or replace by name.
 * Differs from Docker: upstream rebuilds the list from a Go map, in random order; here
 * a replaced variable keeps its place and new ones follow in the order given.
 */
function updateEnvironment(flags: FlagValues, env: string[]): string[] {
  const rm = new Set(flags.list('env-rm'));
  const out = env.filter((e) => !rm.has(kv(e)[0]));
  if (!flags.has('env-add')) return out;
  for (const e of flags.list('env-add')) {
    const i = out.findIndex((x) => kv(x)[0] === kv(e)[0]);
    if (i >= 0) out[i] = e;
    else out.push(e);
  }
  return out;
}

/** updateUlimits: by name; removed, added, sorted by name */
function updateUlimits(flags: FlagValues, ulimits: NonNullable<ContainerSpec['Ulimits']>) {
  const byName = new Map(ulimits.map((u) => [u.Name, u]));
  if (flags.has('ulimit-rm')) for (const k of flags.list('ulimit-rm')) byName.delete(kv(k)[0]);
  if (flags.has('ulimit-add'))
    for (const u of flags.get<NonNullable<ContainerSpec['Ulimits']>>('ulimit-add')) byName.set(u.Name, u);
  return set([...byName.values()].sort((a, b) => byString(a.Name, b.Name)));
}

/** updateMounts: added mounts replace those on the same target; removed by target; sorted by source, target. */
function updateMounts(flags: FlagValues, mounts: Mount[]): Mount[] {
  const byTarget = new Map<string, Mount>();
  if (flags.has('mount-add'))
    for (const m of flags.get<Mount[]>('mount-add')) {
      if (byTarget.has(m.Target ?? '')) throw new CliError('duplicate mount target');
      byTarget.set(m.Target ?? '', m);
    }
  for (const m of mounts) if (!byTarget.has(m.Target ?? '')) byTarget.set(m.Target ?? '', m);
  const rm = new Set(flags.list('mount-rm'));
  return [...byTarget.values()]
    .filter((m) => !rm.has(m.Target ?? ''))
    .sort((a, b) => byString(a.Source ?? '', b.Source ?? '') || byString(a.Target ?? '', b.Target ?? ''));
}

/** the limit-* and reserve-* flags */
function updateResources(flags: FlagValues, task: TaskSpec): void {
  const resources = () => {
    task.Resources ??= {};
    task.Resources.Limits ??= {};
    task.Resources.Reservations ??= {};
    return task.Resources as Required<NonNullable<TaskSpec['Resources']>>;
  };
  if (changed(flags, 'limit-cpu', 'limit-memory', 'limit-pids')) {
    const l = resources().Limits;
    if (flags.has('limit-cpu')) l.NanoCPUs = flags.number('limit-cpu');
    if (flags.has('limit-memory')) l.MemoryBytes = flags.number('limit-memory');
    if (flags.has('limit-pids')) l.Pids = flags.number('limit-pids');
  }
  if (changed(flags, 'reserve-cpu', 'reserve-memory')) {
    const r = resources().Reservations;
    if (flags.has('reserve-cpu')) r.NanoCPUs = flags.number('reserve-cpu');
    if (flags.has('reserve-memory')) r.MemoryBytes = flags.number('reserve-memory');
  }
}

function updateRestartPolicy(flags: FlagValues, task: TaskSpec): void {
  if (!changed(flags, 'restart-condition', 'restart-delay', 'restart-max-attempts', 'restart-window')) return;
  // defaultRestartPolicy
  const p = (task.RestartPolicy ??= { Condition: 'any', Delay: 5000 * MS, MaxAttempts: 0 });
  if (flags.has('restart-condition'))
    p.Condition = flags.string('restart-condition') as NonNullable<TaskSpec['RestartPolicy']>['Condition'];
  if (flags.has('restart-delay')) p.Delay = flags.number('restart-delay') * MS;
  if (flags.has('restart-max-attempts')) p.MaxAttempts = flags.number('restart-max-attempts');
  if (flags.has('restart-window')) p.Window = flags.number('restart-window') * MS;
}

/** updatePlacementConstraints: added, then removed, then sorted */
function updatePlacementConstraints(flags: FlagValues, task: TaskSpec): void {
  const p = (task.Placement ??= {});
  const all = [...(p.Constraints ?? []), ...flags.list('constraint-add')];
  const rm = new Set(flags.list('constraint-rm'));
  p.Constraints = all.filter((x) => !rm.has(x)).sort(byString);
}

function updatePlacementPreferences(flags: FlagValues, task: TaskSpec): void {
  const p = (task.Placement ??= {});
  let prefs = (p.Preferences ?? []) as PlacementPreference[];
  if (flags.has('placement-pref-rm')) {
    const rm = flags.get<PlacementPreference[]>('placement-pref-rm');
    prefs = prefs.filter(
      (e) => !rm.some((r) => r.Spread && e.Spread && r.Spread.SpreadDescriptor === e.Spread.SpreadDescriptor),
    );
  }
  if (flags.has('placement-pref-add'))
    prefs = [...prefs, ...flags.get<PlacementPreference[]>('placement-pref-add')];
  p.Preferences = set(prefs);
}

/**
 * updateNetworks: removed, then added (`service is already attached to network X`), sorted.
 * Differs from Docker: networks are named by what was typed; upstream first resolves
 * each to its ID with `GET /networks/{name}`.
 */
function updateNetworks(flags: FlagValues, spec: ServiceSpec): void {
  const task = spec.TaskTemplate!;
  let networks = task.Networks?.length ? task.Networks : (spec.Networks ?? []);
  delete spec.Networks;
  const rm = new Set(flags.list('network-rm'));
  networks = networks.filter((n) => !rm.has(n.Target ?? ''));
  const existing = new Set(networks.map((n) => n.Target));
  for (const n of flags.get<NetworkAttachmentConfig[]>('network-add') ?? []) {
    if (existing.has(n.Target)) throw new CliError(`service is already attached to network ${n.Target}`);
    networks.push({
      Target: n.Target,
      ...(n.Aliases?.length ? { Aliases: n.Aliases } : {}),
      ...(n.DriverOpts ? { DriverOpts: n.DriverOpts } : {}),
    });
    existing.add(n.Target);
  }
  task.Networks = set(networks.sort((a, b) => byString(a.Target ?? '', b.Target ?? '')));
}

function updateReplicas(flags: FlagValues, mode: ServiceMode | undefined): void {
  if (!flags.has('replicas')) return;
  if (!mode?.Replicated) throw new CliError('replicas can only be used with replicated mode');
  mode.Replicated.Replicas = flags.number('replicas');
}

/** the --update-* / --rollback-* flags: updateConfigFromDefaults, then the flags given */
function updateConfig(
  flags: FlagValues,
  prefix: 'update' | 'rollback',
  current: UpdateConfig | undefined,
): UpdateConfig | undefined {
  const f = (n: string) => `${prefix}-${n}`;
  const names = ['parallelism', 'delay', 'monitor', 'failure-action', 'max-failure-ratio', 'order'].map(f);
  if (!changed(flags, ...names)) return current;
  const c: UpdateConfig = current ?? {
    Parallelism: 1,
    FailureAction: 'pause',
    Monitor: 5000 * MS,
    MaxFailureRatio: 0,
    Order: 'stop-first',
  };
  if (flags.has(f('parallelism'))) c.Parallelism = flags.number(f('parallelism'));
  if (flags.has(f('delay'))) c.Delay = flags.number(f('delay')) * MS;
  if (flags.has(f('monitor'))) c.Monitor = flags.number(f('monitor')) * MS;
  if (flags.has(f('failure-action')))
    c.FailureAction = flags.string(f('failure-action')) as UpdateConfig['FailureAction'];
  if (flags.has(f('max-failure-ratio'))) c.MaxFailureRatio = flags.number(f('max-failure-ratio'));
  if (flags.has(f('order'))) c.Order = flags.string(f('order')) as UpdateConfig['Order'];
  return c;
}

/** updateGroups: added, removed, sorted */
function updateGroups(flags: FlagValues, groups: string[]): string[] {
  const rm = new Set(flags.list('group-rm'));
  return [...groups, ...flags.list('group-add')].filter((g) => !rm.has(g)).sort(byString);
}

const portKey = (p: PortConfig) =>
  `${p.PublishedPort ?? 0}:${p.TargetPort ?? 0}/${p.Protocol ?? ''}/${p.PublishMode ?? ''}`;

/** updatePorts: removed by target port (protocol and mode defaulting to tcp and ingress), added, sorted by `pub:target/proto/mode`. */
function updatePorts(flags: FlagValues, ports: PortConfig[]): PortConfig[] {
  const set_ = new Map<string, PortConfig>();
  for (const p of ports) if (!set_.has(portKey(p))) set_.set(portKey(p), p);
  const rm = flags.get<PortConfig[][]>('publish-rm').flat();
  const same = <T>(a: T | undefined, b: T | undefined, dflt: T) => (a || dflt) === (b || dflt);
  const out = [...set_.values()].filter(
    (p) =>
      !rm.some(
        (r) =>
          same(p.Protocol, r.Protocol, 'tcp') &&
          p.TargetPort === r.TargetPort &&
          same(p.PublishMode, r.PublishMode, 'ingress'),
      ),
  );
  if (flags.has('publish-add'))
    for (const p of flags.get<PortConfig[][]>('publish-add').flat()) if (!set_.has(portKey(p))) out.push(p);
  return out.sort((a, b) => byString(portKey(a), portKey(b)));
}

/** updateDNSConfig: each list added to, deduplicated, removed from and sorted */
function updateDNSConfig(flags: FlagValues, config: NonNullable<ContainerSpec['DNSConfig']>) {
  const merge = (list: string[] | undefined, add: string, rm: string) => {
    const removed = new Set(flags.list(rm));
    const all = [...new Set([...(list ?? []), ...flags.list(add)])];
    return set(all.filter((x) => !removed.has(x)).sort(byString));
  };
  return {
    ...((v) => (v ? { Nameservers: v } : {}))(merge(config.Nameservers, 'dns-add', 'dns-rm')),
    ...((v) => (v ? { Search: v } : {}))(merge(config.Search, 'dns-search-add', 'dns-search-rm')),
    ...((v) => (v ? { Options: v } : {}))(merge(config.Options, 'dns-option-add', 'dns-option-rm')),
  };
}

/** updateHosts: `host[:ip]` removals from `ip host…` entries, then `host:ip` additions as `ip host` */
function updateHosts(flags: FlagValues, hosts: string[]): string[] {
  const rm = flags.list('host-rm').map((e) => {
    const i = e.indexOf(':');
    return i < 0 ? { host: e, ip: '' } : { host: e.slice(0, i), ip: e.slice(i + 1) };
  });
  const out: string[] = [];
  for (const entry of hosts) {
    const [ip, ...names] = entry.split(/\s+/).filter(Boolean);
    if (!ip) continue;
    const kept = names.filter((h) => !rm.some((r) => (r.ip === '' || r.ip === ip) && r.host === h));
    if (kept.length > 0) out.push(`${ip} ${kept.join(' ')}`);
  }
  for (const h of flags.list('host-add')) {
    const i = h.indexOf(':');
    out.push(`${h.slice(i + 1)} ${h.slice(0, i)}`);
  }
  return [...new Set(out)];
}

const HEALTH = ['health-cmd', 'health-interval', 'health-retries', 'health-timeout', 'health-start-period'];

function updateHealthcheck(flags: FlagValues, c: ContainerSpec): void {
  if (!changed(flags, 'no-healthcheck', ...HEALTH)) return;
  const hc: HealthConfig = (c.Healthcheck ??= {});
  if (flags.bool('no-healthcheck')) {
    if (changed(flags, ...HEALTH)) throw new CliError('--no-healthcheck conflicts with --health-* options');
    c.Healthcheck = { Test: ['NONE'] };
    return;
  }
  if (hc.Test?.[0] === 'NONE') delete hc.Test;
  if (flags.has('health-interval')) hc.Interval = flags.number('health-interval') * MS;
  if (flags.has('health-timeout')) hc.Timeout = flags.number('health-timeout') * MS;
  if (flags.has('health-start-period')) hc.StartPeriod = flags.number('health-start-period') * MS;
  if (flags.has('health-retries')) hc.Retries = flags.number('health-retries');
  if (flags.has('health-cmd')) {
    const cmd = flags.string('health-cmd');
    if (cmd) hc.Test = ['CMD-SHELL', cmd];
    else delete hc.Test;
  }
}

/** updateCapabilities: drops and adds cancel each other; `RESET` clears; `ALL` alone stands for all */
function updateCapabilities(flags: FlagValues, c: ContainerSpec): void {
  const norm = (x: string) => {
    const u = x.toUpperCase();
    return u === 'ALL' || u === 'RESET' || u.startsWith('CAP_') ? u : `CAP_${u}`;
  };
  const asSet = (l: string[] | undefined) => new Set((l ?? []).map(norm));
  let capAdd = asSet(c.CapabilityAdd);
  let capDrop = asSet(c.CapabilityDrop);
  const toAdd = asSet(flags.has('cap-add') ? flags.list('cap-add') : []);
  const toDrop = asSet(flags.has('cap-drop') ? flags.list('cap-drop') : []);
  if (toAdd.delete('RESET')) capAdd = new Set();
  if (toDrop.delete('RESET')) capDrop = new Set();
  for (const x of toDrop) {
    if (toAdd.has(x)) continue;
    if (capAdd.has(x)) capAdd.delete(x);
    else capDrop.add(x);
  }
  for (const x of toAdd) {
    if (capDrop.has(x)) capDrop.delete(x);
    else capAdd.add(x);
  }
  const list = (s: Set<string>) =>
    s.size === 0 ? undefined : s.has('ALL') ? ['ALL'] : [...s].sort(byString);
  c.CapabilityDrop = list(capDrop);
  c.CapabilityAdd = list(capAdd);
}
