/**
 * The lab panel's heavy half, imported only when the panel comes into view (or a Run
 * button is pressed): xterm and its CSS. The engine (lab/page-lab.ts), the lab's files
 * (lab/files.ts) and its save (lab/persist.ts) are imported beside it by the panel
 * element and handed in; the prompt comes when the lab has run its setup and, when the
 * lesson has a save, replayed the save's inputs (the whole lab comes back: containers,
 * images, the swarm, files; the terminals' text and ↑/↓ history are put back here).
 *
 * Undo makes the lab again from its inputs up to, not including, the last command line
 * (PageLab.undoPoint); the terminals stay, say what was undone and get a new prompt.
 *
 * xterm's CSS is imported `?inline` and injected here: a plain CSS import, even in a
 * lazy chunk, would be put in every page's first load by Astro (web-notes.md).
 */
import { injectStyle } from '../dom.ts';
import { Terminal, type ITheme } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import xtermCss from '@xterm/xterm/css/xterm.css?inline';
import type { LabConfig } from '../../content/lesson-schema.ts';
import type * as PageLabModule from '../../lab/page-lab.ts';
import type * as FilesModule from '../../lab/files.ts';
import type * as PersistModule from '../../lab/persist.ts';
import type { LabFiles } from '../../lab/files.ts';
import { apiLogFor } from '../../lab/api-log.ts';
import { NodeTerminal } from '../terminal/node-terminal.ts';
import { SafeText } from '../terminal/safe-text.ts';
import { TerminalRecord } from './terminal-record.ts';

export interface LabView {
  /** show a node's terminal (its tab was chosen) */
  show(node: string): void;
  /** type a command into the shown terminal, as the learner would */
  run(command: string): void;
  /** the lab's host files (for the editor), once the lab is up */
  readonly files: Promise<LabFiles>;
  /** forget this lesson's save (Reset lab); dispose() and mount again for a fresh lab */
  forget(): Promise<void>;
  /**
   * Make the lab again as it was just before the last command line (on any node).
   * Resolves with the new lab's files (the editor reads them again), or undefined when
   * there was nothing to undo.
   */
  undo(): Promise<LabFiles | undefined>;
  /** be told the command Undo would undo (undefined: nothing, or an Undo under way); returns the function that stops telling */
  onUndoable(listener: (line: string | undefined) => void): () => void;
  dispose(): void;
}

/** The lab modules the panel element loads beside this one. */
export interface LabModules {
  engine: typeof PageLabModule;
  files: typeof FilesModule;
  persist: typeof PersistModule;
}

type PageLab = PageLabModule.PageLab;

/** One lab behind the terminals: the first, or the one an Undo made. */
interface Generation {
  lab: PageLab;
  /** replaced by an Undo's lab: its shells' output and prompts go nowhere */
  stale: boolean;
  stops: (() => void)[];
}

const THEME: ITheme = {
  background: '#16181d',
  foreground: '#e6e6e6',
  cursor: '#e6e6e6',
  selectionBackground: '#3a4a66',
};

/**
 * Build the terminals in `root`'s tab panels (`[data-node]` elements) and start the lab.
 */
export function mountLab(
  root: HTMLElement,
  config: Partial<LabConfig>,
  first: string,
  modules: LabModules,
  saveKey: string,
): LabView {
  const { engine, persist } = modules;
  injectStyle('dockyard-xterm-css', xtermCss);
  const views = new Map<string, { term: Terminal; fit: FitAddon; node: NodeTerminal; host: HTMLElement }>();
  for (const host of root.querySelectorAll<HTMLElement>('[data-node]')) {
    const name = host.dataset.node!;
    host.replaceChildren();
    const term = new Terminal({
      convertEol: true,
      cursorBlink: true,
      fontSize: 14,
      fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
      theme: THEME,
      scrollback: 5000,
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(host);
    const node = new NodeTerminal(name, term);
    views.set(name, { term, fit, node, host });
    term.write('Starting the lab…\r\n');
  }
  let shown = first;
  const fitShown = () => {
    const v = views.get(shown);
    // xterm mis-sizes in a hidden container: fit only the one on screen
    if (v && v.host.offsetParent !== null) v.fit.fit();
  };
  let frame = 0;
  const resized = new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(fitShown);
  });
  resized.observe(root);
  fitShown();

  let gen: Generation | undefined;
  let disposed = false;
  let undoing = false;
  const stops: (() => void)[] = [];
  const fingerprint = persist.labFingerprint(config);
  const persistence = new persist.LabPersistence(saveKey, {
    onError: (message) => views.get(shown)?.node.notice(message),
  });
  const record = new TerminalRecord(persist, () => persistence.changed());
  const undoListeners = new Set<(line: string | undefined) => void>();
  const tellUndoable = () => {
    const line = !undoing && gen ? gen.lab.log.undoPoint()?.line : undefined;
    for (const listener of undoListeners) listener(line);
  };

  let filesReady!: (files: LabFiles) => void;
  const files = new Promise<LabFiles>((resolve) => (filesReady = resolve));
  const nodeNames = [...views.keys()];
  // the save is read while the engine starts
  const loading = persistence.load(nodeNames, fingerprint);

  const capture = () => persist.captureLab(gen!.lab, fingerprint, record.saves(nodeNames));

  /** Make a lab (fresh, or brought back from `restore`) and wait for it to be ready. */
  const begin = async (restore?: PageLabModule.LabRestore) => {
    const lab = new engine.PageLab(config, restore ? { restore } : {});
    const g: Generation = { lab, stale: false, stops: [] };
    const problems = await lab.ready;
    const restored = await lab.restored;
    return { g, problems, restored };
  };

  /** Hand the lab's shells to the terminals, and let them take over the commands a replay left running. */
  const attach = (g: Generation) => {
    const { lab } = g;
    // the API inspector's record of each terminal's last command (lab/api-log.ts)
    const apiLog = apiLogFor(lab);
    g.stops.push(() => apiLog.dispose());
    for (const [name, v] of views) {
      v.node.restoreHistory(record.history(name));
      v.node.attach(
        record.wrap(
          lab.shell(name),
          name,
          () => !g.stale,
          (line) => apiLog.begin(name, line),
        ),
      );
    }
    for (const { node, line } of lab.running()) views.get(node)?.node.type(line);
    g.stops.push(
      lab.log.onRecord((event) => {
        persistence.changed();
        if (event.k === 'line') tellUndoable();
      }),
    );
    gen = g;
    persistence.start(capture);
    tellUndoable();
  };

  const restoredNotice = (when: number, diverged: number) =>
    `Your lab from ${new Date(when).toLocaleString()} is back: its containers, images, swarm and files as you left them, and this terminal’s text and ↑ history.` +
    (diverged > 0
      ? ' Some of it may have come back a little differently (Dockyard has changed since).'
      : '') +
    ' Reset lab starts it afresh.';

  // let the terminals paint "Starting the lab…" before the engine's first work
  void new Promise((r) => setTimeout(r, 0)).then(async () => {
    if (disposed) return;
    const loaded = await loading;
    let save = loaded.save;
    let notice = loaded.notice;
    let started = await begin(save && { setup: save.setup, events: save.events, now: save.now });
    // gone meanwhile (its replay stopped half way): the save stays as it was
    if (disposed) return started.g.lab.dispose();
    if (started.restored && !started.restored.ok) {
      // a save that does not replay is as good as a corrupt one: start fresh, say so
      started.g.lab.dispose();
      await persistence.clear();
      notice = `Your saved lab could not be brought back (${started.restored.error}). This lab starts fresh from the lesson’s setup.`;
      save = undefined;
      if (!disposed) started = await begin();
    }
    const { g, problems, restored } = started;
    if (disposed) return g.lab.dispose();
    for (const [name, v] of views) {
      v.term.write('\x1b[1A\x1b[2K\r');
      const saved = save?.nodes[name];
      if (save && saved) {
        record.put(name, saved);
        if (saved.transcript !== '') v.term.write(new SafeText().write(saved.transcript) + '\x1b[0m');
        v.node.notice(restoredNotice(save.savedAt, restored?.ok ? restored.diverged : 0));
      } else if (notice && name === g.lab.nodes[0]) v.node.notice(notice);
      for (const p of problems.filter((x) => name === g.lab.nodes[0] || x.command.startsWith(`@${name} `)))
        v.node.notice(`Lab setup: \`${p.command}\` failed (exit ${p.status})\n${p.output.trimEnd()}`);
    }
    attach(g);
    const flush = () => void persistence.flush();
    window.addEventListener('pagehide', flush);
    stops.push(() => window.removeEventListener('pagehide', flush));
    filesReady(g.lab.files);
    root.dataset.state = 'ready';
  });

  const undo = async (): Promise<LabFiles | undefined> => {
    const old = gen;
    const point = old?.lab.undoPoint();
    if (!old || !point || undoing || disposed) return undefined;
    undoing = true;
    tellUndoable();
    persistence.stop();
    old.stale = true;
    for (const stop of old.stops) stop();
    // the old terminals go with their lab; the xterms stay, with what they showed
    for (const [name, v] of views) {
      const idle = !v.node.busy;
      v.node.dispose();
      // an idle terminal's last row is its prompt: the new terminal writes its own
      if (idle) v.term.write('\r\x1b[2K');
      else if (v.term.buffer.active.cursorX !== 0) v.term.write('\r\n');
      v.node = new NodeTerminal(name, v.term);
      record.stopped(name);
    }
    old.lab.dispose();
    const said = `[undone: ${point.line}]`;
    views.get(point.node)?.node.notice(said);
    record.append(point.node, `${said}\n`);
    let next = await begin(point);
    if (!disposed && next.restored && !next.restored.ok) {
      next.g.lab.dispose();
      views
        .get(point.node)
        ?.node.notice(
          `The lab could not be made again without that command (${next.restored.error}). It starts fresh from the lesson’s setup.`,
        );
      next = await begin();
    }
    undoing = false;
    if (disposed) {
      next.g.lab.dispose();
      return undefined;
    }
    attach(next.g);
    await persistence.flush();
    return next.g.lab.files;
  };

  return {
    show(node) {
      shown = node;
      requestAnimationFrame(() => {
        fitShown();
        views.get(node)?.term.focus();
      });
    },
    run(command) {
      views.get(shown)?.node.type(command);
    },
    files,
    forget: () => persistence.clear(),
    undo,
    onUndoable(listener) {
      undoListeners.add(listener);
      listener(!undoing && gen ? gen.lab.log.undoPoint()?.line : undefined);
      return () => void undoListeners.delete(listener);
    },
    dispose() {
      disposed = true;
      persistence.stop();
      undoListeners.clear();
      for (const stop of stops) stop();
      if (gen) {
        gen.stale = true;
        for (const stop of gen.stops) stop();
      }
      resized.disconnect();
      cancelAnimationFrame(frame);
      for (const v of views.values()) {
        v.node.dispose();
        v.term.dispose();
      }
      gen?.lab.dispose();
    },
  };
}
