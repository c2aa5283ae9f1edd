/**
 * `docker` as a program on a lab host: the CLI wired to a process's streams, with the
 * daemon reached through `connect` (the host's own socket, or another node's
 * tcp://NODE:2375 on the lab network), as the real CLI dials DOCKER_HOST.
 */
import { ApiClient, type RequestObserver } from '../api/client.ts';
import type { ApiTransport } from '../api/transport.ts';
import type { Program } from '../process/types.ts';
import { commands } from './commands/index.ts';
import { runDocker } from './main.ts';

export const DEFAULT_DOCKER_HOST = 'unix:///var/run/docker.sock';

export interface DockerProgramOptions {
  /** the daemon listening at a DOCKER_HOST address, as seen from this host; undefined if none */
  connect(host: string): ApiTransport | undefined;
  /** sees every request the CLI sends (the API inspector) */
  observe?: RequestObserver;
}

export function createDockerProgram(options: DockerProgramOptions): Program {
  return async (ctx) => {
    // docker/cli's signal handling (cmd/docker/docker.go): the first SIGINT cancels the
    // command, which ends with 130 — unless the command catches signals (run's and
    // attach's sig-proxy); then the third forces the CLI out.
    let interrupt!: () => void;
    const interrupted = new Promise<void>((resolve) => (interrupt = resolve));
    const catchers = new Set<(signal: 'INT') => void>();
    let caught = 0;
    ctx.onSignal('SIGINT', () => {
      interrupt();
      if (catchers.size === 0) {
        ctx.exit(130);
        return;
      }
      for (const c of catchers) c('INT');
      if (++caught >= 3) {
        ctx.stderr.write('\ngot 3 SIGTERM/SIGINTs, forcefully exiting\n');
        ctx.exit(1);
      }
    });
    const catchSignals = (handler: (signal: 'INT') => void) => {
      catchers.add(handler);
      return () => void catchers.delete(handler);
    };
    const env = ctx.env;
    const width = Number(env.get('COLUMNS')) || 80;
    const connect = (hosts: string[]) => {
      const host = hosts[0] ?? (env.get('DOCKER_HOST') || DEFAULT_DOCKER_HOST);
      return new ApiClient(options.connect(host), host, options.observe);
    };
    return runDocker(
      ctx.argv.slice(1),
      (client) => ({
        out: ctx.stdout,
        err: ctx.stderr,
        in: ctx.stdin,
        outIsTerminal: ctx.tty,
        inIsTerminal: ctx.tty,
        terminal: ctx.tty ? ctx.terminal : undefined,
        width: ctx.tty ? width : 80,
        rows: Number(env.get('LINES')) || 24,
        client,
        env,
        fs: ctx.fs,
        cwd: ctx.cwd,
        now: () => ctx.now(),
        sleep: (ms) => ctx.sleep(ms),
        interrupted,
        catchSignals,
      }),
      { connect, home: env.get('HOME') || '/root', commands },
    );
  };
}
