/** docker/cli internal/prompt Confirm: ask on stdout, read one line of stdin, "y" means yes. */
import type { DockerCli } from '../docker-cli.ts';

export async function confirm(cli: DockerCli, message: string): Promise<boolean> {
  cli.out.write(`${message} [y/N] `);
  let line = '';
  for (;;) {
    const chunk = await cli.in.read();
    if (chunk === null) break;
    line += chunk;
    if (line.includes('\n')) break;
  }
  const answer = line.split('\n')[0]!.trim();
  return answer.toLowerCase() === 'y';
}
