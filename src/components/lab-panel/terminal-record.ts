/**
 * What a save keeps of the terminals: each node's text (prompts, commands and their
 * output, as the engine wrote it) and its ↑/↓ history, kept as commands run through a
 * wrapper of the node's shell. The text saved stops before a command still running: a
 * reload's replay starts it again and its terminal shows it afresh from there.
 */
import type * as PersistModule from '../../lab/persist.ts';
import type { LabShell } from '../../lab/page-lab.ts';

/** A promise that never settles: a replaced lab's command never gives its old terminal a prompt. */
const never = <T>() => new Promise<T>(() => undefined);

export class TerminalRecord {
  readonly #persist: typeof PersistModule;
  readonly #changed: () => void;
  /** what each terminal showed */
  readonly #transcripts = new Map<string, string>();
  /** each terminal's ↑/↓ history (kept here too: an Undo gives the terminals new line editors) */
  readonly #histories = new Map<string, string[]>();
  /** where a node's running command starts in its text */
  readonly #runStart = new Map<string, number>();

  /** `changed` is called after each command (the save is due) */
  constructor(persist: typeof PersistModule, changed: () => void) {
    this.#persist = persist;
    this.#changed = changed;
  }

  /** A node's terminal as a save had it. */
  put(name: string, saved: PersistModule.NodeSave): void {
    this.#transcripts.set(name, saved.transcript);
    this.#histories.set(name, [...saved.history]);
  }

  /** A line the page wrote in the terminal (`[undone: …]`), kept with its text. */
  append(name: string, text: string): void {
    this.#transcripts.set(name, (this.#transcripts.get(name) ?? '') + text);
  }

  history(name: string): string[] {
    return this.#histories.get(name) ?? [];
  }

  /** The terminals' lab was replaced: no command of the old one is running any more. */
  stopped(name: string): void {
    this.#runStart.delete(name);
  }

  /** The terminals as a save holds them. */
  saves(names: readonly string[]): Record<string, PersistModule.NodeSave> {
    const nodes: Record<string, PersistModule.NodeSave> = {};
    for (const name of names) {
      const text = this.#transcripts.get(name) ?? '';
      const start = this.#runStart.get(name);
      nodes[name] = this.#persist.nodeSave(
        start === undefined ? text : text.slice(0, start),
        this.history(name),
      );
    }
    return nodes;
  }

  /**
   * `shell` with its commands and output also kept here. Once `live()` is false (an Undo
   * replaced the lab) its output goes nowhere and its commands never end, so the old
   * terminal, already replaced on screen, never writes a prompt.
   */
  wrap(shell: LabShell, name: string, live: () => boolean, began: (line: string) => void): LabShell {
    const log = (text: string) => {
      if (live()) this.append(name, text);
    };
    const tee = (w: { write(t: string): void }) => ({
      write(t: string) {
        if (!live()) return;
        log(t);
        w.write(t);
      },
    });
    const ended = () => {
      this.#runStart.delete(name);
      const t = this.#transcripts.get(name) ?? '';
      this.#transcripts.set(name, this.#persist.trimTranscript(t !== '' && !t.endsWith('\n') ? `${t}\n` : t));
      this.#changed();
    };
    return {
      node: shell.node,
      prompt: () => shell.prompt(),
      run: async (line, io) => {
        if (!live()) return never();
        this.#runStart.set(name, (this.#transcripts.get(name) ?? '').length);
        log(`${shell.prompt()}${line}\n`);
        const history = this.history(name);
        // the line editor's rule: not blank, not the same as the one before
        if (line.trim() !== '' && history[history.length - 1] !== line) history.push(line);
        this.#histories.set(name, history.slice(-this.#persist.MAX_HISTORY));
        began(line);
        let status: number;
        try {
          status = await shell.run(line, { ...io, stdout: tee(io.stdout), stderr: tee(io.stderr) });
        } finally {
          if (live()) ended();
        }
        return live() ? status : never();
      },
      interrupt: () => {
        if (live()) shell.interrupt();
      },
      poke: () => shell.poke(),
      // Tab completion goes to the node's own shell, as the other calls do
      ...(shell.complete
        ? { complete: (line: string, cursor: number) => shell.complete!(line, cursor) }
        : {}),
    };
  }
}
