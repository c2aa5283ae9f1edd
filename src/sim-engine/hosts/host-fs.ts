/**
 * A lab host's own file system: a small Debian 12 server (what the real-Docker fixtures
 * were recorded on, and a common Docker host) with bash, the GNU tools,
 * curl, the docker CLI and the `lab` command, root's home as the working directory.
 * The lesson's files (Dockerfile, stack.yml, html/) are put in root's home.
 */
import { MemFs } from '../fs/mem-fs.ts';
import { HOST_OS } from '../machine.ts';

export const HOST_HOME = '/root';

export interface HostFsOptions {
  hostname: string;
  ip: string;
  now: () => number;
  /** names of the GNU utilities to install in /usr/bin */
  utilities: readonly string[];
  /** files of the lab folder, relative to root's home */
  files?: Record<string, string>;
}

const OS_RELEASE = HOST_OS.osRelease;

const PASSWD = `root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
bin:x:2:2:bin:/bin:/usr/sbin/nologin
sys:x:3:3:sys:/dev:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
`;

const GROUP = `root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
docker:x:999:
nogroup:x:65534:
`;

const BASHRC = `# ~/.bashrc: executed by bash(1) for non-login shells.
export PS1='\\u@\\h:\\w\\$ '
`;

/** Programs that are not GNU utilities, with the tag their file carries. */
const SPECIAL: Record<string, string> = {
  '/usr/bin/bash': 'bash',
  '/usr/bin/dash': 'sh@dash',
  '/usr/bin/docker': 'docker',
  '/usr/local/bin/lab': 'lab',
};

export function buildHostFs(options: HostFsOptions): MemFs {
  const fs = new MemFs({ now: options.now });
  for (const dir of [
    '/usr/bin',
    '/usr/sbin',
    '/usr/local/bin',
    '/usr/lib',
    '/etc',
    '/tmp',
    '/var/lib/docker',
    '/var/run',
    '/var/log',
    '/home',
    '/opt',
    '/srv',
    '/mnt',
    '/dev',
    '/proc',
    '/run',
  ]) {
    fs.mkdir(dir, { parents: true });
  }
  fs.chmod('/tmp', 0o1777);
  fs.mkdir(HOST_HOME, { mode: 0o700 });
  // merged /usr, as Debian 12 has it
  fs.symlink('usr/bin', '/bin');
  fs.symlink('usr/sbin', '/sbin');
  fs.symlink('usr/lib', '/lib');
  for (const name of options.utilities) {
    fs.writeFile(`/usr/bin/${name}`, '\x7fELF', { mode: 0o755, program: `${name}@gnu`, size: 142_312 });
  }
  for (const [path, tag] of Object.entries(SPECIAL)) {
    fs.writeFile(path, '\x7fELF', {
      mode: 0o755,
      program: tag,
      size: tag === 'docker' ? 38_215_832 : 1_446_024,
    });
  }
  fs.symlink('dash', '/usr/bin/sh');
  fs.writeFile('/etc/hostname', `${options.hostname}\n`);
  fs.writeFile(
    '/etc/hosts',
    `127.0.0.1\tlocalhost\n${options.ip}\t${options.hostname}\n\n# The following lines are desirable for IPv6 capable hosts\n::1     ip6-localhost ip6-loopback\nfe00::0 ip6-localnet\nff00::0 ip6-mcastprefix\nff02::1 ip6-allnodes\nff02::2 ip6-allrouters\n`,
  );
  fs.writeFile('/etc/resolv.conf', 'nameserver 10.0.0.2\nsearch .\n');
  fs.writeFile('/etc/os-release', OS_RELEASE);
  fs.writeFile('/etc/passwd', PASSWD);
  fs.writeFile('/etc/group', GROUP);
  fs.writeFile(`${HOST_HOME}/.bashrc`, BASHRC);
  fs.writeFile('/var/run/docker.sock', '', { mode: 0o660 });
  for (const [rel, text] of Object.entries(options.files ?? {})) {
    const path = `${HOST_HOME}/${rel}`;
    fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', { parents: true });
    fs.writeFile(path, text);
  }
  return fs;
}
