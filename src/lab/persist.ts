/**
 * Saving a lesson's lab in the browser (IndexedDB) and getting it back on reload.
 *
 * The engine has no whole-lab snapshot yet (containers, images, networks and the swarm
 * cannot be saved and restored faithfully), so a save holds only what can be put back
 * exactly, and nothing is replayed:
 *
 * - the files under root's home (`/root`) on every node: what the editor shows and
 *   what `docker build .` reads, hidden files and folders included;
 * - each node's terminal history: what the terminal showed (prompts, commands and
 *   their output), shown again above a fresh prompt.
 *
 * Everything else starts again from the lesson's setup: containers, images, networks,
 * volumes, the swarm, files outside /root, shell variables and the working directory.
 *
 * A save is one record per lesson (keyed by the lesson's path) in a database of its
 * own (`dockyard-labs`), so nothing here can touch progress or another lesson's save.
 * It carries a version; a record that is corrupt or of another version is deleted and
 * the lab starts fresh with a notice. A save the browser refuses (quota) is replaced by
 * a small marker, so the next visit starts fresh with a notice instead of finding an
 * older state.
 */
import type { HomeEntry, LabFiles } from './files.ts';

/** The version of the saved data: bump it when its shape changes (old saves then give a fresh lab). */
export const SAVE_VERSION = 1;

/** Most terminal text kept per node; the oldest lines go first. */
export const MAX_TRANSCRIPT = 64 * 1024;

export interface NodeSave {
  /** everything under /root */
  home: HomeEntry[];
  /** what the terminal showed, as the engine wrote it (escape sequences are filtered again when shown) */
  transcript: string;
}

export interface LabSave {
  version: typeof SAVE_VERSION;
  /** wall time of the save, ms since the epoch */
  savedAt: number;
  nodes: Record<string, NodeSave>;
}

/** A save the browser would not keep: the next visit starts fresh and says why. */
interface Unsaved {
  version: typeof SAVE_VERSION;
  unsaved: 'quota';
}

/** Where saves live: IndexedDB in the page, a Map in tests. */
export interface SaveStore {
  get(key: string): Promise<unknown>;
  put(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

/** What loading a lesson's save found. */
export interface Loaded {
  save?: LabSave;
  /** for the learner, when there was a save that could not be used */
  notice?: string;
}

const DB_NAME = 'dockyard-labs';
const STORE = 'labs';

/** The lab saves in IndexedDB: one database of their own, one record per lesson. */
export function indexedDbStore(name = DB_NAME): SaveStore {
  let db: Promise<IDBDatabase> | undefined;
  const open = () =>
    (db ??= new Promise((resolve, reject) => {
      const req = indexedDB.open(name, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
      req.onblocked = () => reject(new Error('the lab database is blocked by another tab'));
    }));
  const run = <T>(mode: IDBTransactionMode, act: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> =>
    open().then(
      (d) =>
        new Promise<T>((resolve, reject) => {
          const tx = d.transaction(STORE, mode);
          const req = act(tx.objectStore(STORE));
          tx.oncomplete = () => resolve(req.result);
          tx.onerror = () => reject(tx.error ?? req.error);
          tx.onabort = () => reject(tx.error ?? req.error ?? new Error('aborted'));
        }),
    );
  return {
    get: (key) => run('readonly', (s) => s.get(key)),
    put: (key, value) => run('readwrite', (s) => s.put(value, key)).then(() => undefined),
    delete: (key) => run('readwrite', (s) => s.delete(key)).then(() => undefined),
  };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function isEntry(e: unknown): e is HomeEntry {
  if (!isObject(e) || typeof e.path !== 'string' || e.path === '' || e.path.startsWith('/')) return false;
  if (e.path.split('/').some((part) => part === '..' || part === '')) return false;
  if (e.kind === 'dir') return typeof e.mode === 'number';
  if (e.kind === 'file') return typeof e.mode === 'number' && typeof e.text === 'string';
  if (e.kind === 'symlink') return typeof e.target === 'string';
  return false;
}

/**
 * Check a stored record: the save, or why it cannot be used (said to the learner).
 * `nodes` are the lab's node names: a save of another lab shape is not used.
 */
export function decodeSave(raw: unknown, nodes: readonly string[]): Loaded {
  if (raw === undefined) return {};
  const fresh = 'This lab starts fresh from the lesson’s setup';
  if (!isObject(raw)) return { notice: `Your saved lab could not be read. ${fresh}.` };
  if (raw.version !== SAVE_VERSION)
    return { notice: `Your saved lab is from an older version of Dockyard. ${fresh}.` };
  if (raw.unsaved === 'quota')
    return {
      notice: `Your last changes to this lab could not be saved: the browser’s storage for this site is full. ${fresh}.`,
    };
  const saved = raw.nodes;
  const ok =
    typeof raw.savedAt === 'number' &&
    isObject(saved) &&
    nodes.every((n) => {
      const node = saved[n];
      return (
        isObject(node) &&
        typeof node.transcript === 'string' &&
        Array.isArray(node.home) &&
        node.home.every(isEntry)
      );
    });
  if (!ok) return { notice: `Your saved lab could not be read. ${fresh}.` };
  return { save: raw as unknown as LabSave };
}

/** Keep the end of a transcript, cut at a line. */
export function trimTranscript(text: string, max = MAX_TRANSCRIPT): string {
  if (text.length <= max) return text;
  const tail = text.slice(text.length - max);
  const nl = tail.indexOf('\n');
  return nl === -1 ? tail : tail.slice(nl + 1);
}

function isQuota(e: unknown): boolean {
  return (
    e instanceof Error &&
    (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || /quota/i.test(e.message))
  );
}

export interface LabPersistenceOptions {
  store?: SaveStore;
  /** wait this long after a change before saving (ms) */
  debounceMs?: number;
  /** told when a save fails (the lab goes on, unsaved) */
  onError?: (message: string) => void;
  /** wall time, for savedAt */
  now?: () => number;
}

/**
 * One lesson's save: load it once, then `changed()` whenever the lab changed; the save
 * is written `debounceMs` after the last change (and at once on `flush`).
 */
export class LabPersistence {
  readonly key: string;
  readonly #store: SaveStore;
  readonly #debounce: number;
  readonly #onError: (message: string) => void;
  readonly #now: () => number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #capture: (() => LabSave) | undefined;
  #writing: Promise<void> = Promise.resolve();
  #stopped = false;

  constructor(key: string, options: LabPersistenceOptions = {}) {
    this.key = key;
    this.#store = options.store ?? indexedDbStore();
    this.#debounce = options.debounceMs ?? 400;
    this.#onError = options.onError ?? (() => undefined);
    this.#now = options.now ?? (() => Date.now());
  }

  /** The lesson's save, if there is a usable one; an unusable record is deleted (this lesson's only). */
  async load(nodes: readonly string[]): Promise<Loaded> {
    let raw: unknown;
    try {
      raw = await this.#store.get(this.key);
    } catch {
      return {
        notice:
          'Your saved lab could not be read (the browser’s storage is not available). This lab will not be saved.',
      };
    }
    const loaded = decodeSave(raw, nodes);
    if (!loaded.save && raw !== undefined) await this.#store.delete(this.key).catch(() => undefined);
    return loaded;
  }

  /** Start saving: `capture` makes a save of the lab as it is now. */
  start(capture: () => Omit<LabSave, 'version' | 'savedAt'>): void {
    this.#stopped = false;
    this.#capture = () => ({ version: SAVE_VERSION, savedAt: this.#now(), ...capture() });
  }

  /** The lab changed: save it soon. */
  changed(): void {
    if (!this.#capture || this.#stopped) return;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), this.#debounce);
  }

  /** Save now (if saving was started), after any save under way. */
  flush(): Promise<void> {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    const capture = this.#capture;
    if (!capture || this.#stopped) return this.#writing;
    this.#writing = this.#writing.then(async () => {
      if (this.#stopped) return;
      try {
        await this.#store.put(this.key, capture());
      } catch (e) {
        if (isQuota(e)) {
          const marker: Unsaved = { version: SAVE_VERSION, unsaved: 'quota' };
          await this.#store
            .put(this.key, marker)
            .catch(() => this.#store.delete(this.key).catch(() => undefined));
          this.#onError(
            'Your lab could not be saved: the browser’s storage for this site is full. It works as before, but a reload will start it fresh.',
          );
        } else {
          this.#onError(`Your lab could not be saved (${e instanceof Error ? e.message : String(e)}).`);
        }
        this.#stopped = true;
      }
    });
    return this.#writing;
  }

  /** Stop saving (the page is going, or the lab is being reset). */
  stop(): void {
    this.#stopped = true;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Forget this lesson's save: Reset lab. Other lessons' saves are untouched. */
  async clear(): Promise<void> {
    this.stop();
    await this.#writing.catch(() => undefined);
    await this.#store.delete(this.key).catch(() => undefined);
  }
}

/** The key of a lesson's save: its path on the site. */
export function saveKey(path: string): string {
  return path.replace(/\/?$/, '/');
}

/** Capture the lab's home folders and terminal texts as a save's nodes. */
export function captureNodes(
  files: LabFiles,
  transcripts: ReadonlyMap<string, string>,
): Record<string, NodeSave> {
  const nodes: Record<string, NodeSave> = {};
  for (const node of files.nodes)
    nodes[node] = { home: files.snapshot(node), transcript: trimTranscript(transcripts.get(node) ?? '') };
  return nodes;
}
