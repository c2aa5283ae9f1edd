/** pg_isready: `/var/run/postgresql:5432 - accepting connections` (0) or `- no response` (2). */
import type { Program } from '../../../process/types.ts';

export const pgIsready: Program = async (ctx) => {
  let host: string | undefined = ctx.env.get('PGHOST');
  let port = Number(ctx.env.get('PGPORT') ?? 5432);
  let quiet = false;
  const args = ctx.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-h' || a === '--host') host = args[++i];
    else if (a.startsWith('--host=')) host = a.slice(7);
    else if (a === '-p' || a === '--port') port = Number(args[++i]);
    else if (a === '-q' || a === '--quiet') quiet = true;
    else if (
      a === '-U' ||
      a === '-d' ||
      a === '-t' ||
      a === '--username' ||
      a === '--dbname' ||
      a === '--timeout'
    )
      i++;
  }
  const label = `${host ?? '/var/run/postgresql'}:${port}`;
  const address = ctx.net.resolve(host ?? '127.0.0.1');
  let ok = false;
  if (address !== undefined) {
    try {
      await ctx.net.line(
        address,
        port,
        JSON.stringify({ user: '', database: '', socket: host === undefined, queries: [] }),
      );
      ok = true;
    } catch {
      ok = false;
    }
  }
  if (!quiet) ctx.stdout.write(`${label} - ${ok ? 'accepting connections' : 'no response'}\n`);
  return ok ? 0 : 2;
};
