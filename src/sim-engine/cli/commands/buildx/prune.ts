/**
 * `docker buildx prune` (buildx v0.29 commands/prune.go), which `docker builder prune`
 * becomes when buildx is installed (see builder-forward.ts): the filters read as
 * toBuildkitPruneInfo reads them, buildx's own confirmation, then one row per record
 * BuildKit removes (`ID RECLAIMABLE SIZE LAST ACCESSED`, each row flushed as it
 * arrives) and `Total:`.
 *
 * Differs from buildx: buildx asks the daemon's BuildKit over its gRPC connection,
 * which streams each removed record; here the request is the Engine API's
 * `/build/prune`, and the rows are the removed IDs looked up in the records
 * `GET /system/df` listed just before (see docs/differences.md).
 */
import { ApiClientError, encodeFilters } from '../../../api/client.ts';
import type { BuildCachePruneReport, BuildCacheRecord, DiskUsage } from '../../../api/types/system.ts';
import { DurationError, parseGoDuration } from '../../../golang/duration.ts';
import { TabWriter } from '../../../golang/tabwriter.ts';
import { formatGoTime, parseRFC3339 } from '../../../golang/time.ts';
import { humanDuration, humanSize } from '../../../golang/units.ts';
import { type CommandSpec, noArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { StatusError } from '../../errors.ts';
import type { FlagValues } from '../../flags.ts';
import { filterOpt, memBytes, type FilterArg } from '../opts/opts.ts';

export const buildxPruneCommand: CommandSpec = {
  use: 'prune',
  short: 'Remove build cache',
  args: noArgs,
  flags: [
    { name: 'all', shorthand: 'a', type: 'bool', usage: 'Include internal/frontend images' },
    { name: 'builder', type: 'string', usage: 'Override the configured builder instance' },
    { name: 'debug', shorthand: 'D', type: 'bool', usage: 'Enable debug logging' },
    { name: 'filter', type: 'filter', usage: 'Provide filter values', parse: filterOpt },
    { name: 'force', shorthand: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
    {
      name: 'keep-storage',
      type: 'bytes',
      usage: 'Amount of disk space to keep for cache',
      defValue: '0',
      parse: memBytes,
      hidden: true,
      deprecated: 'keep-storage flag has been changed to reserved-space',
    },
    {
      name: 'max-used-space',
      type: 'bytes',
      usage: 'Maximum amount of disk space allowed to keep for cache',
      defValue: '0',
      parse: memBytes,
    },
    {
      name: 'min-free-space',
      type: 'bytes',
      usage: 'Target amount of free disk space after pruning',
      defValue: '0',
      parse: memBytes,
    },
    {
      name: 'reserved-space',
      type: 'bytes',
      usage: 'Amount of disk space always allowed to keep for cache',
      defValue: '0',
      parse: memBytes,
    },
    { name: 'verbose', type: 'bool', usage: 'Provide a more verbose output' },
  ],
  run: runPrune,
};

const NORMAL_WARNING =
  'WARNING! This will remove all dangling build cache. Are you sure you want to continue?';
const ALL_CACHE_WARNING = 'WARNING! This will remove all build cache. Are you sure you want to continue?';

/** The fields moby's `/build/prune` passes on to BuildKit as `field==value`. */
const DAEMON_FIELDS = ['id', 'parent', 'type', 'description', 'inuse', 'shared', 'private'];

export interface BuildkitPruneInfo {
  /** KeepDuration in ns (0: none) and the Go duration text it came from */
  keepDuration: number;
  keepText: string;
  /** the filters as field → value, `until`/`unused-for` left out */
  fields: [string, string][];
}

/** toBuildkitPruneInfo (buildx): one value a key, `until` a Go duration. Throws the error text. */
export function toBuildkitPruneInfo(filters: readonly FilterArg[]): BuildkitPruneInfo {
  const byKey = new Map<string, string[]>();
  for (const f of filters) {
    const vs = byKey.get(f.name) ?? [];
    // filters.Args keeps each value once
    if (!vs.includes(f.value)) vs.push(f.value);
    byKey.set(f.name, vs);
  }
  const until = byKey.get('until') ?? [];
  const unusedFor = byKey.get('unused-for') ?? [];
  if (until.length > 0 && unusedFor.length > 0)
    throw new Error('conflicting filters "until" and "unused-for"');
  const untilKey = unusedFor.length > 0 ? 'unused-for' : 'until';
  const values = [...until, ...unusedFor];
  let keepDuration = 0;
  if (values.length > 1) throw new Error('filters expect only one value');
  if (values.length === 1) {
    try {
      keepDuration = parseGoDuration(values[0]!);
    } catch (err) {
      if (!(err instanceof DurationError)) throw err;
      throw new Error(`"${untilKey}" filter expects a duration (e.g., '24h'): ${err.message}`, {
        cause: err,
      });
    }
  }
  const fields: [string, string][] = [];
  for (const [key, vs] of byKey) {
    if (key === untilKey) continue;
    if (vs.length > 1) throw new Error('filters expect only one value');
    fields.push([key, vs[0] ?? '']);
  }
  return { keepDuration, keepText: values[0] ?? '', fields };
}

/** promptForConfirmation: `msg [y/N] `, one line of stdin, "y" in any case is yes. */
async function prompt(cli: DockerCli, message: string): Promise<boolean> {
  cli.out.write(`${message} [y/N] `);
  let line = '';
  for (;;) {
    const chunk = await cli.in.read();
    if (chunk === null) break;
    line += chunk;
    if (line.includes('\n')) break;
  }
  return line.split('\n')[0]!.replace(/\r$/, '').toLowerCase() === 'y';
}

/** A record of `/system/df` as the CLI decodes it (moby tags Parents `" Parents"`). */
type WireRecord = BuildCacheRecord & { ' Parents'?: string[] };

const timeOf = (s: string) => parseRFC3339(s).epochMillis();

async function runPrune(cli: DockerCli, flags: FlagValues): Promise<number | void> {
  const all = flags.bool('all');
  const filters = flags
    .get<(FilterArg | undefined)[]>('filter')
    .filter((f): f is FilterArg => f !== undefined);
  let pi: BuildkitPruneInfo;
  try {
    pi = toBuildkitPruneInfo(filters);
  } catch (err) {
    throw new StatusError(`ERROR: ${(err as Error).message}`, 1);
  }
  for (const [key] of pi.fields) {
    if (key.endsWith('!') || key.endsWith('~'))
      throw new StatusError(
        `ERROR: the filter "${key}" (BuildKit's != and ~=) is not simulated in Dockyard`,
        1,
      );
  }
  if (!flags.bool('force') && !(await prompt(cli, all ? ALL_CACHE_WARNING : NORMAL_WARNING))) return 0;

  const verbose = flags.bool('verbose');
  const reserved = flags.get<number>('reserved-space') || flags.get<number>('keep-storage');
  const tw = new TabWriter(1, 8, 1, '\t', 0);
  let total = 0;
  // a key BuildKit's records have no field for matches none of them
  if (pi.fields.every(([k]) => DAEMON_FIELDS.includes(k))) {
    let records: WireRecord[];
    let report: BuildCachePruneReport;
    try {
      const du = await cli.client.get<DiskUsage>('/system/df', { type: 'build-cache' });
      records = (du.BuildCache ?? []) as WireRecord[];
      const sent: [string, string][] = [...pi.fields];
      if (pi.keepDuration !== 0) sent.push(['until', pi.keepText]);
      report = await cli.client.post<BuildCachePruneReport>('/build/prune', {
        all: all || undefined,
        filters: encodeFilters(sent),
        'reserved-space': reserved || undefined,
        'max-used-space': flags.get<number>('max-used-space') || undefined,
        'min-free-space': flags.get<number>('min-free-space') || undefined,
      });
    } catch (err) {
      if (err instanceof ApiClientError) throw new StatusError(`ERROR: ${err.daemonMessage}`, 1);
      throw err;
    }
    const now = cli.now();
    let first = true;
    for (const id of report.CachesDeleted ?? []) {
      const r = records.find((x) => x.ID === id);
      if (!r) continue;
      total += r.Size;
      const mutable = r.Type === 'source.local' || r.Type === 'exec.cachemount';
      const lastUsed = r.LastUsedAt ? humanDuration(now - timeOf(r.LastUsedAt)) + ' ago' : '';
      if (verbose) {
        const kv = (k: string, v: string | number | boolean) => tw.write(`${k}:\t${v}\n`);
        kv('ID', r.ID);
        const parents = r[' Parents'] ?? r.Parents ?? [];
        if (parents.length > 0) kv('Parent', parents.join(','));
        kv('Created at', formatGoTime(timeOf(r.CreatedAt)));
        kv('Mutable', mutable);
        // the records BuildKit streams as it removes them carry no Shared or type
        kv('Reclaimable', true);
        kv('Shared', false);
        kv('Size', humanSize(r.Size));
        if (r.Description) kv('Description', r.Description);
        kv('Usage count', r.UsageCount);
        if (lastUsed) kv('Last used', lastUsed);
        tw.write('\n');
        cli.out.write(tw.flush());
        continue;
      }
      if (first) tw.write('ID\tRECLAIMABLE\tSIZE\tLAST ACCESSED\n');
      first = false;
      const id40 = (r.ID + (mutable ? '*' : '')).padEnd(40);
      tw.write(`${id40}\t${'true '}\t${humanSize(r.Size).padEnd(10)}\t${lastUsed}\n`);
      cli.out.write(tw.flush());
    }
  }
  const totalTw = new TabWriter(1, 8, 1, '\t', 0);
  totalTw.write(`Total:\t${humanSize(total)}\n`);
  cli.out.write(totalTw.flush());
}
