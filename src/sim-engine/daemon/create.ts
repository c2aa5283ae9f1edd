/**
 * `POST /containers/create` (moby daemon/create.go): check the config, find the
 * image, name the container, merge the image's config in, set up its mounts and
 * networks, and record it as created. Nothing runs yet.
 */
import type { ContainerCreateRequest, ContainerCreateResponse } from '../api/types/container.ts';
import { invalidParameter } from '../errdefs.ts';
import { randomName } from '../images/names.ts';
import { Container } from './container.ts';
import type { Daemon } from './daemon.ts';
import { normalizeHostConfig } from './host-config.ts';
import { mergeConfig } from './merge-config.ts';
import { createTimeNetworks } from './networks/attach.ts';
import { planMounts } from './mounts.ts';
import { assembleContainerFs } from './rootfs.ts';
import { ensureVolume } from './volumes/ensure.ts';
import { validateContainerConfig, validateHostConfig } from './validate.ts';

const VALID_NAME = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export function containerCreate(
  d: Daemon,
  name: string,
  request: ContainerCreateRequest,
): ContainerCreateResponse {
  const warnings: string[] = [];
  const hostConfig = normalizeHostConfig(request.HostConfig);
  validateContainerConfig(request);
  warnings.push(...validateHostConfig(hostConfig));

  if (!request.Image) throw invalidParameter('No such image: ');
  const image = d.images.resolve(request.Image);

  let fullName: string;
  if (name) {
    if (!VALID_NAME.test(name)) {
      throw invalidParameter(`Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
    }
    fullName = name.startsWith('/') ? name : '/' + name;
  } else {
    fullName = generateName(d);
  }

  const config = mergeConfig(request, image.config);
  if (!config.Entrypoint && !config.Cmd) throw invalidParameter('no command specified');

  const networks = createTimeNetworks(d, hostConfig, request);

  const id = d.random.hex(64);
  if (!config.Hostname) {
    // --network host shares the host's name; every other container is named by its short ID
    config.Hostname = hostConfig.NetworkMode === 'host' ? d.hostname : id.slice(0, 12);
  }
  d.reserveName(fullName, id);

  const plans = (() => {
    try {
      return planMounts(config, hostConfig, d.hostFs);
    } catch (err) {
      d.releaseName(fullName);
      throw err;
    }
  })();

  const argv = [...(config.Entrypoint ?? []), ...(config.Cmd ?? [])];
  const { fs, rootfs } = assembleContainerFs(d, image);
  const container = new Container({
    id,
    name: fullName,
    created: d.instant(),
    path: argv[0] ?? '',
    args: argv.slice(1),
    config,
    hostConfig,
    imageId: image.id,
    fs,
    rootfs,
  });

  for (const plan of plans) {
    if (plan.source.kind === 'volume') {
      const volume = ensureVolume(d, plan.source.name, plan.source.anonymous, container);
      plan.point.Name = volume.name;
      plan.point.Source = `/var/lib/docker/volumes/${volume.name}/_data`;
    }
    if (plan.source.kind === 'bind' && plan.source.createHostPath && !d.hostFs.stat(plan.source.path)) {
      // dockerd creates a missing bind source as a directory
      d.hostFs.mkdir(plan.source.path, { parents: true });
    }
    container.mounts.push(plan.point);
  }
  container.mountPlans = plans;

  container.networks = networks;

  d.containers.set(id, container);
  d.containerEvent(container, 'create');
  return { Id: id, Warnings: warnings };
}

function generateName(d: Daemon): string {
  for (let retry = 0; ; retry++) {
    const candidate = '/' + randomName(() => d.random.float(), retry);
    if (!d.names.has(candidate)) return candidate;
  }
}
