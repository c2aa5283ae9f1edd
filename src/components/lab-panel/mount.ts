/**
 * The lab panel's heavy half, imported only when the panel comes into view (or a Run
 * button is pressed): xterm and its CSS. The engine (lab/page-lab.ts), the lab's files
 * (lab/files.ts) and its save (lab/persist.ts) are imported beside it by the panel
 * element and handed in; the prompt comes when the lab has run its setup and a save of
 * the lesson, if any, has been put back (its files under /root, its terminal history).
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
import type { LabShell } from '../../lab/page-lab.ts';
import { apiLogFor } from '../../lab/api-log.ts';
import { NodeTerminal } from '../terminal/node-terminal.ts';
import { SafeText } from '../terminal/safe-text.ts';

export interface LabView {
  /** show a node's terminal (its tab was chosen) */
  show(node: string): void;
  /** type a command into the shown terminal, as the learner would */
  run(command: string): void;
  /** the lab's host files (for the editor), once the lab is up */
  readonly files: Promise<LabFiles>;
  /** forget this lesson's save (Reset lab); dispose() and mount again for a fresh lab */
  forget(): Promise<void>;
  dispose(): void;
}

/** The lab modules the panel element loads beside this one. */
export interface LabModules {
  engine: typeof PageLabModule;
  files: typeof FilesModule;
  persist: typeof PersistModule;
}

/**
 * A shell whose commands and output are also kept as text (the terminal history a save
 * holds). `ended` is called after each command; `started` before each (the API inspector's log).
 */
function recorded(
  shell: LabShell,
  log: (text: string) => void,
  ended: () => void,
  started?: (line: string) => void,
): LabShell {
  const tee = (w: { write(t: string): void }) => ({
    write(t: string) {
      log(t);
      w.write(t);
    },
  });
  return {
    node: shell.node,
    prompt: () => shell.prompt(),
    async run(line, io) {
      log(`${shell.prompt()}${line}\n`);
      started?.(line);
      try {
        return await shell.run(line, { ...io, stdout: tee(io.stdout), stderr: tee(io.stderr) });
      } finally {
        ended();
      }
    },
    interrupt: () => shell.interrupt(),
    poke: () => shell.poke(),
    // Tab completion goes to the node's own shell, as the other calls do
    ...(shell.complete ? { complete: (line: string, cursor: number) => shell.complete!(line, cursor) } : {}),
  };
}

const THEME: ITheme = {
  background: '#16181d',
  foreground: '#e6e6e6',
  cursor: '#e6e6e6',
  selectionBackground: '#3a4a66',
};

function nodeNamesOf(root: HTMLElement): string[] {
  return [...root.querySelectorAll<HTMLElement>('[data-node]')].map((h) => h.dataset.node!);
}

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
  const { engine } = modules;
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

  let lab: { dispose(): void } | undefined;
  let disposed = false;
  const stops: (() => void)[] = [];
  const persistence = new modules.persist.LabPersistence(saveKey, {
    onError: (message) => views.get(shown)?.node.notice(message),
  });
  let filesReady!: (files: LabFiles) => void;
  const files = new Promise<LabFiles>((resolve) => (filesReady = resolve));
  // the save is read while the engine starts
  const loading = persistence.load(nodeNamesOf(root));
  // let the terminals paint "Starting the lab…" before the engine's first work
  void new Promise((r) => setTimeout(r, 0)).then(async () => {
    if (disposed) return;
    const pageLab = new engine.PageLab(config);
    lab = pageLab;
    // the API inspector's record of each terminal's last command (lab/api-log.ts)
    const apiLog = apiLogFor(pageLab);
    stops.push(() => apiLog.dispose());
    const labFiles = modules.files.labFiles(pageLab.engine);
    const problems = await pageLab.ready;
    const loaded = await loading;
    if (disposed) return;
    const transcripts = new Map<string, string>();
    const save = loaded.save;
    for (const [name, v] of views) {
      v.term.write('\x1b[1A\x1b[2K\r');
      const saved = save?.nodes[name];
      if (saved) {
        labFiles.restore(name, saved.home);
        transcripts.set(name, saved.transcript);
        if (saved.transcript !== '') v.term.write(new SafeText().write(saved.transcript) + '\x1b[0m');
        v.node.notice(
          `Your lab from ${new Date(save.savedAt).toLocaleString()} is back: its files in /root and this terminal’s history. Containers, images and the rest start again from the lesson’s setup (Reset lab starts all afresh).`,
        );
      } else if (loaded.notice && name === pageLab.nodes[0]) v.node.notice(loaded.notice);
      for (const p of problems.filter((x) => name === pageLab.nodes[0] || x.command.startsWith(`@${name} `)))
        v.node.notice(`Lab setup: \`${p.command}\` failed (exit ${p.status})\n${p.output.trimEnd()}`);
      const log = (text: string) => transcripts.set(name, (transcripts.get(name) ?? '') + text);
      const ended = () => {
        const t = transcripts.get(name) ?? '';
        if (t !== '' && !t.endsWith('\n')) transcripts.set(name, `${t}\n`);
        transcripts.set(name, modules.persist.trimTranscript(transcripts.get(name)!));
        persistence.changed();
      };
      v.node.attach(recorded(pageLab.shell(name), log, ended, (line) => apiLog.begin(name, line)));
      stops.push(labFiles.watch(name, () => persistence.changed(), 1000));
    }
    persistence.start(() => ({ nodes: modules.persist.captureNodes(labFiles, transcripts) }));
    const flush = () => void persistence.flush();
    window.addEventListener('pagehide', flush);
    stops.push(() => window.removeEventListener('pagehide', flush));
    filesReady(labFiles);
    root.dataset.state = 'ready';
  });

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
    dispose() {
      disposed = true;
      persistence.stop();
      for (const stop of stops) stop();
      resized.disconnect();
      cancelAnimationFrame(frame);
      for (const v of views.values()) {
        v.node.dispose();
        v.term.dispose();
      }
      lab?.dispose();
    },
  };
}
