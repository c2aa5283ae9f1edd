/**
 * Debian's pg_wrapper (/usr/bin/psql and friends link to it): runs the client of the
 * installed major version, the program of the name it was called by.
 */
import type { Program } from '../../../process/types.ts';
import { derive } from '../support/exec.ts';
import { pgIsready } from './pg-isready.ts';
import { psql } from './psql.ts';

const CLIENTS: Record<string, Program> = { psql, pg_isready: pgIsready };

export const pgWrapper: Program = async (ctx) => {
  const arg0 = ctx.argv[0] ?? '';
  const name = arg0.slice(arg0.lastIndexOf('/') + 1);
  const client = CLIENTS[name];
  if (!client) {
    ctx.stderr.write(`Error: pg_wrapper: ${name} was not found in /usr/lib/postgresql/16/bin\n`);
    return 1;
  }
  return client(derive(ctx, {}));
};
