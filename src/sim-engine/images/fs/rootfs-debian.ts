/**
 * Debian and Ubuntu root file systems as their images ship them (debuerreotype's
 * minbase; Canonical's ubuntu-base): GNU coreutils, grep, sed, tar, gzip, findutils,
 * diffutils, dash as /bin/sh, bash, util-linux, apt and dpkg, and no procps, curl,
 * wget, ping, ip, vim or less. Merged /usr (bookworm, trixie, Ubuntu 22.04+) puts the
 * binaries in /usr/bin with /bin → usr/bin; buster and bullseye keep /bin.
 * Abridged: shared libraries, locales, docs, man pages and dpkg's database are left out.
 */
import { LayerBuilder, words } from './layer-builder.ts';
import {
  DEBIAN_BASHRC,
  DEBIAN_GROUP,
  DEBIAN_PASSWD,
  DEBIAN_PROFILE,
  DEBIAN_SHELLS,
  debianOsRelease,
  debianSources,
  NSSWITCH,
  ubuntuOsRelease,
} from './etc-texts.ts';
import { shadowOf } from './rootfs-alpine.ts';
import type { LayerEntry } from '../types.ts';

/** Programs by package, with their variant tag and (for the big ones) their size. */
const COREUTILS = words(`[ arch b2sum base32 base64 basename basenc cat chcon chgrp chmod chown cksum comm cp
  csplit cut date dd df dir dircolors dirname du echo env expand expr factor false fmt fold groups head hostid
  id install join link ln logname ls md5sum mkdir mkfifo mknod mktemp mv nice nl nohup nproc numfmt od paste
  pathchk pinky pr printenv printf ptx pwd readlink realpath rm rmdir runcon seq sha1sum sha224sum sha256sum
  sha384sum sha512sum shred shuf sleep sort split stat stdbuf stty sum sync tac tail tee test timeout touch tr
  true truncate tsort tty uname unexpand uniq unlink users vdir wc who whoami yes`);
const GNU_OTHER = words(`grep egrep fgrep sed tar gzip gunzip gzexe zcat zcmp zdiff zegrep zfgrep zforce zgrep
  zless zmore znew uncompress find xargs diff diff3 sdiff cmp`);
const UTIL_LINUX = words(`more mount umount dmesg findmnt lsblk mountpoint wdctl flock getopt setsid nsenter
  unshare renice ionice chrt taskset prlimit lscpu whereis su logger script scriptreplay wall mesg ipcs ipcrm
  lsipc lslocks lsns lsmem choom fallocate mcookie namei rev setarch linux32 linux64 setterm`);
const UTIL_LINUX_SBIN =
  words(`agetty blkid blkdiscard blockdev chcpu ctrlaltdel findfs fsck fsck.minix fsfreeze
  fstrim hwclock isosize losetup mkfs mkfs.bfs mkfs.minix mkswap pivot_root runuser sulogin swaplabel swapoff
  swapon switch_root wipefs zramctl`);
const DEBIANUTILS = words('which run-parts savelog ischroot tempfile');
const NCURSES = words('clear infocmp tabs tic toe tput tset reset');
const LIBC_BIN = words('getconf getent iconv ldd locale localedef pldd tzselect zdump catchsegv');
const APT = words('apt apt-cache apt-cdrom apt-config apt-get apt-key apt-mark');
const DPKG = words(
  'dpkg dpkg-deb dpkg-divert dpkg-maintscript-helper dpkg-query dpkg-realpath dpkg-split dpkg-statoverride dpkg-trigger update-alternatives',
);
const PASSWD_SBIN =
  words(`chgpasswd chpasswd cppw groupadd groupdel groupmems groupmod grpck grpconv grpunconv
  newusers pwck pwconv pwunconv useradd userdel usermod vigr vipw`);
const PASSWD_BIN = words('chage chfn chsh expiry gpasswd passwd');
const SBIN_OTHER = words(
  'ldconfig start-stop-daemon nologin invoke-rc.d update-rc.d service pam-auth-update',
);

const SIZES: Record<string, number> = {
  bash: 1_265_648,
  dash: 125_640,
  ls: 151_344,
  cp: 141_824,
  mv: 137_752,
  cat: 44_016,
  grep: 186_680,
  sed: 117_712,
  tar: 520_336,
  find: 224_848,
  perl: 3_975_248,
  dpkg: 305_728,
  apt: 18_824,
  'apt-get': 18_824,
  mount: 59_704,
  su: 72_000,
  sort: 121_888,
  date: 108_928,
};
const size = (name: string, fallback: number) => SIZES[name] ?? fallback;

/** Paths that stay in /bin and /sbin on a system without merged /usr. */
const BIN_RESIDENT = new Set(
  words(`bash cat chgrp chmod chown cp dash date dd df dir echo false ln ls mkdir mknod mktemp mv pwd readlink
  rm rmdir sh sleep stty sync touch true uname vdir grep egrep fgrep gzip gunzip gzexe zcat zcmp zdiff zegrep
  zfgrep zforce zgrep zless zmore znew uncompress sed tar hostname login su more mount umount mountpoint dmesg
  findmnt lsblk wdctl run-parts tempfile which`),
);

export interface DebianLike {
  distro: 'debian' | 'ubuntu';
  /** `trixie`, `noble`… */
  codename: string;
  osRelease: string;
  merged: boolean;
  debianVersion?: string;
  slim?: boolean;
}

export function debianFlavour(recipe: string): DebianLike {
  const [distro, arg] = recipe.split(':') as [string, string];
  if (distro === 'ubuntu') {
    const u: Record<string, [string, string, string]> = {
      '26.04': ['26.04 LTS', 'Resolute Raccoon', 'resolute'],
      '24.04': ['24.04.4 LTS', 'Noble Numbat', 'noble'],
      '22.04': ['22.04.5 LTS', 'Jammy Jellyfish', 'jammy'],
    };
    const [pretty, name, codename] = u[arg] ?? u['24.04']!;
    return {
      distro: 'ubuntu',
      codename,
      osRelease: ubuntuOsRelease(arg, pretty, name, codename),
      merged: true,
      debianVersion: `${codename === 'resolute' ? 'forky' : codename === 'noble' ? 'trixie' : 'bookworm'}/sid`,
    };
  }
  const suite = arg.replace('-slim', '');
  const d: Record<string, [string, string, boolean, boolean]> = {
    trixie: ['13', '13.4', true, true],
    bookworm: ['12', '12.13', true, false],
    bullseye: ['11', '11.11', false, false],
    buster: ['10', '10.13', false, false],
  };
  const [major, full, merged, hasFull] = d[suite] ?? d['trixie']!;
  return {
    distro: 'debian',
    codename: suite,
    osRelease: debianOsRelease(major, suite, hasFull ? full : undefined),
    merged,
    debianVersion: full,
    slim: arg.endsWith('-slim'),
  };
}

export function debianRootfs(f: DebianLike, mtime: number): LayerEntry[] {
  const b = new LayerBuilder(mtime);
  const binDir = (name: string, sbin = false) =>
    f.merged
      ? sbin
        ? '/usr/sbin'
        : '/usr/bin'
      : BIN_RESIDENT.has(name)
        ? sbin
          ? '/sbin'
          : '/bin'
        : sbin
          ? '/usr/sbin'
          : '/usr/bin';
  if (f.merged) {
    b.dirs(['/usr/bin', '/usr/sbin', '/usr/lib', '/usr/lib64']);
    b.link('/bin', 'usr/bin').link('/sbin', 'usr/sbin').link('/lib', 'usr/lib').link('/lib64', 'usr/lib64');
  } else {
    b.dirs(['/bin', '/sbin', '/lib', '/lib64', '/usr/bin', '/usr/sbin', '/usr/lib']);
  }
  b.dirs(['/boot', '/dev', '/etc', '/home', '/media', '/mnt', '/opt', '/proc', '/run', '/srv', '/sys']);
  b.dir('/root', { mode: 0o700 }).dir('/tmp', { mode: 0o1777 }).dir('/var/tmp', { mode: 0o1777 });
  b.dirs([
    '/usr/local/bin',
    '/usr/local/sbin',
    '/usr/local/lib',
    '/usr/local/share',
    '/usr/share',
    '/var/cache',
    '/var/lib/apt/lists',
    '/var/log',
    '/var/mail',
    '/var/spool',
  ]);

  const put = (names: readonly string[], tag: (n: string) => string, fallback: number, sbin = false) => {
    for (const n of names) b.bin(`${binDir(n, sbin)}/${n}`, tag(n), size(n, fallback));
  };
  put(COREUTILS, (n) => `${n}@gnu`, 55_000);
  put(['chroot'], (n) => `${n}@gnu`, 43_904, true);
  put(GNU_OTHER, (n) => `${n}@gnu`, 60_000);
  put(UTIL_LINUX, (n) => `${n}@util-linux`, 40_000);
  put(UTIL_LINUX_SBIN, (n) => `${n}@util-linux`, 40_000, true);
  put(['login'], (n) => n, 50_000);
  put(DEBIANUTILS, (n) => `${n}@debian`, 20_000);
  put(
    ['hostname', 'dnsdomainname', 'domainname', 'nisdomainname', 'ypdomainname'],
    () => 'hostname@debian',
    22_816,
  );
  put(NCURSES, (n) => `${n}@ncurses`, 30_000);
  put(LIBC_BIN, (n) => n, 40_000);
  put(APT, (n) => n, 30_000);
  put(DPKG, (n) => n, 60_000);
  put(PASSWD_SBIN, (n) => n, 80_000, true);
  put(PASSWD_BIN, (n) => n, 60_000);
  put(SBIN_OTHER, (n) => n, 30_000, true);
  put(['perl', 'gpgv', 'mawk'], (n) => n, 200_000);
  b.bin(`${binDir('bash')}/bash`, 'bash', size('bash', 0)).link(`${binDir('bash')}/rbash`, 'bash', 'bash');
  b.bin(`${binDir('dash')}/dash`, 'sh@dash', size('dash', 0)).link(`${binDir('sh')}/sh`, 'dash', 'sh@dash');
  b.link('/usr/bin/awk', '/etc/alternatives/awk', 'awk@mawk').link('/etc/alternatives/awk', '/usr/bin/mawk');
  b.link('/usr/bin/pager', '/etc/alternatives/pager', 'more@util-linux').link(
    '/etc/alternatives/pager',
    '/usr/bin/more',
  );
  if (f.merged) b.link('/usr/lib64/ld-linux-x86-64.so.2', '../lib/x86_64-linux-gnu/ld-linux-x86-64.so.2');
  b.bin('/usr/lib/x86_64-linux-gnu/libc.so.6', 'lib', 2_003_408);
  b.bin('/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2', 'lib', 236_616);

  b.file('/usr/lib/os-release', f.osRelease).link('/etc/os-release', '../usr/lib/os-release');
  if (f.debianVersion) b.file('/etc/debian_version', `${f.debianVersion}\n`);
  const passwd =
    f.distro === 'ubuntu'
      ? `${DEBIAN_PASSWD}ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash\n`
      : DEBIAN_PASSWD;
  const group = f.distro === 'ubuntu' ? `${DEBIAN_GROUP}ubuntu:x:1000:\n` : DEBIAN_GROUP;
  if (f.distro === 'ubuntu') b.dir('/home/ubuntu', { mode: 0o750, uid: 1000, gid: 1000 });
  b.file('/etc/passwd', passwd).file('/etc/group', group);
  b.file('/etc/shadow', shadowOf(passwd), { mode: 0o640, gid: 42 });
  b.file('/etc/shells', DEBIAN_SHELLS).file('/etc/nsswitch.conf', NSSWITCH);
  b.file('/etc/profile', PROFILE).file('/etc/bash.bashrc', BASH_BASHRC).dir('/etc/profile.d');
  b.file('/root/.bashrc', DEBIAN_BASHRC).file('/root/.profile', DEBIAN_PROFILE);
  b.file(
    '/etc/issue',
    f.distro === 'ubuntu'
      ? `${ubuntuIssue(f.osRelease)} \\n \\l\n\n`
      : `Debian GNU/Linux ${f.osRelease.match(/VERSION_ID="(\d+)"/)![1]} \\n \\l\n\n`,
  );
  b.file('/etc/host.conf', 'multi on\n')
    .file('/etc/timezone', 'Etc/UTC\n')
    .link('/etc/localtime', '/usr/share/zoneinfo/Etc/UTC');
  if (f.distro === 'debian') b.file('/etc/apt/sources.list.d/debian.sources', debianSources(f.codename));
  else b.file('/etc/apt/sources.list.d/ubuntu.sources', ubuntuSources(f.codename));
  b.dirs(['/etc/apt/apt.conf.d', '/etc/apt/preferences.d', '/etc/apt/trusted.gpg.d', '/var/lib/dpkg']);
  b.file(
    '/etc/apt/apt.conf.d/docker-clean',
    'DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };\n',
  );
  if (f.distro === 'ubuntu') b.script('/usr/local/sbin/unminimize', 'unminimize', UNMINIMIZE);
  return b.entries();
}

function ubuntuIssue(osRelease: string): string {
  return `Ubuntu ${osRelease.match(/PRETTY_NAME="Ubuntu ([^"]+)"/)![1]}`;
}

function ubuntuSources(codename: string): string {
  return (
    `Types: deb\nURIs: http://archive.ubuntu.com/ubuntu/\nSuites: ${codename} ${codename}-updates ${codename}-backports\n` +
    'Components: main universe restricted multiverse\nSigned-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg\n\n' +
    `Types: deb\nURIs: http://security.ubuntu.com/ubuntu/\nSuites: ${codename}-security\n` +
    'Components: main universe restricted multiverse\nSigned-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg\n'
  );
}

const PROFILE = `# /etc/profile: system-wide .profile file for the Bourne shell (sh(1))
# and Bourne compatible shells (bash(1), ksh(1), ash(1), ...).

if [ "$(id -u)" -eq 0 ]; then
  PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
else
  PATH="/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games"
fi
export PATH

if [ "\${PS1-}" ]; then
  if [ "\${BASH-}" ] && [ "$BASH" != "/bin/sh" ]; then
    # The file bash.bashrc already sets the default PS1.
    # PS1='\\h:\\w\\$ '
    if [ -f /etc/bash.bashrc ]; then
      . /etc/bash.bashrc
    fi
  else
    if [ "$(id -u)" -eq 0 ]; then
      PS1='# '
    else
      PS1='$ '
    fi
  fi
fi

if [ -d /etc/profile.d ]; then
  for i in /etc/profile.d/*.sh; do
    if [ -r $i ]; then
      . $i
    fi
  done
  unset i
fi
`;

const BASH_BASHRC = `# System-wide .bashrc file for interactive bash(1) shells.

# If not running interactively, don't do anything
[ -z "\${PS1-}" ] && return

# check the window size after each command and, if necessary,
# update the values of LINES and COLUMNS.
shopt -s checkwinsize

# set a fancy prompt (non-color, overwrite the one in /etc/profile)
PS1='\${debian_chroot:+($debian_chroot)}\\u@\\h:\\w\\$ '
`;

const UNMINIMIZE = `#!/bin/sh

set -e

echo "This system has been minimized by removing packages and content that are"
echo "not required on a system that users do not log into."
echo ""
echo "This script restores content and packages that are found on a default"
echo "Ubuntu server system in order to make this system more suitable for"
echo "interactive use."
`;
