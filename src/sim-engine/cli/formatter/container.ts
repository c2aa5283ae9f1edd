/**
 * `docker ps` rows (docker/cli formatter/container.go): the ContainerContext whose
 * methods a `--format` template calls, and the default table.
 */
import type { ContainerSummary, Port } from '../../api/types/container.ts';
import { familiarString, parseNormalizedNamed } from '../../images/reference.ts';
import { withGoType } from '../../golang/values.ts';
import {
  ellipsis,
  goTimeString,
  humanDuration,
  humanSizeWithPrecision,
  quote,
  truncateID,
  labelsColumn,
} from './display.ts';
import {
  DEFAULT_QUIET_FORMAT,
  marshalContext,
  RAW_FORMAT_KEY,
  TABLE_FORMAT_KEY,
  type HeaderMap,
} from './formatter.ts';

const DEFAULT_TABLE =
  'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}';

export function containerFormat(source: string, quiet: boolean, size: boolean): string {
  switch (source) {
    case TABLE_FORMAT_KEY:
    case '':
      if (quiet) return DEFAULT_QUIET_FORMAT;
      return size ? DEFAULT_TABLE + '\\t{{.Size}}' : DEFAULT_TABLE;
    case RAW_FORMAT_KEY: {
      if (quiet) return 'container_id: {{.ID}}';
      const raw =
        'container_id: {{.ID}}\nimage: {{.Image}}\ncommand: {{.Command}}\ncreated_at: {{.CreatedAt}}\nstate: {{- pad .State 1 0}}\nstatus: {{- pad .Status 1 0}}\nnames: {{.Names}}\nlabels: {{- pad .Labels 1 0}}\nports: {{- pad .Ports 1 0}}\n';
      return size ? raw + 'size: {{.Size}}\\n' : raw;
    }
    default:
      return quiet ? DEFAULT_QUIET_FORMAT : source;
  }
}

export const CONTAINER_HEADER: HeaderMap = {
  ID: 'CONTAINER ID',
  Names: 'NAMES',
  Image: 'IMAGE',
  Command: 'COMMAND',
  CreatedAt: 'CREATED AT',
  RunningFor: 'CREATED',
  Ports: 'PORTS',
  State: 'STATE',
  Status: 'STATUS',
  Size: 'SIZE',
  Labels: 'LABELS',
  Mounts: 'MOUNTS',
  LocalVolumes: 'LOCAL VOLUMES',
  Networks: 'NETWORKS',
  Platform: 'PLATFORM',
};

/** The methods a template sees on a `docker ps` row. */
export class ContainerContext {
  readonly #c: ContainerSummary;
  readonly #trunc: boolean;
  readonly #now: number;

  /** fields a template used (docker/cli's FieldsUsed: ps asks for sizes when Size is) */
  readonly fieldsUsed = new Set<string>();

  constructor(c: ContainerSummary, trunc: boolean, now: number) {
    this.#c = c;
    this.#trunc = trunc;
    this.#now = now;
    withGoType(this, '*formatter.ContainerContext');
  }

  /** The empty context docker/cli runs a ps template on first, to see what it uses. */
  static probe(): ContainerContext {
    const empty: ContainerSummary = {
      Id: '',
      Names: [],
      Image: '',
      ImageID: '',
      Command: '',
      Created: 0,
      Ports: [],
      Labels: {},
      State: 'created',
      Status: '',
      HostConfig: {},
      NetworkSettings: { Networks: {} },
      Mounts: [],
    };
    return new ContainerContext(empty, false, 0);
  }

  MarshalJSON(): string {
    return marshalContext(this);
  }

  ID(): string {
    return this.#trunc ? truncateID(this.#c.Id) : this.#c.Id;
  }

  Names(): string {
    let names = this.#c.Names.map((n) => n.slice(1));
    if (this.#trunc) {
      const first = names.find((n) => n.split('/').length === 1);
      if (first !== undefined) names = [first];
    }
    return names.join(',');
  }

  Image(): string {
    const c = this.#c;
    if (c.Image === '') return '<no image>';
    if (this.#trunc) {
      const t = truncateID(c.ImageID);
      if (t === truncateID(c.Image)) return t;
      const parsed = parseNormalizedNamed(c.Image);
      if (parsed.ok) return familiarString({ ...parsed.ref, digest: undefined });
    }
    return c.Image;
  }

  Command(): string {
    return quote(this.#trunc ? ellipsis(this.#c.Command, 20) : this.#c.Command);
  }

  CreatedAt(): string {
    return goTimeString(this.#c.Created);
  }

  RunningFor(): string {
    return humanDuration(Math.max(0, this.#now - this.#c.Created * 1000)) + ' ago';
  }

  Platform(): null {
    return null;
  }

  Ports(): string {
    return displayablePorts(this.#c.Ports);
  }

  State(): string {
    return this.#c.State;
  }

  Status(): string {
    return this.#c.Status;
  }

  Size(): string {
    this.fieldsUsed.add('Size');
    const srw = humanSizeWithPrecision(this.#c.SizeRw ?? 0, 3);
    const sv = humanSizeWithPrecision(this.#c.SizeRootFs ?? 0, 3);
    return (this.#c.SizeRootFs ?? 0) > 0 ? `${srw} (virtual ${sv})` : srw;
  }

  Labels(): string {
    return labelsColumn(this.#c.Labels);
  }

  Label(name: string): string {
    return this.#c.Labels?.[name] ?? '';
  }

  Mounts(): string {
    return this.#c.Mounts.map((m) => {
      const name = m.Name ? m.Name : m.Source;
      return this.#trunc ? ellipsis(name, 15) : name;
    }).join(',');
  }

  LocalVolumes(): string {
    return String(this.#c.Mounts.filter((m) => m.Driver === 'local').length);
  }

  Networks(): string {
    return Object.keys(this.#c.NetworkSettings?.Networks ?? {}).join(',');
  }
}

/** formatter.DisplayablePorts: grouped ranges, `0.0.0.0:8080->80/tcp`, joined by ", ". */
export function displayablePorts(input: readonly Port[]): string {
  const ports = [...input].sort((a, b) => {
    if (a.PrivatePort !== b.PrivatePort) return a.PrivatePort - b.PrivatePort;
    if ((a.IP ?? '') !== (b.IP ?? '')) return (a.IP ?? '') < (b.IP ?? '') ? -1 : 1;
    if ((a.PublicPort ?? 0) !== (b.PublicPort ?? 0)) return (a.PublicPort ?? 0) - (b.PublicPort ?? 0);
    return a.Type < b.Type ? -1 : a.Type > b.Type ? 1 : 0;
  });
  const groups = new Map<string, { first: number; last: number }>();
  const keys: string[] = [];
  const result: string[] = [];
  const hostMappings: string[] = [];
  for (const port of ports) {
    const current = port.PrivatePort;
    let key = port.Type;
    if (port.IP) {
      if (port.PublicPort !== current) {
        hostMappings.push(
          `${joinHostPort(port.IP, String(port.PublicPort))}->${port.PrivatePort}/${port.Type}`,
        );
        continue;
      }
      key = `${port.IP}/${port.Type}`;
    }
    const group = groups.get(key);
    if (!group) {
      groups.set(key, { first: current, last: current });
      keys.push(key);
      continue;
    }
    if (current === group.last + 1) {
      group.last = current;
      continue;
    }
    result.push(formGroup(key, group.first, group.last));
    groups.set(key, { first: current, last: current });
  }
  for (const key of keys) {
    const g = groups.get(key)!;
    result.push(formGroup(key, g.first, g.last));
  }
  return [...result, ...hostMappings].join(', ');
}

function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

function formGroup(key: string, start: number, last: number): string {
  const parts = key.split('/');
  let type = parts[0]!;
  let ip = '';
  if (parts.length > 1) {
    ip = parts[0]!;
    type = parts[1]!;
  }
  let group = String(start);
  if (start !== last) group = `${group}-${last}`;
  if (ip) group = `${joinHostPort(ip, group)}->${group}`;
  return `${group}/${type}`;
}
