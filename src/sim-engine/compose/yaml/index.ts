/**
 * The YAML layer of the compose loader: gopkg.in/yaml.v3 as docker/cli uses it.
 * `parseYAML` is loader.ParseYAML (cli/compose/loader/loader.go).
 */
import { unmarshalYAML, type YamlValue } from './decode.ts';

export { YamlError } from './errors.ts';
export type { YamlValue } from './decode.ts';
export type { YamlScalar } from './resolve.ts';
export { unmarshalYAML };

/** A compose dict: the top-level mapping of a file. */
export type Dict = { [key: string]: YamlValue };

export class NotAMappingError extends Error {
  constructor() {
    super('top-level object must be a mapping');
  }
}

/** loader.ParseYAML: the file's top-level mapping, string keys only. */
export function parseYAML(source: string): Dict {
  const cfg = unmarshalYAML(source);
  if (!isDict(cfg)) throw new NotAMappingError();
  return cfg;
}

/** A string-keyed YAML mapping (Go's map[string]interface{}). */
export function isDict(v: unknown): v is Dict {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === null;
}
