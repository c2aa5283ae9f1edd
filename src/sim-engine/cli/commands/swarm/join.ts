/**
 * `docker swarm join` — docker/cli cli/command/swarm/join.go (v28.5.2).
 */

import { type CommandSpec, exactArgs } from '../../command.ts';
import { parseNodeAddr } from './opts.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import type { JoinRequest, NodeAvailability } from '../../../api/types/swarm.ts';
import type { InfoResponse } from '../../../api/types/system.ts';
import { checkAvailability } from './opts.ts';

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
// docker/cli swarm/join.go runJoin

async function runJoin(cli: DockerCli, flags: FlagValues, args: string[]): Promise<void> {
  // swarm.JoinRequest in its Go field order; Availability is "" unless given
  const req: JoinRequest = {
    ListenAddr: flags.string('listen-addr'),
    AdvertiseAddr: flags.string('advertise-addr'),
    DataPathAddr: flags.string('data-path-addr'),
    RemoteAddrs: [args[0]!],
    JoinToken: flags.string('token'),
    Availability: (flags.has('availability')
      ? checkAvailability(flags.string('availability'))
      : '') as NodeAvailability,
  };
  await cli.client.post('/swarm/join', undefined, req);
  const info = await cli.client.get<InfoResponse>('/info');
  cli.out.write(
    info.Swarm.ControlAvailable
      ? 'This node joined a swarm as a manager.\n'
      : 'This node joined a swarm as a worker.\n',
  );
}
