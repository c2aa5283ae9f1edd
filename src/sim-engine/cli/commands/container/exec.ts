/**
 * `docker container exec`, `docker exec` — docker/cli cli/command/container/exec.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, requiresMinArgs } from '../../command.ts';
import { validateEnv } from '../opts/env.ts';
import { notSimulated } from '../not-simulated.ts';

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
// What the command does. Replace notSimulated with the real implementation.

function runExec(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
