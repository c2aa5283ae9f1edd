/**
 * The whole simulated lab: one virtual clock and seeded generator, the lab network,
 * the simulated Docker Hub, and the nodes. A command line runs on a node's host
 * shell; time moves only when the clock is advanced (by the page's timer, or by the
 * headless runner when everything waits).
 */
import type { RequestObserver } from '../api/client.ts';
import type { ApiTransport } from '../api/transport.ts';
import { Clock } from '../clock.ts';
import { Hub } from '../daemon/images/hub.ts';
import { planPull, store } from '../daemon/images/pull.ts';
import { Fabric } from '../network/namespace.ts';
import type { Program, ProgramRegistry, Reader, Writer } from '../process/types.ts';
import { Random } from '../random.ts';
import { Terminal } from '../process/terminal.ts';
import { sessionProgram, type DialectName, type Shell } from '../shell/index.ts';
import { createDockerProgram, DEFAULT_DOCKER_HOST } from '../cli/program.ts';
import { complete, type Completion } from '../cli/completion.ts';
import { ApiClient } from '../api/client.ts';
import { BUILTINS } from '../shell/builtins/index.ts';
import { machineChanged, setMachine } from '../swarm/cluster.ts';
import { Host } from './host.ts';
import { createLabProgram } from './lab-command.ts';

/** 2026-11-28T10:00:00Z: where headless time starts unless told otherwise. */
export const DEFAULT_START = 1_795_860_000_000;

export interface EngineOptions {
  /** number of nodes (node1…nodeN) or their names; one node, `node1`, by default */
  nodes?: number | readonly string[];
  /**
   * the nodes' addresses on the lab network, in node order; by default 192.168.0.11,
   * .12, … (the real multi-node recordings' lab used 10.99.0.11, .12, …)
   */
  addresses?: readonly string[];
  seed?: number | string;
  /** virtual start time, ms since the epoch */
  start?: number;
  /** images present on every node at the start (`nginx:latest`) */
  images?: readonly string[];
  /**
   * whether those images were pulled (with a repo digest) or loaded (`docker load`,
   * none) — the real-Docker fixtures' machine loads its images; default: loaded
   */
  pulledImages?: boolean;
  /** the lab folder: files put in root's home on every node */
  files?: Record<string, string>;
  /** every simulated program (coreutils, shells, image programs) */
  programs: ProgramRegistry;
  /** names of the GNU utilities a host has in /usr/bin */
  utilities: readonly string[];
  /** the dialect of the hosts' shell sessions (bash on a lab node) */
  shell: DialectName;
}

export interface RunIO {
  stdout: Writer;
  stderr: Writer;
  /**
   * What is typed while the line runs. With `tty`, the node's terminal reads it when a
   * command reads: lines ended with a newline, Ctrl-D as the byte 0x04 (end of input
   * for one read), other control keys (Ctrl-P Ctrl-Q) as their bytes; its end (null)
   * is the terminal hung up.
   */
  stdin?: Reader;
  /** stdin and stdout are the node's terminal */
  tty?: boolean;
}

/** Something that runs lines on one host, keeping state between them (a shell session). */
export interface Session {
  run(line: string, io: RunIO): Promise<number>;
  /**
   * Ctrl-C typed at the node's terminal: SIGINT to the command in the foreground — or,
   * while a command has the terminal in raw mode (`docker run -it`, `docker exec -it`),
   * the byte it reads and sends on to the container's terminal.
   */
  interrupt(): void;
  /** end the running command outright (a runner's time limit) */
  kill(): void;
  /** the prompt to show before the next line: PS1 expanded (`root@node1:~# `) */
  prompt(): Promise<string>;
  /** the prompt of a continuation line (PS2, `> `) */
  continuationPrompt(): Promise<string>;
  /** whether `text` is an unfinished command (an open quote, `\`, `if` without `fi`) */
  needsMoreInput(text: string): Promise<boolean>;
  /** the shell's working directory */
  cwd(): Promise<string>;
  /**
   * The terminal's size: bash sets COLUMNS and LINES on SIGWINCH (checkwinsize), and the
   * docker CLI reads the width from them for its tables and progress bars.
   */
  resize(columns: number, rows: number): void;
  /**
   * Tab completion of `line` at `cursor` (cli/completion.ts): the word's start and its
   * candidates, object names read through the API as the node's `docker` would.
   */
  complete(line: string, cursor: number): Promise<Completion>;
}

/** bash's reserved words, which its command completion offers beside builtins */
const RESERVED_WORDS = [
  '!',
  '[[',
  ']]',
  'case',
  'do',
  'done',
  'elif',
  'else',
  'esac',
  'fi',
  'for',
  'function',
  'if',
  'in',
  'select',
  'then',
  'time',
  'until',
  'while',
  '{',
  '}',
];

/** A lab's node names: `node1`, `node2`… for a count, or the names given (a lesson's `lab.nodes`). */
export function nodeNames(nodes: number | readonly string[] | undefined): string[] {
  return typeof nodes === 'number' || nodes === undefined
    ? Array.from({ length: nodes ?? 1 }, (_, i) => `node${i + 1}`)
    : [...nodes];
}

export class Engine {
  readonly clock: Clock;
  readonly random: Random;
  readonly fabric = new Fabric();
  readonly hub = new Hub();
  readonly hosts: Host[] = [];
  readonly options: EngineOptions;
  /** who watches the requests each node's docker CLI sends (observeRequests) */
  readonly #observers = new Map<string, Set<RequestObserver>>();

  constructor(options: EngineOptions) {
    this.options = options;
    this.clock = new Clock(options.start ?? DEFAULT_START);
    this.random = new Random(options.seed ?? 1);
    const names = nodeNames(options.nodes);
    names.forEach((name, i) => {
      const host = new Host({
        name,
        ip: options.addresses?.[i] ?? `192.168.0.${11 + i}`,
        clock: this.clock,
        random: this.random,
        fabric: this.fabric,
        registry: this.hub,
        programs: options.programs,
        hostPrograms: (h) => this.hostPrograms(h),
        utilities: options.utilities,
        files: options.files,
        labResolve: (n) => this.resolve(n),
      });
      this.hosts.push(host);
    });
    for (const image of options.images ?? []) this.preload(image);
    // the swarm learns of machines through this: up, reachable, who has an address
    for (const host of this.hosts) {
      setMachine(host.daemon, {
        up: () => host.up,
        reaches: (other) => {
          const peer = this.hosts.find((h) => h.daemon === other);
          if (!peer || !host.up || !peer.up) return false;
          return peer === host || (host.connected && peer.connected);
        },
        daemonAt: (ip) => this.hosts.find((h) => h.ip === ip)?.daemon,
      });
    }
  }

  /** `lab stop/start/disconnect/connect` changed a machine: the swarm re-checks who it reaches. */
  machineChanged(host: Host): void {
    machineChanged(host.daemon);
    // a partition changes what every other member reaches too
    for (const h of this.hosts) if (h !== host) machineChanged(h.daemon);
  }

  host(name?: string): Host {
    if (name === undefined) return this.hosts[0]!;
    const h = this.hosts.find((x) => x.name === name);
    if (!h) throw new Error(`no such node: ${name}`);
    return h;
  }

  /** A lab host name or address, as every node's resolver knows it. */
  resolve(name: string): string | undefined {
    if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return name;
    return this.hosts.find((h) => h.name === name)?.ip;
  }

  /** Put an image on every node without a pull's output (the lesson's prepared state). */
  preload(image: string): void {
    for (const host of this.hosts) {
      const ref = image.includes(':') || image.includes('@') ? image : `${image}:latest`;
      const colon = ref.lastIndexOf(':');
      store(host.daemon, planPull(host.daemon, ref.slice(0, colon), ref.slice(colon + 1)), {
        digest: this.options.pulledImages ?? false,
      });
    }
  }

  /** The daemon a DOCKER_HOST names, as seen from `from`. */
  connect(from: Host, dockerHost: string): ApiTransport | undefined {
    if (!from.up) return undefined;
    if (dockerHost === 'unix:///var/run/docker.sock') return from.up ? from.api : undefined;
    const m = /^tcp:\/\/([^:/]+)(?::(\d+))?\/?$/.exec(dockerHost);
    if (!m) return undefined;
    const ip = this.resolve(m[1]!) ?? (m[1] === 'localhost' ? from.ip : undefined);
    const port = Number(m[2] ?? 2375);
    const target = m[1] === 'localhost' || m[1] === '127.0.0.1' ? from : this.hosts.find((h) => h.ip === ip);
    if (!target || port !== 2375 || !target.up) return undefined;
    if (target !== from && (!target.connected || !from.connected)) return undefined;
    return target.api;
  }

  /**
   * Watch every Engine API request the docker CLI on `node` sends (to its own daemon or
   * another node's with -H), with the daemon's answer: the page's API inspector.
   * Returns a function that stops watching.
   */
  observeRequests(node: string, observer: RequestObserver): () => void {
    let set = this.#observers.get(node);
    if (!set) this.#observers.set(node, (set = new Set()));
    set.add(observer);
    return () => void set.delete(observer);
  }

  private hostPrograms(host: Host): ProgramRegistry {
    const docker: Program = createDockerProgram({
      connect: (dockerHost) => this.connect(host, dockerHost),
      observe: (request) => {
        const answers = [...(this.#observers.get(host.name) ?? [])].map((observer) => observer(request));
        return (response) => {
          for (const answer of answers) answer?.(response);
        };
      },
    });
    return new Map<string, Program>([
      ['docker', docker],
      ['lab', createLabProgram(this)],
    ]);
  }

  /** A shell session on a node: state (variables, cwd) kept between lines. */
  session(hostName?: string): Session {
    const host = this.host(hostName);
    return new HostSession(this, host);
  }
}

/**
 * A shell kept running on the host, fed one line at a time: `cd`, variables, functions
 * and aliases persist from line to line, while messages and `exit` are those of one
 * `bash -c` per line (the oracle's recording; the shell's 'command' mode). Lines run one
 * after another: a line still unwinding after `kill()` is waited for.
 */
class HostSession implements Session {
  readonly #shell: Promise<Shell>;
  #running: Promise<number> | undefined;
  /** the node's terminal, the controlling terminal of the session's shell and its commands */
  readonly #terminal = new Terminal();

  readonly #engine: Engine;
  readonly #host: Host;

  constructor(engine: Engine, host: Host) {
    this.#engine = engine;
    this.#host = host;
    const env = new Map([
      ['HOME', '/root'],
      ['USER', 'root'],
      ['LOGNAME', 'root'],
      ['SHELL', '/bin/bash'],
      ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
      ['PWD', '/root'],
      ['LANG', 'C.UTF-8'],
    ]);
    this.#shell = new Promise((ready) => {
      const program = sessionProgram(ready, { dialect: engine.options.shell, messages: 'command' });
      host.processes.spawn(program, [engine.options.shell], {
        fs: host.fs,
        env,
        cwd: '/root',
        terminal: this.#terminal,
      });
    });
    // the session does the job control: the terminal's keys reach the command running
    void this.#shell.then((shell) =>
      this.#terminal.claimForeground((signal) => shell.interp.interrupt(signal)),
    );
  }

  async run(line: string, io: RunIO): Promise<number> {
    const previous = this.#running;
    const running = (async () => {
      if (previous) await previous.catch(() => undefined);
      const shell = await this.#shell;
      if (!io.tty)
        return shell.run(line, { stdin: io.stdin, stdout: io.stdout, stderr: io.stderr, tty: false });
      // the terminal reads the keyboard for this line; what nobody read stays with it
      const stdin = this.#terminal.keyboard(io.stdin ?? { read: () => Promise.resolve(null) });
      return shell.run(line, { stdin, stdout: io.stdout, stderr: io.stderr, tty: true });
    })();
    this.#running = running;
    return running;
  }

  interrupt(): void {
    // once the session's shell is up (it claims the terminal); before, there is nothing to stop
    void this.#shell.then(() => this.#terminal.input('\x03'));
  }

  kill(): void {
    void this.#shell.then((shell) => shell.interp.interrupt('SIGKILL'));
  }

  async prompt(): Promise<string> {
    return (await this.#shell).prompt();
  }

  async continuationPrompt(): Promise<string> {
    return (await this.#shell).continuationPrompt();
  }

  async needsMoreInput(text: string): Promise<boolean> {
    return (await this.#shell).needsMoreInput(text);
  }

  async cwd(): Promise<string> {
    return (await this.#shell).cwd;
  }

  async complete(line: string, cursor: number): Promise<Completion> {
    const shell = await this.#shell;
    const state = shell.interp.state;
    const dockerHost = state.vars.get('DOCKER_HOST') || DEFAULT_DOCKER_HOST;
    return complete(line, cursor, {
      client: new ApiClient(this.#engine.connect(this.#host, dockerHost), dockerHost),
      fs: this.#host.fs,
      cwd: shell.cwd,
      home: state.vars.get('HOME'),
      path: state.vars.get('PATH'),
      shellCommands: [
        ...BUILTINS.map(([name]) => name),
        ...RESERVED_WORDS,
        ...state.aliases.keys(),
        ...state.functions.keys(),
      ],
    });
  }

  resize(columns: number, rows: number): void {
    void this.#shell.then((shell) => {
      // exported: the simulated docker CLI reads its width from them, where the real one asks the pty
      shell.interp.state.vars.set('COLUMNS', String(columns), { export: true });
      shell.interp.state.vars.set('LINES', String(rows), { export: true });
    });
  }
}
