/** docker/cli opts/hosts.go */
import { goQuote } from '../../flag-values.ts';
import { validateIPAddress } from './opts.ts';

const hostGatewayName = 'host-gateway';

/** opts.ValidateExtraHost: `name:ip`, `name=ip` or `name=[ipv6]`, returned as `name:ip`. */
export function validateExtraHost(val: string): string {
  let sep = val.indexOf('=');
  if (sep < 0) sep = val.indexOf(':');
  const k = sep >= 0 ? val.slice(0, sep) : val;
  let v = sep >= 0 ? val.slice(sep + 1) : '';
  if (sep < 0 || k === '' || k.includes(':')) throw new Error(`bad format for add-host: ${goQuote(val)}`);
  if (v !== hostGatewayName) {
    if (v.length > 2 && v[0] === '[' && v[v.length - 1] === ']') v = v.slice(1, -1);
    try {
      validateIPAddress(v);
    } catch {
      throw new Error(`invalid IP address in add-host: ${goQuote(v)}`);
    }
  }
  return k + ':' + v;
}

/** net.SplitHostPort for the forms a bind address takes: `host:port`, `:port`, `[v6]:port`. */
function splitHostPort(hostport: string): [string, string] | undefined {
  if (hostport.startsWith('[')) {
    const end = hostport.indexOf(']');
    if (end < 0 || hostport[end + 1] !== ':') return undefined;
    return [hostport.slice(1, end), hostport.slice(end + 2)];
  }
  const i = hostport.lastIndexOf(':');
  if (i < 0) return undefined;
  const host = hostport.slice(0, i);
  if (host.includes(':')) return undefined;
  return [host, hostport.slice(i + 1)];
}

function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** opts.ParseTCPAddr: `tcp://host:port` from a partial address and a default. */
export function parseTCPAddr(tryAddr: string, defaultAddr: string): string {
  if (tryAddr === '' || tryAddr === 'tcp://') return defaultAddr;
  let addr = tryAddr.startsWith('tcp://') ? tryAddr.slice(6) : tryAddr;
  if (addr.includes('://') || addr === '') throw new Error(`invalid proto, expected tcp: ${tryAddr}`);
  const [defaultHost, defaultPort] = splitHostPort(defaultAddr.replace(/^tcp:\/\//, '')) ?? ['', ''];
  if (addr.endsWith(']:')) addr += defaultPort;
  const slash = addr.indexOf('/');
  const hostPart = slash >= 0 ? addr.slice(0, slash) : addr;
  const path = slash >= 0 ? addr.slice(slash) : '';
  const split = splitHostPort(hostPart) ?? splitHostPort(joinHostPort(hostPart, defaultPort));
  if (!split) throw new Error(`invalid bind address format: ${tryAddr}`);
  let [host, port] = split;
  if (host === '') host = defaultHost;
  if (port === '') port = defaultPort;
  if (!/^[+-]?\d+$/.test(port) || Number(port) === 0) {
    if (!/^[+-]?0+$/.test(port)) throw new Error(`invalid bind address format: ${tryAddr}`);
  }
  return `tcp://${joinHostPort(host, port)}${path}`;
}
