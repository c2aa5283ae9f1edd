/**
 * `docker container stats`, `docker stats` — docker/cli cli/command/container/stats.go (v28.5.2).
 */

import { type CommandSpec, requiresMinArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import type { ContainerSummary } from '../../../api/types/container.ts';
import { CliError } from '../../errors.ts';
import { statsFormat, StatsContext, STATS_HEADER, type StatsSample } from '../../formatter/stats.ts';
import { writeFormatted } from '../../formatter/formatter.ts';
import { objectPath } from '../../../api/client.ts';
import { FORMAT_HELP } from '../opts/flags-helper.ts';

export const statsCommand: CommandSpec = {
  use: 'stats [OPTIONS] [CONTAINER...]',
  short: 'Display a live stream of container(s) resource usage statistics',
  args: requiresMinArgs(0),
  annotations: { aliases: 'docker container stats, docker stats' },
  flags: [
    { name: 'all', shorthand: 'a', type: 'bool', usage: 'Show all containers (default shows just running)' },
    {
      name: 'format',
      type: 'string',
      usage: FORMAT_HELP,
    },
    { name: 'no-stream', type: 'bool', usage: 'Disable streaming stats and only pull the first result' },
    { name: 'no-trunc', type: 'bool', usage: 'Do not truncate output' },
  ],
  run: runStats,
};

// ---------------------------------------------------------------------------
// docker/cli container/stats.go (one sample: --no-stream; streaming redraws each second)

async function sample(cli: DockerCli, id: string): Promise<StatsSample> {
  const s = await cli.client.get<Record<string, unknown>>(objectPath('container', id, '/stats'), {
    stream: 0,
  });
  return s as unknown as StatsSample;
}

async function runStats(cli: DockerCli, flags: FlagValues, args: string[]): Promise<void> {
  const all = flags.bool('all');
  const trunc = !flags.bool('no-trunc');
  const format = statsFormat(flags.string('format'));
  const list = async (): Promise<string[]> => {
    if (args.length > 0) return args;
    const cs = await cli.client.get<ContainerSummary[]>('/containers/json', { all: all || undefined });
    return cs.map((c) => c.Id);
  };
  const render = async (): Promise<string> => {
    const ids = await list();
    const rows: StatsContext[] = [];
    const errors: string[] = [];
    for (const id of ids) {
      try {
        rows.push(new StatsContext(await sample(cli, id), id, trunc));
      } catch (err) {
        errors.push((err as Error).message);
      }
    }
    if (errors.length > 0 && args.length > 0) throw new CliError(errors.join('\n'));
    let text = '';
    writeFormatted({ write: (t) => (text += t) }, format, STATS_HEADER, rows);
    return text;
  };
  if (flags.bool('no-stream')) {
    cli.out.write(await render());
    return;
  }
  // streaming, every 500 ms, terminal or not: cursor home, the table, then 28.5's copy of
  // the same text with each line erased to its end (it appends the copy to the buffer it
  // reads: the cursor-home at its start makes the copy overwrite the table on a terminal;
  // fixed in docker/cli 29.4), and erase-below for rows that went away
  let stopped = false;
  void cli.interrupted.then(() => (stopped = true));
  while (!stopped) {
    await Promise.race([cli.sleep(500), cli.interrupted]);
    if (stopped) break;
    const text = `\x1b[H${await render()}`;
    cli.out.write(
      `${text}${text
        .split('\n')
        .map((line) => `${line} \x1b[K\n`)
        .join('')}\x1b[J`,
    );
    if (args.length === 0 && !all && (await list()).length === 0) break;
  }
}
