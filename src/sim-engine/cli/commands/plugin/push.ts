/**
 * `docker plugin push` — docker/cli cli/command/plugin/push.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, exactArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const pushCommand: CommandSpec = {
  use: 'push [OPTIONS] PLUGIN[:TAG]',
  short: 'Push a plugin to a registry',
  args: exactArgs(1),
  flags: [{ name: 'disable-content-trust', type: 'bool', usage: 'Skip image signing', defValue: 'true' }],
  run: runPush,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runPush(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
