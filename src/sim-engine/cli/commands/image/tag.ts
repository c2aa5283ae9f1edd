/**
 * `docker image tag`, `docker tag` — docker/cli cli/command/image/tag.go (v28.5.2).
 */

import { parseNormalizedNamed } from '../../../images/reference.ts';
import { type CommandSpec, exactArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { CliError } from '../../errors.ts';
import type { FlagValues } from '../../flags.ts';
import { imagePath, parseAnyReference } from './image-ref.ts';

export const tagCommand: CommandSpec = {
  use: 'tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]',
  short: 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE',
  args: exactArgs(2),
  interspersed: false,
  annotations: { aliases: 'docker image tag, docker tag' },
  run: runTag,
};

// ---------------------------------------------------------------------------
// docker/cli image/tag.go runTag and the API client's ImageTag

async function runTag(cli: DockerCli, _flags: FlagValues, args: string[]): Promise<void> {
  const [source, target] = args as [string, string];
  const src = parseAnyReference(source);
  if (!src.ok)
    throw new CliError(`Error parsing reference: "${source}" is not a valid repository/tag: ${src.error}`);
  const parsed = parseNormalizedNamed(target);
  if (!parsed.ok)
    throw new CliError(`Error parsing reference: "${target}" is not a valid repository/tag: ${parsed.error}`);
  const ref = parsed.ref;
  if (ref.digest !== undefined) throw new CliError('refusing to create a tag with a digest reference');
  await cli.client.request('POST', `/images/${imagePath(source)}/tag`, {
    query: { repo: `${ref.domain}/${ref.path}`, tag: ref.tag ?? 'latest' },
  });
}
