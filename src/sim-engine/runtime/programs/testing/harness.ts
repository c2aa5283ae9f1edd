/**
 * A small lab for the programs' tests: a container's file system built from a
 * catalogue image's layers, a PID namespace with the image programs (and a few stub
 * utilities), a network namespace on a bridge with a host at 172.17.0.1, and the
 * virtual clock. Not used by the engine.
 */
import { Clock } from '../../../clock.ts';
import { applyLayer } from '../../../fs/apply-layer.ts';
import { MemFs } from '../../../fs/mem-fs.ts';
import { catalogueLayers, lookup } from '../../../images/index.ts';
import type { ImageConfig } from '../../../images/index.ts';
import { ProcessTable } from '../../../process/kernel.ts';
import type { Proc } from '../../../process/kernel.ts';
import { CollectingWriter, NullReader, Pipe, StringReader } from '../../../process/streams.ts';
import type { HttpResponse, Program, Reader } from '../../../process/types.ts';
import { Random } from '../../../random.ts';
import { Fabric, NetNamespace } from '../../../network/namespace.ts';
import { imagePrograms } from '../index.ts';
import { SHELL_PROGRAMS } from '../../../shell/index.ts';
import { utilities } from '../../../shell/utils/index.ts';

/** 2026-11-28T05:21:18.000Z */
export const T0 = 1_795_843_278_000;

/** Let pending promise callbacks run (no timers: the engine's lint forbids them). */
export async function settle(rounds = 400): Promise<void> {
  for (let i = 0; i < rounds; i++) await Promise.resolve();
}

export interface Running {
  proc: Proc;
  out: CollectingWriter;
  err: CollectingWriter;
  /** stdout and stderr interleaved, as `docker logs` shows them */
  all: CollectingWriter;
  stdin?: Pipe;
}

export interface ContainerOptions {
  env?: Record<string, string>;
  hostname?: string;
  ip?: string;
  /** share another container's file system (a restarted container) */
  fs?: MemFs;
}

export class TestLab {
  readonly clock = new Clock(T0);
  readonly random = new Random(7);
  readonly fabric = new Fabric();
  readonly host: NetNamespace;
  readonly programs: Map<string, Program>;

  constructor(extra: Record<string, Program> = {}) {
    this.host = new NetNamespace('host', this.fabric, { isHost: true });
    this.host.addInterface({ ip: '172.17.0.1', segment: 'bridge' });
    this.programs = new Map<string, Program>([
      ...utilities,
      ...SHELL_PROGRAMS,
      ...imagePrograms,
      ...Object.entries(extra),
    ]);
  }

  container(repository: string, tag: string, o: ContainerOptions = {}): TestContainer {
    const image = lookup(repository, tag);
    if (!image) throw new Error(`no image ${repository}:${tag}`);
    let fs = o.fs;
    if (!fs) {
      fs = new MemFs({ now: () => this.clock.now() });
      for (const layer of catalogueLayers(image)) applyLayer(fs, layer);
    }
    const ns = new NetNamespace('c', this.fabric, { uplink: this.host });
    ns.addInterface({ ip: o.ip ?? '172.17.0.2', segment: 'bridge' });
    const hostname = o.hostname ?? '0123456789ab';
    const table = new ProcessTable({
      clock: this.clock,
      random: this.random,
      hostname,
      network: ns.processView(),
      programs: this.programs,
    });
    const env = new Map<string, string>();
    for (const kv of image.config.Env ?? []) {
      const i = kv.indexOf('=');
      env.set(kv.slice(0, i), kv.slice(i + 1));
    }
    env.set('HOSTNAME', hostname);
    for (const [k, v] of Object.entries(o.env ?? {})) env.set(k, v);
    return new TestContainer(this, image.config, fs, table, ns, env);
  }

  /** An HTTP request from the host, as curl on the lab host sends it. */
  http(
    ip: string,
    port: number,
    path = '/',
    method = 'GET',
    headers: Record<string, string> = {},
    body = '',
  ) {
    return this.host.http(ip, port, {
      method,
      path,
      headers: { Host: `localhost:${port}`, 'User-Agent': 'curl/8.14.1', Accept: '*/*', ...headers },
      body,
    });
  }

  /** Move virtual time forward timer by timer, letting each woken program run. */
  async advance(ms: number): Promise<void> {
    const target = this.clock.now() + ms;
    await settle();
    for (;;) {
      const next = this.clock.nextDue();
      if (next === undefined || next > target) break;
      this.clock.advanceTo(next);
      await settle();
    }
    this.clock.advanceTo(target);
    await settle();
  }
}

export class TestContainer {
  readonly lab: TestLab;
  readonly config: ImageConfig;
  readonly fs: MemFs;
  readonly table: ProcessTable;
  readonly ns: NetNamespace;
  readonly env: Map<string, string>;

  constructor(
    lab: TestLab,
    config: ImageConfig,
    fs: MemFs,
    table: ProcessTable,
    ns: NetNamespace,
    env: Map<string, string>,
  ) {
    this.lab = lab;
    this.config = config;
    this.fs = fs;
    this.table = table;
    this.ns = ns;
    this.env = env;
  }

  /** The container's command as docker run makes it: Entrypoint + (args or Cmd). */
  argv(args?: string[]): string[] {
    return [...(this.config.Entrypoint ?? []), ...(args ?? this.config.Cmd ?? [])];
  }

  /** Start the main process (or a `docker exec` one) with its own output collectors. */
  run(
    argv: string[],
    o: { tty?: boolean; stdin?: string | 'pipe'; env?: Record<string, string>; cwd?: string } = {},
  ): Running {
    const out = new CollectingWriter();
    const err = new CollectingWriter();
    const all = new CollectingWriter();
    const pipe = o.stdin === 'pipe' ? new Pipe() : undefined;
    const stdin: Reader = pipe ?? (o.stdin !== undefined ? new StringReader(o.stdin) : new NullReader());
    const env = new Map(this.env);
    for (const [k, v] of Object.entries(o.env ?? {})) env.set(k, v);
    const result = this.table.exec(argv, {
      fs: this.fs,
      env,
      cwd: o.cwd ?? (this.config.WorkingDir || '/'),
      stdin,
      stdout: { write: (t) => (out.write(t), all.write(t)) },
      stderr: { write: (t) => (err.write(t), all.write(t)) },
      tty: o.tty ?? false,
    });
    if (!result.ok) throw new Error(`cannot run ${argv[0]}: ${result.resolution.error}`);
    return { proc: result.proc, out, err, all, ...(pipe ? { stdin: pipe } : {}) };
  }

  /** Run to completion, for short commands. */
  async exec(argv: string[], o: Parameters<TestContainer['run']>[1] = {}) {
    const r = this.run(argv, o);
    await this.lab.advance(0);
    for (let i = 0; i < 20 && r.proc.exitCode === undefined; i++) await this.lab.advance(1000);
    return { status: r.proc.exitCode, stdout: r.out.text, stderr: r.err.text, all: r.all.text };
  }

  http(
    port: number,
    path = '/',
    method = 'GET',
    headers: Record<string, string> = {},
    body = '',
  ): Promise<HttpResponse> {
    return this.lab.http(this.ns.interfaces[0]!.ip, port, path, method, headers, body);
  }

  /** `docker stop`: the image's stop signal, then SIGKILL after 10 s. */
  async stop(signal = this.config.StopSignal ?? 'SIGTERM'): Promise<void> {
    this.table.kill(1, signal as 'SIGTERM');
    await this.lab.advance(0);
    for (let i = 0; i < 10 && this.table.get(1); i++) await this.lab.advance(1000);
    if (this.table.get(1)) this.table.kill(1, 'SIGKILL');
    await settle();
  }
}
