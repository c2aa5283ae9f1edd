/** Connection, keyspace and string commands. */
import type { Command } from './command-table.ts';
import { isReply, NOT_INT, SYNTAX, toInt, typed, WRONGTYPE } from './command-table.ts';
import { globMatch } from './keyspace.ts';
import { array, bulk, err, int, nil, ok } from './resp.ts';

const incrBy = (by: (args: string[]) => number | undefined): Command => ({
  arity: -2,
  write: true,
  run: (c) => {
    const n = by(c.args);
    if (n === undefined) return NOT_INT;
    const e = typed(c, c.args[1]!, 'string');
    if (isReply(e)) return e;
    const cur = e ? toInt(e.value.v) : 0;
    if (cur === undefined) return NOT_INT;
    c.ks.set(c.db, c.args[1]!, { type: 'string', v: String(cur + n) }, true);
    return int(cur + n);
  },
});

function expire(unit: number, at: boolean): Command {
  return {
    arity: -3,
    write: true,
    run: (c) => {
      const n = toInt(c.args[2]!);
      if (n === undefined) return NOT_INT;
      const e = c.ks.entry(c.db, c.args[1]!);
      if (!e) return int(0);
      const when = at ? n * unit : c.ks.now() + n * unit;
      if (when <= c.ks.now()) c.ks.delete(c.db, c.args[1]!);
      else e.expires = when;
      c.ks.dirty++;
      return int(1);
    },
  };
}

function ttl(unit: number): Command {
  return {
    arity: 2,
    run: (c) => {
      const e = c.ks.entry(c.db, c.args[1]!);
      if (!e) return int(-2);
      if (e.expires === undefined) return int(-1);
      return int(Math.round((e.expires - c.ks.now()) / unit));
    },
  };
}

export const KEY_COMMANDS: Record<string, Command> = {
  ping: {
    arity: -1,
    run: (c) => (c.args[1] === undefined ? { kind: 'status', text: 'PONG' } : bulk(c.args[1])),
  },
  echo: { arity: 2, run: (c) => bulk(c.args[1]!) },
  quit: { arity: -1, run: () => ok },
  select: {
    arity: 2,
    run: (c) => {
      const n = toInt(c.args[1]!);
      if (n === undefined) return NOT_INT;
      if (n < 0 || n > 15) return err('ERR DB index is out of range');
      c.session.db = n;
      return ok;
    },
  },
  set: {
    arity: -3,
    write: true,
    run: (c) => {
      const [, key, value] = c.args as [string, string, string];
      let expires: number | undefined;
      let mode = '';
      let keep = false;
      let get = false;
      for (let i = 3; i < c.args.length; i++) {
        const o = c.args[i]!.toLowerCase();
        if (o === 'nx' || o === 'xx') mode = o;
        else if (o === 'keepttl') keep = true;
        else if (o === 'get') get = true;
        else if (['ex', 'px', 'exat', 'pxat'].includes(o) && i + 1 < c.args.length) {
          const n = toInt(c.args[++i]!);
          if (n === undefined) return NOT_INT;
          if (n <= 0) return err(`ERR invalid expire time in 'set' command`);
          expires =
            o === 'ex' ? c.ks.now() + n * 1000 : o === 'px' ? c.ks.now() + n : o === 'exat' ? n * 1000 : n;
        } else return SYNTAX;
      }
      const old = c.ks.entry(c.db, key);
      if (get && old && old.value.type !== 'string') return WRONGTYPE;
      const previous = get ? bulk(old?.value.type === 'string' ? old.value.v : null) : undefined;
      if ((mode === 'nx' && old) || (mode === 'xx' && !old)) return previous ?? nil;
      c.ks.set(c.db, key, { type: 'string', v: value }, keep);
      if (expires !== undefined) c.ks.entry(c.db, key)!.expires = expires;
      return previous ?? ok;
    },
  },
  setnx: {
    arity: 3,
    write: true,
    run: (c) => {
      if (c.ks.entry(c.db, c.args[1]!)) return int(0);
      c.ks.set(c.db, c.args[1]!, { type: 'string', v: c.args[2]! });
      return int(1);
    },
  },
  setex: {
    arity: 4,
    write: true,
    run: (c) => {
      const n = toInt(c.args[2]!);
      if (n === undefined) return NOT_INT;
      if (n <= 0) return err(`ERR invalid expire time in 'setex' command`);
      c.ks.set(c.db, c.args[1]!, { type: 'string', v: c.args[3]! });
      c.ks.entry(c.db, c.args[1]!)!.expires = c.ks.now() + n * 1000;
      return ok;
    },
  },
  get: {
    arity: 2,
    run: (c) => {
      const e = typed(c, c.args[1]!, 'string');
      if (isReply(e)) return e;
      if (e) c.ks.hits++;
      else c.ks.misses++;
      return bulk(e ? e.value.v : null);
    },
  },
  getset: {
    arity: 3,
    write: true,
    run: (c) => {
      const e = typed(c, c.args[1]!, 'string');
      if (isReply(e)) return e;
      c.ks.set(c.db, c.args[1]!, { type: 'string', v: c.args[2]! });
      return bulk(e ? e.value.v : null);
    },
  },
  mset: {
    arity: -3,
    write: true,
    run: (c) => {
      if (c.args.length % 2 === 0) return err(`ERR wrong number of arguments for 'mset' command`);
      for (let i = 1; i < c.args.length; i += 2)
        c.ks.set(c.db, c.args[i]!, { type: 'string', v: c.args[i + 1]! });
      return ok;
    },
  },
  mget: {
    arity: -2,
    run: (c) =>
      array(
        c.args.slice(1).map((k) => {
          const e = c.ks.entry(c.db, k);
          return e?.value.type === 'string' ? e.value.v : null;
        }),
      ),
  },
  append: {
    arity: 3,
    write: true,
    run: (c) => {
      const e = typed(c, c.args[1]!, 'string');
      if (isReply(e)) return e;
      const v = (e ? e.value.v : '') + c.args[2]!;
      c.ks.set(c.db, c.args[1]!, { type: 'string', v }, true);
      return int(v.length);
    },
  },
  strlen: {
    arity: 2,
    run: (c) => {
      const e = typed(c, c.args[1]!, 'string');
      return isReply(e) ? e : int(e ? e.value.v.length : 0);
    },
  },
  incr: incrBy(() => 1),
  decr: incrBy(() => -1),
  incrby: { ...incrBy((a) => toInt(a[2] ?? '')), arity: 3 },
  decrby: { ...incrBy((a) => (toInt(a[2] ?? '') === undefined ? undefined : -toInt(a[2]!)!)), arity: 3 },
  del: {
    arity: -2,
    write: true,
    run: (c) => int(c.args.slice(1).filter((k) => c.ks.delete(c.db, k)).length),
  },
  unlink: {
    arity: -2,
    write: true,
    run: (c) => int(c.args.slice(1).filter((k) => c.ks.delete(c.db, k)).length),
  },
  exists: { arity: -2, run: (c) => int(c.args.slice(1).filter((k) => c.ks.entry(c.db, k)).length) },
  type: {
    arity: 2,
    run: (c) => ({ kind: 'status', text: c.ks.entry(c.db, c.args[1]!)?.value.type ?? 'none' }),
  },
  keys: { arity: 2, run: (c) => array(c.ks.keys(c.db).filter((k) => globMatch(c.args[1]!, k))) },
  scan: {
    arity: -2,
    run: (c) => {
      const i = c.args.findIndex((a) => a.toLowerCase() === 'match');
      const pattern = i > 0 ? (c.args[i + 1] ?? '*') : '*';
      return array([bulk('0'), array(c.ks.keys(c.db).filter((k) => globMatch(pattern, k)))]);
    },
  },
  randomkey: { arity: 1, run: (c) => bulk(c.ks.keys(c.db)[0] ?? null) },
  rename: {
    arity: 3,
    write: true,
    run: (c) => {
      const e = c.ks.entry(c.db, c.args[1]!);
      if (!e) return err('ERR no such key');
      c.ks.delete(c.db, c.args[1]!);
      c.ks.dbs[c.db]!.set(c.args[2]!, e);
      return ok;
    },
  },
  expire: expire(1000, false),
  pexpire: expire(1, false),
  expireat: expire(1000, true),
  ttl: ttl(1000),
  pttl: ttl(1),
  persist: {
    arity: 2,
    write: true,
    run: (c) => {
      const e = c.ks.entry(c.db, c.args[1]!);
      if (!e || e.expires === undefined) return int(0);
      delete e.expires;
      return int(1);
    },
  },
  dbsize: { arity: 1, run: (c) => int(c.ks.keys(c.db).length) },
  flushdb: {
    arity: -1,
    write: true,
    run: (c) => {
      c.ks.dbs[c.db]!.clear();
      c.ks.dirty++;
      return ok;
    },
  },
  flushall: {
    arity: -1,
    write: true,
    run: (c) => {
      for (const db of c.ks.dbs) db.clear();
      c.ks.dirty++;
      return ok;
    },
  },
};
