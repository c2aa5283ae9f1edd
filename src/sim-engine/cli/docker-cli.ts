/**
 * What a docker command runs with (docker/cli's command.Cli): its streams, whether
 * they are a terminal, the API client for the daemon it talks to, and the host
 * process's environment, file system and clock.
 */
import type { ApiClient } from '../api/client.ts';
import type { FileSystem } from '../fs/types.ts';
import type { Reader, TerminalControl, Writer } from '../process/types.ts';

export interface DockerCli {
  out: Writer;
  err: Writer;
  in: Reader;
  /** stdout is a terminal (tables are the same; progress and TTY output differ) */
  outIsTerminal: boolean;
  /** stdin is a terminal (`-it` requires it) */
  inIsTerminal: boolean;
  /** that terminal, when stdin is one: an attach to a TTY puts it in raw mode */
  terminal?: TerminalControl;
  /** terminal width for help wrapping and progress bars (80 when not a terminal) */
  width: number;
  rows: number;
  client: ApiClient;
  env: ReadonlyMap<string, string>;
  /** the host's file system and working directory (env files, `docker cp`, build contexts) */
  fs: FileSystem;
  cwd: string;
  /** the host's clock, for "5 minutes ago" */
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Resolves when the user interrupts (Ctrl-C) the docker process. */
  interrupted: Promise<void>;
  /**
   * Catch the signals the CLI gets (docker run's and attach's sig-proxy): while a handler
   * is set, SIGINT goes to it (as its name, `INT`) rather than ending the command, and
   * the third forces the CLI out ("got 3 SIGTERM/SIGINTs, forcefully exiting"). Returns
   * the function that stops catching. Optional: a CLI made for tests has no signals.
   */
  catchSignals?(handler: (signal: 'INT') => void): () => void;
}
