/**
 * `docker container run`, `docker run` — docker/cli cli/command/container/run.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, requiresMinArgs } from '../../command.ts';
import { containerFlags } from './opts.ts';
import { notSimulated } from '../not-simulated.ts';

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
// What the command does. Replace notSimulated with the real implementation.

function runRun(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
