/**
 * Putting a starting container's mounts in place: each volume (filled from the
 * image's files at that path the first time, as dockerd copies them), each host
 * directory, each tmpfs, over the container's root.
 */
import { MemFs } from '../fs/mem-fs.ts';
import { MountFs } from '../fs/mounts.ts';
import type { FileSystem } from '../fs/types.ts';
import type { Container } from './container.ts';
import type { Daemon } from './daemon.ts';

/** Copy a directory tree from one file system to another (volume pre-population). */
function copyTree(from: FileSystem, fromPath: string, to: FileSystem, toPath: string): void {
  const st = from.lstat(fromPath);
  if (!st) return;
  if (st.kind === 'dir') {
    if (!to.stat(toPath)) to.mkdir(toPath, { parents: true, mode: st.mode, uid: st.uid, gid: st.gid });
    for (const name of from.readdir(fromPath)) {
      copyTree(
        from,
        `${fromPath === '/' ? '' : fromPath}/${name}`,
        to,
        `${toPath === '/' ? '' : toPath}/${name}`,
      );
    }
  } else if (st.kind === 'symlink') {
    to.symlink(from.readlink(fromPath), toPath);
  } else {
    to.writeFile(toPath, from.readFile(fromPath), {
      mode: st.mode,
      uid: st.uid,
      gid: st.gid,
      program: st.program,
      size: st.program ? st.size : undefined,
    });
  }
}

export function attachMounts(d: Daemon, c: Container): void {
  if (c.mountPlans.length === 0 && c.dependencyFiles.length === 0) return;
  const root = c.rootfs;
  const fs = new MountFs(root);
  for (const plan of c.mountPlans) {
    const target = plan.point.Destination;
    if (!root.stat(target)) root.mkdir(target, { parents: true });
    switch (plan.source.kind) {
      case 'volume': {
        const volume = d.volumes.get(plan.point.Name!);
        const empty = volume.fs.readdir('/').length === 0;
        if (empty && plan.source.copyData && root.stat(target)?.kind === 'dir') {
          copyTree(root, target, volume.fs, '/');
        }
        fs.mount(target, volume.fs, { readOnly: plan.readOnly });
        break;
      }
      case 'bind':
        fs.mount(target, d.hostFs, { readOnly: plan.readOnly, root: plan.source.path });
        break;
      case 'tmpfs':
        fs.mount(target, new MemFs({ now: () => d.clock.now(), dirSize: 'tmpfs' }), {
          readOnly: plan.readOnly,
        });
        break;
    }
  }
  mountDependencies(d, c, fs);
  c.fs = fs;
}

/**
 * setupSecretDir and SecretMounts: a swarm task's secrets and configs written to one
 * tmpfs (files named by their place in the list, as moby names them by ID), each bound
 * read-only at its target, after the other mounts.
 */
function mountDependencies(d: Daemon, c: Container, fs: MountFs): void {
  if (c.dependencyFiles.length === 0) return;
  const tmpfs = new MemFs({ now: () => d.clock.now(), dirSize: 'tmpfs' });
  c.dependencyFiles.forEach((f, i) => {
    tmpfs.writeFile(`/${i}`, f.data, { mode: f.mode, uid: f.uid, gid: f.gid });
    fs.mount(f.target, tmpfs, { readOnly: true, root: `/${i}` });
  });
}
