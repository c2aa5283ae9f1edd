/**
 * `DELETE /networks/{id}` (moby daemon/network.go deleteNetwork, libnetwork
 * Network.delete): predefined networks stay; a network with endpoints — running
 * containers — stays, naming them; otherwise its pools and bridge go away.
 */
import { forbidden } from '../../errdefs.ts';
import type { Daemon } from '../daemon.ts';
import { logNetworkEvent } from './events.ts';
import { isPredefined, type NetworkRecord } from './record.ts';

export function networkRemove(d: Daemon, network: NetworkRecord, options: { dynamic?: boolean } = {}): void {
  if (isPredefined(network.name) && !options.dynamic)
    throw forbidden(`${network.name} is a pre-defined network and cannot be removed`);
  if (options.dynamic && !network.dynamic) {
    // the swarm removing a predefined network it used is a no-op
    if (isPredefined(network.name)) return;
    throw forbidden(`${network.name} is not a dynamic network`);
  }
  const fail = (why: string) => forbidden(`error while removing network: ${why}`);
  if (network.ingress && !options.dynamic) throw fail(`network ${network.name} has active endpoints ()`);
  if (network.configOnly && d.networks.all().some((n) => n.configFrom === network.name))
    throw fail(`configuration network "${network.name}" is in use`);
  if (network.endpoints.size > 0) {
    const names = [...network.endpoints.values()].map(
      (e) => `name:"${e.name}" id:"${e.endpointId.slice(0, 12)}"`,
    );
    throw fail(`network ${network.name} has active endpoints (${names.join(', ')})`);
  }
  d.networks.unregister(network);
  if (!network.configOnly) logNetworkEvent(d, network, 'destroy');
}
