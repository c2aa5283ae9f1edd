/**
 * `docker trust sign` — docker/cli cli/command/trust/sign.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, exactArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const signCommand: CommandSpec = {
  use: 'sign IMAGE:TAG',
  short: 'Sign an image',
  args: exactArgs(1),
  flags: [{ name: 'local', type: 'bool', usage: 'Sign a locally tagged image' }],
  run: runSign,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runSign(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
