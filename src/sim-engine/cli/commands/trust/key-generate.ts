/**
 * `docker trust key generate` — docker/cli cli/command/trust/key_generate.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, exactArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const keyGenerateCommand: CommandSpec = {
  use: 'generate NAME',
  short: 'Generate and load a signing key-pair',
  args: exactArgs(1),
  flags: [
    { name: 'dir', type: 'string', usage: 'Directory to generate key in, defaults to current directory' },
  ],
  run: runGenerate,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runGenerate(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
