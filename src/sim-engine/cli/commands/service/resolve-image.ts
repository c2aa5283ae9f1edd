/**
 * What the moby API client does with a service's image before `service create` and
 * `service update --image` send the spec (client/service_create.go
 * `resolveContainerSpecImage`, `imageWithTagString`, `digestWarning`): it asks
 * `GET /distribution/<image>/json`, then pins the image as `name:tag@digest` and records
 * the platforms it is built for; a registry that cannot be asked gives a warning instead.
 */
import { ApiClientError } from '../../../api/client.ts';
import type { TaskSpec } from '../../../api/types/service.ts';
import { familiarString, parseNormalizedNamed } from '../../../images/reference.ts';
import type { DockerCli } from '../../docker-cli.ts';

/** resolveContainerSpecImage: the warning to print, or undefined when the image was pinned. */
export async function resolveContainerSpecImage(cli: DockerCli, task: TaskSpec): Promise<string | undefined> {
  const c = task.ContainerSpec!;
  const image = c.Image ?? '';
  try {
    const info = await cli.client.get<{
      Descriptor: { digest: string };
      Platforms?: { architecture: string; os: string }[];
    }>(`/distribution/${image}/json`);
    const parsed = parseNormalizedNamed(image);
    if (parsed.ok && !parsed.ref.digest) {
      const ref = { ...parsed.ref, tag: parsed.ref.tag ?? 'latest', digest: info.Descriptor.digest };
      c.Image = familiarString(ref);
    }
    const platforms = (info.Platforms ?? []).map((p) => ({
      Architecture: p.architecture.toLowerCase() === 'arm' ? '' : p.architecture,
      OS: p.os,
    }));
    if (platforms.length > 0) task.Placement = { ...task.Placement, Platforms: platforms };
    return undefined;
  } catch (err) {
    if (!(err instanceof ApiClientError)) throw err;
    return digestWarning(image);
  }
}

function digestWarning(image: string): string {
  return `image ${image} could not be accessed on a registry to record\nits digest. Each node will access ${image} independently,\npossibly leading to different nodes running different\nversions of the image.\n`;
}

/** imageWithTagString: `nginx` → `nginx:latest`; a reference with a tag or digest, or one that does not parse, is kept. */
export function imageWithTag(image: string): string {
  const parsed = parseNormalizedNamed(image);
  if (!parsed.ok || parsed.ref.tag || parsed.ref.digest) return image;
  return familiarString({ ...parsed.ref, tag: 'latest' });
}
