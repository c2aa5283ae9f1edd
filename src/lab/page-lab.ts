/**
 * The lab of a lesson page: one per page, made from the lesson's `lab` frontmatter. It
 * owns the engine, a host shell per node and the wall-time driver of the clock; the
 * page's panels (the terminal today) reach the engine only through it.
 *
 * Setup commands run before any shell is handed out, on virtual time that jumps (as
 * headless): they are the lesson's starting state, not something to wait for. After
 * that, virtual time follows wall time.
 */
import {
  createLab,
  drive,
  type Completion,
  type Engine,
  type LabSession,
  type LabIO,
} from '../sim-engine/index.ts';
import type { LabConfig } from '../content/lesson-schema.ts';
import { announceLab, retireLab, takeExtraSetup } from './current-lab.ts';
import { nodeNames } from './nodes.ts';
import { followWallTime, macrotask, type WallTimeDriver } from './wall-clock.ts';

/** A node's shell as a terminal sees it: a prompt, lines to run, Ctrl-C. */
export interface LabShell {
  readonly node: string;
  /** the bash prompt to show before the next line (`root@node1:~# `) */
  prompt(): string;
  /** run a line with the terminal's streams; resolves to its exit status */
  run(line: string, io: LabIO): Promise<number>;
  /** Ctrl-C: SIGINT to the command in the foreground */
  interrupt(): void;
  /** input arrived for the running command: let the engine see it now */
  poke(): void;
  /**
   * Tab: the candidates for the word at `cursor` in `line` (commands, docker's
   * subcommands, flags and object names, files). Optional, so a wrapper that does not
   * pass it on still makes a LabShell; the terminal then asks the page's lab.
   */
  complete?(line: string, cursor: number): Promise<Completion>;
}

/** A setup command that failed: shown to the learner, since the lesson may not work as written. */
export interface SetupProblem {
  command: string;
  status: number;
  output: string;
}

/** The seed of every page lab: a lesson starts the same way each time it is opened. */
const SEED = 'dockyard';

export class PageLab {
  readonly nodes: string[];
  readonly engine: Engine;
  /** resolves once setup has run; lists what failed */
  readonly ready: Promise<SetupProblem[]>;
  readonly #shells = new Map<string, NodeShell>();
  #driver: WallTimeDriver | undefined;
  #disposed = false;

  constructor(config: Partial<LabConfig> = {}, options: { start?: number } = {}) {
    this.nodes = nodeNames(config.nodes);
    this.engine = createLab({
      nodes: this.nodes,
      images: config.images,
      files: config.files,
      seed: SEED,
      start: options.start,
    }).engine;
    for (const node of this.nodes)
      this.#shells.set(node, new NodeShell(node, this.engine.session(node), this));
    // an exercise's Reset adds its <Setup> after the lesson's (current-lab.ts)
    this.ready = this.#setup([...(config.setup ?? []), ...takeExtraSetup()]).then((problems) => {
      if (!this.#disposed) this.#driver = followWallTime(this.engine.clock);
      return problems;
    });
    announceLab(this);
  }

  shell(node: string): LabShell {
    const shell = this.#shells.get(node);
    if (!shell) throw new Error(`no node ${node} in this lab`);
    return shell;
  }

  /** wake the clock driver: a command just started or got input */
  poke(): void {
    this.#driver?.poke();
  }

  dispose(): void {
    this.#disposed = true;
    retireLab(this);
    this.#driver?.dispose();
    for (const shell of this.#shells.values()) shell.interrupt();
  }

  async #setup(commands: readonly string[]): Promise<SetupProblem[]> {
    const problems: SetupProblem[] = [];
    for (const raw of commands) {
      const at = /^@(\S+)\s+(.*)$/s.exec(raw);
      const node = at && this.#shells.has(at[1]!) ? at[1]! : this.nodes[0]!;
      const command = at && this.#shells.has(at[1]!) ? at[2]! : raw;
      let output = '';
      const sink = { write: (text: string) => void (output += text) };
      const shell = this.#shells.get(node)!;
      const result = await drive(shell.session.run(command, { stdout: sink, stderr: sink }), {
        clock: this.engine.clock,
        yieldToEngine: macrotask,
        limit: 600_000,
      });
      if (!result.finished) shell.session.kill();
      const status = result.finished ? result.value! : 124;
      if (status !== 0) problems.push({ command: raw, status, output });
      await shell.refreshPrompt();
    }
    return problems;
  }
}

/**
 * One node's host session with what the terminal needs on top of it: the prompt, which
 * the shell expands from PS1 after every line (so `cd` and a changed PS1 show).
 */
class NodeShell implements LabShell {
  #prompt: string;
  readonly node: string;
  readonly session: LabSession;
  readonly lab: PageLab;

  constructor(node: string, session: LabSession, lab: PageLab) {
    this.node = node;
    this.session = session;
    this.lab = lab;
    this.#prompt = `root@${node}:~# `;
    void session.prompt().then((p) => (this.#prompt = p));
  }

  prompt(): string {
    return this.#prompt;
  }

  async run(line: string, io: LabIO): Promise<number> {
    const running = this.session.run(line, io);
    this.lab.poke();
    const status = await running;
    await this.refreshPrompt();
    return status;
  }

  async refreshPrompt(): Promise<void> {
    this.#prompt = await this.session.prompt();
  }

  interrupt(): void {
    this.session.interrupt();
    this.lab.poke();
  }

  poke(): void {
    this.lab.poke();
  }

  complete(line: string, cursor: number): Promise<Completion> {
    return this.session.complete(line, cursor);
  }
}
