/**
 * A DockerCli for tests of what happens before any API call (argument and flag
 * errors, help): it collects what the command prints, and its client fails loudly if
 * anything reaches for it.
 */
import type { ApiClient } from '../../api/client.ts';
import type { DockerCli } from '../docker-cli.ts';
import type { FileSystem } from '../../fs/types.ts';

export interface FakeCli {
  cli: DockerCli;
  out: () => string;
  err: () => string;
}

function untouchable<T extends object>(what: string, allowed: Record<string, unknown> = {}): T {
  return new Proxy({} as T, {
    get(_target, prop) {
      if (typeof prop === 'string' && prop in allowed) return allowed[prop];
      throw new Error(`the fake CLI's ${what} was used (${String(prop)})`);
    },
  });
}

/**
 * The recordings were made with the daemon unreachable: its ping tells nothing (so
 * help hides nothing), and any other use of the client is a mistake of the test.
 */
export function fakeClient(): ApiClient {
  return untouchable<ApiClient>('API client', { serverInfo: () => Promise.resolve(undefined) });
}

export function fakeCli(client: ApiClient = fakeClient()): FakeCli {
  let out = '';
  let err = '';
  const cli: DockerCli = {
    out: { write: (t) => void (out += t) },
    err: { write: (t) => void (err += t) },
    in: { read: () => Promise.resolve(null) },
    outIsTerminal: false,
    inIsTerminal: false,
    width: 80,
    rows: 24,
    client,
    env: new Map(),
    fs: untouchable<FileSystem>('file system'),
    cwd: '/root',
    now: () => 0,
    sleep: () => Promise.resolve(),
    interrupted: new Promise<void>(() => {}),
  };
  return { cli, out: () => out, err: () => err };
}
