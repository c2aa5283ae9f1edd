import { describe, expect, it } from 'vitest';
import type { Layer } from './layer.ts';
import { containerLower, LayerCache, OverlayFs } from './overlay-fs.ts';

const IMAGE_TIME = 1_767_225_600_000; // 2026-01-01
const RUN_TIME = 1_795_867_200_000;

/** A small alpine-like image in two layers, like the oracle's stand-in. */
const base: Layer = [
  { path: '/bin', kind: 'dir', mtime: IMAGE_TIME },
  { path: '/bin/busybox', kind: 'file', mode: 0o755, program: 'busybox', size: 1_000_000, mtime: IMAGE_TIME },
  { path: '/bin/sh', kind: 'symlink', target: '/bin/busybox', mtime: IMAGE_TIME },
  { path: '/etc', kind: 'dir', mtime: IMAGE_TIME },
  { path: '/etc/apk', kind: 'dir', mtime: IMAGE_TIME },
  { path: '/etc/apk/arch', kind: 'file', data: 'x86_64\n', mtime: IMAGE_TIME },
  { path: '/etc/group', kind: 'file', data: 'root:x:0:\n', mtime: IMAGE_TIME },
  { path: '/etc/passwd', kind: 'file', data: 'root:x:0:0:root:/root:/bin/sh\n', mtime: IMAGE_TIME },
  { path: '/root', kind: 'dir', mode: 0o700, mtime: IMAGE_TIME },
  { path: '/tmp', kind: 'dir', mode: 0o1777, mtime: IMAGE_TIME },
  { path: '/var', kind: 'dir', mtime: IMAGE_TIME },
];
const app: Layer = [
  { path: '/etc', kind: 'dir', mtime: IMAGE_TIME + 1 },
  { path: '/etc/app.conf', kind: 'file', data: 'port=80\n', mtime: IMAGE_TIME + 1 },
  { path: '/etc/group', kind: 'whiteout' },
  { path: '/srv', kind: 'dir', mtime: IMAGE_TIME + 1 },
];

function container(cache = new LayerCache({ mtime: IMAGE_TIME })) {
  let now = RUN_TIME;
  const lower = cache.tree([
    { id: 'sha256:base', entries: base },
    { id: 'sha256:app', entries: () => app },
  ]);
  return { fs: new OverlayFs(lower, { now: () => now }), lower, cache, tick: () => (now += 1000) };
}

describe('LayerCache', () => {
  it('merges layers with whiteouts, and builds each chain once', () => {
    const cache = new LayerCache({ mtime: IMAGE_TIME });
    const a = container(cache).lower;
    const b = container(cache).lower;
    expect(a).toBe(b);
    expect(cache.size).toBe(3);
    const fs = new OverlayFs(a);
    expect(fs.readdir('/etc')).toEqual(['apk', 'app.conf', 'passwd']);
    expect(fs.readdir('/')).toEqual(['bin', 'etc', 'root', 'srv', 'tmp', 'var']);
    expect(a.layerIds).toEqual(['sha256:base', 'sha256:app']);
  });

  it('reports merged directories with one link, as overlayfs does', () => {
    const { fs } = container();
    expect(fs.stat('/')?.nlink).toBe(1);
    expect(fs.stat('/etc')?.nlink).toBe(1);
    expect(fs.stat('/bin')?.nlink).toBe(2);
    expect(fs.stat('/srv')?.nlink).toBe(2);
    fs.writeFile('/tmp/x', '');
    expect(fs.stat('/tmp')?.nlink).toBe(1);
  });
});

describe('OverlayFs', () => {
  it('leaves the image and other containers alone', () => {
    const one = container();
    const two = new OverlayFs(one.lower);
    one.fs.writeFile('/etc/passwd', 'changed');
    one.fs.rm('/etc/apk', { recursive: true });
    expect(two.readFile('/etc/passwd')).toContain('root:x:0:0');
    expect(two.readdir('/etc/apk')).toEqual(['arch']);
    expect(new OverlayFs(one.lower).changes()).toEqual([]);
  });

  it('has no changes and no diff until it writes', () => {
    const { fs } = container();
    fs.readFile('/etc/passwd');
    expect(fs.changes()).toEqual([]);
    expect(fs.diff()).toEqual([]);
  });

  it('gives the upper layer: copied-up directories, files, whiteouts', () => {
    const { fs } = container();
    fs.writeFile('/tmp/x', 'hi');
    fs.writeFile('/etc/passwd', 'more\n', { append: true });
    fs.rm('/etc/apk/arch');
    expect(fs.changes()).toEqual([
      { path: '/etc', kind: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: IMAGE_TIME + 1 },
      { path: '/etc/apk', kind: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: RUN_TIME },
      { path: '/etc/apk/arch', kind: 'whiteout' },
      {
        path: '/etc/passwd',
        kind: 'file',
        data: 'root:x:0:0:root:/root:/bin/sh\nmore\n',
        mode: 0o644,
        uid: 0,
        gid: 0,
        mtime: RUN_TIME,
      },
      { path: '/tmp', kind: 'dir', mode: 0o1777, uid: 0, gid: 0, mtime: RUN_TIME },
      { path: '/tmp/x', kind: 'file', data: 'hi', mode: 0o644, uid: 0, gid: 0, mtime: RUN_TIME },
    ]);
  });

  it('makes a directory removed and made again opaque', () => {
    const { fs } = container();
    fs.rm('/etc/apk', { recursive: true });
    fs.mkdir('/etc/apk');
    fs.writeFile('/etc/apk/new', '');
    const changes = fs.changes();
    expect(changes.map((e) => `${e.kind} ${e.path}`)).toEqual([
      'dir /etc',
      'opaque /etc/apk',
      'file /etc/apk/new',
    ]);
  });

  it('lists docker diff as dockerd does (recorded on a real engine)', () => {
    // docker run alpine sh -c 'touch /tmp/x /tmp/y; mkdir -p /var/a/b; touch /var/a/b/c;
    //   echo x >> /etc/passwd; rm -f /etc/group'  (on the base layer alone)
    const cache = new LayerCache({ mtime: IMAGE_TIME });
    const fs = new OverlayFs(cache.tree([{ id: 'base', entries: base }]), { now: () => RUN_TIME });
    fs.writeFile('/tmp/x', '');
    fs.writeFile('/tmp/y', '');
    fs.mkdir('/var/a/b', { parents: true });
    fs.writeFile('/var/a/b/c', '');
    fs.writeFile('/etc/passwd', 'x\n', { append: true });
    fs.rm('/etc/group');
    expect(fs.diff().map((d) => `${d.kind} ${d.path}`)).toEqual([
      'C /etc',
      'C /etc/passwd',
      'D /etc/group',
      'C /tmp',
      'A /tmp/x',
      'A /tmp/y',
      'C /var',
      'A /var/a',
      'A /var/a/b',
      'A /var/a/b/c',
    ]);
  });

  it('diffs a directory made again by its contents, not as deleted (recorded on a real engine)', () => {
    // docker run alpine sh -c 'rm -rf /etc/apk; mkdir /etc/apk' → C /etc, C /etc/apk, D /etc/apk/arch
    const { fs } = container();
    fs.rm('/etc/apk', { recursive: true });
    fs.mkdir('/etc/apk');
    expect(fs.diff()).toEqual([
      { kind: 'C', path: '/etc' },
      { kind: 'C', path: '/etc/apk' },
      { kind: 'D', path: '/etc/apk/arch' },
    ]);
  });

  it('does not count a directory time or a same-metadata copy-up as a change', () => {
    const { fs } = container();
    fs.chmod('/etc/passwd', 0o644);
    fs.utimes('/srv', RUN_TIME);
    expect(fs.diff()).toEqual([]);
    fs.chmod('/srv', 0o700);
    expect(fs.diff()).toEqual([{ kind: 'C', path: '/srv' }]);
  });

  it('lists a deleted directory once, and a renamed one as added', () => {
    const { fs } = container();
    fs.rename('/etc/apk', '/etc/apk2');
    expect(fs.diff().map((d) => `${d.kind} ${d.path}`)).toEqual([
      'C /etc',
      'A /etc/apk2',
      'A /etc/apk2/arch',
      'D /etc/apk',
    ]);
  });
});

describe('containerLower (the init layer)', () => {
  it('shows what a fresh container shows, and none of it in diff or commit', () => {
    const created = RUN_TIME - 5000;
    const image = container().lower;
    const fs = new OverlayFs(containerLower(image, created), { now: () => RUN_TIME });
    expect(fs.stat('/.dockerenv')).toMatchObject({ kind: 'file', mode: 0o755, size: 0, mtime: created });
    expect(fs.stat('/etc')).toMatchObject({ mtime: created, nlink: 1 });
    expect(fs.stat('/bin')).toMatchObject({ mtime: IMAGE_TIME, nlink: 2 });
    expect(fs.stat('/')?.mtime).toBe(created);
    expect(fs.readlink('/etc/mtab')).toBe('/proc/mounts');
    expect(fs.readdir('/')).toEqual([
      '.dockerenv',
      'bin',
      'dev',
      'etc',
      'proc',
      'root',
      'srv',
      'sys',
      'tmp',
      'var',
    ]);
    expect(fs.diff()).toEqual([]);
    expect(fs.changes()).toEqual([]);
    expect(fs.lower.initCreated).toBe(created);
    expect(new OverlayFs(image).stat('/.dockerenv')).toBeUndefined();
  });
});
