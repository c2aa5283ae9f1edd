/**
 * `docker image ls`, `docker images` — docker/cli cli/command/image/list.go (v28.5.2).
 */

import { encodeFilters } from '../../../api/client.ts';
import type { ImageSummary } from '../../../api/types/image.ts';
import { type Command, type CommandSpec, requiresMaxArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { CliError } from '../../errors.ts';
import type { FlagValues } from '../../flags.ts';
import { writeFormatted, TABLE_FORMAT_KEY } from '../../formatter/formatter.ts';
import { IMAGE_HEADER, imageFormat, imageRows } from '../../formatter/image.ts';
import { filterOpt, type FilterArg } from '../opts/opts.ts';
import { FORMAT_HELP } from '../opts/flags-helper.ts';

export const imagesCommand: CommandSpec = {
  use: 'images [OPTIONS] [REPOSITORY[:TAG]]',
  short: 'List images',
  args: requiresMaxArgs(1),
  annotations: { aliases: 'docker image ls, docker image list, docker images', 'category-top': '7' },
  flags: [
    {
      name: 'all',
      shorthand: 'a',
      type: 'bool',
      usage: 'Show all images (default hides intermediate images)',
    },
    { name: 'digests', type: 'bool', usage: 'Show digests' },
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
      usage: FORMAT_HELP,
    },
    { name: 'no-trunc', type: 'bool', usage: "Don't truncate output" },
    { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Only show image IDs' },
    {
      name: 'tree',
      type: 'bool',
      usage: 'List multi-platform images as a tree (EXPERIMENTAL)',
      annotations: { experimentalCLI: [], version: ['1.47'] },
    },
  ],
  run: runImages,
};

export const listCommand: CommandSpec = {
  ...imagesCommand,
  use: 'ls [OPTIONS] [REPOSITORY[:TAG]]',
  aliases: ['list'],
};

// ---------------------------------------------------------------------------
// docker/cli image/list.go runImages

/** The `docker image` verbs a user may have meant when `docker images ls` finds nothing. */
const IMAGE_VERBS = new Set([
  'build',
  'history',
  'import',
  'inspect',
  'list',
  'load',
  'ls',
  'prune',
  'pull',
  'push',
  'rm',
  'save',
  'tag',
]);

async function runImages(cli: DockerCli, flags: FlagValues, args: string[], cmd: Command): Promise<void> {
  const matchName = args[0] ?? '';
  const filters = flags
    .get<(FilterArg | undefined)[]>('filter')
    .filter((f): f is FilterArg => f !== undefined)
    .map((f): [string, string] => [f.name, f.value]);
  if (matchName !== '') filters.push(['reference', matchName]);
  const quiet = flags.bool('quiet');
  const noTrunc = flags.bool('no-trunc');
  const digests = flags.bool('digests');
  const source = flags.string('format');

  if (flags.bool('tree')) {
    if (quiet) throw new CliError('--quiet is not yet supported with --tree');
    if (noTrunc) throw new CliError('--no-trunc is not yet supported with --tree');
    if (digests) throw new CliError('--show-digest is not yet supported with --tree');
    if (source !== '') throw new CliError('--format is not yet supported with --tree');
    // Differs from Docker: the experimental tree view of multi-platform images is not drawn.
    throw new CliError(`${cmd.commandPath} --tree: this view is not simulated in Dockyard yet`);
  }

  const images = await cli.client.get<ImageSummary[]>('/images/json', {
    all: flags.bool('all') || undefined,
    filters: encodeFilters(filters),
  });
  const format = imageFormat(source === '' ? TABLE_FORMAT_KEY : source, quiet, digests);
  const rows = imageRows(images, { trunc: !noTrunc, now: cli.now(), digest: digests, format });
  writeFormatted(cli.out, format, IMAGE_HEADER, rows);
  // `docker images ls` lists images named "ls": say what was probably meant
  if (matchName !== '' && images.length === 0 && cmd.name === 'images' && IMAGE_VERBS.has(matchName)) {
    cli.err.write(`\nNo images found matching "${matchName}": did you mean "docker image ${matchName}"?\n`);
  }
}
