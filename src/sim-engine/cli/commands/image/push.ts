/**
 * `docker image push`, `docker push` — docker/cli cli/command/image/push.go (v28.5.2).
 */

import { canonicalString, parseNormalizedNamed } from '../../../images/reference.ts';
import { type CommandSpec, exactArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { CliError } from '../../errors.ts';
import { registryAuthFor } from '../registry/config-file.ts';
import type { FlagValues } from '../../flags.ts';
import { displayJSONMessages, JSONMessageError } from '../../jsonmessage.ts';
import { imagePath } from './image-ref.ts';

export const pushCommand: CommandSpec = {
  use: 'push [OPTIONS] NAME[:TAG]',
  short: 'Upload an image to a registry',
  args: exactArgs(1),
  annotations: { aliases: 'docker image push, docker push', 'category-top': '6' },
  flags: [
    { name: 'all-tags', shorthand: 'a', type: 'bool', usage: 'Push all tags of an image to the repository' },
    { name: 'disable-content-trust', type: 'bool', usage: 'Skip image signing', defValue: 'true' },
    {
      name: 'platform',
      type: 'string',
      usage: `Push a platform-specific manifest as a single-platform image to the registry.
Image index won't be pushed, meaning that other manifests, including attestations won't be preserved.
'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)`,
      annotations: { version: ['1.46'] },
    },
    { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Suppress verbose output' },
  ],
  run: runPush,
};

// ---------------------------------------------------------------------------
// docker/cli image/push.go runPush (content trust off, as by default)

async function runPush(cli: DockerCli, flags: FlagValues, args: string[]): Promise<void> {
  const all = flags.bool('all-tags');
  const quiet = flags.bool('quiet');
  const platform = flags.string('platform');
  if (platform !== '') {
    // Differs from Docker: the platform is not checked (images are single-platform
    // here), and the note is printed plain, without the terminal's colours.
    const lines = [
      'Using --platform pushes only the specified platform manifest of a multi-platform image index.',
      'Other components, like attestations, will not be included.',
      'To push the complete multi-platform image, remove the --platform flag.',
      '',
    ];
    cli.out.write('\n Info -> ' + lines.join('\n' + ' '.repeat(9)) + '\n');
  }
  const parsed = parseNormalizedNamed(args[0]!);
  if (!parsed.ok) throw new CliError(parsed.error);
  let ref = parsed.ref;
  const nameOnly = ref.tag === undefined && ref.digest === undefined;
  if (all && !nameOnly) throw new CliError("tag can't be used with --all-tags/-a");
  if (!all && nameOnly) {
    ref = { ...ref, tag: 'latest' };
    if (!quiet) cli.out.write('Using default tag: latest\n');
  }
  // client.ImagePush
  if (ref.digest !== undefined) throw new CliError('cannot push a digest reference');
  const res = await cli.client.request('POST', `/images/${imagePath(ref.familiar)}/push`, {
    query: { tag: ref.tag },
    headers: { 'X-Registry-Auth': registryAuthFor(cli, ref.domain) },
  });
  if (res.stream?.kind !== 'json') return;
  try {
    await displayJSONMessages(
      res.stream.messages,
      quiet ? { write() {} } : cli.out,
      cli.outIsTerminal && !quiet,
      cli.width,
    );
  } catch (err) {
    if (err instanceof JSONMessageError) throw new CliError(err.message);
    throw err;
  }
  if (quiet) cli.out.write(canonicalString(ref) + '\n');
}
