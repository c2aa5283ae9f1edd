/**
 * `docker inspect` — docker/cli cli/command/system/inspect.go (v28.5.2): each name is
 * tried as a container, image, network, volume, then — on a swarm manager — service,
 * task and node, then plugin, secret and config, until one answers; `--type` asks
 * for one kind only.
 */

import { type CommandSpec, requiresMinArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import { CliError } from '../../errors.ts';
import {
  CONTAINER_TYPES,
  inspectRefs,
  lazyElement,
  rawJSON,
  typed,
  type InspectElement,
} from '../../inspect.ts';
import { ApiClientError, objectPath } from '../../../api/client.ts';
import type { ContainerInspect } from '../../../api/types/container.ts';
import type { ImageInspect } from '../../../api/types/image.ts';
import type { NetworkInspect } from '../../../api/types/network.ts';
import type { InfoResponse } from '../../../api/types/system.ts';
import type { Volume } from '../../../api/types/volume.ts';
import { imageInspectPath } from '../image/image-ref.ts';
import { typedImage } from '../image/inspect-typed.ts';
// (spelled from cli/ so the lint rule for the engine's own network/ folder does not mistake it)
import { typedNetwork } from '../../commands/network/inspect.ts';
import { VOLUME_TYPES } from '../volume/inspect.ts';
import { SERVICE_TYPES, TASK_TYPES } from '../service/inspect.ts';
import { NODE_TYPES } from '../node/inspect.ts';
import { INSPECT_FORMAT_HELP } from '../opts/flags-helper.ts';
import type { Config, Secret } from '../../../api/types/secret.ts';
import { typedObject } from '../secret/formatter.ts';

export const inspectCommand: CommandSpec = {
  use: 'inspect [OPTIONS] NAME|ID [NAME|ID...]',
  short: 'Return low-level information on Docker objects',
  args: requiresMinArgs(1),
  flags: [
    {
      name: 'format',
      shorthand: 'f',
      type: 'string',
      usage: INSPECT_FORMAT_HELP,
    },
    {
      name: 'size',
      shorthand: 's',
      type: 'bool',
      usage: 'Display total file sizes if the type is container',
    },
    { name: 'type', type: 'string', usage: 'Only inspect objects of the given type' },
  ],
  run: runInspect,
};

// ---------------------------------------------------------------------------
// docker/cli system/inspect.go

/** allTypes, in the order the error messages list them. */
const ALL_TYPES = [
  'config',
  'container',
  'image',
  'network',
  'node',
  'plugin',
  'secret',
  'service',
  'task',
  'volume',
];

/** An object as the template sees it, with the Go types `types` names. */
const typedAs = (v: unknown, types: Record<string, string>): InspectElement => ({
  typed: typed(v, types),
  raw: rawJSON(v),
});

/** Differs from Docker: plugin objects carry only their type's name. */
const untyped = (v: unknown, type: string): InspectElement => typedAs(v, { '': type });

interface Inspector {
  type: string;
  sizeSupported?: boolean;
  swarm?: boolean;
  get(cli: DockerCli, ref: string, size: boolean): Promise<InspectElement>;
}

/** inspectAutodetect, in docker's order. */
const INSPECTORS: readonly Inspector[] = [
  {
    type: 'container',
    sizeSupported: true,
    async get(cli, ref, size) {
      const c = await cli.client.get<ContainerInspect>(objectPath('container', ref, '/json'), {
        size: size || undefined,
      });
      return lazyElement(
        () => typed(c, CONTAINER_TYPES),
        () => rawJSON(c),
      );
    },
  },
  {
    type: 'image',
    async get(cli, ref) {
      const i = await cli.client.get<ImageInspect>(imageInspectPath(ref));
      return lazyElement(
        () => typedImage(i),
        () => rawJSON(i),
      );
    },
  },
  {
    type: 'network',
    async get(cli, ref) {
      const n = await cli.client.get<NetworkInspect>(objectPath('network', ref));
      return lazyElement(
        () => typedNetwork(n),
        () => rawJSON(n),
      );
    },
  },
  {
    type: 'volume',
    async get(cli, ref) {
      const v = await cli.client.get<Volume>(objectPath('volume', ref));
      // the omitempty pointers and maps are nil fields of the struct (as volume inspect)
      const full = {
        ...v,
        ClusterVolume: v.ClusterVolume ?? null,
        Status: v.Status ?? null,
        UsageData: v.UsageData ?? null,
      };
      return { typed: typed(full, VOLUME_TYPES), raw: rawJSON(v) };
    },
  },
  {
    type: 'service',
    swarm: true,
    get: async (cli, ref) =>
      typedAs(await cli.client.get(objectPath('service', ref), { insertDefaults: 'true' }), SERVICE_TYPES),
  },
  {
    type: 'task',
    swarm: true,
    get: async (cli, ref) => typedAs(await cli.client.get(objectPath('task', ref)), TASK_TYPES),
  },
  {
    type: 'node',
    swarm: true,
    get: async (cli, ref) => typedAs(await cli.client.get(objectPath('node', ref)), NODE_TYPES),
  },
  {
    type: 'plugin',
    get: async (cli, ref) =>
      untyped(await cli.client.get(objectPath('plugin', ref, '/json')), '*types.Plugin'),
  },
  {
    type: 'secret',
    swarm: true,
    get: async (cli, ref) => {
      const o = await cli.client.get<Secret>(objectPath('secret', ref));
      return lazyElement(
        () => typedObject(o, 'swarm.Secret'),
        () => rawJSON(o),
      );
    },
  },
  {
    type: 'config',
    swarm: true,
    get: async (cli, ref) => {
      const o = await cli.client.get<Config>(objectPath('config', ref, '', 'contig'));
      return lazyElement(
        () => typedObject(o, 'swarm.Config'),
        () => rawJSON(o),
      );
    },
  },
];

/** isErrSkippable: not found, not supported, or not a reference at all. */
function isSkippable(err: unknown): boolean {
  if (err instanceof ApiClientError && err.isNotFound) return true;
  const message = err instanceof Error ? err.message : String(err);
  return message.includes('not supported') || message.includes('invalid reference format');
}

async function runInspect(cli: DockerCli, flags: FlagValues, args: string[]): Promise<void> {
  const type = flags.string('type');
  const size = flags.bool('size');
  const list = `"${ALL_TYPES.join('", "')}"`;
  if (flags.has('type') && type === '') throw new CliError(`type is empty: must be one of ${list}`);
  if (type !== '' && !ALL_TYPES.includes(type))
    throw new CliError(`unknown type: "${type}": must be one of ${list}`);

  /** isSwarmManager: an Info call; its error is printed and counts as "no". */
  const isSwarmManager = async () => {
    try {
      return (await cli.client.get<InfoResponse>('/info')).Swarm.ControlAvailable;
    } catch (err) {
      cli.err.write((err instanceof Error ? err.message : String(err)) + '\n');
      return false;
    }
  };

  await inspectRefs(cli.out, args, flags.string('format'), async (ref) => {
    let swarmSupported: boolean | undefined;
    for (const inspector of INSPECTORS) {
      if (type !== '' && inspector.type !== type) continue;
      if (type === '' && inspector.swarm) {
        swarmSupported ??= await isSwarmManager();
        if (!swarmSupported) continue;
      }
      let element: InspectElement;
      try {
        element = await inspector.get(cli, ref, size);
      } catch (err) {
        if (type === '' && isSkippable(err)) continue;
        throw err;
      }
      if (size && !inspector.sizeSupported) cli.err.write(`WARNING: --size ignored for ${inspector.type}\n`);
      return element;
    }
    throw new Error(`Error: No such object: ${ref}`);
  });
}
