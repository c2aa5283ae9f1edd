/**
 * Progress kept in the browser: a record per exercise in an IndexedDB database of its
 * own, `dockyard-progress` (the lab saves are in `dockyard-labs`, which nothing here
 * opens). A record per exercise, changed in one transaction that reads and writes it,
 * so two tabs recording different exercises never overwrite each other.
 *
 * Each record carries the version of its shape. Reading never throws: a record that is
 * damaged or of another version counts as not started and the learner is told; a
 * browser without IndexedDB (or one refusing it) gives empty progress and says so.
 */
import {
  emptyProgress,
  mergeProgress,
  progressKey,
  PROGRESS_VERSION,
  readExerciseProgress,
  type ExerciseProgress,
  type ProgressKey,
} from './progress.ts';

/** Dispatched on the document when an exercise's progress changed; `detail` is the new record. */
export const PROGRESS_EVENT = 'dockyard:progress';

const DB_NAME = 'dockyard-progress';
const STORE = 'exercises';

/** Where the records live: IndexedDB in the page, a Map in tests. */
export interface ProgressBackend {
  /** every record, with its key */
  entries(): Promise<[string, unknown][]>;
  get(key: string): Promise<unknown>;
  /** Read the records of `keys` and write what `change` makes of them, all or nothing. */
  update(keys: readonly string[], change: (current: unknown[]) => unknown[]): Promise<void>;
}

export function indexedDbBackend(name = DB_NAME): ProgressBackend {
  let db: Promise<IDBDatabase> | undefined;
  const open = () =>
    (db ??= new Promise<IDBDatabase>((resolve, reject) => {
      if (typeof indexedDB === 'undefined') return reject(new Error('this browser has no IndexedDB'));
      const req = indexedDB.open(name, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      req.onsuccess = () => {
        // another tab upgrading or deleting the database: let go, and open it again when next needed
        req.result.onversionchange = () => {
          req.result.close();
          db = undefined;
        };
        resolve(req.result);
      };
      req.onerror = () => reject(req.error ?? new Error('the progress database could not be opened'));
      req.onblocked = () => reject(new Error('the progress database is blocked by another tab'));
    }).catch((err: unknown) => {
      db = undefined; // a later call tries again (another tab may have let go)
      throw err;
    }));
  const transaction = async (mode: IDBTransactionMode, act: (s: IDBObjectStore) => void): Promise<void> => {
    const d = await open();
    return new Promise((resolve, reject) => {
      const tx = d.transaction(STORE, mode);
      act(tx.objectStore(STORE));
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('the progress database refused the change'));
      tx.onabort = () => reject(tx.error ?? new Error('the change to the progress database was undone'));
    });
  };
  return {
    async entries() {
      let keys: IDBValidKey[] = [];
      let values: unknown[] = [];
      await transaction('readonly', (s) => {
        const k = s.getAllKeys();
        const v = s.getAll();
        k.onsuccess = () => (keys = k.result);
        v.onsuccess = () => (values = v.result);
      });
      return keys.map((k, i) => [String(k), values[i]]);
    },
    async get(key) {
      let value: unknown;
      await transaction('readonly', (s) => {
        const r = s.get(key);
        r.onsuccess = () => (value = r.result);
      });
      return value;
    },
    update(keys, change) {
      return transaction('readwrite', (s) => {
        const current: unknown[] = [];
        let left = keys.length;
        const write = () => {
          const next = change(current);
          keys.forEach((k, i) => s.put(next[i], k));
        };
        if (left === 0) return;
        keys.forEach((k, i) => {
          const r = s.get(k);
          r.onsuccess = () => {
            current[i] = r.result;
            if (--left === 0) write();
          };
        });
      });
    },
  };
}

/** A backend in memory, for tests. */
export function memoryBackend(records = new Map<string, unknown>()): ProgressBackend {
  return {
    entries: () => Promise.resolve([...records]),
    get: (key) => Promise.resolve(records.get(key)),
    update(keys, change) {
      const next = change(keys.map((k) => records.get(k)));
      keys.forEach((k, i) => records.set(k, next[i]));
      return Promise.resolve();
    },
  };
}

export interface Progress {
  exercises: Map<ProgressKey, ExerciseProgress>;
  /** for the learner, when some or all of the progress could not be read */
  notice?: string;
}

type Decoded = { progress: ExerciseProgress } | { problem: 'damaged' | 'version' };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A stored record, checked: its progress, or why it cannot be used. */
export function decodeRecord(key: string, raw: unknown): Decoded {
  if (!isObject(raw)) return { problem: 'damaged' };
  if (raw.version !== PROGRESS_VERSION) return { problem: 'version' };
  const { version: _, ...rest } = raw;
  const p = readExerciseProgress(rest, 'the record');
  if (typeof p === 'string' || progressKey(p.lesson, p.exercise) !== key) return { problem: 'damaged' };
  return { progress: p };
}

const encode = (p: ExerciseProgress) => ({ version: PROGRESS_VERSION, ...p });

function noticeOf(damaged: number, old: number): string | undefined {
  const parts: string[] = [];
  const n = (k: number) => (k === 1 ? '1 exercise’s saved progress' : `${k} exercises’ saved progress`);
  if (damaged > 0) parts.push(`${n(damaged)} could not be read (damaged)`);
  if (old > 0) parts.push(`${n(old)} is from another version of Dockyard`);
  if (parts.length === 0) return undefined;
  return `${parts.join(', and ')}: ${damaged + old === 1 ? 'it counts' : 'they count'} as not started.`;
}

const failure = (err: unknown) =>
  `Your progress cannot be read in this browser (${(err as Error)?.message ?? String(err)}): it shows as not started, and what you do now may not be kept.`;

export class ProgressStore {
  readonly #backend: ProgressBackend;

  constructor(backend: ProgressBackend) {
    this.#backend = backend;
  }

  /** Every exercise's progress. Never throws: what cannot be read is left out, with a notice. */
  async load(): Promise<Progress> {
    const exercises = new Map<ProgressKey, ExerciseProgress>();
    let entries: [string, unknown][];
    try {
      entries = await this.#backend.entries();
    } catch (err) {
      return { exercises, notice: failure(err) };
    }
    let damaged = 0;
    let old = 0;
    for (const [key, raw] of entries) {
      const d = decodeRecord(key, raw);
      if ('progress' in d) exercises.set(key as ProgressKey, d.progress);
      else if (d.problem === 'version') old++;
      else damaged++;
    }
    const notice = noticeOf(damaged, old);
    return notice ? { exercises, notice } : { exercises };
  }

  /** One exercise's progress (not started when there is none or it cannot be read). Never throws. */
  async get(lesson: string, exercise: string): Promise<{ progress: ExerciseProgress; notice?: string }> {
    const key = progressKey(lesson, exercise);
    let raw: unknown;
    try {
      raw = await this.#backend.get(key);
    } catch (err) {
      return { progress: emptyProgress(lesson, exercise), notice: failure(err) };
    }
    if (raw === undefined) return { progress: emptyProgress(lesson, exercise) };
    const d = decodeRecord(key, raw);
    if ('progress' in d) return { progress: d.progress };
    return {
      progress: emptyProgress(lesson, exercise),
      notice: noticeOf(+(d.problem === 'damaged'), +(d.problem === 'version')),
    };
  }

  /**
   * Change one exercise's progress (a record that cannot be read starts afresh) and
   * return the new record. Rejects when the browser refuses to store it.
   */
  async record(
    lesson: string,
    exercise: string,
    change: (p: ExerciseProgress) => ExerciseProgress,
  ): Promise<ExerciseProgress> {
    const key = progressKey(lesson, exercise);
    let result = emptyProgress(lesson, exercise);
    await this.#backend.update([key], ([raw]) => {
      const d = raw === undefined ? undefined : decodeRecord(key, raw);
      result = change(d && 'progress' in d ? d.progress : emptyProgress(lesson, exercise));
      return [encode(result)];
    });
    return result;
  }

  /** Merge imported records into the stored ones (mergeProgress), all in one transaction. */
  async merge(imported: readonly ExerciseProgress[]): Promise<void> {
    const keys = imported.map((p) => progressKey(p.lesson, p.exercise));
    await this.#backend.update(keys, (current) =>
      imported.map((p, i) => {
        const d = current[i] === undefined ? undefined : decodeRecord(keys[i]!, current[i]);
        return encode(d && 'progress' in d ? mergeProgress(d.progress, p) : p);
      }),
    );
  }
}

let shared: ProgressStore | undefined;

/** The page's progress store, in IndexedDB (where there is none, reading says so and recording fails). */
export function progressStore(): ProgressStore {
  shared ??= new ProgressStore(indexedDbBackend());
  return shared;
}
