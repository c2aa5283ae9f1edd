/**
 * `docker system prune` — docker/cli cli/command/system/prune.go (v28.5.2): one
 * confirmation, then the container, network, (volume,) image and build cache prunes
 * in that order through their own endpoints, each printing what it removed.
 */

import { type CommandSpec, noArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import { CliError } from '../../errors.ts';
import { filterOpt, type FilterArg } from '../opts/opts.ts';
import { confirm } from '../prompt.ts';
import { encodeFilters } from '../../../api/client.ts';
import type { ContainerPruneReport } from '../../../api/types/container.ts';
import type { ImagePruneReport } from '../../../api/types/image.ts';
import type { NetworkPruneReport } from '../../../api/types/network.ts';
import type { BuildCachePruneReport } from '../../../api/types/system.ts';
import type { VolumePruneReport } from '../../../api/types/volume.ts';
import { naturalLess } from '../../../golang/natural-sort.ts';
import { parseTemplate } from '../../../golang/template/index.ts';
import { humanSize } from '../../../golang/units.ts';
import { goMap, nilOf } from '../../../golang/values.ts';

export const pruneCommand: CommandSpec = {
  use: 'prune [OPTIONS]',
  short: 'Remove unused data',
  args: noArgs,
  annotations: { version: '1.25' },
  flags: [
    { name: 'all', shorthand: 'a', type: 'bool', usage: 'Remove all unused images not just dangling ones' },
    {
      name: 'filter',
      type: 'filter',
      usage: 'Provide filter values (e.g. "label=<key>=<value>")',
      annotations: { version: ['1.28'] },
      parse: filterOpt,
    },
    { name: 'force', shorthand: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
    { name: 'volumes', type: 'bool', usage: 'Prune anonymous volumes' },
  ],
  run: runPrune,
};

// ---------------------------------------------------------------------------
// docker/cli system/prune.go

const CONFIRMATION_TEMPLATE = `WARNING! This will remove:
{{- range $_, $warning := .warnings }}
  - {{ $warning }}
{{- end }}
{{if .filters}}
  Items to be pruned will be filtered with:
{{- range $_, $filters := .filters }}
  - {{ $filters }}
{{- end }}
{{end}}
Are you sure you want to continue?`;

interface Options {
  all: boolean;
  volumes: boolean;
  filters: FilterArg[];
}

/** confirmationMessage: what will go, and the label/until filters, naturally sorted. */
export function confirmationMessage(o: Options): string {
  const warnings = ['all stopped containers', 'all networks not used by at least one container'];
  if (o.volumes) warnings.push('all anonymous volumes not used by at least one container');
  warnings.push(
    o.all ? 'all images without at least one container associated to them' : 'all dangling images',
  );
  warnings.push(o.all ? 'all build cache' : 'unused build cache');
  const filters: string[] = [];
  for (const name of ['label', 'label!', 'until']) {
    // a filters.Args holds each value once
    const values = new Set(o.filters.filter((f) => f.name === name).map((f) => f.value));
    for (const v of values) filters.push(`${name}=${v}`);
  }
  filters.sort((a, b) => (naturalLess(a, b) ? -1 : naturalLess(b, a) ? 1 : 0));
  const t = parseTemplate(CONFIRMATION_TEMPLATE, {}, { name: 'confirmation message' });
  // the template's dot is a map[string][]string
  return t.execute(
    goMap({ warnings, filters: filters.length > 0 ? filters : nilOf('[]string') }, 'map[string][]string'),
  );
}

type PruneFn = (cli: DockerCli, o: Options) => Promise<{ reclaimed: number; output: string }>;

const query = (filters: FilterArg[]) => ({ filters: encodeFilters(filters.map((f) => [f.name, f.value])) });

const list = (title: string, ids: readonly string[] | null) =>
  ids && ids.length > 0 ? `${title}:\n` + ids.map((id) => id + '\n').join('') : '';

const pruneContainers: PruneFn = async (cli, o) => {
  const r = await cli.client.post<ContainerPruneReport>('/containers/prune', query(o.filters));
  const output = list('Deleted Containers', r.ContainersDeleted);
  return { reclaimed: output ? r.SpaceReclaimed : 0, output };
};

const pruneNetworks: PruneFn = async (cli, o) => {
  const r = await cli.client.post<NetworkPruneReport>('/networks/prune', query(o.filters));
  return { reclaimed: 0, output: list('Deleted Networks', r.NetworksDeleted) };
};

/** API ≥ 1.42: only anonymous volumes, as `--all` is not given here. */
const pruneVolumes: PruneFn = async (cli, o) => {
  const r = await cli.client.post<VolumePruneReport>('/volumes/prune', query(o.filters));
  const output = list('Deleted Volumes', r.VolumesDeleted);
  return { reclaimed: output ? r.SpaceReclaimed : 0, output };
};

const pruneImages: PruneFn = async (cli, o) => {
  const filters = [...o.filters, { name: 'dangling', value: String(!o.all) }];
  const r = await cli.client.post<ImagePruneReport>('/images/prune', query(filters));
  if (!r.ImagesDeleted || r.ImagesDeleted.length === 0) return { reclaimed: 0, output: '' };
  let output = 'Deleted Images:\n';
  for (const st of r.ImagesDeleted) {
    output += st.Untagged ? `untagged: ${st.Untagged}\n` : `deleted: ${st.Deleted ?? ''}\n`;
  }
  return { reclaimed: r.SpaceReclaimed, output };
};

/** builder.CachePrune: docker/cli's own builder prune, forced, through `/build/prune`. */
const pruneBuildCache: PruneFn = async (cli, o) => {
  const r = await cli.client.post<BuildCachePruneReport>('/build/prune', {
    all: o.all || undefined,
    ...query(o.filters),
  });
  return { reclaimed: r.SpaceReclaimed, output: list('Deleted build cache objects', r.CachesDeleted) };
};

async function runPrune(cli: DockerCli, flags: FlagValues): Promise<number | void> {
  const o: Options = {
    all: flags.bool('all'),
    volumes: flags.bool('volumes'),
    filters: flags.get<(FilterArg | undefined)[]>('filter').filter((f): f is FilterArg => f !== undefined),
  };
  if (o.volumes && o.filters.some((f) => f.name === 'until'))
    throw new CliError('ERROR: The "until" filter is not supported with "--volumes"');
  // a cancelled prune ends quietly, with status 0 (errdefs.IsCanceled in main)
  if (!flags.bool('force') && !(await confirm(cli, confirmationMessage(o)))) return 0;
  const prunes: PruneFn[] = [pruneContainers, pruneNetworks];
  if (o.volumes) prunes.push(pruneVolumes);
  prunes.push(pruneImages, pruneBuildCache);
  let reclaimed = 0;
  for (const prune of prunes) {
    const r = await prune(cli, o);
    reclaimed += r.reclaimed;
    if (r.output) cli.out.write(r.output + '\n');
  }
  cli.out.write(`Total reclaimed space: ${humanSize(reclaimed)}\n`);
}
