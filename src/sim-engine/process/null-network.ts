/**
 * A network namespace with nothing in it but loopback and no listeners reachable:
 * for tests, and for processes that have no network (`--network none` is the
 * network/ folder's business; this is the stand-in when no network was given).
 */
import { NetError } from './types.ts';
import type { Listener, ProcessNetwork } from './types.ts';

function resolveName(host: string): string | undefined {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) return host;
  if (host === 'localhost') return '127.0.0.1';
  return undefined;
}

export const nullNetwork: ProcessNetwork = {
  listen(port, handler, protocol = 'tcp'): Listener {
    return { port, protocol, ...handler, close() {} };
  },
  resolve: resolveName,
  async http(host, port) {
    const address = resolveName(host);
    if (!address) throw new NetError('ENOTFOUND', `Could not resolve host: ${host}`);
    throw new NetError('ECONNREFUSED', `Failed to connect to ${host} port ${port}: Connection refused`);
  },
  async line(host, port) {
    const address = resolveName(host);
    if (!address) throw new NetError('ENOTFOUND', `Could not resolve host: ${host}`);
    throw new NetError('ECONNREFUSED', `Failed to connect to ${host} port ${port}: Connection refused`);
  },
  addresses() {
    return ['127.0.0.1'];
  },
};
