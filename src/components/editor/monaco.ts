/**
 * Monaco as the lab's editor needs it, and nothing more (web-notes.md: the whole
 * `monaco-editor` is +1 MB gzip and brings the TypeScript, CSS, HTML and JSON workers):
 * the editor API, the contributions a learner uses (suggest, hover, find, folding,
 * comments, Go to next problem with F8, Ctrl+M to let Tab move focus), tokenizers for
 * the languages of the lab's files, and YAML through monaco-yaml with the Compose
 * specification's schema.
 *
 * This module is imported only when the learner opens the editor. Monaco's own CSS
 * is turned into styles injected when its modules run (see the Vite plugin in
 * astro.config.mjs), so it is never in a page's first load either.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/editor/browser/coreCommands';
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching';
import 'monaco-editor/editor/contrib/clipboard/browser/clipboard';
import 'monaco-editor/editor/contrib/comment/browser/comment';
import 'monaco-editor/editor/contrib/contextmenu/browser/contextmenu';
import 'monaco-editor/editor/contrib/find/browser/findController';
import 'monaco-editor/editor/contrib/folding/browser/folding';
import 'monaco-editor/editor/contrib/gotoError/browser/gotoError';
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution';
import 'monaco-editor/editor/contrib/indentation/browser/indentation';
import 'monaco-editor/editor/contrib/linesOperations/browser/linesOperations';
import 'monaco-editor/editor/contrib/snippet/browser/snippetController2';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/editor/contrib/toggleTabFocusMode/browser/toggleTabFocusMode';
import 'monaco-editor/editor/contrib/wordOperations/browser/wordOperations';
import 'monaco-editor/languages/definitions/dockerfile/register';
import 'monaco-editor/languages/definitions/yaml/register';
import 'monaco-editor/languages/definitions/python/register';
import 'monaco-editor/languages/definitions/shell/register';
import 'monaco-editor/languages/definitions/html/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import YamlWorker from 'monaco-yaml/yaml.worker.js?worker';
import { configureMonacoYaml } from 'monaco-yaml';
import { COMPOSE_FILES, composeSchema } from './compose-schema.ts';

// Vite 8 must be given the workers explicitly (web-notes.md); monaco-yaml's runs the YAML language service
(globalThis as { MonacoEnvironment?: monaco.Environment }).MonacoEnvironment = {
  getWorker: (_id, label) => (label === 'yaml' ? new YamlWorker() : new EditorWorker()),
};

/*
 * monaco-yaml 5.5 (through monaco-worker-manager 2) starts its worker with Monaco's
 * pre-0.55 `createWebWorker({ label, moduleId, createData })`; Monaco 0.57's takes a
 * Worker and no createData. This is what Monaco's own language features do now
 * (esm/vs/internal/common/workers.js, which cannot be imported without every editor
 * contribution): make the worker by its label, post "ignore" and then the createData
 * (the worker side's protocol), and hand the Worker to the new createWebWorker.
 */
function createWebWorker(opts: {
  label?: string;
  createData?: unknown;
  host?: Record<string, (...args: unknown[]) => unknown>;
  keepIdleModels?: boolean;
}) {
  const worker = opts.label === 'yaml' ? new YamlWorker() : new EditorWorker();
  worker.postMessage('ignore');
  worker.postMessage(opts.createData);
  return monaco.editor.createWebWorker({ worker, host: opts.host, keepIdleModels: opts.keepIdleModels });
}
const monacoForYaml = {
  ...monaco,
  editor: { ...monaco.editor, createWebWorker },
} as unknown as typeof monaco;

configureMonacoYaml(monacoForYaml, {
  // the schema is bundled: nothing is fetched at run time
  enableSchemaRequest: false,
  validate: true,
  completion: true,
  hover: true,
  format: { enable: false },
  schemas: [
    { uri: 'https://dockyard.invalid/compose-spec.json', fileMatch: COMPOSE_FILES, schema: composeSchema },
  ],
});

export { monaco };
