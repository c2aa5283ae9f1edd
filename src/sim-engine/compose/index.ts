/**
 * compose/: compose files for `docker stack deploy` (and, one day, `docker compose`) —
 * docker/cli's cli/compose: parse (yaml/), interpolate, validate (schema/), load into
 * types (loader/), and convert to Engine API specs (convert/). Nothing here talks to a
 * daemon or reads a file itself: the caller passes a LoadHost and, for secrets and
 * configs, an ObjectResolver. See README.md.
 */
export { parseYAML, NotAMappingError, YamlError, type Dict } from './yaml/index.ts';
export {
  ForbiddenPropertiesError,
  load,
  LoadError,
  schemaVersion,
  serviceProperties,
  unsupportedProperties,
  type LoadOptions,
} from './loader/load.ts';
export { absPath, goClean, type LoadHost } from './loader/host.ts';
export {
  DEPRECATED_PROPERTIES,
  FORBIDDEN_PROPERTIES,
  UNSUPPORTED_PROPERTIES,
  type Config,
  type ConfigDetails,
  type ConfigFile,
  type ServiceConfig,
} from './types.ts';
export {
  addStackLabel,
  convertConfigs,
  convertNetworks,
  convertSecrets,
  LABEL_IMAGE,
  LABEL_NAMESPACE,
  Namespace,
  type NetworkCreateOptions,
} from './convert/compose.ts';
export { convertServices, type ObjectResolver } from './convert/service.ts';
export { marshalConfig } from './config-yaml.ts';
