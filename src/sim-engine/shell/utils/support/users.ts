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

/**
 * The lines of the last few /etc/passwd and /etc/group texts read, split into fields:
 * ls -l, ps, docker top and every process that switches user read them again and
 * again, and they seldom change. Keyed by the text, so an edited file is read afresh.
 */
const tables = new Map<string, readonly (readonly string[])[]>();
const TABLES_KEPT = 16;

/** The colon-separated lines of `path` (comments and empty lines left out); [] when unreadable. */
export function colonTable(fs: FileSystem, path: string): readonly (readonly string[])[] {
  let text: string;
  try {
    text = fs.readFile(path);
  } catch {
    return [];
  }
  let lines = tables.get(text);
  if (!lines) {
    lines = text
      .split('\n')
      .filter((l) => l !== '' && !l.startsWith('#'))
      .map((l) => l.split(':'));
    if (tables.size >= TABLES_KEPT) tables.delete(tables.keys().next().value!);
    tables.set(text, lines);
  }
  return lines;
}

function passwdEntry(f: readonly string[]): PasswdEntry {
  return {
    name: f[0] ?? '',
    uid: Number(f[2]),
    gid: Number(f[3]),
    home: f[5] ?? '/',
    shell: f[6] ?? '/bin/sh',
  };
}

function groupEntry(f: readonly string[]): GroupEntry {
  return {
    name: f[0] ?? '',
    gid: Number(f[2]),
    members: (f[3] ?? '').split(',').filter((m) => m !== ''),
  };
}

export function passwd(fs: FileSystem): PasswdEntry[] {
  return colonTable(fs, '/etc/passwd').map(passwdEntry);
}

export function groups(fs: FileSystem): GroupEntry[] {
  return colonTable(fs, '/etc/group').map(groupEntry);
}

export function userByUid(fs: FileSystem, uid: number): PasswdEntry | undefined {
  const f = colonTable(fs, '/etc/passwd').find((f) => Number(f[2]) === uid);
  return f && passwdEntry(f);
}

export function userByName(fs: FileSystem, name: string): PasswdEntry | undefined {
  const f = colonTable(fs, '/etc/passwd').find((f) => (f[0] ?? '') === name);
  return f && passwdEntry(f);
}

export function groupByGid(fs: FileSystem, gid: number): GroupEntry | undefined {
  const f = colonTable(fs, '/etc/group').find((f) => Number(f[2]) === gid);
  return f && groupEntry(f);
}

export function groupByName(fs: FileSystem, name: string): GroupEntry | undefined {
  const f = colonTable(fs, '/etc/group').find((f) => (f[0] ?? '') === name);
  return f && groupEntry(f);
}

/** The user's name, or the number when /etc/passwd has no entry (as ls -l shows it). */
export function userLabel(fs: FileSystem, uid: number): string {
  return userByUid(fs, uid)?.name ?? String(uid);
}

export function groupLabel(fs: FileSystem, gid: number): string {
  return groupByGid(fs, gid)?.name ?? String(gid);
}
