/**
 * The scheduler's filters (swarmkit manager/scheduler/filter.go). Each is switched on
 * for a task by `setTask`, passes or fails a node in `check`, and says in `explain`
 * what a failure on N nodes means — the words `docker service ps` shows in
 * "no suitable node (…)". PluginFilter is listed for its place in the order and never
 * enabled: the simulation has no plugins (every volume and log driver is built in).
 */
import type { PortConfig, Task } from '../../api/types/service.ts';
import { type Constraint, nodeMatches, parseConstraints } from './constraint.ts';
import type { NodeInfo } from './node-info.ts';

export interface Filter {
  readonly name: string;
  /** whether the filter applies to this task */
  setTask(t: Task, ports: readonly PortConfig[]): boolean;
  check(n: NodeInfo): boolean;
  explain(nodes: number): string;
}

const plural = (nodes: number, one: string, many: string) =>
  nodes === 1 ? one : many.replace('%d', String(nodes));

export class ReadyFilter implements Filter {
  readonly name = 'ReadyFilter';
  setTask(): boolean {
    return true;
  }
  check(n: NodeInfo): boolean {
    return n.node.Status?.State === 'ready' && n.node.Spec?.Availability === 'active';
  }
  explain(nodes: number): string {
    return plural(nodes, '1 node not available for new tasks', '%d nodes not available for new tasks');
  }
}

export class ResourceFilter implements Filter {
  readonly name = 'ResourceFilter';
  #cpu = 0;
  #mem = 0;
  setTask(t: Task): boolean {
    const r = t.Spec.Resources?.Reservations;
    if (!r || (!r.NanoCPUs && !r.MemoryBytes && !(r.GenericResources?.length ?? 0))) return false;
    this.#cpu = r.NanoCPUs ?? 0;
    this.#mem = r.MemoryBytes ?? 0;
    return true;
  }
  check(n: NodeInfo): boolean {
    return this.#cpu <= n.available.nanoCPUs && this.#mem <= n.available.memoryBytes;
  }
  explain(nodes: number): string {
    return plural(nodes, 'insufficient resources on 1 node', 'insufficient resources on %d nodes');
  }
}

export class PluginFilter implements Filter {
  readonly name = 'PluginFilter';
  setTask(): boolean {
    return false;
  }
  check(): boolean {
    return true;
  }
  explain(nodes: number): string {
    return plural(nodes, 'missing plugin on 1 node', 'missing plugin on %d nodes');
  }
}

export class ConstraintFilter implements Filter {
  readonly name = 'ConstraintFilter';
  #constraints: Constraint[] = [];
  setTask(t: Task): boolean {
    const c = t.Spec.Placement?.Constraints;
    if (!c?.length) return false;
    try {
      this.#constraints = parseConstraints(c);
    } catch {
      // validated by the control API; a bad one here disables the filter, as SwarmKit does
      return false;
    }
    return true;
  }
  check(n: NodeInfo): boolean {
    return nodeMatches(this.#constraints, n.node);
  }
  explain(nodes: number): string {
    return plural(
      nodes,
      'scheduling constraints not satisfied on 1 node',
      'scheduling constraints not satisfied on %d nodes',
    );
  }
}

const normArch = (a: string | undefined) =>
  a === 'x86_64' ? 'amd64' : a === 'aarch64' ? 'arm64' : (a ?? '');

export class PlatformFilter implements Filter {
  readonly name = 'PlatformFilter';
  #platforms: { Architecture?: string; OS?: string }[] = [];
  setTask(t: Task): boolean {
    this.#platforms = t.Spec.Placement?.Platforms ?? [];
    return this.#platforms.length > 0;
  }
  check(n: NodeInfo): boolean {
    const np = n.node.Description?.Platform;
    if (!np) return false;
    return this.#platforms.some(
      (p) =>
        (!p.Architecture || normArch(p.Architecture) === normArch(np.Architecture)) &&
        (!p.OS || p.OS === np.OS),
    );
  }
  explain(nodes: number): string {
    return plural(nodes, 'unsupported platform on 1 node', 'unsupported platform on %d nodes');
  }
}

/** `tcp/8080`: how a host-mode port is keyed on a node */
export const hostPortKey = (p: PortConfig) => `${p.Protocol ?? 'tcp'}/${p.PublishedPort}`;

export class HostPortFilter implements Filter {
  readonly name = 'HostPortFilter';
  #ports: PortConfig[] = [];
  setTask(_t: Task, ports: readonly PortConfig[]): boolean {
    this.#ports = ports.filter((p) => p.PublishMode === 'host' && (p.PublishedPort ?? 0) !== 0);
    return this.#ports.length > 0;
  }
  check(n: NodeInfo): boolean {
    return this.#ports.every((p) => !n.usedHostPorts.has(hostPortKey(p)));
  }
  explain(nodes: number): string {
    return plural(
      nodes,
      'host-mode port already in use on 1 node',
      'host-mode port already in use on %d nodes',
    );
  }
}

export class MaxReplicasFilter implements Filter {
  readonly name = 'MaxReplicasFilter';
  #service = '';
  #max = 0;
  setTask(t: Task): boolean {
    this.#max = t.Spec.Placement?.MaxReplicas ?? 0;
    this.#service = t.ServiceID ?? '';
    return this.#max > 0;
  }
  check(n: NodeInfo): boolean {
    return (n.activeTasksCountByService.get(this.#service) ?? 0) < this.#max;
  }
  explain(): string {
    return 'max replicas per node limit exceed';
  }
}
