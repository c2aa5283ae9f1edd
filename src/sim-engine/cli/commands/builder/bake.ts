/**
 * `docker bake` — docker/cli cli/command/cli.go (v28.5.2).
 */

import { type CommandSpec, type RunFn } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const bakeStubCommand: CommandSpec = {
  use: 'bake [OPTIONS] [TARGET...]',
  short: 'Build from a file',
  annotations: { aliases: 'docker buildx bake', 'category-top': '5', version: '1.31' },
  run: runBake,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runBake(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
