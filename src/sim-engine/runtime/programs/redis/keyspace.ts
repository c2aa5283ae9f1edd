/**
 * Redis's data: 16 databases of keys holding strings, lists, hashes, sets and sorted
 * sets, with expiry in virtual time, the change counter the save points count, and the
 * RDB file that persists them (what `docker stop` saves and the next start loads from
 * a volume).
 *
 * Differs from Redis: the dump is `REDIS00NN` followed by JSON, not RDB's binary
 * encoding; nothing but this simulation reads it.
 */
export type Value =
  | { type: 'string'; v: string }
  | { type: 'list'; v: string[] }
  | { type: 'hash'; v: Map<string, string> }
  | { type: 'set'; v: Set<string> }
  | { type: 'zset'; v: Map<string, number> };

export interface Entry {
  value: Value;
  /** expiry time, ms since the epoch */
  expires?: number;
}

export class Keyspace {
  readonly dbs: Map<string, Entry>[] = Array.from({ length: 16 }, () => new Map());
  /** changes since the last save */
  dirty = 0;
  lastSave: number;
  hits = 0;
  misses = 0;
  commands = 0;
  readonly now: () => number;

  constructor(now: () => number) {
    this.now = now;
    this.lastSave = now();
  }

  /** The live entry of a key (an expired one is deleted on access, as Redis does). */
  entry(db: number, key: string): Entry | undefined {
    const e = this.dbs[db]!.get(key);
    if (e?.expires !== undefined && e.expires <= this.now()) {
      this.dbs[db]!.delete(key);
      return undefined;
    }
    return e;
  }

  set(db: number, key: string, value: Value, keepTtl = false): void {
    const old = keepTtl ? this.entry(db, key) : undefined;
    this.dbs[db]!.set(key, { value, ...(old?.expires !== undefined ? { expires: old.expires } : {}) });
    this.dirty++;
  }

  delete(db: number, key: string): boolean {
    const had = this.entry(db, key) !== undefined;
    if (had) {
      this.dbs[db]!.delete(key);
      this.dirty++;
    }
    return had;
  }

  keys(db: number): string[] {
    return [...this.dbs[db]!.keys()].filter((k) => this.entry(db, k) !== undefined);
  }

  /** Roughly what `used_memory` says: ~0.9 MB at start, plus the data. */
  usedMemory(): number {
    let bytes = 0;
    for (const db of this.dbs) {
      for (const [k, e] of db) bytes += 64 + k.length + JSON.stringify(serialise(e.value)).length;
    }
    return 912_000 + bytes;
  }
}

function serialise(v: Value): unknown {
  switch (v.type) {
    case 'string':
    case 'list':
      return v.v;
    case 'hash':
    case 'zset':
      return [...v.v];
    case 'set':
      return [...v.v];
  }
}

function deserialise(type: Value['type'], raw: unknown): Value {
  switch (type) {
    case 'string':
      return { type, v: raw as string };
    case 'list':
      return { type, v: raw as string[] };
    case 'hash':
      return { type, v: new Map(raw as [string, string][]) };
    case 'zset':
      return { type, v: new Map(raw as [string, number][]) };
    case 'set':
      return { type, v: new Set(raw as string[]) };
  }
}

export interface DumpInfo {
  version: string;
  /** seconds since the epoch */
  ctime: number;
  usedMem: number;
}

/** The dump file's text. RDB 11 for Redis 7, 12 for Redis 8. */
export function dump(ks: Keyspace, version: string): string {
  const rdb = version.startsWith('7') ? '0011' : '0012';
  const dbs = ks.dbs.map((db, i) => [
    i,
    [...db]
      .filter(([k]) => ks.entry(i, k))
      .map(([k, e]) => [k, e.value.type, serialise(e.value), e.expires ?? null]),
  ]);
  const info: DumpInfo = { version, ctime: Math.floor(ks.now() / 1000), usedMem: ks.usedMemory() };
  return `REDIS${rdb}${JSON.stringify({ info, dbs: dbs.filter(([, keys]) => (keys as unknown[]).length) })}`;
}

export interface Loaded {
  info: DumpInfo;
  loaded: number;
  expired: number;
}

/** Load a dump into the keyspace; undefined when the file is not one. */
export function load(ks: Keyspace, text: string): Loaded | undefined {
  if (!/^REDIS\d{4}/.test(text)) return undefined;
  let data: { info: DumpInfo; dbs: [number, [string, Value['type'], unknown, number | null][]][] };
  try {
    data = JSON.parse(text.slice(9)) as typeof data;
  } catch {
    return undefined;
  }
  let loaded = 0;
  let expired = 0;
  for (const [i, keys] of data.dbs) {
    for (const [k, type, raw, expires] of keys) {
      if (expires !== null && expires <= ks.now()) {
        expired++;
        continue;
      }
      ks.dbs[i]!.set(k, { value: deserialise(type, raw), ...(expires !== null ? { expires } : {}) });
      loaded++;
    }
  }
  return { info: data.info, loaded, expired };
}

/** stringmatchlen: Redis's glob for KEYS and SCAN MATCH. */
export function globMatch(pattern: string, text: string): boolean {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') re += '[\\s\\S]*';
    else if (c === '?') re += '[\\s\\S]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        let cls = pattern.slice(i + 1, end).replace(/\\/g, '\\\\');
        if (cls.startsWith('^')) cls = `^${cls.slice(1)}`;
        re += `[${cls}]`;
        i = end;
      }
    } else if (c === '\\' && i + 1 < pattern.length) re += `\\${pattern[++i]}`;
    else re += c.replace(/[.+^${}()|\]\\/]/g, '\\$&');
  }
  return new RegExp(`${re}$`).test(text);
}
