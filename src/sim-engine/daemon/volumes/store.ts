/**
 * Local volumes (moby volume/service VolumeStore with the local driver): named or
 * anonymous, each a file system of its own that outlives the containers using it.
 * A volume is referenced by every container that mounts it, running or not; a
 * referenced volume cannot be removed or pruned.
 */
import { conflict, notFound } from '../../errdefs.ts';
import type { FileSystem } from '../../fs/types.ts';
import type { Instant } from '../instant.ts';

/** The label that marks the volumes Docker created for a container (service.AnonymousLabel). */
export const ANONYMOUS_LABEL = 'com.docker.volume.anonymous';

export interface VolumeRecord {
  name: string;
  driver: string;
  createdAt: Instant;
  /** as created: null when none were given */
  labels: Record<string, string> | null;
  options: Record<string, string> | null;
  /** created for a container without a name (`-v /data`, image VOLUME) */
  anonymous: boolean;
  fs: FileSystem;
}

export const VOLUMES_ROOT = '/var/lib/docker/volumes';

export function mountpoint(name: string): string {
  return `${VOLUMES_ROOT}/${name}/_data`;
}

export class VolumeStore {
  readonly #volumes = new Map<string, VolumeRecord>();

  all(): VolumeRecord[] {
    return [...this.#volumes.values()];
  }

  find(name: string): VolumeRecord | undefined {
    return this.#volumes.get(name);
  }

  /** VolumeStore.Get, or its OpErr "get NAME: no such volume" (404). */
  get(name: string): VolumeRecord {
    const v = this.#volumes.get(name);
    if (!v) throw notFound(`get ${name}: no such volume`);
    return v;
  }

  add(volume: VolumeRecord): void {
    this.#volumes.set(volume.name, volume);
  }

  /** Remove a volume unless `inUseBy` lists containers (the OpErr of errVolumeInUse, 409). */
  remove(name: string, inUseBy: string[]): void {
    if (!this.#volumes.has(name)) throw notFound(`get ${name}: no such volume`);
    if (inUseBy.length > 0) throw conflict(`remove ${name}: volume is in use - [${inUseBy.join(', ')}]`);
    this.#volumes.delete(name);
  }
}
