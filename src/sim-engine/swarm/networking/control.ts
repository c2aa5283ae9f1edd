/**
 * The control API's network calls (swarmkit manager/controlapi/network.go, with moby
 * daemon/cluster/networks.go and helpers.go getNetwork around them): create a
 * swarm-scoped network in the cluster store, allocated at once (a VNI, a /24 of
 * 10.0.0.0/8 and its gateway: the allocator's doNetworkAlloc, which SwarmKit runs right
 * after the create), list, look up and remove them with SwarmKit's refusals, and the
 * network.Inspect view moby's BasicNetworkFromGRPC gives of them.
 */
import type { NetworkCreateRequest, NetworkInspect } from '../../api/types/network.ts';
import type { Service, Task } from '../../api/types/service.ts';
import type { Daemon } from '../../daemon/daemon.ts';
import { rfc3339Nano } from '../../daemon/instant.ts';
import type { DaemonError } from '../../errdefs.ts';
import { conflict, forbidden, invalidParameter, notFound } from '../../errdefs.ts';
import { formatCidr, intToIp, parseCidr } from '../../network/ipv4.ts';
import type { Tx } from '../../store/store.ts';
import { membershipOf, type Cluster } from '../cluster.ts';
import { newID } from '../manager/identity.ts';
import { stateAfter } from '../orchestrator/task.ts';
import { freeSubnet } from './ipam.ts';
import {
  isIngress,
  NETWORK,
  networkingRandom,
  PREDEFINED_LABEL,
  VXLAN_ID_START,
  VXLANID_LIST,
  type NetworkAttachment,
  type SwarmNetwork,
  type SwarmNetworkSpec,
} from './types.ts';

type GrpcCode = 'InvalidArgument' | 'NotFound' | 'AlreadyExists' | 'FailedPrecondition' | 'PermissionDenied';

/** A gRPC status as the daemon passes it on: `rpc error: code = X desc = …`. */
export function rpcError(code: GrpcCode, desc: string): DaemonError {
  const message = `rpc error: code = ${code} desc = ${desc}`;
  if (code === 'NotFound') return notFound(message);
  if (code === 'AlreadyExists') return conflict(message);
  if (code === 'PermissionDenied') return forbidden(message);
  return invalidParameter(message);
}

/**
 * The cluster whose control API this daemon can use now (nodeState.IsActiveManager):
 * a manager that reaches a leader. Undefined otherwise — moby's network routes then
 * answer from the local networks alone.
 */
export function activeManagerCluster(d: Daemon): Cluster | undefined {
  const m = membershipOf(d);
  if (!m || !m.cluster.raft.has(m.nodeId)) return undefined;
  const leader = m.cluster.leader;
  if (leader === undefined || !m.cluster.reaches(m.nodeId, leader)) return undefined;
  return m.cluster;
}

/** Stamps of network objects: the clock, nanoseconds from the networking's generator. */
export function networkingNow(cluster: Cluster): string {
  return rfc3339Nano({ ms: cluster.clock.now(), nano: networkingRandom(cluster).int(1_000_000) });
}

/** convert.BasicNetworkCreateToGRPC: the spec the control API is given. */
function specOf(req: NetworkCreateRequest): SwarmNetworkSpec {
  const spec: SwarmNetworkSpec = { Name: req.Name };
  // protobuf drops empty maps on the way through gRPC
  if (req.Labels && Object.keys(req.Labels).length > 0) spec.Labels = { ...req.Labels };
  spec.DriverConfiguration = { Name: req.Driver || 'overlay' };
  if (req.Options && Object.keys(req.Options).length > 0)
    spec.DriverConfiguration.Options = { ...req.Options };
  if (req.EnableIPv6) spec.IPv6Enabled = true;
  if (req.Internal) spec.Internal = true;
  if (req.Attachable) spec.Attachable = true;
  if (req.Ingress) spec.Ingress = true;
  if (req.IPAM) {
    spec.IPAMOptions = { Driver: { Name: req.IPAM.Driver || 'default' } };
    if (req.IPAM.Options && Object.keys(req.IPAM.Options).length > 0)
      spec.IPAMOptions.Driver.Options = { ...req.IPAM.Options };
    const configs = (req.IPAM.Config ?? []).map((c) => ({
      ...(c.Subnet ? { Subnet: c.Subnet } : {}),
      ...(c.IPRange ? { Range: c.IPRange } : {}),
      ...(c.Gateway ? { Gateway: c.Gateway } : {}),
    }));
    if (configs.length > 0) spec.IPAMOptions.Configs = configs;
  }
  if (req.ConfigFrom?.Network) spec.ConfigFrom = { Network: req.ConfigFrom.Network };
  spec.Scope = 'swarm';
  return spec;
}

/**
 * The allocator's part (cnmallocator allocateDriverState + allocatePools): the overlay
 * driver's VNI, lowest free from 4096, in DriverState with the spec's driver options;
 * the pool asked for or the lowest free /24, with its gateway.
 */
export function allocateNetwork(tx: Tx, n: SwarmNetwork): void {
  const vnis = new Set(
    tx
      .find<SwarmNetwork>(NETWORK)
      .flatMap((o) => (o.DriverState?.Options?.[VXLANID_LIST] ?? '').split(',').filter(Boolean).map(Number)),
  );
  const driver = n.Spec.DriverConfiguration?.Name || 'overlay';
  const options: Record<string, string> = { ...(n.Spec.DriverConfiguration?.Options ?? {}) };
  if (driver === 'overlay') {
    let vni = VXLAN_ID_START;
    while (vnis.has(vni)) vni++;
    options[VXLANID_LIST] = String(vni);
  }
  n.DriverState = { Name: driver, Options: options };
  const asked = n.Spec.IPAMOptions?.Configs?.filter((c) => c.Subnet && !c.Subnet.includes(':')) ?? [];
  const configs = asked.length > 0 ? asked : [{}];
  n.IPAMOptions = {
    Driver: { Name: n.Spec.IPAMOptions?.Driver.Name || 'default' },
    Configs: configs.map((c) => {
      const subnet = c.Subnet ? parseCidr(c.Subnet) : freeSubnet(tx);
      if (!subnet) throw invalidParameter('could not find an available, non-overlapping IPv4 address pool');
      const out: { Subnet: string; Range?: string; Gateway: string } = {
        Subnet: c.Subnet ?? formatCidr(subnet),
        Gateway: c.Gateway ?? intToIp(subnet.base + 1),
      };
      if (c.Range) out.Range = c.Range;
      return { Subnet: out.Subnet, ...(out.Range ? { Range: out.Range } : {}), Gateway: out.Gateway };
    }),
  };
  if (n.Spec.IPAMOptions?.Driver.Options)
    n.IPAMOptions.Driver.Options = { ...n.Spec.IPAMOptions.Driver.Options };
}

/** Cluster.CreateNetwork → controlapi CreateNetwork (validateNetworkSpec), then the allocator. */
export function createClusterNetwork(cluster: Cluster, req: NetworkCreateRequest): string {
  const spec = specOf(req);
  if (spec.Attachable && spec.Ingress)
    throw rpcError('InvalidArgument', 'ingress network cannot be attachable');
  if (spec.Labels?.[PREDEFINED_LABEL] !== undefined)
    throw rpcError(
      'PermissionDenied',
      `label ${PREDEFINED_LABEL} is for internally created predefined networks and cannot be applied by users`,
    );
  return createNetworkObject(cluster, spec).ID;
}

/** Store a new network with its allocation (also how the manager makes ingress). */
export function createNetworkObject(cluster: Cluster, spec: SwarmNetworkSpec): SwarmNetwork {
  const random = networkingRandom(cluster);
  const now = networkingNow(cluster);
  return cluster.store.update((tx) => {
    if (spec.Ingress) {
      const ingress = tx.find<SwarmNetwork>(NETWORK, isIngress)[0];
      if (ingress) throw rpcError('AlreadyExists', `ingress network (${ingress.ID}) is already present`);
    }
    const n: Omit<SwarmNetwork, 'Version'> & { Version: { Index: number } } = {
      ID: newID(random),
      Version: { Index: 0 },
      CreatedAt: now,
      UpdatedAt: now,
      Spec: spec,
    };
    if (!spec.Labels?.[PREDEFINED_LABEL]) allocateNetwork(tx, n);
    return tx.create<SwarmNetwork>(NETWORK, n);
  });
}

/** helpers.go getNetwork: full ID, then a full name, then an ID prefix. */
export function getClusterNetwork(cluster: Cluster, input: string): SwarmNetwork {
  const all = cluster.store.find<SwarmNetwork>(NETWORK);
  const byId = all.find((n) => n.ID === input);
  if (byId) return byId;
  let found = all.filter((n) => n.Spec.Name === input);
  if (found.length === 0) found = input === '' ? [] : all.filter((n) => n.ID.startsWith(input));
  if (found.length === 0) throw notFound(`network ${input} not found`);
  if (found.length > 1)
    throw invalidParameter(`network ${input} is ambiguous (${found.length} matches found)`);
  return found[0]!;
}

/** Cluster.GetNetworks without the predefined ones (filterPredefinedNetworks). */
export function listClusterNetworks(cluster: Cluster): SwarmNetwork[] {
  return cluster.store.find<SwarmNetwork>(NETWORK, (n) => n.Spec.Labels?.[PREDEFINED_LABEL] !== 'true');
}

/** The networks a service's tasks attach to (TaskTemplate.Networks, else the deprecated Spec.Networks). */
export function specNetworks(s: Pick<Service, 'Spec'>): { Target?: string; Aliases?: string[] }[] {
  const t = s.Spec.TaskTemplate?.Networks ?? [];
  return t.length > 0 ? t : (s.Spec.Networks ?? []);
}

/** controlapi RemoveNetwork, removeNetwork and removeIngressNetwork. */
export function removeClusterNetwork(cluster: Cluster, input: string): void {
  const n = getClusterNetwork(cluster, input);
  if (n.Spec.Labels?.[PREDEFINED_LABEL] === 'true')
    throw rpcError(
      'FailedPrecondition',
      `network ${n.ID} (${n.Spec.Name}) is a swarm predefined network and cannot be removed`,
    );
  cluster.store.update((tx) => {
    const services = tx.find<Service>('service');
    if (isIngress(n)) {
      const user = services.find(needsIngress);
      if (user)
        throw rpcError(
          'FailedPrecondition',
          `ingress network cannot be removed because service ${user.ID} depends on it`,
        );
    } else {
      const user = services.find((s) => specNetworks(s).some((a) => a.Target === n.ID));
      if (user) throw rpcError('FailedPrecondition', `network ${n.ID} is in use by service ${user.ID}`);
      const task = tx
        .find<Task>('task')
        .find(
          (t) =>
            !stateAfter(t.DesiredState, 'running') &&
            !stateAfter(t.Status.State, 'running') &&
            ((t.NetworksAttachments ?? []) as NetworkAttachment[]).some((a) => a.Network.ID === n.ID),
        );
      if (task) throw rpcError('FailedPrecondition', `network ${n.ID} is in use by task ${task.ID}`);
    }
    tx.delete(NETWORK, n.ID);
  });
}

/** networkallocator.IsIngressNetworkNeeded: a port published in ingress mode. */
export function needsIngress(s: Pick<Service, 'Spec'>): boolean {
  return (s.Spec.EndpointSpec?.Ports ?? []).some((p) => (p.PublishMode ?? 'ingress') === 'ingress');
}

/** convert.BasicNetworkFromGRPC: a cluster network as the network routes show it. */
export function basicNetworkView(n: SwarmNetwork): NetworkInspect {
  const ipam = n.IPAMOptions;
  return {
    Name: n.Spec.Name ?? '',
    Id: n.ID,
    Created: n.CreatedAt,
    Scope: 'swarm',
    Driver: n.DriverState?.Name ?? '',
    EnableIPv4: true,
    EnableIPv6: n.Spec.IPv6Enabled ?? false,
    IPAM: ipam
      ? {
          Driver: ipam.Driver.Name ?? '',
          Options: ipam.Driver.Options ?? null,
          Config: (ipam.Configs ?? []).map((c) => ({
            Subnet: c.Subnet,
            ...(c.Range ? { IPRange: c.Range } : {}),
            Gateway: c.Gateway,
          })),
        }
      : { Driver: '', Options: null, Config: null },
    Internal: n.Spec.Internal ?? false,
    Attachable: n.Spec.Attachable ?? false,
    Ingress: isIngress(n),
    ConfigFrom: { Network: n.Spec.ConfigFrom?.Network ?? '' },
    ConfigOnly: false,
    Containers: null as unknown as NetworkInspect['Containers'],
    Options: (n.DriverState?.Options ?? null) as NetworkInspect['Options'],
    Labels: (n.Spec.Labels ?? null) as NetworkInspect['Labels'],
  };
}

/**
 * Cluster.populateNetworkID: the networks a service spec names become IDs (the CLI
 * sends names or IDs); a local network that is not the swarm's is refused.
 */
export function populateNetworkIds(cluster: Cluster, d: Daemon, spec: Service['Spec']): void {
  const list = spec.TaskTemplate?.Networks?.length ? spec.TaskTemplate.Networks : (spec.Networks ?? []);
  for (const a of list) {
    const target = a.Target ?? '';
    try {
      a.Target = getClusterNetwork(cluster, target).ID;
    } catch (err) {
      let local;
      try {
        local = d.networks.find(target);
      } catch {
        local = undefined;
      }
      if (local && ['bridge', 'host', 'none', 'default'].includes(local.name)) {
        try {
          a.Target = getClusterNetwork(cluster, local.name).ID;
          continue;
        } catch (inner) {
          throw notFound(
            `could not find the corresponding predefined swarm network: ${(inner as Error).message}`,
          );
        }
      }
      if (local && !local.dynamic)
        throw forbidden(
          `The network ${local.name} cannot be used with services. Only networks scoped to the swarm can be used, such as those created with the overlay driver.`,
        );
      throw err;
    }
  }
}
