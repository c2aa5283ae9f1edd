/**
 * `docker stack deploy` — docker/cli cli/command/stack/deploy.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, exactArgs } from '../../command.ts';
import { orchestratorFlag } from './opts.ts';
import { notSimulated } from '../not-simulated.ts';

export const deployCommand: CommandSpec = {
  use: 'deploy [OPTIONS] STACK',
  aliases: ['up'],
  short: 'Deploy a new stack or update an existing stack',
  args: exactArgs(1),
  flags: [
    {
      name: 'compose-file',
      shorthand: 'c',
      type: 'stringSlice',
      usage: 'Path to a Compose file, or "-" to read from stdin',
      annotations: { version: ['1.25'] },
    },
    {
      name: 'detach',
      shorthand: 'd',
      type: 'bool',
      usage: 'Exit immediately instead of waiting for the stack services to converge',
      defValue: 'true',
    },
    {
      name: 'prune',
      type: 'bool',
      usage: 'Prune services that are no longer referenced',
      annotations: { version: ['1.27'] },
    },
    { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Suppress progress output' },
    {
      name: 'resolve-image',
      type: 'string',
      usage:
        'Query the registry to resolve image digest and supported platforms ("always", "changed", "never")',
      defValue: 'always',
      annotations: { version: ['1.30'] },
    },
    {
      name: 'with-registry-auth',
      type: 'bool',
      usage: 'Send registry authentication details to Swarm agents',
    },
    orchestratorFlag,
  ],
  run: runDeploy,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runDeploy(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
