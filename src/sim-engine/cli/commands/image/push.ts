/**
 * `docker image push`, `docker push` — docker/cli cli/command/image/push.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, exactArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const pushCommand: CommandSpec = {
  use: 'push [OPTIONS] NAME[:TAG]',
  short: 'Upload an image to a registry',
  args: exactArgs(1),
  annotations: { aliases: 'docker image push, docker push', 'category-top': '6' },
  flags: [
    { name: 'all-tags', shorthand: 'a', type: 'bool', usage: 'Push all tags of an image to the repository' },
    { name: 'disable-content-trust', type: 'bool', usage: 'Skip image signing', defValue: 'true' },
    {
      name: 'platform',
      type: 'string',
      usage: `Push a platform-specific manifest as a single-platform image to the registry.
Image index won't be pushed, meaning that other manifests, including attestations won't be preserved.
'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)`,
      annotations: { version: ['1.46'] },
    },
    { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Suppress verbose output' },
  ],
  run: runPush,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runPush(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
