/**
 * The init layer every container gets between its image and its writable layer, as
 * moby's daemon/initlayer makes it: empty placeholders for what the runtime mounts or
 * binds over (/proc, /sys, /dev/pts, /dev/shm, /etc/hosts, /etc/hostname,
 * /etc/resolv.conf, /dev/console), `/.dockerenv`, and `/etc/mtab → /proc/mounts`.
 *
 * The files are made with mode 0755 (moby opens them with 0755, which is why
 * `ls -l /.dockerenv` shows `-rwxr-xr-x`), and everything carries the container's
 * creation time, which is also what `/` and `/etc` show in the container. Being below
 * the writable layer, none of it appears in `docker diff` or `docker commit`.
 */
import type { Layer } from './layer.ts';

export function dockerInitLayer(created: number): Layer {
  const dir = (path: string) => ({ path, kind: 'dir' as const, mode: 0o755, uid: 0, gid: 0, mtime: created });
  const file = (path: string) => ({
    path,
    kind: 'file' as const,
    data: '',
    mode: 0o755,
    uid: 0,
    gid: 0,
    mtime: created,
  });
  return [
    dir('/'),
    file('/.dockerenv'),
    dir('/dev'),
    file('/dev/console'),
    dir('/dev/pts'),
    dir('/dev/shm'),
    dir('/etc'),
    file('/etc/hostname'),
    file('/etc/hosts'),
    { path: '/etc/mtab', kind: 'symlink', target: '/proc/mounts', uid: 0, gid: 0, mtime: created },
    file('/etc/resolv.conf'),
    dir('/proc'),
    dir('/sys'),
  ];
}
