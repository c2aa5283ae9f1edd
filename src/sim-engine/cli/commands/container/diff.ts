/**
 * `docker container diff`, `docker diff` — docker/cli cli/command/container/diff.go (v28.5.2).
 */

import type { FilesystemChange } from '../../../api/types/container.ts';
import { type CommandSpec, exactArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import { marshalContext, writeFormatted } from '../../formatter/formatter.ts';
import { objectPath } from '../../../api/client.ts';

export const diffCommand: CommandSpec = {
  use: 'diff CONTAINER',
  short: "Inspect changes to files or directories on a container's filesystem",
  args: exactArgs(1),
  annotations: { aliases: 'docker container diff, docker diff' },
  run: runDiff,
};

// ---------------------------------------------------------------------------
// docker/cli container/diff.go runDiff and formatter_diff.go

const KINDS = ['C', 'A', 'D'] as const;

async function runDiff(cli: DockerCli, _flags: FlagValues, args: string[]): Promise<void> {
  const changes = await cli.client.get<FilesystemChange[] | null>(
    objectPath('container', args[0]!, '/changes'),
  );
  writeFormatted(
    cli.out,
    '{{.Type}} {{.Path}}',
    { Type: 'CHANGE TYPE', Path: 'PATH' },
    (changes ?? []).map((c) => new DiffContext(c)),
  );
}

/** The methods a diff row offers a template. */
class DiffContext {
  readonly #c: FilesystemChange;
  constructor(c: FilesystemChange) {
    this.#c = c;
  }
  MarshalJSON(): string {
    return marshalContext(this);
  }
  Type(): string {
    return KINDS[this.#c.Kind] ?? '';
  }
  Path(): string {
    return this.#c.Path;
  }
}
