/**
 * `docker swarm update` — docker/cli cli/command/swarm/update.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, noArgs } from '../../command.ts';
import { parseExternalCA } from './opts.ts';
import { notSimulated } from '../not-simulated.ts';

export const updateCommand: CommandSpec = {
  use: 'update [OPTIONS]',
  short: 'Update the swarm',
  args: noArgs,
  annotations: { swarm: 'manager', version: '1.24' },
  flags: [
    { name: 'autolock', type: 'bool', usage: 'Change manager autolocking setting (true|false)' },
    {
      name: 'cert-expiry',
      type: 'duration',
      usage: 'Validity period for node certificates (ns|us|ms|s|m|h)',
      defValue: '2160h0m0s',
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
  run: runUpdate,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runUpdate(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
