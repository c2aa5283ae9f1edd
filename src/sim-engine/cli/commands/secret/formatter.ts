/**
 * `docker secret ls` rows and `docker secret inspect --pretty` (docker/cli v28.5.2
 * cli/command/secret/formatter.go): the secretContext a `--format` template calls, the
 * default table, the pretty template (run by the same template engine, its spaces are
 * docker's), and the typed swarm.Secret an inspect template sees.
 */
import type { Secret } from '../../../api/types/secret.ts';
import type { HeaderMap } from '../../formatter/formatter.ts';
import { typed } from '../../inspect.ts';
import { ObjectContext, ObjectInspectContext, objectFormat } from './formatter-objects.ts';

const DEFAULT_TABLE = 'table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.CreatedAt}}\t{{.UpdatedAt}}';

/** secretInspectPrettyTemplate */
export const SECRET_PRETTY = `ID:              {{.ID}}
Name:              {{.Name}}
{{- if .Labels }}
Labels:
{{- range $k, $v := .Labels }}
 - {{ $k }}{{if $v }}={{ $v }}{{ end }}
{{- end }}{{ end }}
Driver:            {{.Driver}}
Created at:        {{.CreatedAt}}
Updated at:        {{.UpdatedAt}}`;

/** newFormat */
export function secretFormat(source: string, quiet: boolean): string {
  return objectFormat(source, quiet, SECRET_PRETTY, DEFAULT_TABLE);
}

export const SECRET_HEADER: HeaderMap = {
  ID: 'ID',
  Name: 'NAME',
  Driver: 'DRIVER',
  CreatedAt: 'CREATED',
  UpdatedAt: 'UPDATED',
  Labels: 'LABELS',
};

/** secretContext: one row of `docker secret ls` (the shared methods: formatter-objects.ts) */
export class SecretContext extends ObjectContext {
  readonly #s: Secret;

  constructor(s: Secret, now: number) {
    super(s, now, '*secret.secretContext');
    this.#s = s;
  }

  Driver(): string {
    return this.#s.Spec.Driver?.Name ?? '';
  }
}

/** secretInspectContext: what the pretty template reads */
export class SecretInspectContext extends ObjectInspectContext {
  readonly #s: Secret;

  constructor(s: Secret) {
    super(s, '*secret.secretInspectContext');
    this.#s = s;
  }

  Driver(): string {
    return this.#s.Spec.Driver?.Name ?? '';
  }
}

/**
 * swarm.Secret or swarm.Config as a template sees it, every field of the Go struct
 * (api/go-structs/swarm-secret.ts): times are time.Time, labels and driver options
 * maps, the version a Stringer, Data a []byte, absent pointers nil.
 */
export function typedObject<T extends { Version: { Index: number }; Spec: object }>(
  o: T,
  type: 'swarm.Secret' | 'swarm.Config',
): unknown {
  return typed(o, { '': type });
}
