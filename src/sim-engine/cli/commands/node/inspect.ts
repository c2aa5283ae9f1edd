/**
 * `docker node inspect` — docker/cli cli/command/node/inspect.go (v28.5.2).
 */

import { type CommandSpec, requiresMinArgs } from '../../command.ts';
import { objectPath } from '../../../api/client.ts';
import type { Node } from '../../../api/types/swarm.ts';
import { parseRFC3339 } from '../../../golang/time.ts';
import { nilOf } from '../../../golang/values.ts';
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

/** Go types inside swarm.Node. */
const NODE_TYPES: Record<string, string> = {
  '': 'swarm.Node',
  'Spec.Labels': 'map[string]string',
  'Description.Engine.Labels': 'map[string]string',
};

/**
 * The omitempty fields the daemon's JSON leaves out are still fields of the Go struct a
 * template runs on: put their zero values back, hidden, so that `{{.ManagerStatus}}` of a
 * worker prints <nil> and `{{.ManagerStatus.Leader}}` of a follower prints false (as
 * swarm.Node in moby api/types/swarm/node.go), while `{{json .}}` still omits them.
 * Differs from Docker: being hidden, they are left out where a template prints a whole
 * struct (`{{.ManagerStatus}}` of a follower; docs/differences.md).
 */
function zeroFields(t: Record<string, unknown>): void {
  const hide = (obj: unknown, key: string, value: unknown) => {
    if (obj === null || typeof obj !== 'object' || key in obj) return;
    Object.defineProperty(obj, key, { value, enumerable: false, configurable: true });
  };
  const at = (path: string): unknown =>
    path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], t);
  hide(t, 'ManagerStatus', nilOf('*swarm.ManagerStatus'));
  hide(at('ManagerStatus'), 'Leader', false);
  hide(at('Spec'), 'Name', '');
  hide(at('Status'), 'Message', '');
  hide(at('Status'), 'Addr', '');
  hide(at('Description'), 'CSIInfo', nilOf('[]swarm.NodeCSIInfo'));
  hide(at('Description.Resources'), 'GenericResources', nilOf('[]swarm.GenericResource'));
  hide(at('Description.Engine'), 'Labels', nilOf('map[string]string'));
  hide(at('Description.Engine'), 'Plugins', nilOf('[]swarm.PluginDescription'));
}

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
      const element = lazyElement(
        () => {
          const t = typed(n, NODE_TYPES) as unknown as Record<string, unknown>;
          t['CreatedAt'] = parseRFC3339(n.CreatedAt);
          t['UpdatedAt'] = parseRFC3339(n.UpdatedAt);
          zeroFields(t);
          return t;
        },
        () => rawJSON(n),
      );
      // inspect.go's getRef returns no raw bytes (NodeInspectWithRaw's are dropped), so a
      // template that fails on the typed swarm.Node is an error, with no raw-map fallback
      element.noRawFallback = true;
      return element;
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
