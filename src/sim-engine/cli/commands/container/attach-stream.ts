/**
 * Copying a hijacked attach/exec stream to the CLI's streams (docker/cli's
 * hijackedIOStreamer): stdout frames to stdout, stderr frames to stderr, or both to
 * stdout for a TTY.
 */
import type { ApiResponse } from '../../../api/transport.ts';
import type { DockerCli } from '../../docker-cli.ts';

export async function streamOutput(cli: DockerCli, response: ApiResponse, tty: boolean): Promise<void> {
  const stream = response.stream;
  if (!stream || stream.kind !== 'output') return;
  for await (const frame of stream.frames) {
    if (frame.stream === 2 && !tty) cli.err.write(frame.data);
    else cli.out.write(frame.data);
  }
}
