/**
 * network.ValidateIPAM (moby api/types/network/ipam.go): every problem of a network's
 * IPAM configuration at once — subnets that do not parse or have host bits set,
 * ip-ranges and gateways outside their subnet or of the other family — joined as
 * moby's errJoin does.
 */
import type { IPAMConfig } from '../../api/types/network.ts';
import { maskOf, parseAddr4, parsePrefix, prefixString, type Prefix } from '../../network/ipv4.ts';

type Family = 'IPv4' | 'IPv6';

const familyOf = (p: Prefix): Family => (p.family === 4 ? 'IPv4' : 'IPv6');

/** The problems, one message each; empty when the configuration is valid. */
export function ipamProblems(
  config: readonly IPAMConfig[] | null | undefined,
  enableIPv6: boolean,
): string[] {
  const errs: string[] = [];
  for (const cfg of config ?? []) {
    const subnet = parsePrefix(cfg.Subnet ?? '');
    if (!subnet) {
      errs.push(`invalid subnet ${cfg.Subnet ?? ''}: invalid CIDR block notation`);
      continue;
    }
    const family = familyOf(subnet);
    // IPv6 subnets of a network without IPv6 are not checked (nor used)
    if (!enableIPv6 && family === 'IPv6') continue;
    if (subnet.family === 4) {
      const m = maskedPrefix(subnet);
      if (m.addr !== subnet.addr)
        errs.push(`invalid subnet ${prefixString(subnet)}: it should be ${prefixString(m)}`);
    }
    errs.push(...ipRangeProblems(cfg.IPRange ?? '', subnet, family));
    const gw = addressProblem(cfg.Gateway ?? '', subnet, family);
    if (gw) errs.push(`invalid gateway ${cfg.Gateway}: ${gw}`);
    const aux = cfg.AuxiliaryAddresses ?? {};
    // Go ranges over the map in random order; sorted here so the text is stable
    for (const name of Object.keys(aux).sort()) {
      const problem = addressProblem(aux[name]!, subnet, family);
      if (problem) errs.push(`invalid auxiliary address ${name}: ${problem}`);
    }
  }
  return errs;
}

/** The whole error text, or undefined when valid: `invalid network config:\n<errJoin>`. */
export function validateIPAM(
  config: readonly IPAMConfig[] | null | undefined,
  enableIPv6: boolean,
): string | undefined {
  const errs = ipamProblems(config, enableIPv6);
  if (errs.length === 0) return undefined;
  return `invalid network config:\n${joinErrors(errs)}`;
}

/** moby's errJoin / internal/multierror.Join text. */
export function joinErrors(errs: readonly string[]): string {
  if (errs.length === 1) return errs[0]!.trim();
  return '* ' + errs.map((e) => e.replaceAll('\n', '\n\t')).join('\n* ');
}

function maskedPrefix(p: Prefix & { family: 4 }): Prefix & { family: 4 } {
  return { family: 4, addr: (p.addr & maskOf(p.bits)) >>> 0, bits: p.bits };
}

function prefixContains(subnet: Prefix, addr: number): boolean {
  if (subnet.family !== 4) return false;
  const mask = maskOf(subnet.bits);
  return (addr & mask) >>> 0 === (subnet.addr & mask) >>> 0;
}

function overlapsPrefix(a: Prefix, b: Prefix): boolean {
  if (a.family !== 4 || b.family !== 4) return a.family === b.family;
  const bits = Math.min(a.bits, b.bits);
  const mask = maskOf(bits);
  return (a.addr & mask) >>> 0 === (b.addr & mask) >>> 0;
}

function ipRangeProblems(ipRange: string, subnet: Prefix, family: Family): string[] {
  if (ipRange === '') return [];
  const prefix = parsePrefix(ipRange);
  if (!prefix) return [`invalid ip-range ${ipRange}: invalid CIDR block notation`];
  if (familyOf(prefix) !== family)
    return [`invalid ip-range ${ipRange}: parent subnet is an ${family} block`];
  const errs: string[] = [];
  if (prefix.bits < subnet.bits)
    errs.push(
      `invalid ip-range ${ipRange}: CIDR block is bigger than its parent subnet ${prefixString(subnet)}`,
    );
  if (prefix.family === 4) {
    const m = maskedPrefix(prefix);
    if (m.addr !== prefix.addr)
      errs.push(`invalid ip-range ${prefixString(prefix)}: it should be ${prefixString(m)}`);
  }
  if (!overlapsPrefix(subnet, prefix))
    errs.push(`invalid ip-range ${ipRange}: parent subnet ${prefixString(subnet)} doesn't contain ip-range`);
  return errs;
}

function addressProblem(address: string, subnet: Prefix, family: Family): string | undefined {
  if (address === '') return undefined;
  const a4 = parseAddr4(address);
  const isV6 = a4 === undefined && parsePrefix(`${address}/0`)?.family === 6;
  if (a4 === undefined && !isV6) return 'invalid address';
  const addrFamily: Family = a4 !== undefined ? 'IPv4' : 'IPv6';
  if (addrFamily !== family) return `parent subnet is an ${family} block`;
  if (a4 !== undefined && !prefixContains(subnet, a4))
    return `parent subnet ${prefixString(subnet)} doesn't contain this address`;
  return undefined;
}
