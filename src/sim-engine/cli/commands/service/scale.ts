/**
 * `docker service scale` — docker/cli cli/command/service/scale.go (v28.5.2).
 */

import { type Command, type CommandSpec, type RunFn, requiresMinArgs } from '../../command.ts';
import { CliError } from '../../errors.ts';
import { notSimulated } from '../not-simulated.ts';

export const scaleCommand: CommandSpec = {
  use: 'scale SERVICE=REPLICAS [SERVICE=REPLICAS...]',
  short: 'Scale one or multiple replicated services',
  // docker's scaleArgs: at least one argument (here), each SERVICE=REPLICAS (checkScaleArgs)
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
  checkScaleArgs(params[3], params[2]);
  return notSimulated(...params);
}

/** The rest of docker's scaleArgs, which runs before the command does. */
function checkScaleArgs(cmd: Command, args: string[]): void {
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq <= 0 || eq === arg.length - 1) {
      throw new CliError(
        `invalid scale specifier '${arg}'.\nSee '${cmd.commandPath} --help'.\n\nUsage:  ${cmd.useLine}\n\n${cmd.spec.short}`,
      );
    }
  }
}
