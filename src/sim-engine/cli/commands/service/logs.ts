/**
 * `docker service logs` — docker/cli cli/command/service/logs.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, exactArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const logsCommand: CommandSpec = {
  use: 'logs [OPTIONS] SERVICE|TASK',
  short: 'Fetch the logs of a service or task',
  args: exactArgs(1),
  annotations: { version: '1.29' },
  flags: [
    {
      name: 'details',
      type: 'bool',
      usage: 'Show extra details provided to logs',
      annotations: { version: ['1.30'] },
    },
    { name: 'follow', shorthand: 'f', type: 'bool', usage: 'Follow log output' },
    { name: 'no-resolve', type: 'bool', usage: 'Do not map IDs to Names in output' },
    { name: 'no-task-ids', type: 'bool', usage: 'Do not include task IDs in output' },
    { name: 'no-trunc', type: 'bool', usage: 'Do not truncate output' },
    { name: 'raw', type: 'bool', usage: 'Do not neatly format logs', annotations: { version: ['1.30'] } },
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
  ],
  run: runLogs,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runLogs(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
