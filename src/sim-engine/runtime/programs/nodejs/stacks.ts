/**
 * node's own stack frames under a script's, by major version, and the reports node
 * prints on stderr for an uncaught exception and for a main module it cannot find.
 * The line numbers are those of each major's releases of 2025–2026 (they move a few
 * lines between minor releases; the shape is what a learner recognises).
 */

interface Frames {
  /** under `at Object.<anonymous> (/app/index.js:L:C)` */
  main: string[];
  /** under `at [eval]:L:C` */
  evalString: string[];
  /** Cannot find module: the `node:internal/...:N` header, and the frames */
  notFoundAt: string;
  notFound: string[];
  /** under `at Object.<anonymous>` of a module that required a missing one */
  requireMissing: string[];
}

const NODE20: Frames = {
  main: [
    'Module._compile (node:internal/modules/cjs/loader:1469:14)',
    'Module._extensions..js (node:internal/modules/cjs/loader:1548:10)',
    'Module.load (node:internal/modules/cjs/loader:1288:32)',
    'Module._load (node:internal/modules/cjs/loader:1104:12)',
    'Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:173:12)',
    'node:internal/main/run_main_module:28:49',
  ],
  evalString: [
    'runScriptInThisContext (node:internal/vm:209:10)',
    'node:internal/process/execution:118:14',
    '[eval]-wrapper:6:24',
    'runScript (node:internal/process/execution:101:62)',
    'evalScript (node:internal/process/execution:136:3)',
    'node:internal/main/eval_string:49:3',
  ],
  notFoundAt: 'node:internal/modules/cjs/loader:1228',
  notFound: [
    'Module._resolveFilename (node:internal/modules/cjs/loader:1225:15)',
    'Module._load (node:internal/modules/cjs/loader:1051:27)',
    'Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:173:12)',
    'node:internal/main/run_main_module:28:49',
  ],
  requireMissing: [
    'Module._resolveFilename (node:internal/modules/cjs/loader:1225:15)',
    'Module._load (node:internal/modules/cjs/loader:1051:27)',
    'Module.require (node:internal/modules/cjs/loader:1311:19)',
    'require (node:internal/modules/helpers:179:18)',
  ],
};

const NODE22: Frames = {
  main: [
    'Module._compile (node:internal/modules/cjs/loader:1730:14)',
    'Object..js (node:internal/modules/cjs/loader:1895:10)',
    'Module.load (node:internal/modules/cjs/loader:1465:32)',
    'Function._load (node:internal/modules/cjs/loader:1282:12)',
    'TracingChannel.traceSync (node:diagnostics_channel:322:14)',
    'wrapModuleLoad (node:internal/modules/cjs/loader:235:24)',
    'Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:171:5)',
    'node:internal/main/run_main_module:36:49',
  ],
  evalString: [
    'runScriptInThisContext (node:internal/vm:209:10)',
    'node:internal/process/execution:118:14',
    '[eval]-wrapper:6:24',
    'runScript (node:internal/process/execution:101:62)',
    'evalScript (node:internal/process/execution:133:3)',
    'node:internal/main/eval_string:51:3',
  ],
  notFoundAt: 'node:internal/modules/cjs/loader:1386',
  notFound: [
    'Function._resolveFilename (node:internal/modules/cjs/loader:1383:15)',
    'defaultResolveImpl (node:internal/modules/cjs/loader:1025:19)',
    'resolveForCJSWithHooks (node:internal/modules/cjs/loader:1030:22)',
    'Function._load (node:internal/modules/cjs/loader:1192:37)',
    'TracingChannel.traceSync (node:diagnostics_channel:322:14)',
    'wrapModuleLoad (node:internal/modules/cjs/loader:237:24)',
    'Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:171:5)',
    'node:internal/main/run_main_module:36:49',
  ],
  requireMissing: [
    'Function._resolveFilename (node:internal/modules/cjs/loader:1383:15)',
    'defaultResolveImpl (node:internal/modules/cjs/loader:1025:19)',
    'resolveForCJSWithHooks (node:internal/modules/cjs/loader:1030:22)',
    'Function._load (node:internal/modules/cjs/loader:1192:37)',
    'TracingChannel.traceSync (node:diagnostics_channel:322:14)',
    'wrapModuleLoad (node:internal/modules/cjs/loader:237:24)',
    'Module.require (node:internal/modules/cjs/loader:1463:12)',
    'require (node:internal/modules/helpers:147:16)',
  ],
};

const NODE24: Frames = {
  main: [
    'Module._compile (node:internal/modules/cjs/loader:1760:14)',
    'Object..js (node:internal/modules/cjs/loader:1893:10)',
    'Module.load (node:internal/modules/cjs/loader:1480:32)',
    'Module._load (node:internal/modules/cjs/loader:1299:12)',
    'TracingChannel.traceSync (node:diagnostics_channel:322:14)',
    'wrapModuleLoad (node:internal/modules/cjs/loader:244:24)',
    'Module.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:154:5)',
    'node:internal/main/run_main_module:33:47',
  ],
  evalString: [
    'runScriptInThisContext (node:internal/vm:219:10)',
    'node:internal/process/execution:451:12',
    '[eval]-wrapper:6:24',
    'runScriptInContext (node:internal/process/execution:449:60)',
    'evalFunction (node:internal/process/execution:283:30)',
    'evalTypeScript (node:internal/process/execution:295:3)',
    'node:internal/main/eval_string:71:3',
  ],
  notFoundAt: 'node:internal/modules/cjs/loader:1503',
  notFound: [
    'Module._resolveFilename (node:internal/modules/cjs/loader:1500:15)',
    'wrapResolveFilename (node:internal/modules/cjs/loader:1071:27)',
    'defaultResolveImplForCJSLoading (node:internal/modules/cjs/loader:1095:10)',
    'resolveForCJSWithHooks (node:internal/modules/cjs/loader:1116:12)',
    'Module._load (node:internal/modules/cjs/loader:1285:25)',
    'wrapModuleLoad (node:internal/modules/cjs/loader:255:19)',
    'Module.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:154:5)',
    'node:internal/main/run_main_module:33:47',
  ],
  requireMissing: [
    'Module._resolveFilename (node:internal/modules/cjs/loader:1500:15)',
    'wrapResolveFilename (node:internal/modules/cjs/loader:1071:27)',
    'defaultResolveImplForCJSLoading (node:internal/modules/cjs/loader:1095:10)',
    'resolveForCJSWithHooks (node:internal/modules/cjs/loader:1116:12)',
    'Module._load (node:internal/modules/cjs/loader:1285:25)',
    'wrapModuleLoad (node:internal/modules/cjs/loader:255:19)',
    'Module.require (node:internal/modules/cjs/loader:1575:12)',
    'require (node:internal/modules/helpers:191:16)',
  ],
};

export function framesFor(version: string): Frames {
  const major = Number(version.split('.')[0]);
  return major <= 20 ? NODE20 : major === 22 ? NODE22 : NODE24;
}

/** The whole report for an uncaught exception: the source line and caret, the value, the version. */
export function uncaughtReport(
  file: string,
  source: string | undefined,
  loc: { line: number; col: number } | undefined,
  shown: string,
  version: string,
): string {
  let head = '';
  if (source !== undefined && loc) {
    const text = source.split('\n')[loc.line - 1] ?? '';
    head = `${file}:${loc.line}\n${text}\n${' '.repeat(Math.max(0, loc.col - 1))}^\n\n`;
  }
  return `${head}${shown}\n\nNode.js v${version}\n`;
}

/** The header of an exception thrown inside node's module loader. */
export const loaderHeader = (version: string) => `${framesFor(version).notFoundAt}\n  throw err;\n  ^\n\n`;

/**
 * The stack of `Cannot find module`: of the main module (no require stack) or of a
 * `require` in a script (`below` are the frames from the script down, at most ten in all).
 */
export function notFoundStack(
  request: string,
  requireStack: string[],
  version: string,
  below: string[] = [],
): string {
  const f = framesFor(version);
  const stack = requireStack.length
    ? `\nRequire stack:\n${requireStack.map((p) => `- ${p}`).join('\n')}`
    : '';
  const frames = (requireStack.length ? [...f.requireMissing, ...below] : f.notFound)
    .slice(0, 10)
    .map((x) => `    at ${x}`)
    .join('\n');
  return `Error: Cannot find module '${request}'${stack}\n${frames}`;
}
