/**
 * Network events (moby daemon/events.go LogNetworkEventWithAttributes): every event
 * names the network and its driver type; connect and disconnect add the container.
 */
import type { Daemon } from '../daemon.ts';
import type { NetworkRecord } from './record.ts';

export function logNetworkEvent(
  d: Daemon,
  network: NetworkRecord,
  action: 'create' | 'destroy' | 'connect' | 'disconnect',
  attributes: Record<string, string> = {},
): void {
  d.events.log(d.instant(), 'network', action, network.id, {
    ...attributes,
    name: network.name,
    type: network.driver,
  });
}
