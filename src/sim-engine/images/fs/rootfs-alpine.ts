/**
 * alpine's minirootfs and the busybox image: BusyBox applets as symlinks to
 * /bin/busybox (alpine) or as copies of it (the busybox image, where they are hard
 * links), tagged `<applet>@busybox`. Alpine adds apk and musl; it has no bash.
 * Abridged: libraries beyond musl/ssl/zlib, terminfo, and apk's database are left out.
 */
import { LayerBuilder, words } from './layer-builder.ts';
import {
  ALPINE_GROUP,
  ALPINE_PASSWD,
  ALPINE_PROFILE,
  alpineOsRelease,
  alpineRepositories,
  BUSYBOX_GROUP,
  BUSYBOX_PASSWD,
} from './etc-texts.ts';
import type { LayerEntry } from '../types.ts';

/** `busybox --list-full` of alpine's busybox, by directory. */
export const ALPINE_APPLETS: Record<string, readonly string[]> = {
  '/bin': words(`arch ash base64 bbconfig cat chattr chgrp chmod chown cp date dd df dmesg dnsdomainname
    dumpkmap echo egrep false fatattr fdflush fgrep fsync getopt grep gunzip gzip hostname ionice iostat
    ipcalc kbd_mode kill link linux32 linux64 ln login ls lsattr lzop makemime mkdir mknod mktemp more
    mount mountpoint mpstat mv netstat nice pidof ping ping6 pipe_progress printenv ps pwd reformime rev
    rm rmdir run-parts sed setpriv setserial sh sleep stat stty su sync tar touch true umount uname usleep
    watch zcat`),
  '/sbin': words(`acpid adjtimex arp blkid blockdev depmod fbsplash fdisk findfs fsck fstrim getty halt
    hwclock ifconfig ifdown ifenslave ifup init inotifyd insmod ip ipaddr iplink ipneigh iproute iprule
    iptunnel klogd loadkmap logread losetup lsmod mdev mkdosfs mkfs.vfat mkswap modinfo modprobe nameif
    nologin pivot_root poweroff raidautorun reboot rmmod route setconsole slattach swapoff swapon
    switch_root sysctl syslogd tunctl udhcpc vconfig watchdog`),
  '/usr/bin': words(`[ [[ basename bc beep blkdiscard bunzip2 bzcat bzip2 cal chvt cksum clear cmp comm cpio
    crontab cryptpw cut dc deallocvt diff dirname dos2unix du eject env expand expr factor fallocate find
    flock fold free fuser hd head hexdump hostid iconv id install ipcrm ipcs killall last less logger lsof
    lsusb lzcat lzma md5sum mesg microcom mkfifo mkpasswd nc nl nmeter nohup nproc nsenter nslookup od
    openvt paste pgrep pkill pmap printf pscan pstree pwdx readlink realpath renice reset resize seq
    setkeycodes setsid sha1sum sha256sum sha3sum sha512sum showkey shred shuf sort split strings sum tac
    tail tee test time timeout top tr traceroute traceroute6 truncate tty ttysize udhcpc6 unexpand uniq
    unix2dos unlink unlzma unshare unxz unzip uptime uudecode uuencode vi vlock volname wc wget which
    whoami whois xargs xxd xzcat yes`),
  '/usr/sbin': words(`add-shell addgroup adduser arping brctl chpasswd chroot crond delgroup deluser
    ether-wake fbset killall5 loadfont nanddump nandwrite nbd-client ntpd partprobe rdate rdev readahead
    remove-shell rfkill sendmail setfont setlogcons`),
};

const FHS = [
  '/dev',
  '/home',
  '/lib',
  '/media',
  '/mnt',
  '/opt',
  '/proc',
  '/run',
  '/srv',
  '/sys',
  '/usr/local/bin',
];

export function alpineRootfs(version: string, mtime: number): LayerEntry[] {
  const b = new LayerBuilder(mtime);
  b.dirs([
    '/bin',
    '/etc',
    ...FHS,
    '/sbin',
    '/usr/bin',
    '/usr/sbin',
    '/usr/lib',
    '/usr/share',
    '/var/cache',
    '/var/log',
  ]);
  b.dir('/root', { mode: 0o700 }).dir('/tmp', { mode: 0o1777 }).dir('/var/tmp', { mode: 0o1777 });
  b.dirs([
    '/usr/local/lib',
    '/usr/local/share',
    '/var/empty',
    '/var/lib',
    '/var/lock',
    '/var/opt',
    '/var/spool',
  ]);
  b.bin('/bin/busybox', 'busybox', 808_712);
  for (const [dir, applets] of Object.entries(ALPINE_APPLETS)) {
    for (const a of applets) b.link(`${dir}/${a}`, '/bin/busybox', `${a}@busybox`);
  }
  b.bin('/lib/ld-musl-x86_64.so.1', 'ld-musl', 657_760);
  b.link('/lib/libc.musl-x86_64.so.1', 'ld-musl-x86_64.so.1');
  b.bin('/usr/lib/libz.so.1.3.1', 'lib', 100_848).link('/usr/lib/libz.so.1', 'libz.so.1.3.1');
  b.bin('/usr/lib/libcrypto.so.3', 'lib', 4_657_768).bin('/usr/lib/libssl.so.3', 'lib', 620_992);
  b.bin('/sbin/apk', 'apk', 76_288).bin('/usr/lib/libapk.so.2.14.0', 'lib', 236_856);
  b.bin('/sbin/ldconfig', 'ldconfig@musl', 393).bin('/usr/bin/getconf', 'getconf@musl', 34_680);
  b.bin('/usr/bin/getent', 'getent@musl', 26_264).bin('/usr/bin/ldd', 'ldd@musl', 53);
  b.bin('/usr/bin/scanelf', 'scanelf', 80_912).bin('/usr/bin/ssl_client', 'ssl_client', 14_256);
  b.file('/etc/alpine-release', `${version}\n`);
  b.file('/usr/lib/os-release', alpineOsRelease(version)).link('/etc/os-release', '../usr/lib/os-release');
  b.file('/etc/passwd', ALPINE_PASSWD).file('/etc/group', ALPINE_GROUP);
  b.file('/etc/shadow', shadowOf(ALPINE_PASSWD, 'root:*'), { mode: 0o640, gid: 42 });
  b.file('/etc/profile', ALPINE_PROFILE).dir('/etc/profile.d');
  b.file('/etc/shells', '# valid login shells\n/bin/sh\n/bin/ash\n');
  b.file('/etc/motd', ALPINE_MOTD).file('/etc/issue', ALPINE_ISSUE);
  b.file('/etc/apk/arch', 'x86_64\n').file('/etc/apk/repositories', alpineRepositories(version));
  b.file(
    '/etc/apk/world',
    'alpine-baselayout\nalpine-keys\nalpine-release\napk-tools\nbusybox\nlibc-utils\n',
  );
  b.file('/etc/ssl/certs/ca-certificates.crt', '# ca-certificates bundle (abridged)\n');
  b.file(
    '/etc/fstab',
    '/dev/cdrom\t/media/cdrom\tiso9660\tnoauto,ro 0 0\n/dev/usbdisk\t/media/usb\tvfat\tnoauto,ro 0 0\n',
  );
  return b.entries();
}

const ALPINE_MOTD = `Welcome to Alpine!

The Alpine Wiki contains a large amount of how-to guides and general
information about administrating Alpine systems.
See <https://wiki.alpinelinux.org/>.

You can setup the system with the command: setup-alpine

You may change this message by editing /etc/motd.

`;
const ALPINE_ISSUE = 'Welcome to Alpine Linux 3.24\nKernel \\r on \\m (\\l)\n\n';

/** /etc/shadow for a passwd file: every account locked (`*` or `!`). */
export function shadowOf(passwd: string, root = 'root:*'): string {
  return passwd
    .trim()
    .split('\n')
    .map((line) => {
      const name = line.split(':')[0]!;
      return name === 'root' ? `${root}::0:::::` : `${name}:!::0:::::`;
    })
    .join('\n')
    .concat('\n');
}

/** The busybox image: one binary under every applet name (hard links in the real image). */
export function busyboxRootfs(libc: string, mtime: number): LayerEntry[] {
  const b = new LayerBuilder(mtime);
  const size = libc === 'glibc' ? 1_131_168 : libc === 'musl' ? 913_472 : 1_009_352;
  b.dirs(['/bin', '/dev', '/etc', '/home', '/lib', '/usr/sbin', '/var/spool/mail', '/var/www']);
  b.dir('/root', { mode: 0o700 }).dir('/tmp', { mode: 0o1777 });
  b.link('/lib64', 'lib').link('/usr/bin', '../bin');
  b.bin('/bin/busybox', 'busybox', size);
  const applets = new Set(Object.values(ALPINE_APPLETS).flat());
  for (const extra of words('httpd telnet telnetd tftp ftpget ftpput nslookup ed patch ar unzip'))
    applets.add(extra);
  for (const a of [...applets].sort()) b.bin(`/bin/${a}`, `${a}@busybox`, size);
  if (libc === 'glibc') {
    b.bin('/lib/libc.so.6', 'lib', 2_003_408).bin('/lib/libm.so.6', 'lib', 952_552);
    b.bin('/lib/libresolv.so.2', 'lib', 68_104).bin('/lib/libnss_files.so.2', 'lib', 14_472);
    b.bin('/lib/ld-linux-x86-64.so.2', 'lib', 236_616);
  }
  b.file('/etc/passwd', BUSYBOX_PASSWD).file('/etc/group', BUSYBOX_GROUP);
  b.file('/etc/shadow', shadowOf(BUSYBOX_PASSWD), { mode: 0o640 });
  b.file('/etc/localtime', 'TZif2 UTC\n').file('/etc/nsswitch.conf', 'hosts: files dns\n');
  return b.entries();
}
