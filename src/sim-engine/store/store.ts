/**
 * The cluster's state, as SwarmKit's memory store keeps it (manager/state/store): a
 * table per kind of object, changed only inside `update` transactions, and a watch
 * queue that tells every component what changed. Swarm's components never call one
 * another: the orchestrator writes a task, the scheduler sees it in the events and
 * assigns it, the dispatcher hands it to its node's agent (swarmkit design/store.md).
 *
 * Objects are plain JSON values in the Engine API's shapes (what `docker inspect`
 * prints), each with an `ID` and a `Version.Index` that every change increases, as
 * SwarmKit's `Meta.Version` does. Reads return copies: a component holds no live
 * reference into the store.
 */

/** What every stored object has. */
export interface StoredObject {
  ID: string;
  Version: { Index: number };
}

export type EventAction = 'create' | 'update' | 'delete';

export interface StoreEvent<K extends string = string> {
  kind: K;
  action: EventAction;
  /** the object after the change (before it, for a delete) */
  object: StoredObject;
  /** the object before an update */
  old?: StoredObject;
}

export type Watcher = (events: readonly StoreEvent[]) => void;

/** A transaction's view: reads see its own writes; nothing is visible outside until it commits. */
export interface Tx {
  get<T extends StoredObject>(kind: string, id: string): T | undefined;
  find<T extends StoredObject>(kind: string, where?: (o: T) => boolean): T[];
  create<T extends StoredObject>(
    kind: string,
    object: Omit<T, 'Version'> & { Version?: { Index: number } },
  ): T;
  update<T extends StoredObject>(kind: string, object: T): T;
  delete(kind: string, id: string): void;
}

export class StoreError extends Error {}

function copy<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

export class Store {
  readonly #tables = new Map<string, Map<string, StoredObject>>();
  readonly #watchers = new Set<Watcher>();
  #index = 0;
  #inTx = false;

  #table(kind: string): Map<string, StoredObject> {
    let t = this.#tables.get(kind);
    if (!t) this.#tables.set(kind, (t = new Map()));
    return t;
  }

  /** A copy of one object. */
  get<T extends StoredObject>(kind: string, id: string): T | undefined {
    const o = this.#tables.get(kind)?.get(id);
    return o ? copy(o as T) : undefined;
  }

  /** Copies of the objects of a kind (in creation order), optionally filtered. */
  find<T extends StoredObject>(kind: string, where?: (o: T) => boolean): T[] {
    const out: T[] = [];
    for (const o of this.#tables.get(kind)?.values() ?? []) {
      if (!where || where(o as T)) out.push(copy(o as T));
    }
    return out;
  }

  /**
   * Change the store. The writes of `fn` apply together when it returns; watchers then
   * get the events, in order. `update` of an object whose Version is not the stored
   * one fails (SwarmKit's ErrSequenceConflict), so a component never overwrites a
   * change it did not see.
   */
  update<R>(fn: (tx: Tx) => R): R {
    if (this.#inTx) throw new StoreError('nested store transaction');
    const pending = new Map<string, Map<string, StoredObject | null>>();
    const events: StoreEvent[] = [];
    const read = (kind: string, id: string): StoredObject | undefined => {
      const p = pending.get(kind);
      if (p?.has(id)) return p.get(id) ?? undefined;
      return this.#tables.get(kind)?.get(id);
    };
    const write = (kind: string, id: string, o: StoredObject | null) => {
      let p = pending.get(kind);
      if (!p) pending.set(kind, (p = new Map()));
      p.set(id, o);
    };
    const tx: Tx = {
      get: <T extends StoredObject>(kind: string, id: string) => {
        const o = read(kind, id);
        return o ? copy(o as T) : undefined;
      },
      find: <T extends StoredObject>(kind: string, where?: (o: T) => boolean) => {
        const ids = new Set([
          ...(this.#tables.get(kind)?.keys() ?? []),
          ...(pending.get(kind)?.keys() ?? []),
        ]);
        const out: T[] = [];
        for (const id of ids) {
          const o = read(kind, id) as T | undefined;
          if (o && (!where || where(o))) out.push(copy(o));
        }
        return out;
      },
      create: <T extends StoredObject>(
        kind: string,
        object: Omit<T, 'Version'> & { Version?: { Index: number } },
      ) => {
        if (read(kind, object.ID)) throw new StoreError(`object ${object.ID} already exists`);
        const o = { ...copy(object), Version: { Index: ++this.#index } } as T;
        write(kind, o.ID, o);
        events.push({ kind, action: 'create', object: copy(o) });
        return copy(o);
      },
      update: <T extends StoredObject>(kind: string, object: T) => {
        const old = read(kind, object.ID);
        if (!old) throw new StoreError(`object ${object.ID} does not exist`);
        if (old.Version.Index !== object.Version.Index) throw new StoreError('update out of sequence');
        const o = { ...copy(object), Version: { Index: ++this.#index } } as T;
        write(kind, o.ID, o);
        events.push({ kind, action: 'update', object: copy(o), old: copy(old) });
        return copy(o);
      },
      delete: (kind: string, id: string) => {
        const old = read(kind, id);
        if (!old) throw new StoreError(`object ${id} does not exist`);
        write(kind, id, null);
        events.push({ kind, action: 'delete', object: copy(old) });
      },
    };
    this.#inTx = true;
    let result: R;
    try {
      result = fn(tx);
    } finally {
      this.#inTx = false;
    }
    for (const [kind, p] of pending) {
      const t = this.#table(kind);
      for (const [id, o] of p) {
        if (o) t.set(id, o);
        else t.delete(id);
      }
    }
    if (events.length > 0) for (const w of [...this.#watchers]) w(events);
    return result;
  }

  /** Be told of every committed change; returns the function that stops it. */
  watch(w: Watcher): () => void {
    this.#watchers.add(w);
    return () => this.#watchers.delete(w);
  }

  /** The whole state as JSON (labs are saved), and back. */
  snapshot(): { index: number; tables: Record<string, StoredObject[]> } {
    const tables: Record<string, StoredObject[]> = {};
    for (const [k, t] of this.#tables) tables[k] = [...t.values()].map(copy);
    return { index: this.#index, tables };
  }

  restore(s: { index: number; tables: Record<string, StoredObject[]> }): void {
    this.#tables.clear();
    this.#index = s.index;
    for (const [k, objects] of Object.entries(s.tables)) {
      const t = this.#table(k);
      for (const o of objects) t.set(o.ID, copy(o));
    }
  }
}
