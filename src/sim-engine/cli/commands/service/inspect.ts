/**
 * `docker service inspect` — docker/cli cli/command/service/inspect.go (v28.5.2).
 */

import { ApiClientError } from '../../../api/client.ts';
import type { Service } from '../../../api/types/service.ts';
import { formatGoDuration } from '../../../golang/duration.ts';
import { parseDockerTemplate } from '../../../golang/template/index.ts';
import { parseRFC3339 } from '../../../golang/time.ts';
import { bytesSize, humanDuration } from '../../../golang/units.ts';
import { goFloat64, goMap, withGoType } from '../../../golang/values.ts';
import { type CommandSpec, requiresMinArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { CliError, StatusError } from '../../errors.ts';
import type { FlagValues } from '../../flags.ts';
import { inspectRefs, lazyElement, rawJSON, typed } from '../../inspect.ts';
import { INSPECT_FORMAT_HELP } from '../opts/flags-helper.ts';

export const inspectCommand: CommandSpec = {
  use: 'inspect [OPTIONS] SERVICE [SERVICE...]',
  short: 'Display detailed information on one or more services',
  args: requiresMinArgs(1),
  flags: [
    {
      name: 'format',
      shorthand: 'f',
      type: 'string',
      usage: INSPECT_FORMAT_HELP,
    },
    { name: 'pretty', type: 'bool', usage: 'Print the information in a human friendly format' },
  ],
  run: runInspect,
};

// ---------------------------------------------------------------------------
// docker/cli service/inspect.go runInspect: the service with the daemon's defaults
// (insertDefaults), as JSON, through a template, or --pretty (formatter.go's
// serviceInspectPrettyTemplate, run by the same template engine)

/** The Go type a template on a service runs on (described in api/go-structs/). */
export const SERVICE_TYPES: Record<string, string> = { '': 'swarm.Service' };

/** The Go type a template on a task runs on (`docker inspect` of a task). */
export const TASK_TYPES: Record<string, string> = { '': 'swarm.Task' };

async function runInspect(cli: DockerCli, flags: FlagValues, args: string[]): Promise<void> {
  let format = flags.string('format');
  if (flags.bool('pretty')) format = 'pretty';
  if (format.startsWith('pretty') && format !== 'pretty')
    throw new CliError('Cannot supply extra formatting options to the pretty template');
  const getRef = async (ref: string) => {
    try {
      return await cli.client.get<Service>(`/services/${encodeURIComponent(ref)}`, {
        insertDefaults: 'true',
      });
    } catch (err) {
      if (err instanceof ApiClientError && err.isNotFound)
        throw new CliError(`Error: no such service: ${ref}`);
      throw err;
    }
  };
  if (format !== 'pretty') {
    await inspectRefs(cli.out, args, format, async (ref) => {
      const s = await getRef(ref);
      // inspect.go's getRef gives docker no raw bytes: the template runs on the typed
      // swarm.Service, every field of it — the omitempty ones the JSON leaves out are
      // zero values (`{{json .UpdateStatus}}` prints null, `.PreviousSpec.X` fails on a
      // nil pointer, `.Spec.TaskTemplate.ContainerSpec.Args` prints `[]`) — and the JSON
      // output is that struct marshalled again
      return lazyElement(
        () => typed(s, SERVICE_TYPES),
        () => rawJSON(typed(s, SERVICE_TYPES)),
        true,
      );
    });
    return;
  }
  const tmpl = parseDockerTemplate(PRETTY);
  const errors: string[] = [];
  let out = '';
  for (const ref of args) {
    try {
      const service = await getRef(ref);
      // inspect.go: the networks' names, looked up one by one (an ID that fails stays an ID)
      const names = new Map<string, string>();
      for (const n of service.Spec.TaskTemplate?.Networks ?? []) {
        try {
          const net = await cli.client.get<{ Name: string }>(
            `/networks/${encodeURIComponent(n.Target ?? '')}`,
          );
          names.set(n.Target ?? '', net.Name);
        } catch {
          // keep the ID
        }
      }
      out += tmpl.execute(new PrettyContext(service, cli.now(), names)) + '\n';
    } catch (err) {
      errors.push(err instanceof Error ? err.message : String(err));
    }
  }
  cli.out.write(out);
  if (errors.length) throw new StatusError(errors.join('\n'), 1);
}

/** serviceInspectPrettyTemplate (docker/cli v28.5.2 cli/command/service/formatter.go) */
const PRETTY = `
ID:		{{.ID}}
Name:		{{.Name}}
{{- if .Labels }}
Labels:
{{- range $k, $v := .Labels }}
 {{ $k }}{{if $v }}={{ $v }}{{ end }}
{{- end }}{{ end }}
Service Mode:
{{- if .IsModeGlobal }}	Global
{{- else if .IsModeReplicated }}	Replicated
{{- if .ModeReplicatedReplicas }}
 Replicas:	{{ .ModeReplicatedReplicas }}
{{- end }}{{ end }}
{{- if .HasUpdateStatus }}
UpdateStatus:
 State:		{{ .UpdateStatusState }}
{{- if .HasUpdateStatusStarted }}
 Started:	{{ .UpdateStatusStarted }}
{{- end }}
{{- if .UpdateIsCompleted }}
 Completed:	{{ .UpdateStatusCompleted }}
{{- end }}
 Message:	{{ .UpdateStatusMessage }}
{{- end }}
Placement:
{{- if .TaskPlacementConstraints }}
 Constraints:	{{ .TaskPlacementConstraints }}
{{- end }}
{{- if .TaskPlacementPreferences }}
 Preferences:   {{ .TaskPlacementPreferences }}
{{- end }}
{{- if .MaxReplicas }}
 Max Replicas Per Node:   {{ .MaxReplicas }}
{{- end }}
{{- if .HasUpdateConfig }}
UpdateConfig:
 Parallelism:	{{ .UpdateParallelism }}
{{- if .HasUpdateDelay}}
 Delay:		{{ .UpdateDelay }}
{{- end }}
 On failure:	{{ .UpdateOnFailure }}
{{- if .HasUpdateMonitor}}
 Monitoring Period: {{ .UpdateMonitor }}
{{- end }}
 Max failure ratio: {{ .UpdateMaxFailureRatio }}
 Update order:      {{ .UpdateOrder }}
{{- end }}
{{- if .HasRollbackConfig }}
RollbackConfig:
 Parallelism:	{{ .RollbackParallelism }}
{{- if .HasRollbackDelay}}
 Delay:		{{ .RollbackDelay }}
{{- end }}
 On failure:	{{ .RollbackOnFailure }}
{{- if .HasRollbackMonitor}}
 Monitoring Period: {{ .RollbackMonitor }}
{{- end }}
 Max failure ratio: {{ .RollbackMaxFailureRatio }}
 Rollback order:    {{ .RollbackOrder }}
{{- end }}
ContainerSpec:
 Image:		{{ .ContainerImage }}
{{- if .ContainerArgs }}
 Args:		{{ range $arg := .ContainerArgs }}{{ $arg }} {{ end }}
{{- end -}}
{{- if .ContainerEnv }}
 Env:		{{ range $env := .ContainerEnv }}{{ $env }} {{ end }}
{{- end -}}
{{- if .ContainerWorkDir }}
 Dir:		{{ .ContainerWorkDir }}
{{- end -}}
{{- if .HasContainerInit }}
 Init:		{{ .ContainerInit }}
{{- end -}}
{{- if .ContainerUser }}
 User: {{ .ContainerUser }}
{{- end }}
{{- if .HasCapabilities }}
Capabilities:
{{- if .HasCapabilityAdd }}
 Add: {{ .CapabilityAdd }}
{{- end }}
{{- if .HasCapabilityDrop }}
 Drop: {{ .CapabilityDrop }}
{{- end }}
{{- end }}
{{- if .ContainerSysCtls }}
SysCtls:
{{- range $k, $v := .ContainerSysCtls }}
 {{ $k }}{{if $v }}: {{ $v }}{{ end }}
{{- end }}{{ end }}
{{- if .ContainerUlimits }}
Ulimits:
{{- range $k, $v := .ContainerUlimits }}
 {{ $k }}: {{ $v }}
{{- end }}{{ end }}
{{- if .ContainerMounts }}
Mounts:
{{- end }}
{{- range $mount := .ContainerMounts }}
 Target:	{{ $mount.Target }}
  Source:	{{ $mount.Source }}
  ReadOnly:	{{ $mount.ReadOnly }}
  Type:		{{ $mount.Type }}
{{- end -}}
{{- if .Configs}}
Configs:
{{- range $config := .Configs }}
 Target:	{{$config.File.Name}}
  Source:	{{$config.ConfigName}}
{{- end }}{{ end }}
{{- if .Secrets }}
Secrets:
{{- range $secret := .Secrets }}
 Target:	{{$secret.File.Name}}
  Source:	{{$secret.SecretName}}
{{- end }}{{ end }}
{{- if .HasLogDriver }}
Log Driver:
{{- if .HasLogDriverName }}
 Name:		{{ .LogDriverName }}
{{- end }}
{{- if .LogOpts }}
 LogOpts:
{{- range $k, $v := .LogOpts }}
  {{ $k }}{{if $v }}:       {{ $v }}{{ end }}
{{- end }}{{ end }}
{{ end }}
{{- if .HasResources }}
Resources:
{{- if .HasResourceReservations }}
 Reservations:
{{- if gt .ResourceReservationNanoCPUs 0.0 }}
  CPU:		{{ .ResourceReservationNanoCPUs }}
{{- end }}
{{- if .ResourceReservationMemory }}
  Memory:	{{ .ResourceReservationMemory }}
{{- end }}{{ end }}
{{- if .HasResourceLimits }}
 Limits:
{{- if gt .ResourceLimitsNanoCPUs 0.0 }}
  CPU:		{{ .ResourceLimitsNanoCPUs }}
{{- end }}
{{- if .ResourceLimitMemory }}
  Memory:	{{ .ResourceLimitMemory }}
{{- end }}{{ end }}{{ end }}
{{- if gt .ResourceLimitPids 0 }}
  PIDs:		{{ .ResourceLimitPids }}
{{- end }}
{{- if .Networks }}
Networks:
{{- range $network := .Networks }} {{ $network }}{{ end }} {{ end }}
Endpoint Mode:	{{ .EndpointMode }}
{{- if .Ports }}
Ports:
{{- range $port := .Ports }}
 PublishedPort = {{ $port.PublishedPort }}
  Protocol = {{ $port.Protocol }}
  TargetPort = {{ $port.TargetPort }}
  PublishMode = {{ $port.PublishMode }}
{{- end }} {{ end -}}
{{- if .Healthcheck }}
 Healthcheck:
  Interval = {{ .Healthcheck.Interval }}
  Retries = {{ .Healthcheck.Retries }}
  StartPeriod =	{{ .Healthcheck.StartPeriod }}
  Timeout =	{{ .Healthcheck.Timeout }}
  {{- if .Healthcheck.Test }}
  Tests:
	{{- range $test := .Healthcheck.Test }}
	 Test = {{ $test }}
  {{- end }} {{ end -}}
{{- end }}
`;

const dur = (ns: number | undefined) => formatGoDuration(ns ?? 0);

/** serviceInspectContext */
class PrettyContext {
  readonly #s: Service;
  readonly #now: number;
  readonly #networkNames: ReadonlyMap<string, string>;
  constructor(s: Service, now: number, networkNames: ReadonlyMap<string, string> = new Map()) {
    this.#s = s;
    this.#now = now;
    this.#networkNames = networkNames;
    withGoType(this, '*service.serviceInspectContext');
  }
  get #spec() {
    return this.#s.Spec;
  }
  get #task() {
    return this.#s.Spec.TaskTemplate ?? {};
  }
  ID() {
    return this.#s.ID;
  }
  Name() {
    return this.#spec.Name ?? '';
  }
  Labels() {
    return goMap({ ...(this.#spec.Labels ?? {}) }, 'map[string]string');
  }
  IsModeGlobal() {
    return !!this.#spec.Mode?.Global;
  }
  IsModeReplicated() {
    return !!this.#spec.Mode?.Replicated;
  }
  ModeReplicatedReplicas() {
    return this.#spec.Mode?.Replicated?.Replicas;
  }
  HasUpdateStatus() {
    return !!this.#s.UpdateStatus?.State;
  }
  UpdateStatusState() {
    return this.#s.UpdateStatus?.State ?? '';
  }
  HasUpdateStatusStarted() {
    return !!this.#s.UpdateStatus?.StartedAt;
  }
  UpdateStatusStarted() {
    return this.#ago(this.#s.UpdateStatus?.StartedAt);
  }
  /** only a completed update, not a completed rollback, shows when it ended */
  UpdateIsCompleted() {
    return this.#s.UpdateStatus?.State === 'completed' && !!this.#s.UpdateStatus.CompletedAt;
  }
  UpdateStatusCompleted() {
    return this.#ago(this.#s.UpdateStatus?.CompletedAt);
  }
  #ago(stamp: string | undefined) {
    return `${humanDuration(this.#now - parseRFC3339(stamp ?? '').epochMillis())} ago`;
  }
  UpdateStatusMessage() {
    return this.#s.UpdateStatus?.Message ?? '';
  }
  TaskPlacementConstraints() {
    return this.#task.Placement?.Constraints ?? [];
  }
  TaskPlacementPreferences() {
    return (this.#task.Placement?.Preferences ?? []).map((p) => `spread=${p.Spread?.SpreadDescriptor ?? ''}`);
  }
  MaxReplicas() {
    return this.#task.Placement?.MaxReplicas ?? 0;
  }
  HasUpdateConfig() {
    return !!this.#spec.UpdateConfig;
  }
  UpdateParallelism() {
    return this.#spec.UpdateConfig?.Parallelism ?? 0;
  }
  HasUpdateDelay() {
    return (this.#spec.UpdateConfig?.Delay ?? 0) > 0;
  }
  UpdateDelay() {
    return dur(this.#spec.UpdateConfig?.Delay);
  }
  UpdateOnFailure() {
    return this.#spec.UpdateConfig?.FailureAction ?? '';
  }
  HasUpdateMonitor() {
    return (this.#spec.UpdateConfig?.Monitor ?? 0) > 0;
  }
  UpdateMonitor() {
    return dur(this.#spec.UpdateConfig?.Monitor);
  }
  UpdateMaxFailureRatio() {
    return goFloat64(this.#spec.UpdateConfig?.MaxFailureRatio ?? 0);
  }
  UpdateOrder() {
    return this.#spec.UpdateConfig?.Order ?? '';
  }
  HasRollbackConfig() {
    return !!this.#spec.RollbackConfig;
  }
  RollbackParallelism() {
    return this.#spec.RollbackConfig?.Parallelism ?? 0;
  }
  HasRollbackDelay() {
    return (this.#spec.RollbackConfig?.Delay ?? 0) > 0;
  }
  RollbackDelay() {
    return dur(this.#spec.RollbackConfig?.Delay);
  }
  RollbackOnFailure() {
    return this.#spec.RollbackConfig?.FailureAction ?? '';
  }
  HasRollbackMonitor() {
    return (this.#spec.RollbackConfig?.Monitor ?? 0) > 0;
  }
  RollbackMonitor() {
    return dur(this.#spec.RollbackConfig?.Monitor);
  }
  RollbackMaxFailureRatio() {
    return goFloat64(this.#spec.RollbackConfig?.MaxFailureRatio ?? 0);
  }
  RollbackOrder() {
    return this.#spec.RollbackConfig?.Order ?? '';
  }
  ContainerImage() {
    return this.#task.ContainerSpec?.Image ?? '';
  }
  ContainerArgs() {
    return this.#task.ContainerSpec?.Args ?? [];
  }
  ContainerEnv() {
    return this.#task.ContainerSpec?.Env ?? [];
  }
  ContainerWorkDir() {
    return this.#task.ContainerSpec?.Dir ?? '';
  }
  HasContainerInit() {
    return this.#task.ContainerSpec?.Init !== undefined;
  }
  ContainerInit() {
    return this.#task.ContainerSpec?.Init ?? false;
  }
  ContainerUser() {
    return this.#task.ContainerSpec?.User ?? '';
  }
  ContainerMounts() {
    return (this.#task.ContainerSpec?.Mounts ?? []).map((m) => ({
      Target: m.Target ?? '',
      Source: m.Source ?? '',
      ReadOnly: m.ReadOnly ?? false,
      Type: m.Type ?? '',
    }));
  }
  HasResources() {
    return !!this.#task.Resources;
  }
  HasResourceReservations() {
    const r = this.#task.Resources?.Reservations;
    return !!r && ((r.NanoCPUs ?? 0) > 0 || (r.MemoryBytes ?? 0) > 0);
  }
  ResourceReservationNanoCPUs() {
    return goFloat64((this.#task.Resources?.Reservations?.NanoCPUs ?? 0) / 1e9);
  }
  ResourceReservationMemory() {
    const m = this.#task.Resources?.Reservations?.MemoryBytes ?? 0;
    return m === 0 ? '' : bytesSize(m);
  }
  HasResourceLimits() {
    const r = this.#task.Resources?.Limits;
    return !!r && ((r.NanoCPUs ?? 0) > 0 || (r.MemoryBytes ?? 0) > 0 || (r.Pids ?? 0) > 0);
  }
  ResourceLimitsNanoCPUs() {
    return goFloat64((this.#task.Resources?.Limits?.NanoCPUs ?? 0) / 1e9);
  }
  ResourceLimitMemory() {
    const m = this.#task.Resources?.Limits?.MemoryBytes ?? 0;
    return m === 0 ? '' : bytesSize(m);
  }
  HasCapabilities() {
    return this.HasCapabilityAdd() || this.HasCapabilityDrop();
  }
  HasCapabilityAdd() {
    return (this.#task.ContainerSpec?.CapabilityAdd ?? []).length > 0;
  }
  HasCapabilityDrop() {
    return (this.#task.ContainerSpec?.CapabilityDrop ?? []).length > 0;
  }
  CapabilityAdd() {
    return (this.#task.ContainerSpec?.CapabilityAdd ?? []).join(', ');
  }
  CapabilityDrop() {
    return (this.#task.ContainerSpec?.CapabilityDrop ?? []).join(', ');
  }
  ContainerSysCtls() {
    return goMap({ ...(this.#task.ContainerSpec?.Sysctls ?? {}) }, 'map[string]string');
  }
  ContainerUlimits() {
    const out: Record<string, string> = {};
    for (const u of this.#task.ContainerSpec?.Ulimits ?? []) out[u.Name] = `${u.Soft}:${u.Hard}`;
    return goMap(out, 'map[string]string');
  }
  Configs() {
    return this.#task.ContainerSpec?.Configs ?? [];
  }
  Secrets() {
    return this.#task.ContainerSpec?.Secrets ?? [];
  }
  HasLogDriver() {
    return !!this.#task.LogDriver;
  }
  HasLogDriverName() {
    return !!this.#task.LogDriver?.Name;
  }
  LogDriverName() {
    return this.#task.LogDriver?.Name ?? '';
  }
  LogOpts() {
    return goMap({ ...(this.#task.LogDriver?.Options ?? {}) }, 'map[string]string');
  }
  ResourceLimitPids() {
    return this.#task.Resources?.Limits?.Pids ?? 0;
  }
  /** the task's networks, by name where `network inspect` found them */
  Networks() {
    return (this.#task.Networks ?? []).map((n) => this.#networkNames.get(n.Target ?? '') ?? n.Target ?? '');
  }
  Healthcheck() {
    const h = this.#task.ContainerSpec?.Healthcheck;
    if (!h) return undefined;
    return {
      Interval: dur(h.Interval),
      Retries: h.Retries ?? 0,
      StartPeriod: dur(h.StartPeriod),
      Timeout: dur(h.Timeout),
      Test: h.Test ?? [],
    };
  }
  EndpointMode() {
    return this.#spec.EndpointSpec?.Mode ?? '';
  }
  Ports() {
    return this.#s.Endpoint?.Ports ?? [];
  }
}
