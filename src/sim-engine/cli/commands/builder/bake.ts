/**
 * `docker bake` — docker/cli cli/command/builder/cmd.go newBakeStubCommand (v28.5.2): a
 * stub that stands for `docker buildx bake`.
 */
import type { CommandSpec } from '../../command.ts';
import { StatusError } from '../../errors.ts';

export const bakeStubCommand: CommandSpec = {
  use: 'bake [OPTIONS] [TARGET...]',
  short: 'Build from a file',
  annotations: { aliases: 'docker buildx bake', 'category-top': '5', version: '1.31' },
  // Differs from the spec docker registers: docker hides the stub at help time when the
  // buildx plugin is missing (cmd/docker setHelpFunc), and Dockyard never has buildx.
  hidden: true,
  run: runBake,
};

// ---------------------------------------------------------------------------
// What the command does: without buildx, docker's alias processing sends `docker bake`
// to the missing plugin and prints this, exit 1 (for `docker bake --help` too, which
// main.ts does not route here yet).

function runBake(): Promise<number> {
  return Promise.reject(
    new StatusError(
      'ERROR: docker bake requires the buildx component but it is missing or broken.\n' +
        '       Install the buildx component to use bake:\n' +
        '       https://docs.docker.com/go/buildx/',
      1,
    ),
  );
}
