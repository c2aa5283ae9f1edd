/**
 * docker/cli's builder forwarding (cmd/docker/builder.go processBuilder): before
 * parsing flags, `docker build`, `docker image build` and `docker builder build`
 * become `docker buildx build`, and `docker builder prune` `docker buildx prune`, when
 * buildx is installed — and in a Docker 28 lab it
 * is, as in Docker's own packages. So their flags, help (`docker build --help` prints
 * buildx's) and behaviour are buildx's. `DOCKER_BUILDKIT=0` keeps docker/cli's own
 * (legacy) command, which warns that the legacy builder is deprecated.
 *
 * The `buildx` command made here is not a child of the root: `docker --help` of the
 * recorded Docker 28 lists no plugins (see docs/differences.md).
 */
import { Command, type CommandSpec, noArgs } from '../../command.ts';
import { StatusError } from '../../errors.ts';
import { buildxBuildCommand } from './build.ts';
import { buildxPruneCommand } from './prune.ts';

const buildxSpec: CommandSpec = {
  use: 'buildx',
  short: 'Docker Buildx',
  args: noArgs,
  subcommands: [buildxBuildCommand, buildxPruneCommand],
};

/** strconv.ParseBool */
function parseBool(v: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false;
  return undefined;
}

/** What each forwarded command becomes (forwardBuilder's aliases: `builder` → `buildx`). */
const FORWARDS: Record<string, string> = {
  'docker build': 'build',
  'docker image build': 'build',
  'docker builder build': 'build',
  'docker builder prune': 'prune',
};

/**
 * The command `cmd` runs as: buildx's build for the three build commands and buildx's
 * prune for `docker builder prune`, unless DOCKER_BUILDKIT turns BuildKit off. Throws docker's error for a DOCKER_BUILDKIT that
 * is not a boolean.
 */
export function forwardBuilder(cmd: Command, env: ReadonlyMap<string, string>): Command {
  const path = cmd.commandPath;
  const target = FORWARDS[path];
  if (target === undefined) return cmd;
  const v = env.get('DOCKER_BUILDKIT');
  if (v) {
    const on = parseBool(v);
    if (on === undefined) {
      throw new StatusError(
        `DOCKER_BUILDKIT environment variable expects boolean value: strconv.ParseBool: parsing "${v}": invalid syntax`,
        1,
      );
    }
    if (!on) return cmd;
  }
  const buildx = new Command(buildxSpec, cmd.root);
  return buildx.children.find((c) => c.name === target)!;
}
