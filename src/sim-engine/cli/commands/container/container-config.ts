/**
 * docker/cli's container/opts.go `parse`: the flags of `docker run`/`docker create`
 * turned into the create request (Config, HostConfig, NetworkingConfig), with the
 * same client-side checks and messages.
 */
import type {
  ContainerCreateRequest,
  EndpointSettings,
  HostConfig,
  Mount,
} from '../../../api/types/container.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import type { NetworkAttachmentOpts } from '../opts/network.ts';
import { parsePortSpecs, parsePortRange, splitProtoPort } from '../opts/nat.ts';
import { ConfigError } from './config-error.ts';
import { readKVEnvStrings, readKVStrings } from './env-file.ts';
import { goEndpointSettings } from '../opts/endpoint-settings.ts';
import { sortedMap } from '../opts/go-map.ts';

export { ConfigError };

const fail = (message: string): never => {
  throw new ConfigError(message);
};

/** cli/compose/loader volumespec.Parse, as far as run needs it: does `-v` name a source? */
function volumeHasSource(spec: string): { source: string; target: string } {
  // a Windows drive letter is not a source separator; Linux specs split on ':'
  const parts = spec.split(':');
  if (parts.length === 1) return { source: '', target: parts[0]! };
  return { source: parts[0]!, target: parts[1] ?? '' };
}

function absolute(cwd: string, p: string): string {
  const joined = p.startsWith('/') ? p : `${cwd}/${p}`;
  const out: string[] = [];
  for (const seg of joined.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return '/' + out.join('/');
}

/** opts.ParseRestartPolicy */
export function parseRestartPolicy(policy: string): HostConfig['RestartPolicy'] {
  if (policy === '') return { Name: '' as HostConfig['RestartPolicy']['Name'], MaximumRetryCount: 0 };
  const colon = policy.indexOf(':');
  const k = colon >= 0 ? policy.slice(0, colon) : policy;
  const v = colon >= 0 ? policy.slice(colon + 1) : '';
  if (colon >= 0 && k === '') fail('invalid restart policy format: no policy provided before colon');
  let count = 0;
  if (v !== '') {
    if (!/^[+-]?\d+$/.test(v)) fail('invalid restart policy format: maximum retry count must be an integer');
    count = Number(v);
  }
  return { Name: k as HostConfig['RestartPolicy']['Name'], MaximumRetryCount: count };
}

/** convertToStandardNotation: `published=8080,target=80` → `8080:80/tcp`. */
function standardPorts(publish: string[]): string[] {
  return publish.map((p) => {
    if (!p.includes('=')) return p;
    const params: Record<string, string> = { protocol: 'tcp' };
    for (const param of p.split(',')) {
      const eq = param.indexOf('=');
      if (eq <= 0) fail(`invalid publish opts format (should be name=value but got '${param}')`);
      params[param.slice(0, eq)] = param.slice(eq + 1);
    }
    return `${params['published'] ?? ''}:${params['target'] ?? ''}/${params['protocol']}`;
  });
}

function endpointFor(n: NetworkAttachmentOpts): Partial<EndpointSettings> {
  const userDefined =
    !['default', 'bridge', 'host', 'none'].includes(n.Target) && !n.Target.startsWith('container:');
  if (n.Target.trim() === '') fail('no name set for network');
  if (!userDefined) {
    if ((n.Aliases ?? []).length > 0)
      fail('network-scoped aliases are only supported for user-defined networks');
    if ((n.Links ?? []).length > 0) fail('links are only supported for user-defined networks');
  }
  const ep: Partial<EndpointSettings> = { GwPriority: n.GwPriority ?? 0 };
  if ((n.Aliases ?? []).length > 0) ep.Aliases = [...n.Aliases!];
  if (n.DriverOpts && Object.keys(n.DriverOpts).length > 0) ep.DriverOpts = n.DriverOpts;
  if ((n.Links ?? []).length > 0) ep.Links = n.Links!;
  if (n.IPv4Address || n.IPv6Address || (n.LinkLocalIPs ?? []).length > 0) {
    ep.IPAMConfig = {
      IPv4Address: n.IPv4Address ?? '',
      IPv6Address: n.IPv6Address ?? '',
      LinkLocalIPs: n.LinkLocalIPs,
    };
  }
  if (n.MacAddress) ep.MacAddress = n.MacAddress;
  return ep;
}

const isEmptyEndpoint = (ep: Partial<EndpointSettings>) =>
  Object.entries(ep).every(([k, v]) => (k === 'GwPriority' ? v === 0 : v === undefined));

export function buildCreateRequest(
  cli: DockerCli,
  flags: FlagValues,
  image: string,
  args: string[],
): ContainerCreateRequest {
  const attach = flags.list('attach');
  let attachStdin = attach.includes('stdin');
  let attachStdout = attach.includes('stdout');
  let attachStderr = attach.includes('stderr');
  const mac = flags.string('mac-address');
  if (mac && !/^([0-9a-fA-F]{2}[:-]){5}[0-9a-fA-F]{2}$/.test(mac.trim()))
    fail(`${mac} is not a valid mac address`);
  if (flags.bool('interactive')) attachStdin = true;
  if (attach.length === 0) {
    attachStdout = true;
    attachStderr = true;
  }
  const swappiness = flags.has('memory-swappiness') ? flags.number('memory-swappiness') : -1;
  if (swappiness !== -1 && (swappiness < 0 || swappiness > 100)) {
    fail(`invalid value: ${swappiness}. Valid memory swappiness range is 0-100`);
  }

  const binds: string[] = [];
  const volumes: Record<string, object> = {};
  for (const spec of flags.list('volume')) {
    const { source, target } = volumeHasSource(spec);
    if (source === '') {
      volumes[spec] = {};
      continue;
    }
    let host = source;
    if (!host.startsWith('/') && host.startsWith('.')) host = absolute(cli.cwd, host);
    binds.push(`${host}:${spec.slice(source.length + 1)}`);
    void target;
  }

  const tmpfs: Record<string, string> = {};
  for (const t of flags.list('tmpfs')) {
    const colon = t.indexOf(':');
    tmpfs[colon >= 0 ? t.slice(0, colon) : t] = colon >= 0 ? t.slice(colon + 1) : '';
  }

  const entrypoint =
    flags.string('entrypoint') !== '' ? [flags.string('entrypoint')] : flags.has('entrypoint') ? [''] : null;

  let parsedPorts;
  try {
    parsedPorts = parsePortSpecs(standardPorts(flags.list('publish')));
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw new ConfigError((err as Error).message);
  }
  const exposedPorts: Record<string, object> = {};
  const portBindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const p of parsedPorts.exposed) {
    exposedPorts[p] = {};
    portBindings[p] = parsedPorts.bindings.get(p)!;
  }
  for (const e of flags.list('expose')) {
    if (e.includes(':')) fail(`invalid port format for --expose: ${e}`);
    const [proto, port] = splitProtoPort(e);
    let range: [number, number];
    try {
      range = parsePortRange(port);
    } catch (err) {
      return fail(`invalid range format for --expose: ${e}, error: ${(err as Error).message}`);
    }
    for (let i = range[0]; i <= range[1]; i++) exposedPorts[`${i}/${proto}`] ??= {};
  }

  const env = readKVEnvStrings(cli, flags.list('env-file'), flags.list('env'));
  const labels = readKVStrings(cli, flags.list('label-file'), flags.list('label'));

  const pid = flags.string('pid');
  if (pid && pid !== 'host' && !(pid.startsWith('container:') && pid.length > 10))
    fail('--pid: invalid PID mode');
  const uts = flags.string('uts');
  if (uts && uts !== 'host') fail('--uts: invalid UTS mode');
  const userns = flags.string('userns');
  if (userns && userns !== 'host') fail('--userns: invalid USER mode');
  const cgroupns = flags.string('cgroupns');
  if (cgroupns && cgroupns !== 'host' && cgroupns !== 'private') fail('--cgroupns: invalid CGROUP mode');

  const restart = parseRestartPolicy(flags.string('restart'));

  const logOpts: Record<string, string> = {};
  for (const o of flags.list('log-opt')) {
    const eq = o.indexOf('=');
    if (eq < 0) fail(`invalid key value pair format in logging opts`);
    logOpts[o.slice(0, eq)] = o.slice(eq + 1);
  }
  const logDriver = flags.string('log-driver');
  if (logDriver === 'none' && Object.keys(logOpts).length > 0)
    fail(`invalid logging opts for driver ${logDriver}`);

  let healthcheck: ContainerCreateRequest['Healthcheck'];
  const hc = {
    cmd: flags.string('health-cmd'),
    interval: flags.number('health-interval'),
    timeout: flags.number('health-timeout'),
    start: flags.number('health-start-period'),
    startInterval: flags.number('health-start-interval'),
    retries: flags.number('health-retries'),
  };
  const haveHealth =
    hc.cmd !== '' ||
    hc.interval !== 0 ||
    hc.timeout !== 0 ||
    hc.start !== 0 ||
    hc.retries !== 0 ||
    hc.startInterval !== 0;
  if (flags.bool('no-healthcheck')) {
    if (haveHealth) fail('--no-healthcheck conflicts with --health-* options');
    healthcheck = { Test: ['NONE'] };
  } else if (haveHealth) {
    if (hc.interval < 0) fail('--health-interval cannot be negative');
    if (hc.timeout < 0) fail('--health-timeout cannot be negative');
    if (hc.retries < 0) fail('--health-retries cannot be negative');
    if (hc.start < 0) fail('--health-start-period cannot be negative');
    if (hc.startInterval < 0) fail('--health-start-interval cannot be negative');
    // durations are kept in ms by the flag parser; the API takes nanoseconds
    healthcheck = {
      ...(hc.cmd ? { Test: ['CMD-SHELL', hc.cmd] } : {}),
      Interval: hc.interval * 1e6,
      Timeout: hc.timeout * 1e6,
      StartPeriod: hc.start * 1e6,
      StartInterval: hc.startInterval * 1e6,
      Retries: hc.retries,
    };
  }

  const networks = flags
    .get<NetworkAttachmentOpts[]>('network')
    .concat(flags.get<NetworkAttachmentOpts[]>('net') ?? []);
  const networkMode = networks.length > 0 ? networks[0]!.Target : 'default';
  const aliases = [...flags.list('network-alias'), ...flags.list('net-alias')];
  const endpoints: Record<string, Partial<EndpointSettings>> = {};
  const applyOptions = (n: NetworkAttachmentOpts): NetworkAttachmentOpts => {
    if ((n.Aliases ?? []).length > 0 && aliases.length > 0)
      fail('conflicting options: cannot specify both --network-alias and per-network alias');
    if (n.IPv4Address && flags.string('ip'))
      fail('conflicting options: cannot specify both --ip and per-network IPv4 address');
    const out = { ...n };
    if (aliases.length > 0) out.Aliases = [...aliases];
    const userDefined =
      !['default', 'bridge', 'host', 'none'].includes(n.Target) && !n.Target.startsWith('container:');
    if (userDefined && flags.list('link').length > 0) out.Links = [...flags.list('link')];
    if (flags.string('ip')) out.IPv4Address = flags.string('ip');
    if (flags.string('ip6')) out.IPv6Address = flags.string('ip6');
    if (mac) out.MacAddress = mac;
    return out;
  };
  if (networks.length === 0) {
    endpoints['default'] = goEndpointSettings(endpointFor(applyOptions({ Target: 'default' })));
  }
  let userDefinedSeen = false;
  let builtinSeen = false;
  networks.forEach((n, i) => {
    const userDefined =
      !['default', 'bridge', 'host', 'none'].includes(n.Target) && !n.Target.startsWith('container:');
    if (userDefined) userDefinedSeen = true;
    else builtinSeen = true;
    const opts = i === 0 ? applyOptions(n) : n;
    const ep = endpointFor(opts);
    if (n.Target in endpoints) fail(`network "${n.Target}" is specified multiple times`);
    if (i === 0 && networks.length === 1 && isEmptyEndpoint(ep)) return;
    endpoints[n.Target] = goEndpointSettings(ep);
  });
  if (userDefinedSeen && builtinSeen) {
    fail('conflicting options: cannot attach both user-defined and non-user-defined network-modes');
  }

  const mounts = flags
    .get<Mount[]>('mount')
    .map((m) =>
      m.Type === 'bind' && m.Source && !m.Source.startsWith('/')
        ? { ...m, Source: absolute(cli.cwd, m.Source) }
        : m,
    );

  if (flags.bool('rm') && restart.Name !== '' && restart.Name !== 'no') {
    fail('conflicting options: cannot specify both --restart and --rm');
  }

  // `systempaths=unconfined` is the CLI's own: it is taken out of the options and sent
  // as empty masked and read-only path lists (opts.go parseSystemPaths)
  const securityOpts = flags.list('security-opt');
  const securityOpt =
    securityOpts.length > 0 ? securityOpts.filter((o) => o !== 'systempaths=unconfined') : null;
  const systemPaths = securityOpts.includes('systempaths=unconfined') ? [] : null;

  // the body is moby's container.CreateRequest as Go's encoding/json writes it: every
  // field in declaration order (Config, then HostConfig with Resources inline), the
  // omitempty ones only when set, nil slices and maps as null (api/types/container
  // config.go, hostconfig.go)
  const config: ContainerCreateRequest = {
    Hostname: flags.string('hostname'),
    Domainname: flags.string('domainname'),
    User: flags.string('user'),
    AttachStdin: attachStdin,
    AttachStdout: attachStdout,
    AttachStderr: attachStderr,
    ...(Object.keys(exposedPorts).length > 0 ? { ExposedPorts: sortedMap(exposedPorts) } : {}),
    Tty: flags.bool('tty'),
    OpenStdin: flags.bool('interactive'),
    StdinOnce: flags.bool('interactive') && attachStdin,
    Env: env,
    Cmd: args.length > 0 ? args : null,
    ...(healthcheck ? { Healthcheck: healthcheck } : {}),
    Image: image,
    Volumes: sortedMap(volumes),
    WorkingDir: flags.string('workdir'),
    Entrypoint: entrypoint,
    ...(mac ? { MacAddress: mac } : {}),
    OnBuild: null,
    Labels: sortedMap(labels),
    ...(flags.string('stop-signal') ? { StopSignal: flags.string('stop-signal') } : {}),
    ...(flags.has('stop-timeout') ? { StopTimeout: flags.number('stop-timeout') } : {}),
    HostConfig: {
      Binds: binds.length > 0 ? binds : null,
      ContainerIDFile: flags.string('cidfile'),
      LogConfig: { Type: logDriver, Config: sortedMap(logOpts) },
      NetworkMode: networkMode,
      PortBindings: sortedMap(portBindings),
      RestartPolicy: restart,
      AutoRemove: flags.bool('rm'),
      VolumeDriver: flags.string('volume-driver'),
      VolumesFrom: flags.list('volumes-from').length > 0 ? flags.list('volumes-from') : null,
      ConsoleSize: cli.outIsTerminal ? [cli.rows, cli.width] : [0, 0],
      CapAdd: flags.list('cap-add').length > 0 ? flags.list('cap-add') : null,
      CapDrop: flags.list('cap-drop').length > 0 ? flags.list('cap-drop') : null,
      CgroupnsMode: cgroupns,
      Dns: flags.list('dns'),
      DnsOptions: [...flags.list('dns-option'), ...flags.list('dns-opt')],
      DnsSearch: flags.list('dns-search'),
      ExtraHosts: flags.list('add-host').length > 0 ? flags.list('add-host') : null,
      GroupAdd: flags.list('group-add').length > 0 ? flags.list('group-add') : null,
      IpcMode: flags.string('ipc'),
      Cgroup: '',
      Links: flags.list('link').length > 0 ? flags.list('link') : null,
      OomScoreAdj: flags.number('oom-score-adj'),
      PidMode: pid,
      Privileged: flags.bool('privileged'),
      PublishAllPorts: flags.bool('publish-all'),
      ReadonlyRootfs: flags.bool('read-only'),
      SecurityOpt: securityOpt,
      ...(Object.keys(tmpfs).length > 0 ? { Tmpfs: sortedMap(tmpfs) } : {}),
      UTSMode: uts,
      UsernsMode: userns,
      ShmSize: flags.number('shm-size'),
      ...(flags.string('runtime') ? { Runtime: flags.string('runtime') } : {}),
      Isolation: flags.string('isolation'),
      CpuShares: flags.number('cpu-shares'),
      Memory: flags.number('memory'),
      NanoCpus: flags.number('cpus'),
      CgroupParent: flags.string('cgroup-parent'),
      BlkioWeight: flags.number('blkio-weight'),
      BlkioWeightDevice: flags.list('blkio-weight-device') as unknown[],
      BlkioDeviceReadBps: flags.list('device-read-bps') as unknown[],
      BlkioDeviceWriteBps: flags.list('device-write-bps') as unknown[],
      BlkioDeviceReadIOps: flags.list('device-read-iops') as unknown[],
      BlkioDeviceWriteIOps: flags.list('device-write-iops') as unknown[],
      CpuPeriod: flags.number('cpu-period'),
      CpuQuota: flags.number('cpu-quota'),
      CpuRealtimePeriod: flags.number('cpu-rt-period'),
      CpuRealtimeRuntime: flags.number('cpu-rt-runtime'),
      CpusetCpus: flags.string('cpuset-cpus'),
      CpusetMems: flags.string('cpuset-mems'),
      Devices: [],
      DeviceCgroupRules:
        flags.list('device-cgroup-rule').length > 0 ? flags.list('device-cgroup-rule') : null,
      DeviceRequests: flags.list('gpus').length > 0 ? (flags.list('gpus') as unknown[]) : null,
      MemoryReservation: flags.number('memory-reservation'),
      MemorySwap: flags.number('memory-swap'),
      // the CLI always points these at its flags' values (-1 and 0 when not given); the
      // daemon reads -1 swappiness and a pids limit of 0 or less as none
      MemorySwappiness: swappiness,
      OomKillDisable: flags.bool('oom-kill-disable'),
      PidsLimit: flags.number('pids-limit'),
      Ulimits: flags.list('ulimit') as unknown[],
      CpuCount: flags.number('cpu-count'),
      CpuPercent: flags.number('cpu-percent'),
      IOMaximumIOps: flags.number('io-maxiops'),
      IOMaximumBandwidth: flags.number('io-maxbandwidth'),
      ...(mounts.length > 0 ? { Mounts: mounts as HostConfig['Mounts'] } : {}),
      MaskedPaths: systemPaths,
      ReadonlyPaths: systemPaths && [],
      ...(flags.has('init') ? { Init: flags.bool('init') } : {}),
    },
    NetworkingConfig: { EndpointsConfig: endpoints },
  };
  return config;
}
