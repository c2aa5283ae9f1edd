/**
 * `POST /commit?container=…&repo=…&tag=…` (moby daemon/commit.go
 * CreateImageFromContainer and daemon/images/image_commit.go CommitImage): a new
 * image whose config is the container's (with `--change` applied), whose layers are
 * the container image's plus the container's writable layer, and whose history adds
 * one row (created by the container's command). The container is paused meanwhile
 * unless `pause=0`. Events: image `create`, `tag` when named, container `commit`.
 */
import type { ContainerConfig } from '../../api/types/container.ts';
import { ENGINE_VERSION } from '../../api/version.ts';
import { conflict } from '../../errdefs.ts';
import type { LayerEntry } from '../../fs/layer.ts';
import { utf8Length } from '../../fs/node.ts';
import { familiarString } from '../../images/reference.ts';
import { digestOf } from '../../images/sha256.ts';
import type { HistoryEntry, ImageConfig } from '../../images/types.ts';
import type { Daemon } from '../daemon.ts';
import { rfc3339Nano } from '../instant.ts';
import { containerPause, containerUnpause } from '../stop.ts';
import { applyChanges } from './commit-changes.ts';
import { containerLayer } from './container-layer.ts';
import { logImageEvent } from './image-events.ts';
import type { ImageRecord, LayerRecord } from './record.ts';
import { repoTagReference, tagImageId } from './tag.ts';

export interface CommitOptions {
  container: string;
  repo: string;
  tag: string;
  comment: string;
  author: string;
  /** Dockerfile instructions (`--change`) */
  changes: string[];
  pause: boolean;
  /** a config from the request body, used instead of the container's */
  config?: ContainerConfig;
}

export function commitContainer(d: Daemon, o: CommitOptions): string {
  const ref = repoTagReference(o.repo, o.tag);
  const c = d.getContainer(o.container);
  if (c.status === 'dead') throw conflict(`You cannot commit container ${c.id} which is Dead`);
  if (c.removalInProgress) throw conflict(`You cannot commit container ${c.id} which is being removed`);
  const paused = o.pause && c.isRunning && !c.isPaused;
  if (paused) containerPause(d, c);
  try {
    const config = merge(applyChanges(o.config ?? c.config, o.changes), c.config);
    const parent = d.images.record(c.imageId);
    const entries = containerLayer(c);
    const layer: LayerRecord | undefined =
      entries.length === 0
        ? undefined
        : {
            diffId: digestOf(`layer\n${JSON.stringify(entries)}`),
            size: diffSize(entries),
            entries: () => entries,
          };
    const now = d.instant();
    const created = rfc3339Nano(now);
    const row: HistoryEntry = { created, created_by: (c.config.Cmd ?? []).join(' ') };
    if (o.author) row.author = o.author;
    if (o.comment) row.comment = o.comment;
    if (!layer) row.empty_layer = true;
    const layers = [...(parent?.layers ?? []), ...(layer ? [layer] : [])];
    const imageConfig = toImageConfig(config);
    const history = [...(parent?.history ?? []), row];
    const id = digestOf(
      JSON.stringify({ config: imageConfig, created, history, rootfs: layers.map((l) => l.diffId) }),
    );
    const image: ImageRecord = {
      id,
      parent: parent && d.images.get(parent.id) ? parent.id : '',
      comment: o.comment,
      created,
      createdMs: now.ms,
      dockerVersion: ENGINE_VERSION,
      author: o.author,
      config: imageConfig,
      architecture: parent?.architecture ?? 'amd64',
      os: 'linux',
      ...(parent?.variant ? { variant: parent.variant } : {}),
      size: (parent?.size ?? 0) + (layer?.size ?? 0),
      layers,
      history,
      container: c.id,
    };
    d.images.add(image);
    logImageEvent(d, id, id, 'create');
    if (ref) tagImageId(d, id, ref);
    d.containerEvent(c, 'commit', {
      comment: o.comment,
      imageID: id,
      imageRef: ref ? familiarString(ref) : '',
    });
    return id;
  } finally {
    if (paused && c.isPaused) containerUnpause(d, c);
  }
}

/** The layer's DiffSize: the bytes of what is not a directory (whiteouts count nothing). */
function diffSize(entries: readonly LayerEntry[]): number {
  let n = 0;
  for (const e of entries) {
    if (e.kind === 'file') n += e.size ?? utf8Length(e.data ?? '');
    else if (e.kind === 'symlink') n += utf8Length(e.target ?? '');
  }
  return n;
}

/** daemon/commit.go merge: what the new config leaves empty comes from the container's. */
function merge(user: ContainerConfig, base: ContainerConfig): ContainerConfig {
  const out: ContainerConfig = { ...user };
  if (!out.User) out.User = base.User;
  if (!out.ExposedPorts || Object.keys(out.ExposedPorts).length === 0) out.ExposedPorts = base.ExposedPorts;
  else out.ExposedPorts = { ...(base.ExposedPorts ?? {}), ...out.ExposedPorts };
  if (!out.Env || out.Env.length === 0) out.Env = base.Env;
  else {
    const keys = new Set(out.Env.map((e) => e.split('=')[0]));
    out.Env = [...out.Env, ...(base.Env ?? []).filter((e) => !keys.has(e.split('=')[0]))];
  }
  out.Labels = { ...(base.Labels ?? {}), ...(out.Labels ?? {}) };
  if (!out.Entrypoint || out.Entrypoint.length === 0) {
    if (!out.Cmd || out.Cmd.length === 0) out.Cmd = base.Cmd;
    if (out.Entrypoint === null || out.Entrypoint === undefined) out.Entrypoint = base.Entrypoint;
  }
  if (!out.Healthcheck && base.Healthcheck) out.Healthcheck = base.Healthcheck;
  if (!out.WorkingDir) out.WorkingDir = base.WorkingDir;
  if (!out.Volumes || Object.keys(out.Volumes).length === 0) out.Volumes = base.Volumes;
  else out.Volumes = { ...out.Volumes, ...(base.Volumes ?? {}) };
  if (!out.StopSignal) out.StopSignal = base.StopSignal;
  return out;
}

/** The image-config part of a container config (containerConfigToDockerOCIImageConfig). */
function toImageConfig(c: ContainerConfig): ImageConfig {
  const out: ImageConfig = {};
  if (c.User) out.User = c.User;
  if (c.ExposedPorts && Object.keys(c.ExposedPorts).length > 0)
    out.ExposedPorts = c.ExposedPorts as ImageConfig['ExposedPorts'];
  if (c.Env && c.Env.length > 0) out.Env = [...c.Env];
  if (c.Entrypoint && c.Entrypoint.length > 0) out.Entrypoint = [...c.Entrypoint];
  if (c.Cmd && c.Cmd.length > 0) out.Cmd = [...c.Cmd];
  if (c.Volumes && Object.keys(c.Volumes).length > 0) out.Volumes = c.Volumes as ImageConfig['Volumes'];
  if (c.WorkingDir) out.WorkingDir = c.WorkingDir;
  out.Labels = { ...(c.Labels ?? {}) };
  if (c.StopSignal) out.StopSignal = c.StopSignal;
  if (c.ArgsEscaped) out.ArgsEscaped = true;
  if (c.Healthcheck) out.Healthcheck = c.Healthcheck as ImageConfig['Healthcheck'];
  if (c.OnBuild && c.OnBuild.length > 0) out.OnBuild = [...c.OnBuild];
  if (c.Shell && c.Shell.length > 0) out.Shell = [...c.Shell];
  return out;
}
