/** Small tools: yes, clear, nproc. */
import type { Program } from '../../../process/types.ts';
import { parseCommand, variantOf } from '../support/command.ts';

/** The node's CPU count, as nproc and docker info report it. */
export const CPUS = 2;

export const yes: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  if (variantOf(ctx) === 'gnu') {
    const parsed = parseCommand(ctx, { name: 'yes', options: [] });
    if (typeof parsed === 'number') return parsed;
  }
  const line =
    (args.length > 0 && !(args[0] === '--' && args.length === 1)
      ? (args[0] === '--' ? args.slice(1) : args).join(' ')
      : 'y') + '\n';
  const batch = line.repeat(Math.max(1, Math.floor(8192 / line.length)));
  // Forever, a batch per millisecond of virtual time, until a signal or the reader ends.
  for (;;) {
    try {
      ctx.stdout.write(batch);
    } catch {
      return 141; // the reader went away: SIGPIPE
    }
    await ctx.sleep(1);
  }
};

/** clear: ncurses clears the screen and the scrollback (E3); BusyBox only the screen. */
export const clear: Program = async (ctx) => {
  ctx.stdout.write(variantOf(ctx) === 'busybox' ? '\x1b[H\x1b[J' : '\x1b[H\x1b[2J\x1b[3J');
  return 0;
};

export const nproc: Program = async (ctx) => {
  const parsed = parseCommand(ctx, {
    name: 'nproc',
    options: [
      { key: 'all', long: 'all' },
      { key: 'ignore', long: 'ignore', arg: 'required' },
    ],
  });
  if (typeof parsed === 'number') return parsed;
  const ignore = Number(parsed.options.last('ignore') ?? 0) || 0;
  ctx.stdout.write(`${Math.max(1, CPUS - ignore)}\n`);
  return 0;
};
