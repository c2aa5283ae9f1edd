/**
 * How a container looks through the API: `GET /containers/{id}/json` (inspect) and
 * the items of `GET /containers/json` (ps), with the Status text of moby's
 * container/state.go.
 */
import type {
  ContainerInspect,
  ContainerSummary,
  EndpointSettings,
  NetworkSettings,
  Port,
} from '../api/types/container.ts';
import { humanDuration } from '../golang/units.ts';
import type { Container } from './container.ts';
import type { Daemon } from './daemon.ts';
import { rfc3339Nano, unixSeconds } from './instant.ts';

/** container/state.go State.String(), e.g. `Up 2 minutes (healthy)`, `Exited (0) 3 seconds ago`. */
export function statusText(c: Container, now: number): string {
  const since = (t: { ms: number } | undefined) => humanDuration(Math.max(0, now - (t?.ms ?? now)));
  if (c.isRunning) {
    if (c.isPaused) return `Up ${since(c.startedAt)} (Paused)`;
    const health = c.health
      ? c.health.status === 'starting'
        ? ' (health: starting)'
        : ` (${c.health.status})`
      : '';
    return `Up ${since(c.startedAt)}${health}`;
  }
  if (c.status === 'restarting') return `Restarting (${c.exitCode}) ${since(c.finishedAt)} ago`;
  if (c.removalInProgress) return 'Removal In Progress';
  if (c.status === 'dead') return 'Dead';
  if (!c.startedAt) return 'Created';
  if (!c.finishedAt) return '';
  return `Exited (${c.exitCode}) ${since(c.finishedAt)} ago`;
}

function networkSettings(c: Container): NetworkSettings {
  const networks: Record<string, EndpointSettings> = {};
  for (const name of [...c.networks.keys()].sort()) networks[name] = { ...c.networks.get(name)! };
  const bridge = c.networks.get('bridge');
  const running = c.isRunning;
  return {
    Bridge: '',
    SandboxID: running ? c.sandboxId : '',
    SandboxKey: running && c.sandboxId ? `/var/run/docker/netns/${c.sandboxId.slice(0, 12)}` : '',
    Ports: running ? c.ports : {},
    HairpinMode: false,
    LinkLocalIPv6Address: '',
    LinkLocalIPv6PrefixLen: 0,
    SecondaryIPAddresses: null,
    SecondaryIPv6Addresses: null,
    EndpointID: bridge?.EndpointID ?? '',
    Gateway: bridge?.Gateway ?? '',
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    IPAddress: bridge?.IPAddress ?? '',
    IPPrefixLen: bridge?.IPPrefixLen ?? 0,
    IPv6Gateway: '',
    MacAddress: bridge?.MacAddress ?? '',
    Networks: networks,
  };
}

export function inspectContainer(d: Daemon, c: Container, size = false): ContainerInspect {
  const dir = `/var/lib/docker/containers/${c.id}`;
  const layer = c.id;
  const started = c.hasBeenStartedBefore;
  const out: ContainerInspect = {
    Id: c.id,
    Created: rfc3339Nano(c.created),
    Path: c.path,
    Args: c.args,
    State: c.stateView(),
    Image: c.imageId,
    ResolvConfPath: started ? `${dir}/resolv.conf` : '',
    HostnamePath: started ? `${dir}/hostname` : '',
    HostsPath: started ? `${dir}/hosts` : '',
    LogPath: started ? `${dir}/${c.id}-json.log` : '',
    Name: c.name,
    RestartCount: c.restartCount,
    Driver: 'overlay2',
    Platform: 'linux',
    MountLabel: '',
    ProcessLabel: '',
    AppArmorProfile: '',
    ExecIDs: c.execIds.size > 0 ? [...c.execIds] : null,
    HostConfig: c.hostConfig,
    GraphDriver: {
      Data: {
        ID: c.id,
        LowerDir: `/var/lib/docker/overlay2/${layer}-init/diff`,
        MergedDir: `/var/lib/docker/overlay2/${layer}/merged`,
        UpperDir: `/var/lib/docker/overlay2/${layer}/diff`,
        WorkDir: `/var/lib/docker/overlay2/${layer}/work`,
      },
      Name: 'overlay2',
    },
    Mounts: c.mounts,
    Config: c.config,
    NetworkSettings: networkSettings(c),
  };
  if (size) {
    out.SizeRw = 0;
    out.SizeRootFs = d.images.get(c.imageId)?.size ?? 0;
  }
  return out;
}

/** daemon/list.go: the Command column is the path and args joined with spaces. */
export function summarize(d: Daemon, c: Container, now: number, size = false): ContainerSummary {
  const ports: Port[] = [];
  for (const [port, bindings] of Object.entries(c.isRunning ? c.ports : {})) {
    const [p, type = 'tcp'] = port.split('/');
    if (!bindings || bindings.length === 0) ports.push({ PrivatePort: Number(p), Type: type });
    else
      for (const b of bindings)
        ports.push({ IP: b.HostIp, PrivatePort: Number(p), PublicPort: Number(b.HostPort), Type: type });
  }
  const image = d.images.get(c.imageId);
  const summary: ContainerSummary = {
    Id: c.id,
    Names: [c.name],
    Image: image ? c.config.Image : c.imageId,
    ImageID: c.imageId,
    // container/view.go: arguments with a space are shown in single quotes
    Command: [c.path, ...c.args.map((a) => (a.includes(' ') ? `'${a}'` : a))].join(' '),
    Created: unixSeconds(c.created),
    Ports: ports,
    Labels: c.config.Labels ?? {},
    State: c.removalInProgress ? 'removing' : c.status,
    Status: statusText(c, now),
    HostConfig: { NetworkMode: c.hostConfig.NetworkMode },
    NetworkSettings: { Networks: networkSettings(c).Networks },
    Mounts: c.mounts,
  };
  if (size) {
    summary.SizeRw = 0;
    summary.SizeRootFs = image?.size ?? 0;
  }
  return summary;
}
