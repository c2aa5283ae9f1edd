/**
 * The lab of a lesson page: one per page, made from the lesson's `lab` frontmatter. It
 * owns the engine, a host shell per node and the wall-time driver of the clock; the
 * page's panels (the terminal, the editor, an exercise's Check) reach the engine only
 * through it, and it records every input they give it (input-log.ts).
 *
 * Setup commands run before any shell is handed out, on virtual time that jumps (as
 * headless): they are the lesson's starting state, not something to wait for. A lab
 * being brought back (a save, or Undo) then replays its inputs (replay.ts) on the
 * same jumping time. After that, virtual time follows wall time.
 */
import { createLab, drive, type Engine, type LabReach } from '../sim-engine/index.ts';
import type { LabConfig } from '../content/lesson-schema.ts';
import { announceLab, retireLab, takeExtraSetup } from './current-lab.ts';
import { labFiles, type LabFiles } from './files.ts';
import { InputLog, type LabEvent } from './input-log.ts';
import { engineReach } from './lab-reach.ts';
import { NodeShell, type LabShell } from './node-shell.ts';
import { nodeNames } from './nodes.ts';
import { replay, type ReplayTarget } from './replay.ts';
import { followWallTime, macrotask, type WallTimeDriver } from './wall-clock.ts';

export type { LabShell } from './node-shell.ts';

/** A lab to bring back: the setup it ran and the inputs it got after (a save, or Undo). */
export interface LabRestore {
  setup: readonly string[];
  events: readonly LabEvent[];
  /** where the virtual clock stood: time goes on from here */
  now: number;
}

/** How bringing a lab back went: `diverged` counts clock steps that fired other timers than recorded. */
export type Restored = { ok: true; diverged: number } | { ok: false; error: string };

/** Undo: the lab as it was just before the last command line, and that line. */
export interface UndoRestore extends LabRestore {
  node: string;
  line: string;
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
  /** the setup commands run: the lesson's, then an exercise Reset's (or a restored lab's own) */
  readonly setup: readonly string[];
  /** every input since setup (a restored lab's start with the replayed ones) */
  readonly log: InputLog;
  /** the files under /root, for the editor: writes are recorded as inputs */
  readonly files: LabFiles;
  /** resolves once setup (and a restore's replay) has run; lists what failed of the setup */
  readonly ready: Promise<SetupProblem[]>;
  /** with `ready`: how the replay of a restored lab went (undefined for a fresh lab) */
  readonly restored: Promise<Restored | undefined>;
  readonly #shells = new Map<string, NodeShell>();
  #driver: WallTimeDriver | undefined;
  #restored: Restored | undefined;
  #disposed = false;

  constructor(config: Partial<LabConfig> = {}, options: { start?: number; restore?: LabRestore } = {}) {
    this.nodes = nodeNames(config.nodes);
    this.engine = createLab({
      nodes: this.nodes,
      images: config.images,
      files: config.files,
      seed: SEED,
      start: options.start,
    }).engine;
    const restore = options.restore;
    this.log = new InputLog(restore?.events);
    this.files = recordedFiles(labFiles(this.engine), this);
    for (const node of this.nodes)
      this.#shells.set(node, new NodeShell(node, this.engine.session(node), this));
    // an exercise's Reset adds its <Setup> after the lesson's (current-lab.ts)
    this.setup = restore ? [...restore.setup] : [...(config.setup ?? []), ...takeExtraSetup()];
    this.ready = this.#start(restore);
    this.restored = this.ready.then(() => this.#restored);
    announceLab(this);
  }

  async #start(restore: LabRestore | undefined): Promise<SetupProblem[]> {
    const problems = await this.#setup(this.setup);
    if (restore) this.#restored = await this.#replay(restore);
    if (!this.#disposed)
      this.#driver = followWallTime(this.engine.clock, {
        advanced: (t, n) => void this.log.record({ k: 'tick', t, n }),
      });
    return problems;
  }

  get clock(): Engine['clock'] {
    return this.engine.clock;
  }

  shell(node: string): LabShell {
    const shell = this.#shells.get(node);
    if (!shell) throw new Error(`no node ${node} in this lab`);
    return shell;
  }

  /** Commands a replay left running, a node's at most: the terminal runs the same line to take each over. */
  running(): { node: string; line: string }[] {
    const out: { node: string; line: string }[] = [];
    for (const [node, shell] of this.#shells)
      if (shell.running !== undefined) out.push({ node, line: shell.running });
    return out;
  }

  /** What an exercise's Check reads and probes; its HTTP probes are inputs (curl runs on a node). */
  reach(): LabReach {
    const reach = engineReach(this.engine, (running) => {
      this.poke();
      return running;
    });
    const http = reach.http;
    if (!http) return reach;
    return {
      ...reach,
      http: (node, url) => {
        this.log.record({ k: 'probe', t: this.engine.clock.now(), node, url });
        return http(node, url);
      },
    };
  }

  /** The lab just before the last command line (to make a new PageLab from), or undefined when none was run. */
  undoPoint(): UndoRestore | undefined {
    const point = this.log.undoPoint();
    return (
      point && { setup: this.setup, events: point.events, now: point.now, node: point.node, line: point.line }
    );
  }

  /** wake the clock driver: a command just started or got input */
  poke(): void {
    this.#driver?.poke();
  }

  dispose(): void {
    this.#disposed = true;
    // what follows (Ctrl-C to every shell) is the page's doing, not the learner's
    this.log.close();
    retireLab(this);
    this.#driver?.dispose();
    for (const shell of this.#shells.values()) shell.session.interrupt();
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

  /** Play a restored lab's inputs back; a failure is reported, not thrown (the page starts afresh). */
  async #replay(restore: LabRestore): Promise<Restored> {
    const shellOf = (node: string) => {
      const shell = this.#shells.get(node);
      if (!shell) throw new Error(`the save has a node ${node} this lab has not`);
      return shell;
    };
    const reach = engineReach(this.engine, (running) => running);
    const events = restore.events;
    const target: ReplayTarget = {
      clock: this.engine.clock,
      line: (node, line, index, flags) => shellOf(node).replayLine(line, index, flags),
      stdin: (of, data) => {
        const line = events[of];
        return line?.k === 'line' && shellOf(line.node).replayStdin(of, data);
      },
      interrupt: (node) => shellOf(node).replayInterrupt(),
      write: (node, path, text) => labFiles(this.engine).write(node, path, text),
      probe: (node, url) => void reach.http?.(node, url).catch(() => undefined),
    };
    try {
      const { diverged } = await replay(target, events, restore.now, macrotask, () => this.#disposed);
      for (const shell of this.#shells.values()) shell.endReplay();
      return { ok: true, diverged };
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  }
}

/** The lab's files with each write recorded as an input (the editor writes through this). */
function recordedFiles(files: LabFiles, lab: PageLab): LabFiles {
  return {
    ...files,
    write(node, path, text) {
      // recorded as the editor names it: relative to /root, no empty or `.` parts
      const clean = path
        .split('/')
        .filter((part) => part !== '' && part !== '.')
        .join('/');
      lab.log.record({ k: 'write', t: lab.engine.clock.now(), node, path: clean, text });
      files.write(node, clean, text);
    },
  };
}
