/**
 * How a task becomes a container (moby daemon/cluster/executor/container/container.go):
 * the name `<service>.<slot>.<taskID>` (global: `<service>.<nodeID>.<taskID>`), the
 * `com.docker.swarm.*` labels, and the ContainerSpec's command, env, mounts and limits
 * turned into a container create request on the node's own daemon.
 */
import type { ContainerCreateRequest, HostConfig, Mount } from '../../api/types/container.ts';
import type { Service, Task } from '../../api/types/service.ts';
import { hostModePorts, type TaskNetworking } from '../networking/task-networks.ts';

/** containerConfig.name */
export function containerName(service: Service | undefined, t: Task): string {
  const slot = t.Slot ? String(t.Slot) : (t.NodeID ?? '');
  return `${service?.Spec.Name ?? ''}.${slot}.${t.ID}`;
}

/** containerConfig.config + hostConfig */
export function createRequest(
  service: Service | undefined,
  t: Task,
  networking?: TaskNetworking,
): ContainerCreateRequest {
  const spec = t.Spec.ContainerSpec ?? {};
  const name = containerName(service, t);
  const labels: Record<string, string> = {
    ...(spec.Labels ?? {}),
    'com.docker.swarm.node.id': t.NodeID ?? '',
    'com.docker.swarm.service.id': t.ServiceID ?? '',
    'com.docker.swarm.service.name': service?.Spec.Name ?? '',
    'com.docker.swarm.task': '',
    'com.docker.swarm.task.id': t.ID,
    'com.docker.swarm.task.name': name,
  };
  const limits = t.Spec.Resources?.Limits;
  const host: Partial<HostConfig> = {
    Mounts: (spec.Mounts ?? []).map(
      (m) =>
        ({
          Type: m.Type ?? 'volume',
          Source: m.Source,
          Target: m.Target ?? '',
          ReadOnly: m.ReadOnly,
          ...(m.VolumeOptions ? { VolumeOptions: m.VolumeOptions } : {}),
          ...(m.TmpfsOptions ? { TmpfsOptions: m.TmpfsOptions } : {}),
        }) as Mount,
    ),
    ReadonlyRootfs: spec.ReadOnly ?? false,
    ExtraHosts: spec.Hosts ?? null,
  } as Partial<HostConfig>;
  const resources = host as Record<string, unknown>;
  if (limits?.NanoCPUs) resources['NanoCpus'] = limits.NanoCPUs;
  if (limits?.MemoryBytes) resources['Memory'] = limits.MemoryBytes;
  if (limits?.Pids) resources['PidsLimit'] = limits.Pids;
  if (spec.Init !== undefined) resources['Init'] = spec.Init;
  if (spec.CapabilityAdd) resources['CapAdd'] = spec.CapabilityAdd;
  if (spec.CapabilityDrop) resources['CapDrop'] = spec.CapabilityDrop;
  if (spec.Sysctls) resources['Sysctls'] = spec.Sysctls;
  if (spec.DNSConfig?.Nameservers) resources['Dns'] = spec.DNSConfig.Nameservers;
  if (t.Spec.LogDriver?.Name)
    resources['LogConfig'] = { Type: t.Spec.LogDriver.Name, Config: t.Spec.LogDriver.Options ?? {} };
  const req: ContainerCreateRequest = {
    Image: spec.Image ?? '',
    Labels: labels,
    Env: spec.Env ?? [],
    Tty: spec.TTY ?? false,
    OpenStdin: spec.OpenStdin ?? false,
    HostConfig: host,
  };
  // the task's networks (createNetworkingConfig) and its host-mode ports (portBindings)
  if (networking) {
    if (networking.NetworkMode) resources['NetworkMode'] = networking.NetworkMode;
    req.NetworkingConfig = { EndpointsConfig: networking.EndpointsConfig as never };
  }
  const { exposed, bindings } = hostModePorts(service);
  if (Object.keys(bindings).length > 0) {
    req.ExposedPorts = exposed;
    resources['PortBindings'] = bindings;
  }
  if (spec.Hostname) req.Hostname = spec.Hostname;
  if (spec.Command?.length) req.Entrypoint = spec.Command;
  if (spec.Args?.length) req.Cmd = spec.Args;
  if (spec.Dir) req.WorkingDir = spec.Dir;
  if (spec.User) req.User = spec.User;
  if (spec.StopSignal) req.StopSignal = spec.StopSignal;
  const hc = spec.Healthcheck;
  if (hc) {
    req.Healthcheck = {
      Test: hc.Test,
      ...(hc.Interval ? { Interval: hc.Interval } : {}),
      ...(hc.Timeout ? { Timeout: hc.Timeout } : {}),
      ...(hc.StartPeriod ? { StartPeriod: hc.StartPeriod } : {}),
      ...(hc.StartInterval ? { StartInterval: hc.StartInterval } : {}),
      ...(hc.Retries ? { Retries: hc.Retries } : {}),
    } as ContainerCreateRequest['Healthcheck'];
  }
  return req;
}
