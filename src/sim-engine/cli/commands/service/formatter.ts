/**
 * The rows of `docker service ls` (docker/cli cli/command/service/formatter.go
 * serviceContext) and of `docker service ps` / `node ps` / `stack ps` (task/formatter.go
 * taskContext): the methods a `--format` template calls, and the default tables.
 */
import type { PortConfig, Service, Task } from '../../../api/types/service.ts';
import { ellipsis, prettyPrint, truncateID } from '../../../golang/display-utils.ts';
import { humanDuration } from '../../../golang/units.ts';
import { parseRFC3339 } from '../../../golang/time.ts';
import { withGoType } from '../../../golang/values.ts';
import { familiarString, parseNormalizedNamed } from '../../../images/reference.ts';
import {
  DEFAULT_QUIET_FORMAT,
  type HeaderMap,
  marshalContext,
  RAW_FORMAT_KEY,
  TABLE_FORMAT_KEY,
} from '../../formatter/formatter.ts';

/** reference.WithTag(TrimNamed(ref), tag): the image without its digest, when it has a tag */
export function displayImage(image: string): string {
  const parsed = parseNormalizedNamed(image);
  if (!parsed.ok || parsed.ref.tag === undefined) return image;
  return familiarString({ ...parsed.ref, digest: undefined });
}

export const SERVICE_LIST_TABLE =
  'table {{.ID}}\t{{.Name}}\t{{.Mode}}\t{{.Replicas}}\t{{.Image}}\t{{.Ports}}';

/** NewListFormat */
export function serviceListFormat(source: string, quiet: boolean): string {
  if (source === TABLE_FORMAT_KEY) return quiet ? DEFAULT_QUIET_FORMAT : SERVICE_LIST_TABLE;
  if (source === RAW_FORMAT_KEY)
    return quiet
      ? 'id: {{.ID}}'
      : 'id: {{.ID}}\\nname: {{.Name}}\\nmode: {{.Mode}}\\nreplicas: {{.Replicas}}\\nimage: {{.Image}}\\nports: {{.Ports}}\\n';
  return source;
}

export const SERVICE_HEADER: HeaderMap = {
  ID: 'ID',
  Name: 'NAME',
  Mode: 'MODE',
  Replicas: 'REPLICAS',
  Image: 'IMAGE',
  Ports: 'PORTS',
};

export class ServiceContext {
  readonly #s: Service;

  constructor(s: Service) {
    this.#s = s;
    withGoType(this, '*service.serviceContext');
  }

  MarshalJSON(): string {
    return marshalContext(this);
  }

  ID(): string {
    return truncateID(this.#s.ID);
  }

  Name(): string {
    return this.#s.Spec.Name ?? '';
  }

  Mode(): string {
    const m = this.#s.Spec.Mode ?? {};
    if (m.Global) return 'global';
    if (m.Replicated) return 'replicated';
    if (m.ReplicatedJob) return 'replicated job';
    if (m.GlobalJob) return 'global job';
    return '';
  }

  Replicas(): string {
    const st = this.#s.ServiceStatus;
    const running = st?.RunningTasks ?? 0;
    const desired = st?.DesiredTasks ?? 0;
    const completed = st?.CompletedTasks ?? 0;
    const m = this.#s.Spec.Mode ?? {};
    if (m.ReplicatedJob)
      return `${running}/${desired} (${completed}/${m.ReplicatedJob.TotalCompletions ?? 0} completed)`;
    if (m.GlobalJob) return `${running}/${desired} (${completed}/${desired + completed} completed)`;
    const max = this.Mode() === 'replicated' ? (this.#s.Spec.TaskTemplate?.Placement?.MaxReplicas ?? 0) : 0;
    if (max > 0) return `${running}/${desired} (max ${max} per node)`;
    return `${running}/${desired}`;
  }

  Image(): string {
    return displayImage(this.#s.Spec.TaskTemplate?.ContainerSpec?.Image ?? '');
  }

  /** ingress ports, consecutive ones grouped into ranges */
  Ports(): string {
    const ports = this.#s.Endpoint?.Ports;
    if (!ports) return '';
    const sorted = [...ports].sort((a, b) =>
      a.Protocol === b.Protocol
        ? (a.PublishedPort ?? 0) - (b.PublishedPort ?? 0)
        : (a.Protocol ?? '') < (b.Protocol ?? '')
          ? -1
          : 1,
    );
    const out: string[] = [];
    let pr = { pStart: 0, pEnd: 0, tStart: 0, tEnd: 0, protocol: '' };
    const str = (r: typeof pr) =>
      `*:${r.pEnd > r.pStart ? `${r.pStart}-${r.pEnd}` : r.pStart}->${r.tEnd > r.tStart ? `${r.tStart}-${r.tEnd}` : r.tStart}/${r.protocol}`;
    // Go's uint32 subtraction: a smaller port wraps around to a huge difference
    const gap = (a: number, b: number) => (a - b) >>> 0 > 1;
    for (const p of sorted as Required<PortConfig>[]) {
      if (p.PublishMode !== 'ingress') continue;
      const isRange = pr.tEnd !== pr.tStart;
      const overlaps = p.TargetPort <= pr.tEnd;
      if (
        p.Protocol !== pr.protocol ||
        gap(p.PublishedPort, pr.pEnd) ||
        gap(p.TargetPort, pr.tEnd) ||
        (isRange && overlaps)
      ) {
        if (pr.pStart > 0) out.push(str(pr));
        pr = {
          pStart: p.PublishedPort,
          pEnd: p.PublishedPort,
          tStart: p.TargetPort,
          tEnd: p.TargetPort,
          protocol: p.Protocol,
        };
        continue;
      }
      pr.pEnd = p.PublishedPort;
      pr.tEnd = p.TargetPort;
    }
    if (pr.pStart > 0) out.push(str(pr));
    return out.join(', ');
  }
}

export const TASK_TABLE =
  'table {{.ID}}\t{{.Name}}\t{{.Image}}\t{{.Node}}\t{{.DesiredState}}\t{{.CurrentState}}\t{{.Error}}\t{{.Ports}}';

/** newTaskFormat */
export function taskFormat(source: string, quiet: boolean): string {
  if (source === TABLE_FORMAT_KEY) return quiet ? DEFAULT_QUIET_FORMAT : TASK_TABLE;
  if (source === RAW_FORMAT_KEY)
    return quiet
      ? 'id: {{.ID}}'
      : 'id: {{.ID}}\\nname: {{.Name}}\\nimage: {{.Image}}\\nnode: {{.Node}}\\ndesired_state: {{.DesiredState}}\\ncurrent_state: {{.CurrentState}}\\nerror: {{.Error}}\\nports: {{.Ports}}\\n';
  return source;
}

export const TASK_HEADER: HeaderMap = {
  ID: 'ID',
  Name: 'NAME',
  Image: 'IMAGE',
  Node: 'NODE',
  DesiredState: 'DESIRED STATE',
  CurrentState: 'CURRENT STATE',
  Error: 'ERROR',
  Ports: 'PORTS',
};

export class TaskContext {
  readonly #t: Task;
  readonly #trunc: boolean;
  readonly #name: string;
  readonly #node: string;
  readonly #now: number;

  constructor(t: Task, trunc: boolean, name: string, node: string, now: number) {
    this.#t = t;
    this.#trunc = trunc;
    this.#name = name;
    this.#node = node;
    this.#now = now;
    withGoType(this, '*task.taskContext');
  }

  MarshalJSON(): string {
    return marshalContext(this);
  }

  ID(): string {
    return this.#trunc ? truncateID(this.#t.ID) : this.#t.ID;
  }

  Name(): string {
    return this.#name;
  }

  Image(): string {
    const image = this.#t.Spec.ContainerSpec?.Image ?? '';
    return this.#trunc ? displayImage(image) : image;
  }

  Node(): string {
    return this.#node;
  }

  DesiredState(): string {
    return prettyPrint(this.#t.DesiredState ?? '');
  }

  CurrentState(): string {
    const ts = this.#t.Status.Timestamp ? parseRFC3339(this.#t.Status.Timestamp).epochMillis() : 0;
    return `${prettyPrint(this.#t.Status.State ?? '')} ${humanDuration(this.#now - ts).toLowerCase()} ago`;
  }

  Error(): string {
    let err = this.#t.Status.Err ?? '';
    if (this.#trunc) err = ellipsis(err, 30);
    return err.length > 0 ? `"${err}"` : err;
  }

  Ports(): string {
    const ports = this.#t.Status.PortStatus?.Ports ?? [];
    return ports.map((p) => `*:${p.PublishedPort}->${p.TargetPort}/${p.Protocol}`).join(',');
  }
}
