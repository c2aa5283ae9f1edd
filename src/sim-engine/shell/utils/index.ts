/**
 * The external programs of a Linux system, by the name their executables are tagged
 * with in image and host file systems (`ls@gnu`, `ls@busybox`, `curl`, `apt-get`).
 * One explicit list, read top to bottom; the variant after `@` reaches each program
 * as ctx.variant (gnu, busybox, mawk, iputils, iproute2, bind, debian, ncurses…).
 */
import type { Program } from '../../process/types.ts';
import { basename, dirname } from './files/basename-dirname.ts';
import { cat } from './files/cat.ts';
import { chgrp, chmod, chown } from './files/chmod-chown.ts';
import { cp, mv } from './files/cp-mv.ts';
import { df, du } from './files/du-df.ts';
import { find } from './files/find.ts';
import { ln } from './files/ln.ts';
import { ls } from './files/ls.ts';
import { mkdir, rmdir } from './files/mkdir-rmdir.ts';
import { rm } from './files/rm.ts';
import { stat } from './files/stat.ts';
import { touch } from './files/touch.ts';
import { curl } from './net/curl.ts';
import { dig, getent, ip, ipaddr, nslookup } from './net/net-info.ts';
import { nc } from './net/nc.ts';
import { ping } from './net/ping.ts';
import { wget } from './net/wget.ts';
import { apk } from './packages/apk.ts';
import { apt, aptGet } from './packages/apt.ts';
import { date } from './system/date.ts';
import { env, printenv } from './system/env.ts';
import { free } from './system/free.ts';
import { hostname } from './system/hostname.ts';
import { id } from './system/id.ts';
import { kill } from './system/kill.ts';
import { clear, nproc, yes } from './system/misc.ts';
import { pgrep, pidof, pkill, sudo, uptime } from './system/proc-extras.ts';
import { ps } from './system/ps.ts';
import { top } from './system/top.ts';
import { sleep } from './system/sleep.ts';
import {
  fullScreen,
  git,
  lsbRelease,
  notSimulated,
  pager,
  updateCaCertificates,
} from './system/stand-ins.ts';
import { falseProgram, trueProgram } from './system/true-false.ts';
import { uname } from './system/uname.ts';
import { test } from './system/test.ts';
import { which } from './system/which.ts';
import { pwd, whoami } from './system/whoami-pwd.ts';
import { adduser, addgroup, groupadd, useradd } from './system/accounts.ts';
import { arch, groupsProgram, logname, nice, nohup, timeout, tty, usleep } from './system/run-tools.ts';
import { UNSIMULATED } from './system/stand-in-names.ts';
import { mktemp, readlink, realpath, sync, truncate, unlink } from './files/path-tools.ts';
import { aptCache, dpkg } from './packages/dpkg.ts';
import { md5sum, sha1sum, sha256sum } from './text/checksum.ts';
import { expr } from './text/expr.ts';
import { base64, nl, od, paste, rev, tac } from './text/text-extras.ts';
import { awk } from './text/awk.ts';
import { cut } from './text/cut.ts';
import { echo } from './text/echo.ts';
import { grep } from './text/grep.ts';
import { egrep, fgrep } from './text/grep-variants.ts';
import { head, tail } from './text/head-tail.ts';
import { printf } from './text/printf.ts';
import { sed } from './text/sed.ts';
import { seq } from './text/seq.ts';
import { sort } from './text/sort.ts';
import { tee } from './text/tee.ts';
import { tr } from './text/tr.ts';
import { uniq } from './text/uniq.ts';
import { wc } from './text/wc.ts';
import { xargs } from './text/xargs.ts';

export const utilities: ReadonlyArray<[name: string, program: Program]> = [
  // coreutils: shell basics
  ['true', trueProgram],
  ['false', falseProgram],
  ['echo', echo],
  ['printf', printf],
  ['pwd', pwd],
  ['sleep', sleep],
  ['yes', yes],
  ['env', env],
  ['printenv', printenv],
  ['id', id],
  ['whoami', whoami],
  ['uname', uname],
  ['nproc', nproc],
  ['date', date],
  ['tty', tty],
  ['arch', arch],
  ['groups', groupsProgram],
  ['timeout', timeout],
  ['nohup', nohup],
  ['nice', nice],
  ['expr', expr],
  ['test', test],
  ['[', test],
  ['[[', test],
  ['logname', logname],
  ['usleep', usleep],
  // coreutils: files
  ['ls', ls],
  ['cat', cat],
  ['mkdir', mkdir],
  ['rmdir', rmdir],
  ['rm', rm],
  ['cp', cp],
  ['mv', mv],
  ['ln', ln],
  ['touch', touch],
  ['chmod', chmod],
  ['chown', chown],
  ['chgrp', chgrp],
  ['stat', stat],
  ['du', du],
  ['df', df],
  ['basename', basename],
  ['dirname', dirname],
  ['readlink', readlink],
  ['realpath', realpath],
  ['mktemp', mktemp],
  ['unlink', unlink],
  ['truncate', truncate],
  ['sync', sync],
  // coreutils: text
  ['head', head],
  ['tail', tail],
  ['wc', wc],
  ['sort', sort],
  ['uniq', uniq],
  ['cut', cut],
  ['tr', tr],
  ['tee', tee],
  ['seq', seq],
  ['tac', tac],
  ['rev', rev],
  ['nl', nl],
  ['paste', paste],
  ['base64', base64],
  ['od', od],
  ['md5sum', md5sum],
  ['sha1sum', sha1sum],
  ['sha256sum', sha256sum],
  // grep, sed, awk, findutils
  ['grep', grep],
  ['egrep', egrep],
  ['fgrep', fgrep],
  ['sed', sed],
  ['awk', awk],
  ['mawk', awk],
  ['find', find],
  ['xargs', xargs],
  // hostname, debianutils, ncurses
  ['hostname', hostname],
  ['which', which],
  ['clear', clear],
  // procps, sudo
  ['ps', ps],
  ['kill', kill],
  ['free', free],
  ['pgrep', pgrep],
  ['pkill', pkill],
  ['pidof', pidof],
  ['uptime', uptime],
  ['top', top],
  ['sudo', sudo],
  // accounts: shadow (Debian, Ubuntu) and BusyBox (Alpine)
  ['useradd', useradd],
  ['groupadd', groupadd],
  ['adduser', adduser],
  ['addgroup', addgroup],
  // network
  ['curl', curl],
  ['wget', wget],
  ['ping', ping],
  ['ping6', ping],
  ['ip', ip],
  ['ipaddr', ipaddr],
  ['nc', nc],
  ['getent', getent],
  ['nslookup', nslookup],
  ['dig', dig],
  // package managers
  ['apt-get', aptGet],
  ['apt', apt],
  ['apk', apk],
  ['dpkg', dpkg],
  ['apt-cache', aptCache],
  // installed by packages, answered honestly
  ['less', pager],
  ['more', pager],
  ['git', git],
  ['lsb_release', lsbRelease],
  ['update-ca-certificates', updateCaCertificates],
  ['vi', fullScreen],
  ['vim', fullScreen],
  ['nano', fullScreen],
  ['htop', fullScreen],
  ['watch', fullScreen],
  ['netstat', notSimulated],
  ['ss', notSimulated],
  ['ifconfig', notSimulated],
  ['route', notSimulated],
  ['arp', notSimulated],
  ['host', notSimulated],
  ['jq', notSimulated],
  ['unzip', notSimulated],
  ['tree', notSimulated],
  ['file', notSimulated],
  ['telnet', notSimulated],
  ['gpg', notSimulated],
  ['login', notSimulated],
  ['openssl', notSimulated],
  ['vmstat', notSimulated],
  ['sysctl', notSimulated],
  ['killall', notSimulated],
  ['pstree', notSimulated],
  ['gcc', notSimulated],
  ['g++', notSimulated],
  ['make', notSimulated],
  ['zip', notSimulated],
  ['xz', notSimulated],
  ['ssh', notSimulated],
  ['scp', notSimulated],
  ['ssh-keygen', notSimulated],
  ['socat', notSimulated],
  ['locale-gen', notSimulated],
  ...UNSIMULATED.map((name): [string, Program] => [name, notSimulated]),
];
