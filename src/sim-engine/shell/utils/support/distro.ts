/**
 * Which distribution a file system holds, from /etc/os-release, for the tools whose
 * output differs between Debian, Ubuntu and Alpine (apt, uname, curl's version).
 */
import type { FileSystem } from '../../../fs/types.ts';

export interface Distro {
  id: string;
  versionId: string;
  codename: string;
}

export function distroOf(fs: FileSystem): Distro {
  let text = '';
  try {
    text = fs.readFile('/etc/os-release');
  } catch {
    try {
      text = fs.readFile('/usr/lib/os-release');
    } catch {
      // no os-release: the lab host of a bare test
    }
  }
  const field = (name: string) => new RegExp(`^${name}="?([^"\\n]*)"?$`, 'm').exec(text)?.[1] ?? '';
  return { id: field('ID'), versionId: field('VERSION_ID'), codename: field('VERSION_CODENAME') };
}
