/**
 * `GET /images/{name}/json` (moby daemon/images/image_inspect.go and the API's
 * inspectCompatResponse). Two details of Engine 28's JSON are kept on purpose:
 *
 * - `Config` is re-marshalled as a map (to add the legacy fields `Cmd`, `Entrypoint`,
 *   `Env`, `Labels`, `OnBuild`, `User`, `Volumes`, `WorkingDir` when they are empty),
 *   so its keys are sorted, and it comes last: the wrapper struct that carries it
 *   is encoded after the embedded InspectResponse's fields.
 * - `Metadata.LastTagTime` is a time.Time, which `omitempty` never omits: an image
 *   never tagged here shows `0001-01-01T00:00:00Z`.
 */
import type { ImageConfig as ApiImageConfig, ImageInspect } from '../../api/types/image.ts';
import type { ImageConfig } from '../../images/types.ts';
import type { Daemon } from '../daemon.ts';
import { rfc3339Nano, ZERO_TIME } from '../instant.ts';
import { graphDriverData } from './layers.ts';
import type { ImageRecord } from './record.ts';

/** Fields API ≥ 1.50 always includes in Config, even when the image leaves them empty. */
const LEGACY_CONFIG: Record<string, unknown> = {
  Cmd: null,
  Entrypoint: null,
  Env: null,
  Labels: null,
  OnBuild: null,
  User: '',
  Volumes: null,
  WorkingDir: '',
};

/** Go's `omitempty` over the image config (DockerOCIImageConfig), then the legacy defaults, sorted. */
export function inspectConfig(config: ImageConfig): ApiImageConfig {
  const merged: Record<string, unknown> = { ...LEGACY_CONFIG };
  for (const [k, v] of Object.entries(config)) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    if (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0) continue;
    merged[k] = v;
  }
  const sorted: Record<string, unknown> = {};
  for (const k of Object.keys(merged).sort()) sorted[k] = merged[k];
  return sorted as ApiImageConfig;
}

export function inspectImage(d: Daemon, image: ImageRecord): ImageInspect {
  const comment = image.comment || (image.history.at(-1)?.comment ?? '');
  const out: ImageInspect = {
    Id: image.id,
    RepoTags: d.images.repoTags(image.id),
    RepoDigests: d.images.repoDigests(image.id),
    Parent: image.parent,
    Comment: comment,
    Created: image.created,
    DockerVersion: image.dockerVersion,
    Author: image.author,
    Architecture: image.architecture,
    ...(image.variant ? { Variant: image.variant } : {}),
    Os: image.os,
    Size: image.size,
    GraphDriver: { Data: graphDriverData(image), Name: 'overlay2' },
    RootFS: {
      Type: 'layers',
      ...(image.layers.length > 0 ? { Layers: image.layers.map((l) => l.diffId) } : {}),
    },
    Metadata: { LastTagTime: image.lastTagTime ? rfc3339Nano(image.lastTagTime) : ZERO_TIME },
    Config: inspectConfig(image.config),
  };
  if (out.Created === '') delete out.Created;
  return out;
}
