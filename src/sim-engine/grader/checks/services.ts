/**
 * Services, from `/services?status=true`, with their tasks (`/tasks`) and the nodes
 * (`/nodes`) to say where tasks run. A task counts as running when the orchestrator
 * wants it running and the agent reports it running (`docker service ps` shows it
 * "Running"); with an `image`, only tasks on that image count: "web runs 4 of 6 tasks
 * on nginx:1.18".
 */
import type { NetworkInspect } from '../../api/types/index.ts';
import type { Service, Task, UpdateConfig } from '../../api/types/service.ts';
import type { Node } from '../../api/types/swarm.ts';
import { comparisonText, holds } from '../compare.ts';
import type { ServiceProps, UpdatePolicy } from '../goal.ts';
import { durationText, familiarRef, normalizeRef } from '../values.ts';
import { envCheck } from './common.ts';
import { portsPhrase } from './containers.ts';
import type { Kind, PropCheck } from './kind.ts';

export interface ServiceContext {
  tasks: readonly Task[];
  nodes: readonly Node[];
  networks: readonly NetworkInspect[];
  /**
   * the stack whose services these are: network names are then the stack file's
   * (`front` for `shop_front`), as `networks: [front]` under a stack's service says
   */
  namespace?: string;
}

/** `shop_front` → `front` in stack shop; other names as they are. */
export function shortName(name: string, namespace: string | undefined): string {
  return namespace && name.startsWith(`${namespace}_`) ? name.slice(namespace.length + 1) : name;
}

const imageOf = (s: Service) => familiarRef(s.Spec.TaskTemplate?.ContainerSpec?.Image ?? '');
const sameImage = (a: string, b: string) => normalizeRef(familiarRef(a)) === normalizeRef(b);

function runningTasks(s: Service, ctx: ServiceContext, image?: string): Task[] {
  return ctx.tasks.filter(
    (t) =>
      t.ServiceID === s.ID &&
      t.DesiredState === 'running' &&
      t.Status.State === 'running' &&
      (image === undefined || sameImage(t.Spec.ContainerSpec?.Image ?? '', image)),
  );
}

function desired(s: Service, ctx: ServiceContext): number {
  if (s.Spec.Mode?.Global)
    return ctx.tasks.filter((t) => t.ServiceID === s.ID && t.DesiredState === 'running').length;
  return s.Spec.Mode?.Replicated?.Replicas ?? 1;
}

function hostname(ctx: ServiceContext, id: string | undefined): string {
  const node = ctx.nodes.find((n) => n.ID === id);
  return node?.Description.Hostname ?? id?.slice(0, 12) ?? '(unassigned)';
}

/** Docker's defaults for what a service was created without (api/types/swarm defaults). */
const POLICY_DEFAULTS: Required<UpdateConfig> = {
  Parallelism: 1,
  Delay: 0,
  FailureAction: 'pause',
  Monitor: 5e9,
  MaxFailureRatio: 0,
  Order: 'stop-first',
};

const POLICY_FIELDS: ReadonlyArray<
  [keyof Omit<UpdatePolicy, 'text'>, keyof UpdateConfig, (v: never) => string]
> = [
  ['parallelism', 'Parallelism', (v: number) => String(v)],
  ['delay', 'Delay', (v: number) => durationText(v)],
  ['failure_action', 'FailureAction', (v: string) => v],
  ['monitor', 'Monitor', (v: number) => durationText(v)],
  ['max_failure_ratio', 'MaxFailureRatio', (v: number) => String(v)],
  ['order', 'Order', (v: string) => v],
];

function policyCheck(
  key: 'UpdateConfig' | 'RollbackConfig',
  name: string,
): PropCheck<Service, UpdatePolicy, unknown> {
  const wanted = (p: UpdatePolicy) =>
    POLICY_FIELDS.filter(([f]) => p[f] !== undefined)
      .map(([f]) => `${f} ${p.text[f]}`)
      .join(', ');
  return {
    want: (p) => `has ${name} ${wanted(p)}`,
    check(s, p) {
      const have = { ...POLICY_DEFAULTS, ...s.Spec[key] };
      const wrong: string[] = [];
      for (const [f, api, show] of POLICY_FIELDS) {
        if (p[f] === undefined) continue;
        if (have[api] !== p[f]) wrong.push(`${f} ${show(have[api] as never)} (not ${p.text[f]})`);
      }
      if (wrong.length === 0) return { ok: true, phrase: `has ${name} ${wanted(p)}` };
      return { ok: false, phrase: `has ${name} ${wrong.join(', ')}` };
    },
  };
}

export const SERVICES: Kind<Service, ServiceProps, ServiceContext> = {
  noun: 'service',
  plural: 'services',
  name: (s) => s.Spec.Name ?? s.ID,
  find: (all, name) => all.find((s) => s.Spec.Name === name) ?? all.find((s) => s.ID === name),
  checks: {
    image: {
      want: (v) => `uses the image ${v}`,
      check: (s, v) =>
        sameImage(imageOf(s), v)
          ? { ok: true, phrase: `uses the image ${v}` }
          : { ok: false, phrase: `uses the image ${imageOf(s)}, not ${v}` },
    },
    replicas: {
      want: (v) => `has ${comparisonText(v)} replicas`,
      check: (s, v) => {
        if (s.Spec.Mode?.Global) return { ok: false, phrase: 'is a global service, not replicated' };
        const n = s.Spec.Mode?.Replicated?.Replicas ?? 1;
        const ok = holds(v, n);
        return {
          ok,
          phrase: `is set to ${n} replica${n === 1 ? '' : 's'}${ok ? '' : `; the goal is ${comparisonText(v)}`}`,
        };
      },
    },
    running: {
      want: (v) => `runs ${comparisonText(v)} tasks`,
      check: (s, v, ctx, props) => {
        const image = props.image?.value;
        const n = runningTasks(s, ctx, image).length;
        const ok = holds(v, n);
        const on = image ? ` on ${image}` : '';
        return {
          ok,
          phrase: `runs ${n} of ${desired(s, ctx)} tasks${on}${ok ? '' : `; the goal is ${comparisonText(v)}`}`,
        };
      },
    },
    mode: {
      want: (v) => `is ${v}`,
      check: (s, v) => {
        const mode = s.Spec.Mode?.Global ? 'global' : 'replicated';
        return { ok: mode === v, phrase: mode === v ? `is ${mode}` : `is ${mode}, not ${v}` };
      },
    },
    ports: {
      want: (v) => `publishes ${v.map((p) => p.text).join(', ')}`,
      check: (s, v) => {
        const ports = (s.Endpoint?.Ports ?? s.Spec.EndpointSpec?.Ports ?? []).map((p) => ({
          hostIp: '',
          hostPort: p.PublishedPort,
          containerPort: p.TargetPort ?? 0,
          protocol: p.Protocol ?? 'tcp',
          mode: p.PublishMode ?? 'ingress',
        }));
        const result = portsPhrase(v, ports);
        const wrongMode = v.find(
          (spec) =>
            spec.mode && !ports.some((p) => p.containerPort === spec.containerPort && p.mode === spec.mode),
        );
        if (result.ok && wrongMode)
          return { ok: false, phrase: `publishes ${wrongMode.text} in another mode than ${wrongMode.mode}` };
        return result;
      },
    },
    networks: {
      want: (v) => `is on the networks ${v.join(', ')}`,
      check: (s, v, ctx) => {
        const attached = s.Spec.TaskTemplate?.Networks ?? s.Spec.Networks ?? [];
        const full = attached.map(
          (a) => ctx.networks.find((n) => n.Id === a.Target || n.Name === a.Target)?.Name ?? a.Target ?? '',
        );
        const names = full.map((n) => shortName(n, ctx.namespace));
        const missing = v.filter((n) => !names.includes(n) && !full.includes(n));
        if (missing.length === 0) return { ok: true, phrase: `is on the networks ${v.join(', ')}` };
        return {
          ok: false,
          phrase: `is on ${names.length ? `the networks ${names.join(', ')}` : 'no network of its own'}, not ${missing.join(', ')}`,
        };
      },
    },
    constraints: {
      want: (v) => `is constrained to ${v.join(', ')}`,
      check: (s, v) => {
        const norm = (c: string) => c.replace(/\s+/g, '');
        const have = s.Spec.TaskTemplate?.Placement?.Constraints ?? [];
        const missing = v.filter((c) => !have.map(norm).includes(norm(c)));
        if (missing.length === 0) return { ok: true, phrase: `is constrained to ${v.join(', ')}` };
        return {
          ok: false,
          phrase: `${have.length ? `is constrained to ${have.join(', ')}` : 'has no constraints'}, not ${missing.join(', ')}`,
        };
      },
    },
    env: envCheck<Service>((s) => s.Spec.TaskTemplate?.ContainerSpec?.Env),
    update_config: policyCheck('UpdateConfig', 'update_config'),
    rollback_config: policyCheck('RollbackConfig', 'rollback_config'),
    update_status: {
      want: (v) => `has an update ${v}`,
      check: (s, v) => {
        const state = s.UpdateStatus?.State;
        if (state === v) return { ok: true, phrase: `has an update ${v}` };
        return {
          ok: false,
          phrase: state
            ? `has an update ${state}, not ${v}`
            : `has not been updated (the goal is an update ${v})`,
        };
      },
    },
    spread: {
      want: () => 'spreads its tasks as the goal says',
      check: (s, v, ctx) => {
        const per = new Map<string, number>();
        for (const n of ctx.nodes)
          if (n.Status.State === 'ready' && n.Spec.Availability === 'active')
            per.set(n.Description.Hostname ?? n.ID, 0);
        for (const t of runningTasks(s, ctx)) {
          const h = hostname(ctx, t.NodeID);
          per.set(h, (per.get(h) ?? 0) + 1);
        }
        const where =
          [...per]
            .filter(([, n]) => n > 0)
            .map(([h, n]) => `${h} (${n})`)
            .join(', ') || 'no node';
        const wrong: string[] = [];
        const used = [...per.values()].filter((n) => n > 0).length;
        if (v.nodes && !holds(v.nodes, used))
          wrong.push(`${used} node${used === 1 ? '' : 's'} in use, the goal is ${comparisonText(v.nodes)}`);
        const counts = [...per.values()];
        if (v.max_per_node !== undefined && counts.some((n) => n > v.max_per_node!))
          wrong.push(`more than ${v.max_per_node} on a node`);
        if (v.min_per_node !== undefined && counts.some((n) => n < v.min_per_node!))
          wrong.push(`fewer than ${v.min_per_node} on an available node`);
        for (const [h, c] of Object.entries(v.per_node)) {
          const n = per.get(h) ?? 0;
          if (!holds(c, n)) wrong.push(`${n} on ${h}, the goal is ${comparisonText(c)}`);
        }
        return {
          ok: wrong.length === 0,
          phrase: `runs tasks on ${where}${wrong.length ? `: ${wrong.join('; ')}` : ''}`,
        };
      },
    },
  },
};
