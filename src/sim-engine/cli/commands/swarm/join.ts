/**
 * `docker swarm join` — docker/cli cli/command/swarm/join.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, exactArgs } from '../../command.ts';
import { parseNodeAddr } from './opts.ts';
import { notSimulated } from '../not-simulated.ts';

export const joinCommand: CommandSpec = {
  use: 'join [OPTIONS] HOST:PORT',
  short: 'Join a swarm as a node and/or manager',
  args: exactArgs(1),
  annotations: { swarm: '', version: '1.24' },
  flags: [
    { name: 'advertise-addr', type: 'string', usage: 'Advertised address (format: "<ip|interface>[:port]")' },
    {
      name: 'availability',
      type: 'string',
      usage: 'Availability of the node ("active", "pause", "drain")',
      defValue: 'active',
    },
    {
      name: 'data-path-addr',
      type: 'string',
      usage: 'Address or interface to use for data path traffic (format: "<ip|interface>")',
      annotations: { version: ['1.31'] },
    },
    {
      name: 'listen-addr',
      type: 'node-addr',
      usage: 'Listen address (format: "<ip|interface>[:port]")',
      defValue: '0.0.0.0:2377',
      parse: parseNodeAddr,
    },
    { name: 'token', type: 'string', usage: 'Token for entry into the swarm' },
  ],
  run: runJoin,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runJoin(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
