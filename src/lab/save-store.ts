/**
 * Where the lab saves live (persist.ts): a database of their own in IndexedDB
 * (`dockyard-labs`), one record per lesson; a Map in tests. Progress has a database of
 * its own, so nothing here can touch it.
 */

/** Where saves live: IndexedDB in the page, a Map in tests. */
export interface SaveStore {
  get(key: string): Promise<unknown>;
  put(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
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
