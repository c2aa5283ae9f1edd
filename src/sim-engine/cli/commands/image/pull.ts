/**
 * `docker image pull`, `docker pull` — docker/cli cli/command/image/pull.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, exactArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const pullCommand: CommandSpec = {
  use: 'pull [OPTIONS] NAME[:TAG|@DIGEST]',
  short: 'Download an image from a registry',
  args: exactArgs(1),
  annotations: { aliases: 'docker image pull, docker pull', 'category-top': '5' },
  flags: [
    { name: 'all-tags', shorthand: 'a', type: 'bool', usage: 'Download all tagged images in the repository' },
    { name: 'disable-content-trust', type: 'bool', usage: 'Skip image verification', defValue: 'true' },
    {
      name: 'platform',
      type: 'string',
      usage: 'Set platform if server is multi-platform capable',
      annotations: { version: ['1.32'] },
    },
    { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Suppress verbose output' },
  ],
  run: runPull,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runPull(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
