/**
 * `docker volume inspect` — docker/cli cli/command/volume/inspect.go (v28.5.2).
 */

import type { Volume } from '../../../api/types/volume.ts';
import { type CommandSpec, requiresMinArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import { inspectRefs, rawJSON, typed } from '../../inspect.ts';
import { objectPath } from '../../../api/client.ts';
import { INSPECT_FORMAT_HELP } from '../opts/flags-helper.ts';

export const inspectCommand: CommandSpec = {
  use: 'inspect [OPTIONS] VOLUME [VOLUME...]',
  short: 'Display detailed information on one or more volumes',
  args: requiresMinArgs(1),
  flags: [
    {
      name: 'format',
      shorthand: 'f',
      type: 'string',
      usage: INSPECT_FORMAT_HELP,
    },
  ],
  run: runInspect,
};

// ---------------------------------------------------------------------------
// docker/cli volume/inspect.go runInspect

/** Go types inside volume.Volume. */
export const VOLUME_TYPES: Record<string, string> = {
  '': 'volume.Volume',
  ClusterVolume: '*volume.ClusterVolume',
  Labels: 'map[string]string',
  Options: 'map[string]string',
  Status: 'map[string]interface {}',
  UsageData: '*volume.UsageData',
};

async function runInspect(cli: DockerCli, flags: FlagValues, args: string[]): Promise<void> {
  await inspectRefs(cli.out, args, flags.string('format'), async (ref) => {
    const v = await cli.client.get<Volume>(objectPath('volume', ref));
    // the omitempty pointers and maps are nil fields of the struct
    const full = {
      ...v,
      ClusterVolume: v.ClusterVolume ?? null,
      Status: v.Status ?? null,
      UsageData: v.UsageData ?? null,
    };
    // volume inspect gives docker no raw bytes: no fallback to them on a template error
    return { typed: typed(full, VOLUME_TYPES), raw: rawJSON(v), noRawFallback: true };
  });
}
