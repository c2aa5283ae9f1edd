/**
 * A task's networks as its node's agent sets them up (moby daemon/cluster/executor/
 * container: createNetworks before create, createNetworkingConfig, getEndpointConfig,
 * portBindings): the local instance of each network the task attaches to, made if
 * the node has none yet, an endpoint config per network carrying the address the
 * manager allocated, NetworkMode for a predefined network (`--network host`), and the
 * host-mode published ports as the container's port bindings.
 */
import type { EndpointSettings, PortMap } from '../../api/types/container.ts';
import type { PortConfig, Service, Task } from '../../api/types/service.ts';
import type { Daemon } from '../../daemon/daemon.ts';
import type { Cluster } from '../cluster.ts';
import { ensureLocalNetwork, releaseIfUnused } from './local.ts';
import { PREDEFINED_LABEL, type NetworkAttachment } from './types.ts';

export interface TaskNetworking {
  NetworkMode?: string;
  EndpointsConfig: Record<string, Partial<EndpointSettings>>;
}

/** The networking part of the task's container create request; undefined: the default bridge. */
export function taskNetworking(
  cluster: Cluster,
  nodeId: string,
  d: Daemon,
  t: Task,
): TaskNetworking | undefined {
  const attachments = (t.NetworksAttachments ?? []) as NetworkAttachment[];
  if (attachments.length === 0) return undefined;
  const out: TaskNetworking = { EndpointsConfig: {} };
  attachments.forEach((a, i) => {
    const name = a.Network.Spec.Name ?? '';
    if (a.Network.Spec.Labels?.[PREDEFINED_LABEL] === 'true') {
      if (i === 0) out.NetworkMode = name;
      const local = d.networks.byName(name);
      out.EndpointsConfig[name] = { NetworkID: local?.id ?? a.Network.ID };
      return;
    }
    ensureLocalNetwork(cluster, nodeId, d, a.Network);
    const ipv4 = (a.Addresses ?? [])[0]?.split('/')[0] ?? '';
    out.EndpointsConfig[name] = { NetworkID: a.Network.ID, IPAMConfig: { IPv4Address: ipv4 } };
  });
  return out;
}

/** containerConfig.portBindings and exposedPorts: the ports published in host mode. */
export function hostModePorts(service: Service | undefined): {
  exposed: Record<string, object>;
  bindings: PortMap;
} {
  const exposed: Record<string, object> = {};
  const bindings: PortMap = {};
  for (const p of service?.Endpoint?.Ports ?? service?.Spec.EndpointSpec?.Ports ?? []) {
    if (p.PublishMode !== 'host') continue;
    const key = `${p.TargetPort}/${p.Protocol ?? 'tcp'}`;
    exposed[key] = {};
    bindings[key] = [{ HostIp: '', HostPort: p.PublishedPort ? String(p.PublishedPort) : '' }];
  }
  return { exposed, bindings };
}

/** parsePortStatus: the host ports the container got, as the task's PortStatus. */
export function portStatus(ports: PortMap): PortConfig[] {
  const out: PortConfig[] = [];
  for (const key of Object.keys(ports).sort()) {
    const [target, proto = 'tcp'] = key.split('/');
    for (const b of ports[key] ?? []) {
      out.push({
        Protocol: proto as PortConfig['Protocol'],
        TargetPort: Number(target),
        PublishedPort: Number(b.HostPort),
        PublishMode: 'host',
      });
    }
  }
  return out;
}

/** The task's container is gone: the networks no container of the node uses go too. */
export function releaseTaskNetworks(cluster: Cluster, nodeId: string, d: Daemon, t: Task): void {
  for (const a of (t.NetworksAttachments ?? []) as NetworkAttachment[])
    releaseIfUnused(cluster, nodeId, d, a.Network.ID);
}
