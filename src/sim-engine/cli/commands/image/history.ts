/**
 * `docker history`, `docker image history` — docker/cli cli/command/image/history.go (v28.5.2).
 */

import type { HistoryItem } from '../../../api/types/image.ts';
import { type CommandSpec, exactArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import { TABLE_FORMAT_KEY, writeFormatted } from '../../formatter/formatter.ts';
import { HISTORY_HEADER, HistoryContext, historyFormat } from '../../formatter/history.ts';
import { imagePath } from './image-ref.ts';
import { FORMAT_HELP } from '../opts/flags-helper.ts';

export const historyCommand: CommandSpec = {
  use: 'history [OPTIONS] IMAGE',
  short: 'Show the history of an image',
  args: exactArgs(1),
  annotations: { aliases: 'docker image history, docker history' },
  flags: [
    {
      name: 'format',
      type: 'string',
      usage: FORMAT_HELP,
    },
    {
      name: 'human',
      shorthand: 'H',
      type: 'bool',
      usage: 'Print sizes and dates in human readable format',
      defValue: 'true',
    },
    { name: 'no-trunc', type: 'bool', usage: "Don't truncate output" },
    {
      name: 'platform',
      type: 'string',
      usage: 'Show history for the given platform. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")',
      annotations: { version: ['1.48'] },
    },
    { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Only show image IDs' },
  ],
  run: runHistory,
};

// ---------------------------------------------------------------------------
// docker/cli image/history.go runHistory

async function runHistory(cli: DockerCli, flags: FlagValues, args: string[]): Promise<void> {
  // Differs from Docker: images are single-platform here, so --platform is not sent.
  const history = await cli.client.get<HistoryItem[]>(`/images/${imagePath(args[0]!)}/history`);
  const human = flags.bool('human');
  const source = flags.string('format');
  const format = historyFormat(source === '' ? TABLE_FORMAT_KEY : source, flags.bool('quiet'), human);
  const trunc = !flags.bool('no-trunc');
  const now = cli.now();
  writeFormatted(
    cli.out,
    format,
    HISTORY_HEADER,
    history.map((h) => new HistoryContext(h, trunc, human, now)),
  );
}
