/**
 * `docker attach`, `docker container attach` — docker/cli cli/command/container/attach.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, exactArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const attachCommand: CommandSpec = {
  use: 'attach [OPTIONS] CONTAINER',
  short: 'Attach local standard input, output, and error streams to a running container',
  args: exactArgs(1),
  annotations: { aliases: 'docker container attach, docker attach' },
  flags: [
    { name: 'detach-keys', type: 'string', usage: 'Override the key sequence for detaching a container' },
    { name: 'no-stdin', type: 'bool', usage: 'Do not attach STDIN' },
    { name: 'sig-proxy', type: 'bool', usage: 'Proxy all received signals to the process', defValue: 'true' },
  ],
  run: runAttach,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runAttach(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
