/**
 * A small builder for a layer's entries: parents are added before their children, as
 * in a layer tarball, and every entry gets the layer's mtime and root ownership unless
 * told otherwise.
 */
import type { LayerEntry } from '../types.ts';

export interface EntryOptions {
  mode?: number;
  uid?: number;
  gid?: number;
}

export class LayerBuilder {
  readonly #entries: LayerEntry[] = [];
  readonly #seen = new Set<string>();
  readonly #mtime: number;

  /** @param mtime the layer's build time, ms since the epoch */
  constructor(mtime: number) {
    this.#mtime = mtime;
  }

  #add(entry: LayerEntry): this {
    const parent = entry.path.slice(0, entry.path.lastIndexOf('/'));
    if (parent && !this.#seen.has(parent)) this.dir(parent);
    if (this.#seen.has(entry.path)) {
      const i = this.#entries.findIndex((e) => e.path === entry.path);
      this.#entries[i] = entry;
    } else {
      this.#seen.add(entry.path);
      this.#entries.push(entry);
    }
    return this;
  }

  #meta(o: EntryOptions, mode: number) {
    return { mode: o.mode ?? mode, uid: o.uid ?? 0, gid: o.gid ?? 0, mtime: this.#mtime };
  }

  dir(path: string, o: EntryOptions = {}): this {
    return this.#add({ path, kind: 'dir', ...this.#meta(o, 0o755) });
  }

  /** Directories, each with the same options. */
  dirs(paths: readonly string[], o: EntryOptions = {}): this {
    for (const p of paths) this.dir(p, o);
    return this;
  }

  file(path: string, data: string, o: EntryOptions = {}): this {
    return this.#add({ path, kind: 'file', data, ...this.#meta(o, 0o644) });
  }

  /** A simulated executable: placeholder text, a realistic size and its program tag. */
  bin(path: string, program: string, size: number, o: EntryOptions = {}): this {
    const name = path.slice(path.lastIndexOf('/') + 1);
    return this.#add({
      path,
      kind: 'file',
      data: `\x7fELF ${name}\n`,
      program,
      size,
      ...this.#meta(o, 0o755),
    });
  }

  /** A script the simulation runs natively (its text is what `cat` shows). */
  script(path: string, program: string, data: string, o: EntryOptions = {}): this {
    return this.#add({ path, kind: 'file', data, program, ...this.#meta(o, 0o755) });
  }

  link(path: string, target: string, program?: string): this {
    return this.#add({
      path,
      kind: 'symlink',
      target,
      ...(program ? { program } : {}),
      mode: 0o777,
      uid: 0,
      gid: 0,
      mtime: this.#mtime,
    });
  }

  whiteout(path: string): this {
    return this.#add({ path, kind: 'whiteout', mtime: this.#mtime });
  }

  entries(): LayerEntry[] {
    return this.#entries;
  }
}

/** Space-separated names to a list (data tables are written as one string). */
export const words = (s: string): string[] => s.split(/\s+/).filter(Boolean);
