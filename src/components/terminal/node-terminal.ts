/**
 * One node's terminal: an xterm wired to that node's shell in the page's lab. At the
 * prompt, keys go to the line editor; Enter runs the line; while it runs, keys are
 * echoed and handed to the node's terminal in the engine a line at a time (a tty's
 * canonical mode, cooked-input.ts), with Ctrl-D and other control keys as their bytes,
 * and Ctrl-C goes to the shell's interrupt(). What those keys do is the engine's
 * business: a command in the foreground gets SIGINT, or — while `docker run -it` or
 * `docker exec -it` has the terminal in raw mode — the container's terminal gets the
 * key (Ctrl-C interrupts what runs in the container, Ctrl-D ends its shell's input,
 * Ctrl-P Ctrl-Q detaches). Everything written to xterm — output and echoed keys — goes
 * through SafeText first.
 */
import type { Terminal } from '@xterm/xterm';
import { currentLab } from '../../lab/current-lab.ts';
import type { LabShell } from '../../lab/page-lab.ts';
import { CookedInput } from './cooked-input.ts';
import { parseKeys, type Key } from './keys.ts';
import { LineEditor } from './line-editor.ts';
import { SafeText, safeText } from './safe-text.ts';
import { listColumns, tabAction, type Candidates } from './tab-completion.ts';

type State = 'starting' | 'idle' | 'running';

export class NodeTerminal {
  readonly node: string;
  #term: Terminal;
  #shell: LabShell | undefined;
  #state: State = 'starting';
  #editor = new LineEditor();
  /** lines waiting for the prompt: Run buttons, type-ahead, the rest of a paste */
  #queue: string[] = [];
  #input: CookedInput | undefined;
  /** the line being typed to a running command */
  #typed = '';
  #disposables: { dispose(): void }[] = [];
  /** keys that came while a Tab's candidates were being found: handled after it */
  #held: Key[] | undefined;
  /** the line and cursor a Tab left unchanged (a second Tab there lists the candidates) */
  #tabbed: string | undefined;

  constructor(node: string, term: Terminal) {
    this.node = node;
    this.#term = term;
    this.#disposables.push(term.onData((data) => this.#keys(parseKeys(data))));
  }

  /** The lab is up: show the prompt and run whatever was queued meanwhile. */
  attach(shell: LabShell): void {
    this.#shell = shell;
    this.#state = 'idle';
    this.#prompt();
  }

  /** Write a notice (setup problems, errors of the page itself) above the prompt. */
  notice(text: string): void {
    this.#term.write(`\x1b[33m${safeText(text).replace(/\n/g, '\r\n')}\x1b[0m\r\n`);
  }

  /** A Run button: type `command` at the prompt and press Enter (after what is running). */
  type(command: string): void {
    this.#queue.push(...command.split('\n').filter((l) => l.trim() !== ''));
    this.#next();
  }

  get busy(): boolean {
    return this.#state !== 'idle' || this.#queue.length > 0;
  }

  dispose(): void {
    for (const d of this.#disposables) d.dispose();
    this.#disposables = [];
    if (this.#state === 'running') this.#shell?.interrupt();
  }

  /** ↑/↓ history from an earlier visit (a saved lab's commands), oldest first. */
  restoreHistory(lines: readonly string[]): void {
    this.#editor.restoreHistory(lines);
  }

  #keys(keys: Key[]): void {
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      if (this.#held) {
        this.#held.push(key);
        continue;
      }
      if (this.#state === 'idle' && key.kind === 'tab') {
        this.#held = [];
        void this.#tab().finally(() => {
          const held = this.#held ?? [];
          this.#held = undefined;
          this.#keys(held);
        });
        continue;
      }
      if (key.kind !== 'tab') this.#tabbed = undefined;
      if (this.#state === 'running') this.#runningKey(key);
      else if (this.#state === 'idle') this.#promptKey(key);
      else if (key.kind === 'enter' || key.kind === 'interrupt') return;
    }
  }

  #promptKey(key: Key): void {
    const e = this.#editor;
    switch (key.kind) {
      case 'text':
        e.insert(key.text);
        break;
      case 'enter':
        this.#submit();
        return;
      case 'backspace':
        e.backspace();
        break;
      case 'delete':
        e.delete();
        break;
      case 'left':
      case 'right':
      case 'home':
      case 'end':
      case 'word-left':
      case 'word-right':
        e.move(key.kind);
        break;
      case 'up':
        e.recall(-1);
        break;
      case 'down':
        e.recall(1);
        break;
      case 'kill-start':
      case 'kill-end':
      case 'kill-word':
        e.kill(key.kind);
        break;
      case 'interrupt':
        this.#term.write('^C\r\n');
        e.discard();
        this.#queue = [];
        this.#prompt();
        return;
      case 'clear':
        this.#term.write('\x1b[H\x1b[2J');
        e.fresh();
        break;
      case 'eof':
      case 'tab':
      case 'control':
        return;
    }
    this.#redraw();
  }

  /** Tab at the prompt: complete the word at the cursor, or list the candidates (tab-completion.ts). */
  async #tab(): Promise<void> {
    const e = this.#editor;
    const line = e.text;
    const cursor = e.cursor;
    const here = `${cursor}:${line}`;
    let result: Candidates | undefined;
    try {
      // keys are held while this runs: never hold them for long
      const late = new Promise<undefined>((resolve) => setTimeout(resolve, 2000));
      result = await Promise.race([this.#complete(line, cursor), late]);
    } catch {
      result = undefined;
    }
    if (!result || e.text !== line || e.cursor !== cursor || this.#state !== 'idle') {
      this.#tabbed = undefined;
      return;
    }
    const action = tabAction(result, line.slice(result.from, cursor), this.#tabbed === here);
    this.#tabbed = here;
    if (action.kind === 'bell') {
      this.#term.write('\x07');
    } else if (action.kind === 'insert') {
      e.replace(action.from, action.text);
      this.#tabbed = `${e.cursor}:${e.text}`;
      if (action.text.endsWith(' ') || action.text.endsWith('/')) this.#tabbed = undefined;
      this.#redraw();
    } else {
      const prompt = this.#shell!.prompt();
      this.#term.write(e.below(prompt, this.#term.cols) + listColumns(action.items, this.#term.cols));
      this.#redraw();
    }
  }

  /** The shell's completion; a shell passed on without it is the page lab's shell of this node. */
  async #complete(line: string, cursor: number): Promise<Candidates | undefined> {
    const shell = this.#shell;
    if (shell?.complete) return shell.complete(line, cursor);
    return (await currentLab()).shell(this.node).complete?.(line, cursor);
  }

  #runningKey(key: Key): void {
    const input = this.#input;
    if (!input) return; // the command just ended; the prompt is on its way
    switch (key.kind) {
      case 'text':
        this.#typed += key.text;
        this.#term.write(key.text);
        return;
      case 'enter':
        this.#term.write('\r\n');
        input.line(this.#typed);
        this.#typed = '';
        this.#shell?.poke();
        return;
      case 'backspace':
        if (this.#typed === '') return;
        this.#typed = this.#typed.slice(0, -1);
        this.#term.write('\b \b');
        return;
      case 'kill-start':
        this.#term.write('\b \b'.repeat(this.#typed.length));
        this.#typed = '';
        return;
      case 'interrupt':
        this.#term.write('^C');
        this.#typed = '';
        this.#queue = [];
        this.#shell?.interrupt();
        return;
      case 'eof':
        input.eof(this.#typed);
        this.#typed = '';
        this.#shell?.poke();
        return;
      case 'control':
      case 'up':
        // Ctrl-P (↑ only at the prompt) and the control keys the editing has no use for
        // (Ctrl-Q): their bytes at once, unechoed — in raw mode they are the container's
        // to read, or the docker CLI's detach keys. Differs from Docker: arrows and the
        // editing keys a container shell's own line editor would take (Ctrl-A, Ctrl-L)
        // are not sent — that editing is not simulated, and their bytes would end up in
        // the line (docs/differences.md, Terminals and keys).
        if (key.byte === undefined) return;
        input.key(key.byte);
        this.#shell?.poke();
        return;
      default:
        return;
    }
  }

  #submit(): void {
    const line = this.#editor.accept();
    this.#term.write('\r\n');
    if (line.trim() === '') this.#prompt();
    else void this.#run(line);
  }

  async #run(line: string): Promise<void> {
    const shell = this.#shell!;
    this.#state = 'running';
    const input = (this.#input = new CookedInput());
    // one filter per stream, so a sequence half-written on one is not completed by the other
    const out = new SafeText();
    const err = new SafeText();
    const io = {
      stdin: input,
      stdout: { write: (t: string) => this.#term.write(out.write(t)) },
      stderr: { write: (t: string) => this.#term.write(err.write(t)) },
      tty: true,
    };
    try {
      await shell.run(line, io);
    } catch (e) {
      // the engine failed, not the command: say so in the terminal rather than hang
      this.notice(
        `dockyard: the simulation failed on this command (${e instanceof Error ? e.message : String(e)})`,
      );
    }
    this.#queue.unshift(...input.unread());
    if (this.#typed !== '') this.#queue.unshift(this.#typed);
    this.#typed = '';
    this.#input = undefined;
    // a command that did not end its last line: start the prompt on a line of its own
    this.#term.write('\x1b[0m', () => {
      this.#state = 'idle';
      if (this.#term.buffer.active.cursorX !== 0) this.#term.write('\r\n');
      this.#prompt();
      this.#next();
    });
  }

  #prompt(): void {
    this.#editor.fresh();
    this.#redraw();
  }

  #redraw(): void {
    if (!this.#shell) return;
    this.#term.write(this.#editor.render(this.#shell.prompt(), this.#term.cols));
  }

  /** Type the next queued line, if the prompt is free. */
  #next(): void {
    if (this.#state !== 'idle' || this.#queue.length === 0) return;
    this.#editor.set(this.#queue.shift()!);
    this.#redraw();
    this.#submit();
  }
}
