/**
 * Service discovery data of the swarm as libnetwork's agent spreads it through
 * networkdb (service records and load-balancer backends), read here straight from
 * the cluster store: the addresses of a service's running tasks on a network, the
 * VIP virtual servers on each overlay segment, and the names the embedded DNS of an
 * overlay answers for (the service name and its network aliases → the VIP, or the
 * task addresses in dnsrr mode; `tasks.<name>` → the task addresses; a container's
 * name and aliases → its address, on whichever node it runs).
 */
import type { Service, Task } from '../../api/types/service.ts';
import type { Fabric } from '../../network/namespace.ts';
import { VirtualServer, type Backend } from '../../network/load-balancer.ts';
import type { Cluster } from '../cluster.ts';
import { SERVICE, TASK } from '../orchestrator/task.ts';
import { specNetworks } from './control.ts';
import type { NetworkAttachment } from './types.ts';

const ip = (cidr: string) => cidr.split('/')[0]!;

/** The addresses on `networkId` of the running tasks of a service (its IPVS real servers). */
export function taskBackends(cluster: Cluster, serviceId: string, networkId: string): Backend[] {
  const out: Backend[] = [];
  for (const t of cluster.store.find<Task>(
    TASK,
    (x) => x.ServiceID === serviceId && x.Status.State === 'running',
  )) {
    for (const a of (t.NetworksAttachments ?? []) as NetworkAttachment[]) {
      if (a.Network.ID !== networkId) continue;
      for (const addr of a.Addresses ?? []) out.push({ segment: networkId, ip: ip(addr) });
    }
  }
  return out;
}

interface Registered {
  server: VirtualServer;
  key: string;
}

const servers = new WeakMap<Cluster, Map<string, Registered>>();

function fabricOf(cluster: Cluster): Fabric | undefined {
  return cluster.members()[0]?.daemon.fabric;
}

/** Put a virtual server on each VIP the services have now; take the others away. */
export function syncVirtualServers(cluster: Cluster): void {
  const fabric = fabricOf(cluster);
  if (!fabric) return;
  let mine = servers.get(cluster);
  if (!mine) servers.set(cluster, (mine = new Map()));
  const wanted = new Set<string>();
  for (const s of cluster.store.find<Service>(SERVICE)) {
    if (s.Spec.EndpointSpec?.Mode === 'dnsrr') continue;
    for (const v of s.Endpoint?.VirtualIPs ?? []) {
      const key = `${s.ID}/${v.NetworkID}/${v.Addr}`;
      wanted.add(key);
      if (mine.has(key)) continue;
      const vip = { segment: v.NetworkID, ip: ip(v.Addr) };
      const server = new VirtualServer(`vip-${s.Spec.Name}`, fabric, vip, () =>
        taskBackends(cluster, s.ID, v.NetworkID),
      );
      mine.set(key, { server, key });
    }
  }
  for (const [key, r] of mine) {
    if (wanted.has(key)) continue;
    r.server.teardown();
    mine.delete(key);
  }
}

/** The swarm is gone: its VIPs leave the fabric. */
export function dropVirtualServers(cluster: Cluster): void {
  for (const r of servers.get(cluster)?.values() ?? []) r.server.teardown();
  servers.delete(cluster);
}

const rotations = new WeakMap<Cluster, Map<string, number>>();

/** A list of addresses as the resolver answers it, turned a step each lookup. */
function rotate(cluster: Cluster, key: string, addrs: string[]): string | undefined {
  if (addrs.length === 0) return undefined;
  let m = rotations.get(cluster);
  if (!m) rotations.set(cluster, (m = new Map()));
  const i = m.get(key) ?? 0;
  m.set(key, i + 1);
  return addrs[i % addrs.length];
}

/**
 * What the embedded DNS (127.0.0.11) answers for `host` on the overlay `networkId`,
 * or undefined to let the other records (local endpoints, the outside) answer.
 */
export function resolveOnOverlay(cluster: Cluster, networkId: string, host: string): string | undefined {
  const tasksOf = host.startsWith('tasks.') ? host.slice('tasks.'.length) : undefined;
  for (const s of cluster.store.find<Service>(SERVICE)) {
    // the ingress network carries no service records: only the networks a service names
    const attachment = specNetworks(s).find((a) => a.Target === networkId);
    if (!attachment) continue;
    const names = [s.Spec.Name ?? '', ...(attachment.Aliases ?? [])];
    if (tasksOf !== undefined && names.includes(tasksOf)) {
      return rotate(
        cluster,
        `${networkId}/${host}`,
        taskBackends(cluster, s.ID, networkId).map((b) => b.ip),
      );
    }
    if (!names.includes(host)) continue;
    if (s.Spec.EndpointSpec?.Mode === 'dnsrr')
      return rotate(
        cluster,
        `${networkId}/${host}`,
        taskBackends(cluster, s.ID, networkId).map((b) => b.ip),
      );
    const vip = (s.Endpoint?.VirtualIPs ?? []).find((v) => v.NetworkID === networkId);
    return vip ? ip(vip.Addr) : undefined;
  }
  // a container on this network on any node (its name, aliases, short ID, hostname)
  for (const { daemon } of cluster.members()) {
    const record = daemon.networks.networks.get(networkId);
    for (const e of record?.endpoints.values() ?? []) {
      if (e.ip && (e.name === host || e.dnsNames.includes(host))) return e.ip;
    }
  }
  return undefined;
}
