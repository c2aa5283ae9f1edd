import { describe, expect, it } from 'vitest';
import { MemFs } from './mem-fs.ts';
import { FsError } from './types.ts';

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof FsError) return error.code;
    throw error;
  }
  return undefined;
}

function make(): { fs: MemFs; tick: (ms: number) => void } {
  let now = 1000;
  const fs = new MemFs({ now: () => now });
  fs.mkdir('/etc');
  fs.writeFile('/etc/passwd', 'root:x:0:0::/root:/bin/sh\n');
  fs.mkdir('/usr/bin', { parents: true });
  fs.mkdir('/tmp', { mode: 0o1777 });
  return { fs, tick: (ms) => (now += ms) };
}

describe('MemFs: files and directories', () => {
  it('writes, appends and reads files, with sizes in UTF-8 bytes', () => {
    const { fs } = make();
    fs.writeFile('/tmp/a', 'héllo');
    fs.writeFile('/tmp/a', '\n', { append: true });
    expect(fs.readFile('/tmp/a')).toBe('héllo\n');
    expect(fs.stat('/tmp/a')).toMatchObject({ kind: 'file', size: 7, mode: 0o644, uid: 0, nlink: 1 });
  });

  it('creates files with the given mode, owner and program tag', () => {
    const { fs } = make();
    fs.writeFile('/usr/bin/busybox', '', { mode: 0o755, program: 'busybox', size: 1014744, uid: 0 });
    expect(fs.stat('/usr/bin/busybox')).toMatchObject({ program: 'busybox', size: 1014744, mode: 0o755 });
    fs.writeFile('/usr/bin/busybox', 'oops');
    expect(fs.stat('/usr/bin/busybox')?.program).toBeUndefined();
    expect(fs.stat('/usr/bin/busybox')?.size).toBe(4);
  });

  it('gives the errors open(2) gives', () => {
    const { fs } = make();
    expect(code(() => fs.writeFile('/etc', 'x'))).toBe('EISDIR');
    expect(code(() => fs.writeFile('/nope/x', 'x'))).toBe('ENOENT');
    expect(code(() => fs.writeFile('/etc/passwd/x', 'x'))).toBe('ENOTDIR');
    expect(code(() => fs.writeFile('/etc/new/', 'x'))).toBe('EISDIR');
    expect(code(() => fs.writeFile('/etc/passwd/', 'x'))).toBe('EISDIR');
    expect(code(() => fs.readFile('/etc'))).toBe('EISDIR');
    expect(code(() => fs.readFile('/etc/shadow'))).toBe('ENOENT');
    expect(code(() => fs.readFile('/etc/passwd/'))).toBe('ENOTDIR');
    expect(code(() => fs.readdir('/etc/passwd'))).toBe('ENOTDIR');
  });

  it('stats missing or impossible paths as undefined', () => {
    const { fs } = make();
    expect(fs.stat('/nope')).toBeUndefined();
    expect(fs.stat('/etc/passwd/x')).toBeUndefined();
    expect(fs.stat('/etc/passwd/')).toBeUndefined();
    expect(fs.stat('/etc/')).toMatchObject({ kind: 'dir', size: 4096 });
  });

  it('makes directories as mkdir(2) and mkdir -p do', () => {
    const { fs } = make();
    expect(code(() => fs.mkdir('/etc'))).toBe('EEXIST');
    expect(code(() => fs.mkdir('/etc/passwd'))).toBe('EEXIST');
    expect(code(() => fs.mkdir('/a/b'))).toBe('ENOENT');
    expect(code(() => fs.mkdir('/etc/passwd/x'))).toBe('ENOTDIR');
    expect(code(() => fs.mkdir('/'))).toBe('EEXIST');
    fs.mkdir('/a/b/c/', { parents: true, mode: 0o700 });
    expect(fs.stat('/a/b/c')?.mode).toBe(0o700);
    fs.mkdir('/a/b', { parents: true });
    expect(code(() => fs.mkdir('/etc/passwd', { parents: true }))).toBe('EEXIST');
    expect(code(() => fs.mkdir('/etc/passwd/x', { parents: true }))).toBe('ENOTDIR');
    expect(fs.stat('/tmp')?.mode).toBe(0o1777);
  });

  it('lists directories sorted by code unit, and counts links', () => {
    const { fs } = make();
    for (const n of ['b', 'B', 'a', '_x']) fs.writeFile(`/tmp/${n}`, '');
    fs.mkdir('/tmp/d');
    expect(fs.readdir('/tmp')).toEqual(['B', '_x', 'a', 'b', 'd']);
    expect(fs.stat('/tmp')?.nlink).toBe(3);
    expect(fs.stat('/')?.nlink).toBe(5);
  });

  it('removes as unlink, rmdir and rm -r do', () => {
    const { fs } = make();
    expect(code(() => fs.rm('/usr'))).toBe('ENOTEMPTY');
    expect(code(() => fs.rm('/nope'))).toBe('ENOENT');
    expect(code(() => fs.rm('/nope/x', { force: true }))).toBeUndefined();
    expect(code(() => fs.rm('/etc/passwd/x', { force: true }))).toBe('ENOTDIR');
    expect(code(() => fs.rm('/etc/passwd/'))).toBe('ENOTDIR');
    expect(code(() => fs.rm('/'))).toBe('EBUSY');
    expect(code(() => fs.rm('/tmp/.'))).toBe('EINVAL');
    fs.rm('/usr/bin');
    expect(fs.readdir('/usr')).toEqual([]);
    fs.rm('/etc', { recursive: true });
    expect(fs.stat('/etc')).toBeUndefined();
  });

  it('updates the parent directory mtime on create and remove, not on write', () => {
    const { fs, tick } = make();
    tick(10);
    fs.writeFile('/tmp/x', '1');
    expect(fs.stat('/tmp')?.mtime).toBe(1010);
    tick(10);
    fs.writeFile('/tmp/x', '2');
    expect(fs.stat('/tmp')?.mtime).toBe(1010);
    expect(fs.stat('/tmp/x')?.mtime).toBe(1020);
    tick(10);
    fs.rm('/tmp/x');
    expect(fs.stat('/tmp')?.mtime).toBe(1030);
  });

  it('changes modes, owners and times', () => {
    const { fs } = make();
    fs.chmod('/etc/passwd', 0o100600);
    fs.chown('/etc/passwd', 1000, 1000);
    fs.utimes('/etc/passwd', 5);
    expect(fs.stat('/etc/passwd')).toMatchObject({ mode: 0o600, uid: 1000, gid: 1000, mtime: 5 });
    expect(code(() => fs.chmod('/nope', 0o644))).toBe('ENOENT');
    fs.chmod('/', 0o700);
    expect(fs.stat('/')?.mode).toBe(0o700);
  });
});

describe('MemFs: symlinks', () => {
  it('follows absolute and relative targets', () => {
    const { fs } = make();
    fs.symlink('/etc/passwd', '/tmp/abs');
    fs.symlink('../etc/passwd', '/tmp/rel');
    fs.symlink('usr/bin', '/bin');
    expect(fs.readFile('/tmp/abs')).toContain('root');
    expect(fs.readFile('/tmp/rel')).toContain('root');
    expect(fs.lstat('/tmp/rel')).toMatchObject({
      kind: 'symlink',
      target: '../etc/passwd',
      size: 13,
      mode: 0o777,
    });
    expect(fs.stat('/tmp/rel')?.kind).toBe('file');
    expect(fs.readlink('/tmp/rel')).toBe('../etc/passwd');
    expect(code(() => fs.readlink('/etc/passwd'))).toBe('EINVAL');
    fs.writeFile('/bin/sh', '#!');
    expect(fs.readdir('/usr/bin')).toEqual(['sh']);
    expect(fs.realpath('/bin/sh')).toBe('/usr/bin/sh');
  });

  it('resolves .. physically, after the link, as the kernel does', () => {
    const { fs } = make();
    fs.mkdir('/a/b', { parents: true });
    fs.writeFile('/a/marker', 'a');
    fs.symlink('/a/b', '/tmp/l');
    expect(fs.realpath('/tmp/l/..')).toBe('/a');
    expect(fs.readFile('/tmp/l/../marker')).toBe('a');
    expect(fs.realpath('/../..//etc/./passwd')).toBe('/etc/passwd');
  });

  it('fails with ELOOP on loops and ENOENT on dangling links', () => {
    const { fs } = make();
    fs.symlink('b', '/tmp/a');
    fs.symlink('a', '/tmp/b');
    fs.symlink('/nowhere', '/tmp/dangling');
    fs.symlink('self/x', '/tmp/self');
    expect(code(() => fs.readFile('/tmp/a'))).toBe('ELOOP');
    expect(code(() => fs.realpath('/tmp/self'))).toBe('ELOOP');
    expect(fs.stat('/tmp/a')).toBeUndefined();
    expect(fs.lstat('/tmp/a')?.kind).toBe('symlink');
    expect(code(() => fs.realpath('/tmp/dangling'))).toBe('ENOENT');
    expect(code(() => fs.symlink('x', '/tmp/dangling'))).toBe('EEXIST');
  });

  it('creates the target when writing through a dangling link', () => {
    const { fs } = make();
    fs.symlink('/tmp/target', '/tmp/link');
    fs.writeFile('/tmp/link', 'hi');
    expect(fs.readFile('/tmp/target')).toBe('hi');
  });

  it('removes and renames the link, not its target', () => {
    const { fs } = make();
    fs.symlink('/etc', '/tmp/l');
    fs.rename('/tmp/l', '/tmp/m');
    expect(fs.readlink('/tmp/m')).toBe('/etc');
    fs.rm('/tmp/m');
    expect(fs.stat('/etc')?.kind).toBe('dir');
    expect(code(() => fs.mkdir('/tmp/m2/x', { parents: false }))).toBe('ENOENT');
  });

  it('treats a trailing slash as "must be a directory" and follows the link for it', () => {
    const { fs } = make();
    fs.symlink('/etc', '/tmp/l');
    expect(fs.lstat('/tmp/l/')?.kind).toBe('dir');
    expect(fs.lstat('/tmp/l')?.kind).toBe('symlink');
  });
});

describe('MemFs: rename', () => {
  it('moves files and directories and replaces as rename(2) does', () => {
    const { fs } = make();
    fs.writeFile('/tmp/a', 'a');
    fs.writeFile('/tmp/b', 'b');
    fs.rename('/tmp/a', '/tmp/b');
    expect(fs.readFile('/tmp/b')).toBe('a');
    fs.mkdir('/tmp/d1');
    fs.mkdir('/tmp/d2');
    fs.writeFile('/tmp/d1/f', '');
    fs.rename('/tmp/d1', '/tmp/d2');
    expect(fs.readdir('/tmp/d2')).toEqual(['f']);
    fs.rename('/tmp/d2', '/tmp/d2');
  });

  it('gives the errors rename(2) gives', () => {
    const { fs } = make();
    fs.mkdir('/tmp/d/e', { parents: true });
    fs.writeFile('/tmp/f', '');
    fs.mkdir('/tmp/full');
    fs.writeFile('/tmp/full/x', '');
    expect(code(() => fs.rename('/tmp/nope', '/tmp/x'))).toBe('ENOENT');
    expect(code(() => fs.rename('/tmp/f', '/nope/x'))).toBe('ENOENT');
    expect(code(() => fs.rename('/tmp/d', '/tmp/f'))).toBe('ENOTDIR');
    expect(code(() => fs.rename('/tmp/f', '/tmp/d'))).toBe('EISDIR');
    expect(code(() => fs.rename('/tmp/d', '/tmp/full'))).toBe('ENOTEMPTY');
    expect(code(() => fs.rename('/tmp/d', '/tmp/d/e/x'))).toBe('EINVAL');
    expect(code(() => fs.rename('/', '/x'))).toBe('EBUSY');
    expect(code(() => fs.rename('/tmp/f/', '/tmp/g'))).toBe('ENOTDIR');
  });
});

describe('MemFs: frozen trees', () => {
  it('keeps a frozen tree as it was while the file system goes on changing', () => {
    const { fs } = make();
    const tree = fs.freeze();
    fs.writeFile('/etc/passwd', 'changed');
    fs.rm('/usr', { recursive: true });
    const old = new MemFs({ tree });
    expect(old.readFile('/etc/passwd')).toContain('root');
    expect(old.readdir('/')).toEqual(['etc', 'tmp', 'usr']);
    expect(fs.readdir('/')).toEqual(['etc', 'tmp']);
  });

  it('shares a tree between file systems without one seeing the other', () => {
    const { fs } = make();
    const tree = fs.freeze();
    const a = new MemFs({ tree });
    const b = new MemFs({ tree });
    a.writeFile('/etc/passwd', 'a');
    b.chmod('/etc/passwd', 0o600);
    a.symlink('x', '/l');
    expect(b.readFile('/etc/passwd')).toContain('root');
    expect(a.stat('/etc/passwd')?.mode).toBe(0o644);
    expect(b.lstat('/l')).toBeUndefined();
    expect(fs.readFile('/etc/passwd')).toContain('root');
  });

  it('reports tmpfs directory sizes when asked', () => {
    const fs = new MemFs({ dirSize: 'tmpfs' });
    fs.writeFile('/null', '');
    expect(fs.stat('/')?.size).toBe(60);
  });
});
