/**
 * `docker plugin create` — docker/cli cli/command/plugin/create.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, requiresMinArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const createCommand: CommandSpec = {
  use: 'create [OPTIONS] PLUGIN PLUGIN-DATA-DIR',
  short:
    'Create a plugin from a rootfs and configuration. Plugin data directory must contain config.json and rootfs directory.',
  args: requiresMinArgs(2),
  flags: [{ name: 'compress', type: 'bool', usage: 'Compress the context using gzip' }],
  run: runCreate,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runCreate(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
