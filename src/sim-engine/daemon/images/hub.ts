/**
 * The simulated Docker Hub: every repository of the image catalogue, served as the
 * registry would (tags, digests, layers). Other registries' hosts do not answer in a
 * lab, as on a machine without the internet.
 */
import { catalogueLayers, resolve } from '../../images/index.ts';
import type { Reference } from '../../images/reference.ts';
import type { PullLookup, Registry } from '../registry.ts';
import type { LayerRecord } from './record.ts';

export class Hub implements Registry {
  lookup(ref: Reference): PullLookup {
    if (ref.domain !== 'docker.io') {
      const [host, port = '443'] = ref.domain.split(':');
      // localhost is an insecure registry, tried over plain HTTP last; nothing listens there
      const message =
        host === 'localhost' || host === '127.0.0.1'
          ? `Get "http://${ref.domain}/v2/": dial tcp 127.0.0.1:${port}: connect: connection refused`
          : `Get "https://${ref.domain}/v2/": dial tcp: lookup ${host} on 127.0.0.11:53: no such host`;
      return { ok: false, reason: 'unreachable', message };
    }
    const found = resolve(ref);
    if (!found.ok) {
      return {
        ok: false,
        reason: found.message.startsWith('pull access denied') ? 'no-repository' : 'no-manifest',
      };
    }
    const image = found.image;
    let cached: ReturnType<typeof catalogueLayers> | undefined;
    const layers: LayerRecord[] = image.layers.map((l, i) => ({
      diffId: l.diffId,
      size: l.size,
      entries: () => (cached ??= catalogueLayers(image))[i]!,
    }));
    return { ok: true, image, layers };
  }
}
