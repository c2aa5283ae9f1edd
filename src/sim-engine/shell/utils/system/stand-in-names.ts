/**
 * Programs the images carry that Dockyard does not simulate. Each answers that it is
 * not simulated (system/stand-ins.ts) rather than failing inside the kernel. Kept in
 * one list so a program can move out of it when it gets a real implementation.
 */
export const UNSIMULATED: readonly string[] = `
  b2sum base32 basenc chcon cksum comm csplit dd dir dircolors expand factor fmt fold hostid install join
  link mkfifo mknod numfmt pathchk pinky pr ptx runcon sha224sum sha384sum sha512sum sha3sum shred shuf split
  stdbuf stty sum tsort unexpand users vdir who tar gzip gunzip gzexe zcat zcmp zdiff zegrep zfgrep zforce
  zgrep zless zmore znew uncompress diff diff3 sdiff cmp mount umount dmesg findmnt lsblk mountpoint wdctl
  flock getopt setsid nsenter unshare renice ionice chrt taskset prlimit lscpu whereis su logger script
  scriptreplay wall mesg ipcs ipcrm lsipc lslocks lsns lsmem choom fallocate mcookie namei setarch linux32
  linux64 setterm agetty blkid blkdiscard blockdev chcpu ctrlaltdel findfs fsck fsck.minix fsfreeze fstrim
  hwclock isosize losetup mkfs mkfs.bfs mkfs.minix mkswap pivot_root runuser sulogin swaplabel swapoff swapon
  switch_root wipefs zramctl run-parts savelog ischroot tempfile infocmp tabs tic toe tput tset reset getconf
  iconv ldd locale localedef pldd tzselect zdump catchsegv apt-cdrom apt-config apt-key apt-mark chgpasswd
  chpasswd cppw groupdel groupmems groupmod grpck grpconv grpunconv newusers pwck pwconv pwunconv userdel
  usermod vigr vipw chage chfn chsh expiry gpasswd passwd bbconfig chattr dnsdomainname dumpkmap fatattr
  fdflush fsync iostat ipcalc kbd_mode lsattr lzop makemime mpstat pipe_progress reformime setpriv setserial
  acpid adjtimex depmod fbsplash fdisk getty halt ifdown ifenslave ifup init inotifyd insmod klogd loadkmap
  logread lsmod mdev mkdosfs mkfs.vfat modinfo modprobe nameif nologin poweroff raidautorun reboot rmmod
  setconsole slattach syslogd tunctl udhcpc vconfig watchdog bc beep bunzip2 bzcat bzip2 cal chvt cpio
  crontab cryptpw dc deallocvt dos2unix eject fuser hd hexdump last lsof lsusb lzcat lzma microcom
  mkpasswd nmeter openvt pmap pscan pwdx resize setkeycodes showkey strings time traceroute traceroute6
  ttysize udhcpc6 unix2dos unlzma unxz uudecode uuencode vlock volname whois xxd xzcat add-shell arping
  brctl chroot crond delgroup deluser ether-wake fbset killall5 loadfont nanddump nandwrite nbd-client ntpd
  partprobe rdate rdev readahead remove-shell rfkill sendmail setfont setlogcons iprule iptunnel ipneigh
  iproute iplink
  ld-musl lib ldconfig scanelf ssl_client ar ed ftpget ftpput patch telnetd tftp dpkg-deb dpkg-divert
  dpkg-maintscript-helper dpkg-query dpkg-realpath dpkg-split dpkg-statoverride dpkg-trigger
  update-alternatives start-stop-daemon invoke-rc.d update-rc.d service pam-auth-update perl gpgv unminimize
  coreutils microdnf rpm gpg-agent dirmngr sq hg svn sftp ssh-add ssh-agent w cc c++ cpp pkg-config ld as
  autoconf automake libtool convert
`
  .split(/\s+/)
  .filter((n) => n !== '');
