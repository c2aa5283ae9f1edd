/**
 * Stand-ins for the shell and a few utilities in the programs' tests, so that an
 * entrypoint exec'ing `sh -c 'echo hi'` or `sleep` can be tested without the shell.
 */
import type { Program } from '../../../process/types.ts';

const echo: Program = async (ctx) => {
  ctx.stdout.write(`${ctx.argv.slice(1).join(' ')}\n`);
  return 0;
};

const sleep: Program = async (ctx) => {
  await ctx.sleep(Number(ctx.argv[1] ?? '0') * 1000);
  return 0;
};

/** `sh -c 'a b; c d'`: each `;` part run as a command; `sh FILE` runs nothing. */
const sh: Program = async (ctx) => {
  if (ctx.argv[1] !== '-c') return 0;
  let status = 0;
  for (const part of (ctx.argv[2] ?? '').split(';')) {
    const words = [...part.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
    if (words.length === 0) continue;
    status = await ctx.spawn(words, {}).wait();
  }
  return status;
};

export const STUBS: Record<string, Program> = {
  echo,
  sleep,
  sh,
  bash: sh,
  true: async () => 0,
};
