/**
 * The filter pipeline (swarmkit manager/scheduler/pipeline.go): the filters in their
 * fixed order, one explicit list. `process` stops at a node's first failing filter and
 * counts it; a node that passes resets the counts. `explain` lists the failures, the
 * most frequent first, joined by "; ".
 */
import type { PortConfig, Task } from '../../api/types/service.ts';
import {
  ConstraintFilter,
  type Filter,
  HostPortFilter,
  MaxReplicasFilter,
  PlatformFilter,
  PluginFilter,
  ReadyFilter,
  ResourceFilter,
} from './filters.ts';
import type { NodeInfo } from './node-info.ts';

interface Entry {
  filter: Filter;
  enabled: boolean;
  failures: number;
}

export class Pipeline {
  readonly #checklist: Entry[] = [
    new ReadyFilter(),
    new ResourceFilter(),
    new PluginFilter(),
    new ConstraintFilter(),
    new PlatformFilter(),
    new HostPortFilter(),
    new MaxReplicasFilter(),
  ].map((filter) => ({ filter, enabled: false, failures: 0 }));

  setTask(t: Task, ports: readonly PortConfig[] = []): void {
    for (const e of this.#checklist) {
      e.enabled = e.filter.setTask(t, ports);
      e.failures = 0;
    }
  }

  process(n: NodeInfo): boolean {
    for (const e of this.#checklist) {
      if (e.enabled && !e.filter.check(n)) {
        e.failures++;
        return false;
      }
    }
    for (const e of this.#checklist) e.failures = 0;
    return true;
  }

  explain(): string {
    // a stable sort from most failures to least (Go's insertion sort on so few entries)
    return [...this.#checklist]
      .sort((a, b) => b.failures - a.failures)
      .filter((e) => e.failures > 0)
      .map((e) => e.filter.explain(e.failures))
      .join('; ');
  }
}
