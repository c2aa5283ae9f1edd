/** Network objects of the Engine API (moby api/types/network, v28.5.2). */
export interface IPAMConfig {
  Subnet?: string;
  IPRange?: string;
  Gateway?: string;
  AuxiliaryAddresses?: Record<string, string>;
}

export interface IPAM {
  Driver: string;
  Options: Record<string, string> | null;
  Config: IPAMConfig[] | null;
}

export interface EndpointResource {
  Name: string;
  EndpointID: string;
  MacAddress: string;
  IPv4Address: string;
  IPv6Address: string;
}

export interface NetworkInspect {
  Name: string;
  Id: string;
  Created: string;
  Scope: string;
  Driver: string;
  EnableIPv4: boolean;
  EnableIPv6: boolean;
  IPAM: IPAM;
  Internal: boolean;
  Attachable: boolean;
  Ingress: boolean;
  ConfigFrom: { Network: string };
  ConfigOnly: boolean;
  Containers: Record<string, EndpointResource>;
  Options: Record<string, string>;
  Labels: Record<string, string>;
  Peers?: { Name: string; IP: string }[];
}

export interface NetworkCreateRequest {
  Name: string;
  Driver?: string;
  Scope?: string;
  EnableIPv4?: boolean;
  EnableIPv6?: boolean;
  IPAM?: Partial<IPAM>;
  Internal?: boolean;
  Attachable?: boolean;
  Ingress?: boolean;
  ConfigOnly?: boolean;
  ConfigFrom?: { Network: string } | null;
  Options?: Record<string, string>;
  Labels?: Record<string, string>;
  CheckDuplicate?: boolean;
}

export interface NetworkCreateResponse {
  Id: string;
  Warning: string;
}

export interface NetworkConnectRequest {
  Container: string;
  EndpointConfig?: { Aliases?: string[]; IPAMConfig?: { IPv4Address?: string }; Links?: string[] } | null;
}

export interface NetworkDisconnectRequest {
  Container: string;
  Force?: boolean;
}

export interface NetworkPruneReport {
  NetworksDeleted: string[] | null;
}
