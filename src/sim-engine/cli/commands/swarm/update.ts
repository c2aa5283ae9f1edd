/**
 * `docker swarm update` — docker/cli cli/command/swarm/update.go (v28.5.2).
 */

import { type CommandSpec, noArgs } from '../../command.ts';
import { parseExternalCA } from './opts.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { CliError } from '../../errors.ts';
import type { FlagValues } from '../../flags.ts';
import type { Swarm, UnlockKeyResponse } from '../../../api/types/swarm.ts';
import { mergeSwarmSpec } from './opts.ts';
import { printUnlockCommand } from './unlock-key.ts';

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
// docker/cli swarm/update.go runUpdate

async function runUpdate(cli: DockerCli, flags: FlagValues): Promise<void> {
  const sw = await cli.client.get<Swarm>('/swarm');
  const prevAutoLock = sw.Spec.EncryptionConfig?.AutoLockManagers === true;
  const spec = mergeSwarmSpec(sw.Spec, flags, sw.TLSInfo.TrustRoot);
  const curAutoLock = spec.EncryptionConfig?.AutoLockManagers === true;
  await cli.client.post('/swarm/update', { version: sw.Version.Index }, spec);
  cli.out.write('Swarm updated.\n');
  if (curAutoLock && !prevAutoLock) {
    let key: UnlockKeyResponse;
    try {
      key = await cli.client.get<UnlockKeyResponse>('/swarm/unlockkey');
    } catch (err) {
      throw new CliError(`could not fetch unlock key: ${(err as Error).message}`);
    }
    printUnlockCommand(cli, key.UnlockKey);
  }
}
