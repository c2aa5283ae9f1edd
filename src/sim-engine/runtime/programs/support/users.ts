/** Users from the container's /etc/passwd, for the programs that switch to one. */
import type { FileSystem } from '../../../fs/types.ts';
import { groupByName, userByName, userByUid } from '../../../shell/utils/support/users.ts';

export interface User {
  name: string;
  uid: number;
  gid: number;
}

/** `name`, `uid`, `name:group` or `uid:gid`, as gosu and setpriv take them. */
export function lookupUser(fs: FileSystem, spec: string): User | undefined {
  const [u, g] = spec.split(':') as [string, string | undefined];
  const entry = /^\d+$/.test(u) ? userByUid(fs, Number(u)) : userByName(fs, u);
  if (!entry && !/^\d+$/.test(u)) return undefined;
  const uid = entry?.uid ?? Number(u);
  let gid = entry?.gid ?? uid;
  if (g !== undefined && g !== '') gid = /^\d+$/.test(g) ? Number(g) : (groupByName(fs, g)?.gid ?? gid);
  return { name: entry?.name ?? String(uid), uid, gid };
}
