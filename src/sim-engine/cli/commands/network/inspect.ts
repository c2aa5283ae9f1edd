/**
 * `docker network inspect` — docker/cli cli/command/network/inspect.go (v28.5.2).
 */

import type { NetworkInspect } from '../../../api/types/network.ts';
import { parseRFC3339 } from '../../../golang/time.ts';
import { type CommandSpec, requiresMinArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import { inspectRefs, lazyElement, rawJSON, typed } from '../../inspect.ts';
import { objectPath } from '../../../api/client.ts';
import { INSPECT_FORMAT_HELP } from '../opts/flags-helper.ts';

export const inspectCommand: CommandSpec = {
  use: 'inspect [OPTIONS] NETWORK [NETWORK...]',
  short: 'Display detailed information on one or more networks',
  args: requiresMinArgs(1),
  flags: [
    {
      name: 'format',
      shorthand: 'f',
      type: 'string',
      usage: INSPECT_FORMAT_HELP,
    },
    { name: 'verbose', shorthand: 'v', type: 'bool', usage: 'Verbose output for diagnostics' },
  ],
  run: runInspect,
};

// ---------------------------------------------------------------------------
// docker/cli network/inspect.go runInspect

/** Go types inside network.Inspect. */
export const NETWORK_TYPES: Record<string, string> = {
  '': 'network.Inspect',
  IPAM: 'network.IPAM',
  'IPAM.Options': 'map[string]string',
  'IPAM.Config': '[]network.IPAMConfig',
  'IPAM.Config[]': 'network.IPAMConfig',
  'IPAM.Config[].AuxiliaryAddresses': 'map[string]string',
  ConfigFrom: 'network.ConfigReference',
  Containers: 'map[string]network.EndpointResource',
  'Containers.*': 'network.EndpointResource',
  Options: 'map[string]string',
  Labels: 'map[string]string',
  Peers: '[]network.PeerInfo',
  Services: 'map[string]network.ServiceInfo',
};

async function runInspect(cli: DockerCli, flags: FlagValues, args: string[]): Promise<void> {
  await inspectRefs(cli.out, args, flags.string('format'), async (ref) => {
    const n = await cli.client.get<NetworkInspect>(objectPath('network', ref), {
      verbose: flags.bool('verbose') || undefined,
    });
    return lazyElement(
      () => typedNetwork(n),
      () => rawJSON(n),
    );
  });
}

/** The network as the template sees it: maps are Go maps, Created a time.Time. */
export function typedNetwork(n: NetworkInspect): NetworkInspect {
  // Peers and Services are omitted from the JSON when empty, but the struct has them
  const t = typed({ ...n, Peers: n.Peers ?? null, Services: n.Services ?? null }, NETWORK_TYPES);
  (t as unknown as { Created: unknown }).Created = parseRFC3339(n.Created);
  return t as NetworkInspect;
}
