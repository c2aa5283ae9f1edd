/**
 * `docker secret ls` rows and `docker secret inspect --pretty` (docker/cli v28.5.2
 * cli/command/secret/formatter.go): the secretContext a `--format` template calls, the
 * default table, the pretty template (run by the same template engine, its spaces are
 * docker's), and the typed swarm.Secret an inspect template sees.
 */
import type { Secret } from '../../../api/types/secret.ts';
import { prettyPrint } from '../../../golang/display-utils.ts';
import { parseRFC3339 } from '../../../golang/time.ts';
import { humanDuration } from '../../../golang/units.ts';
import { goMap, withGoType } from '../../../golang/values.ts';
import { labelsColumn } from '../../formatter/display.ts';
import {
  DEFAULT_QUIET_FORMAT,
  type HeaderMap,
  marshalContext,
  PRETTY_FORMAT_KEY,
  TABLE_FORMAT_KEY,
} from '../../formatter/formatter.ts';
import { typed } from '../../inspect.ts';

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
  switch (source) {
    case PRETTY_FORMAT_KEY:
      return SECRET_PRETTY;
    case TABLE_FORMAT_KEY:
      return quiet ? DEFAULT_QUIET_FORMAT : DEFAULT_TABLE;
    default:
      return source;
  }
}

export const SECRET_HEADER: HeaderMap = {
  ID: 'ID',
  Name: 'NAME',
  Driver: 'DRIVER',
  CreatedAt: 'CREATED',
  UpdatedAt: 'UPDATED',
  Labels: 'LABELS',
};

/** units.HumanDuration(time.Now().UTC().Sub(t)) + " ago" */
export function ago(now: number, stamp: string): string {
  return humanDuration(now - parseRFC3339(stamp).epochMillis()) + ' ago';
}

/** secretContext: one row of `docker secret ls` */
export class SecretContext {
  readonly #s: Secret;
  readonly #now: number;

  constructor(s: Secret, now: number) {
    this.#s = s;
    this.#now = now;
    withGoType(this, '*secret.secretContext');
  }

  MarshalJSON(): string {
    return marshalContext(this);
  }

  ID(): string {
    return this.#s.ID;
  }

  Name(): string {
    return this.#s.Spec.Name ?? '';
  }

  CreatedAt(): string {
    return ago(this.#now, this.#s.CreatedAt);
  }

  Driver(): string {
    return this.#s.Spec.Driver?.Name ?? '';
  }

  UpdatedAt(): string {
    return ago(this.#now, this.#s.UpdatedAt);
  }

  /** the labels joined `k=v,…` (Go's map order is random; sorted here) */
  Labels(): string {
    return labelsColumn(this.#s.Spec.Labels);
  }

  Label(name: string): string {
    return this.#s.Spec.Labels?.[name] ?? '';
  }
}

/** secretInspectContext: what the pretty template reads */
export class SecretInspectContext {
  readonly #s: Secret;

  constructor(s: Secret) {
    this.#s = s;
    withGoType(this, '*secret.secretInspectContext');
  }

  ID(): string {
    return this.#s.ID;
  }

  Name(): string {
    return this.#s.Spec.Name ?? '';
  }

  Labels(): Record<string, string> {
    return goMap({ ...(this.#s.Spec.Labels ?? {}) }, 'map[string]string');
  }

  Driver(): string {
    return this.#s.Spec.Driver?.Name ?? '';
  }

  CreatedAt(): string {
    return prettyPrint(parseRFC3339(this.#s.CreatedAt));
  }

  UpdatedAt(): string {
    return prettyPrint(parseRFC3339(this.#s.UpdatedAt));
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
