/**
 * `docker image inspect` — docker/cli cli/command/image/inspect.go (v28.5.2).
 */

import type { ImageInspect } from '../../../api/types/image.ts';
import { type CommandSpec, requiresMinArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import { inspectRefs, lazyElement, rawJSON } from '../../inspect.ts';
import { imageInspectPath } from './image-ref.ts';
import { typedImage } from './inspect-typed.ts';
import { INSPECT_FORMAT_HELP } from '../opts/flags-helper.ts';

export const inspectCommand: CommandSpec = {
  use: 'inspect [OPTIONS] IMAGE [IMAGE...]',
  short: 'Display detailed information on one or more images',
  args: requiresMinArgs(1),
  flags: [
    {
      name: 'format',
      shorthand: 'f',
      type: 'string',
      usage: INSPECT_FORMAT_HELP,
    },
    {
      name: 'platform',
      type: 'string',
      usage: `Inspect a specific platform of the multi-platform image.
If the image or the server is not multi-platform capable, the command will error out if the platform does not match.
'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)`,
      annotations: { version: ['1.49'] },
    },
  ],
  run: runInspect,
};

// ---------------------------------------------------------------------------
// docker/cli image/inspect.go runInspect

async function runInspect(cli: DockerCli, flags: FlagValues, args: string[]): Promise<void> {
  // Differs from Docker: images are single-platform here, so --platform is not sent.
  await inspectRefs(cli.out, args, flags.string('format'), async (ref) => {
    const raw = await cli.client.get<ImageInspect>(imageInspectPath(ref));
    return lazyElement(
      () => typedImage(raw),
      () => rawJSON(raw),
    );
  });
}
