/**
 * `docker service scale` — docker/cli cli/command/service/scale.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, requiresMinArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const scaleCommand: CommandSpec = {
  use: 'scale SERVICE=REPLICAS [SERVICE=REPLICAS...]',
  short: 'Scale one or multiple replicated services',
  args: requiresMinArgs(1),
  flags: [
    {
      name: 'detach',
      shorthand: 'd',
      type: 'bool',
      usage: 'Exit immediately instead of waiting for the service to converge',
      annotations: { version: ['1.29'] },
    },
  ],
  run: runScale,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runScale(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
