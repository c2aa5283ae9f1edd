/**
 * `docker commit`, `docker container commit` — docker/cli cli/command/container/commit.go (v28.5.2).
 */

import type { CommitResponse } from '../../../api/types/image.ts';
import { parseNormalizedNamed } from '../../../images/reference.ts';
import { type CommandSpec, requiresRangeArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { CliError } from '../../errors.ts';
import type { FlagValues } from '../../flags.ts';

export const commitCommand: CommandSpec = {
  use: 'commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]',
  short: "Create a new image from a container's changes",
  args: requiresRangeArgs(1, 2),
  interspersed: false,
  annotations: { aliases: 'docker container commit, docker commit' },
  flags: [
    {
      name: 'author',
      shorthand: 'a',
      type: 'string',
      usage: 'Author (e.g., "John Hannibal Smith <hannibal@a-team.com>")',
    },
    {
      name: 'change',
      shorthand: 'c',
      type: 'list',
      usage: 'Apply Dockerfile instruction to the created image',
    },
    { name: 'message', shorthand: 'm', type: 'string', usage: 'Commit message' },
    { name: 'pause', shorthand: 'p', type: 'bool', usage: 'Pause container during commit', defValue: 'true' },
  ],
  run: runCommit,
};

// ---------------------------------------------------------------------------
// docker/cli container/commit.go runCommit and the API client's ContainerCommit

async function runCommit(cli: DockerCli, flags: FlagValues, args: string[]): Promise<void> {
  const container = args[0]!.trim();
  if (container === '') throw new CliError('invalid container name or ID: value is empty');
  let repo = '';
  let tag = '';
  if (args[1] !== undefined && args[1] !== '') {
    const parsed = parseNormalizedNamed(args[1]);
    if (!parsed.ok) throw new CliError(parsed.error);
    if (parsed.ref.digest !== undefined)
      throw new CliError('refusing to create a tag with a digest reference');
    repo = `${parsed.ref.domain}/${parsed.ref.path}`;
    tag = parsed.ref.tag ?? 'latest';
  }
  const changes = flags.list('change');
  const res = await cli.client.post<CommitResponse>('/commit', {
    container,
    repo,
    tag,
    comment: flags.string('message'),
    author: flags.string('author'),
    // Differs from Docker: the form repeats `changes`; one newline-joined value here
    changes: changes.length > 0 ? changes.join('\n') : undefined,
    pause: flags.bool('pause') ? undefined : '0',
  });
  cli.out.write(res.Id + '\n');
}
