/**
 * `docker context create` — docker/cli cli/command/context/create.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, exactArgs } from '../../command.ts';
import { parseStringToString } from '../opts/pflag.ts';
import { notSimulated } from '../not-simulated.ts';

export const createCommand: CommandSpec = {
  use: 'create [OPTIONS] CONTEXT',
  short: 'Create a context',
  long: `Create a context

Docker endpoint config:

NAME                DESCRIPTION
from                Copy named context's Docker endpoint configuration
host                Docker endpoint on which to connect
ca                  Trust certs signed only by this CA
cert                Path to TLS certificate file
key                 Path to TLS key file
skip-tls-verify     Skip TLS certificate validation

Example:

$ docker context create my-context --description "some description" --docker "host=tcp://myserver:2376,ca=~/ca-file,cert=~/cert-file,key=~/key-file"
`,
  args: exactArgs(1),
  flags: [
    { name: 'description', type: 'string', usage: 'Description of the context' },
    {
      name: 'docker',
      type: 'stringToString',
      usage: 'set the docker endpoint',
      defValue: '[]',
      parse: parseStringToString,
      repeatable: true,
    },
    { name: 'from', type: 'string', usage: 'create context from a named context' },
  ],
  run: runCreate,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runCreate(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
