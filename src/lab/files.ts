/**
 * The lab's host files as the editor sees them: root's home (`/root`) on each node,
 * read and written through the engine's public index, so an edit reaches the node's
 * file system at once and the next `docker build .` in the terminal reads it.
 *
 * There is no change event in the engine's file systems; `watch` polls a cheap
 * signature of the home folder (paths, sizes, mtimes), which catches files the learner
 * makes, edits or removes in the terminal.
 */
import { parseDockerfile, type DockerfileProblem, type Engine } from '../sim-engine/index.ts';

export const HOME = '/root';

/** A diagnostic for a line range of a file (1-based lines, as BuildKit reports them). */
export type FileProblem = Pick<
  DockerfileProblem,
  'severity' | 'message' | 'line' | 'endLine' | 'column' | 'endColumn' | 'rule' | 'url' | 'description'
>;

/** One entry under /root, for saving the folder and putting it back. */
export type HomeEntry =
  | { path: string; kind: 'dir'; mode: number }
  | { path: string; kind: 'file'; mode: number; text: string }
  | { path: string; kind: 'symlink'; target: string };

export interface LabFiles {
  readonly nodes: readonly string[];
  /** Paths (relative to /root) of the text files in root's home: not hidden, not too large, sorted. */
  list(node: string): string[];
  /** A file's text, or undefined when it is missing, a folder or a program. */
  read(node: string, path: string): string | undefined;
  /** Write a file (its folders made as needed), as if saved by the learner now. */
  write(node: string, path: string, text: string): void;
  /** A token that changes whenever something under /root changes. */
  signature(node: string): string;
  /** Call `listener` when /root changes; returns the function that stops watching. */
  watch(node: string, listener: () => void, intervalMs?: number): () => void;
  /** Diagnostics for a file's text: the Dockerfile parser's for Dockerfiles, none for other files. */
  problems(path: string, text: string): FileProblem[];
  /** Everything under /root (hidden files too), for a save. */
  snapshot(node: string): HomeEntry[];
  /** Make /root hold exactly `entries` (a save being restored). */
  restore(node: string, entries: readonly HomeEntry[]): void;
}

/** Files larger than this are not shown in the editor. */
const MAX_EDITOR_FILE = 256 * 1024;
/** How deep the listing goes below /root. */
const MAX_DEPTH = 4;

/** Whether a path names a Dockerfile (Dockerfile, Dockerfile.dev, app.Dockerfile, Containerfile). */
export function isDockerfile(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return /^(Dockerfile|Containerfile)(\..+)?$/i.test(name) || /\.dockerfile$/i.test(name);
}

type HostFs = ReturnType<Engine['host']>['fs'];

function walk(
  fs: HostFs,
  visit: (rel: string, abs: string, depth: number) => boolean,
  dir = HOME,
  depth = 0,
) {
  let names: string[];
  try {
    names = fs.readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const abs = `${dir}/${name}`;
    const rel = abs.slice(HOME.length + 1);
    if (visit(rel, abs, depth) && depth < MAX_DEPTH && fs.lstat(abs)?.kind === 'dir')
      walk(fs, visit, abs, depth + 1);
  }
}

export function labFiles(engine: Engine): LabFiles {
  const nodes = engine.hosts.map((h) => h.name);
  const fsOf = (node: string): HostFs => engine.host(node).fs;
  const abs = (path: string) => `${HOME}/${path.replace(/^\/+/, '')}`;

  const files: LabFiles = {
    nodes,
    list(node) {
      const fs = fsOf(node);
      const out: string[] = [];
      walk(fs, (rel, path) => {
        if (rel.split('/').pop()!.startsWith('.')) return false;
        const st = fs.lstat(path);
        if (st?.kind === 'file' && st.program === undefined && st.size <= MAX_EDITOR_FILE) out.push(rel);
        return st?.kind === 'dir';
      });
      return out.sort();
    },
    read(node, path) {
      const fs = fsOf(node);
      const st = fs.stat(abs(path));
      if (st?.kind !== 'file' || st.program !== undefined) return undefined;
      return fs.readFile(abs(path));
    },
    write(node, path, text) {
      const fs = fsOf(node);
      const target = abs(path);
      fs.mkdir(target.slice(0, target.lastIndexOf('/')), { parents: true });
      fs.writeFile(target, text);
    },
    signature(node) {
      const fs = fsOf(node);
      let sig = '';
      walk(fs, (rel, path) => {
        const st = fs.lstat(path);
        sig += `${rel}\0${st?.kind}\0${st?.size}\0${st?.mtime}\0${st?.mode}\n`;
        return true;
      });
      return sig;
    },
    watch(node, listener, intervalMs = 500) {
      let last = files.signature(node);
      const timer = setInterval(() => {
        const now = files.signature(node);
        if (now !== last) {
          last = now;
          listener();
        }
      }, intervalMs);
      return () => clearInterval(timer);
    },
    problems(path, text) {
      if (!isDockerfile(path)) return [];
      return parseDockerfile(text).problems.map((p) => ({
        severity: p.severity,
        message: p.message,
        line: p.line,
        endLine: p.endLine,
        ...(p.column !== undefined ? { column: p.column } : {}),
        ...(p.endColumn !== undefined ? { endColumn: p.endColumn } : {}),
        ...(p.rule !== undefined ? { rule: p.rule } : {}),
        ...(p.url !== undefined ? { url: p.url } : {}),
        ...(p.description !== undefined ? { description: p.description } : {}),
      }));
    },
    snapshot(node) {
      const fs = fsOf(node);
      const out: HomeEntry[] = [];
      walk(fs, (rel, path) => {
        const st = fs.lstat(path);
        if (!st) return false;
        if (st.kind === 'dir') out.push({ path: rel, kind: 'dir', mode: st.mode });
        else if (st.kind === 'symlink')
          out.push({ path: rel, kind: 'symlink', target: st.target ?? fs.readlink(path) });
        // a simulated program is not text the learner wrote; leave it out
        else if (st.program === undefined)
          out.push({ path: rel, kind: 'file', mode: st.mode, text: fs.readFile(path) });
        return st.kind === 'dir';
      });
      return out;
    },
    restore(node, entries) {
      const fs = fsOf(node);
      const keep = new Set(entries.map((e) => e.path));
      for (const name of fs.readdir(HOME))
        if (!keep.has(name)) fs.rm(`${HOME}/${name}`, { recursive: true, force: true });
      for (const entry of entries) {
        const path = abs(entry.path);
        const st = fs.lstat(path);
        if (entry.kind === 'dir') {
          if (st && st.kind !== 'dir') fs.rm(path, { force: true });
          if (st?.kind !== 'dir') fs.mkdir(path, { parents: true });
          fs.chmod(path, entry.mode);
          continue;
        }
        if (st?.kind === 'dir') fs.rm(path, { recursive: true, force: true });
        else if (st) fs.rm(path, { force: true });
        fs.mkdir(path.slice(0, path.lastIndexOf('/')), { parents: true });
        if (entry.kind === 'symlink') fs.symlink(entry.target, path);
        else fs.writeFile(path, entry.text, { mode: entry.mode });
      }
      // what was in a saved folder but is not in the save any more (nested entries)
      walk(fs, (rel, path) => {
        if (!keep.has(rel)) {
          fs.rm(path, { recursive: true, force: true });
          return false;
        }
        return true;
      });
    },
  };
  return files;
}
