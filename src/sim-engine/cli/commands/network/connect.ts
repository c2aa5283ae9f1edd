/**
 * `docker network connect` — docker/cli cli/command/network/connect.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, exactArgs } from '../../command.ts';
import { validateLink } from '../opts/opts.ts';
import { notSimulated } from '../not-simulated.ts';

export const connectCommand: CommandSpec = {
  use: 'connect [OPTIONS] NETWORK CONTAINER',
  short: 'Connect a container to a network',
  args: exactArgs(2),
  flags: [
    { name: 'alias', type: 'stringSlice', usage: 'Add network-scoped alias for the container' },
    { name: 'driver-opt', type: 'stringSlice', usage: 'driver options for the network' },
    {
      name: 'gw-priority',
      type: 'int',
      usage: 'Highest gw-priority provides the default gateway. Accepts positive and negative values.',
    },
    { name: 'ip', type: 'string', usage: 'IPv4 address (e.g., "172.30.100.104")' },
    { name: 'ip6', type: 'string', usage: 'IPv6 address (e.g., "2001:db8::33")' },
    { name: 'link', type: 'list', usage: 'Add link to another container', parse: validateLink },
    { name: 'link-local-ip', type: 'stringSlice', usage: 'Add a link-local address for the container' },
  ],
  run: runConnect,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runConnect(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
