/**
 * Reading input and naming errors the way the C tools do.
 */
import { FsError, STRERROR } from '../../../fs/types.ts';
import type { ProcessContext, Reader } from '../../../process/types.ts';

/** Everything a reader will give, up to end of input. */
export async function readAll(reader: Reader): Promise<string> {
  let text = '';
  for (let chunk = await reader.read(); chunk !== null; chunk = await reader.read()) text += chunk;
  return text;
}

/**
 * Lines of a reader as they arrive, each without its newline; `last` marks a final
 * line that had no newline.
 */
export async function* readLines(reader: Reader): AsyncGenerator<{ line: string; newline: boolean }> {
  let pending = '';
  for (let chunk = await reader.read(); chunk !== null; chunk = await reader.read()) {
    pending += chunk;
    let nl = pending.indexOf('\n');
    while (nl >= 0) {
      yield { line: pending.slice(0, nl), newline: true };
      pending = pending.slice(nl + 1);
      nl = pending.indexOf('\n');
    }
  }
  if (pending !== '') yield { line: pending, newline: false };
}

/** Split text into lines the way line-oriented tools see it (no empty line after a final \n). */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** Absolute, normalised path of `path` seen from `cwd`. */
export function resolvePath(cwd: string, path: string): string {
  const parts: string[] = [];
  for (const part of (path.startsWith('/') ? path : `${cwd}/${path}`).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return '/' + parts.join('/');
}

export function baseName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return path.startsWith('/') ? '/' : '';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

export function dirName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return path.startsWith('/') ? '/' : '.';
  const slash = trimmed.lastIndexOf('/');
  if (slash < 0) return '.';
  const dir = trimmed.slice(0, slash).replace(/\/+$/, '');
  return dir === '' ? '/' : dir;
}

/** The strerror text of a file-system error; anything else is a bug and rethrown. */
export function errorText(error: unknown): string {
  if (error instanceof FsError) return STRERROR[error.code];
  if (error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code in STRERROR)
    return STRERROR[error.code as keyof typeof STRERROR];
  throw error;
}

/** Read a file operand (`-` is stdin); throws FsError like the file system. */
export async function readOperand(ctx: ProcessContext, operand: string): Promise<string> {
  if (operand === '-') return readAll(ctx.stdin);
  return ctx.fs.readFile(resolvePath(ctx.cwd, operand));
}
