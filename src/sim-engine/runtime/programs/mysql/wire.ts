/**
 * The client/server exchange (one line-protocol exchange per connection's work):
 * the handshake's account check as MySQL does it (`user@host`, `%` matching any
 * host, `localhost` for the socket), then the statements, each result or the error
 * that stopped them, and the schema the session ended in (USE).
 */
import { SqlError, mysqlMessage } from '../sql/errors.ts';
import { execute } from '../sql/engine.ts';
import type { ResultSet } from '../sql/engine.ts';
import type { MysqlState } from './datadir.ts';

export interface MyRequest {
  user: string;
  /** null when no password was given (`using password: NO`) */
  password: string | null;
  socket: boolean;
  remote?: string;
  database: string;
  queries: string[];
}

export interface MyError {
  code: number;
  state: string;
  message: string;
}

export type MyResponse =
  | {
      ok: true;
      results: ResultSet[];
      error?: MyError & { index: number };
      database: string;
      connection: number;
    }
  | { ok: false; fatal: MyError };

export function account(state: MysqlState, user: string, host: string): string | undefined {
  const exact = `${user}@${host}`;
  if (exact in state.accounts) return exact;
  if (host !== 'localhost' && `${user}@%` in state.accounts) return `${user}@%`;
  return undefined;
}

export function answer(
  state: MysqlState,
  req: MyRequest,
  o: { version: string; now: () => number; persist: () => void; connection: number },
): MyResponse {
  const host = req.socket ? 'localhost' : (req.remote ?? 'localhost');
  const acct = account(state, req.user, host);
  const given = req.password ?? '';
  if (!acct || state.accounts[acct] !== given) {
    return {
      ok: false,
      fatal: {
        code: 1045,
        state: '28000',
        message: `Access denied for user '${req.user}'@'${host}' (using password: ${req.password ? 'YES' : 'NO'})`,
      },
    };
  }
  if (req.database && !state.catalog.databases[req.database]) {
    return {
      ok: false,
      fatal: { code: 1049, state: '42000', message: `Unknown database '${req.database}'` },
    };
  }
  const session = {
    dialect: 'mysql' as const,
    user: req.user,
    db: req.database,
    version: o.version,
    now: o.now,
  };
  const results: ResultSet[] = [];
  let changed = false;
  for (const [index, query] of req.queries.entries()) {
    try {
      const r = execute(state.catalog, session, query);
      results.push(r);
      if (!r.tag.startsWith('SELECT') && r.tag !== 'SHOW' && r.tag !== 'USE') changed = true;
      if (/^CREATE USER|^ALTER USER/i.test(query.trim())) userStatement(state, query);
    } catch (error) {
      if (!(error instanceof SqlError)) throw error;
      if (changed) o.persist();
      return {
        ok: true,
        results,
        error: { ...mysqlMessage(error, session.db), index },
        database: session.db,
        connection: o.connection,
      };
    }
  }
  if (changed) o.persist();
  return { ok: true, results, database: session.db, connection: o.connection };
}

/** CREATE USER 'u'@'h' IDENTIFIED BY 'p'; ALTER USER … IDENTIFIED BY. */
function userStatement(state: MysqlState, query: string): void {
  const m =
    /user\s+(?:if\s+not\s+exists\s+)?'?([\w.-]+)'?(?:@'?([\w.%-]+)'?)?\s+identified\s+(?:with\s+\S+\s+)?by\s+'([^']*)'/i.exec(
      query,
    );
  if (m) state.accounts[`${m[1]}@${m[2] ?? '%'}`] = m[3]!;
}
