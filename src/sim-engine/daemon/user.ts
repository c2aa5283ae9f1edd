/** Who a container's process runs as: `-u name`, `-u uid[:gid]`, looked up in the container's /etc/passwd. */
import type { FileSystem } from '../fs/types.ts';
import { colonTable } from '../shell/utils/support/users.ts';

export interface ResolvedUser {
  name: string;
  uid: number;
  gid: number;
  home: string;
}

/** The fields of each line of `path` (shared and cached: not to be changed). */
const table = colonTable;

/** Returns the user, or the error runc gives (`unable to find user x: no matching entries in passwd file`). */
export function resolveUser(fs: FileSystem, spec: string): ResolvedUser | { error: string } {
  const [userPart = '', groupPart] = (spec || 'root').split(':');
  const passwd = table(fs, '/etc/passwd');
  // no user given and no passwd file (a FROM scratch image): root, as runc's defaults
  if (!spec && passwd.length === 0) return { name: 'root', uid: 0, gid: 0, home: '/root' };
  let user: ResolvedUser;
  const byName = passwd.find((f) => f[0] === userPart);
  if (byName) {
    user = { name: byName[0]!, uid: Number(byName[2]), gid: Number(byName[3]), home: byName[5] || '/' };
  } else if (/^\d+$/.test(userPart)) {
    const uid = Number(userPart);
    const byUid = passwd.find((f) => Number(f[2]) === uid);
    user = byUid
      ? { name: byUid[0]!, uid, gid: Number(byUid[3]), home: byUid[5] || '/' }
      : { name: userPart, uid, gid: 0, home: '/' };
  } else {
    return { error: `unable to find user ${userPart}: no matching entries in passwd file` };
  }
  if (groupPart !== undefined && groupPart !== '') {
    const groups = table(fs, '/etc/group');
    const g = groups.find((f) => f[0] === groupPart);
    if (g) user.gid = Number(g[2]);
    else if (/^\d+$/.test(groupPart)) user.gid = Number(groupPart);
    else return { error: `unable to find group ${groupPart}: no matching entries in group file` };
  }
  return user;
}

/**
 * The environment of a container process (container.CreateDaemonEnvironment + runc):
 * PATH, HOSTNAME, TERM for a TTY, the configured variables (replacing or appended),
 * then HOME from the user's passwd entry when not set.
 */
export function containerEnvironment(
  configEnv: readonly string[],
  hostname: string,
  tty: boolean,
  home: string,
): Map<string, string> {
  const env = new Map<string, string>();
  env.set('PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
  env.set('HOSTNAME', hostname);
  if (tty) env.set('TERM', 'xterm');
  for (const kv of configEnv) {
    const eq = kv.indexOf('=');
    if (eq < 0) continue;
    env.set(kv.slice(0, eq), kv.slice(eq + 1));
  }
  if (!env.has('HOME')) env.set('HOME', home);
  return env;
}
