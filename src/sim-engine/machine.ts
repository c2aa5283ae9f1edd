/**
 * The machine every lab node is: a Debian 12 (bookworm) server — what the real-Docker
 * fixtures were recorded on, and a common Docker host — with Docker CE 28 from
 * download.docker.com. uname, /etc/os-release, `docker info` and the programs that
 * print the kernel (nginx, redis) all read it here, so they agree.
 */
export const KERNEL = {
  sysname: 'Linux',
  release: '6.1.0-41-amd64',
  version: '#1 SMP PREEMPT_DYNAMIC Debian 6.1.158-1 (2025-11-09)',
  machine: 'x86_64',
} as const;

export const HOST_OS = {
  prettyName: 'Debian GNU/Linux 12 (bookworm)',
  versionId: '12',
  osRelease: `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`,
} as const;
