/**
 * `docker config ls` rows and `docker config inspect --pretty` (docker/cli v28.5.2
 * cli/command/config/formatter.go): the configContext a `--format` template calls, the
 * default table and the pretty template (its tabs and spaces are docker's), which ends
 * with the config's data.
 */
import type { Config } from '../../../api/types/secret.ts';
import { base64Decode } from '../../../api/registry-auth.ts';
import type { HeaderMap } from '../../formatter/formatter.ts';
import { ObjectContext, ObjectInspectContext, objectFormat } from '../secret/formatter-objects.ts';

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
  return objectFormat(source, quiet, CONFIG_PRETTY, DEFAULT_TABLE);
}

export const CONFIG_HEADER: HeaderMap = {
  ID: 'ID',
  Name: 'NAME',
  CreatedAt: 'CREATED',
  UpdatedAt: 'UPDATED',
  Labels: 'LABELS',
};

/** configContext: one row of `docker config ls` (its methods are all shared: formatter-objects.ts) */
export class ConfigContext extends ObjectContext {
  constructor(c: Config, now: number) {
    super(c, now, '*config.configContext');
  }
}

/** configInspectContext: what the pretty template reads, the shared part and the data */
export class ConfigInspectContext extends ObjectInspectContext {
  readonly #c: Config;

  constructor(c: Config) {
    super(c, '*config.configInspectContext');
    this.#c = c;
  }

  Data(): string {
    return this.#c.Spec.Data ? (base64Decode(this.#c.Spec.Data) ?? '') : '';
  }
}
