/**
 * `docker container logs`, `docker logs` — docker/cli cli/command/container/logs.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, exactArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const logsCommand: CommandSpec = {
  use: 'logs [OPTIONS] CONTAINER',
  short: 'Fetch the logs of a container',
  args: exactArgs(1),
  annotations: { aliases: 'docker container logs, docker logs' },
  flags: [
    { name: 'details', type: 'bool', usage: 'Show extra details provided to logs' },
    { name: 'follow', shorthand: 'f', type: 'bool', usage: 'Follow log output' },
    {
      name: 'since',
      type: 'string',
      usage:
        'Show logs since timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)',
    },
    {
      name: 'tail',
      shorthand: 'n',
      type: 'string',
      usage: 'Number of lines to show from the end of the logs',
      defValue: 'all',
    },
    { name: 'timestamps', shorthand: 't', type: 'bool', usage: 'Show timestamps' },
    {
      name: 'until',
      type: 'string',
      usage:
        'Show logs before a timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)',
      annotations: { version: ['1.35'] },
    },
  ],
  run: runLogs,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runLogs(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
