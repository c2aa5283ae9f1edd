/**
 * `docker secret rm` and `docker config rm` (docker/cli v28.5.2 secret/remove.go,
 * config/remove.go): each name in turn, printed once removed; the errors joined, one a
 * line, and status 1.
 */
import type { DockerCli } from '../../docker-cli.ts';
import { StatusError } from '../../errors.ts';

export async function removeObjects(
  cli: DockerCli,
  names: string[],
  path: (name: string) => string,
): Promise<void> {
  const errs: string[] = [];
  for (const name of names) {
    try {
      await cli.client.delete(path(name));
    } catch (err) {
      errs.push(err instanceof Error ? err.message : String(err));
      continue;
    }
    cli.out.write(name + '\n');
  }
  if (errs.length > 0) throw new StatusError(errs.join('\n'), 1);
}
