/**
 * How psql and the server talk here: one exchange of the line protocol carries a
 * connection's startup (user, database, password, socket or TCP) and its queries as
 * JSON; the answer carries each statement's result, or the error that stopped them,
 * or the FATAL that refused the connection. Authentication follows the images'
 * pg_hba.conf: trust on the socket and from 127.0.0.1, a password from elsewhere
 * (scram-sha-256), unless POSTGRES_HOST_AUTH_METHOD=trust.
 */
import { SqlError, postgresMessage } from '../sql/errors.ts';
import { execute } from '../sql/engine.ts';
import type { ResultSet } from '../sql/engine.ts';
import type { ClusterState } from './cluster.ts';

export interface PgRequest {
  user: string;
  database: string;
  password?: string | null;
  /** through /var/run/postgresql/.s.PGSQL.5432 rather than TCP */
  socket: boolean;
  remote?: string;
  queries: string[];
  /** ask for the catalog (psql's \l, \dt, \du) */
  catalog?: boolean;
}

export interface PgError {
  message: string;
  detail?: string;
  at?: number;
  query: string;
}

export interface CatalogView {
  databases: { name: string; owner: string }[];
  tables: {
    name: string;
    owner: string;
    columns: { name: string; type: string; notNull: boolean; default?: string }[];
  }[];
  roles: { name: string; superuser: boolean }[];
}

export type PgResponse =
  | { ok: true; results: ResultSet[]; error?: PgError; catalog?: CatalogView; superuser: boolean }
  | { ok: false; fatal: string; noPassword?: boolean };

export function answer(
  state: ClusterState,
  req: PgRequest,
  o: { version: string; now: () => number; persist: () => void },
): PgResponse {
  const role = state.roles[req.user];
  const trusted = req.socket || req.remote === '127.0.0.1' || state.hostAuth === 'trust';
  if (!trusted) {
    if (req.password === undefined || req.password === null)
      return { ok: false, fatal: 'fe_sendauth: no password supplied', noPassword: true };
    if (!role || role.password !== req.password)
      return { ok: false, fatal: `FATAL:  password authentication failed for user "${req.user}"` };
  }
  if (!role) return { ok: false, fatal: `FATAL:  role "${req.user}" does not exist` };
  if (!state.catalog.databases[req.database])
    return { ok: false, fatal: `FATAL:  database "${req.database}" does not exist` };
  const session = {
    dialect: 'postgres' as const,
    user: req.user,
    db: req.database,
    version: `PostgreSQL ${o.version}`,
    now: o.now,
  };
  const results: ResultSet[] = [];
  let changed = false;
  for (const query of req.queries) {
    try {
      const r = execute(state.catalog, session, query);
      results.push(r);
      if (!r.tag.startsWith('SELECT')) changed = true;
      if (/^CREATE ROLE|^ALTER ROLE/.test(r.tag)) roleStatement(state, query);
    } catch (error) {
      if (!(error instanceof SqlError)) throw error;
      const m = postgresMessage(error);
      if (changed) o.persist();
      return {
        ok: true,
        results,
        error: { ...m, ...(error.at !== undefined ? { at: error.at } : {}), query },
        superuser: role.superuser,
      };
    }
  }
  if (changed) o.persist();
  const db = state.catalog.databases[req.database]!;
  const catalog: CatalogView | undefined = req.catalog
    ? {
        databases: Object.entries(state.catalog.databases).map(([name, d]) => ({ name, owner: d.owner })),
        tables: Object.entries(db.tables).map(([name, t]) => ({
          name,
          owner: db.owner,
          columns: t.columns.map((c) => ({
            name: c.name,
            type: c.type,
            notNull: c.notNull,
            ...(c.serial ? { default: `nextval('${name}_${c.name}_seq'::regclass)` } : {}),
          })),
        })),
        roles: Object.entries(state.roles).map(([name, r]) => ({ name, superuser: r.superuser })),
      }
    : undefined;
  return { ok: true, results, ...(catalog ? { catalog } : {}), superuser: role.superuser };
}

/** CREATE USER name [WITH] PASSWORD 'x'; ALTER USER name PASSWORD 'x'. */
function roleStatement(state: ClusterState, query: string): void {
  const m = /^\s*(create|alter)\s+(?:user|role)\s+"?(\w+)"?(?:.*?password\s+'([^']*)')?/i.exec(query);
  if (!m) return;
  const name = m[2]!.toLowerCase();
  const superuser = /superuser/i.test(query) && !/nosuperuser/i.test(query);
  const old = state.roles[name];
  state.roles[name] = { password: m[3] ?? old?.password ?? null, superuser: old?.superuser || superuser };
}
