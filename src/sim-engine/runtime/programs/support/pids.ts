/**
 * Using up pids as a real entrypoint does. A shell entrypoint forks dozens of short
 * processes (find, sort, id, basename…) before it execs the server, so the server's
 * own children have pids in the twenties or more (nginx's workers are 29 and 30). We
 * start as many no-op children as that takes, so `ps` and the logs show those pids.
 */
import type { ProcessContext } from '../../../process/types.ts';

/** Start no-op children (as `tag`) until the last pid handed out is at least `last`. */
export async function usePidsUpTo(ctx: ProcessContext, last: number, tag: string): Promise<void> {
  for (let i = 0; i < 128; i++) {
    const child = ctx.spawn([ctx.argv[0] ?? 'sh'], { program: tag });
    await child.wait();
    if (child.pid >= last) return;
  }
}
