import { describe, expect, it } from 'vitest';
import { MemFs } from './mem-fs.ts';
import { MountFs } from './mounts.ts';
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

function setup() {
  const root = new MemFs();
  root.mkdir('/etc');
  root.writeFile('/etc/hosts', '127.0.0.1 localhost\n');
  root.mkdir('/usr/share/nginx/html', { parents: true });
  root.writeFile('/usr/share/nginx/html/index.html', 'Welcome to nginx!');
  const volume = new MemFs();
  volume.writeFile('/db.sqlite', 'data');
  const host = new MemFs();
  host.mkdir('/home/me/site', { parents: true });
  host.writeFile('/home/me/site/index.html', '<h1>Mine</h1>');
  host.symlink('/etc/hosts', '/home/me/site/hosts-link');
  const hostsFile = new MemFs();
  hostsFile.writeFile('/hosts', '172.17.0.2 c0ffee\n');
  const fs = new MountFs(root);
  fs.mount('/data', volume);
  fs.mount('/usr/share/nginx/html', host, { root: '/home/me/site', readOnly: true });
  fs.mount('/etc/hosts', hostsFile, { root: '/hosts' });
  return { fs, root, volume, host };
}

describe('MountFs', () => {
  it('shows each mount at its target, hiding what is below', () => {
    const { fs, root } = setup();
    expect(fs.readFile('/usr/share/nginx/html/index.html')).toBe('<h1>Mine</h1>');
    expect(fs.readFile('/data/db.sqlite')).toBe('data');
    expect(fs.readFile('/etc/hosts')).toBe('172.17.0.2 c0ffee\n');
    expect(fs.readdir('/')).toEqual(['data', 'etc', 'usr']);
    expect(root.stat('/data')?.kind).toBe('dir');
  });

  it('writes through to the mounted file system', () => {
    const { fs, volume } = setup();
    fs.writeFile('/data/new', 'x');
    fs.mkdir('/data/sub/dir', { parents: true });
    expect(volume.readFile('/new')).toBe('x');
    expect(volume.stat('/sub/dir')?.kind).toBe('dir');
  });

  it('resolves absolute symlinks inside a mount in the container namespace', () => {
    const { fs } = setup();
    expect(fs.readFile('/usr/share/nginx/html/hosts-link')).toBe('172.17.0.2 c0ffee\n');
    expect(fs.realpath('/usr/share/nginx/html/hosts-link')).toBe('/etc/hosts');
    expect(fs.realpath('/data/../etc/./hosts')).toBe('/etc/hosts');
  });

  it('refuses writes to a read-only mount with EROFS', () => {
    const { fs } = setup();
    expect(code(() => fs.writeFile('/usr/share/nginx/html/x', ''))).toBe('EROFS');
    expect(code(() => fs.rm('/usr/share/nginx/html/index.html'))).toBe('EROFS');
    expect(code(() => fs.chmod('/usr/share/nginx/html/index.html', 0o600))).toBe('EROFS');
    expect(code(() => fs.mkdir('/usr/share/nginx/html/index.html'))).toBe('EEXIST');
    expect(code(() => fs.rm('/usr/share/nginx/html/missing'))).toBe('ENOENT');
  });

  it('renames within a mount but not across (EXDEV), nor a mount point (EBUSY)', () => {
    const { fs, volume } = setup();
    fs.rename('/data/db.sqlite', '/data/db2');
    expect(volume.readdir('/')).toEqual(['db2']);
    expect(code(() => fs.rename('/data/db2', '/etc/db2'))).toBe('EXDEV');
    expect(code(() => fs.rename('/data', '/data2'))).toBe('EBUSY');
    expect(code(() => fs.rename('/etc/hosts', '/etc/hosts2'))).toBe('EBUSY');
  });

  it('empties a mounted volume on rm -r and then fails on the mount point', () => {
    const { fs, volume } = setup();
    fs.mkdir('/data/d');
    expect(code(() => fs.rm('/data', { recursive: true, force: true }))).toBe('EBUSY');
    expect(volume.readdir('/')).toEqual([]);
    expect(code(() => fs.rm('/etc/hosts'))).toBe('EBUSY');
  });

  it('removes around mount points below a directory, and keeps them', () => {
    const { fs, root } = setup();
    root.writeFile('/usr/share/other', '');
    expect(code(() => fs.rm('/usr', { recursive: true }))).toBe('EROFS');
    expect(root.stat('/usr/share/other')).toBeUndefined();
    expect(fs.readFile('/usr/share/nginx/html/index.html')).toBe('<h1>Mine</h1>');
  });

  it('makes the whole root read-only for --read-only', () => {
    const fs = new MountFs(new MemFs(), { readOnly: true });
    fs.mount('/tmp', new MemFs());
    expect(code(() => fs.writeFile('/x', ''))).toBe('EROFS');
    fs.writeFile('/tmp/x', 'ok');
    expect(fs.readFile('/tmp/x')).toBe('ok');
  });

  it('stats across mounts, and says ENOTDIR and ENOENT where Linux does', () => {
    const { fs } = setup();
    expect(fs.stat('/data')?.kind).toBe('dir');
    expect(fs.stat('/etc/hosts')?.kind).toBe('file');
    expect(fs.lstat('/usr/share/nginx/html/hosts-link')?.kind).toBe('symlink');
    expect(code(() => fs.readFile('/etc/hosts/x'))).toBe('ENOTDIR');
    expect(code(() => fs.readFile('/nope/x'))).toBe('ENOENT');
    expect(fs.stat('/etc/hosts/')).toBeUndefined();
  });
});
