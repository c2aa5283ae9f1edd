/**
 * `docker version` — docker/cli cli/command/system/version.go (v28.5.2).
 */

import { type CommandSpec, noArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import { StatusError } from '../../errors.ts';
import type { VersionResponse } from '../../../api/types/system.ts';
import { marshal } from '../../../golang/json.ts';
import { withGoMethods } from '../../../golang/reflect.ts';
import { TabWriter } from '../../../golang/tabwriter.ts';
import { dockerTemplateFuncs, goFunc, parseTemplate, TemplateError } from '../../../golang/template/index.ts';
import type { Template } from '../../../golang/template/index.ts';
import { goMap, nilOf, withGoType } from '../../../golang/values.ts';
import { clientVersionValue, newClientVersion, reformatDate } from './client-version.ts';
import { INSPECT_FORMAT_HELP } from '../opts/flags-helper.ts';

export const versionCommand: CommandSpec = {
  use: 'version [OPTIONS]',
  short: 'Show the Docker version information',
  args: noArgs,
  annotations: { 'category-top': '10' },
  flags: [
    {
      name: 'format',
      shorthand: 'f',
      type: 'string',
      usage: INSPECT_FORMAT_HELP,
    },
  ],
  run: runVersion,
};

// ---------------------------------------------------------------------------
// docker/cli system/version.go

const DEFAULT_TEMPLATE = `{{with .Client -}}
Client:{{if ne .Platform nil}}{{if ne .Platform.Name ""}} {{.Platform.Name}}{{end}}{{end}}
 Version:	{{.Version}}
 API version:	{{.APIVersion}}{{if ne .APIVersion .DefaultAPIVersion}} (downgraded from {{.DefaultAPIVersion}}){{end}}
 Go version:	{{.GoVersion}}
 Git commit:	{{.GitCommit}}
 Built:	{{.BuildTime}}
 OS/Arch:	{{.Os}}/{{.Arch}}
 Context:	{{.Context}}
{{- end}}

{{- if ne .Server nil}}{{with .Server}}

Server:{{if ne .Platform.Name ""}} {{.Platform.Name}}{{end}}
 {{- range $component := .Components}}
 {{$component.Name}}:
  {{- if eq $component.Name "Engine" }}
  Version:	{{.Version}}
  API version:	{{index .Details "ApiVersion"}} (minimum version {{index .Details "MinAPIVersion"}})
  Go version:	{{index .Details "GoVersion"}}
  Git commit:	{{index .Details "GitCommit"}}
  Built:	{{index .Details "BuildTime"}}
  OS/Arch:	{{index .Details "Os"}}/{{index .Details "Arch"}}
  Experimental:	{{index .Details "Experimental"}}
  {{- else }}
  Version:	{{$component.Version}}
  {{- $detailsOrder := getDetailsOrder $component}}
  {{- range $key := $detailsOrder}}
  {{$key}}:	{{index $component.Details $key}}
   {{- end}}
  {{- end}}
 {{- end}}
 {{- end}}{{- end}}`;

interface Component {
  Name: string;
  Version: string;
  Details: Record<string, string> | null;
}

/** getDetailsOrder: a component's detail keys, sorted. */
const getDetailsOrder = goFunc(['any'], (c: Component) => Object.keys(c.Details ?? {}).sort());

/** templates.New("version").Funcs(getDetailsOrder).Parse; errors become status 64. */
function newVersionTemplate(format: string): Template {
  let text = format;
  if (text === '') text = DEFAULT_TEMPLATE;
  else if (text === 'json') text = '{{json .}}';
  try {
    return parseTemplate(text, { ...dockerTemplateFuncs, getDetailsOrder }, { name: 'version' });
  } catch (err) {
    if (err instanceof TemplateError) throw new StatusError(`template parsing error: ${err.message}`, 64);
    throw err;
  }
}

/** types.Version as the CLI decodes it: Go field names, JSON tags when marshalled. */
function serverValue(sv: VersionResponse): object {
  const components = (sv.Components ?? []).map((c) => {
    const details = c.Details ? { ...c.Details } : undefined;
    // runVersion shows the engine's build time as time.ANSIC
    if (c.Name === 'Engine' && details?.['BuildTime'] !== undefined)
      details['BuildTime'] = reformatDate(details['BuildTime']);
    return { Name: c.Name, Version: c.Version, Details: details };
  });
  const value = withGoType(
    {
      Platform: withGoType({ Name: sv.Platform?.Name ?? '' }, 'struct { Name string }'),
      Components: components.map((c) =>
        withGoType(
          {
            Name: c.Name,
            Version: c.Version,
            Details: c.Details ? goMap(c.Details, 'map[string]string') : nilOf('map[string]string'),
          },
          'types.ComponentVersion',
        ),
      ),
      Version: sv.Version,
      APIVersion: sv.ApiVersion,
      MinAPIVersion: sv.MinAPIVersion ?? '',
      GitCommit: sv.GitCommit,
      GoVersion: sv.GoVersion,
      Os: sv.Os,
      Arch: sv.Arch,
      KernelVersion: sv.KernelVersion ?? '',
      Experimental: sv.Experimental ?? false,
      BuildTime: sv.BuildTime ?? '',
    },
    'types.Version',
  );
  const json: Record<string, unknown> = { Platform: { Name: sv.Platform?.Name ?? '' } };
  // an undefined property is an omitted field, as `omitempty` leaves out nil Details
  if (components.length > 0) json['Components'] = components;
  Object.assign(json, { Version: sv.Version, ApiVersion: sv.ApiVersion });
  if (sv.MinAPIVersion) json['MinAPIVersion'] = sv.MinAPIVersion;
  Object.assign(json, { GitCommit: sv.GitCommit, GoVersion: sv.GoVersion, Os: sv.Os, Arch: sv.Arch });
  if (sv.KernelVersion) json['KernelVersion'] = sv.KernelVersion;
  if (sv.Experimental) json['Experimental'] = true;
  if (sv.BuildTime) json['BuildTime'] = sv.BuildTime;
  return withGoMethods(value, { MarshalJSON: () => marshal(json) });
}

async function runVersion(cli: DockerCli, flags: FlagValues): Promise<void> {
  const tmpl = newVersionTemplate(flags.string('format'));
  let server: object = nilOf('*types.Version');
  let serverError: unknown;
  try {
    server = serverValue(await cli.client.get<VersionResponse>('/version'));
  } catch (err) {
    serverError = err;
  }
  const data = withGoType(
    { Client: clientVersionValue(newClientVersion('default', cli.client.version)), Server: server },
    'system.versionInfo',
  );
  // prettyPrintVersion: the template's output, then a newline, through the tabwriter
  const tw = new TabWriter(20, 1, 1, ' ', 0);
  let templateError: TemplateError | undefined;
  try {
    tw.write(tmpl.execute(data));
  } catch (err) {
    if (!(err instanceof TemplateError)) throw err;
    tw.write(err.partialOutput);
    templateError = err;
  }
  tw.write('\n');
  cli.out.write(tw.flush());
  // the daemon's error wins over the template's (runVersion keeps the first)
  if (serverError !== undefined) throw serverError;
  if (templateError) throw new StatusError(templateError.message, 1);
}
