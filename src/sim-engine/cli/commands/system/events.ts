/**
 * `docker events`, `docker system events` — docker/cli cli/command/system/events.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, noArgs } from '../../command.ts';
import { filterOpt } from '../opts/opts.ts';
import { notSimulated } from '../not-simulated.ts';

export const eventsCommand: CommandSpec = {
  use: 'events [OPTIONS]',
  short: 'Get real time events from the server',
  args: noArgs,
  annotations: { aliases: 'docker system events, docker events' },
  flags: [
    {
      name: 'filter',
      shorthand: 'f',
      type: 'filter',
      usage: 'Filter output based on conditions provided',
      parse: filterOpt,
    },
    {
      name: 'format',
      type: 'string',
      usage: `Format output using a custom template:
'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates`,
    },
    { name: 'since', type: 'string', usage: 'Show all events created since timestamp' },
    { name: 'until', type: 'string', usage: 'Stream events until this timestamp' },
  ],
  run: runEvents,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runEvents(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
