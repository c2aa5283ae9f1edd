/**
 * What the control API does to a service spec before it is stored (swarmkit
 * manager/controlapi/service.go validateServiceSpec and checkPortConflicts; moby
 * daemon/cluster/convert/service.go, which converts it first): the checks a learner can
 * trip, with their gRPC errors as the daemon passes them on, the normalisations SwarmKit
 * stores, and the Endpoint the allocator fills. The routes (services.ts) call these.
 */
import type { Daemon } from '../../daemon/daemon.ts';
import { conflict, invalidParameter, notFound, notImplemented, systemError } from '../../errdefs.ts';
import { randomName } from '../../images/names.ts';
import { parseNormalizedNamed } from '../../images/reference.ts';
import type { Cluster } from '../../swarm/cluster.ts';
import { validateReferences } from '../../swarm/secrets/control.ts';
import type { PortConfig, Service, ServiceSpec } from '../types/service.ts';

/** A gRPC status as the daemon passes it on: `rpc error: code = X desc = …`. */
export function rpcError(
  code: 'InvalidArgument' | 'AlreadyExists' | 'NotFound' | 'FailedPrecondition' | 'Unimplemented' | 'Unknown',
  desc: string,
) {
  const message = `rpc error: code = ${code} desc = ${desc}`;
  if (code === 'NotFound') return notFound(message);
  if (code === 'AlreadyExists') return conflict(message);
  // httpstatus.statusCodeFromGRPCError: Unimplemented → 501, Unknown → 500
  if (code === 'Unimplemented') return notImplemented(message);
  if (code === 'Unknown') return systemError(message);
  return invalidParameter(message);
}

const DNS_NAME = /^[a-zA-Z0-9](?:[-_]*[A-Za-z0-9]+)*$/;
const CONSTRAINT_KEY = /^[a-z_][a-z0-9\-_.]+$/i;
const CONSTRAINT_VALUE = /^[a-z0-9:\-_\s.*()?+[\]\\^$|/]+$/i;

/**
 * moby daemon/cluster/convert/service.go updateConfigToGRPC, for UpdateConfig and
 * RollbackConfig alike: the daemon converts the spec before SwarmKit validates it, and
 * its errors are invalid-parameter ones (services.go), not rpc errors.
 */
export function convertSpec(spec: ServiceSpec): void {
  for (const c of [spec.UpdateConfig, spec.RollbackConfig]) {
    if (!c) continue;
    const action = c.FailureAction ?? '';
    if (!['pause', 'continue', 'rollback', ''].includes(action))
      throw invalidParameter(`unrecognized update failure action ${action}`);
    const order = c.Order ?? '';
    if (!['stop-first', 'start-first', ''].includes(order))
      throw invalidParameter(`unrecognized update order ${order}`);
  }
}

/** controlapi validateServiceSpec, the checks a learner can trip. */
export function validateSpec(spec: ServiceSpec): void {
  const name = spec.Name ?? '';
  if (name === '') throw rpcError('InvalidArgument', 'meta: name must be provided');
  if (!DNS_NAME.test(name)) throw rpcError('InvalidArgument', 'name must be valid as a DNS name component');
  if (name.length > 63) throw rpcError('InvalidArgument', 'name must be 63 characters or fewer');
  const task = spec.TaskTemplate ?? {};
  const r = task.Resources?.Reservations;
  for (const res of [task.Resources?.Limits, r]) {
    if (res?.NanoCPUs && res.NanoCPUs < 1e6)
      throw rpcError('InvalidArgument', `invalid cpu value ${res.NanoCPUs / 1e9}: Must be at least 0.001`);
    if (res?.MemoryBytes && res.MemoryBytes < 4 * 1024 * 1024)
      throw rpcError('InvalidArgument', `invalid memory value ${res.MemoryBytes}: Must be at least 4MiB`);
  }
  if ((task.RestartPolicy?.Delay ?? 0) < 0)
    throw rpcError('InvalidArgument', 'TaskSpec: restart-delay cannot be negative');
  if ((task.RestartPolicy?.Window ?? 0) < 0)
    throw rpcError('InvalidArgument', 'TaskSpec: restart-window cannot be negative');
  for (const c of task.Placement?.Constraints ?? []) {
    const op = ['==', '!='].find((o) => c.includes(o));
    if (!op) throw rpcError('InvalidArgument', 'constraint expected one operator from ==, !=');
    const key = c.slice(0, c.indexOf(op)).trim();
    const value = c.slice(c.indexOf(op) + 2).trim();
    if (!CONSTRAINT_KEY.test(key)) throw rpcError('InvalidArgument', `key '${key}' is invalid`);
    if (!CONSTRAINT_VALUE.test(value)) throw rpcError('InvalidArgument', `value '${value}' is invalid`);
  }
  // validateTaskSpec: the secret and config references, before the container spec
  validateReferences(task);
  const image = task.ContainerSpec?.Image ?? '';
  if (image === '') throw rpcError('InvalidArgument', 'ContainerSpec: image reference must be provided');
  if (!parseNormalizedNamed(image).ok)
    throw rpcError('InvalidArgument', `ContainerSpec: "${image}" is not a valid repository/tag`);
  const targets = new Set<string>();
  for (const m of task.ContainerSpec?.Mounts ?? []) {
    if (targets.has(m.Target ?? ''))
      throw rpcError('InvalidArgument', `ContainerSpec: duplicate mount point: ${m.Target}`);
    targets.add(m.Target ?? '');
  }
  const mode = spec.Mode ?? {};
  const modes = [mode.Replicated, mode.Global, mode.ReplicatedJob, mode.GlobalJob].filter(
    (x) => x !== undefined,
  );
  if (modes.length !== 1) throw rpcError('InvalidArgument', 'Unrecognized service mode');
  // controlapi validateMode, validateJob
  if ((mode.ReplicatedJob?.MaxConcurrent ?? 0) < 0)
    throw rpcError('InvalidArgument', 'Maximum concurrent jobs must not be negative');
  if ((mode.ReplicatedJob?.TotalCompletions ?? 0) < 0)
    throw rpcError('InvalidArgument', 'Total completed jobs must not be negative');
  if ((mode.ReplicatedJob || mode.GlobalJob) && spec.UpdateConfig)
    throw rpcError('InvalidArgument', 'Jobs may not have an update config');
  const ports = spec.EndpointSpec?.Ports ?? [];
  if (spec.EndpointSpec?.Mode === 'dnsrr' && ports.some((p) => (p.PublishMode ?? 'ingress') === 'ingress'))
    throw rpcError(
      'InvalidArgument',
      "EndpointSpec: port published with ingress mode can't be used with dnsrr mode",
    );
  const seen = new Set<string>();
  for (const p of ports) {
    if (!p.PublishedPort) continue;
    const key = `${p.Protocol ?? 'tcp'}/${p.PublishedPort}/${p.PublishMode ?? 'ingress'}`;
    if (seen.has(key)) throw rpcError('InvalidArgument', 'EndpointSpec: duplicate published ports provided');
    seen.add(key);
  }
}

/** checkPortConflicts: an ingress port is the cluster's; a host port may be shared. */
export function checkPortConflicts(cluster: Cluster, spec: ServiceSpec, exceptId = ''): void {
  const ports = spec.EndpointSpec?.Ports ?? [];
  if (ports.length === 0) return;
  for (const s of cluster.store.find<Service>('service', (x) => x.ID !== exceptId)) {
    const used = s.Endpoint?.Ports ?? s.Spec.EndpointSpec?.Ports ?? [];
    for (const pc of ports) {
      if (!pc.PublishedPort) continue;
      const same = (u: PortConfig) =>
        u.PublishedPort === pc.PublishedPort && (u.Protocol ?? 'tcp') === (pc.Protocol ?? 'tcp');
      const ingress = used.filter((u) => (u.PublishMode ?? 'ingress') === 'ingress').some(same);
      const host = used.filter((u) => u.PublishMode === 'host').some(same);
      if ((pc.PublishMode ?? 'ingress') === 'host' && ingress)
        throw rpcError(
          'InvalidArgument',
          `port '${pc.PublishedPort}' is already in use by service '${s.Spec.Name}' (${s.ID}) as a host-published port`,
        );
      if ((pc.PublishMode ?? 'ingress') === 'ingress' && (ingress || host))
        throw rpcError(
          'InvalidArgument',
          `port '${pc.PublishedPort}' is already in use by service '${s.Spec.Name}' (${s.ID}) as an ingress port`,
        );
    }
  }
}

/**
 * The service's Endpoint as the allocator fills it: the spec, and the ports with an
 * ingress port that had no published port given one from 30000 up.
 * The VirtualIPs are the network allocator's (swarm/networking/allocator.ts), added after.
 */
export function endpointOf(
  cluster: Cluster,
  spec: ServiceSpec,
  previous?: PortConfig[],
): Service['Endpoint'] {
  const ports = spec.EndpointSpec?.Ports ?? [];
  if (ports.length === 0) return { Spec: {} };
  const taken = new Set(
    cluster.store
      .find<Service>('service')
      .flatMap((s) => (s.Endpoint?.Ports ?? []).map((p) => p.PublishedPort)),
  );
  let next = 30000;
  const out = ports.map((p) => {
    const port: PortConfig = {
      Protocol: p.Protocol ?? 'tcp',
      TargetPort: p.TargetPort,
      PublishedPort: p.PublishedPort,
      PublishMode: p.PublishMode ?? 'ingress',
    };
    if (!port.PublishedPort && port.PublishMode === 'ingress') {
      const kept = previous?.find((q) => q.TargetPort === p.TargetPort && q.Protocol === port.Protocol);
      if (kept?.PublishedPort) port.PublishedPort = kept.PublishedPort;
      else {
        while (taken.has(next)) next++;
        port.PublishedPort = next;
        taken.add(next);
      }
    }
    return port;
  });
  return { Spec: { Mode: spec.EndpointSpec?.Mode ?? 'vip', Ports: ports }, Ports: out };
}

/** convert.ServiceSpecToGRPC's normalisations: a random name, Replicas 1 when unset. */
export function normalizeSpec(d: Daemon, spec: ServiceSpec): ServiceSpec {
  const out: ServiceSpec = JSON.parse(JSON.stringify(spec)) as ServiceSpec;
  if (!out.Name) out.Name = randomName(() => d.random.float());
  out.Labels ??= {};
  if (out.Mode?.Replicated && out.Mode.Replicated.Replicas === undefined) out.Mode.Replicated.Replicas = 1;
  // ServiceSpecToGRPC: a replicated job's MaxConcurrent defaults to 1, TotalCompletions to MaxConcurrent
  if (out.Mode?.ReplicatedJob) {
    out.Mode.ReplicatedJob.MaxConcurrent ??= 1;
    out.Mode.ReplicatedJob.TotalCompletions ??= out.Mode.ReplicatedJob.MaxConcurrent;
  }
  if (!out.Mode || Object.keys(out.Mode).length === 0) out.Mode = { Replicated: { Replicas: 1 } };
  if (out.TaskTemplate) out.TaskTemplate.ForceUpdate ??= 0;
  // ServiceSpecToGRPC, as SwarmKit stores it and serviceSpecFromGRPC reads it back: a
  // container's isolation is an enum that reads "default", its task's Runtime "container"
  // (moby daemon/cluster/convert/container.go IsolationFromGRPC, convert/service.go)
  if (out.TaskTemplate?.ContainerSpec) {
    out.TaskTemplate.ContainerSpec.Isolation ||= 'default';
    out.TaskTemplate.Runtime ||= 'container';
  }
  // updateConfigToGRPC: an empty failure action or order is SwarmKit's default enum value
  // (PAUSE, STOP_FIRST), which reads back as "pause" and "stop-first"
  for (const c of [out.UpdateConfig, out.RollbackConfig]) {
    if (!c) continue;
    if (!c.FailureAction) c.FailureAction = 'pause';
    if (!c.Order) c.Order = 'stop-first';
  }
  return out;
}
