/**
 * redis-benchmark: checks the server answers, runs one real command of each test (so
 * `KEYS *` afterwards shows key:__rand_int__, counter:__rand_int__, mylist… as after
 * the real one) and prints the throughput report, `-q`'s one line a test or the
 * summary blocks, with rates drawn from the seeded random source.
 */
import type { Program } from '../../../process/types.ts';
import { NetError } from '../../../process/types.ts';
import { encodeCommand } from './resp.ts';

const TESTS: [string, string[]][] = [
  ['PING_INLINE', ['PING']],
  ['PING_MBULK', ['PING']],
  ['SET', ['SET', 'key:__rand_int__', 'xxx']],
  ['GET', ['GET', 'key:__rand_int__']],
  ['INCR', ['INCR', 'counter:__rand_int__']],
  ['LPUSH', ['LPUSH', 'mylist', 'xxx']],
  ['RPUSH', ['RPUSH', 'mylist', 'xxx']],
  ['LPOP', ['LPOP', 'mylist']],
  ['RPOP', ['RPOP', 'mylist']],
  ['SADD', ['SADD', 'myset', 'element:__rand_int__']],
  ['HSET', ['HSET', 'myhash', 'element:__rand_int__', 'xxx']],
  ['SPOP', ['SPOP', 'myset']],
  ['ZADD', ['ZADD', 'myzset', '0', 'element:__rand_int__']],
  ['ZPOPMIN', ['ZPOPMIN', 'myzset']],
  ['LPUSH (needed to benchmark LRANGE)', ['LPUSH', 'mylist', 'xxx']],
  ['LRANGE_100 (first 100 elements)', ['LRANGE', 'mylist', '0', '99']],
  ['LRANGE_300 (first 300 elements)', ['LRANGE', 'mylist', '0', '299']],
  ['LRANGE_500 (first 500 elements)', ['LRANGE', 'mylist', '0', '499']],
  ['LRANGE_600 (first 600 elements)', ['LRANGE', 'mylist', '0', '599']],
  ['MSET (10 keys)', ['MSET', 'key:__rand_int__', 'xxx']],
];

export const redisBenchmark: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  let host = '127.0.0.1';
  let port = 6379;
  let n = 100000;
  let clients = 50;
  let quiet = false;
  let only: string[] | undefined;
  let password: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-h') host = args[++i] ?? host;
    else if (a === '-p') port = Number(args[++i]);
    else if (a === '-n') n = Number(args[++i]);
    else if (a === '-c') clients = Number(args[++i]);
    else if (a === '-q') quiet = true;
    else if (a === '-a') password = args[++i];
    else if (a === '-t') only = (args[++i] ?? '').toUpperCase().split(',');
    else if (a === '--version' || a === '-v') {
      ctx.stdout.write(`redis-benchmark ${ctx.env.get('REDIS_VERSION') ?? '8.10.1'}\n`);
      return 0;
    }
  }
  const address = ctx.net.resolve(host);
  const send = async (words: string[]) => {
    if (address === undefined) throw new NetError('ENOTFOUND', host);
    const pre = password ? [['AUTH', password]] : [];
    return ctx.net.line(address, port, [...pre, words].map(encodeCommand).join(''));
  };
  try {
    await send(['PING']);
  } catch {
    ctx.stderr.write(
      `Could not connect to Redis at ${host}:${port}: ${address === undefined ? 'Name or service not known' : 'Connection refused'}\n`,
    );
    return 1;
  }
  const tests = TESTS.filter(
    ([name]) => !only || only.some((t) => name.split(/[_ ]/)[0] === t || name === t),
  );
  for (const [name, command] of tests) {
    await send(command);
    const rate = 150000 + Math.floor(ctx.random() * 50000);
    const secs = n / rate;
    await ctx.sleep(Math.round(secs * 1000));
    const p50 = (0.12 + ctx.random() * 0.05).toFixed(3);
    if (quiet) {
      ctx.stdout.write(`${name}: ${(n / secs).toFixed(2)} requests per second, p50=${p50} msec\n`);
      continue;
    }
    const avg = (Number(p50) + 0.01).toFixed(3);
    ctx.stdout.write(
      `====== ${name} ======\n  ${n} requests completed in ${secs.toFixed(2)} seconds\n  ${clients} parallel clients\n  3 bytes payload\n  keep alive: 1\n  host configuration "save": 3600 1 300 100 60 10000\n  host configuration "appendonly": no\n  multi-thread: no\n\nSummary:\n  throughput summary: ${(n / secs).toFixed(2)} requests per second\n  latency summary (msec):\n          avg       min       p50       p95       p99       max\n        ${avg}     0.048     ${p50}     0.223     0.311     1.007\n\n`,
    );
  }
  return 0;
};
