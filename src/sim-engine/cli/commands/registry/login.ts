/**
 * `docker login` — docker/cli cli/command/registry/login.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, requiresMaxArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const loginCommand: CommandSpec = {
  use: 'login [OPTIONS] [SERVER]',
  short: 'Authenticate to a registry',
  long: `Authenticate to a registry.
Defaults to Docker Hub if no server is specified.`,
  args: requiresMaxArgs(1),
  annotations: { 'category-top': '8' },
  flags: [
    { name: 'password', shorthand: 'p', type: 'string', usage: 'Password or Personal Access Token (PAT)' },
    {
      name: 'password-stdin',
      type: 'bool',
      usage: 'Take the Password or Personal Access Token (PAT) from stdin',
    },
    { name: 'username', shorthand: 'u', type: 'string', usage: 'Username' },
  ],
  run: runLogin,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runLogin(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
