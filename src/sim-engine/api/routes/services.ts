/**
 * Service and task routes (moby api/server/router/swarm/cluster_routes.go, backed by
 * daemon/cluster/services.go and tasks.go): what a manager answers from the cluster
 * store. Creating or changing a service writes only the service object (the control
 * API is the specs' one writer, swarmkit manager/controlapi/service.go); the
 * orchestrators, scheduler and agents do the rest through the store.
 *
 * Also `GET /distribution/{name}/json`, which `service create` asks to pin the image
 * to a digest and learn its platforms (moby api/server/router/distribution).
 */
import type { Daemon } from '../../daemon/daemon.ts';
import { rfc3339Nano as rfc } from '../../daemon/instant.ts';
import { planRefAsync } from '../../daemon/images/pull.ts';
import { DaemonError, invalidParameter, notFound, systemError, unavailable } from '../../errdefs.ts';
import { parseNormalizedNamed } from '../../images/reference.ts';
import type { StoredObject } from '../../store/store.ts';
import type { Cluster } from '../../swarm/cluster.ts';
import { membershipOf } from '../../swarm/cluster.ts';
import { populateNetworkIds } from '../../swarm/networking/control.ts';
import { checkReferencesExist } from '../../swarm/secrets/control.ts';
import type { NodeObject } from '../../swarm/orchestrator/task.ts';
import { isTaskDirty } from '../../swarm/updater/dirty.ts';
import { FilterArgs } from '../filters.ts';
import { goJSON } from '../go-structs/index.ts';
import { json, noContent, type Route } from '../router.ts';
import type { Service, ServiceSpec, ServiceStatus, Task, TaskState, UpdateConfig } from '../types/service.ts';
import { TASK_STATE_ORDER } from '../types/service.ts';
import { taskFromGRPC } from './services-convert.ts';
import {
  checkPortConflicts,
  convertSpec,
  endpointOf,
  normalizeSpec,
  rpcError,
  validateSpec,
} from './services-spec.ts';
import { bodyObject } from './util.ts';

const NOT_IN_SWARM =
  'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.';
const WORKER =
  "This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state. Please run this command on a manager node or promote the current node to a manager.";

/**
 * The cluster this daemon manages (moby cluster.go lockedManagerAction), or the 503 it
 * answers when it is not in a swarm or is a worker. Until swarm/manager exports its
 * own check, this reads the membership and the node object's Spec.Role.
 */
export function managerCluster(d: Daemon): Cluster {
  const m = membershipOf(d);
  if (!m) throw unavailable(NOT_IN_SWARM);
  const node = m.cluster.store.get<StoredObject & { Spec?: { Role?: string } }>('node', m.nodeId);
  if (node?.Spec?.Role !== 'manager') throw unavailable(WORKER);
  return m.cluster;
}

/** daemon/cluster/helpers.go getService: full ID, then exact name, then a unique ID prefix. */
export function getService(cluster: Cluster, input: string): Service {
  const store = cluster.store;
  const byId = store.get<Service>('service', input);
  if (byId) return byId;
  const byName = store.find<Service>('service', (s) => s.Spec.Name === input);
  if (byName.length === 1) return byName[0]!;
  const byPrefix = store.find<Service>('service', (s) => s.ID.startsWith(input));
  if (byPrefix.length === 0) throw notFound(`service ${input} not found`);
  if (byPrefix.length > 1)
    throw invalidParameter(`service ${input} is ambiguous (${byPrefix.length} matches found)`);
  return byPrefix[0]!;
}

interface NodeLike extends StoredObject {
  Spec?: { Name?: string };
  Description?: { Hostname?: string };
}

/** getNode: ID, then name or hostname, then a unique ID prefix. */
function getNode(cluster: Cluster, input: string): NodeLike {
  const store = cluster.store;
  const byId = store.get<NodeLike>('node', input);
  if (byId) return byId;
  const byName = store.find<NodeLike>('node', (n) => (n.Spec?.Name || n.Description?.Hostname) === input);
  if (byName.length === 1) return byName[0]!;
  const byPrefix = store.find<NodeLike>('node', (n) => n.ID.startsWith(input));
  if (byPrefix.length === 1) return byPrefix[0]!;
  if (byPrefix.length > 1)
    throw invalidParameter(`node ${input} is ambiguous (${byPrefix.length} matches found)`);
  throw notFound(`node ${input} not found`);
}

const SECOND = 1_000_000_000;

/** `insertDefaults=true` (convert.ServiceFromGRPC with defaults.InterpolateService). */
function withDefaults(s: Service): Service {
  const out = JSON.parse(JSON.stringify(s)) as Service;
  const t = (out.Spec.TaskTemplate ??= {});
  const c = (t.ContainerSpec ??= {});
  c.StopGracePeriod ??= 10 * SECOND;
  c.DNSConfig ??= {};
  c.Isolation ??= 'default';
  // defaults.InterpolateService fills Resources only when the spec has none at all
  t.Resources ??= { Limits: {}, Reservations: {} };
  t.RestartPolicy = { Condition: 'any', Delay: 5 * SECOND, MaxAttempts: 0, ...t.RestartPolicy };
  t.Placement ??= {};
  t.ForceUpdate ??= 0;
  t.Runtime ??= 'container';
  if (!out.Spec.Mode?.ReplicatedJob && !out.Spec.Mode?.GlobalJob) {
    const defaults = {
      Parallelism: 1,
      FailureAction: 'pause',
      Monitor: 5 * SECOND,
      MaxFailureRatio: 0,
      Order: 'stop-first',
    } as const;
    // the keys in swarm.UpdateConfig's field order, as the API's JSON has them
    const ordered = (c: Partial<UpdateConfig> | undefined): UpdateConfig => {
      const m = { ...defaults, ...c };
      return {
        Parallelism: m.Parallelism,
        ...(m.Delay ? { Delay: m.Delay } : {}),
        FailureAction: m.FailureAction,
        Monitor: m.Monitor,
        MaxFailureRatio: m.MaxFailureRatio,
        Order: m.Order,
      };
    };
    out.Spec.UpdateConfig = ordered(out.Spec.UpdateConfig);
    out.Spec.RollbackConfig = ordered(out.Spec.RollbackConfig);
  }
  out.Spec.EndpointSpec = { Mode: out.Spec.EndpointSpec?.Mode ?? 'vip', ...out.Spec.EndpointSpec };
  return out;
}

/** ListServiceStatuses */
function serviceStatus(cluster: Cluster, s: Service): ServiceStatus {
  const status: ServiceStatus = { RunningTasks: 0, DesiredTasks: 0, CompletedTasks: 0 };
  const global = !s.Spec.Mode?.Replicated && !s.Spec.Mode?.ReplicatedJob;
  if (s.Spec.Mode?.Replicated) status.DesiredTasks = s.Spec.Mode.Replicated.Replicas ?? 1;
  else if (s.Spec.Mode?.ReplicatedJob) status.DesiredTasks = s.Spec.Mode.ReplicatedJob.MaxConcurrent ?? 1;
  const iteration = s.JobStatus?.JobIteration.Index;
  for (const t of cluster.store.find<Task>('task', (x) => x.ServiceID === s.ID)) {
    // a job counts only the tasks of its current iteration, and those that completed
    if (iteration !== undefined) {
      if (t.JobIteration?.Index !== iteration) continue;
      if (t.Status.State === 'complete') status.CompletedTasks++;
    }
    if (t.Status.State === 'running') status.RunningTasks++;
    if (global && t.DesiredState === 'running') status.DesiredTasks++;
    if (global && t.Status.State !== 'complete' && t.DesiredState === 'complete') status.DesiredTasks++;
  }
  return status;
}

function listServices(cluster: Cluster, filters: FilterArgs, status: boolean): Service[] {
  filters.validate(['id', 'label', 'mode', 'name']);
  for (const m of filters.get('mode'))
    if (m !== 'replicated' && m !== 'global' && m !== 'replicated-job' && m !== 'global-job')
      throw invalidParameter(`Invalid filter: 'mode'='${m}'`);
  const modeOf = (s: Service) =>
    s.Spec.Mode?.Replicated
      ? 'replicated'
      : s.Spec.Mode?.Global
        ? 'global'
        : s.Spec.Mode?.ReplicatedJob
          ? 'replicated-job'
          : 'global-job';
  return cluster.store
    .find<Service>('service')
    .filter((s) => {
      const ids = filters.get('id');
      if (ids.length && !ids.some((p) => s.ID.startsWith(p))) return false;
      const names = filters.get('name');
      if (names.length && !names.some((p) => (s.Spec.Name ?? '').startsWith(p))) return false;
      const modes = filters.get('mode');
      if (modes.length && !modes.includes(modeOf(s))) return false;
      for (const l of filters.get('label')) {
        const eq = l.indexOf('=');
        const labels = s.Spec.Labels ?? {};
        if (eq < 0 ? !(l in labels) : labels[l.slice(0, eq)] !== l.slice(eq + 1)) return false;
      }
      return true;
    })
    .map((s) => (status ? { ...s, ServiceStatus: serviceStatus(cluster, s) } : s));
}

function listTasks(cluster: Cluster, filters: FilterArgs): Task[] {
  filters.validate(['name', 'id', 'label', 'service', 'node', 'desired-state', '_up-to-date', 'runtime']);
  const services = filters.get('service').map((x) => getService(cluster, x).ID);
  const nodes = filters.get('node').map((x) => getNode(cluster, x).ID);
  const desired: TaskState[] = [];
  for (const s of filters.get('desired-state')) {
    if (s.toLowerCase() in TASK_STATE_ORDER) desired.push(s.toLowerCase() as TaskState);
    else if (s !== '') throw new DaemonError('System', `Invalid desired-state filter: '${s}'`);
  }
  const upToDate = filters.get('_up-to-date').length > 0;
  const byId = new Map(cluster.store.find<Service>('service').map((s) => [s.ID, s]));
  const nodes_ = new Map(upToDate ? cluster.store.find<NodeObject>('node').map((n) => [n.ID, n]) : []);
  return cluster.store.find<Task>('task').filter((t) => {
    const ids = filters.get('id');
    if (ids.length && !ids.some((p) => t.ID.startsWith(p))) return false;
    const names = filters.get('name');
    const service = byId.get(t.ServiceID ?? '');
    const name = `${service?.Spec.Name ?? ''}.${t.Slot || t.NodeID}`;
    if (names.length && !names.some((p) => name.startsWith(p))) return false;
    if (services.length && !services.includes(t.ServiceID ?? '')) return false;
    // swarmkit matches the service labels the task was created with
    // (Task.ServiceAnnotations); the service's current ones stand in for them
    for (const l of filters.get('label')) {
      const eq = l.indexOf('=');
      const labels = service?.Spec.Labels ?? {};
      if (eq < 0 ? !Object.hasOwn(labels, l) : labels[l.slice(0, eq)] !== l.slice(eq + 1)) return false;
    }
    if (nodes.length && !nodes.includes(t.NodeID ?? '')) return false;
    if (desired.length && !desired.includes(t.DesiredState ?? 'new')) return false;
    // controlapi ListTasks: UpToDate keeps the tasks that are not dirty (orchestrator.IsTaskDirty)
    if (upToDate && (!service || isTaskDirty(service, t, nodes_.get(t.NodeID ?? '')))) return false;
    return true;
  });
}

/**
 * moby daemon/cluster/services.go UpdateService and swarmkit controlapi UpdateService:
 * the request's spec is checked, then — in one transaction — the mode and name must
 * not change and `version` must be the stored one; a rollback swaps Spec and
 * PreviousSpec and marks the update `rollback_started` ("manually requested rollback"),
 * any other update keeps the old spec as PreviousSpec and clears UpdateStatus. The
 * orchestrators and their updaters do the rest.
 */
function updateService(
  daemon: Daemon,
  cluster: Cluster,
  current: Service,
  spec: ServiceSpec,
  version: number,
  registryAuthFrom: string,
  rollbackOption: string,
): void {
  if (registryAuthFrom === 'previous-spec' && !current.PreviousSpec)
    throw systemError('service does not have a previous spec');
  if (registryAuthFrom !== '' && registryAuthFrom !== 'spec' && registryAuthFrom !== 'previous-spec')
    throw systemError('unsupported registryAuthFrom value');
  if (rollbackOption !== '' && rollbackOption !== 'none' && rollbackOption !== 'previous')
    throw systemError(`unrecognized rollback option ${rollbackOption}`);
  const rollback = rollbackOption === 'previous';
  convertSpec(spec);
  validateSpec(spec);
  populateNetworkIds(cluster, daemon, spec);
  if (!sameJSON(spec.EndpointSpec, current.Spec.EndpointSpec)) checkPortConflicts(cluster, spec, current.ID);
  checkReferencesExist(cluster, spec.TaskTemplate);
  const now = daemon.instant();
  cluster.store.update((tx) => {
    const s = tx.get<Service>('service', current.ID);
    if (!s) throw rpcError('NotFound', `service ${current.ID} not found`);
    const modeKey = (x: ServiceSpec) => Object.keys(x.Mode ?? {}).join();
    if (modeKey(spec) !== modeKey(s.Spec))
      throw rpcError('Unimplemented', 'service mode change is not allowed');
    if (spec.Name !== s.Spec.Name) throw rpcError('Unimplemented', 'renaming services is not supported');
    // store.UpdateService with the client's version: ErrSequenceConflict
    if (s.Version.Index !== version) throw rpcError('Unknown', 'update out of sequence');
    if (rollback) {
      if (!s.PreviousSpec)
        throw rpcError('FailedPrecondition', `service ${s.ID} does not have a previous spec`);
      const cur = s.Spec;
      s.Spec = s.PreviousSpec;
      s.PreviousSpec = cur;
      s.UpdateStatus = {
        State: 'rollback_started',
        StartedAt: rfc(now),
        Message: 'manually requested rollback',
      };
    } else {
      s.PreviousSpec = s.Spec;
      s.Spec = spec;
      delete s.UpdateStatus;
    }
    // controlapi UpdateService: every update of a job starts it again (a new JobIteration)
    if (s.JobStatus)
      s.JobStatus = { JobIteration: { Index: s.JobStatus.JobIteration.Index + 1 }, LastExecution: rfc(now) };
    s.Endpoint = endpointOf(cluster, s.Spec, s.Endpoint?.Ports);
    s.UpdatedAt = rfc(now);
    tx.update('service', s);
  });
}

const sameJSON = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export const serviceRoutes: Route<Daemon>[] = [
  {
    method: 'GET',
    path: '/services',
    handler: ({ daemon, query }) => {
      const cluster = managerCluster(daemon);
      const status = query['status'] === '1' || query['status'] === 'true';
      return json(
        200,
        goJSON(listServices(cluster, FilterArgs.parse(query['filters']), status), '[]swarm.Service'),
      );
    },
  },
  {
    method: 'POST',
    path: '/services/create',
    handler: ({ daemon, body }) => {
      const cluster = managerCluster(daemon);
      const spec = normalizeSpec(daemon, bodyObject<ServiceSpec>(body));
      convertSpec(spec);
      validateSpec(spec);
      populateNetworkIds(cluster, daemon, spec);
      // controlapi CreateService: ports, then the secrets and configs named, then the name
      checkPortConflicts(cluster, spec);
      checkReferencesExist(cluster, spec.TaskTemplate);
      if (cluster.store.find<Service>('service', (s) => s.Spec.Name === spec.Name).length > 0)
        throw rpcError(
          'AlreadyExists',
          `name conflicts with an existing object: service ${spec.Name} already exists`,
        );
      const now = daemon.instant();
      const stamp = rfc(now);
      const id = cluster.random.base36(25);
      const service: Omit<Service, 'Version'> = {
        ID: id,
        CreatedAt: stamp,
        UpdatedAt: stamp,
        Spec: spec,
        Endpoint: endpointOf(cluster, spec),
      };
      // controlapi CreateService: a job starts at JobIteration 0
      if (spec.Mode?.ReplicatedJob || spec.Mode?.GlobalJob)
        service.JobStatus = { JobIteration: { Index: 0 }, LastExecution: stamp };
      cluster.store.update((tx) => tx.create('service', service));
      return json(201, { ID: id, Warnings: null });
    },
  },
  {
    method: 'GET',
    path: '/services/{id}',
    handler: ({ daemon, params, query }) => {
      const cluster = managerCluster(daemon);
      const s = getService(cluster, params['id']!);
      const defaults = query['insertDefaults'] === '1' || query['insertDefaults'] === 'true';
      return json(200, goJSON(defaults ? withDefaults(s) : s, 'swarm.Service'));
    },
  },
  {
    method: 'POST',
    path: '/services/{id}/update',
    handler: ({ daemon, params, query, body }) => {
      const cluster = managerCluster(daemon);
      const version = Number(query['version']);
      if (!query['version'] || !Number.isInteger(version))
        throw invalidParameter(
          `invalid service version '${query['version'] ?? ''}': strconv.ParseUint: parsing "${query['version'] ?? ''}": invalid syntax`,
        );
      const spec = normalizeSpec(daemon, bodyObject<ServiceSpec>(body));
      const current = getService(cluster, params['id']!);
      updateService(
        daemon,
        cluster,
        current,
        spec,
        version,
        query['registryAuthFrom'] ?? '',
        query['rollback'] ?? '',
      );
      return json(200, { Warnings: null });
    },
  },
  {
    method: 'DELETE',
    path: '/services/{id}',
    handler: ({ daemon, params }) => {
      const cluster = managerCluster(daemon);
      const s = getService(cluster, params['id']!);
      cluster.store.update((tx) => tx.delete('service', s.ID));
      return noContent(200);
    },
  },
  {
    method: 'GET',
    path: '/tasks',
    handler: ({ daemon, query }) =>
      json(
        200,
        goJSON(
          listTasks(managerCluster(daemon), FilterArgs.parse(query['filters'])).map(taskFromGRPC),
          '[]swarm.Task',
        ),
      ),
  },
  {
    method: 'GET',
    path: '/tasks/{id}',
    handler: ({ daemon, params }) => {
      const cluster = managerCluster(daemon);
      const id = params['id']!;
      const t =
        cluster.store.get<Task>('task', id) ??
        (() => {
          const m = cluster.store.find<Task>('task', (x) => x.ID.startsWith(id));
          if (m.length > 1) throw invalidParameter(`task ${id} is ambiguous (${m.length} matches found)`);
          return m[0];
        })();
      if (!t) throw notFound(`task ${id} not found`);
      return json(200, goJSON(taskFromGRPC(t), 'swarm.Task'));
    },
  },
  {
    method: 'GET',
    path: '/distribution/{name*}/json',
    handler: async ({ daemon, params }) => {
      const parsed = parseNormalizedNamed(params['name']!);
      if (!parsed.ok) throw invalidParameter(parsed.error);
      const ref = parsed.ref.tag || parsed.ref.digest ? parsed.ref : { ...parsed.ref, tag: 'latest' };
      const plan = await planRefAsync(daemon, ref);
      return json(200, {
        Descriptor: {
          mediaType: 'application/vnd.oci.image.index.v1+json',
          digest: plan.image.digest,
          size: 10229,
        },
        Platforms: [{ architecture: plan.image.architecture, os: plan.image.os }],
      });
    },
  },
];
