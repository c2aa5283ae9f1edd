/**
 * `docker attach`, `docker container attach` — docker/cli cli/command/container/attach.go (v28.5.2).
 */

import { type CommandSpec, exactArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import type { ContainerInspect, WaitResponse } from '../../../api/types/container.ts';
import { CliError, StatusError } from '../../errors.ts';
import { detachKeys, Hijack, hijackRequest } from './hijack.ts';
import { objectPath } from '../../../api/client.ts';

export const attachCommand: CommandSpec = {
  use: 'attach [OPTIONS] CONTAINER',
  short: 'Attach local standard input, output, and error streams to a running container',
  args: exactArgs(1),
  annotations: { aliases: 'docker container attach, docker attach' },
  flags: [
    { name: 'detach-keys', type: 'string', usage: 'Override the key sequence for detaching a container' },
    { name: 'no-stdin', type: 'bool', usage: 'Do not attach STDIN' },
    { name: 'sig-proxy', type: 'bool', usage: 'Proxy all received signals to the process', defValue: 'true' },
  ],
  run: runAttach,
};

// ---------------------------------------------------------------------------
// docker/cli container/attach.go

async function runAttach(cli: DockerCli, flags: FlagValues, args: string[]): Promise<number | void> {
  // the wait is sent first, so an exit during the attach is not missed (getExitStatus)
  const path = objectPath('container', args[0]!);
  const waited = cli.client.post<WaitResponse>(`${path}/wait`).then(
    (w) => w.StatusCode,
    (err: unknown) => err,
  );
  const c = await cli.client.get<ContainerInspect>(`${path}/json`);
  if (!c.State.Running) throw new StatusError('You cannot attach to a stopped container, start it first', 1);
  if (c.State.Paused) throw new StatusError('You cannot attach to a paused container, unpause it first', 1);
  if (c.State.Restarting)
    throw new StatusError('You cannot attach to a restarting container, wait until it is running', 1);
  const stdin = !flags.bool('no-stdin') && c.Config.OpenStdin;
  if (stdin && c.Config.Tty && !cli.inIsTerminal) throw new StatusError('the input device is not a TTY', 1);
  const keys = detachKeys(cli, flags.string('detach-keys'));
  // Differs from Docker: no resizeTTY (height+1, width+1, then back), which makes a
  // shell redraw its prompt; containers' terminals have no size (docs/differences.md)
  const hijack = new Hijack(cli, { stdin, tty: c.Config.Tty, detachKeys: keys });
  const response = await hijackRequest(cli, `/containers/${c.Id}/attach`, {
    query: { stream: 1, stdin: stdin ? 1 : undefined, stdout: 1, stderr: 1, detachKeys: keys || undefined },
    stdin: hijack.stdin,
  });
  // Ctrl-C cancels the stream (then the exit is waited for); without a TTY the signal is
  // sent on to the container too (--sig-proxy)
  const proxy = flags.bool('sig-proxy') && !c.Config.Tty;
  const stopCatching = cli.catchSignals?.((signal) => {
    response.stream?.close();
    if (proxy) cli.client.post(`/containers/${c.Id}/kill`, { signal }).catch(() => undefined);
  });
  try {
    // the detach keys end the stream with moby/term's EscapeError, which RunAttach returns
    if ((await hijack.stream(response)) === 'detached') throw new CliError('read escape sequence');
    const status = await waited;
    if (typeof status !== 'number') throw status;
    return status;
  } finally {
    stopCatching?.();
  }
}
