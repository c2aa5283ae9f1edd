/**
 * Listen and advertise addresses, as moby resolves them (daemon/cluster/listen_addr.go
 * and listen_addr_linux.go). A lab node has one network device, eth0, with its lab
 * address; docker0 and the other bridges are not devices, so the system address is
 * always eth0's and `--advertise-addr` may be left out (on Play with Docker, whose
 * nodes had two devices, it could not).
 */
import type { Daemon } from '../../daemon/daemon.ts';
import { DaemonError, invalidParameter } from '../../errdefs.ts';

export const DEFAULT_LISTEN_ADDR = '0.0.0.0:2377';
const DEFAULT_PORT = '2377';

const errNoSuchInterface = 'no such interface';
const errBadNetworkIdentifier = 'must specify a valid IP address or interface name';
const errBadListenAddr =
  'listen address must be an IP address or network interface (with optional port number)';
const errBadAdvertiseAddr =
  'advertise address must be a non-zero IP address or network interface (with optional port number)';

/** The node's address on the lab network (eth0). */
export function labAddress(d: Daemon): string {
  return d.hostNs.interfaces.find((i) => i.segment === 'lab')?.ip ?? '127.0.0.1';
}

/** The node's interfaces by name, as `ip addr` shows them on a lab node. */
function interfaceAddress(d: Daemon, name: string): string | undefined {
  if (name === 'lo') return undefined; // loopback has no global unicast address
  if (name === 'eth0') return labAddress(d);
  return undefined;
}

function isIPv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

/** net.SplitHostPort, enough for IPv4 and names. */
export function splitHostPort(addr: string): [string, string] | undefined {
  const colon = addr.lastIndexOf(':');
  if (colon < 0) return undefined;
  return [addr.slice(0, colon), addr.slice(colon + 1)];
}

/** resolveInputIPAddr */
function resolveInputIPAddr(d: Daemon, input: string, unspecifiedValid: boolean): string {
  if (input === 'eth0' || input === 'lo') {
    const ip = interfaceAddress(d, input);
    if (ip) return ip;
    throw invalidParameter(`interface ${input} has no usable IPv4 or IPv6 address`);
  }
  void errNoSuchInterface;
  if (isIPv4(input) && (unspecifiedValid || input !== '0.0.0.0')) return input;
  throw invalidParameter(errBadNetworkIdentifier);
}

/** validateAddr: `host` alone gets the default port (opts.ParseTCPAddr with 0.0.0.0:2377). */
export function validateAddr(addr: string): string {
  if (addr === '') throw invalidParameter('invalid empty address');
  const hp = splitHostPort(addr);
  if (!hp) return `${addr}:${DEFAULT_PORT}`;
  return `${hp[0] === '' ? '0.0.0.0' : hp[0]}:${hp[1] === '' ? DEFAULT_PORT : hp[1]}`;
}

/** resolveListenAddr → [host, port] */
export function resolveListenAddr(d: Daemon, addr: string): [string, string] {
  const hp = splitHostPort(addr);
  if (!hp) throw invalidParameter(`could not parse listen address ${addr}`);
  try {
    return [resolveInputIPAddr(d, hp[0], true), hp[1]];
  } catch (err) {
    if (err instanceof DaemonError && err.message === errBadNetworkIdentifier)
      throw invalidParameter(errBadListenAddr);
    throw err;
  }
}

/** resolveAdvertiseAddr → [host, port]: the address given, else the system's (eth0). */
export function resolveAdvertiseAddr(d: Daemon, advertiseAddr: string, listenPort: string): [string, string] {
  if (advertiseAddr === '') return [labAddress(d), listenPort];
  const hp = splitHostPort(advertiseAddr) ?? [advertiseAddr, listenPort];
  try {
    return [resolveInputIPAddr(d, hp[0], false), hp[1]];
  } catch (err) {
    if (err instanceof DaemonError && err.message === errBadNetworkIdentifier)
      throw invalidParameter(errBadAdvertiseAddr);
    throw err;
  }
}
