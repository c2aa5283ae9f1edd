/**
 * `docker container inspect` — docker/cli cli/command/container/inspect.go (v28.5.2).
 */

import { type CommandSpec, requiresMinArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import type { ContainerInspect } from '../../../api/types/container.ts';
import { CONTAINER_TYPES, inspectRefs, lazyElement, rawJSON, typed } from '../../inspect.ts';
import { objectPath } from '../../../api/client.ts';
import { INSPECT_FORMAT_HELP } from '../opts/flags-helper.ts';

export const inspectCommand: CommandSpec = {
  use: 'inspect [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Display detailed information on one or more containers',
  args: requiresMinArgs(1),
  flags: [
    {
      name: 'format',
      shorthand: 'f',
      type: 'string',
      usage: INSPECT_FORMAT_HELP,
    },
    { name: 'size', shorthand: 's', type: 'bool', usage: 'Display total file sizes' },
  ],
  run: runInspect,
};

// ---------------------------------------------------------------------------
// docker/cli container/inspect.go

async function runInspect(cli: DockerCli, flags: FlagValues, args: string[]): Promise<void> {
  await inspectRefs(cli.out, args, flags.string('format'), async (ref) => {
    const c = await cli.client.get<ContainerInspect>(objectPath('container', ref, '/json'), {
      size: flags.bool('size') || undefined,
    });
    return lazyElement(
      () => typed(c, CONTAINER_TYPES),
      () => rawJSON(c),
    );
  });
}
