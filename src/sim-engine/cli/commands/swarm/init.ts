/**
 * `docker swarm init` — docker/cli cli/command/swarm/init.go (v28.5.2).
 */

import { type CommandSpec, noArgs } from '../../command.ts';
import { parseIPNetSlice } from '../opts/pflag.ts';
import { parseExternalCA, parseNodeAddr } from './opts.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { CliError } from '../../errors.ts';
import type { FlagValues } from '../../flags.ts';
import type { InitRequest, NodeAvailability, UnlockKeyResponse } from '../../../api/types/swarm.ts';
import { printJoinCommand } from './join-token.ts';
import { checkAvailability, specFromFlags } from './opts.ts';
import { printUnlockCommand } from './unlock-key.ts';

export const initCommand: CommandSpec = {
  use: 'init [OPTIONS]',
  short: 'Initialize a swarm',
  args: noArgs,
  annotations: { swarm: '', version: '1.24' },
  flags: [
    { name: 'advertise-addr', type: 'string', usage: 'Advertised address (format: "<ip|interface>[:port]")' },
    {
      name: 'autolock',
      type: 'bool',
      usage: 'Enable manager autolocking (requiring an unlock key to start a stopped manager)',
    },
    {
      name: 'availability',
      type: 'string',
      usage: 'Availability of the node ("active", "pause", "drain")',
      defValue: 'active',
    },
    {
      name: 'cert-expiry',
      type: 'duration',
      usage: 'Validity period for node certificates (ns|us|ms|s|m|h)',
      defValue: '2160h0m0s',
    },
    {
      name: 'data-path-addr',
      type: 'string',
      usage: 'Address or interface to use for data path traffic (format: "<ip|interface>")',
      annotations: { version: ['1.31'] },
    },
    {
      name: 'data-path-port',
      type: 'uint32',
      usage:
        'Port number to use for data path traffic (1024 - 49151). If no value is set or is set to 0, the default port (4789) is used.',
      defValue: '0',
      annotations: { version: ['1.40'] },
    },
    {
      name: 'default-addr-pool',
      type: 'ipNetSlice',
      usage: 'default address pool in CIDR format',
      defValue: '[]',
      annotations: { version: ['1.39'] },
      parse: parseIPNetSlice,
      repeatable: true,
    },
    {
      name: 'default-addr-pool-mask-length',
      type: 'uint32',
      usage: 'default address pool subnet mask length',
      defValue: '24',
      annotations: { version: ['1.39'] },
    },
    {
      name: 'dispatcher-heartbeat',
      type: 'duration',
      usage: 'Dispatcher heartbeat period (ns|us|ms|s|m|h)',
      defValue: '5s',
    },
    {
      name: 'external-ca',
      type: 'external-ca',
      usage: 'Specifications of one or more certificate signing endpoints',
      parse: parseExternalCA,
      repeatable: true,
    },
    { name: 'force-new-cluster', type: 'bool', usage: 'Force create a new cluster from current state' },
    {
      name: 'listen-addr',
      type: 'node-addr',
      usage: 'Listen address (format: "<ip|interface>[:port]")',
      defValue: '0.0.0.0:2377',
      parse: parseNodeAddr,
    },
    {
      name: 'max-snapshots',
      type: 'uint64',
      usage: 'Number of additional Raft snapshots to retain',
      annotations: { version: ['1.25'] },
    },
    {
      name: 'snapshot-interval',
      type: 'uint64',
      usage: 'Number of log entries between Raft snapshots',
      defValue: '10000',
      annotations: { version: ['1.25'] },
    },
    { name: 'task-history-limit', type: 'int64', usage: 'Task history retention limit', defValue: '5' },
  ],
  run: runInit,
};

// ---------------------------------------------------------------------------
// docker/cli swarm/init.go runInit

async function runInit(cli: DockerCli, flags: FlagValues): Promise<void> {
  // Differs from Docker: recovering a swarm that lost its quorum is not simulated
  if (flags.bool('force-new-cluster'))
    throw new CliError(
      'docker swarm init --force-new-cluster: this command is not simulated in Dockyard yet',
    );
  // swarm.InitRequest in its Go field order; Availability is "" unless given
  const req: InitRequest = {
    ListenAddr: flags.string('listen-addr'),
    AdvertiseAddr: flags.string('advertise-addr'),
    DataPathAddr: flags.string('data-path-addr'),
    DataPathPort: flags.number('data-path-port'),
    ForceNewCluster: flags.bool('force-new-cluster'),
    Spec: specFromFlags(flags),
    AutoLockManagers: flags.bool('autolock'),
    Availability: (flags.has('availability')
      ? checkAvailability(flags.string('availability'))
      : '') as NodeAvailability,
    DefaultAddrPool: flags.list('default-addr-pool').map(String),
    SubnetSize: flags.number('default-addr-pool-mask-length'),
  };
  let nodeId: string;
  try {
    nodeId = await cli.client.post<string>('/swarm/init', undefined, req);
  } catch (err) {
    const message = (err as Error).message;
    if (
      message.includes('could not choose an IP address to advertise') ||
      message.includes("could not find the system's IP address")
    )
      throw new CliError(message + ' - specify one with --advertise-addr');
    throw err;
  }
  cli.out.write(`Swarm initialized: current node (${nodeId}) is now a manager.\n\n`);
  await printJoinCommand(cli, nodeId, true, false);
  cli.out.write(
    "To add a manager to this swarm, run 'docker swarm join-token manager' and follow the instructions.\n",
  );
  if (req.AutoLockManagers) {
    let key: UnlockKeyResponse;
    try {
      key = await cli.client.get<UnlockKeyResponse>('/swarm/unlockkey');
    } catch (err) {
      throw new CliError(`could not fetch unlock key: ${(err as Error).message}`);
    }
    printUnlockCommand(cli, key.UnlockKey);
  }
}
