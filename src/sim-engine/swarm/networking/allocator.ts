/**
 * The network half of SwarmKit's allocator (manager/allocator/network.go), on the
 * leader: it gives each service a virtual IP on every network it is attached to (the
 * ingress network first when it publishes ports in ingress mode; none in dnsrr mode),
 * and each new task an address on each of its networks (Task.NetworksAttachments),
 * reading and writing only through the store. It runs in the store's watch callback,
 * so a task has its addresses before the scheduler's allocator moves it to PENDING.
 *
 * Who writes what: Service.Endpoint.VirtualIPs (and Endpoint.Spec when the service
 * has networks but no ports) and Task.NetworksAttachments are this allocator's; the
 * rest of Endpoint is the control API's.
 */
import type { Endpoint, Service, Task } from '../../api/types/service.ts';
import type { StoreEvent, Tx } from '../../store/store.ts';
import type { Cluster } from '../cluster.ts';
import { SERVICE, TASK } from '../orchestrator/task.ts';
import { needsIngress, specNetworks } from './control.ts';
import { AddressPool, usedAddresses } from './ipam.ts';
import { syncVirtualServers } from './vips.ts';
import { isIngress, NETWORK, PREDEFINED_LABEL, type NetworkAttachment, type SwarmNetwork } from './types.ts';

export class NetworkAllocator {
  readonly #cluster: Cluster;
  #unwatch: (() => void) | undefined;
  #busy = false;

  constructor(cluster: Cluster) {
    this.#cluster = cluster;
  }

  start(): void {
    this.#unwatch = this.#cluster.store.watch((events) => this.#onEvents(events));
    // doNetworkInit: what is in the store already (a new leader)
    const services = this.#cluster.store.find<Service>(SERVICE).map((s) => s.ID);
    const tasks = this.#cluster.store
      .find<Task>(TASK, (t) => t.NetworksAttachments === undefined && t.Status.State === 'new')
      .map((t) => t.ID);
    this.#allocate(new Map(services.map((id) => [id, undefined])), tasks);
  }

  stop(): void {
    this.#unwatch?.();
  }

  #onEvents(events: readonly StoreEvent[]): void {
    if (this.#busy) return;
    const services = new Map<string, Endpoint['VirtualIPs']>();
    const tasks: string[] = [];
    let deleted = false;
    for (const e of events) {
      if (e.kind === SERVICE && e.action !== 'delete') {
        services.set(e.object.ID, (e.old as Service | undefined)?.Endpoint?.VirtualIPs);
      } else if (e.kind === SERVICE) deleted = true;
      else if (e.kind === TASK && e.action === 'create') tasks.push(e.object.ID);
    }
    if (services.size > 0 || tasks.length > 0) this.#allocate(services, tasks);
    else if (deleted) syncVirtualServers(this.#cluster);
  }

  #allocate(services: Map<string, Endpoint['VirtualIPs']>, tasks: string[]): void {
    this.#busy = true;
    try {
      this.#cluster.store.update((tx) => {
        const pools = new Map<string, AddressPool>();
        const pool = (n: SwarmNetwork) => {
          let p = pools.get(n.ID);
          if (!p) pools.set(n.ID, (p = new AddressPool(n, usedAddresses(tx, n.ID))));
          return p;
        };
        for (const [id, previous] of services) allocateService(tx, id, previous, pool);
        for (const id of tasks) allocateTask(tx, id, pool);
      });
    } finally {
      this.#busy = false;
    }
    syncVirtualServers(this.#cluster);
  }
}

/** The networks a service's tasks join, ingress first (taskCreateNetworkAttachments). */
export function serviceNetworks(
  tx: Pick<Tx, 'get' | 'find'>,
  s: Pick<Service, 'Spec'>,
): { network: SwarmNetwork; aliases: string[] }[] {
  const out: { network: SwarmNetwork; aliases: string[] }[] = [];
  if (needsIngress(s)) {
    const ingress = tx.find<SwarmNetwork>(NETWORK, isIngress)[0];
    if (ingress) out.push({ network: ingress, aliases: [] });
  }
  for (const a of specNetworks(s)) {
    const n = tx.get<SwarmNetwork>(NETWORK, a.Target ?? '');
    if (n) out.push({ network: n, aliases: a.Aliases ?? [] });
  }
  return out;
}

const isPredefined = (n: SwarmNetwork) => n.Spec.Labels?.[PREDEFINED_LABEL] === 'true';

/** allocateService + cnmallocator AllocateService: the VIPs, kept across updates. */
function allocateService(
  tx: Tx,
  id: string,
  previous: Endpoint['VirtualIPs'],
  pool: (n: SwarmNetwork) => AddressPool,
): void {
  const s = tx.get<Service>(SERVICE, id);
  if (!s) return;
  const networks = serviceNetworks(tx, s).filter((x) => !isPredefined(x.network));
  const dnsrr = s.Spec.EndpointSpec?.Mode === 'dnsrr';
  // cnmallocator IsServiceAllocated: a dnsrr service with no published port and no VIP left
  // needs nothing from the allocator, so its Endpoint stays as created (`{"Spec":{}}`)
  if (dnsrr && (s.Spec.EndpointSpec?.Ports ?? []).length === 0 && (s.Endpoint?.VirtualIPs ?? []).length === 0)
    return;
  const have = [...(s.Endpoint?.VirtualIPs ?? []), ...(previous ?? [])];
  const vips: NonNullable<Endpoint['VirtualIPs']> = [];
  if (!dnsrr) {
    for (const { network } of networks) {
      const kept = have.find((v) => v.NetworkID === network.ID);
      const addr = kept?.Addr ?? pool(network).next();
      if (addr) vips.push({ NetworkID: network.ID, Addr: addr });
    }
  }
  const endpoint: Endpoint = { ...s.Endpoint };
  if (networks.length > 0 && !endpoint.Spec?.Mode) endpoint.Spec = { Mode: dnsrr ? 'dnsrr' : 'vip' };
  if (vips.length > 0) endpoint.VirtualIPs = vips;
  else delete endpoint.VirtualIPs;
  if (JSON.stringify(endpoint) === JSON.stringify(s.Endpoint)) return;
  s.Endpoint = endpoint;
  tx.update(SERVICE, s);
}

/** taskCreateNetworkAttachments + AllocateTask: an address per network, in the spec's order. */
function allocateTask(tx: Tx, id: string, pool: (n: SwarmNetwork) => AddressPool): void {
  const t = tx.get<Task>(TASK, id);
  if (!t || t.NetworksAttachments !== undefined) return;
  const s = tx.get<Service>(SERVICE, t.ServiceID ?? '');
  if (!s) return;
  const networks = serviceNetworks(tx, { Spec: { ...s.Spec, TaskTemplate: t.Spec } });
  if (networks.length === 0) return;
  const attachments: NetworkAttachment[] = networks.map(({ network, aliases }) => {
    const a: NetworkAttachment = { Network: network };
    const addr = isPredefined(network) ? undefined : pool(network).next();
    if (addr) a.Addresses = [addr];
    if (aliases.length > 0) a.Aliases = aliases;
    return a;
  });
  // swarm.Task's field order: NetworksAttachments follows DesiredState
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(t)) {
    if (k === 'NetworksAttachments') continue;
    out[k] = v;
    if (k === 'DesiredState') out['NetworksAttachments'] = attachments;
  }
  out['NetworksAttachments'] ??= attachments;
  tx.update(TASK, out as unknown as Task);
}

/** Start the leader's network allocator; returns the function that stops it. */
export function startNetworkAllocator(cluster: Cluster): () => void {
  const a = new NetworkAllocator(cluster);
  a.start();
  return () => a.stop();
}
