/**
 * docker/cli's hijackedIOStreamer (cli/command/container/hijack.go, v28.5.2): an attach
 * or interactive exec. With a TTY and stdin attached, the CLI's own terminal goes into
 * raw mode while it streams — Ctrl-C, Ctrl-D and the rest reach the container's
 * terminal as bytes — and the input is watched for the detach keys (Ctrl-P Ctrl-Q
 * unless --detach-keys or the config file's detachKeys say otherwise), which end the
 * stream and leave the container running.
 */
import { ApiClientError, type RequestOptions } from '../../../api/client.ts';
import type { ApiResponse } from '../../../api/transport.ts';
import { DEFAULT_DETACH_KEYS, EscapeProxy, toBytes } from '../../../process/detach-keys.ts';
import type { Reader } from '../../../process/types.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { CliError } from '../../errors.ts';
import { loadConfigFile } from '../registry/config-file.ts';
import { streamOutput } from './attach-stream.ts';

/** What the streaming ended with: the output's end, or the detach keys typed. */
export type StreamEnd = 'ended' | 'detached';

export class Hijack {
  /** what to send on the connection: the CLI's stdin, the detach keys taken out */
  readonly stdin: Reader | undefined;
  readonly #cli: DockerCli;
  readonly #tty: boolean;
  readonly #proxy: EscapeProxy | undefined;

  constructor(cli: DockerCli, options: { stdin: boolean; tty: boolean; detachKeys: string }) {
    this.#cli = cli;
    this.#tty = options.tty;
    if (options.stdin && options.tty) {
      // an invalid sequence falls back on the default (the daemon refuses it first)
      let keys = DEFAULT_DETACH_KEYS;
      try {
        if (options.detachKeys !== '') keys = toBytes(options.detachKeys);
      } catch {
        keys = DEFAULT_DETACH_KEYS;
      }
      this.#proxy = new EscapeProxy(cli.in, keys);
    }
    this.stdin = options.stdin ? (this.#proxy ?? cli.in) : undefined;
  }

  /**
   * Copy the output until it ends or the detach keys are typed; the terminal is raw
   * meanwhile and restored as soon as either happens, before anything else is printed.
   * On the keys the connection is closed, which the daemon takes as a detach.
   */
  async stream(response: ApiResponse): Promise<StreamEnd> {
    const restore = this.#proxy ? this.#cli.terminal?.setRaw() : undefined;
    try {
      const output = streamOutput(this.#cli, response, this.#tty).then((): StreamEnd => 'ended');
      const detached = this.#proxy?.detached.then((): StreamEnd => 'detached');
      const end = await (detached ? Promise.race([output, detached]) : output);
      if (end === 'detached') response.stream?.close();
      return end;
    } finally {
      restore?.();
    }
  }
}

/** The detach keys a command uses: its --detach-keys, else the config file's detachKeys. */
export function detachKeys(cli: DockerCli, flag: string): string {
  if (flag !== '') return flag;
  try {
    const keys = loadConfigFile(cli).rest['detachKeys'];
    return typeof keys === 'string' ? keys : '';
  } catch {
    // a config file that cannot be read has no detach keys to give
    return '';
  }
}

/**
 * POST to an endpoint that hijacks the connection (attach, exec start). The Go client
 * asks for an upgrade, so a refusal is not read as the daemon's error: the client says
 * it got no upgrade (client/hijack.go setupHijackConn) — `--detach-keys bogus` on
 * docker run or attach prints "unable to upgrade to tcp, received 400".
 */
export async function hijackRequest(
  cli: DockerCli,
  path: string,
  options: RequestOptions,
): Promise<ApiResponse> {
  try {
    return await cli.client.request('POST', path, options);
  } catch (err) {
    if (err instanceof ApiClientError && err.status >= 400)
      throw new CliError(`unable to upgrade to tcp, received ${err.status}`);
    throw err;
  }
}
