/**
 * Monaco 0.57's internal worker helper (esm/vs/internal/common/workers.js), which its
 * own language features use: a worker by label from MonacoEnvironment.getWorker, given
 * its createData. Typed here as far as monaco.ts uses it.
 */
declare module 'monaco-editor/internal/common/workers' {
  import type { editor } from 'monaco-editor/editor/editor.api';
  export function createWebWorker<T extends object>(opts: {
    label?: string;
    moduleId?: string;
    createData?: unknown;
    createWorker?: () => Worker;
    host?: Record<string, (...args: unknown[]) => unknown>;
    keepIdleModels?: boolean;
  }): editor.MonacoWebWorker<T>;
}
