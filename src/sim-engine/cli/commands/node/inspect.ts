/**
 * `docker node inspect` — docker/cli cli/command/node/inspect.go (v28.5.2).
 */

import { type CommandSpec, requiresMinArgs } from '../../command.ts';
import { objectPath } from '../../../api/client.ts';
import type { Node } from '../../../api/types/swarm.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { CliError, StatusError } from '../../errors.ts';
import type { FlagValues } from '../../flags.ts';
import { inspectRefs, lazyElement, rawJSON, typed } from '../../inspect.ts';
import { prettyNode } from './formatter.ts';
import { nodeReference } from './reference.ts';
import { INSPECT_FORMAT_HELP } from '../opts/flags-helper.ts';

export const inspectCommand: CommandSpec = {
  use: 'inspect [OPTIONS] self|NODE [NODE...]',
  short: 'Display detailed information on one or more nodes',
  args: requiresMinArgs(1),
  flags: [
    {
      name: 'format',
      shorthand: 'f',
      type: 'string',
      usage: INSPECT_FORMAT_HELP,
    },
    { name: 'pretty', type: 'bool', usage: 'Print the information in a human friendly format' },
  ],
  run: runInspect,
};

// ---------------------------------------------------------------------------
// docker/cli node/inspect.go runInspect

/** The Go type a template on a node runs on (described in api/go-structs/). */
export const NODE_TYPES: Record<string, string> = { '': 'swarm.Node' };

async function fetchNode(cli: DockerCli, ref: string): Promise<Node> {
  return cli.client.get<Node>(objectPath('node', await nodeReference(cli, ref)));
}

async function runInspect(cli: DockerCli, flags: FlagValues, args: string[]): Promise<void> {
  let format = flags.string('format');
  if (flags.bool('pretty')) format = 'pretty';
  if (format.startsWith('pretty') && format !== 'pretty')
    throw new CliError('cannot supply extra formatting options to the pretty template');
  if (format !== 'pretty') {
    await inspectRefs(cli.out, args, format, async (ref) => {
      const n = await fetchNode(cli, ref);
      // inspect.go's getRef returns no raw bytes (NodeInspectWithRaw's are dropped), so a
      // template runs on the typed swarm.Node — every field of it: `{{.ManagerStatus}}` of
      // a worker is <nil>, `.ManagerStatus.Leader` of a follower false — and one that
      // fails is an error, with no raw-map fallback; the JSON output is the struct
      // marshalled again
      return lazyElement(
        () => typed(n, NODE_TYPES),
        () => rawJSON(typed(n, NODE_TYPES)),
        true,
      );
    });
    return;
  }
  for (const ref of args) {
    let n: Node;
    try {
      n = await fetchNode(cli, ref);
    } catch (err) {
      throw new StatusError((err as Error).message, 1);
    }
    cli.out.write(prettyNode(n) + '\n');
  }
}
