/**
 * The cluster's state, as SwarmKit's memory store keeps it (manager/state/store): a
 * table per kind of object, changed only inside `update` transactions, and a watch
 * queue that tells every component what changed. Swarm's components never call one
 * another: the orchestrator writes a task, the scheduler sees it in the events and
 * assigns it, the dispatcher hands it to its node's agent (swarmkit design/store.md).
 *
 * Objects are plain JSON values in the Engine API's shapes (what `docker inspect`
 * prints), each with an `ID` and a `Version.Index` that every change increases, as
 * SwarmKit's `Meta.Version` does. Reads return copies (watch events and `peek`/`view` give the
 * frozen stored objects, read-only): a component holds no live
 * reference into the store.
 *
 * Stored objects are frozen and never changed: a write stores a new version, which
 * shares with the one it replaces the parts that did not change (see `own`). `peek` and
 * `view` give them out without a copy, for trusted components on hot paths (the
 * scheduler reads 100,000 tasks a pass): what they return stays what it was, and cannot
 * be changed. Everything else — `get`, `find`, what `create` and `update` return, the
 * objects of watch events, `snapshot` — is a copy, as before.
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
  /**
   * the object after the change (before it, for a delete): the frozen stored object
   * itself, shared by every watcher — read it, never change it (copy it to work on it)
   */
  object: StoredObject;
  /** the object before an update */
  old?: StoredObject;
}

export type Watcher = (events: readonly StoreEvent[]) => void;

/** A transaction's view: reads see its own writes; nothing is visible outside until it commits. */
export interface Tx {
  get<T extends StoredObject>(kind: string, id: string): T | undefined;
  /** The object as this transaction sees it, not copied: read it, never change it. */
  peek<T extends StoredObject>(kind: string, id: string): Readonly<T> | undefined;
  find<T extends StoredObject>(kind: string, where?: (o: T) => boolean): T[];
  create<T extends StoredObject>(
    kind: string,
    object: Omit<T, 'Version'> & { Version?: { Index: number } },
  ): T;
  update<T extends StoredObject>(kind: string, object: T): T;
  /** `update` for a caller that does not need the stored version back (no copy is made for it). */
  put<T extends StoredObject>(kind: string, object: T): void;
  delete(kind: string, id: string): void;
}

export class StoreError extends Error {}

/**
 * A deep copy with JSON's meaning (what `JSON.parse(JSON.stringify(v))` gives), walked
 * by hand because the store copies on every read and write and the round trip through
 * a string costs several times more. Plain objects and arrays are copied; `undefined`,
 * functions and symbols vanish from objects and become null in arrays; non-finite
 * numbers become null and -0 becomes 0. Anything else (a `toJSON`, a boxed primitive,
 * a bigint) takes the JSON route itself, so the result, or the error, is JSON's.
 */
function copyJson<T>(v: T): T {
  return (typeof v === 'object' && v !== null ? copyObject(v) : JSON.parse(JSON.stringify(v))) as T;
}

function copyValue(v: unknown): unknown {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      return Number.isFinite(v) ? (v === 0 ? 0 : v) : null;
    case 'object':
      return v === null ? null : copyObject(v);
    default:
      // undefined, functions and symbols: the caller drops or nulls them; bigint throws in JSON
      if (typeof v === 'bigint') return JSON.parse(JSON.stringify(v));
      return undefined;
  }
}

function copyObject(v: object): unknown {
  if (Array.isArray(v)) {
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) {
      const c = copyValue(v[i]);
      out[i] = c === undefined ? null : c;
    }
    return out;
  }
  if (
    typeof (v as { toJSON?: unknown }).toJSON === 'function' ||
    v instanceof Number ||
    v instanceof String ||
    v instanceof Boolean
  )
    return JSON.parse(JSON.stringify(v));
  const out: Record<string, unknown> = {};
  const from = v as Record<string, unknown>;
  if (isPlain(v)) for (const k in from) setField(out, k, copyValue(from[k]));
  else for (const k of Object.keys(from)) setField(out, k, copyValue(from[k]));
  return out;
}

/**
 * A plain object's for…in visits exactly `Object.keys`, in the same order (nothing on
 * Object.prototype is enumerable), without making the array: the copies walk it so.
 */
function isPlain(v: object): boolean {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

function setField(out: Record<string, unknown>, k: string, c: unknown): void {
  if (c === undefined) return;
  if (k === '__proto__')
    Object.defineProperty(out, k, { value: c, enumerable: true, writable: true, configurable: true });
  else out[k] = c;
}

const copy = copyJson;

/**
 * What the store keeps of a written value: its JSON copy, frozen, except that a part
 * which is the very object found at the same place in `prev` (the stored version it
 * replaces) is kept as is. Stored objects are never changed, so consecutive versions
 * share what did not change — a task that goes PENDING → ASSIGNED gets a new Status and
 * keeps its Spec — and a write costs what it changes. Only `peek` and `view` hand
 * stored objects out, so only they can give such a part back, and freezing makes sure
 * nobody changed it meanwhile. (`JSON.parse(JSON.stringify(v))` of the result is the
 * same as of v: the shared parts are JSON copies already.)
 */
function own(v: unknown, prev: unknown): unknown {
  switch (typeof v) {
    case 'object':
      if (v === null) return null;
      if (v === prev) return v;
      if (Array.isArray(v)) {
        const before = Array.isArray(prev) ? prev : undefined;
        const out = new Array<unknown>(v.length);
        for (let i = 0; i < v.length; i++) {
          const c = own(v[i], before?.[i]);
          out[i] = c === undefined ? null : c;
        }
        return Object.freeze(out);
      }
      if (
        typeof (v as { toJSON?: unknown }).toJSON === 'function' ||
        v instanceof Number ||
        v instanceof String ||
        v instanceof Boolean
      )
        return own(JSON.parse(JSON.stringify(v)), undefined);
      return Object.freeze(ownFields(v, prev));
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      return Number.isFinite(v) ? (v === 0 ? 0 : v) : null;
    default:
      if (typeof v === 'bigint') return JSON.parse(JSON.stringify(v));
      return undefined;
  }
}

function ownFields(v: object, prev: unknown): Record<string, unknown> {
  const before = (typeof prev === 'object' && prev !== null && !Array.isArray(prev) ? prev : undefined) as
    Record<string, unknown> | undefined;
  const out: Record<string, unknown> = {};
  const from = v as Record<string, unknown>;
  if (isPlain(v)) for (const k in from) setField(out, k, own(from[k], before?.[k]));
  else for (const k of Object.keys(from)) setField(out, k, own(from[k], before?.[k]));
  return out;
}

/** The stored form of a created or updated object: `{ ID, Version, ...copy(object) }`, frozen. */
function stored<T extends StoredObject>(object: object, prev: StoredObject | undefined, index: number): T {
  const plain =
    typeof (object as { toJSON?: unknown }).toJSON === 'function'
      ? JSON.parse(JSON.stringify(object))
      : object;
  const o = ownFields(plain, prev);
  const version = Object.freeze({ Index: index });
  if ('Version' in o || !('ID' in o)) {
    o.Version = version;
    return Object.freeze(o) as T;
  }
  // the Engine API's objects carry their version right after the ID (swarm.Meta is embedded
  // after ID), which is where `docker … inspect` prints it
  const { ID, ...rest } = o;
  return Object.freeze({ ID, Version: version, ...rest }) as T;
}

/** An update's event: `old` is copied only if a watcher reads it (the stored version never changes). */
function updateEvent(kind: string, object: StoredObject, prev: StoredObject): StoreEvent {
  let old: StoredObject | undefined;
  return {
    kind,
    action: 'update',
    object,
    get old(): StoredObject | undefined {
      return (old ??= copy(prev));
    },
    set old(v: StoredObject | undefined) {
      old = v;
    },
  };
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

  /** One stored object, not copied: for trusted components, which must not change it. */
  peek<T extends StoredObject>(kind: string, id: string): Readonly<T> | undefined {
    return this.#tables.get(kind)?.get(id) as T | undefined;
  }

  /** The stored objects of a kind in creation order, not copied: read them, never change them. */
  view<T extends StoredObject>(kind: string): IterableIterator<Readonly<T>> {
    return ((this.#tables.get(kind) ?? new Map<string, T>()) as Map<string, T>).values();
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
      // a pending write is the object, or null for a delete
      const o = pending.get(kind)?.get(id);
      if (o !== undefined) return o ?? undefined;
      return this.#tables.get(kind)?.get(id);
    };
    const write = (kind: string, id: string, o: StoredObject | null) => {
      let p = pending.get(kind);
      if (!p) pending.set(kind, (p = new Map()));
      p.set(id, o);
    };
    const put = <T extends StoredObject>(kind: string, object: T): T => {
      const old = read(kind, object.ID);
      if (!old) throw new StoreError(`object ${object.ID} does not exist`);
      if (old.Version.Index !== object.Version.Index) throw new StoreError('update out of sequence');
      const o = stored<T>(object, old, ++this.#index);
      write(kind, o.ID, o);
      events.push(updateEvent(kind, o, old));
      return o;
    };
    const tx: Tx = {
      get: <T extends StoredObject>(kind: string, id: string) => {
        const o = read(kind, id);
        return o ? copy(o as T) : undefined;
      },
      peek: <T extends StoredObject>(kind: string, id: string) => read(kind, id) as T | undefined,
      find: <T extends StoredObject>(kind: string, where?: (o: T) => boolean) => {
        // the committed objects in their order, as this transaction changed them, then its new ones
        const out: T[] = [];
        const p = pending.get(kind);
        const table = this.#tables.get(kind);
        for (const [id, stored] of table ?? []) {
          const o = (p?.has(id) ? p.get(id) : stored) as T | null | undefined;
          if (o && (!where || where(o))) out.push(copy(o));
        }
        for (const [id, o] of p ?? []) {
          if (!o || table?.has(id)) continue;
          if (!where || where(o as T)) out.push(copy(o as T));
        }
        return out;
      },
      create: <T extends StoredObject>(
        kind: string,
        object: Omit<T, 'Version'> & { Version?: { Index: number } },
      ) => {
        if (read(kind, object.ID)) throw new StoreError(`object ${object.ID} already exists`);
        const o = stored<T>(object, undefined, ++this.#index);
        write(kind, o.ID, o);
        events.push({ kind, action: 'create', object: o });
        return copy(o);
      },
      update: <T extends StoredObject>(kind: string, object: T) => copy(put(kind, object)),
      put: <T extends StoredObject>(kind: string, object: T) => {
        put(kind, object);
      },
      delete: (kind: string, id: string) => {
        const old = read(kind, id);
        if (!old) throw new StoreError(`object ${id} does not exist`);
        write(kind, id, null);
        events.push({ kind, action: 'delete', object: old });
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
      for (const o of objects) t.set(o.ID, own(o, undefined) as StoredObject);
    }
  }
}
