/**
 * `docker node update` — docker/cli cli/command/node/update.go (v28.5.2).
 */

import { type CommandSpec, exactArgs } from '../../command.ts';
import type { Node } from '../../../api/types/swarm.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { CliError } from '../../errors.ts';
import type { FlagValues } from '../../flags.ts';
import { updateNodes } from './update-nodes.ts';

export const updateCommand: CommandSpec = {
  use: 'update [OPTIONS] NODE',
  short: 'Update a node',
  args: exactArgs(1),
  flags: [
    { name: 'availability', type: 'string', usage: 'Availability of the node ("active", "pause", "drain")' },
    { name: 'label-add', type: 'list', usage: 'Add or update a node label ("key=value")' },
    { name: 'label-rm', type: 'list', usage: 'Remove a node label if exists' },
    { name: 'role', type: 'string', usage: 'Role of the node ("worker", "manager")' },
  ],
  run: runUpdate,
};

// ---------------------------------------------------------------------------
// docker/cli node/update.go runUpdate, mergeNodeUpdate

async function runUpdate(cli: DockerCli, flags: FlagValues, args: string[]): Promise<void> {
  const nodeId = args[0]!;
  await updateNodes(
    cli,
    [nodeId],
    (node) => mergeNodeUpdate(flags, node),
    () => cli.out.write(`${nodeId}\n`),
  );
}

function mergeNodeUpdate(flags: FlagValues, node: Node): void {
  const spec = node.Spec;
  if (flags.has('role')) spec.Role = flags.string('role') as Node['Spec']['Role'];
  if (flags.has('availability'))
    spec.Availability = flags.string('availability') as Node['Spec']['Availability'];
  spec.Labels ??= {};
  if (flags.has('label-add')) {
    // opts.ConvertKVStringsToMap
    for (const kv of flags.list('label-add')) {
      const eq = kv.indexOf('=');
      if (eq < 0) spec.Labels[kv] = '';
      else spec.Labels[kv.slice(0, eq)] = kv.slice(eq + 1);
    }
  }
  if (flags.has('label-rm')) {
    for (const k of flags.list('label-rm')) {
      if (!(k in spec.Labels)) throw new CliError(`key ${k} doesn't exist in node's labels`);
      delete spec.Labels[k];
    }
  }
}
