/**
 * `docker container start`, `docker start` — docker/cli cli/command/container/start.go (v28.5.2).
 */

import { type CommandSpec, requiresMinArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import { StatusError } from '../../errors.ts';
import { detachKeys, Hijack, hijackRequest } from './hijack.ts';
import type { ContainerInspect } from '../../../api/types/container.ts';
import { objectPath } from '../../../api/client.ts';

export const startCommand: CommandSpec = {
  use: 'start [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Start one or more stopped containers',
  args: requiresMinArgs(1),
  annotations: { aliases: 'docker container start, docker start' },
  flags: [
    { name: 'attach', shorthand: 'a', type: 'bool', usage: 'Attach STDOUT/STDERR and forward signals' },
    {
      name: 'checkpoint',
      type: 'string',
      usage: 'Restore from this checkpoint',
      annotations: { experimental: [], ostype: ['linux'] },
    },
    {
      name: 'checkpoint-dir',
      type: 'string',
      usage: 'Use a custom checkpoint storage directory',
      annotations: { experimental: [], ostype: ['linux'] },
    },
    { name: 'detach-keys', type: 'string', usage: 'Override the key sequence for detaching a container' },
    { name: 'interactive', shorthand: 'i', type: 'bool', usage: "Attach container's STDIN" },
  ],
  run: runStart,
};

// ---------------------------------------------------------------------------
// docker/cli container/start.go

async function runStart(cli: DockerCli, flags: FlagValues, args: string[]): Promise<number | void> {
  const attach = flags.bool('attach') || flags.bool('interactive');
  if (attach) {
    if (args.length > 1) throw new StatusError('you cannot start and attach multiple containers at once', 1);
    const c = await cli.client.get<ContainerInspect>(objectPath('container', args[0]!, '/json'));
    const interactive = flags.bool('interactive') && c.Config.OpenStdin;
    if (c.Config.Tty && interactive && !cli.inIsTerminal)
      throw new StatusError('the input device is not a TTY', 1);
    const keys = detachKeys(cli, flags.string('detach-keys'));
    const hijack = new Hijack(cli, { stdin: interactive, tty: c.Config.Tty, detachKeys: keys });
    const response = await hijackRequest(cli, `/containers/${c.Id}/attach`, {
      query: {
        stream: 1,
        stdin: interactive ? 1 : undefined,
        stdout: 1,
        stderr: 1,
        detachKeys: keys || undefined,
      },
      stdin: hijack.stdin,
    });
    const streaming = hijack.stream(response);
    // Ctrl-C cancels the command's context: docker start ends at once, silently and with
    // 0 (a canceled context is not reported); without a TTY the signal is sent on first
    let cancel!: () => void;
    const cancelled = new Promise<'cancelled'>((resolve) => (cancel = () => resolve('cancelled')));
    const stopCatching = cli.catchSignals?.((signal) => {
      if (!c.Config.Tty) cli.client.post(`/containers/${c.Id}/kill`, { signal }).catch(() => undefined);
      response.stream?.close();
      cancel();
    });
    try {
      const waited = cli.client.post<{ StatusCode: number }>(`/containers/${c.Id}/wait`, {
        condition: 'next-exit',
      });
      await cli.client.request('POST', `/containers/${c.Id}/start`);
      // the detach keys: the container runs on, and docker start says nothing
      const end = await Promise.race([streaming, cancelled]);
      if (end === 'detached' || end === 'cancelled') return;
      const { StatusCode } = await Promise.race([waited, cancelled.then(() => ({ StatusCode: 0 }))]);
      return StatusCode;
    } finally {
      stopCatching?.();
    }
  }
  const failed: string[] = [];
  for (const name of args) {
    try {
      await cli.client.request('POST', objectPath('container', name, '/start'));
      cli.out.write(name + '\n');
    } catch (err) {
      cli.err.write((err as Error).message + '\n');
      failed.push(name);
    }
  }
  if (failed.length > 0) throw new StatusError(`Error: failed to start containers: ${failed.join(', ')}`, 1);
}
