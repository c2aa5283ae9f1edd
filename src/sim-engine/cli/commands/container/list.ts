/**
 * `docker container ls`, `docker ps` — docker/cli cli/command/container/list.go (v28.5.2).
 */

import { type CommandSpec, noArgs } from '../../command.ts';
import { filterOpt } from '../opts/opts.ts';
import type { ContainerSummary } from '../../../api/types/container.ts';
import { parseDockerTemplate, TemplateError } from '../../../golang/template/index.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { CliError } from '../../errors.ts';
import type { FlagValues } from '../../flags.ts';
import { CONTAINER_HEADER, ContainerContext, containerFormat } from '../../formatter/container.ts';
import { writeFormatted } from '../../formatter/formatter.ts';
import { filtersQuery } from '../filters.ts';
import { FORMAT_HELP } from '../opts/flags-helper.ts';

export const psCommand: CommandSpec = {
  use: 'ps [OPTIONS]',
  short: 'List containers',
  args: noArgs,
  annotations: {
    aliases: 'docker container ls, docker container list, docker container ps, docker ps',
    'category-top': '3',
  },
  flags: [
    { name: 'all', shorthand: 'a', type: 'bool', usage: 'Show all containers (default shows just running)' },
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
    {
      name: 'last',
      shorthand: 'n',
      type: 'int',
      usage: 'Show n last created containers (includes all states)',
      defValue: '-1',
    },
    {
      name: 'latest',
      shorthand: 'l',
      type: 'bool',
      usage: 'Show the latest created container (includes all states)',
    },
    { name: 'no-trunc', type: 'bool', usage: "Don't truncate output" },
    { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Only display container IDs' },
    { name: 'size', shorthand: 's', type: 'bool', usage: 'Display total file sizes' },
  ],
  run: runPs,
};

export const listCommand: CommandSpec = {
  ...psCommand,
  use: 'ls [OPTIONS]',
  aliases: ['ps', 'list'],
};

// ---------------------------------------------------------------------------
// docker/cli container/list.go runPs

async function runPs(cli: DockerCli, flags: FlagValues): Promise<void> {
  const format = flags.string('format');
  const quiet = flags.bool('quiet');
  if (format && quiet)
    cli.err.write('WARNING: Ignoring custom format, because both --format and --quiet are set.\n');
  let size = flags.bool('size');
  let limit = flags.number('last');
  if (flags.bool('latest') && limit === -1) limit = 1;
  if (format) {
    let tmpl;
    try {
      tmpl = parseDockerTemplate(format);
    } catch (err) {
      if (err instanceof TemplateError) throw new CliError(`failed to parse template: ${err.message}`);
      throw err;
    }
    // docker runs the template once on an empty row to see which fields it uses:
    // sizes are only computed when it asks for Size (directly or through json)
    const probe = ContainerContext.probe();
    try {
      tmpl.execute(probe);
    } catch (err) {
      if (err instanceof TemplateError) throw new CliError(`failed to execute template: ${err.message}`);
      throw err;
    }
    if (!quiet && !flags.has('size') && probe.fieldsUsed.has('Size')) size = true;
  }
  const containers = await cli.client.get<ContainerSummary[]>('/containers/json', {
    all: flags.bool('all') || undefined,
    limit: limit !== -1 ? limit : undefined,
    size: size || undefined,
    filters: filtersQuery(flags),
  });
  const now = cli.now();
  const trunc = !flags.bool('no-trunc');
  writeFormatted(
    cli.out,
    containerFormat(format, quiet, size),
    CONTAINER_HEADER,
    containers.map((c) => new ContainerContext(c, trunc, now)),
  );
}
