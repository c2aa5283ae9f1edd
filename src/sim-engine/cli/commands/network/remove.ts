/**
 * `docker network rm` — docker/cli cli/command/network/remove.go (v28.5.2).
 */

import { ApiClientError, objectPath } from '../../../api/client.ts';
import type { NetworkInspect } from '../../../api/types/network.ts';
import { type CommandSpec, requiresMinArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { StatusError } from '../../errors.ts';
import type { FlagValues } from '../../flags.ts';
import { confirm } from '../prompt.ts';

export const removeCommand: CommandSpec = {
  use: 'rm NETWORK [NETWORK...]',
  aliases: ['remove'],
  short: 'Remove one or more networks',
  args: requiresMinArgs(1),
  flags: [
    { name: 'force', shorthand: 'f', type: 'bool', usage: 'Do not error if the network does not exist' },
  ],
  run: runRm,
};

// ---------------------------------------------------------------------------
// docker/cli network/remove.go runRemove

const INGRESS_WARNING =
  'WARNING! Before removing the routing-mesh network, make sure all the nodes in your swarm run the same docker engine version. Otherwise, removal may not be effective and functionality of newly create ingress networks will be impaired.\nAre you sure you want to continue?';

async function runRm(cli: DockerCli, flags: FlagValues, args: string[]): Promise<void> {
  let status = 0;
  for (const name of args) {
    try {
      const n = await cli.client.get<NetworkInspect>(objectPath('network', name));
      if (n.Ingress && !(await confirm(cli, INGRESS_WARNING))) continue;
    } catch {
      // the removal below reports it
    }
    try {
      await cli.client.delete(objectPath('network', name));
    } catch (err) {
      if (flags.bool('force') && err instanceof ApiClientError && err.isNotFound) continue;
      cli.err.write((err instanceof Error ? err.message : String(err)) + '\n');
      status = 1;
      continue;
    }
    cli.out.write(name + '\n');
  }
  // cli.StatusError{Status: "exit status 1"}: docker prints that too
  if (status !== 0) throw new StatusError(`exit status ${status}`, status);
}
