/**
 * The lab's editor: a tab per file of root's home on the node being shown, and Monaco
 * under them. Imported only when the learner opens the editor (lab-panel/lab-element.ts).
 *
 * - The tabs are the lesson's files (`lab.editor.files`, or every starter file), then
 *   any file the learner makes in the terminal (`touch app.js`, `cat > stack.yml`);
 *   a made file that is removed again loses its tab.
 * - Every edit is written to the node's file system at once, so the next
 *   `docker build .` in the terminal reads it; a change made in the terminal
 *   (`echo … >> Dockerfile`) shows in the editor within a second.
 * - A Dockerfile gets the build parser's diagnostics as markers (what `docker build`
 *   would say: errors and BuildKit's lint warnings); YAML compose and stack files get
 *   completion, hover and validation from the Compose schema (monaco.ts).
 */
import type { FileProblem, LabFiles } from '../../lab/files.ts';
import { languageOf } from './languages.ts';
import { monaco } from './monaco.ts';

export interface EditorView {
  /** show the files of another node (its terminal tab was chosen) */
  show(node: string): void;
  /** the lab was reset: read every file again from the new lab */
  setFiles(files: LabFiles): void;
  focus(): void;
  dispose(): void;
}

export interface EditorOptions {
  /** the node whose files are shown first */
  node: string;
  /** the files with a tab from the start (relative to /root) */
  paths: readonly string[];
  /** the lesson's starter files: those not in `paths` get no tab */
  starters: readonly string[];
}

const OWNER = 'dockyard';

function markerOf(model: monaco.editor.ITextModel, p: FileProblem): monaco.editor.IMarkerData {
  const lines = model.getLineCount();
  const line = Math.min(Math.max(1, p.line), lines);
  const endLine = Math.min(Math.max(line, p.endLine), lines);
  return {
    severity: p.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
    message: p.description ? `${p.message}\n${p.description}` : p.message,
    source: 'docker build',
    ...(p.rule ? { code: p.url ? { value: p.rule, target: monaco.Uri.parse(p.url) } : p.rule } : {}),
    startLineNumber: line,
    startColumn: p.column ?? model.getLineFirstNonWhitespaceColumn(line) ?? 1,
    endLineNumber: endLine,
    endColumn: p.endColumn ?? model.getLineMaxColumn(endLine),
  };
}

export function mountEditor(host: HTMLElement, initial: LabFiles, options: EditorOptions): EditorView {
  let files = initial;
  let node = options.node;
  const starters = new Set(options.starters);
  const listed = [...options.paths];

  host.replaceChildren();
  const tablist = document.createElement('div');
  tablist.setAttribute('role', 'tablist');
  tablist.setAttribute('aria-label', 'Files');
  tablist.className = 'dy-files';
  const surface = document.createElement('div');
  surface.className = 'dy-monaco';
  surface.setAttribute('role', 'tabpanel');
  surface.id = 'dy-editor-file';
  host.append(tablist, surface);

  const editor = monaco.editor.create(surface, {
    theme: 'vs-dark',
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 14,
    scrollBeyondLastLine: false,
    tabSize: 4,
    insertSpaces: true,
    renderLineHighlight: 'line',
    fixedOverflowWidgets: true,
    // suggestions come from the languages that have them (the Compose schema), not from any word in the file
    wordBasedSuggestions: 'off',
    ariaLabel: 'File editor',
  });

  const models = new Map<string, monaco.editor.ITextModel>();
  const uriOf = (n: string, path: string) => monaco.Uri.from({ scheme: 'file', path: `/${n}/root/${path}` });
  let current: string | undefined;
  let external = false;
  let lint: ReturnType<typeof setTimeout> | undefined;

  const relint = (model: monaco.editor.ITextModel, path: string) => {
    monaco.editor.setModelMarkers(
      model,
      OWNER,
      files.problems(path, model.getValue()).map((p) => markerOf(model, p)),
    );
  };

  const modelFor = (path: string): monaco.editor.ITextModel => {
    const key = `${node}\0${path}`;
    let model = models.get(key);
    if (!model) {
      const uri = uriOf(node, path);
      model =
        monaco.editor.getModel(uri) ??
        monaco.editor.createModel(files.read(node, path) ?? '', languageOf(path), uri);
      const owner = node;
      const m = model;
      model.onDidChangeContent(() => {
        if (external) return;
        // the edit reaches the lab at once; the markers follow a moment later
        files.write(owner, path, m.getValue());
        clearTimeout(lint);
        lint = setTimeout(() => relint(m, path), 200);
      });
      models.set(key, model);
      relint(model, path);
    }
    return model;
  };

  /** The tabs: the listed files, then files made since the lab started. */
  const tabPaths = (): string[] => {
    const made = files.list(node).filter((p) => !starters.has(p) && !listed.includes(p));
    return [...listed, ...made];
  };

  const open = (path: string, focus = false) => {
    current = path;
    editor.setModel(modelFor(path));
    editor.updateOptions({
      ariaLabel: `${path} on ${node}. Tab inserts a tab; press Ctrl+M (Ctrl+Shift+M on a Mac) to make Tab move focus out of the editor.`,
    });
    renderTabs();
    if (focus) editor.focus();
  };

  const renderTabs = () => {
    const paths = tabPaths();
    if (current === undefined || !paths.includes(current)) current = paths[0];
    tablist.replaceChildren(
      ...paths.map((path) => {
        const tab = document.createElement('button');
        tab.type = 'button';
        tab.setAttribute('role', 'tab');
        tab.dataset.file = path;
        tab.textContent = path;
        const on = path === current;
        tab.setAttribute('aria-selected', String(on));
        tab.setAttribute('aria-controls', surface.id);
        tab.tabIndex = on ? 0 : -1;
        tab.addEventListener('click', () => open(path, true));
        tab.addEventListener('keydown', (e) => {
          const i = paths.indexOf(path);
          const to = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : undefined;
          if (to === undefined) return;
          e.preventDefault();
          const next = paths[(to + paths.length) % paths.length]!;
          open(next);
          tablist.querySelector<HTMLButtonElement>(`[data-file="${CSS.escape(next)}"]`)?.focus();
        });
        return tab;
      }),
    );
    if (current === undefined) {
      editor.setModel(null);
      surface.dataset.empty = 'true';
    } else {
      delete surface.dataset.empty;
      if (editor.getModel() !== models.get(`${node}\0${current}`)) editor.setModel(modelFor(current));
    }
  };

  /** The terminal changed something under /root: new tabs, and open files' new text. */
  const refresh = () => {
    for (const [key, model] of models) {
      const [n, path] = key.split('\0') as [string, string];
      if (n !== node) continue;
      const text = files.read(n, path);
      if (text === undefined || text === model.getValue()) continue;
      external = true;
      try {
        // an edit, not setValue: the learner can undo it and keeps the cursor
        model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
      } finally {
        external = false;
      }
      relint(model, path);
    }
    renderTabs();
  };

  let unwatch = files.watch(node, refresh, 700);
  open(tabPaths()[0] ?? listed[0] ?? 'Dockerfile');

  return {
    show(next) {
      if (next === node) return;
      unwatch();
      node = next;
      current = undefined;
      unwatch = files.watch(node, refresh, 700);
      renderTabs();
      if (current !== undefined) open(current);
    },
    setFiles(next) {
      unwatch();
      files = next;
      editor.setModel(null);
      for (const model of models.values()) model.dispose();
      models.clear();
      current = undefined;
      unwatch = files.watch(node, refresh, 700);
      renderTabs();
      if (current !== undefined) open(current);
    },
    focus() {
      editor.focus();
    },
    dispose() {
      unwatch();
      clearTimeout(lint);
      editor.dispose();
      for (const model of models.values()) model.dispose();
      models.clear();
      host.replaceChildren();
    },
  };
}
