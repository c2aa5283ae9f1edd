/**
 * docker/cli v28.5.2 cli/command/service/parse.go ParseSecrets and ParseConfigs: the
 * `--secret`/`--config` (and `--secret-add`/`--config-add`) references get the IDs of
 * the objects they name, looked up with one `GET /secrets?filters={"name":…}` (a name
 * prefix filter; only exact names count). Two references to one target file are
 * refused before the lookup. Docker collects the references in a map, so several come
 * out in random order; here they keep the order given.
 */
import { encodeFilters } from '../../../api/client.ts';
import type { Config, ConfigReference, Secret, SecretReference } from '../../../api/types/secret.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { CliError } from '../../errors.ts';

/** What the flag parsers give (opts/swarmopts): a file target and the object's name. */
interface Requested {
  File: { Name: string; UID: string; GID: string; Mode: number };
}

async function resolve<R extends Requested>(
  cli: DockerCli,
  kind: 'secret' | 'config',
  requested: readonly R[],
  nameOf: (r: R) => string,
  make: (r: R, id: string) => SecretReference | ConfigReference,
): Promise<(SecretReference | ConfigReference)[]> {
  if (requested.length === 0) return [];
  const byTarget = new Map<string, R>();
  for (const r of requested) {
    if (byTarget.has(r.File.Name))
      throw new CliError(`duplicate ${kind} target for ${nameOf(r)} not allowed`);
    byTarget.set(r.File.Name, r);
  }
  const filters = encodeFilters([...byTarget.values()].map((r) => ['name', nameOf(r)] as [string, string]));
  const found = new Map<string, string>();
  for (const o of await cli.client.get<(Secret | Config)[]>(`/${kind}s`, { filters }))
    found.set(o.Spec.Name ?? '', o.ID);
  return [...byTarget.values()].map((r) => {
    const id = found.get(nameOf(r));
    if (id === undefined) throw new CliError(`${kind} not found: ${nameOf(r)}`);
    return make(r, id);
  });
}

/** ParseSecrets: swarm.SecretReference in its JSON field order */
export async function parseSecrets(
  cli: DockerCli,
  requested: readonly (Requested & { SecretName: string })[],
): Promise<SecretReference[]> {
  return resolve(
    cli,
    'secret',
    requested,
    (r) => r.SecretName,
    (r, id) => ({ File: { ...r.File }, SecretID: id, SecretName: r.SecretName }),
  ) as Promise<SecretReference[]>;
}

/** ParseConfigs: swarm.ConfigReference in its JSON field order (file targets only) */
export async function parseConfigs(
  cli: DockerCli,
  requested: readonly (Requested & { ConfigName: string })[],
): Promise<ConfigReference[]> {
  return resolve(
    cli,
    'config',
    requested,
    (r) => r.ConfigName,
    (r, id) => ({ File: { ...r.File }, ConfigID: id, ConfigName: r.ConfigName }),
  ) as Promise<ConfigReference[]>;
}
