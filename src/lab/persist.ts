/**
 * Saving a lesson's lab in the browser (IndexedDB) and getting it back on reload.
 *
 * A running lab cannot be serialized (its shells and interpreters are running
 * processes), but it can be made again: the engine is deterministic, so a save holds
 * how the lab was made and what it was given, and a reload makes a fresh lab and plays
 * that back (page-lab.ts, replay.ts):
 *
 * - a fingerprint of the lesson's lab (nodes, images, starter files, setup): a save
 *   made from another version of the lesson is not used;
 * - the setup commands run (the lesson's, then an exercise Reset's);
 * - the input log (input-log.ts): every command line, what commands read from the
 *   terminal, Ctrl-C, editor writes, exercise probes and the clock's steps, each at
 *   the virtual time it arrived;
 * - where the virtual clock stood, so time goes on from there;
 * - for each node, what its terminal showed (shown again, as replayed commands print
 *   nothing) and its ↑/↓ history.
 *
 * A save is one record per lesson (keyed by the lesson's path) in a database of its
 * own (`dockyard-labs`), so nothing here can touch progress or another lesson's save.
 * It carries a version; a record that is corrupt, of another version or of another
 * version of the lesson is deleted and the lab starts fresh with a notice (so does a
 * save whose replay fails: mount.ts). A save the browser refuses (quota) is replaced by
 * a small marker, so the next visit starts fresh with a notice instead of finding an
 * older state.
 */
import type { LabConfig } from '../content/lesson-schema.ts';
import { checkEvents, type LabEvent } from './input-log.ts';
import { nodeNames } from './nodes.ts';
import { indexedDbStore, type SaveStore } from './save-store.ts';

export type { SaveStore } from './save-store.ts';

/** The version of the saved data: bump it when its shape changes (old saves then give a fresh lab). */
export const SAVE_VERSION = 2;

/** Most terminal text kept per node; the oldest lines go first. */
export const MAX_TRANSCRIPT = 64 * 1024;

/** Most ↑/↓ history kept per node (bash's HISTSIZE is 500 too). */
export const MAX_HISTORY = 500;

export interface NodeSave {
  /** what the terminal showed, as the engine wrote it (escape sequences are filtered again when shown) */
  transcript: string;
  /** the terminal's ↑/↓ history, oldest first */
  history: string[];
}

export interface LabSave {
  version: typeof SAVE_VERSION;
  /** wall time of the save, ms since the epoch */
  savedAt: number;
  /** labFingerprint of the lesson's lab the save was made from */
  lab: string;
  /** the setup commands the lab ran before its inputs */
  setup: string[];
  /** the lab's inputs since setup */
  events: LabEvent[];
  /** virtual time at the save, ms since the epoch */
  now: number;
  nodes: Record<string, NodeSave>;
}

/** A save the browser would not keep: the next visit starts fresh and says why. */
interface Unsaved {
  version: typeof SAVE_VERSION;
  unsaved: 'quota';
}

/** What loading a lesson's save found. */
export interface Loaded {
  save?: LabSave;
  /** for the learner, when there was a save that could not be used */
  notice?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** A short digest of what a lesson's lab starts from; a save of another digest is not replayed. */
export function labFingerprint(config: Partial<LabConfig>): string {
  const files = Object.entries(config.files ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const text = JSON.stringify([nodeNames(config.nodes), config.images ?? [], files, config.setup ?? []]);
  // FNV-1a: not for secrecy, only to tell versions of a lesson apart
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `${(h >>> 0).toString(16).padStart(8, '0')}-${text.length}`;
}

/**
 * Check a stored record: the save, or why it cannot be used (said to the learner).
 * `nodes` are the lab's node names and `lab` its fingerprint: a save of another lab is not used.
 */
export function decodeSave(raw: unknown, nodes: readonly string[], lab?: string): Loaded {
  if (raw === undefined) return {};
  const fresh = 'This lab starts fresh from the lesson’s setup';
  const unreadable = { notice: `Your saved lab could not be read. ${fresh}.` };
  if (!isObject(raw)) return unreadable;
  if (raw.version !== SAVE_VERSION)
    return {
      notice: `Your saved lab is from ${typeof raw.version === 'number' && raw.version > SAVE_VERSION ? 'a newer' : 'an older'} version of Dockyard. ${fresh}.`,
    };
  if (raw.unsaved === 'quota')
    return {
      notice: `Your last changes to this lab could not be saved: the browser’s storage for this site is full. ${fresh}.`,
    };
  const saved = raw.nodes;
  const ok =
    typeof raw.savedAt === 'number' &&
    typeof raw.lab === 'string' &&
    isStrings(raw.setup) &&
    typeof raw.now === 'number' &&
    Number.isSafeInteger(raw.now) &&
    checkEvents(raw.events, nodes) === undefined &&
    (raw.events as LabEvent[]).every((e) => e.t <= (raw.now as number)) &&
    isObject(saved) &&
    nodes.every((n) => {
      const node = saved[n];
      return isObject(node) && typeof node.transcript === 'string' && isStrings(node.history);
    });
  if (!ok) return unreadable;
  if (lab !== undefined && raw.lab !== lab)
    return { notice: `This lesson’s lab has changed since your lab was saved. ${fresh}.` };
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
 * is written `debounceMs` after the first change not yet saved (and at once on `flush`).
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
  async load(nodes: readonly string[], lab?: string): Promise<Loaded> {
    let raw: unknown;
    try {
      raw = await this.#store.get(this.key);
    } catch {
      return {
        notice:
          'Your saved lab could not be read (the browser’s storage is not available). This lab will not be saved.',
      };
    }
    const loaded = decodeSave(raw, nodes, lab);
    if (!loaded.save && raw !== undefined) await this.#store.delete(this.key).catch(() => undefined);
    return loaded;
  }

  /** Start saving: `capture` makes a save of the lab as it is now. */
  start(capture: () => Omit<LabSave, 'version' | 'savedAt'>): void {
    this.#stopped = false;
    this.#capture = () => ({ version: SAVE_VERSION, savedAt: this.#now(), ...capture() });
  }

  /**
   * The lab changed: save it soon. A save already due is not put off, so a lab that
   * keeps changing (a swarm's clock fires timers every few seconds) is still saved.
   */
  changed(): void {
    if (!this.#capture || this.#stopped || this.#timer !== undefined) return;
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

/** What a save needs of a page lab (a PageLab). */
export interface SavableLab {
  readonly setup: readonly string[];
  readonly log: { readonly events: readonly LabEvent[] };
  readonly clock: { now(): number };
}

/** A save of `lab` as it is now (`lab` the fingerprint of the lesson's lab, `nodes` the terminals'). */
export function captureLab(
  lab: SavableLab,
  fingerprint: string,
  nodes: Record<string, NodeSave>,
): Omit<LabSave, 'version' | 'savedAt'> {
  return {
    lab: fingerprint,
    setup: [...lab.setup],
    events: [...lab.log.events],
    now: lab.clock.now(),
    nodes,
  };
}

/** A node's terminal as saved: its text trimmed to its last lines, its history to its last lines. */
export function nodeSave(transcript: string, history: readonly string[]): NodeSave {
  return { transcript: trimTranscript(transcript), history: history.slice(-MAX_HISTORY) };
}
