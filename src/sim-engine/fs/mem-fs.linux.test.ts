/**
 * MemFs against the real thing: random operation sequences run on a MemFs and, through
 * the same system calls, on a scratch directory of the Linux machine running the
 * tests; every call must succeed or fail alike (same errno), and the trees must end
 * the same. Symlink targets are relative and never lead out of the scratch directory.
 */
import * as nodeFs from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { MemFs } from './mem-fs.ts';
import { FsError } from './types.ts';

const scratch = nodeFs.mkdtempSync(nodePath.join(os.tmpdir(), 'memfs-'));
afterAll(() => nodeFs.rmSync(scratch, { recursive: true, force: true }));

const paths = [
  '/a',
  '/a/',
  '/a/b',
  '/a/b/c',
  '/a/.',
  '/a/..',
  '/a/../f',
  '/f',
  '/f/',
  '/f/x',
  '/l1',
  '/l1/',
  '/l1/x',
  '/l1/..',
  '/l2',
  '/a/l',
  '/a/l/c',
];
const targets = ['a', 'a/b', 'l1', 'l2', 'f', 'nope', 'b/c'];

type Op =
  | { op: 'writeFile'; path: string; data: string }
  | { op: 'mkdir'; path: string; parents: boolean }
  | { op: 'rm'; path: string }
  | { op: 'rename'; path: string; to: string }
  | { op: 'symlink'; path: string; target: string }
  | { op: 'readFile' | 'readdir' | 'realpath' | 'stat' | 'lstat' | 'readlink'; path: string }
  | { op: 'chmod'; path: string; mode: number };

const path = fc.constantFrom(...paths);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('writeFile' as const), path, data: fc.constantFrom('', 'x', 'héllo') }),
  fc.record({ op: fc.constant('mkdir' as const), path, parents: fc.boolean() }),
  fc.record({ op: fc.constant('rm' as const), path }),
  fc.record({ op: fc.constant('rename' as const), path, to: path }),
  fc.record({ op: fc.constant('symlink' as const), path, target: fc.constantFrom(...targets) }),
  fc.record({
    op: fc.constantFrom('readFile', 'readdir', 'realpath', 'stat', 'lstat', 'readlink' as const),
    path,
  }),
  fc.record({ op: fc.constant('chmod' as const), path, mode: fc.constantFrom(0o600, 0o755) }),
);

function onMemFs(fs: MemFs, o: Op): unknown {
  switch (o.op) {
    case 'writeFile':
      return fs.writeFile(o.path, o.data);
    case 'mkdir':
      return fs.mkdir(o.path, { parents: o.parents });
    case 'rm':
      return fs.rm(o.path);
    case 'rename':
      return fs.rename(o.path, o.to);
    case 'symlink':
      return fs.symlink(o.target, o.path);
    case 'readFile':
      return fs.readFile(o.path);
    case 'readdir':
      return fs.readdir(o.path);
    case 'realpath':
      return fs.realpath(o.path);
    case 'stat':
      return fs.stat(o.path)?.kind ?? 'none';
    case 'lstat':
      return fs.lstat(o.path)?.kind ?? 'none';
    case 'readlink':
      return fs.readlink(o.path);
    case 'chmod':
      return fs.chmod(o.path, o.mode);
  }
}

function kindOf(st: nodeFs.Stats): string {
  return st.isDirectory() ? 'dir' : st.isSymbolicLink() ? 'symlink' : 'file';
}

function onLinux(root: string, o: Op): unknown {
  const real = (p: string) => root + p;
  switch (o.op) {
    case 'writeFile':
      return nodeFs.writeFileSync(real(o.path), o.data);
    case 'mkdir':
      return void nodeFs.mkdirSync(real(o.path), { recursive: o.parents });
    case 'rm': {
      // unlink(2) for a non-directory, rmdir(2) for a directory
      const st = nodeFs.lstatSync(real(o.path));
      return st.isDirectory() ? nodeFs.rmdirSync(real(o.path)) : nodeFs.unlinkSync(real(o.path));
    }
    case 'rename':
      return nodeFs.renameSync(real(o.path), real(o.to));
    case 'symlink':
      return nodeFs.symlinkSync(o.target, real(o.path));
    case 'readFile':
      return nodeFs.readFileSync(real(o.path), 'utf8');
    case 'readdir':
      return nodeFs.readdirSync(real(o.path)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    case 'realpath': {
      const p = nodeFs.realpathSync.native(real(o.path));
      return p === root ? '/' : p.slice(root.length);
    }
    case 'stat':
      try {
        return kindOf(nodeFs.statSync(real(o.path)));
      } catch {
        return 'none';
      }
    case 'lstat':
      try {
        return kindOf(nodeFs.lstatSync(real(o.path)));
      } catch {
        return 'none';
      }
    case 'readlink':
      return nodeFs.readlinkSync(real(o.path));
    case 'chmod':
      return nodeFs.chmodSync(real(o.path), o.mode);
  }
}

function outcome(fn: () => unknown): unknown {
  try {
    return { ok: fn() ?? null };
  } catch (error) {
    if (error instanceof FsError) return { error: error.code };
    const code = (error as { code?: string }).code;
    if (code) return { error: code };
    throw error;
  }
}

function linuxTree(root: string, at = ''): unknown[] {
  const out: unknown[] = [];
  for (const name of nodeFs.readdirSync(root + (at || '/')).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const p = `${at}/${name}`;
    const st = nodeFs.lstatSync(root + p);
    if (st.isSymbolicLink()) out.push([p, 'symlink', nodeFs.readlinkSync(root + p)]);
    else if (st.isDirectory()) out.push([p, 'dir', st.mode & 0o7777], ...linuxTree(root, p));
    else out.push([p, 'file', st.mode & 0o7777, nodeFs.readFileSync(root + p, 'utf8')]);
  }
  return out;
}

function memTree(fs: MemFs, at = ''): unknown[] {
  const out: unknown[] = [];
  for (const name of fs.readdir(at || '/')) {
    const p = `${at}/${name}`;
    const st = fs.lstat(p)!;
    if (st.kind === 'symlink') out.push([p, 'symlink', st.target]);
    else if (st.kind === 'dir') out.push([p, 'dir', st.mode], ...memTree(fs, p));
    else out.push([p, 'file', st.mode, fs.readFile(p)]);
  }
  return out;
}

let runs = 0;

describe.skipIf(process.platform !== 'linux' || process.getuid?.() !== 0)('MemFs against Linux', () => {
  it('fails and succeeds as the kernel does, call for call', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 25 }), (ops) => {
        const root = nodePath.join(scratch, String(runs++));
        nodeFs.mkdirSync(root);
        // the scratch directory as / (a umask of 022, as in containers)
        const previous = process.umask(0o022);
        try {
          const fs = new MemFs();
          for (const o of ops) {
            const want = outcome(() => onLinux(root, o));
            const got = outcome(() => onMemFs(fs, o));
            expect({ op: o, result: got }).toEqual({ op: o, result: want });
          }
          expect(memTree(fs)).toEqual(linuxTree(root));
        } finally {
          process.umask(previous);
        }
      }),
      { numRuns: 400 },
    );
  }, 60_000);
});
