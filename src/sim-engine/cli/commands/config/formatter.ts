/**
 * `docker config ls` rows and `docker config inspect --pretty` (docker/cli v28.5.2
 * cli/command/config/formatter.go): the configContext a `--format` template calls, the
 * default table and the pretty template (its tabs and spaces are docker's), which ends
 * with the config's data.
 */
import type { Config } from '../../../api/types/secret.ts';
import { base64Decode } from '../../../api/registry-auth.ts';
import { prettyPrint } from '../../../golang/display-utils.ts';
import { parseRFC3339 } from '../../../golang/time.ts';
import { goMap, withGoType } from '../../../golang/values.ts';
import { labelsColumn } from '../../formatter/display.ts';
import {
  DEFAULT_QUIET_FORMAT,
  type HeaderMap,
  marshalContext,
  PRETTY_FORMAT_KEY,
  TABLE_FORMAT_KEY,
} from '../../formatter/formatter.ts';
import { ago } from '../secret/formatter.ts';

const DEFAULT_TABLE = 'table {{.ID}}\t{{.Name}}\t{{.CreatedAt}}\t{{.UpdatedAt}}';

/** configInspectPrettyTemplate */
export const CONFIG_PRETTY = `ID:\t\t\t{{.ID}}
Name:\t\t\t{{.Name}}
{{- if .Labels }}
Labels:
{{- range $k, $v := .Labels }}
 - {{ $k }}{{if $v }}={{ $v }}{{ end }}
{{- end }}{{ end }}
Created at:            \t{{.CreatedAt}}
Updated at:            \t{{.UpdatedAt}}
Data:
{{.Data}}`;

/** newFormat */
export function configFormat(source: string, quiet: boolean): string {
  switch (source) {
    case PRETTY_FORMAT_KEY:
      return CONFIG_PRETTY;
    case TABLE_FORMAT_KEY:
      return quiet ? DEFAULT_QUIET_FORMAT : DEFAULT_TABLE;
    default:
      return source;
  }
}

export const CONFIG_HEADER: HeaderMap = {
  ID: 'ID',
  Name: 'NAME',
  CreatedAt: 'CREATED',
  UpdatedAt: 'UPDATED',
  Labels: 'LABELS',
};

/** configContext: one row of `docker config ls` */
export class ConfigContext {
  readonly #c: Config;
  readonly #now: number;

  constructor(c: Config, now: number) {
    this.#c = c;
    this.#now = now;
    withGoType(this, '*config.configContext');
  }

  MarshalJSON(): string {
    return marshalContext(this);
  }

  ID(): string {
    return this.#c.ID;
  }

  Name(): string {
    return this.#c.Spec.Name ?? '';
  }

  CreatedAt(): string {
    return ago(this.#now, this.#c.CreatedAt);
  }

  UpdatedAt(): string {
    return ago(this.#now, this.#c.UpdatedAt);
  }

  /** the labels joined `k=v,…` (Go's map order is random; sorted here) */
  Labels(): string {
    return labelsColumn(this.#c.Spec.Labels);
  }

  Label(name: string): string {
    return this.#c.Spec.Labels?.[name] ?? '';
  }
}

/** configInspectContext: what the pretty template reads */
export class ConfigInspectContext {
  readonly #c: Config;

  constructor(c: Config) {
    this.#c = c;
    withGoType(this, '*config.configInspectContext');
  }

  ID(): string {
    return this.#c.ID;
  }

  Name(): string {
    return this.#c.Spec.Name ?? '';
  }

  Labels(): Record<string, string> {
    return goMap({ ...(this.#c.Spec.Labels ?? {}) }, 'map[string]string');
  }

  CreatedAt(): string {
    return prettyPrint(parseRFC3339(this.#c.CreatedAt));
  }

  UpdatedAt(): string {
    return prettyPrint(parseRFC3339(this.#c.UpdatedAt));
  }

  Data(): string {
    return this.#c.Spec.Data ? (base64Decode(this.#c.Spec.Data) ?? '') : '';
  }
}
