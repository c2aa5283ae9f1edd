/**
 * `GET /containers/json` (moby daemon/list.go): newest first, running only unless
 * `all`, `limit`/`before`/`since`, and the ps filters.
 */
import type { ContainerSummary } from '../api/types/container.ts';
import type { FilterArgs } from '../api/filters.ts';
import { invalidParameter } from '../errdefs.ts';
import type { Container } from './container.ts';
import type { Daemon } from './daemon.ts';
import { summarize } from './view.ts';

const ACCEPTED = [
  'ancestor',
  'before',
  'exited',
  'id',
  'isolation',
  'label',
  'name',
  'status',
  'health',
  'since',
  'volume',
  'network',
  'is-task',
  'publish',
  'expose',
];
const STATES = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'];
const HEALTHS = ['none', 'starting', 'healthy', 'unhealthy'];

export interface ListOptions {
  all: boolean;
  limit: number;
  size: boolean;
  filters: FilterArgs;
}

function findByIdOrName(d: Daemon, value: string): Container {
  const c = d.findContainer(value);
  if (!c) throw invalidParameter(`No such container: ${value}`);
  return c;
}

export function listContainers(d: Daemon, options: ListOptions): ContainerSummary[] {
  const f = options.filters;
  f.validate(ACCEPTED);
  let all = options.all;
  for (const v of f.get('exited')) {
    if (!/^-?\d+$/.test(v))
      throw invalidParameter(`invalid filter 'exited=${v}': strconv.Atoi: parsing "${v}": invalid syntax`);
  }
  for (const v of f.get('status')) {
    if (!STATES.includes(v)) {
      throw invalidParameter(
        `invalid filter 'status=${v}': invalid value for state (${v}): must be one of ${STATES.join(', ')}`,
      );
    }
    all = true;
  }
  for (const v of f.get('health')) {
    if (!HEALTHS.includes(v)) {
      throw invalidParameter(
        `invalid filter 'health=${v}': invalid value for health (${v}): must be one of ${HEALTHS.join(', ')}`,
      );
    }
  }
  const before = f.get('before').map((v) => findByIdOrName(d, v));
  const since = f.get('since').map((v) => findByIdOrName(d, v));
  const ancestors = new Set<string>();
  for (const a of f.get('ancestor')) {
    const img = d.images.find(a);
    if (img) ancestors.add(img.id);
  }
  const exited = f.get('exited').map(Number);

  // newest first, by creation (daemon/list.go byCreatedDescending), then includeContainerInList
  const containers = [...d.containers.values()].sort(
    (a, b) => b.created.ms - a.created.ms || b.created.nano - a.created.nano,
  );
  let beforeFilter: Container | undefined = before[0];
  const sinceFilter = since[0];
  const out: ContainerSummary[] = [];
  for (const c of containers) {
    if (beforeFilter) {
      if (c === beforeFilter) beforeFilter = undefined;
      continue;
    }
    if (sinceFilter && c === sinceFilter) break;
    if (!c.isRunning && !all && options.limit <= 0) continue;
    if (!f.match('name', c.name) && !f.match('name', c.name.slice(1))) continue;
    if (!f.match('id', c.id)) continue;
    if (!f.matchKVList('label', c.config.Labels)) continue;
    if (options.limit > 0 && out.length === options.limit) break;
    if (exited.length > 0 && !(exited.includes(c.exitCode) && !c.isRunning && c.startedAt)) continue;
    const state = c.removalInProgress ? 'removing' : c.status;
    if (!f.match('status', state)) continue;
    if (!f.exactMatch('health', c.health?.status ?? 'none')) continue;
    if (f.contains('ancestor') && !ancestors.has(c.imageId)) continue;
    if (
      f.contains('volume') &&
      !c.mounts.some((m) => f.get('volume').some((v) => v === m.Name || v === m.Destination))
    )
      continue;
    if (
      f.contains('network') &&
      ![...c.networks.entries()].some(([name, s]) =>
        f.get('network').some((v) => v === name || s.NetworkID === v),
      )
    )
      continue;
    if (
      f.contains('publish') &&
      !matchesPorts(
        f.get('publish'),
        Object.keys(c.ports).filter((p) => (c.ports[p] ?? []).length > 0),
        true,
        c,
      )
    )
      continue;
    if (
      f.contains('expose') &&
      !matchesPorts(f.get('expose'), Object.keys(c.config.ExposedPorts ?? {}), false, c)
    )
      continue;
    out.push(summarize(d, c, d.clock.now(), options.size));
  }
  return out;
}

function matchesPorts(values: string[], ports: string[], published: boolean, c: Container): boolean {
  for (const v of values) {
    if (v.includes(':'))
      throw invalidParameter(`filter for '${published ? 'publish' : 'expose'}' should not contain ':': ${v}`);
    const [range = '', proto = 'tcp'] = v.split('/');
    const [a, b = a] = range.split('-').map(Number);
    for (let p = a!; p <= b!; p++) {
      if (published) {
        if (
          Object.values(c.ports).some((bs) => (bs ?? []).some((x) => x.HostPort === String(p))) ||
          ports.includes(`${p}/${proto}`)
        )
          return true;
      } else if (ports.includes(`${p}/${proto}`)) return true;
    }
  }
  return false;
}
