/**
 * `docker container logs`, `docker logs` — docker/cli cli/command/container/logs.go (v28.5.2).
 */

import { type CommandSpec, exactArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import type { ContainerInspect } from '../../../api/types/container.ts';
import { streamOutput } from './attach-stream.ts';
import { getTimestamp } from '../../../api/timetypes.ts';
import { objectPath } from '../../../api/client.ts';

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
// docker/cli container/logs.go

async function runLogs(cli: DockerCli, flags: FlagValues, args: string[]): Promise<void> {
  const c = await cli.client.get<ContainerInspect>(objectPath('container', args[0]!, '/json'));
  const now = cli.now();
  const response = await cli.client.request('GET', `/containers/${c.Id}/logs`, {
    query: {
      stdout: 1,
      stderr: 1,
      since: flags.string('since') ? getTimestamp(flags.string('since'), now) : undefined,
      until: flags.string('until') ? getTimestamp(flags.string('until'), now) : undefined,
      timestamps: flags.bool('timestamps') || undefined,
      follow: flags.bool('follow') || undefined,
      tail: flags.string('tail') || 'all',
      details: flags.bool('details') || undefined,
    },
  });
  const done = streamOutput(cli, response, c.Config.Tty);
  await Promise.race([done, cli.interrupted.then(() => response.stream?.close())]);
}
