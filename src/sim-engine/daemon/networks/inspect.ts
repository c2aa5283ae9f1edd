/**
 * A network as the API shows it (moby daemon/network.go buildNetworkResource,
 * buildIPAMResources, buildEndpointResource), fields in the order of
 * network.Inspect so that `docker network inspect` prints them as Docker does.
 */
import type { EndpointResource, IPAMConfig, NetworkInspect } from '../../api/types/network.ts';
import { formatCidr } from '../../network/ipv4.ts';
import { rfc3339Nano } from '../instant.ts';
import type { NetworkRecord } from './record.ts';

/**
 * `detailed` fills Containers with the endpoints of running containers; the list
 * endpoint (API ≥ 1.28) leaves it empty.
 */
export function networkInspect(n: NetworkRecord, detailed: boolean): NetworkInspect {
  const out: NetworkInspect = {
    Name: n.name,
    Id: n.id,
    Created: rfc3339Nano(n.created),
    Scope: n.scope,
    Driver: n.driver,
    EnableIPv4: n.enableIPv4,
    EnableIPv6: n.enableIPv6,
    IPAM: { Driver: n.ipamDriver, Options: n.ipamOptions && sortedMap(n.ipamOptions), Config: ipamConfig(n) },
    Internal: n.internal,
    Attachable: n.attachable,
    Ingress: n.ingress,
    ConfigFrom: { Network: n.configFrom },
    ConfigOnly: n.configOnly,
    Containers: detailed ? containers(n) : {},
    Options: sortedMap(n.options),
    Labels: sortedMap(n.labels),
  };
  // buildPeerInfoResources: only when there are peers (omitempty)
  const peers = n.peers?.() ?? [];
  if (peers.length > 0) out.Peers = peers;
  return out;
}

/**
 * IPAM.Config: what the user configured, as given (a subnet without `--gateway`
 * shows no Gateway); when nothing was configured, the pools allocated, with their
 * gateways (the default bridge and `docker network create NAME`).
 */
function ipamConfig(n: NetworkRecord): IPAMConfig[] | null {
  const configured = n.ipamConfig
    .filter((c) => c.Subnet)
    .map((c) => {
      const out: IPAMConfig = { Subnet: c.Subnet };
      if (c.IPRange) out.IPRange = c.IPRange;
      if (c.Gateway) out.Gateway = c.Gateway;
      if (c.AuxiliaryAddresses && Object.keys(c.AuxiliaryAddresses).length > 0)
        out.AuxiliaryAddresses = sortedMap(c.AuxiliaryAddresses);
      return out;
    });
  const v4 = configured.filter((c) => !c.Subnet!.includes(':'));
  const v6 = configured.filter((c) => c.Subnet!.includes(':'));
  const fromPools =
    v4.length > 0
      ? []
      : n.pools.map((p) => {
          const out: IPAMConfig = { Subnet: formatCidr(p.subnet) };
          if (p.gateway) out.Gateway = p.gateway;
          return out;
        });
  const all = [...v4, ...v6, ...fromPools];
  return all.length > 0 ? all : null;
}

function containers(n: NetworkRecord): Record<string, EndpointResource> {
  const out: Record<string, EndpointResource> = {};
  const endpoints = [...n.endpoints.values()].sort((a, b) => compare(a.containerId, b.containerId));
  for (const e of endpoints) {
    out[e.containerId] = {
      Name: e.name,
      EndpointID: e.endpointId,
      MacAddress: e.macAddress,
      IPv4Address: e.ip ? `${e.ip}/${e.prefixLen}` : '',
      IPv6Address: '',
    };
  }
  return out;
}

/** A map as Go's encoder writes it: keys in sorted order. */
export function sortedMap(m: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(m).sort(compare)) out[k] = m[k]!;
  return out;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
