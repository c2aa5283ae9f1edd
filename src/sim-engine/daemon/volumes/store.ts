/**
 * Local volumes: named or anonymous, each a file system of its own that outlives the
 * containers using it (`docker volume create`, `-v data:/data`, an image's VOLUME).
 */
import { conflict, notFound } from '../../errdefs.ts';
import type { FileSystem } from '../../fs/types.ts';
import type { Instant } from '../instant.ts';

export interface VolumeRecord {
  name: string;
  driver: string;
  createdAt: Instant;
  labels: Record<string, string>;
  options: Record<string, string>;
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

  get(name: string): VolumeRecord {
    const v = this.#volumes.get(name);
    if (!v) throw notFound(`get ${name}: no such volume`);
    return v;
  }

  add(volume: VolumeRecord): void {
    this.#volumes.set(volume.name, volume);
  }

  /** Remove a volume unless `inUseBy` lists containers (moby volume service's errVolumeInUse). */
  remove(name: string, inUseBy: string[]): void {
    if (!this.#volumes.has(name)) throw notFound(`get ${name}: no such volume`);
    if (inUseBy.length > 0) throw conflict(`remove ${name}: volume is in use - [${inUseBy.join(', ')}]`);
    this.#volumes.delete(name);
  }
}
