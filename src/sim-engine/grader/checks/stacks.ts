/**
 * Stacks, found as `docker stack` finds them: by the label com.docker.stack.namespace
 * that `docker stack deploy` puts on services (`/services?status=true`), networks
 * (`/networks`), secrets (`/secrets`) and configs (`/configs`). A stack is there while
 * anything carries its label — `docker stack rm` removes all four kinds, and a node
 * lets go of a network a moment after its tasks end — though `docker stack ls` counts
 * only its services. Inside a stack everything is named as the stack file names it
 * (`web` for the service `shop_web`), and a stack's services are graded with every
 * property a service has ("shop_web runs 3 of 3 tasks on nginx:1.18").
 */
import type { NetworkInspect } from '../../api/types/index.ts';
import type { Config, Secret } from '../../api/types/secret.ts';
import type { Service } from '../../api/types/service.ts';
import { comparisonText, holds } from '../compare.ts';
import type { Section, ServiceProps, StackProps } from '../goal.ts';
import { gradeSection, plural, type GradeLine, type Kind, type PropCheck } from './kind.ts';
import { SERVICES, shortName, type ServiceContext } from './services.ts';

export const NAMESPACE_LABEL = 'com.docker.stack.namespace';

export interface Stack {
  name: string;
  services: Service[];
  networks: NetworkInspect[];
  secrets: Secret[];
  configs: Config[];
}

/** Every stack there is, by name, from what carries the namespace label. */
export function stacksOf(
  services: readonly Service[],
  networks: readonly NetworkInspect[],
  secrets: readonly Secret[],
  configs: readonly Config[],
): Stack[] {
  const stacks = new Map<string, Stack>();
  const stack = (labels: Record<string, string> | null | undefined) => {
    const name = labels?.[NAMESPACE_LABEL];
    if (name === undefined) return undefined;
    let s = stacks.get(name);
    if (!s) stacks.set(name, (s = { name, services: [], networks: [], secrets: [], configs: [] }));
    return s;
  };
  for (const s of services) stack(s.Spec.Labels)?.services.push(s);
  for (const n of networks) stack(n.Labels)?.networks.push(n);
  for (const s of secrets) stack(s.Spec.Labels)?.secrets.push(s);
  for (const c of configs) stack(c.Spec.Labels)?.configs.push(c);
  return [...stacks.values()].sort((a, b) => a.name.localeCompare(b.name));
}

const countOnly = (v: Section<ServiceProps>) => v.named.length === 0 && v.quantified.length === 0;

/** A stack's services as a section of services: `web` is `shop_web`, sentences say "in stack shop". */
function gradeServices(stack: Stack, v: Section<ServiceProps>, ctx: ServiceContext): GradeLine[] {
  const named = v.named.map((n) => ({ ...n, name: `${stack.name}_${n.name}` }));
  return gradeSection(
    { ...SERVICES, among: `in stack ${stack.name}` },
    { ...v, named },
    { ok: true, value: stack.services },
    { ...ctx, namespace: stack.name },
  );
}

const servicesCheck: PropCheck<Stack, Section<ServiceProps>, ServiceContext> = {
  want: (v) =>
    countOnly(v) && v.count
      ? `has ${comparisonText(v.count.value)} services`
      : 'has its services as the goal says',
  check(stack, v, ctx) {
    if (countOnly(v) && v.count) {
      const n = stack.services.length;
      const ok = holds(v.count.value, n);
      return {
        ok,
        phrase: `has ${plural(n, 'service', 'services')}${ok ? '' : `; the goal is ${comparisonText(v.count.value)}`}`,
      };
    }
    const miss = gradeServices(stack, v, ctx).find((l) => !l.passed);
    if (!miss) return { ok: true, phrase: 'has its services as the goal says' };
    return { ok: false, phrase: `does not have its services as the goal says: ${miss.explain}` };
  },
  lines: (stack, v, ctx) => gradeServices(stack, v, ctx),
};

/** Networks, secrets or configs by the stack file's names (`front`); the full name (`shop_front`) works too. */
function namesCheck(
  kinds: string,
  namesOf: (s: Stack) => string[],
): PropCheck<Stack, string[], ServiceContext> {
  return {
    want: (v) => `has the ${kinds} ${v.join(', ')}`,
    check(stack, want) {
      const full = namesOf(stack);
      const short = full.map((n) => shortName(n, stack.name));
      const missing = want.filter((n) => !short.includes(n) && !full.includes(n));
      if (missing.length === 0) return { ok: true, phrase: `has the ${kinds} ${want.join(', ')}` };
      return {
        ok: false,
        phrase: `has ${short.length ? `the ${kinds} ${short.join(', ')}` : `no ${kinds}`}, not ${missing.join(', ')}`,
      };
    },
  };
}

/** `(3 services, 2 networks)`: what is left of a stack that should be gone. */
function describe(stack: Stack): string {
  const parts: [number, string, string][] = [
    [stack.services.length, 'service', 'services'],
    [stack.networks.length, 'network', 'networks'],
    [stack.secrets.length, 'secret', 'secrets'],
    [stack.configs.length, 'config', 'configs'],
  ];
  return `(${parts
    .filter(([n]) => n > 0)
    .map(([n, one, many]) => plural(n, one, many))
    .join(', ')})`;
}

export const STACKS: Kind<Stack, StackProps, ServiceContext> = {
  noun: 'stack',
  plural: 'stacks',
  name: (s) => s.name,
  find: (all, name) => all.find((s) => s.name === name),
  describe,
  checks: {
    services: servicesCheck,
    networks: namesCheck('networks', (s) => s.networks.map((n) => n.Name)),
    secrets: namesCheck('secrets', (s) => s.secrets.map((x) => x.Spec.Name ?? x.ID)),
    configs: namesCheck('configs', (s) => s.configs.map((x) => x.Spec.Name ?? x.ID)),
  },
};
