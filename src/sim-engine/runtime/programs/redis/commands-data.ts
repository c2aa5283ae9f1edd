/** Lists, hashes, sets and sorted sets: the commands tutorials use. */
import type { Call, Command } from './command-table.ts';
import { isReply, NOT_INT, toInt, typed } from './command-table.ts';
import { array, bulk, err, int } from './resp.ts';
import type { Reply } from './resp.ts';

function push(left: boolean, needExisting = false): Command {
  return {
    arity: -3,
    write: true,
    run: (c) => {
      const e = typed(c, c.args[1]!, 'list');
      if (isReply(e)) return e;
      if (!e && needExisting) return int(0);
      const list = e ? e.value.v : [];
      for (const v of c.args.slice(2))
        if (left) list.unshift(v);
        else list.push(v);
      if (!e) c.ks.set(c.db, c.args[1]!, { type: 'list', v: list });
      else c.ks.dirty++;
      return int(list.length);
    },
  };
}

function pop(left: boolean): Command {
  return {
    arity: -2,
    write: true,
    run: (c) => {
      const e = typed(c, c.args[1]!, 'list');
      if (isReply(e)) return e;
      if (!e) return bulk(null);
      const v = left ? e.value.v.shift()! : e.value.v.pop()!;
      if (e.value.v.length === 0) c.ks.delete(c.db, c.args[1]!);
      else c.ks.dirty++;
      return bulk(v);
    },
  };
}

/** Redis's index range: negatives from the end, clamped. */
function range(len: number, a: string, b: string): [number, number] | undefined {
  let start = toInt(a);
  let stop = toInt(b);
  if (start === undefined || stop === undefined) return undefined;
  if (start < 0) start = Math.max(0, len + start);
  if (stop < 0) stop = len + stop;
  return [start, Math.min(stop, len - 1)];
}

function hash(c: Call, create: boolean): Map<string, string> | Reply | undefined {
  const e = typed(c, c.args[1]!, 'hash');
  if (isReply(e)) return e;
  if (e) return e.value.v;
  if (!create) return undefined;
  const v = new Map<string, string>();
  c.ks.set(c.db, c.args[1]!, { type: 'hash', v });
  return v;
}

function set(c: Call, create: boolean): Set<string> | Reply | undefined {
  const e = typed(c, c.args[1]!, 'set');
  if (isReply(e)) return e;
  if (e) return e.value.v;
  if (!create) return undefined;
  const v = new Set<string>();
  c.ks.set(c.db, c.args[1]!, { type: 'set', v });
  return v;
}

const withHash =
  (create: boolean, f: (h: Map<string, string>, c: Call) => Reply, empty: Reply): Command['run'] =>
  (c) => {
    const h = hash(c, create);
    if (isReply(h)) return h;
    return h ? f(h, c) : empty;
  };

const withSet =
  (create: boolean, f: (s: Set<string>, c: Call) => Reply, empty: Reply): Command['run'] =>
  (c) => {
    const s = set(c, create);
    if (isReply(s)) return s;
    return s ? f(s, c) : empty;
  };

const dropIfEmpty = (c: Call, size: number) => (size === 0 ? c.ks.delete(c.db, c.args[1]!) : c.ks.dirty++);

export const DATA_COMMANDS: Record<string, Command> = {
  lpush: push(true),
  rpush: push(false),
  lpushx: push(true, true),
  rpushx: push(false, true),
  lpop: pop(true),
  rpop: pop(false),
  llen: {
    arity: 2,
    run: (c) => {
      const e = typed(c, c.args[1]!, 'list');
      return isReply(e) ? e : int(e ? e.value.v.length : 0);
    },
  },
  lrange: {
    arity: 4,
    run: (c) => {
      const e = typed(c, c.args[1]!, 'list');
      if (isReply(e)) return e;
      const list = e ? e.value.v : [];
      const r = range(list.length, c.args[2]!, c.args[3]!);
      if (!r) return NOT_INT;
      return array(list.slice(r[0], r[1] + 1));
    },
  },
  lindex: {
    arity: 3,
    run: (c) => {
      const e = typed(c, c.args[1]!, 'list');
      if (isReply(e)) return e;
      const i = toInt(c.args[2]!);
      if (i === undefined) return NOT_INT;
      return bulk(e?.value.v.at(i) ?? null);
    },
  },
  hset: {
    arity: -4,
    write: true,
    run: (c) => {
      if (c.args.length % 2 !== 0)
        return err(`ERR wrong number of arguments for '${c.args[0]!.toLowerCase()}' command`);
      return withHash(
        true,
        (h) => {
          let added = 0;
          for (let i = 2; i < c.args.length; i += 2) {
            if (!h.has(c.args[i]!)) added++;
            h.set(c.args[i]!, c.args[i + 1]!);
          }
          c.ks.dirty++;
          return c.args[0]!.toLowerCase() === 'hmset' ? { kind: 'status', text: 'OK' } : int(added);
        },
        int(0),
      )(c);
    },
  },
  hget: { arity: 3, run: withHash(false, (h, c) => bulk(h.get(c.args[2]!) ?? null), bulk(null)) },
  hmget: {
    arity: -3,
    run: withHash(false, (h, c) => array(c.args.slice(2).map((f) => h.get(f) ?? null)), bulk(null)),
  },
  hgetall: { arity: 2, run: withHash(false, (h) => array([...h].flat()), array([])) },
  hkeys: { arity: 2, run: withHash(false, (h) => array([...h.keys()]), array([])) },
  hvals: { arity: 2, run: withHash(false, (h) => array([...h.values()]), array([])) },
  hlen: { arity: 2, run: withHash(false, (h) => int(h.size), int(0)) },
  hexists: { arity: 3, run: withHash(false, (h, c) => int(h.has(c.args[2]!) ? 1 : 0), int(0)) },
  hdel: {
    arity: -3,
    write: true,
    run: withHash(
      false,
      (h, c) => {
        const n = c.args.slice(2).filter((f) => h.delete(f)).length;
        dropIfEmpty(c, h.size);
        return int(n);
      },
      int(0),
    ),
  },
  hincrby: {
    arity: 4,
    write: true,
    run: withHash(
      true,
      (h, c) => {
        const by = toInt(c.args[3]!);
        const cur = toInt(h.get(c.args[2]!) ?? '0');
        if (by === undefined) return NOT_INT;
        if (cur === undefined) return err('ERR hash value is not an integer');
        h.set(c.args[2]!, String(cur + by));
        c.ks.dirty++;
        return int(cur + by);
      },
      int(0),
    ),
  },
  sadd: {
    arity: -3,
    write: true,
    run: withSet(
      true,
      (s, c) => {
        const n = c.args.slice(2).filter((m) => !s.has(m) && s.add(m)).length;
        c.ks.dirty++;
        return int(n);
      },
      int(0),
    ),
  },
  srem: {
    arity: -3,
    write: true,
    run: withSet(
      false,
      (s, c) => {
        const n = c.args.slice(2).filter((m) => s.delete(m)).length;
        dropIfEmpty(c, s.size);
        return int(n);
      },
      int(0),
    ),
  },
  smembers: { arity: 2, run: withSet(false, (s) => array([...s]), array([])) },
  sismember: { arity: 3, run: withSet(false, (s, c) => int(s.has(c.args[2]!) ? 1 : 0), int(0)) },
  scard: { arity: 2, run: withSet(false, (s) => int(s.size), int(0)) },
  zadd: {
    arity: -4,
    write: true,
    run: (c) => {
      const e = typed(c, c.args[1]!, 'zset');
      if (isReply(e)) return e;
      if ((c.args.length - 2) % 2 !== 0) return err('ERR syntax error');
      const z = e ? e.value.v : new Map<string, number>();
      let added = 0;
      for (let i = 2; i < c.args.length; i += 2) {
        const score = Number(c.args[i]);
        if (Number.isNaN(score)) return err('ERR value is not a valid float');
        if (!z.has(c.args[i + 1]!)) added++;
        z.set(c.args[i + 1]!, score);
      }
      if (!e) c.ks.set(c.db, c.args[1]!, { type: 'zset', v: z });
      else c.ks.dirty++;
      return int(added);
    },
  },
  zrange: {
    arity: -4,
    run: (c) => {
      const e = typed(c, c.args[1]!, 'zset');
      if (isReply(e)) return e;
      const sorted = [...(e ? e.value.v : [])].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
      const r = range(sorted.length, c.args[2]!, c.args[3]!);
      if (!r) return NOT_INT;
      const withScores = c.args[4]?.toLowerCase() === 'withscores';
      return array(sorted.slice(r[0], r[1] + 1).flatMap(([m, s]) => (withScores ? [m, String(s)] : [m])));
    },
  },
  zcard: {
    arity: 2,
    run: (c) => {
      const e = typed(c, c.args[1]!, 'zset');
      return isReply(e) ? e : int(e ? e.value.v.size : 0);
    },
  },
};
DATA_COMMANDS['hmset'] = { ...DATA_COMMANDS['hset']!, arity: -4 };
