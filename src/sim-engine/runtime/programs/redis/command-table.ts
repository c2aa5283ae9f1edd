/**
 * The shape of a command implementation and the errors every command shares, with
 * Redis's exact texts.
 */
import type { Entry, Keyspace, Value } from './keyspace.ts';
import { err } from './resp.ts';
import type { Reply } from './resp.ts';

export interface Session {
  db: number;
  authed: boolean;
}

export interface Server {
  ks: Keyspace;
  version: string;
  config: Map<string, string>;
  /** SAVE: true when written */
  save(): boolean;
  bgsave(): void;
  shutdown(mode: 'save' | 'nosave' | 'default'): void;
  info(section: string | undefined): string;
}

export interface Call {
  server: Server;
  session: Session;
  args: string[];
  ks: Keyspace;
  db: number;
}

export interface Command {
  /** Redis's arity: n exact argument count (with the name), -n at least n */
  arity: number;
  write?: boolean;
  run(c: Call): Reply;
}

export const WRONGTYPE = err('WRONGTYPE Operation against a key holding the wrong kind of value');
export const NOT_INT = err('ERR value is not an integer or out of range');
export const SYNTAX = err('ERR syntax error');

/** The entry of a key if it has this type; the WRONGTYPE reply if another; undefined if none. */
export function typed<T extends Value['type']>(
  c: Call,
  key: string,
  type: T,
): (Entry & { value: Extract<Value, { type: T }> }) | Reply | undefined {
  const e = c.ks.entry(c.db, key);
  if (!e) return undefined;
  if (e.value.type !== type) return WRONGTYPE;
  return e as Entry & { value: Extract<Value, { type: T }> };
}

export function isReply(x: unknown): x is Reply {
  return typeof x === 'object' && x !== null && 'kind' in x;
}

export function toInt(s: string): number | undefined {
  return /^-?\d+$/.test(s) && Math.abs(Number(s)) <= Number.MAX_SAFE_INTEGER ? Number(s) : undefined;
}
