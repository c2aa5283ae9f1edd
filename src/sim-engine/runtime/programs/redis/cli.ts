/**
 * redis-cli: one command from its arguments (`redis-cli set k v`), commands read from
 * stdin when it is not a terminal, or the interactive prompt (`127.0.0.1:6379> `) when
 * it is. Replies are shown as redis-cli shows them: quoted and typed on a terminal,
 * raw when stdout is not one (`--raw`/`--no-raw` force either). `-h`, `-p`, `-a`,
 * `-n`, `-u redis://…`, `-e`, `-x` as the real options.
 *
 * Differs from redis-cli: each command travels in its own exchange (with AUTH and
 * SELECT replayed before it), so MULTI/EXEC and SUBSCRIBE are not supported.
 */
import type { ProcessContext, Program } from '../../../process/types.ts';
import { NetError } from '../../../process/types.ts';
import { LineReader, readAll } from '../../../process/streams.ts';
import { redisVersion } from './server.ts';
import { decodeAll, encodeCommand, formatRaw, formatTty, splitArgs } from './resp.ts';
import type { Reply } from './resp.ts';

interface Options {
  host: string;
  port: number;
  auth?: string;
  db: number;
  raw?: boolean;
  errcode: boolean;
  stdinLast: boolean;
  noAuthWarning: boolean;
  args: string[];
}

/** Commands whose string replies redis-cli prints raw even on a terminal. */
const RAW_COMMANDS = new Set([
  'info',
  'lolwut',
  'client list',
  'cluster nodes',
  'memory doctor',
  'latency doctor',
]);

function parse(ctx: ProcessContext): Options | number {
  const o: Options = {
    host: '127.0.0.1',
    port: 6379,
    db: 0,
    errcode: false,
    stdinLast: false,
    noAuthWarning: false,
    args: [],
  };
  const argv = ctx.argv.slice(1);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = () => argv[++i] ?? '';
    if (a === '-h' && i + 1 < argv.length) o.host = next();
    else if (a === '-p' && i + 1 < argv.length) o.port = Number(next());
    else if ((a === '-a' || a === '--pass') && i + 1 < argv.length) o.auth = next();
    else if (a === '-n' && i + 1 < argv.length) o.db = Number(next());
    else if (a === '-u' && i + 1 < argv.length) {
      const m = /^rediss?:\/\/(?:([^:@]*)(?::([^@]*))?@)?([^:/]+)(?::(\d+))?(?:\/(\d+))?$/.exec(next());
      if (m) {
        if (m[2] !== undefined) o.auth = m[2];
        o.host = m[3]!;
        if (m[4]) o.port = Number(m[4]);
        if (m[5]) o.db = Number(m[5]);
      }
    } else if (a === '--raw') o.raw = true;
    else if (a === '--no-raw') o.raw = false;
    else if (a === '-e') o.errcode = true;
    else if (a === '-x') o.stdinLast = true;
    else if (a === '--no-auth-warning') o.noAuthWarning = true;
    else if (a === '-v' || a === '--version') {
      ctx.stdout.write(`redis-cli ${redisVersion(ctx)}\n`);
      return 0;
    } else if (a === '--help') {
      ctx.stderr.write(
        `redis-cli ${redisVersion(ctx)}\n\nUsage: redis-cli [OPTIONS] [cmd [arg [arg ...]]]\n`,
      );
      return 0;
    } else if (a === '-c' || a === '-3' || a === '-2' || a === '--no-raw') continue;
    else {
      o.args = argv.slice(i);
      break;
    }
  }
  return o;
}

type Result = { ok: true; replies: Reply[] } | { ok: false; error: string };

async function send(ctx: ProcessContext, o: Options, args: string[]): Promise<Result> {
  const prelude: string[][] = [];
  if (o.auth !== undefined) prelude.push(['AUTH', o.auth]);
  if (o.db !== 0) prelude.push(['SELECT', String(o.db)]);
  const address = ctx.net.resolve(o.host);
  if (address === undefined) return { ok: false, error: 'Name or service not known' };
  try {
    const text = await ctx.net.line(address, o.port, [...prelude, args].map(encodeCommand).join(''));
    return { ok: true, replies: decodeAll(text) };
  } catch (error) {
    const code = error instanceof NetError ? error.code : 'ECONNREFUSED';
    return {
      ok: false,
      error:
        code === 'ECONNREFUSED'
          ? 'Connection refused'
          : code === 'ENOTFOUND'
            ? 'Name or service not known'
            : 'Connection timed out',
    };
  }
}

async function runOne(
  ctx: ProcessContext,
  o: Options,
  args: string[],
  tty: boolean,
  interactive: boolean,
): Promise<number> {
  const res = await send(ctx, o, args);
  if (!res.ok) {
    ctx.stderr.write(`Could not connect to Redis at ${o.host}:${o.port}: ${res.error}\n`);
    return 1;
  }
  const prelude = res.replies.length - 1;
  if (o.auth !== undefined && res.replies[0]?.kind === 'error')
    ctx.stderr.write(`AUTH failed: ${res.replies[0].text}\n`);
  const reply = res.replies[prelude];
  if (!reply) return 0; // SHUTDOWN: the connection closed without an answer
  if (!interactive && o.errcode && reply.kind === 'error') {
    ctx.stderr.write(`${reply.text}\n`);
    return 1;
  }
  const name = args[0]!.toLowerCase();
  const raw = RAW_COMMANDS.has(name) || RAW_COMMANDS.has(`${name} ${(args[1] ?? '').toLowerCase()}`);
  if (reply.kind === 'bulk' && raw && reply.text !== null) ctx.stdout.write(`${reply.text}\n`);
  else ctx.stdout.write(tty ? formatTty(reply) : formatRaw(reply));
  if (interactive && name === 'select' && reply.kind === 'status') o.db = Number(args[1]);
  return 0;
}

async function repl(ctx: ProcessContext, o: Options, tty: boolean): Promise<number> {
  const prompt = () => `${o.host}:${o.port}${o.db !== 0 ? `[${o.db}]` : ''}> `;
  const first = await send(ctx, o, ['PING']);
  let connected = first.ok;
  if (!first.ok) ctx.stderr.write(`Could not connect to Redis at ${o.host}:${o.port}: ${first.error}\n`);
  const reader = new LineReader(ctx.stdin);
  for (;;) {
    ctx.stdout.write(connected ? prompt() : 'not connected> ');
    const line = await reader.readLine();
    if (line === null) return 0;
    const args = splitArgs(line);
    if (!args) {
      ctx.stdout.write('Invalid argument(s)\n');
      continue;
    }
    if (args.length === 0) continue;
    const name = args[0]!.toLowerCase();
    if (name === 'quit' || name === 'exit') return 0;
    if (name === 'clear') {
      ctx.stdout.write('\x1b[H\x1b[2J');
      continue;
    }
    connected = (await runOne(ctx, o, args, tty, true)) === 0 || connected;
  }
}

export const redisCli: Program = async (ctx) => {
  const o = parse(ctx);
  if (typeof o === 'number') return o;
  const tty = o.raw === undefined ? ctx.tty : !o.raw;
  if (o.auth !== undefined && !o.noAuthWarning) {
    ctx.stderr.write(
      "Warning: Using a password with '-a' or '-u' option on the command line interface may not be safe.\n",
    );
  }
  if (o.args.length > 0) {
    const args = [...o.args];
    if (o.stdinLast) args.push(await readAll(ctx.stdin));
    return runOne(ctx, o, args, tty, false);
  }
  if (ctx.tty) return repl(ctx, o, tty);
  // commands from a pipe, one a line
  let status = 0;
  for (const line of (await readAll(ctx.stdin)).split('\n')) {
    const args = splitArgs(line);
    if (args && args.length) status = await runOne(ctx, o, args, tty, false);
  }
  return status;
};
