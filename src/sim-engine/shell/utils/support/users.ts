/**
 * Users and groups as the C library finds them: /etc/passwd and /etc/group in the
 * process's own file system (a container's, or the lab host's).
 */
import type { FileSystem } from '../../../fs/types.ts';

export interface PasswdEntry {
  name: string;
  uid: number;
  gid: number;
  home: string;
  shell: string;
}

export interface GroupEntry {
  name: string;
  gid: number;
  members: string[];
}

function readLines(fs: FileSystem, path: string): string[][] {
  try {
    return fs
      .readFile(path)
      .split('\n')
      .filter((l) => l !== '' && !l.startsWith('#'))
      .map((l) => l.split(':'));
  } catch {
    return [];
  }
}

export function passwd(fs: FileSystem): PasswdEntry[] {
  return readLines(fs, '/etc/passwd').map((f) => ({
    name: f[0] ?? '',
    uid: Number(f[2]),
    gid: Number(f[3]),
    home: f[5] ?? '/',
    shell: f[6] ?? '/bin/sh',
  }));
}

export function groups(fs: FileSystem): GroupEntry[] {
  return readLines(fs, '/etc/group').map((f) => ({
    name: f[0] ?? '',
    gid: Number(f[2]),
    members: (f[3] ?? '').split(',').filter((m) => m !== ''),
  }));
}

export function userByUid(fs: FileSystem, uid: number): PasswdEntry | undefined {
  return passwd(fs).find((u) => u.uid === uid);
}

export function userByName(fs: FileSystem, name: string): PasswdEntry | undefined {
  return passwd(fs).find((u) => u.name === name);
}

export function groupByGid(fs: FileSystem, gid: number): GroupEntry | undefined {
  return groups(fs).find((g) => g.gid === gid);
}

export function groupByName(fs: FileSystem, name: string): GroupEntry | undefined {
  return groups(fs).find((g) => g.name === name);
}

/** The user's name, or the number when /etc/passwd has no entry (as ls -l shows it). */
export function userLabel(fs: FileSystem, uid: number): string {
  return userByUid(fs, uid)?.name ?? String(uid);
}

export function groupLabel(fs: FileSystem, gid: number): string {
  return groupByGid(fs, gid)?.name ?? String(gid);
}
