/**
 * The daemon's side of secrets and configs (moby daemon/cluster/{secrets,configs}.go,
 * helpers.go getSecret/getConfig, filters.go, convert/{secret,config}.go, and the
 * router's request decoding in api/server/router/swarm/cluster_routes.go): how a name,
 * ID or ID prefix finds the object, which filters a list takes, what the API shows of
 * an object, and the request body as the Go types decode it.
 */
import type { Config, Secret, SecretSpec } from '../../api/types/secret.ts';
import { FilterArgs } from '../../api/filters.ts';
import { invalidParameter, notFound } from '../../errdefs.ts';
import type { Cluster } from '../cluster.ts';
import { getObject, type Kind, type ListFilters, listObjects, SECRET } from './control.ts';
import { base64ErrorOffset } from './data.ts';

type Stored = ReturnType<typeof listObjects>[number];

/**
 * getSecret / getConfig: the full ID, else the exact name (without regard to case, as
 * SwarmKit's name index), else a unique ID prefix.
 */
export function resolveObject(cluster: Cluster, kind: Kind, input: string): Stored {
  const byId = getObject(cluster, kind, input);
  if (byId) return byId;
  let found = listObjects(cluster, kind, { names: [input] });
  if (found.length === 0) found = listObjects(cluster, kind, { idPrefixes: [input] });
  if (found.length === 0) throw notFound(`${kind} ${input} not found`);
  if (found.length > 1)
    throw invalidParameter(`${kind} ${input} is ambiguous (${found.length} matches found)`);
  return found[0]!;
}

/**
 * newListSecretsFilters / newListConfigsFilters: the request's filters as the control
 * API takes them (only secrets take `names`, exact names; `name` is a prefix).
 */
export function listFilters(kind: Kind, raw: string | undefined): ListFilters {
  const filters = FilterArgs.parse(raw);
  filters.validate(kind === SECRET ? ['names', 'name', 'id', 'label'] : ['name', 'id', 'label']);
  const labels: Record<string, string> = {};
  // convertKVStringsToMap: `key=value`, or `key` alone for any value
  for (const l of filters.get('label')) {
    const eq = l.indexOf('=');
    if (eq < 0) labels[l] = '';
    else labels[l.slice(0, eq)] = l.slice(eq + 1);
  }
  return {
    names: kind === SECRET ? filters.get('names') : [],
    namePrefixes: filters.get('name'),
    idPrefixes: filters.get('id'),
    labels,
  };
}

/**
 * SecretFromGRPC / ConfigFromGRPC: the object as the API shows it. SwarmKit never hands
 * out a secret's data; a config's is there.
 */
export function apiView(kind: Kind, o: Stored): Secret | Config {
  const spec: SecretSpec = { Name: o.Spec.Name, Labels: o.Spec.Labels ?? {} };
  if (kind !== SECRET && o.Spec.Data) spec.Data = o.Spec.Data;
  if (kind === SECRET && o.Spec.Driver) spec.Driver = o.Spec.Driver;
  if (o.Spec.Templating) spec.Templating = o.Spec.Templating;
  return { ID: o.ID, Version: o.Version, CreatedAt: o.CreatedAt, UpdatedAt: o.UpdatedAt, Spec: spec };
}

/**
 * The request body as httputils.ReadJSON decodes it into swarm.SecretSpec/ConfigSpec:
 * `Data` must be base64 (Go's []byte), `Name` a string, `Labels` a map of strings;
 * anything else is the decoder's error.
 */
export function readSpec(kind: Kind, body: unknown): SecretSpec {
  const spec = (body && typeof body === 'object' && !Array.isArray(body) ? body : {}) as Record<
    string,
    unknown
  >;
  const struct = kind === SECRET ? 'SecretSpec' : 'ConfigSpec';
  const typeError = (v: unknown, field: string, type: string) =>
    invalidParameter(
      `invalid JSON: json: cannot unmarshal ${goKind(v)} into Go struct field ${struct}.${field} of type ${type}`,
    );
  const data = spec['Data'];
  if (data !== undefined && data !== null) {
    if (typeof data !== 'string') throw typeError(data, 'Data', '[]uint8');
    const at = base64ErrorOffset(data);
    if (at >= 0) throw invalidParameter(`invalid JSON: illegal base64 data at input byte ${at}`);
  }
  const name = spec['Name'];
  if (name !== undefined && name !== null && typeof name !== 'string')
    throw typeError(name, 'Name', 'string');
  const labels = spec['Labels'];
  if (labels !== undefined && labels !== null) {
    if (typeof labels !== 'object' || Array.isArray(labels))
      throw typeError(labels, 'Labels', 'map[string]string');
    for (const [k, v] of Object.entries(labels))
      if (typeof v !== 'string') throw typeError(v, `Labels.${k}`, 'string');
  }
  return spec as SecretSpec;
}

/** The JSON kind Go's decoder names in an UnmarshalTypeError. */
function goKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null || typeof v === 'object') return 'object';
  return typeof v === 'boolean' ? 'bool' : typeof v;
}
