/**
 * Secrets and configs in the cluster store: SwarmKit's control API for them
 * (swarmkit manager/controlapi/{secret,config}.go, api/validation/secrets.go,
 * manager/state/store/{secrets,configs}.go). The two kinds behave alike, so one set of
 * functions serves both, with the kind's own texts.
 *
 * Stored objects are the Engine API's `Secret` / `Config` with the data kept as the
 * API carries it (base64 in `Spec.Data`); the daemon side (api/routes/secrets.ts,
 * configs.ts) strips a secret's data before it answers. Names are unique without
 * regard to case, as SwarmKit's name index is lower-cased.
 *
 * Write owner (STYLE.md habit 4): only this control API writes 'secret' and 'config'
 * objects; the agent reads them to put the files in task containers.
 */
import type { TaskSpec } from '../../api/types/service.ts';
import type {
  Config,
  ConfigReference,
  ConfigSpec,
  Secret,
  SecretReference,
  SecretSpec,
} from '../../api/types/secret.ts';
import { conflict, type DaemonError, invalidParameter, notFound, systemError } from '../../errdefs.ts';
import type { StoredObject } from '../../store/store.ts';
import type { Cluster } from '../cluster.ts';
import { rpcError } from '../manager/errors.ts';
import { SERVICE } from '../orchestrator/task.ts';
import { base64Length } from './data.ts';

export const SECRET = 'secret';
export const CONFIG = 'config';
export type Kind = typeof SECRET | typeof CONFIG;

/** api/validation MaxSecretSize */
export const MAX_SECRET_SIZE = 500 * 1024;
/** controlapi MaxConfigSize */
export const MAX_CONFIG_SIZE = 1000 * 1024;

/** controlapi isValidConfigOrSecretName */
const VALID_NAME = /^[a-zA-Z0-9]+(?:[a-zA-Z0-9-_.]*[a-zA-Z0-9])?$/;

type Stored = (Secret | Config) & { Spec: SecretSpec & ConfigSpec };

/** A gRPC status from the control API, as the daemon passes it on (httpstatus.FromGRPC). */
export function grpc(
  code: 'InvalidArgument' | 'AlreadyExists' | 'NotFound' | 'Unknown' | 'Internal',
  desc: string,
): DaemonError {
  const message = rpcError(code, desc);
  switch (code) {
    case 'NotFound':
      return notFound(message);
    case 'AlreadyExists':
      return conflict(message);
    case 'InvalidArgument':
      return invalidParameter(message);
    default:
      return systemError(message);
  }
}

/** validateConfigOrSecretAnnotations */
function validateName(name: string): void {
  if (name === '') throw grpc('InvalidArgument', 'name must be provided');
  if (name.length > 64 || !VALID_NAME.test(name))
    throw grpc(
      'InvalidArgument',
      'invalid name, only 64 [a-zA-Z0-9-_.] characters allowed, and the start and end character must be [a-zA-Z0-9]',
    );
}

/** validateSecretSpec / validateConfigSpec: the name, then the data's size (a driver's secret has none). */
function validateSpec(kind: Kind, spec: SecretSpec): void {
  validateName(spec.Name ?? '');
  if (kind === SECRET && spec.Driver) {
    if (!spec.Driver.Name) throw grpc('InvalidArgument', 'secret driver must have a name');
    return;
  }
  const size = base64Length(spec.Data ?? '');
  const max = kind === SECRET ? MAX_SECRET_SIZE : MAX_CONFIG_SIZE;
  if (size >= max || size < 1)
    throw grpc('InvalidArgument', `${kind} data must be larger than 0 and less than ${max} bytes`);
}

const sameName = (a: string | undefined, b: string | undefined) =>
  (a ?? '').toLowerCase() === (b ?? '').toLowerCase();

/**
 * CreateSecret / CreateConfig: the new object's ID. A secret with a driver needs that
 * driver's plugin; the simulation has no secrets plugins, so it fails as dockerd does
 * when the plugin is not installed (DriverProvider.NewSecretDriver → plugin lookup).
 */
export function createObject(cluster: Cluster, kind: Kind, spec: SecretSpec, now: string): string {
  validateSpec(kind, spec);
  if (kind === SECRET && spec.Driver) throw grpc('Unknown', `plugin "${spec.Driver.Name}" not found`);
  const id = cluster.random.base36(25);
  const object = {
    ID: id,
    CreatedAt: now,
    UpdatedAt: now,
    Spec: specOf(kind, spec),
  };
  cluster.store.update((tx) => {
    if (tx.find<Stored>(kind, (o) => sameName(o.Spec.Name, spec.Name)).length > 0)
      throw grpc('AlreadyExists', `${kind} ${spec.Name} already exists`);
    tx.create(kind, object);
  });
  return id;
}

/** The stored spec: the API's fields in its order, absent ones left out (Labels always there). */
function specOf(kind: Kind, spec: SecretSpec): SecretSpec {
  const out: SecretSpec = { Name: spec.Name, Labels: spec.Labels ?? {} };
  if (spec.Data) out.Data = spec.Data;
  if (kind === SECRET && spec.Driver) out.Driver = spec.Driver;
  if (spec.Templating) out.Templating = spec.Templating;
  return out;
}

/** ListSecretsRequest_Filters / ListConfigsRequest_Filters */
export interface ListFilters {
  names?: readonly string[];
  namePrefixes?: readonly string[];
  idPrefixes?: readonly string[];
  /** `key` (any value) or `key=value`, as convertKVStringsToMap makes them */
  labels?: Readonly<Record<string, string>>;
}

/**
 * ListSecrets / ListConfigs: the objects matching any name, name prefix (both without
 * regard to case) or ID prefix given — all when none is — and every label; in ID order,
 * as SwarmKit's memdb iterates them.
 */
export function listObjects(cluster: Cluster, kind: Kind, f: ListFilters = {}): Stored[] {
  const names = (f.names ?? []).map((n) => n.toLowerCase());
  const namePrefixes = (f.namePrefixes ?? []).map((n) => n.toLowerCase());
  const idPrefixes = f.idPrefixes ?? [];
  const any = names.length + namePrefixes.length + idPrefixes.length > 0;
  return cluster.store
    .find<Stored>(kind, (o) => {
      const name = (o.Spec.Name ?? '').toLowerCase();
      if (
        any &&
        !names.includes(name) &&
        !namePrefixes.some((p) => name.startsWith(p)) &&
        !idPrefixes.some((p) => o.ID.startsWith(p))
      )
        return false;
      return matchLabels(o.Spec.Labels ?? {}, f.labels ?? {});
    })
    .sort((a, b) => (a.ID < b.ID ? -1 : a.ID > b.ID ? 1 : 0));
}

/** controlapi filterMatchLabels: every key given is there, with the value given unless it is empty */
function matchLabels(labels: Record<string, string>, wanted: Readonly<Record<string, string>>): boolean {
  for (const [k, v] of Object.entries(wanted)) {
    if (!(k in labels)) return false;
    if (v !== '' && labels[k] !== v) return false;
  }
  return true;
}

/** GetSecret / GetConfig by full ID */
export function getObject(cluster: Cluster, kind: Kind, id: string): Stored | undefined {
  if (id === '') return undefined;
  return cluster.store.get<Stored>(kind, id);
}

/**
 * UpdateSecret / UpdateConfig: only the labels may change. The name must be the same
 * and data, when sent, the same bytes; `version` must be the stored one.
 */
export function updateObject(
  cluster: Cluster,
  kind: Kind,
  id: string,
  version: number,
  spec: SecretSpec,
  now: string,
): void {
  cluster.store.update((tx) => {
    const o = tx.get<Stored>(kind, id);
    if (!o) throw grpc('NotFound', `${kind} ${id} not found`);
    if (o.Spec.Name !== spec.Name || (spec.Data != null && spec.Data !== (o.Spec.Data ?? '')))
      throw grpc('InvalidArgument', 'only updates to Labels are allowed');
    // store.UpdateSecret with the client's version: ErrSequenceConflict
    if (o.Version.Index !== version) throw grpc('Unknown', 'update out of sequence');
    o.Spec = { ...o.Spec, Labels: spec.Labels ?? {} };
    o.UpdatedAt = now;
    tx.update(kind, o);
  });
}

interface ServiceLike extends StoredObject {
  Spec: { Name?: string; TaskTemplate?: TaskSpec };
}

/** The services whose spec refers to the object (store.ByReferencedSecretID / ConfigID). */
function referencingServices(services: ServiceLike[], kind: Kind, id: string): ServiceLike[] {
  return services.filter((s) => {
    const c = s.Spec.TaskTemplate?.ContainerSpec;
    return kind === SECRET
      ? ((c?.Secrets ?? []) as SecretReference[]).some((r) => r.SecretID === id)
      : ((c?.Configs ?? []) as ConfigReference[]).some((r) => r.ConfigID === id);
  });
}

/** RemoveSecret / RemoveConfig: refused while a service uses it. */
export function removeObject(cluster: Cluster, kind: Kind, id: string): void {
  cluster.store.update((tx) => {
    const o = tx.get<Stored>(kind, id);
    if (!o) throw grpc('NotFound', `could not find ${kind} ${id}`);
    const services = referencingServices(
      tx.find<ServiceLike>(SERVICE).sort((a, b) => (a.ID < b.ID ? -1 : 1)),
      kind,
      id,
    );
    if (services.length > 0) {
      const names = services.map((s) => s.Spec.Name ?? '');
      throw grpc(
        'InvalidArgument',
        `${kind} '${o.Spec.Name}' is in use by the following ${names.length === 1 ? 'service' : 'services'}: ${names.join(', ')}`,
      );
    }
    tx.delete(kind, id);
  });
}

/**
 * controlapi validateSecretRefsSpec and validateConfigRefsSpec: every reference names
 * its object and a target, and no two file targets of a kind are the same file.
 */
export function validateReferences(task: TaskSpec | undefined): void {
  const c = task?.ContainerSpec;
  if (!c) return;
  const secretTargets = new Map<string, string>();
  for (const r of (c.Secrets ?? []) as SecretReference[]) {
    if (!r.SecretID || !r.SecretName) throw grpc('InvalidArgument', 'malformed secret reference');
    if (!r.File) throw grpc('InvalidArgument', 'malformed secret reference, no target provided');
    const file = r.File.Name;
    if (!file)
      throw grpc('InvalidArgument', 'malformed file secret reference, invalid target file name provided');
    const prev = secretTargets.get(file);
    if (prev !== undefined)
      throw grpc(
        'InvalidArgument',
        `secret references '${prev}' and '${r.SecretName}' have a conflicting target: '${file}'`,
      );
    secretTargets.set(file, r.SecretName);
  }
  const configTargets = new Map<string, string>();
  for (const r of (c.Configs ?? []) as ConfigReference[]) {
    if (!r.ConfigID || !r.ConfigName) throw grpc('InvalidArgument', 'malformed config reference');
    if (!r.File && !r.Runtime)
      throw grpc('InvalidArgument', 'malformed config reference, no target provided');
    if (!r.File) continue;
    const file = r.File.Name;
    if (!file)
      throw grpc('InvalidArgument', 'malformed file config reference, invalid target file name provided');
    const prev = configTargets.get(file);
    if (prev !== undefined)
      throw grpc(
        'InvalidArgument',
        `config references '${prev}' and '${r.ConfigName}' have a conflicting target: '${file}'`,
      );
    configTargets.set(file, r.ConfigName);
  }
}

/**
 * controlapi checkSecretExistence and checkConfigExistence (CreateService,
 * UpdateService): each reference's ID must be a stored object of that name.
 */
export function checkReferencesExist(cluster: Cluster, task: TaskSpec | undefined): void {
  const c = task?.ContainerSpec;
  if (!c) return;
  const missing = (kind: Kind, refs: { id?: string; name?: string }[]) => {
    const failed = refs
      .filter((r) => getObject(cluster, kind, r.id ?? '')?.Spec.Name !== r.name)
      .map((r) => r.name ?? '');
    if (failed.length > 0)
      throw grpc(
        'InvalidArgument',
        `${kind}${failed.length === 1 ? '' : 's'} not found: ${failed.join(', ')}`,
      );
  };
  missing(
    SECRET,
    ((c.Secrets ?? []) as SecretReference[]).map((r) => ({ id: r.SecretID, name: r.SecretName })),
  );
  missing(
    CONFIG,
    ((c.Configs ?? []) as ConfigReference[]).map((r) => ({ id: r.ConfigID, name: r.ConfigName })),
  );
}
