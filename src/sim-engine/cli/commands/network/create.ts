/**
 * `docker network create` — docker/cli cli/command/network/create.go (v28.5.2).
 */

import { sortedMap } from '../opts/go-map.ts';
import type { NetworkCreateRequest, NetworkCreateResponse } from '../../../api/types/network.ts';
import { type CommandSpec, exactArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import { validateLabel } from '../opts/opts.ts';
import { kvStringsToMap, mapEntries } from '../volume/map-opts.ts';
import { createIPAMConfig } from './ipam-config.ts';

export const createCommand: CommandSpec = {
  use: 'create [OPTIONS] NETWORK',
  short: 'Create a network',
  args: exactArgs(1),
  flags: [
    {
      name: 'attachable',
      type: 'bool',
      usage: 'Enable manual container attachment',
      annotations: { version: ['1.25'] },
    },
    {
      name: 'aux-address',
      type: 'map',
      usage: 'Auxiliary IPv4 or IPv6 addresses used by Network driver',
      defValue: 'map[]',
    },
    {
      name: 'config-from',
      type: 'string',
      usage: 'The network from which to copy the configuration',
      annotations: { version: ['1.30'] },
    },
    {
      name: 'config-only',
      type: 'bool',
      usage: 'Create a configuration only network',
      annotations: { version: ['1.30'] },
    },
    {
      name: 'driver',
      shorthand: 'd',
      type: 'string',
      usage: 'Driver to manage the Network',
      defValue: 'bridge',
    },
    { name: 'gateway', type: 'stringSlice', usage: 'IPv4 or IPv6 Gateway for the master subnet' },
    {
      name: 'ingress',
      type: 'bool',
      usage: 'Create swarm routing-mesh network',
      annotations: { version: ['1.29'] },
    },
    { name: 'internal', type: 'bool', usage: 'Restrict external access to the network' },
    { name: 'ip-range', type: 'stringSlice', usage: 'Allocate container ip from a sub-range' },
    { name: 'ipam-driver', type: 'string', usage: 'IP Address Management Driver', defValue: 'default' },
    { name: 'ipam-opt', type: 'map', usage: 'Set IPAM driver specific options', defValue: 'map[]' },
    { name: 'ipv4', type: 'bool', usage: 'Enable or disable IPv4 address assignment', defValue: 'true' },
    { name: 'ipv6', type: 'bool', usage: 'Enable or disable IPv6 address assignment' },
    { name: 'label', type: 'list', usage: 'Set metadata on a network', parse: validateLabel },
    { name: 'opt', shorthand: 'o', type: 'map', usage: 'Set driver specific options', defValue: 'map[]' },
    {
      name: 'scope',
      type: 'string',
      usage: "Control the network's scope",
      annotations: { version: ['1.30'] },
    },
    { name: 'subnet', type: 'stringSlice', usage: 'Subnet in CIDR format that represents a network segment' },
  ],
  run: runCreate,
};

// ---------------------------------------------------------------------------
// docker/cli network/create.go runCreate

async function runCreate(cli: DockerCli, flags: FlagValues, args: string[]): Promise<void> {
  const ipam = createIPAMConfig({
    driver: flags.string('ipam-driver'),
    subnets: flags.list('subnet'),
    ipRanges: flags.list('ip-range'),
    gateways: flags.list('gateway'),
    auxAddresses: mapEntries(flags.list('aux-address')),
    driverOpts: Object.fromEntries(mapEntries(flags.list('ipam-opt'))),
  });
  const configFrom = flags.string('config-from');
  // network.CreateRequest: the embedded CreateOptions' fields first, then Name
  const body: NetworkCreateRequest = {
    Driver: flags.string('driver'),
    Scope: flags.string('scope'),
    // EnableIPv4/EnableIPv6 are pointers: sent only when the flag was given
    ...(flags.has('ipv4') ? { EnableIPv4: flags.bool('ipv4') } : {}),
    ...(flags.has('ipv6') ? { EnableIPv6: flags.bool('ipv6') } : {}),
    IPAM: ipam,
    Internal: flags.bool('internal'),
    Attachable: flags.bool('attachable'),
    Ingress: flags.bool('ingress'),
    ConfigOnly: flags.bool('config-only'),
    ConfigFrom: configFrom ? { Network: configFrom } : null,
    Options: sortedMap(Object.fromEntries(mapEntries(flags.list('opt')))),
    Labels: sortedMap(kvStringsToMap(flags.list('label'))),
    Name: args[0]!,
  };
  const resp = await cli.client.post<NetworkCreateResponse>('/networks/create', undefined, body);
  cli.out.write(resp.Id + '\n');
}
