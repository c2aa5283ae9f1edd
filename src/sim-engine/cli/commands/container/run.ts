/**
 * `docker container run`, `docker run` — docker/cli cli/command/container/run.go (v28.5.2).
 */

import { type CommandSpec, requiresMinArgs } from '../../command.ts';
import { containerFlags } from './opts.ts';
import { ApiClientError } from '../../../api/client.ts';
import type { ContainerCreateRequest, WaitResponse } from '../../../api/types/container.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { StatusError } from '../../errors.ts';
import type { FlagValues } from '../../flags.ts';
import { detachKeys, Hijack, hijackRequest, type StreamEnd } from './hijack.ts';
import { buildCreateRequest } from './container-config.ts';
import { createContainer, validatePullOpt } from './create-container.ts';

export const runCommand: CommandSpec = {
  use: 'run [OPTIONS] IMAGE [COMMAND] [ARG...]',
  short: 'Create and run a new container from an image',
  args: requiresMinArgs(1),
  interspersed: false,
  annotations: { aliases: 'docker container run, docker run', 'category-top': '1' },
  flags: [
    {
      name: 'detach',
      shorthand: 'd',
      type: 'bool',
      usage: 'Run container in background and print container ID',
    },
    { name: 'detach-keys', type: 'string', usage: 'Override the key sequence for detaching a container' },
    { name: 'disable-content-trust', type: 'bool', usage: 'Skip image verification', defValue: 'true' },
    { name: 'help', type: 'bool', usage: 'Print usage' },
    { name: 'name', type: 'string', usage: 'Assign a name to the container' },
    {
      name: 'platform',
      type: 'string',
      usage: 'Set platform if server is multi-platform capable',
      annotations: { version: ['1.32'] },
    },
    {
      name: 'pull',
      type: 'string',
      usage: 'Pull image before running ("always", "missing", "never")',
      defValue: 'missing',
    },
    { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Suppress the pull output' },
    { name: 'sig-proxy', type: 'bool', usage: 'Proxy received signals to the process', defValue: 'true' },
    { name: 'use-api-socket', type: 'bool', usage: 'Bind mount Docker API socket and required auth' },
    ...containerFlags,
  ],
  run: runRun,
};

// ---------------------------------------------------------------------------
// docker/cli container/run.go runRun, runContainer, toStatusError

/** docker: <err> plus the hint line, with run's exit status for the kind of failure. */
export function withHelp(message: string, command: string): string {
  return `docker: ${message}\n\nRun 'docker ${command} --help' for more information`;
}

export function toStatusError(err: unknown, command = 'run'): StatusError {
  const message = err instanceof Error ? err.message : String(err);
  let status = 125;
  if (
    /executable file not found|no such file or directory|system cannot find the file specified/.test(message)
  )
    status = 127;
  else if (/permission denied|is a directory/.test(message)) status = 126;
  return new StatusError(withHelp(message, command), status);
}

async function runRun(cli: DockerCli, flags: FlagValues, args: string[]): Promise<number> {
  let request;
  try {
    validatePullOpt(flags.string('pull'));
    request = buildCreateRequest(cli, flags, args[0]!, args.slice(1));
  } catch (err) {
    throw new StatusError(withHelp((err as Error).message, 'run'), 125);
  }
  const detach = flags.bool('detach');
  if (!detach) {
    if (request.Tty && request.AttachStdin && !cli.inIsTerminal)
      throw new StatusError('the input device is not a TTY', 1);
  } else {
    if (flags.list('attach').length > 0)
      throw new StatusError('conflicting options: cannot specify both --attach and --detach', 1);
    request.AttachStdin = false;
    request.AttachStdout = false;
    request.AttachStderr = false;
    request.StdinOnce = false;
  }
  let id: string;
  try {
    id = await createContainer(cli, request, {
      name: flags.string('name'),
      pull: flags.string('pull'),
      quiet: flags.bool('quiet'),
      platform: flags.string('platform'),
    });
  } catch (err) {
    throw toStatusError(err);
  }
  const attach = !!(request.AttachStdin || request.AttachStdout || request.AttachStderr);
  const tty = !!request.Tty;
  // Attached, docker run outlives a Ctrl-C (its context ignores the CLI's): the signal is
  // sent on to the container when --sig-proxy (the default), as ForwardAllSignals does
  const sigProxy = flags.bool('sig-proxy');
  const stopCatching = attach
    ? cli.catchSignals?.((signal) => {
        if (!sigProxy) return;
        cli.client
          .post(`/containers/${id}/kill`, { signal })
          .catch(() => undefined /* logrus.Debugf("Error sending signal") */);
      })
    : undefined;
  try {
    return await attachAndStart(cli, flags, request, id, attach, tty);
  } finally {
    stopCatching?.();
  }
}

async function attachAndStart(
  cli: DockerCli,
  flags: FlagValues,
  request: ContainerCreateRequest,
  id: string,
  attach: boolean,
  tty: boolean,
): Promise<number> {
  let streaming: Promise<StreamEnd> | undefined;
  if (attach) {
    const keys = detachKeys(cli, flags.string('detach-keys'));
    const hijack = new Hijack(cli, { stdin: !!request.AttachStdin, tty, detachKeys: keys });
    const response = await hijackRequest(cli, `/containers/${id}/attach`, {
      // ContainerAttach sets only the streams asked for: no `stdin=0`
      query: {
        stream: 1,
        stdin: request.AttachStdin ? 1 : undefined,
        stdout: request.AttachStdout ? 1 : undefined,
        stderr: request.AttachStderr ? 1 : undefined,
        detachKeys: keys || undefined,
      },
      stdin: hijack.stdin,
    });
    streaming = hijack.stream(response);
  }
  const autoRemove = request.HostConfig?.AutoRemove ?? false;
  const waited = cli.client
    .post<WaitResponse>(`/containers/${id}/wait`, { condition: autoRemove ? 'removed' : 'next-exit' })
    .then((w) => w.StatusCode)
    .catch((err: unknown) => {
      // the container may be gone already (an --rm container that failed to start)
      if (err instanceof ApiClientError) return 125;
      throw err;
    });
  // Detached, docker prints the ID from a goroutine started before the start call:
  // in practice it comes first even when the start fails.
  if (!attach) cli.out.write(id + '\n');
  try {
    await cli.client.request('POST', `/containers/${id}/start`);
  } catch (err) {
    if (autoRemove) await waited;
    throw toStatusError(err);
  }
  if (!attach) return 0;
  // the detach keys: the container runs on, and docker run says nothing
  if ((await streaming) === 'detached') return 0;
  const status = await waited;
  return status;
}
