/**
 * `docker container create`, `docker create` — docker/cli cli/command/container/create.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, requiresMinArgs } from '../../command.ts';
import { containerFlags } from './opts.ts';
import { notSimulated } from '../not-simulated.ts';

export const createCommand: CommandSpec = {
  use: 'create [OPTIONS] IMAGE [COMMAND] [ARG...]',
  short: 'Create a new container',
  args: requiresMinArgs(1),
  interspersed: false,
  annotations: { aliases: 'docker container create, docker create' },
  flags: [
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
      usage: 'Pull image before creating ("always", "|missing", "never")',
      defValue: 'missing',
    },
    { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Suppress the pull output' },
    {
      name: 'use-api-socket',
      type: 'bool',
      usage: 'Bind mount Docker API socket and required auth',
      annotations: { experimentalCLI: [] },
    },
    ...containerFlags,
  ],
  run: runCreate,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runCreate(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
