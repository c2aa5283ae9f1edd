/**
 * What apt and dpkg remember in the file system: the package lists of the last
 * `apt-get update` (/var/lib/apt/lists) and the installed packages
 * (/var/lib/dpkg/status, on top of the image's base set, which the images carry
 * without a dpkg database). A fresh image has no lists, so `apt-get install` before
 * `apt-get update` cannot locate anything, as on Docker Hub's images.
 */
import type { FileSystem } from '../../../fs/types.ts';
import { BASE_PACKAGES } from './deb-catalogue.ts';
import type { DebPackage, Flavour } from './deb-catalogue.ts';

const LISTS = '/var/lib/apt/lists';
const STATUS = '/var/lib/dpkg/status';

export function listsPresent(fs: FileSystem): boolean {
  try {
    return fs.readdir(LISTS).some((n) => n.endsWith('_Packages'));
  } catch {
    return false;
  }
}

/** The list files `apt-get update` leaves, named as apt names them. */
export function writeLists(fs: FileSystem, flavour: Flavour): void {
  fs.mkdir(`${LISTS}/partial`, { parents: true });
  for (const [url] of flavour.indexes) {
    const [base, suite, ...rest] = url.split(' ');
    const host = base!.replace(/^https?:\/\//, '').replace(/\//g, '_');
    const name =
      rest[0] === 'InRelease'
        ? `${host}_dists_${suite}_InRelease`
        : `${host}_dists_${suite!.replace('/', '_')}_binary-amd64_Packages`;
    fs.writeFile(`${LISTS}/${name}`, `# ${url}\n`);
  }
}

export function installedPackages(fs: FileSystem): Map<string, string> {
  const installed = new Map<string, string>();
  for (const name of BASE_PACKAGES) installed.set(name, '');
  let text: string;
  try {
    text = fs.readFile(STATUS);
  } catch {
    return installed;
  }
  for (const block of text.split('\n\n')) {
    const name = /^Package: (.+)$/m.exec(block)?.[1];
    if (!name) continue;
    if (/^Status: install ok installed$/m.test(block))
      installed.set(name, /^Version: (.+)$/m.exec(block)?.[1] ?? '');
    else installed.delete(name);
  }
  return installed;
}

export function recordInstalled(fs: FileSystem, pkgs: DebPackage[]): void {
  fs.mkdir('/var/lib/dpkg', { parents: true });
  const entries = pkgs
    .map(
      (p) =>
        `Package: ${p.name}\nStatus: install ok installed\nArchitecture: ${p.arch}\nVersion: ${p.version}\n\n`,
    )
    .join('');
  fs.writeFile(STATUS, entries, { append: true });
}

export function recordRemoved(fs: FileSystem, names: string[]): void {
  fs.mkdir('/var/lib/dpkg', { parents: true });
  fs.writeFile(STATUS, names.map((n) => `Package: ${n}\nStatus: deinstall ok config-files\n\n`).join(''), {
    append: true,
  });
}
