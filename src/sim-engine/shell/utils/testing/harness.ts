/**
 * Runs a utility in a fake process context for the tests: a MemFs (or any
 * FileSystem), a virtual clock that jumps on sleep, a fake network and a program
 * registry for the tools that start others (env, xargs, find -exec).
 */
import type {
  ChildProcess,
  HttpRequest,
  HttpResponse,
  ProcessContext,
  ProcessInfo,
  ProcessNetwork,
  Program,
  Reader,
  SpawnOptions,
  Writer,
} from '../../../process/types.ts';
import { NetError } from '../../../process/types.ts';
import type { FileSystem } from '../../../fs/types.ts';
import { MemFs } from '../../../fs/mem-fs.ts';

/** 2026-11-28T12:00:00Z, the tests' default virtual time */
export const T0 = 1795867200000;

export interface FakeService {
  http?: (req: HttpRequest) => HttpResponse;
  line?: (line: string) => string;
}

export interface RunOptions {
  variant?: string;
  fs?: FileSystem;
  stdin?: string;
  tty?: boolean;
  cwd?: string;
  env?: Record<string, string>;
  user?: { name: string; uid: number; gid: number };
  hostname?: string;
  /** virtual start time, ms */
  now?: number;
  programs?: Record<string, Program>;
  processes?: ProcessInfo[];
  /** host name -> address */
  hosts?: Record<string, string>;
  /** "address:port" -> service */
  services?: Record<string, FakeService>;
  addresses?: string[];
  pid?: number;
  /** gives up after this many ms of virtual time (tail -f, yes) */
  stopAfter?: number;
}

export interface RunResult {
  status: number;
  stdout: string;
  stderr: string;
  fs: FileSystem;
  /** virtual time when the program ended */
  now: number;
  /** requests the fake network saw */
  requests: {
    host: string;
    port: number;
    request: Omit<HttpRequest, 'remoteAddress' | 'localAddress' | 'localPort'>;
  }[];
}

export class StringReader implements Reader {
  #chunks: string[];
  constructor(text: string) {
    this.#chunks = text === '' ? [] : [text];
  }
  async read(): Promise<string | null> {
    return this.#chunks.shift() ?? null;
  }
}

export class Collect implements Writer {
  text = '';
  write(text: string): void {
    this.text += text;
  }
}

export async function run(program: Program, argv: string[], options: RunOptions = {}): Promise<RunResult> {
  const fs = options.fs ?? makeFs();
  let now = options.now ?? T0;
  const stdout = new Collect();
  const stderr = new Collect();
  const requests: RunResult['requests'] = [];
  let endProcess: (status: number) => void = () => {};
  const ended = new Promise<number>((resolve) => (endProcess = resolve));
  const stopAt = options.stopAfter === undefined ? Infinity : now + options.stopAfter;
  let nextPid = 100;

  const net: ProcessNetwork = {
    listen() {
      throw new Error('not in tests');
    },
    resolve(host) {
      if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) return host;
      if (host === 'localhost') return '127.0.0.1';
      return options.hosts?.[host];
    },
    async http(host, port, request) {
      requests.push({ host, port, request });
      const address = net.resolve(host);
      if (!address) throw new NetError('ENOTFOUND', `getaddrinfo ENOTFOUND ${host}`);
      const service = options.services?.[`${address}:${port}`];
      if (!service?.http) throw new NetError('ECONNREFUSED', `connect ECONNREFUSED ${address}:${port}`);
      return service.http({
        ...request,
        remoteAddress: '172.17.0.1',
        localAddress: address,
        localPort: port,
      });
    },
    async line(host, port, line) {
      const address = net.resolve(host);
      if (!address) throw new NetError('ENOTFOUND', `getaddrinfo ENOTFOUND ${host}`);
      const service = options.services?.[`${address}:${port}`];
      if (!service?.line) throw new NetError('ECONNREFUSED', `connect ECONNREFUSED ${address}:${port}`);
      return service.line(line);
    },
    addresses() {
      return options.addresses ?? ['172.17.0.2'];
    },
  };

  const makeCtx = (
    args: string[],
    variant: string,
    io: { stdin: Reader; stdout: Writer; stderr: Writer },
    env: Map<string, string>,
    cwd: string,
  ): ProcessContext => ({
    argv: args,
    variant,
    env,
    cwd,
    fs,
    stdin: io.stdin,
    stdout: io.stdout,
    stderr: io.stderr,
    tty: options.tty ?? false,
    pid: options.pid ?? 1,
    user: options.user ?? { name: 'root', uid: 0, gid: 0 },
    hostname: options.hostname ?? 'box',
    now: () => now,
    sleep: async (ms) => {
      if (now + ms > stopAt) {
        now = stopAt;
        endProcess(130);
        await new Promise(() => {});
      }
      now += ms;
    },
    onSignal: () => {},
    exit: (status) => endProcess(status),
    ended,
    spawn(childArgv: string[], spawnOptions: SpawnOptions): ChildProcess {
      const name = childArgv[0]!.split('/').at(-1)!;
      const [progName, childVariant] = name.includes('@') ? name.split('@') : [name, variant];
      const child = options.programs?.[progName!];
      const pid = ++nextPid;
      const childIo = {
        stdin: spawnOptions.stdin ?? new StringReader(''),
        stdout: spawnOptions.stdout ?? io.stdout,
        stderr: spawnOptions.stderr ?? io.stderr,
      };
      const status = child
        ? child(
            makeCtx(
              [name, ...childArgv.slice(1)],
              childVariant ?? variant,
              childIo,
              spawnOptions.env ?? env,
              spawnOptions.cwd ?? cwd,
            ),
          )
        : Promise.resolve(127);
      return { pid, wait: () => status, kill: () => {} };
    },
    processes: () => options.processes ?? [],
    net,
    random: () => 0.5,
  });

  const env = new Map(
    Object.entries(
      options.env ?? { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root' },
    ),
  );
  const ctx = makeCtx(
    argv,
    options.variant ?? 'gnu',
    { stdin: new StringReader(options.stdin ?? ''), stdout, stderr },
    env,
    options.cwd ?? '/',
  );
  const status = await Promise.race([program(ctx), ended]);
  return { status: status as number, stdout: stdout.text, stderr: stderr.text, fs, now, requests };
}

/** Make a FakeFs holding the given files (a trailing `/` makes a directory). */
export function makeFs(files: Record<string, string> = {}, now = T0): MemFs {
  const fs = new MemFs({ now: () => now });
  fs.mkdir('/etc', { parents: true });
  fs.writeFile(
    '/etc/passwd',
    'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\napp:x:1000:1000::/home/app:/bin/sh\n',
  );
  fs.writeFile('/etc/group', 'root:x:0:\nnogroup:x:65534:\napp:x:1000:\n');
  for (const d of ['/root', '/tmp', '/bin', '/usr/bin']) fs.mkdir(d, { parents: true });
  for (const [path, text] of Object.entries(files)) {
    if (path.endsWith('/')) fs.mkdir(path, { parents: true });
    else {
      fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', { parents: true });
      fs.writeFile(path, text);
    }
  }
  return fs;
}
