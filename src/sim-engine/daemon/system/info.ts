/**
 * `GET /info` (moby daemon/info.go SystemInfo + info_unix.go fillPlatformInfo): the
 * daemon's counts and the host's facts, in system.Info's field order. The swarm part
 * comes from whoever runs the node's swarm (`swarmInfo`); until then a node is
 * `inactive`, as a fresh engine is.
 */
import type { InfoResponse, RuntimeWithStatus, SwarmInfo } from '../../api/types/system.ts';
import { CONTAINERD_COMMIT, ENGINE_VERSION, INIT_COMMIT, RUNC_COMMIT } from '../../api/version.ts';
import type { Daemon } from '../daemon.ts';
import { rfc3339Nano } from '../instant.ts';
import {
  ARCHITECTURE,
  CDI_SPEC_DIRS,
  CONTAINERD_ADDRESS,
  DOCKER_ROOT_DIR,
  DRIVER_STATUS,
  INIT_BINARY,
  INSECURE_REGISTRY_CIDRS,
  insecureTcpWarning,
  KERNEL_VERSION,
  LOG_DRIVERS,
  NETWORK_DRIVERS,
  OPERATING_SYSTEM,
  OS_VERSION,
  SECURITY_OPTIONS,
  TCP_HOSTS,
  VOLUME_DRIVERS,
} from './engine-host.ts';
import { eventListeners } from './event-stream.ts';
import { RUNC_FEATURES } from './runc-features.ts';

/** swarm.Info of a node that is in no swarm (cluster.Info when c.nr is nil). */
export function inactiveSwarm(): SwarmInfo {
  return {
    NodeID: '',
    NodeAddr: '',
    LocalNodeState: 'inactive',
    ControlAvailable: false,
    Error: '',
    RemoteManagers: null,
  };
}

/**
 * The swarm section of a daemon's info. The swarm side of the engine registers its
 * provider here (as moby's router asks `cluster.Info`); absent, the node is inactive.
 */
const swarmProviders = new WeakMap<Daemon, () => SwarmInfo>();

export function setSwarmInfoProvider(d: Daemon, provider: () => SwarmInfo): void {
  swarmProviders.set(d, provider);
}

/** The node's swarm.Info (also the `Swarm` header of every ping). */
export function swarmInfo(d: Daemon): SwarmInfo {
  return swarmProviders.get(d)?.() ?? inactiveSwarm();
}

/** metrics.StateCtr: paused and running by state; created, exited, restarting… are "stopped". */
function containerStates(d: Daemon): { running: number; paused: number; stopped: number } {
  let running = 0;
  let paused = 0;
  let stopped = 0;
  for (const c of d.containers.values()) {
    if (c.status === 'paused') paused++;
    else if (c.status === 'running') running++;
    else stopped++;
  }
  return { running, paused, stopped };
}

function runtimes(): Record<string, RuntimeWithStatus> {
  const status = { 'org.opencontainers.runtime-spec.features': RUNC_FEATURES };
  // stockRuntimes(): both names run runc through the containerd runc v2 shim
  return {
    'io.containerd.runc.v2': { path: 'runc', status: { ...status } },
    runc: { path: 'runc', status: { ...status } },
  };
}

export function systemInfo(d: Daemon): InfoResponse {
  const states = containerStates(d);
  const running = states.running + states.paused;
  const listeners = eventListeners(d);
  const swarm = swarmInfo(d);
  const warnings = TCP_HOSTS.map(insecureTcpWarning);
  // the cluster's own warnings follow the daemon's (system_routes.go getInfo)
  warnings.push(...(swarm.Warnings ?? []));
  return {
    ID: d.id,
    Containers: states.running + states.paused + states.stopped,
    ContainersRunning: states.running,
    ContainersPaused: states.paused,
    ContainersStopped: states.stopped,
    Images: d.images.all().length,
    Driver: 'overlay2',
    DriverStatus: DRIVER_STATUS.map(([k, v]): [string, string] => [k, v]),
    Plugins: {
      Volume: [...VOLUME_DRIVERS],
      Network: [...NETWORK_DRIVERS],
      Authorization: null,
      Log: [...LOG_DRIVERS],
    },
    MemoryLimit: true,
    SwapLimit: true,
    // KernelMemory is always false for API ≥ 1.42 and KernelMemoryTCP is not
    // supported on cgroup v2: both omitted
    CpuCfsPeriod: true,
    CpuCfsQuota: true,
    CPUShares: true,
    CPUSet: true,
    PidsLimit: true,
    IPv4Forwarding: true,
    Debug: false,
    // Differs from Docker: descriptors and goroutines are a plausible function of what
    // runs, not a count of anything, because the simulation has neither.
    NFd: 27 + 2 * running + listeners,
    OomKillDisable: false,
    NGoroutines: 43 + 6 * running + 2 * listeners,
    // the nanoseconds are derived from the time rather than drawn, so that asking for
    // info leaves the seeded generator (and so every later ID) alone
    SystemTime: rfc3339Nano({ ms: d.clock.now(), nano: ((d.clock.now() % 1_000_003) * 7919) % 1_000_000 }),
    LoggingDriver: 'json-file',
    CgroupDriver: 'systemd',
    CgroupVersion: '2',
    NEventsListener: listeners,
    KernelVersion: KERNEL_VERSION,
    OperatingSystem: OPERATING_SYSTEM,
    OSVersion: OS_VERSION,
    OSType: 'linux',
    Architecture: ARCHITECTURE,
    IndexServerAddress: 'https://index.docker.io/v1/',
    RegistryConfig: {
      IndexConfigs: {
        'docker.io': { Mirrors: [], Name: 'docker.io', Official: true, Secure: true },
      },
      InsecureRegistryCIDRs: [...INSECURE_REGISTRY_CIDRS],
      Mirrors: [],
    },
    NCPU: d.ncpu,
    MemTotal: d.memTotal,
    GenericResources: null,
    DockerRootDir: DOCKER_ROOT_DIR,
    HttpProxy: '',
    HttpsProxy: '',
    NoProxy: '',
    Name: d.hostname,
    Labels: [],
    ExperimentalBuild: false,
    ServerVersion: ENGINE_VERSION,
    Runtimes: runtimes(),
    DefaultRuntime: 'runc',
    Swarm: swarm,
    LiveRestoreEnabled: false,
    Isolation: '',
    InitBinary: INIT_BINARY,
    ContainerdCommit: { ID: CONTAINERD_COMMIT },
    RuncCommit: { ID: RUNC_COMMIT },
    InitCommit: { ID: INIT_COMMIT },
    SecurityOptions: [...SECURITY_OPTIONS],
    FirewallBackend: { Driver: 'iptables' },
    CDISpecDirs: [...CDI_SPEC_DIRS],
    // DiscoveredDevices is an empty list, which `omitempty` leaves out
    Containerd: {
      Address: CONTAINERD_ADDRESS,
      Namespaces: { Containers: 'moby', Plugins: 'plugins.moby' },
    },
    Warnings: warnings.length > 0 ? warnings : null,
  };
}
