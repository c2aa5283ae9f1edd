/**
 * docker/cli's parallelOperation as stop/kill/rm/pause use it: the operation runs on
 * every container at once; each success prints the name as given; errors are joined
 * and reported at the end (status 1), except those `soft` says to print and skip.
 */
import type { DockerCli } from '../../docker-cli.ts';
import { StatusError } from '../../errors.ts';

export async function eachContainer(
  cli: DockerCli,
  names: readonly string[],
  op: (name: string) => Promise<unknown>,
  soft: (err: unknown) => boolean = () => false,
): Promise<void> {
  const results = await Promise.allSettled(names.map((n) => Promise.resolve().then(() => op(n))));
  const errors: string[] = [];
  results.forEach((r, i) => {
    if (r.status === 'fulfilled') {
      cli.out.write(names[i] + '\n');
      return;
    }
    const message = r.reason instanceof Error ? r.reason.message : String(r.reason);
    if (soft(r.reason)) cli.err.write(message + '\n');
    else errors.push(message);
  });
  if (errors.length > 0) throw new StatusError(errors.join('\n'), 1);
}
