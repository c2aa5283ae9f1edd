/**
 * A loaded Config as `docker stack config` prints it: yaml.v3 encoding docker/cli's
 * cli/compose/types structs (v28.5.2), field by field in declaration order under their
 * yaml names, with `omitempty` (a Go zero value is left out — a nil pointer here is
 * `undefined`, while a pointer to a zero struct is `{}`) and the types' own MarshalYAML:
 * Services as a map by name, External as a bool unless it has a name. The inline `x-`
 * extras come after a struct's fields, sorted. A service is config-yaml-service.ts.
 */
import type {
  Config,
  External,
  FileObjectConfig,
  NetworkConfig,
  ServiceConfig,
  VolumeConfig,
} from './types.ts';
import { service } from './config-yaml-service.ts';
import { emitDocument, type EmitNode } from './yaml/emit.ts';
import { bool, map, oBool, oMapping, oString, oStruct, seq, str, struct, withExtras } from './yaml/encode.ts';

function external(e: External): EmitNode | undefined {
  if (!e.name && !e.external) return undefined;
  return e.name ? struct([['name', str(e.name)]]) : bool(true);
}

function network(n: NetworkConfig): EmitNode {
  return withExtras(
    [
      ['name', oString(n.name)],
      ['driver', oString(n.driver)],
      ['driver_opts', oMapping(n.driverOpts)],
      [
        'ipam',
        oStruct(
          struct([
            ['driver', oString(n.ipam.driver)],
            [
              'config',
              n.ipam.config?.length
                ? seq(n.ipam.config.map((pool) => struct([['subnet', oString(pool.subnet)]])))
                : undefined,
            ],
          ]),
        ),
      ],
      ['external', external(n.external)],
      ['internal', oBool(n.internal)],
      ['attachable', oBool(n.attachable)],
      ['labels', oMapping(n.labels)],
    ],
    n.extras,
  );
}

function volumeConfig(v: VolumeConfig): EmitNode {
  return withExtras(
    [
      ['name', oString(v.name)],
      ['driver', oString(v.driver)],
      ['driver_opts', oMapping(v.driverOpts)],
      ['external', external(v.external)],
      ['labels', oMapping(v.labels)],
    ],
    v.extras,
  );
}

function fileObject(f: FileObjectConfig): EmitNode {
  return withExtras(
    [
      ['name', oString(f.name)],
      ['file', oString(f.file)],
      ['external', external(f.external)],
      ['labels', oMapping(f.labels)],
      ['driver', oString(f.driver)],
      ['driver_opts', oMapping(f.driverOpts)],
      ['template_driver', oString(f.templateDriver)],
    ],
    f.extras,
  );
}

function section<T>(m: Record<string, T>, each: (v: T) => EmitNode): EmitNode | undefined {
  return Object.keys(m).length ? map(m, each) : undefined;
}

/** The Config as a yaml.v3 node: Config has no MarshalYAML, Services has. */
export function configNode(config: Config): EmitNode {
  const services: Record<string, ServiceConfig> = {};
  for (const s of config.services) services[s.name] = s;
  return withExtras(
    [
      ['version', str(config.version)],
      ['services', map(services, service)],
      ['networks', section(config.networks, network)],
      ['volumes', section(config.volumes, volumeConfig)],
      ['secrets', section(config.secrets, fileObject)],
      ['configs', section(config.configs, fileObject)],
    ],
    config.extras,
  );
}

/** outputConfig: yaml.NewEncoder with SetIndent(2), one document. */
export function marshalConfig(config: Config): string {
  return emitDocument(configNode(config), 2);
}
