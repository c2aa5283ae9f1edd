/**
 * `docker network create`'s IPAM flags grouped by subnet (docker/cli
 * cli/command/network/create.go createIPAMConfig): each --ip-range, --gateway and
 * --aux-address goes to the --subnet containing it, with docker's texts for the
 * ones that fit none or fit twice. Addresses are parsed as Go's net.ParseCIDR and
 * net.ParseIP do.
 */
import { sortedMap } from '../opts/go-map.ts';
import type { IPAM, IPAMConfig } from '../../../api/types/network.ts';
import { netContains, parseCIDR, parseIP } from './go-net.ts';

export interface IpamOptions {
  driver: string;
  subnets: readonly string[];
  ipRanges: readonly string[];
  gateways: readonly string[];
  /** --aux-address name=ip, in the order given */
  auxAddresses: ReadonlyArray<[string, string]>;
  driverOpts: Record<string, string>;
}

/** subnetMatches: does `subnet` contain the address (or the address of the CIDR) `data`? */
export function subnetMatches(subnet: string, data: string): boolean {
  const s = parseCIDR(subnet);
  if (!s) throw new Error(`invalid subnet: invalid CIDR address: ${subnet}`);
  if (data.includes('/')) {
    const d = parseCIDR(data);
    if (!d) throw new Error(`invalid CIDR address: ${data}`);
    return netContains(s, d.addr);
  }
  return netContains(s, parseIP(data));
}

export function createIPAMConfig(options: IpamOptions): IPAM {
  if (options.subnets.length < options.ipRanges.length || options.subnets.length < options.gateways.length)
    throw new Error('every ip-range or gateway must have a corresponding subnet');
  const data = new Map<string, IPAMConfig & { AuxiliaryAddresses: Record<string, string> }>();
  for (const s of options.subnets) {
    for (const k of data.keys()) {
      if (subnetMatches(s, k) || subnetMatches(k, s))
        throw new Error('multiple overlapping subnet configuration is not supported');
    }
    data.set(s, { Subnet: s, AuxiliaryAddresses: {} });
  }
  for (const r of options.ipRanges) {
    let match = false;
    for (const s of options.subnets) {
      if (!parseCIDR(r)) throw new Error(`invalid CIDR address: ${r}`);
      if (!subnetMatches(s, r)) continue;
      const d = data.get(s)!;
      if (d.IPRange)
        throw new Error(`cannot configure multiple ranges (${r}, ${d.IPRange}) on the same subnet (${s})`);
      d.IPRange = r;
      match = true;
    }
    if (!match) throw new Error(`no matching subnet for range ${r}`);
  }
  for (const g of options.gateways) {
    let match = false;
    for (const s of options.subnets) {
      if (!subnetMatches(s, g)) continue;
      const d = data.get(s)!;
      if (d.Gateway)
        throw new Error(`cannot configure multiple gateways (${g}, ${d.Gateway}) for the same subnet (${s})`);
      d.Gateway = g;
      match = true;
    }
    if (!match) throw new Error(`no matching subnet for gateway ${g}`);
  }
  for (const [key, aa] of options.auxAddresses) {
    let match = false;
    for (const s of options.subnets) {
      if (!subnetMatches(s, aa)) continue;
      data.get(s)!.AuxiliaryAddresses[key] = aa;
      match = true;
    }
    if (!match) throw new Error(`no matching subnet for aux-address ${aa}`);
  }
  const config: IPAMConfig[] = [...data.values()].map((d) => {
    const out: IPAMConfig = { Subnet: d.Subnet };
    if (d.IPRange) out.IPRange = d.IPRange;
    if (d.Gateway) out.Gateway = d.Gateway;
    // AuxiliaryAddresses is omitempty: an empty map is not sent
    if (Object.keys(d.AuxiliaryAddresses).length > 0) out.AuxiliaryAddresses = d.AuxiliaryAddresses;
    return out;
  });
  // network.IPAM in its Go field order
  return { Driver: options.driver, Options: sortedMap(options.driverOpts), Config: config };
}
