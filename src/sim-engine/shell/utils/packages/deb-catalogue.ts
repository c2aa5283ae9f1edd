/**
 * What apt knows about the archive of the image it runs in: the Debian trixie data
 * of debian-trixie.ts, presented as Debian or Ubuntu (noble) by /etc/os-release.
 *
 * Differs from Ubuntu: noble's dependency graph is trixie's; only the versions of the
 * packages learners ask for by name are noble's (from noble-updates, 2025).
 */
import type { FileSystem } from '../../../fs/types.ts';
import { distroOf } from '../support/distro.ts';
import { TRIXIE_BASE, TRIXIE_PACKAGES, TRIXIE_PROVIDES } from './debian-trixie.ts';

export interface DebPackage {
  name: string;
  version: string;
  arch: string;
  multiArch: boolean;
  size: number;
  installedKiB: number;
  depends: string[][];
  recommends: string[][];
  rank: number;
  /** the archive section it comes from, as Get: lines show it (`trixie/main`) */
  component: string;
}

export interface Flavour {
  id: 'debian' | 'ubuntu';
  codename: string;
  /** `http://deb.debian.org/debian` */
  mirror: string;
  /** Get: lines of a first `apt-get update`: [url suite, size text] */
  indexes: [string, string][];
  fetchedKb: number;
  libcBin: string;
  caCertificates: string;
  /** files and directories dpkg knows of in the fresh image */
  baseFiles: number;
  overrides: Readonly<Record<string, string>>;
}

const NOBLE_VERSIONS: Record<string, string> = {
  curl: '8.5.0-2ubuntu10.6',
  libcurl4t64: '8.5.0-2ubuntu10.6',
  wget: '1.21.4-1ubuntu4.1',
  procps: '2:4.0.4-4ubuntu3.2',
  'libproc2-0': '2:4.0.4-4ubuntu3.2',
  'iputils-ping': '3:20240117-1ubuntu0.1',
  iproute2: '6.1.0-1ubuntu6.2',
  'net-tools': '2.10-0.1ubuntu4.4',
  vim: '2:9.1.0016-1ubuntu7.9',
  'vim-runtime': '2:9.1.0016-1ubuntu7.9',
  nano: '7.2-2ubuntu0.1',
  git: '1:2.43.0-1ubuntu7.3',
  python3: '3.12.3-0ubuntu2',
  nodejs: '18.19.1+dfsg-6ubuntu5',
  less: '590-2ubuntu2.1',
  'ca-certificates': '20240203',
  openssl: '3.0.13-0ubuntu3.6',
  jq: '1.7.1-3ubuntu0.24.04.1',
  unzip: '6.0-28ubuntu4.1',
  'bind9-dnsutils': '1:9.18.39-0ubuntu0.24.04.2',
};

export function flavourOf(fs: FileSystem): Flavour {
  const d = distroOf(fs);
  if (d.id === 'ubuntu') {
    const codename = d.codename || 'noble';
    return {
      id: 'ubuntu',
      codename,
      mirror: 'http://archive.ubuntu.com/ubuntu',
      indexes: [
        [`http://archive.ubuntu.com/ubuntu ${codename} InRelease`, '256 kB'],
        [`http://security.ubuntu.com/ubuntu ${codename}-security InRelease`, '126 kB'],
        [`http://archive.ubuntu.com/ubuntu ${codename}-updates InRelease`, '126 kB'],
        [`http://archive.ubuntu.com/ubuntu ${codename}-backports InRelease`, '126 kB'],
        [`http://archive.ubuntu.com/ubuntu ${codename}/universe amd64 Packages`, '19.3 MB'],
        [`http://archive.ubuntu.com/ubuntu ${codename}/main amd64 Packages`, '1808 kB'],
        [`http://archive.ubuntu.com/ubuntu ${codename}/restricted amd64 Packages`, '117 kB'],
        [`http://archive.ubuntu.com/ubuntu ${codename}/multiverse amd64 Packages`, '331 kB'],
        [`http://security.ubuntu.com/ubuntu ${codename}-security/main amd64 Packages`, '1458 kB'],
        [`http://archive.ubuntu.com/ubuntu ${codename}-updates/main amd64 Packages`, '1785 kB'],
      ],
      fetchedKb: 25_800,
      libcBin: '2.39-0ubuntu8.6',
      caCertificates: '20240203',
      baseFiles: 4381,
      overrides: NOBLE_VERSIONS,
    };
  }
  const codename = d.codename || 'trixie';
  return {
    id: 'debian',
    codename,
    mirror: 'http://deb.debian.org/debian',
    indexes: [
      [`http://deb.debian.org/debian ${codename} InRelease`, '140 kB'],
      [`http://deb.debian.org/debian ${codename}-updates InRelease`, '47.3 kB'],
      [`http://deb.debian.org/debian-security ${codename}-security InRelease`, '43.4 kB'],
      [`http://deb.debian.org/debian ${codename}/main amd64 Packages`, '9679 kB'],
      [`http://deb.debian.org/debian ${codename}-updates/main amd64 Packages`, '5412 B'],
      [`http://deb.debian.org/debian-security ${codename}-security/main amd64 Packages`, '276 kB'],
    ],
    fetchedKb: 10_190,
    libcBin: '2.41-12+deb13u5',
    caCertificates: '20250419+deb13u1',
    baseFiles: 5644,
    overrides: {},
  };
}

const split = (text: string): string[][] => (text === '' ? [] : text.split(' ').map((alt) => alt.split('|')));

let byName: Map<string, DebPackage> | undefined;

function catalogue(): Map<string, DebPackage> {
  byName ??= new Map(
    TRIXIE_PACKAGES.map(([name, version, arch, multiArch, size, installedKiB, depends, recommends], rank) => [
      name,
      {
        name,
        version,
        arch,
        multiArch: multiArch === 1,
        size,
        installedKiB,
        depends: split(depends),
        recommends: split(recommends),
        rank,
        component: 'main',
      },
    ]),
  );
  return byName;
}

/** A package as this flavour's archive has it. */
export function findPackage(name: string, flavour: Flavour): DebPackage | undefined {
  const pkg = catalogue().get(name);
  if (!pkg) return undefined;
  const version = flavour.overrides[name];
  return version ? { ...pkg, version, component: flavour.id === 'ubuntu' ? 'main' : pkg.component } : pkg;
}

/** The real package behind a virtual or transitional name (`dnsutils` → `bind9-dnsutils`). */
export function providerOf(name: string): string | undefined {
  return TRIXIE_PROVIDES[name];
}

export const BASE_PACKAGES: ReadonlySet<string> = new Set(TRIXIE_BASE);

/** trixie packages noble does not have (noble's procps and iputils need no sysctl defaults). */
const NOT_IN_NOBLE: ReadonlySet<string> = new Set([
  'linux-sysctl-defaults',
  'sqv',
  'openssl-provider-legacy',
]);

/**
 * Everything to install for `targets`: their Depends and Recommends, recursively,
 * less what is installed; in apt's unpack order.
 */
export function closure(
  targets: string[],
  installed: (name: string) => boolean,
  flavour: Flavour,
  withRecommends = true,
): DebPackage[] {
  const out = new Map<string, DebPackage>();
  // the first alternative already there, else the first the archive has (a virtual name through its provider)
  const pickAlternative = (alts: string[]) => {
    const real = alts.map((a) => (findPackage(a, flavour) || installed(a) ? a : (providerOf(a) ?? a)));
    const pick = real.find((a) => installed(a) || out.has(a)) ?? real.find((a) => findPackage(a, flavour));
    if (pick) visit(pick);
  };
  const visit = (name: string) => {
    if (out.has(name) || installed(name)) return;
    if (flavour.id === 'ubuntu' && NOT_IN_NOBLE.has(name)) return;
    const pkg = findPackage(name, flavour);
    if (!pkg) return;
    out.set(name, pkg);
    for (const alts of pkg.depends) pickAlternative(alts);
    if (withRecommends) for (const alts of pkg.recommends) pickAlternative(alts);
  };
  for (const t of targets) visit(t);
  return [...out.values()].sort((a, b) => a.rank - b.rank);
}
