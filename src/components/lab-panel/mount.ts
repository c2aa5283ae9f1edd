/**
 * The lab panel's heavy half, imported only when the panel comes into view (or a Run
 * button is pressed): xterm and its CSS. The engine (lab/page-lab.ts) is imported beside
 * it by the panel element and handed in; the prompt comes when the lab has run its setup.
 *
 * xterm's CSS is imported `?inline` and injected here: a plain CSS import, even in a
 * lazy chunk, would be put in every page's first load by Astro (web-notes.md).
 */
import { Terminal, type ITheme } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import xtermCss from '@xterm/xterm/css/xterm.css?inline';
import type { LabConfig } from '../../content/lesson-schema.ts';
import type * as PageLabModule from '../../lab/page-lab.ts';
import { NodeTerminal } from '../terminal/node-terminal.ts';

export interface LabView {
  /** show a node's terminal (its tab was chosen) */
  show(node: string): void;
  /** type a command into the shown terminal, as the learner would */
  run(command: string): void;
  dispose(): void;
}

const THEME: ITheme = {
  background: '#16181d',
  foreground: '#e6e6e6',
  cursor: '#e6e6e6',
  selectionBackground: '#3a4a66',
};

function injectCss(): void {
  if (document.getElementById('dockyard-xterm-css')) return;
  const style = document.createElement('style');
  style.id = 'dockyard-xterm-css';
  style.textContent = xtermCss;
  document.head.append(style);
}

/**
 * Build the terminals in `root`'s tab panels (`[data-node]` elements) and start the lab.
 */
export function mountLab(
  root: HTMLElement,
  config: Partial<LabConfig>,
  first: string,
  engine: typeof PageLabModule,
): LabView {
  injectCss();
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
  // let the terminals paint "Starting the lab…" before the engine's first work
  void new Promise((r) => setTimeout(r, 0)).then(async () => {
    if (disposed) return;
    const pageLab = new engine.PageLab(config);
    lab = pageLab;
    const problems = await pageLab.ready;
    for (const [name, v] of views) {
      v.term.write('\x1b[1A\x1b[2K\r');
      for (const p of problems.filter((x) => name === pageLab.nodes[0] || x.command.startsWith(`@${name} `)))
        v.node.notice(`Lab setup: \`${p.command}\` failed (exit ${p.status})\n${p.output.trimEnd()}`);
      v.node.attach(pageLab.shell(name));
    }
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
    dispose() {
      disposed = true;
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
