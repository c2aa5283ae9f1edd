/**
 * `<dockyard-lab>`: the page's lab panel, in the page's first load, so it stays tiny.
 * It switches the node tabs, and loads the terminal and the engine (mount.ts) when the
 * panel nears the viewport or a Run button is pressed. Run buttons reach it through a
 * `dockyard:run` event on the document.
 */
import type { LabView } from './mount.ts';

export const RUN_EVENT = 'dockyard:run';

export class DockyardLab extends HTMLElement {
  #view: Promise<LabView> | undefined;
  #observer: IntersectionObserver | undefined;
  #tabs: HTMLButtonElement[] = [];
  #current = '';

  connectedCallback(): void {
    this.#tabs = [...this.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    this.#current = this.#tabs[0]?.dataset.tab ?? '';
    for (const tab of this.#tabs) {
      tab.addEventListener('click', () => this.select(tab.dataset.tab!));
      tab.addEventListener('keydown', (e) => this.#arrow(e, tab));
    }
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) void this.start();
      },
      { rootMargin: '200px' },
    );
    this.#observer.observe(this);
    document.addEventListener(RUN_EVENT, this.#onRun);
  }

  disconnectedCallback(): void {
    this.#observer?.disconnect();
    document.removeEventListener(RUN_EVENT, this.#onRun);
    void this.#view?.then((v) => v.dispose());
    this.#view = undefined;
  }

  /** Load the terminal and the lab (once). */
  start(): Promise<LabView> {
    this.#observer?.disconnect();
    this.dataset.state ??= 'loading';
    // the engine and xterm load side by side, not one after the other
    this.#view ??= Promise.all([import('./mount.ts'), import('../../lab/page-lab.ts')]).then(
      ([{ mountLab }, engine]) => mountLab(this, JSON.parse(this.dataset.lab ?? '{}'), this.#current, engine),
    );
    return this.#view;
  }

  select(node: string): void {
    this.#current = node;
    for (const tab of this.#tabs) {
      const on = tab.dataset.tab === node;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      document.getElementById(tab.getAttribute('aria-controls')!)!.hidden = !on;
    }
    void this.start().then((v) => v.show(node));
  }

  #arrow(e: KeyboardEvent, tab: HTMLButtonElement): void {
    const i = this.#tabs.indexOf(tab);
    const to = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : undefined;
    if (to === undefined) return;
    const next = this.#tabs[(to + this.#tabs.length) % this.#tabs.length]!;
    next.focus();
    this.select(next.dataset.tab!);
  }

  #onRun = (e: Event): void => {
    const command = (e as CustomEvent<{ command: string }>).detail.command;
    void this.start().then((v) => v.run(command));
  };
}

if (!customElements.get('dockyard-lab')) customElements.define('dockyard-lab', DockyardLab);
