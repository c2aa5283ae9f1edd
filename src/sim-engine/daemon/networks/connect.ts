/**
 * Attaching containers to networks (moby daemon/container_operations.go):
 * `POST /networks/{id}/connect` and `/disconnect`, and connectToNetwork, which also
 * runs for each of a container's networks when it starts. A running container gets
 * its address, /etc/hosts line and DNS names at once; a stopped one only has its
 * settings recorded, and joins when it next starts.
 */
import type { EndpointSettings } from '../../api/types/container.ts';
import { invalidParameter, notFound, systemError } from '../../errdefs.ts';
import type { NetNamespace } from '../../network/namespace.ts';
import type { Container } from '../container.ts';
import type { Daemon } from '../daemon.ts';
import {
  buildEndpointDNSNames,
  createEndpoint,
  deleteEndpoint,
  endpointSettingsProblem,
} from './endpoint.ts';
import { logNetworkEvent } from './events.ts';
import { isUserDefinedName, type NetworkRecord } from './record.ts';
import { onEndpointJoined, onEndpointLeft } from './sandbox.ts';

/** runconfig errors (validationError: 400) */
export const ERR_CONFLICT_SHARED_NETWORK =
  'container sharing network namespace with another container or host cannot be connected to any other network';
export const ERR_CONFLICT_CONNECT_TO_HOST =
  'cannot connect container to host network - container must be created in host network mode';
export const ERR_CONFLICT_DISCONNECT_FROM_HOST =
  'cannot disconnect container from host network - container was created in host network mode';
export const ERR_CONFLICT_NO_NETWORK =
  'container cannot be connected to multiple networks with one of the networks in private (none) mode';

const isHostMode = (c: Container) => c.hostConfig.NetworkMode === 'host';
const isContainerMode = (c: Container) => c.hostConfig.NetworkMode.startsWith('container:');
/** NetworkMode(type).IsPrivate for a network's driver type */
const isPrivateType = (driver: string) => driver !== 'host';

/** A full EndpointSettings from what a request gave. */
export function endpointSettings(from: Partial<EndpointSettings> | null | undefined): EndpointSettings {
  return {
    IPAMConfig: from?.IPAMConfig ? ipamConfig(from.IPAMConfig) : null,
    Links: from?.Links ?? null,
    Aliases: from?.Aliases ?? null,
    MacAddress: from?.MacAddress ?? '',
    DriverOpts: from?.DriverOpts ?? null,
    GwPriority: from?.GwPriority ?? 0,
    NetworkID: from?.NetworkID ?? '',
    EndpointID: from?.EndpointID ?? '',
    Gateway: from?.Gateway ?? '',
    IPAddress: from?.IPAddress ?? '',
    IPPrefixLen: from?.IPPrefixLen ?? 0,
    IPv6Gateway: from?.IPv6Gateway ?? '',
    GlobalIPv6Address: from?.GlobalIPv6Address ?? '',
    GlobalIPv6PrefixLen: from?.GlobalIPv6PrefixLen ?? 0,
    DNSNames: from?.DNSNames ?? null,
  };
}

/** EndpointIPAMConfig: every field omitted when empty. */
function ipamConfig(
  from: NonNullable<EndpointSettings['IPAMConfig']>,
): NonNullable<EndpointSettings['IPAMConfig']> {
  const out: NonNullable<EndpointSettings['IPAMConfig']> = {};
  if (from.IPv4Address) out.IPv4Address = from.IPv4Address;
  if (from.IPv6Address) out.IPv6Address = from.IPv6Address;
  if (from.LinkLocalIPs && from.LinkLocalIPs.length > 0) out.LinkLocalIPs = [...from.LinkLocalIPs];
  return out;
}

/**
 * updateNetworkConfig + updateNetworkSettings: DNS names for user-defined networks,
 * the settings checked, and the combinations Docker refuses. False when the
 * container already has this network (nothing to record).
 */
function updateNetworkConfig(d: Daemon, c: Container, n: NetworkRecord, settings: EndpointSettings): boolean {
  if (isUserDefinedName(n.name)) settings.DNSNames = buildEndpointDNSNames(c, settings.Aliases ?? []);
  const problem = endpointSettingsProblem(n, n.name, settings);
  if (problem) throw invalidParameter(`invalid endpoint settings:\n${problem}`);
  if (!isHostMode(c) && n.driver === 'host') throw invalidParameter(ERR_CONFLICT_CONNECT_TO_HOST);
  for (const [name, s] of c.networks) {
    const sn = d.networks.forSettings(name, s.NetworkID);
    if (!sn) continue;
    if (sn.name === n.name) return false;
    if (!isPrivateType(sn.driver) || !isPrivateType(n.driver))
      throw invalidParameter(ERR_CONFLICT_SHARED_NETWORK);
    if (sn.name === 'none' || n.name === 'none') throw invalidParameter(ERR_CONFLICT_NO_NETWORK);
  }
  return true;
}

/**
 * connectToNetwork: find the network, check the settings, create and join the
 * endpoint in the container's namespace `ns`, log `connect`. Used at start for every
 * network of the container, and by `docker network connect` while it runs.
 */
export function connectToNetwork(
  d: Daemon,
  c: Container,
  idOrName: string,
  settings: EndpointSettings,
  ns: NetNamespace,
): void {
  if (isContainerMode(c)) throw invalidParameter(ERR_CONFLICT_SHARED_NETWORK);
  // an attachable swarm network this node has no instance of yet: the swarm attaches
  // the container (moby daemon.connectToNetwork → cluster.AttachNetwork)
  let n = d.networks.find(idOrName);
  // findAndAttachNetwork: a container that is not a task joins a swarm network through
  // the cluster even when the node has an instance of it (attachable or refused)
  const managed = c.config.Labels?.['com.docker.swarm.task.id'] !== undefined;
  if (!n || (n.dynamic && n.scope === 'swarm' && !managed))
    n = d.networks.attachSwarm?.(c, n?.id ?? idOrName, settings) ?? n;
  if (!n) throw notFound(`network ${idOrName} not found`);
  updateNetworkConfig(d, c, n, settings);
  const endpoint = createEndpoint(d, c, n, settings, ns);
  // the settings live under the network's name (a request may have used its ID)
  c.networks.set(n.name, settings);
  if (n.id !== n.name) c.networks.delete(n.id);
  onEndpointJoined(d, c, n, endpoint);
  logNetworkEvent(d, n, 'connect', { container: c.id });
}

/** `POST /networks/{id}/connect` (daemon.ConnectToNetwork). */
export function networkConnect(
  d: Daemon,
  containerTerm: string,
  idOrName: string,
  epConfig: Partial<EndpointSettings> | null | undefined,
): void {
  const c = d.getContainer(containerTerm);
  const settings = endpointSettings(epConfig);
  if (!c.isRunning) {
    if (c.removalInProgress || c.status === 'dead') throw removalError(c);
    const n = d.networks.find(idOrName);
    if (n) {
      if (updateNetworkConfig(d, c, n, settings)) c.networks.set(n.name, settings);
    } else {
      // a network that is not there yet (a swarm one) may be there when it starts
      c.networks.set(idOrName, settings);
    }
    return;
  }
  connectToNetwork(d, c, idOrName, settings, c.running!.ns);
}

/** `POST /networks/{id}/disconnect` (daemon.DisconnectContainerFromNetwork). */
export function networkDisconnect(
  d: Daemon,
  containerTerm: string,
  networkTerm: string,
  force: boolean,
): void {
  const c = d.findContainer(containerTerm);
  if (!c) {
    if (!force) d.getContainer(containerTerm);
    // ForceEndpointDelete: a stale endpoint of a container that is gone
    const n = d.networks.get(networkTerm);
    const stale = [...n.endpoints.values()].find((e) => e.name === containerTerm);
    if (!stale) throw notFound(`endpoint ${containerTerm} not found`);
    deleteEndpoint(d, n, stale.containerId, undefined);
    return;
  }
  let n: NetworkRecord | undefined;
  let lookupError: unknown;
  try {
    n = d.networks.get(networkTerm);
  } catch (err) {
    lookupError = err;
  }
  if (!c.isRunning || (lookupError && force)) {
    if (c.removalInProgress || c.status === 'dead') throw removalError(c);
    const name = n ? n.name : networkTerm;
    if (!c.networks.has(name)) throw systemError(`container ${c.id} is not connected to the network ${name}`);
    c.networks.delete(name);
    return;
  }
  if (!n) throw lookupError;
  if (isHostMode(c) && n.driver === 'host') throw invalidParameter(ERR_CONFLICT_DISCONNECT_FROM_HOST);
  disconnectFromNetwork(d, c, n);
}

/** disconnectFromNetwork: leave, drop the settings, log `disconnect`. */
export function disconnectFromNetwork(d: Daemon, c: Container, n: NetworkRecord): void {
  if (!n.endpoints.has(c.id)) throw systemError(`container ${c.id} is not connected to network ${n.name}`);
  const endpoint = deleteEndpoint(d, n, c.id, c.running?.ns)!;
  onEndpointLeft(d, c, n, endpoint);
  c.networks.delete(n.name);
  logNetworkEvent(d, n, 'disconnect', { container: c.id });
}

function removalError(c: Container): Error {
  return systemError(
    `Container ${c.id} is marked for removal and cannot be connected or disconnected to the network`,
  );
}
