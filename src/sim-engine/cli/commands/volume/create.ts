/**
 * `docker volume create` — docker/cli cli/command/volume/create.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, requiresMaxArgs } from '../../command.ts';
import { memBytes, validateLabel } from '../opts/opts.ts';
import { notSimulated } from '../not-simulated.ts';

export const createCommand: CommandSpec = {
  use: 'create [OPTIONS] [VOLUME]',
  short: 'Create a volume',
  args: requiresMaxArgs(1),
  flags: [
    {
      name: 'availability',
      type: 'string',
      usage: 'Cluster Volume availability ("active", "pause", "drain")',
      defValue: 'active',
      annotations: { swarm: ['manager'], version: ['1.42'] },
    },
    {
      name: 'driver',
      shorthand: 'd',
      type: 'string',
      usage: 'Specify volume driver name',
      defValue: 'local',
    },
    {
      name: 'group',
      type: 'string',
      usage: 'Cluster Volume group (cluster volumes)',
      annotations: { swarm: ['manager'], version: ['1.42'] },
    },
    { name: 'label', type: 'list', usage: 'Set metadata for a volume', parse: validateLabel },
    {
      name: 'limit-bytes',
      type: 'bytes',
      usage: 'Minimum size of the Cluster Volume in bytes',
      defValue: '0',
      annotations: { swarm: ['manager'], version: ['1.42'] },
      parse: memBytes,
    },
    { name: 'name', type: 'string', usage: 'Specify volume name', hidden: true },
    { name: 'opt', shorthand: 'o', type: 'map', usage: 'Set driver specific options', defValue: 'map[]' },
    {
      name: 'required-bytes',
      type: 'bytes',
      usage: 'Maximum size of the Cluster Volume in bytes',
      defValue: '0',
      annotations: { swarm: ['manager'], version: ['1.42'] },
      parse: memBytes,
    },
    {
      name: 'scope',
      type: 'string',
      usage: 'Cluster Volume access scope ("single", "multi")',
      defValue: 'single',
      annotations: { swarm: ['manager'], version: ['1.42'] },
    },
    {
      name: 'secret',
      type: 'map',
      usage: 'Cluster Volume secrets',
      defValue: 'map[]',
      annotations: { swarm: ['manager'], version: ['1.42'] },
    },
    {
      name: 'sharing',
      type: 'string',
      usage: 'Cluster Volume access sharing ("none", "readonly", "onewriter", "all")',
      defValue: 'none',
      annotations: { swarm: ['manager'], version: ['1.42'] },
    },
    {
      name: 'topology-preferred',
      type: 'list',
      usage: 'A topology that the Cluster Volume would be preferred in',
      annotations: { swarm: ['manager'], version: ['1.42'] },
    },
    {
      name: 'topology-required',
      type: 'list',
      usage: 'A topology that the Cluster Volume must be accessible from',
      annotations: { swarm: ['manager'], version: ['1.42'] },
    },
    {
      name: 'type',
      type: 'string',
      usage: 'Cluster Volume access type ("mount", "block")',
      defValue: 'block',
      annotations: { swarm: ['manager'], version: ['1.42'] },
    },
  ],
  run: runCreate,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runCreate(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
