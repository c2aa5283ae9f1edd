/**
 * `docker swarm unlock-key` — docker/cli cli/command/swarm/unlock_key.go (v28.5.2).
 */

import { type CommandSpec, noArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { CliError } from '../../errors.ts';
import type { FlagValues } from '../../flags.ts';
import type { Swarm, UnlockKeyResponse } from '../../../api/types/swarm.ts';

export const unlockKeyCommand: CommandSpec = {
  use: 'unlock-key [OPTIONS]',
  short: 'Manage the unlock key',
  args: noArgs,
  annotations: { swarm: 'manager', version: '1.24' },
  flags: [
    { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Only display token' },
    { name: 'rotate', type: 'bool', usage: 'Rotate unlock key' },
  ],
  run: runUnlockKey,
};

// ---------------------------------------------------------------------------
// docker/cli swarm/unlock_key.go runUnlockKey

async function runUnlockKey(cli: DockerCli, flags: FlagValues): Promise<void> {
  const quiet = flags.bool('quiet');
  if (flags.bool('rotate')) {
    const sw = await cli.client.get<Swarm>('/swarm');
    if (sw.Spec.EncryptionConfig?.AutoLockManagers !== true)
      throw new CliError('cannot rotate because autolock is not turned on');
    await cli.client.post(
      '/swarm/update',
      { version: sw.Version.Index, rotateManagerUnlockKey: 'true' },
      sw.Spec,
    );
    if (!quiet) cli.out.write('Successfully rotated manager unlock key.\n');
  }
  let key: UnlockKeyResponse;
  try {
    key = await cli.client.get<UnlockKeyResponse>('/swarm/unlockkey');
  } catch (err) {
    throw new CliError(`could not fetch unlock key: ${(err as Error).message}`);
  }
  if (key.UnlockKey === '') throw new CliError('no unlock key is set');
  if (quiet) {
    cli.out.write(`${key.UnlockKey}\n`);
    return;
  }
  printUnlockCommand(cli, key.UnlockKey);
}

/** printUnlockCommand */
export function printUnlockCommand(cli: DockerCli, unlockKey: string): void {
  if (unlockKey.length === 0) return;
  cli.out.write(
    'To unlock a swarm manager after it restarts, run the `docker swarm unlock`\n' +
      `command and provide the following key:\n\n    ${unlockKey}\n\n` +
      'Remember to store this key in a password manager, since without it you\n' +
      'will not be able to restart the manager.\n',
  );
}
