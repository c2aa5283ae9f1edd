/**
 * `docker image pull`, `docker pull` — docker/cli cli/command/image/pull.go (v28.5.2).
 */

import { canonicalString, parseNormalizedNamed, type Reference } from '../../../images/reference.ts';
import { type CommandSpec, exactArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { CliError } from '../../errors.ts';
import { registryAuthFor } from '../registry/config-file.ts';
import type { FlagValues } from '../../flags.ts';
import { displayJSONMessages, JSONMessageError } from '../../jsonmessage.ts';

export const pullCommand: CommandSpec = {
  use: 'pull [OPTIONS] NAME[:TAG|@DIGEST]',
  short: 'Download an image from a registry',
  args: exactArgs(1),
  annotations: { aliases: 'docker image pull, docker pull', 'category-top': '5' },
  flags: [
    { name: 'all-tags', shorthand: 'a', type: 'bool', usage: 'Download all tagged images in the repository' },
    { name: 'disable-content-trust', type: 'bool', usage: 'Skip image verification', defValue: 'true' },
    {
      name: 'platform',
      type: 'string',
      usage: 'Set platform if server is multi-platform capable',
      annotations: { version: ['1.32'] },
    },
    { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Suppress verbose output' },
  ],
  run: runPull,
};

// ---------------------------------------------------------------------------
// docker/cli image/pull.go runPull (content trust off, as by default)

async function runPull(cli: DockerCli, flags: FlagValues, args: string[]): Promise<void> {
  const all = flags.bool('all-tags');
  const quiet = flags.bool('quiet');
  const parsed = parseNormalizedNamed(args[0]!);
  if (!parsed.ok) throw new CliError(parsed.error);
  let ref = parsed.ref;
  const nameOnly = ref.tag === undefined && ref.digest === undefined;
  if (all && !nameOnly) throw new CliError("tag can't be used with --all-tags/-a");
  if (!all && nameOnly) {
    ref = { ...ref, tag: 'latest' };
    if (!quiet) cli.out.write('Using default tag: latest\n');
  }
  await pullImage(cli, ref, { all, quiet, platform: flags.string('platform') });
  cli.out.write(canonicalString(ref) + '\n');
}

/**
 * client.ImagePull and jsonstream.Display: `fromImage` is the full name, `tag` the tag
 * or digest (none for -a); the progress goes to stdout, nowhere with -q.
 */
async function pullImage(
  cli: DockerCli,
  ref: Reference,
  o: { all: boolean; quiet: boolean; platform: string },
): Promise<void> {
  const res = await cli.client.request('POST', '/images/create', {
    query: {
      fromImage: `${ref.domain}/${ref.path}`,
      tag: o.all ? undefined : (ref.digest ?? ref.tag ?? ''),
      // Differs from Docker: the catalogue has linux/amd64 images only, so any
      // platform is accepted and the amd64 image pulled.
      platform: o.platform ? o.platform.toLowerCase() : undefined,
    },
    headers: { 'X-Registry-Auth': registryAuthFor(cli, ref.domain) },
  });
  if (res.stream?.kind !== 'json') return;
  const out = o.quiet ? { write() {} } : cli.out;
  try {
    await displayJSONMessages(res.stream.messages, out, cli.outIsTerminal && !o.quiet, cli.width);
  } catch (err) {
    if (err instanceof JSONMessageError) throw new CliError(err.message);
    throw err;
  }
}
