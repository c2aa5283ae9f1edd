import { describe, expect, it } from 'vitest';
import { applyLayer, diffLayer, fromTarNames, toTarNames } from './layer.ts';
import type { Layer } from './layer.ts';
import { MemFs } from './mem-fs.ts';

function lower(): MemFs {
  const fs = new MemFs({ now: () => 100 });
  applyLayer(fs, [
    { path: '/etc/nginx/conf.d/default.conf', kind: 'file', data: 'server {}' },
    { path: '/etc/nginx/nginx.conf', kind: 'file', data: 'events {}' },
    { path: '/usr/share/nginx/html/index.html', kind: 'file', data: '<h1>Welcome</h1>' },
    { path: '/var/log/nginx', kind: 'dir' },
    { path: '/var/run', kind: 'symlink', target: '/run' },
    { path: '/run', kind: 'dir' },
  ]);
  return fs;
}

describe('applyLayer', () => {
  it('makes missing parents and sets metadata, times last', () => {
    const fs = new MemFs({ now: () => 999 });
    applyLayer(fs, [
      { path: '/a/b/c', kind: 'file', data: 'x', mode: 0o600, uid: 1, gid: 2, mtime: 5 },
      { path: '/a', kind: 'dir', mode: 0o700, mtime: 7 },
      { path: '/a/l', kind: 'symlink', target: 'b/c', mtime: 9, uid: 3 },
    ]);
    expect(fs.stat('/a')).toMatchObject({ mode: 0o700, mtime: 7 });
    expect(fs.stat('/a/b')).toMatchObject({ mode: 0o755, mtime: 999 });
    expect(fs.stat('/a/b/c')).toMatchObject({ mode: 0o600, uid: 1, gid: 2, mtime: 5, size: 1 });
    expect(fs.lstat('/a/l')).toMatchObject({ kind: 'symlink', mtime: 9, uid: 3 });
  });

  it('applies whiteouts and opaque directories to the layers below only', () => {
    const fs = lower();
    applyLayer(fs, [
      { path: '/etc/nginx/conf.d/site.conf', kind: 'file', data: 'new' },
      { path: '/etc/nginx/conf.d', kind: 'opaque', mode: 0o750 },
      { path: '/usr/share/nginx/html/index.html', kind: 'whiteout' },
      { path: '/usr/share/nginx/html/index.html', kind: 'file', data: 'mine' },
      { path: '/nothing/below', kind: 'whiteout' },
    ]);
    expect(fs.readdir('/etc/nginx/conf.d')).toEqual(['site.conf']);
    expect(fs.stat('/etc/nginx/conf.d')?.mode).toBe(0o750);
    expect(fs.readFile('/usr/share/nginx/html/index.html')).toBe('mine');
  });

  it('replaces a directory with a file and a symlink with a directory, without following it', () => {
    const fs = lower();
    applyLayer(fs, [
      { path: '/var/log/nginx', kind: 'file', data: 'now a file' },
      { path: '/var/run', kind: 'dir' },
    ]);
    expect(fs.readFile('/var/log/nginx')).toBe('now a file');
    expect(fs.lstat('/var/run')?.kind).toBe('dir');
    expect(fs.readdir('/run')).toEqual([]);
  });

  it('keeps program tags and sizes of simulated binaries', () => {
    const fs = new MemFs();
    applyLayer(fs, [
      { path: '/usr/sbin/nginx', kind: 'file', mode: 0o755, program: 'nginx', size: 1_300_000 },
    ]);
    expect(fs.stat('/usr/sbin/nginx')).toMatchObject({ program: 'nginx', size: 1_300_000, mode: 0o755 });
  });
});

describe('diffLayer', () => {
  it('lists what a writable layer changes over a file system, as docker diff', () => {
    const changes: Layer = [
      { path: '/var', kind: 'dir' },
      { path: '/var/log', kind: 'dir' },
      { path: '/var/log/nginx', kind: 'dir' },
      { path: '/var/log/nginx/access.log', kind: 'file', data: '' },
      { path: '/run', kind: 'dir', mtime: 200 },
      { path: '/run/nginx.pid', kind: 'file', data: '1\n' },
      { path: '/etc/nginx/nginx.conf', kind: 'whiteout' },
    ];
    expect(diffLayer(lower(), changes).map((d) => `${d.kind} ${d.path}`)).toEqual([
      'C /etc',
      'C /etc/nginx',
      'D /etc/nginx/nginx.conf',
      'C /run',
      'A /run/nginx.pid',
      'C /var',
      'C /var/log',
      'C /var/log/nginx',
      'A /var/log/nginx/access.log',
    ]);
  });

  it('does not change the lower file system', () => {
    const fs = lower();
    diffLayer(fs, [{ path: '/etc', kind: 'whiteout' }]);
    expect(fs.readdir('/etc')).toEqual(['nginx']);
  });
});

describe('tar names', () => {
  it('round-trips whiteouts and opaque directories through .wh. names', () => {
    const layer: Layer = [
      { path: '/etc/apk', kind: 'opaque', mode: 0o755 },
      { path: '/etc/apk/new', kind: 'file', data: '' },
      { path: '/tmp/gone', kind: 'whiteout' },
    ];
    const tar = toTarNames(layer);
    expect(tar.map((e) => e.path)).toEqual([
      '/etc/apk',
      '/etc/apk/.wh..wh..opq',
      '/etc/apk/new',
      '/tmp/.wh.gone',
    ]);
    expect(fromTarNames(tar)).toEqual([
      { path: '/etc/apk', kind: 'opaque', mode: 0o755 },
      { path: '/etc/apk/new', kind: 'file', data: '' },
      { path: '/tmp/gone', kind: 'whiteout' },
    ]);
  });
});
