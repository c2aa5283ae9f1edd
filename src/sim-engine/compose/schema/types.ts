/**
 * The JSON-Schema (draft 4) subset docker/cli's compose schemas use, as data. A schema
 * here is built once per file version by schema.ts; validate.ts walks it the way
 * gojsonschema v1.2.0 does.
 */
export type JsonType = 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';

export interface Schema {
  type?: JsonType[];
  properties?: Record<string, Schema>;
  /** Go regexps (unanchored, as regexp.MatchString runs them) with their schemas */
  patternProperties?: [RegExp, Schema][];
  /** false forbids other keys; undefined allows them */
  additionalProperties?: false | Schema;
  required?: string[];
  items?: Schema;
  uniqueItems?: boolean;
  oneOf?: Schema[];
  anyOf?: Schema[];
  /** allowed values, JSON-encoded as gojsonschema keeps them (`"start-first"`) */
  enum?: string[];
  format?: 'ports' | 'duration' | 'expose';
  minimum?: number;
}
