/**
 * The deployment itself — docker/cli cli/command/stack/swarm/deploy_composefile.go
 * (v28.5.2): the node must be a swarm manager; `--prune` removes the stack's services the
 * files no longer name; the stack's networks are created (external ones must exist and be
 * swarm-scoped), then its secrets and configs (created, or updated when they exist), then
 * each service is created or updated. An updated service keeps its resolved image when
 * the file's image did not change (`--resolve-image changed|never`) and its ForceUpdate
 * counter, so a service whose part of the file is unchanged gets the spec it already has
 * and no task of it is replaced.
 *
 * Differs from Docker: docker/cli walks networks and services in Go map order, which is
 * random; here they go in name order (docs/differences.md).
 */
import { sortedMap } from '../opts/go-map.ts';
import { quote } from '../../../golang/index.ts';
import { ApiClientError } from '../../../api/client.ts';
import type { Config as SwarmConfig, ConfigSpec, Secret, SecretSpec } from '../../../api/types/secret.ts';
import type { NetworkCreateResponse } from '../../../api/types/network.ts';
import type {
  Service,
  ServiceCreateResponse,
  ServiceSpec,
  ServiceUpdateResponse,
} from '../../../api/types/service.ts';
import {
  convertConfigs,
  convertNetworks,
  convertSecrets,
  convertServices,
  LABEL_IMAGE,
  Namespace,
  type Config,
} from '../../../compose/index.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { CliError } from '../../errors.ts';
import { waitOnService } from '../service/progress.ts';
import { parseConfigs, parseSecrets } from '../service/parse-refs.ts';
import { imageWithTag, resolveContainerSpecImage } from '../service/resolve-image.ts';
import { getStackServices, stackFilter } from './common.ts';
import { loadHost } from './loader.ts';
import { removeServices } from './remove.ts';

export type ResolveImage = 'always' | 'changed' | 'never';

export interface DeployOptions {
  namespace: string;
  prune: boolean;
  resolveImage: ResolveImage;
  sendRegistryAuth: boolean;
  detach: boolean;
  quiet: boolean;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** checkDaemonIsSwarmManager: networks must be created before services, by a manager. */
async function checkDaemonIsSwarmManager(cli: DockerCli): Promise<void> {
  const info = await cli.client.get<{ Swarm?: { ControlAvailable?: boolean } }>('/info');
  if (!info.Swarm?.ControlAvailable)
    throw new CliError(
      'this node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again',
    );
}

export async function deployCompose(cli: DockerCli, config: Config, opts: DeployOptions): Promise<void> {
  await checkDaemonIsSwarmManager(cli);
  const namespace = new Namespace(opts.namespace);
  if (opts.prune) await pruneServices(cli, namespace, new Set(config.services.map((s) => s.name)));

  // getServicesDeclaredNetworks: a service without networks is on `default`
  const declared = new Set<string>();
  for (const s of config.services) {
    if (!s.networks?.size) declared.add('default');
    else for (const name of s.networks.keys()) declared.add(name);
  }
  const { create, external } = convertNetworks(namespace, config.networks, [...declared].sort());
  await validateExternalNetworks(cli, external);
  await createNetworks(cli, namespace, create);

  const host = loadHost(cli, cli.cwd);
  let secrets: SecretSpec[];
  let configs: ConfigSpec[];
  try {
    secrets = convertSecrets(namespace, config.secrets, host);
  } catch (err) {
    throw new CliError(message(err));
  }
  await createObjects(cli, 'secret', secrets);
  try {
    configs = convertConfigs(namespace, config.configs, host);
  } catch (err) {
    throw new CliError(message(err));
  }
  await createObjects(cli, 'config', configs);

  let services: Map<string, ServiceSpec>;
  try {
    services = await convertServices(namespace, config, {
      secrets: (refs) => parseSecrets(cli, refs),
      configs: (refs) => parseConfigs(cli, refs),
    });
  } catch (err) {
    throw new CliError(message(err));
  }
  const ids = await deployServices(cli, services, namespace, opts);
  if (opts.detach) return;
  const errs: string[] = [];
  for (const id of ids) {
    try {
      await waitOnService(cli, id, opts.quiet);
    } catch (err) {
      errs.push(`${id}: ${message(err)}`);
    }
  }
  if (errs.length) throw new CliError(errs.join('\n'));
}

/** pruneServices: a failed listing is reported and pruning goes on with nothing */
async function pruneServices(cli: DockerCli, namespace: Namespace, keep: Set<string>): Promise<void> {
  let old: Service[] = [];
  try {
    old = await getStackServices(cli, namespace.name);
  } catch (err) {
    cli.err.write(`Failed to list services: ${message(err)}\n`);
  }
  await removeServices(
    cli,
    old.filter((s) => !keep.has(namespace.descope(s.Spec.Name ?? ''))),
  );
}

/** container.NetworkMode.IsUserDefined */
function isUserDefined(name: string): boolean {
  return !['default', 'bridge', 'host', 'none'].includes(name) && !name.startsWith('container:');
}

async function validateExternalNetworks(cli: DockerCli, external: string[]): Promise<void> {
  for (const name of external) {
    if (!isUserDefined(name)) continue;
    let nw: { Scope?: string };
    try {
      nw = await cli.client.get<{ Scope?: string }>(`/networks/${encodeURIComponent(name)}`);
    } catch (err) {
      if (err instanceof ApiClientError && err.isNotFound)
        throw new CliError(
          `network ${quote(name)} is declared as external, but could not be found. You need to create a swarm-scoped network before the stack is deployed`,
        );
      throw err;
    }
    if (nw.Scope !== 'swarm')
      throw new CliError(
        `network ${quote(name)} is declared as external, but it is not in the right scope: ${quote(nw.Scope ?? '')} instead of "swarm"`,
      );
  }
}

async function createNetworks(
  cli: DockerCli,
  namespace: Namespace,
  networks: ReturnType<typeof convertNetworks>['create'],
): Promise<void> {
  const existing = new Set(
    (await cli.client.get<{ Name: string }[]>('/networks', { filters: stackFilter(namespace.name) })).map(
      (n) => n.Name,
    ),
  );
  for (const name of [...networks.keys()].sort()) {
    if (existing.has(name)) continue;
    const opts = networks.get(name)!;
    cli.out.write(`Creating network ${name}\n`);
    try {
      await cli.client.post<NetworkCreateResponse>('/networks/create', undefined, {
        ...opts,
        ...(opts.Options ? { Options: sortedMap(opts.Options) } : {}),
        ...(opts.Labels ? { Labels: sortedMap(opts.Labels) } : {}),
        Driver: opts.Driver || 'overlay',
        Name: name,
      });
    } catch (err) {
      throw new CliError(`failed to create network ${name}: ${message(err)}`);
    }
  }
}

/** createSecrets / createConfigs: one that exists is updated, one that does not is created */
async function createObjects(
  cli: DockerCli,
  kind: 'secret' | 'config',
  specs: (SecretSpec | ConfigSpec)[],
): Promise<void> {
  for (const spec of specs) {
    let current: Secret | SwarmConfig | undefined;
    try {
      current = await cli.client.get<Secret | SwarmConfig>(
        `/${kind}s/${encodeURIComponent(spec.Name ?? '')}`,
      );
    } catch (err) {
      if (!(err instanceof ApiClientError && err.isNotFound)) throw err;
    }
    if (current) {
      try {
        await cli.client.request('POST', `/${kind}s/${encodeURIComponent(current.ID)}/update`, {
          query: { version: current.Version.Index },
          body: spec,
        });
      } catch (err) {
        throw new CliError(`failed to update ${kind} ${spec.Name}: ${message(err)}`);
      }
      continue;
    }
    cli.out.write(`Creating ${kind} ${spec.Name}\n`);
    try {
      await cli.client.post(`/${kind}s/create`, undefined, spec);
    } catch (err) {
      throw new CliError(`failed to create ${kind} ${spec.Name}: ${message(err)}`);
    }
  }
}

async function deployServices(
  cli: DockerCli,
  services: Map<string, ServiceSpec>,
  namespace: Namespace,
  opts: DeployOptions,
): Promise<string[]> {
  const existing = new Map((await getStackServices(cli, namespace.name)).map((s) => [s.Spec.Name ?? '', s]));
  const headers = opts.sendRegistryAuth ? { 'X-Registry-Auth': '' } : undefined;
  const ids: string[] = [];
  for (const internalName of [...services.keys()].sort()) {
    const spec = services.get(internalName)!;
    const name = namespace.scope(internalName);
    const task = spec.TaskTemplate!;
    const container = task.ContainerSpec!;
    // Go maps, written with their keys sorted
    spec.Labels = sortedMap(spec.Labels);
    container.Labels = sortedMap(container.Labels);
    const image = container.Image ?? '';
    const service = existing.get(name);
    if (service) {
      cli.out.write(`Updating service ${name} (id: ${service.ID})\n`);
      let queryRegistry = false;
      const labelImage = service.Spec.Labels?.[LABEL_IMAGE];
      if (opts.resolveImage === 'always' || (opts.resolveImage === 'changed' && image !== labelImage))
        queryRegistry = true;
      else if (image === labelImage)
        // the image did not change: keep what the last deploy resolved it to
        container.Image = service.Spec.TaskTemplate?.ContainerSpec?.Image;
      // stack deploy has no --force: keep the counter so nothing is redeployed for it
      task.ForceUpdate = service.Spec.TaskTemplate?.ForceUpdate ?? 0;
      const warnings: string[] = [];
      container.Image = imageWithTag(container.Image ?? '');
      if (queryRegistry) {
        const w = await resolveContainerSpecImage(cli, task);
        if (w) warnings.push(w);
      }
      let response: ServiceUpdateResponse;
      try {
        response = (
          await cli.client.request('POST', `/services/${encodeURIComponent(service.ID)}/update`, {
            query: { version: service.Version.Index },
            body: spec,
            headers,
          })
        ).body as ServiceUpdateResponse;
      } catch (err) {
        throw new CliError(`failed to update service ${name}: ${message(err)}`);
      }
      for (const w of [...(response.Warnings ?? []), ...warnings]) cli.err.write(w + '\n');
      ids.push(service.ID);
    } else {
      cli.out.write(`Creating service ${name}\n`);
      container.Image = imageWithTag(image);
      // the client's warning about an unreachable registry is not printed for a new service
      if (opts.resolveImage !== 'never') await resolveContainerSpecImage(cli, task);
      let response: ServiceCreateResponse;
      try {
        response = (await cli.client.request('POST', '/services/create', { body: spec, headers }))
          .body as ServiceCreateResponse;
      } catch (err) {
        throw new CliError(`failed to create service ${name}: ${message(err)}`);
      }
      ids.push(response.ID);
    }
  }
  return ids;
}
