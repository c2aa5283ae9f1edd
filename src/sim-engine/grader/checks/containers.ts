/** Containers: read from `/containers/json?all=1` and an inspect of each. */
import type { ContainerInspect, PortMap } from '../../api/types/index.ts';
import { comparisonText, holds } from '../compare.ts';
import type { ContainerProps, MountSpec, PortSpec } from '../goal.ts';
import type { Snapshot } from '../snapshot.ts';
import { normalizeRef, portText, trimSlash } from '../values.ts';
import { envCheck, labelsCheck, namesCheck } from './common.ts';
import type { Kind, PropResult } from './kind.ts';

export interface ActualPort {
  hostIp: string;
  hostPort?: number;
  containerPort: number;
  protocol: string;
}

/** Published ports: the bindings a running container has, or the ones a stopped one asks for. */
function portsOf(c: ContainerInspect): ActualPort[] {
  const map: PortMap = c.State.Running ? c.NetworkSettings.Ports : c.HostConfig.PortBindings;
  const out: ActualPort[] = [];
  for (const [key, bindings] of Object.entries(map ?? {})) {
    const [port, protocol = 'tcp'] = key.split('/');
    for (const b of bindings ?? []) {
      const hostPort = b.HostPort ? Number(b.HostPort) : undefined;
      if (
        out.some(
          (p) => p.hostPort === hostPort && p.containerPort === Number(port) && p.protocol === protocol,
        )
      )
        continue;
      out.push({
        hostIp: b.HostIp === '::' ? '' : b.HostIp,
        hostPort,
        containerPort: Number(port),
        protocol,
      });
    }
  }
  return out;
}

export function portMatches(spec: PortSpec, p: ActualPort): boolean {
  if (spec.containerPort !== p.containerPort || spec.protocol !== p.protocol) return false;
  if (spec.hostPort !== undefined && spec.hostPort !== p.hostPort) return false;
  const anyIp = (ip: string | undefined) => ip === undefined || ip === '' || ip === '0.0.0.0' || ip === '::';
  return spec.hostIp === undefined || spec.hostIp === p.hostIp || (anyIp(spec.hostIp) && anyIp(p.hostIp));
}

export function portsPhrase(specs: PortSpec[], actual: ActualPort[], verb = 'publishes'): PropResult {
  const text = (list: PortSpec[]) => list.map((p) => p.text).join(', ');
  if (specs.length === 0)
    return actual.length === 0
      ? { ok: true, phrase: `${verb} no ports` }
      : { ok: false, phrase: `${verb} ports, and should not` };
  const missing = specs.filter((s) => !actual.some((p) => portMatches(s, p)));
  if (missing.length === 0) return { ok: true, phrase: `${verb} ${text(specs)}` };
  const have = actual
    .map((p) => portText(p.hostIp || undefined, p.hostPort, p.containerPort, p.protocol))
    .join(', ');
  return { ok: false, phrase: `${verb} ${have || 'no ports'}, not ${text(missing)}` };
}

function mountMatches(spec: MountSpec, m: ContainerInspect['Mounts'][number]): boolean {
  if (trimSlash(m.Destination) !== spec.target) return false;
  if (spec.source !== undefined) {
    if (spec.source.startsWith('/')) {
      if (m.Type !== 'bind' || trimSlash(m.Source) !== spec.source) return false;
    } else if (m.Name !== spec.source) return false;
  }
  return spec.readOnly === undefined || spec.readOnly === !m.RW;
}

function mountText(m: ContainerInspect['Mounts'][number]): string {
  return `${m.Type === 'volume' ? m.Name : m.Source}:${m.Destination}${m.RW ? '' : ':ro'}`;
}

/** Whether the container comes from `ref`: the same name once normalized, or the image that name has now. */
export function fromImage(c: ContainerInspect, ref: string, snap: Snapshot): boolean {
  if (normalizeRef(c.Config.Image) === normalizeRef(ref)) return true;
  const image = snap.images.get(ref);
  return !!(image?.ok && image.value && image.value.Id === c.Image && c.Config.Image === c.Image);
}

function restartText(c: ContainerInspect): string {
  const { Name, MaximumRetryCount } = c.HostConfig.RestartPolicy;
  if (Name === '' || Name === 'no') return 'no';
  return Name === 'on-failure' && MaximumRetryCount > 0 ? `on-failure:${MaximumRetryCount}` : Name;
}

export const CONTAINERS: Kind<ContainerInspect, ContainerProps, Snapshot> = {
  noun: 'container',
  plural: 'containers',
  name: (c) => c.Name.replace(/^\//, ''),
  find: (all, name) => all.find((c) => c.Name === `/${name}` || c.Id === name),
  describe: (c) => `(${c.State.Status})`,
  checks: {
    image: {
      want: (v) => `is from ${v}`,
      check: (c, v, snap) =>
        fromImage(c, v, snap)
          ? { ok: true, phrase: `is from ${v}` }
          : { ok: false, phrase: `is from ${c.Config.Image}, not ${v}` },
    },
    state: {
      want: (v) => `is ${v}`,
      check: (c, v) =>
        c.State.Status === v
          ? { ok: true, phrase: `is ${v}` }
          : { ok: false, phrase: `is ${c.State.Status}, not ${v}` },
    },
    running: {
      want: (v) => (v ? 'is running' : 'is not running'),
      check: (c, v) => {
        const running = c.State.Status === 'running';
        if (running === v) return { ok: true, phrase: running ? 'is running' : `is ${c.State.Status}` };
        return {
          ok: false,
          phrase: running ? 'is running, and should not be' : `is ${c.State.Status}, not running`,
        };
      },
    },
    ports: {
      want: (v) => `publishes ${v.map((p) => p.text).join(', ') || 'no ports'}`,
      check: (c, v) => portsPhrase(v, portsOf(c)),
    },
    mounts: {
      want: (v) => `mounts ${v.map((m) => m.text).join(', ')}`,
      check: (c, v) => {
        const missing = v.filter((s) => !c.Mounts.some((m) => mountMatches(s, m)));
        if (missing.length === 0) return { ok: true, phrase: `mounts ${v.map((m) => m.text).join(', ')}` };
        const have = c.Mounts.map(mountText).join(', ');
        return {
          ok: false,
          phrase: `mounts ${have || 'nothing'}, not ${missing.map((m) => m.text).join(', ')}`,
        };
      },
    },
    env: envCheck<ContainerInspect>((c) => c.Config.Env),
    restart: {
      want: (v) => `has the restart policy ${v}`,
      check: (c, v) => {
        const have = restartText(c);
        const ok = have === v || (v === 'on-failure' && have.startsWith('on-failure'));
        return {
          ok,
          phrase: ok ? `has the restart policy ${have}` : `has the restart policy ${have}, not ${v}`,
        };
      },
    },
    exit_code: {
      want: (v) => `exited with code ${comparisonText(v)}`,
      check: (c, v) => {
        if (c.State.Status === 'running' || c.State.Status === 'created')
          return { ok: false, phrase: `is ${c.State.Status}: it has not exited` };
        const ok = holds(v, c.State.ExitCode);
        return {
          ok,
          phrase: `exited with code ${c.State.ExitCode}${ok ? '' : `, not ${comparisonText(v)}`}`,
        };
      },
    },
    networks: namesCheck<ContainerInspect, Snapshot>('is on the networks', (c) =>
      Object.keys(c.NetworkSettings.Networks ?? {}),
    ),
    labels: labelsCheck<ContainerInspect>((c) => c.Config.Labels),
  },
};
