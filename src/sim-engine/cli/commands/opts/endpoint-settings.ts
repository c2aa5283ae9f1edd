/**
 * network.EndpointSettings as the docker CLI puts it in a request (a container create's
 * NetworkingConfig, network connect's EndpointConfig): Go's encoding/json of the whole
 * struct — every field in declaration order, the zero values the CLI never sets
 * included, nil slices and maps as null — and EndpointIPAMConfig, whose fields are all
 * omitempty (moby api/types/network/endpoint.go, v28.5.1).
 */
import type { EndpointSettings } from '../../../api/types/container.ts';

type IpamConfig = NonNullable<EndpointSettings['IPAMConfig']>;

function goIpamConfig(c: IpamConfig): IpamConfig {
  return {
    ...(c.IPv4Address ? { IPv4Address: c.IPv4Address } : {}),
    ...(c.IPv6Address ? { IPv6Address: c.IPv6Address } : {}),
    ...(c.LinkLocalIPs && c.LinkLocalIPs.length > 0 ? { LinkLocalIPs: c.LinkLocalIPs } : {}),
  };
}

export function goEndpointSettings(ep: Partial<EndpointSettings>): EndpointSettings {
  return {
    IPAMConfig: ep.IPAMConfig ? goIpamConfig(ep.IPAMConfig) : null,
    Links: ep.Links ?? null,
    Aliases: ep.Aliases ?? null,
    MacAddress: ep.MacAddress ?? '',
    DriverOpts: ep.DriverOpts ?? null,
    GwPriority: ep.GwPriority ?? 0,
    NetworkID: ep.NetworkID ?? '',
    EndpointID: ep.EndpointID ?? '',
    Gateway: ep.Gateway ?? '',
    IPAddress: ep.IPAddress ?? '',
    IPPrefixLen: ep.IPPrefixLen ?? 0,
    IPv6Gateway: ep.IPv6Gateway ?? '',
    GlobalIPv6Address: ep.GlobalIPv6Address ?? '',
    GlobalIPv6PrefixLen: ep.GlobalIPv6PrefixLen ?? 0,
    DNSNames: ep.DNSNames ?? null,
  };
}
