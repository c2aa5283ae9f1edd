/**
 * `<dockyard-lab>`: the page's lab panel, in the page's first load, so it stays tiny.
 * It switches the node tabs, and loads the terminal and the engine (mount.ts) when the
 * panel nears the viewport or a Run button is pressed. Run buttons reach it through a
 * `dockyard:run` event on the document.
 *
 * On a lesson with an editor it has an Editor button: Monaco (../editor/) is loaded
 * only when the learner opens it, never in the page's first load. Reset lab (the
 * button, or a `dockyard:reset-lab` event on the document) forgets the lesson's save
 * and starts the lab again from the lesson's setup. Undo (the button, or a
 * `dockyard:undo-lab` event) makes the lab again as it was before the last command
 * line; the button says which command that is, and is disabled when there is none.
 *
 * The Cluster and API buttons open the cluster view (../cluster-view/) and the API
 * inspector (../api-inspector/); each is loaded the first time it opens, and follows the
 * page's lab (lab/current-lab.ts) through resets.
 */
import type { LabView } from './mount.ts';
import type { EditorView } from '../editor/mount-editor.ts';

/** A panel opened from the lab bar (cluster view, API inspector). */
interface SidePanel {
  /** the node whose terminal is shown */
  show(node: string): void;
  dispose(): void;
}

export const RUN_EVENT = 'dockyard:run';
/** Dispatch on the document to start the page's lab again from the lesson's setup (its save forgotten). */
export const RESET_EVENT = 'dockyard:reset-lab';
/** Dispatch on the document to undo the lab's last command line (as the Undo button does). */
export const UNDO_EVENT = 'dockyard:undo-lab';

/** The lesson's editor settings, as the schema gives them (`lab.editor`). */
type EditorConfig = boolean | { files?: string[] } | undefined;

export class DockyardLab extends HTMLElement {
  #view: Promise<LabView> | undefined;
  #editor: Promise<EditorView> | undefined;
  #observer: IntersectionObserver | undefined;
  #tabs: HTMLButtonElement[] = [];
  #current = '';
  #resetting: Promise<void> | undefined;
  #undoing: Promise<void> | undefined;
  /** the command Undo would undo now */
  #undoLine: string | undefined;
  #panels = new Map<string, Promise<SidePanel>>();

  connectedCallback(): void {
    this.#tabs = [...this.querySelectorAll<HTMLButtonElement>('[role="tab"][data-tab]')];
    this.#current = this.#tabs[0]?.dataset.tab ?? '';
    for (const tab of this.#tabs) {
      tab.addEventListener('click', () => this.select(tab.dataset.tab!));
      tab.addEventListener('keydown', (e) => this.#arrow(e, tab));
    }
    this.querySelector<HTMLButtonElement>('[data-action="editor"]')?.addEventListener('click', (e) =>
      this.toggleEditor(e.currentTarget as HTMLButtonElement),
    );
    this.querySelector<HTMLButtonElement>('[data-action="reset"]')?.addEventListener('click', (e) =>
      this.#confirmReset(e.currentTarget as HTMLButtonElement),
    );
    this.querySelector<HTMLButtonElement>('[data-action="undo"]')?.addEventListener(
      'click',
      () => void this.undo(),
    );
    for (const kind of ['cluster', 'api'])
      this.querySelector<HTMLButtonElement>(`[data-action="${kind}"]`)?.addEventListener('click', (e) =>
        this.togglePanel(kind, e.currentTarget as HTMLButtonElement),
      );
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) void this.start();
      },
      { rootMargin: '200px' },
    );
    this.#observer.observe(this);
    document.addEventListener(RUN_EVENT, this.#onRun);
    document.addEventListener(RESET_EVENT, this.#onReset);
    document.addEventListener(UNDO_EVENT, this.#onUndo);
  }

  disconnectedCallback(): void {
    this.#observer?.disconnect();
    document.removeEventListener(RUN_EVENT, this.#onRun);
    document.removeEventListener(RESET_EVENT, this.#onReset);
    document.removeEventListener(UNDO_EVENT, this.#onUndo);
    void this.#view?.then((v) => v.dispose());
    void this.#editor?.then((e) => e.dispose());
    for (const panel of this.#panels.values()) void panel.then((p) => p.dispose());
    this.#panels.clear();
    this.#view = undefined;
    this.#editor = undefined;
  }

  /** Load the terminal and the lab (once). */
  start(): Promise<LabView> {
    this.#observer?.disconnect();
    this.dataset.state ??= 'loading';
    // the engine and xterm load side by side, not one after the other
    this.#view ??= Promise.all([
      import('./mount.ts'),
      import('../../lab/page-lab.ts'),
      import('../../lab/files.ts'),
      import('../../lab/persist.ts'),
    ]).then(([{ mountLab }, engine, files, persist]) => {
      const view = mountLab(
        this,
        JSON.parse(this.dataset.lab ?? '{}'),
        this.#current,
        { engine, files, persist },
        persist.saveKey(location.pathname),
      );
      view.onUndoable((line) => this.#undoable(line));
      return view;
    });
    return this.#view;
  }

  /** The Undo button follows the lab: which command it would undo, or disabled. */
  #undoable(line: string | undefined): void {
    this.#undoLine = line;
    const button = this.querySelector<HTMLButtonElement>('[data-action="undo"]');
    if (!button) return;
    button.disabled = line === undefined;
    button.setAttribute(
      'aria-label',
      line === undefined ? 'Undo the last command' : `Undo the last command: ${line}`,
    );
    button.title = line === undefined ? 'Nothing to undo' : `Undo: ${line}`;
  }

  /** Make the lab again as it was before its last command line (several in a row go further back). */
  undo(): Promise<void> {
    this.#undoing ??= (async () => {
      const view = await this.start();
      const button = this.querySelector<HTMLButtonElement>('[data-action="undo"]');
      const status = this.querySelector<HTMLElement>('.dy-lab-status');
      const line = this.#undoLine;
      if (status) status.textContent = 'Undoing…';
      const files = await view.undo();
      if (status) status.textContent = files ? `Undone: ${line}` : 'Nothing to undo.';
      if (files) await this.#editor?.then((e) => e.setFiles(files));
      // a disabled button loses focus: the terminal gets it, so the keyboard is not left on the page
      if (button?.disabled && document.activeElement === document.body) view.show(this.#current);
    })().finally(() => (this.#undoing = undefined));
    return this.#undoing;
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
    void this.#editor?.then((e) => e.show(node));
    for (const panel of this.#panels.values()) void panel.then((p) => p.show(node));
  }

  /** Open or close the cluster view or the API inspector; each loads when it first opens. */
  togglePanel(kind: string, button: HTMLButtonElement): void {
    const region = this.querySelector<HTMLElement>(`#dy-${kind}`);
    if (!region) return;
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    region.hidden = !open;
    this.toggleAttribute(`data-${kind}-open`, open);
    if (!open || this.#panels.has(kind)) return;
    void this.start();
    const node = this.#current;
    this.#panels.set(
      kind,
      kind === 'cluster'
        ? import('../cluster-view/cluster-view.ts').then((m) => m.mountClusterView(region, node))
        : import('../api-inspector/api-inspector.ts').then((m) => m.mountApiInspector(region, node)),
    );
  }

  /** Open or close the editor; Monaco is loaded the first time it opens. */
  toggleEditor(button: HTMLButtonElement): void {
    const region = this.querySelector<HTMLElement>('.dy-editor');
    if (!region) return;
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    region.hidden = !open;
    this.toggleAttribute('data-editor-open', open);
    if (!open) return;
    const config = JSON.parse(this.dataset.lab ?? '{}') as {
      editor?: EditorConfig;
      files?: Record<string, string>;
    };
    const editor = config.editor;
    const starters = Object.keys(config.files ?? {});
    const paths = typeof editor === 'object' && editor.files ? editor.files : starters;
    this.#editor ??= Promise.all([
      import('../editor/mount-editor.ts'),
      this.start().then((v) => v.files),
    ]).then(([{ mountEditor }, files]) =>
      mountEditor(region.querySelector<HTMLElement>('.dy-editor-body')!, files, {
        node: this.#current,
        paths,
        starters,
      }),
    );
    void this.#editor.then((e) => e.focus());
  }

  /** Start the lab again from the lesson's setup, forgetting its save. */
  reset(): Promise<void> {
    this.#resetting ??= (async () => {
      const old = await this.start();
      await old.forget();
      old.dispose();
      this.#view = undefined;
      const view = await this.start();
      const files = await view.files;
      await this.#editor?.then((e) => e.setFiles(files));
    })().finally(() => (this.#resetting = undefined));
    return this.#resetting;
  }

  /** The Reset button asks once ("Reset lab?"), then resets on a second press within a few seconds. */
  #confirmReset(button: HTMLButtonElement): void {
    const status = this.querySelector<HTMLElement>('.dy-lab-status');
    if (button.dataset.confirm !== 'yes') {
      button.dataset.confirm = 'yes';
      button.textContent = 'Reset: sure?';
      if (status)
        status.textContent =
          'Press Reset again to start the lab afresh: your files and commands here are lost.';
      setTimeout(() => {
        if (button.dataset.confirm !== 'yes') return;
        delete button.dataset.confirm;
        button.textContent = 'Reset lab';
        if (status) status.textContent = '';
      }, 5000);
      return;
    }
    delete button.dataset.confirm;
    button.textContent = 'Reset lab';
    button.disabled = true;
    void this.reset().finally(() => {
      button.disabled = false;
      if (status) status.textContent = 'The lab was reset to the lesson’s start.';
    });
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

  #onReset = (): void => void this.reset();

  #onUndo = (): void => void this.undo();
}

if (!customElements.get('dockyard-lab')) customElements.define('dockyard-lab', DockyardLab);
