/**
 * loader.Load (docker/cli cli/compose/loader/loader.go): each file's dict is checked for
 * forbidden keys, interpolated, validated against the schema of its version, and decoded
 * into a Config; later files are merged over earlier ones. Every file must have the
 * same version (a missing one, or `"3"`, is 3.13).
 */
import { interpolate } from '../interpolate.ts';
import { schemaFor } from '../schema/schema.ts';
import { validateAgainst } from '../schema/validate.ts';
import { FORBIDDEN_PROPERTIES, type Config, type ConfigDetails, type ServiceConfig } from '../types.ts';
import { isDict, type YamlValue } from '../yaml/index.ts';
import { goString, type Dict } from './decoder.ts';
import type { LoadHost } from './host.ts';
import { merge } from './merge.ts';
import { loadFileObjects, loadNetworks, loadVolumes } from './sections.ts';
import { extras, loadService } from './service.ts';

const DEFAULT_VERSION = '3.13';

function normalizeVersion(version: string): string {
  return version === '' || version === '3' ? DEFAULT_VERSION : version;
}

/** schema.Version: the file's `version`, printed as Go's %v does, or 3.13. */
export function schemaVersion(config: Dict): string {
  if (!Object.hasOwn(config, 'version')) return DEFAULT_VERSION;
  const v = config['version'] as YamlValue;
  return normalizeVersion(v === null ? '<nil>' : typeof v === 'string' ? v : goString(v));
}

/** ForbiddenPropertiesError: the forbidden keys the services use, with why. */
export class ForbiddenPropertiesError extends Error {
  readonly properties: Record<string, string>;
  constructor(properties: Record<string, string>) {
    super('Configuration contains forbidden properties');
    this.properties = properties;
  }
}

function servicesOf(config: Dict): Dict {
  const s = config['services'];
  return isDict(s) ? s : (Object.create(null) as Dict);
}

/** getProperties: which of the listed keys any service sets. */
export function serviceProperties(configs: Dict[], names: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const config of configs)
    for (const service of Object.values(servicesOf(config)))
      if (isDict(service))
        for (const [name, description] of Object.entries(names))
          if (Object.hasOwn(service, name)) out[name] = description;
  return out;
}

/** GetUnsupportedProperties: sorted. */
export function unsupportedProperties(configs: Dict[], names: readonly string[]): string[] {
  const found = new Set<string>();
  for (const config of configs)
    for (const service of Object.values(servicesOf(config)))
      if (isDict(service)) for (const name of names) if (Object.hasOwn(service, name)) found.add(name);
  return [...found].sort();
}

export interface LoadOptions {
  skipInterpolation?: boolean;
  skipValidation?: boolean;
}

export class LoadError extends Error {}

export function load(details: ConfigDetails, host: LoadHost, options: LoadOptions = {}): Config {
  if (details.configFiles.length < 1) throw new LoadError('No files specified');
  let version = details.version;
  const lookup = (name: string): [string, boolean] => {
    const v = details.environment.get(name);
    return [v ?? '', v !== undefined];
  };
  const configs: Config[] = [];
  for (const file of details.configFiles) {
    let dict = file.config;
    const v = schemaVersion(dict);
    if (version === '') version = v;
    if (version !== v)
      throw new LoadError(`version mismatched between two composefiles : ${version} and ${v}`);
    const forbidden = serviceProperties([dict], FORBIDDEN_PROPERTIES);
    if (Object.keys(forbidden).length) throw new ForbiddenPropertiesError(forbidden);
    if (!options.skipInterpolation) dict = interpolate(dict, lookup);
    if (!options.skipValidation) {
      const schema = schemaFor(normalizeVersion(version));
      if (!schema) throw new LoadError(`unsupported Compose file version: ${normalizeVersion(version)}`);
      validateAgainst(schema, dict);
    }
    const config = loadSections(dict, version, host);
    config.filename = file.filename;
    configs.push(config);
  }
  return merge(configs);
}

function section(config: Dict, key: string): Dict {
  const s = config[key];
  return isDict(s) ? s : (Object.create(null) as Dict);
}

function loadSections(config: Dict, version: string, host: LoadHost): Config {
  const services: ServiceConfig[] = [];
  for (const [name, def] of Object.entries(section(config, 'services')))
    services.push(loadService(name, isDict(def) ? def : (Object.create(null) as Dict), host));
  return {
    filename: '',
    version: schemaVersion(config),
    services,
    networks: loadNetworks(section(config, 'networks'), version, host),
    volumes: loadVolumes(section(config, 'volumes'), version, host),
    secrets: loadFileObjects(section(config, 'secrets'), 'secret', version, host),
    configs: loadFileObjects(section(config, 'configs'), 'config', version, host),
    extras: extras(config),
  };
}
