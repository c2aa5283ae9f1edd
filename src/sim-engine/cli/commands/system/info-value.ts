/**
 * What `docker info --format` templates see (docker/cli system/info.go dockerInfo):
 * the daemon's system.Info decoded into its Go struct — Go field names
 * (`CPUCfsPeriod`, `HTTPProxy`), zero values for what the JSON left out, maps and nil
 * pointers typed — followed by ServerErrors, UserName, ClientInfo and ClientErrors.
 * `{{json .}}` writes it back with the JSON names, as Go's encoder does.
 */
import { formatGoDuration } from '../../../golang/duration.ts';
import type { InfoResponse } from '../../../api/types/system.ts';
import { marshal } from '../../../golang/json.ts';
import { withGoMethods } from '../../../golang/reflect.ts';
import { goMap, nilOf, withGoType } from '../../../golang/values.ts';
import { pluginValue, type CliPlugin } from './cli-plugins.ts';
import { clientVersionJSON, clientVersionValue, type ClientVersion } from './client-version.ts';

/** clientInfo: Debug, the embedded clientVersion, Plugins, Warnings. */
export interface ClientInfo {
  Debug: boolean;
  version: ClientVersion;
  Plugins: readonly CliPlugin[];
  Warnings: string[] | null;
}

export interface DockerInfo {
  /** the daemon's answer; a zero Info when the daemon failed and a format was given */
  info: InfoResponse | null;
  ServerErrors: string[];
  UserName: string;
  ClientInfo: ClientInfo;
  ClientErrors: string[];
}

const slice = <T>(v: T[] | null | undefined, type: string): T[] | object => (v ? [...v] : nilOf(type));

/** The zero system.Info (what a template reads when the daemon could not be asked). */
function zeroInfoGo(): Record<string, unknown> {
  return infoGo(null);
}

/** system.Info with Go names and types, from the daemon's JSON (or zero values). */
function infoGo(i: InfoResponse | null): Record<string, unknown> {
  const commit = (c: { ID: string; Expected?: string } | undefined) =>
    withGoType({ ID: c?.ID ?? '', Expected: c?.Expected ?? '' }, 'system.Commit');
  const reg = i?.RegistryConfig;
  const runtimes: Record<string, unknown> = {};
  for (const [name, rt] of Object.entries(i?.Runtimes ?? {})) {
    // Differs from Docker: the embedded system.Runtime is flattened into its fields,
    // because the template values have no embedding; `.Runtimes.runc.Path` works alike.
    runtimes[name] = withGoType(
      {
        Path: rt.path ?? '',
        Args: slice(rt.runtimeArgs, '[]string'),
        Type: rt.runtimeType ?? '',
        Options: rt.options
          ? goMap({ ...rt.options }, 'map[string]interface {}')
          : nilOf('map[string]interface {}'),
        Status: rt.status ? goMap({ ...rt.status }, 'map[string]string') : nilOf('map[string]string'),
      },
      'system.RuntimeWithStatus',
    );
  }
  const swarm = i?.Swarm;
  return {
    ID: i?.ID ?? '',
    Containers: i?.Containers ?? 0,
    ContainersRunning: i?.ContainersRunning ?? 0,
    ContainersPaused: i?.ContainersPaused ?? 0,
    ContainersStopped: i?.ContainersStopped ?? 0,
    Images: i?.Images ?? 0,
    Driver: i?.Driver ?? '',
    DriverStatus: slice(i?.DriverStatus, '[][2]string'),
    SystemStatus: slice(i?.SystemStatus, '[][2]string'),
    Plugins: withGoType(
      {
        Volume: slice(i?.Plugins.Volume, '[]string'),
        Network: slice(i?.Plugins.Network, '[]string'),
        Authorization: slice(i?.Plugins.Authorization, '[]string'),
        Log: slice(i?.Plugins.Log, '[]string'),
      },
      'system.PluginsInfo',
    ),
    MemoryLimit: i?.MemoryLimit ?? false,
    SwapLimit: i?.SwapLimit ?? false,
    KernelMemory: i?.KernelMemory ?? false,
    KernelMemoryTCP: i?.KernelMemoryTCP ?? false,
    CPUCfsPeriod: i?.CpuCfsPeriod ?? false,
    CPUCfsQuota: i?.CpuCfsQuota ?? false,
    CPUShares: i?.CPUShares ?? false,
    CPUSet: i?.CPUSet ?? false,
    PidsLimit: i?.PidsLimit ?? false,
    IPv4Forwarding: i?.IPv4Forwarding ?? false,
    Debug: i?.Debug ?? false,
    NFd: i?.NFd ?? 0,
    OomKillDisable: i?.OomKillDisable ?? false,
    NGoroutines: i?.NGoroutines ?? 0,
    SystemTime: i?.SystemTime ?? '',
    LoggingDriver: i?.LoggingDriver ?? '',
    CgroupDriver: i?.CgroupDriver ?? '',
    CgroupVersion: i?.CgroupVersion ?? '',
    NEventsListener: i?.NEventsListener ?? 0,
    KernelVersion: i?.KernelVersion ?? '',
    OperatingSystem: i?.OperatingSystem ?? '',
    OSVersion: i?.OSVersion ?? '',
    OSType: i?.OSType ?? '',
    Architecture: i?.Architecture ?? '',
    IndexServerAddress: i?.IndexServerAddress ?? '',
    RegistryConfig: reg
      ? withGoType(
          {
            AllowNondistributableArtifactsCIDRs: nilOf('[]*registry.NetIPNet'),
            AllowNondistributableArtifactsHostnames: nilOf('[]string'),
            InsecureRegistryCIDRs: [...reg.InsecureRegistryCIDRs],
            IndexConfigs: goMap(
              Object.fromEntries(
                Object.entries(reg.IndexConfigs).map(([k, v]) => [
                  k,
                  withGoType(
                    { Name: v.Name, Mirrors: [...(v.Mirrors ?? [])], Secure: v.Secure, Official: v.Official },
                    '*registry.IndexInfo',
                  ),
                ]),
              ),
              'map[string]*registry.IndexInfo',
            ),
            Mirrors: slice(reg.Mirrors, '[]string'),
            ExtraFields: nilOf('map[string]interface {}'),
          },
          '*registry.ServiceConfig',
        )
      : nilOf('*registry.ServiceConfig'),
    NCPU: i?.NCPU ?? 0,
    MemTotal: i?.MemTotal ?? 0,
    GenericResources: slice(i?.GenericResources, '[]swarm.GenericResource'),
    DockerRootDir: i?.DockerRootDir ?? '',
    HTTPProxy: i?.HttpProxy ?? '',
    HTTPSProxy: i?.HttpsProxy ?? '',
    NoProxy: i?.NoProxy ?? '',
    Name: i?.Name ?? '',
    Labels: slice(i?.Labels, '[]string'),
    ExperimentalBuild: i?.ExperimentalBuild ?? false,
    ServerVersion: i?.ServerVersion ?? '',
    Runtimes: i
      ? goMap(runtimes, 'map[string]system.RuntimeWithStatus')
      : nilOf('map[string]system.RuntimeWithStatus'),
    DefaultRuntime: i?.DefaultRuntime ?? '',
    Swarm: withGoType(
      {
        NodeID: swarm?.NodeID ?? '',
        NodeAddr: swarm?.NodeAddr ?? '',
        LocalNodeState: swarm?.LocalNodeState ?? '',
        ControlAvailable: swarm?.ControlAvailable ?? false,
        Error: swarm?.Error ?? '',
        RemoteManagers: swarm?.RemoteManagers
          ? swarm.RemoteManagers.map((p) => withGoType({ ...p }, 'swarm.Peer'))
          : nilOf('[]swarm.Peer'),
        Nodes: swarm?.Nodes ?? 0,
        Managers: swarm?.Managers ?? 0,
        Cluster: swarm?.Cluster
          ? withGoType(typedClusterInfo(swarm.Cluster), '*swarm.ClusterInfo')
          : nilOf('*swarm.ClusterInfo'),
        Warnings: slice(swarm?.Warnings, '[]string'),
      },
      'swarm.Info',
    ),
    LiveRestoreEnabled: i?.LiveRestoreEnabled ?? false,
    Isolation: i?.Isolation ?? '',
    InitBinary: i?.InitBinary ?? '',
    ContainerdCommit: commit(i?.ContainerdCommit),
    RuncCommit: commit(i?.RuncCommit),
    InitCommit: commit(i?.InitCommit),
    SecurityOptions: slice(i?.SecurityOptions, '[]string'),
    ProductLicense: i?.ProductLicense ?? '',
    DefaultAddressPools: i?.DefaultAddressPools
      ? i.DefaultAddressPools.map((p) => withGoType({ ...p }, 'system.NetworkAddressPool'))
      : nilOf('[]system.NetworkAddressPool'),
    FirewallBackend: i?.FirewallBackend
      ? withGoType(
          { Driver: i.FirewallBackend.Driver, Info: slice(i.FirewallBackend.Info, '[][2]string') },
          '*system.FirewallInfo',
        )
      : nilOf('*system.FirewallInfo'),
    CDISpecDirs: slice(i?.CDISpecDirs, '[]string'),
    DiscoveredDevices: i?.DiscoveredDevices
      ? i.DiscoveredDevices.map((d) => withGoType({ ...d }, 'system.DeviceInfo'))
      : nilOf('[]system.DeviceInfo'),
    Containerd: i?.Containerd
      ? withGoType(
          {
            Address: i.Containerd.Address ?? '',
            Namespaces: withGoType({ ...i.Containerd.Namespaces }, 'system.ContainerdNamespaces'),
          },
          '*system.ContainerdInfo',
        )
      : nilOf('*system.ContainerdInfo'),
    Warnings: slice(i?.Warnings, '[]string'),
  };
}

/** The JSON of system.Info as the CLI re-encodes it: the daemon's, or the zero Info's. */
function infoJSON(i: InfoResponse | null): Record<string, unknown> {
  if (i) return { ...i };
  const zero = zeroInfoGo();
  // the JSON names of the few fields whose Go names differ, and omitempty
  const out: Record<string, unknown> = {};
  const rename: Record<string, string> = {
    CPUCfsPeriod: 'CpuCfsPeriod',
    CPUCfsQuota: 'CpuCfsQuota',
    HTTPProxy: 'HttpProxy',
    HTTPSProxy: 'HttpsProxy',
  };
  const omitEmpty = new Set([
    'SystemStatus',
    'KernelMemory',
    'KernelMemoryTCP',
    'CgroupVersion',
    'ProductLicense',
    'DefaultAddressPools',
    'FirewallBackend',
    'DiscoveredDevices',
    'Containerd',
  ]);
  for (const [k, v] of Object.entries(zero)) {
    if (omitEmpty.has(k)) continue;
    out[rename[k] ?? k] = v;
  }
  // a zero swarm.Info and zero Commits leave out their omitempty fields too
  for (const k of ['ContainerdCommit', 'RuncCommit', 'InitCommit']) out[k] = { ID: '' };
  out['Swarm'] = {
    NodeID: '',
    NodeAddr: '',
    LocalNodeState: '',
    ControlAvailable: false,
    Error: '',
    RemoteManagers: null,
  };
  return out;
}

function clientInfoValue(c: ClientInfo): object {
  const version = clientVersionValue(c.version) as unknown as Record<string, unknown>;
  const fields: Record<string, unknown> = { Debug: c.Debug };
  for (const k of Object.keys(version)) fields[k] = version[k];
  fields['Plugins'] = c.Plugins.map(pluginValue);
  fields['Warnings'] = slice(c.Warnings, '[]string');
  const json = {
    Debug: c.Debug,
    ...clientVersionJSON(c.version),
    Plugins: c.Plugins.map(pluginValue),
    Warnings: c.Warnings,
  };
  return withGoMethods(withGoType(fields, '*system.clientInfo'), { MarshalJSON: () => marshal(json) });
}

/** The template's dot: system.dockerInfo. */
export function dockerInfoValue(d: DockerInfo): object {
  const fields: Record<string, unknown> = {
    ...infoGo(d.info),
    ServerErrors: d.ServerErrors.length > 0 ? [...d.ServerErrors] : nilOf('[]string'),
    UserName: d.UserName,
    ClientInfo: clientInfoValue(d.ClientInfo),
    ClientErrors: d.ClientErrors.length > 0 ? [...d.ClientErrors] : nilOf('[]string'),
  };
  const json: Record<string, unknown> = { ...infoJSON(d.info) };
  if (d.ServerErrors.length > 0) json['ServerErrors'] = d.ServerErrors;
  json['ClientInfo'] = fields['ClientInfo'];
  if (d.ClientErrors.length > 0) json['ClientErrors'] = d.ClientErrors;
  return withGoMethods(withGoType(fields, 'system.dockerInfo'), { MarshalJSON: () => marshal(json) });
}

/** The value needsServerInfo executes a template on: only the client's fields. */
export function sparseInfoValue(d: DockerInfo): object {
  return withGoType(
    {
      ClientInfo: clientInfoValue(d.ClientInfo),
      ClientErrors: d.ClientErrors.length > 0 ? [...d.ClientErrors] : nilOf('[]string'),
    },
    'system.sparseInfo',
  );
}

/** A time.Duration in nanoseconds: prints as Go does (`5s`), marshals as the number. */
function goDurationValue(ns: number): object {
  return withGoType({ String: () => formatGoDuration(ns), MarshalJSON: () => String(ns) }, 'time.Duration');
}

/** swarm.ClusterInfo with its time.Duration fields typed (Dispatcher.HeartbeatPeriod, CAConfig.NodeCertExpiry). */
function typedClusterInfo(c: Record<string, unknown>): Record<string, unknown> {
  const spec = (c['Spec'] ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const out = { ...c, Spec: { ...spec } } as Record<string, unknown> & { Spec: Record<string, unknown> };
  const hb = spec['Dispatcher']?.['HeartbeatPeriod'];
  if (typeof hb === 'number')
    out.Spec['Dispatcher'] = { ...spec['Dispatcher'], HeartbeatPeriod: goDurationValue(hb) };
  const expiry = spec['CAConfig']?.['NodeCertExpiry'];
  if (typeof expiry === 'number')
    out.Spec['CAConfig'] = { ...spec['CAConfig'], NodeCertExpiry: goDurationValue(expiry) };
  return out;
}
