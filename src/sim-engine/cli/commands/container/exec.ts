/**
 * `docker container exec`, `docker exec` — docker/cli cli/command/container/exec.go (v28.5.2).
 */

import { type CommandSpec, requiresMinArgs } from '../../command.ts';
import { validateEnv } from '../opts/env.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import type { ContainerInspect, ExecInspect } from '../../../api/types/container.ts';
import { CliError, StatusError } from '../../errors.ts';
import { detachKeys, Hijack, hijackRequest } from './hijack.ts';
import { readKVEnvStrings } from './env-file.ts';
import { ConfigError } from './config-error.ts';
import { objectPath } from '../../../api/client.ts';

export const execCommand: CommandSpec = {
  use: 'exec [OPTIONS] CONTAINER COMMAND [ARG...]',
  short: 'Execute a command in a running container',
  args: requiresMinArgs(2),
  interspersed: false,
  annotations: { aliases: 'docker container exec, docker exec', 'category-top': '2' },
  flags: [
    { name: 'detach', shorthand: 'd', type: 'bool', usage: 'Detached mode: run command in the background' },
    { name: 'detach-keys', type: 'string', usage: 'Override the key sequence for detaching a container' },
    {
      name: 'env',
      shorthand: 'e',
      type: 'list',
      usage: 'Set environment variables',
      annotations: { version: ['1.25'] },
      parse: validateEnv,
    },
    {
      name: 'env-file',
      type: 'list',
      usage: 'Read in a file of environment variables',
      annotations: { version: ['1.25'] },
    },
    { name: 'interactive', shorthand: 'i', type: 'bool', usage: 'Keep STDIN open even if not attached' },
    { name: 'privileged', type: 'bool', usage: 'Give extended privileges to the command' },
    { name: 'tty', shorthand: 't', type: 'bool', usage: 'Allocate a pseudo-TTY' },
    {
      name: 'user',
      shorthand: 'u',
      type: 'string',
      usage: 'Username or UID (format: "<name|uid>[:<group|gid>]")',
    },
    {
      name: 'workdir',
      shorthand: 'w',
      type: 'string',
      usage: 'Working directory inside the container',
      annotations: { version: ['1.35'] },
    },
  ],
  run: runExec,
};

// ---------------------------------------------------------------------------
// docker/cli container/exec.go RunExec

async function runExec(cli: DockerCli, flags: FlagValues, args: string[]): Promise<number | void> {
  const [name, ...cmd] = args;
  const detach = flags.bool('detach');
  const tty = flags.bool('tty');
  let env: string[] | null;
  try {
    env = readKVEnvStrings(cli, flags.list('env-file'), flags.list('env'));
  } catch (err) {
    if (err instanceof ConfigError) throw new StatusError(err.message, 1);
    throw err;
  }
  const attachStdin = !detach && flags.bool('interactive');
  await cli.client.get<ContainerInspect>(objectPath('container', name!, '/json'));
  if (!detach && tty && attachStdin && !cli.inIsTerminal)
    throw new StatusError('the input device is not a TTY', 1);
  const created = await cli.client.post<{ Id: string }>(objectPath('container', name!, '/exec'), undefined, {
    User: flags.string('user'),
    Privileged: flags.bool('privileged'),
    Tty: tty,
    // container.ExecOptions as encoding/json writes it: ConsoleSize is omitempty, and the
    // deprecated Detach, which parseExec never sets (false even with -d), comes last
    // (moby v28.5.1, as docker/cli v28.5.2 vendors it)
    ...(tty ? { ConsoleSize: [cli.rows, cli.width] } : {}),
    AttachStdin: attachStdin,
    AttachStderr: !detach,
    AttachStdout: !detach,
    DetachKeys: detachKeys(cli, flags.string('detach-keys')),
    Env: env,
    WorkingDir: flags.string('workdir'),
    Cmd: cmd,
    Detach: false,
  });
  if (detach) {
    await cli.client.request('POST', `/exec/${created.Id}/start`, {
      body: { Detach: true, Tty: tty, ...(tty ? { ConsoleSize: [cli.rows, cli.width] } : {}) },
    });
    return;
  }
  const hijack = new Hijack(cli, {
    stdin: attachStdin,
    tty,
    detachKeys: detachKeys(cli, flags.string('detach-keys')),
  });
  const response = await hijackRequest(cli, `/exec/${created.Id}/start`, {
    body: { Detach: false, Tty: tty, ...(tty ? { ConsoleSize: [cli.rows, cli.width] } : {}) },
    stdin: hijack.stdin,
  });
  // the detach keys end the exec's attach with moby/term's EscapeError, printed as any error
  if ((await hijack.stream(response)) === 'detached') throw new CliError('read escape sequence');
  const inspect = await cli.client.get<ExecInspect>(`/exec/${created.Id}/json`);
  return inspect.ExitCode ?? 0;
}
