/**
 * What a lab node is, as dockerd reports it: a Docker CE 28.5.2 engine from
 * download.docker.com on a Debian 12 server (machine.ts; cgroup v2 with
 * the systemd driver, overlay2 on ext4, AppArmor), started with `-H fd://` and
 * `-H tcp://0.0.0.0:2375` the way Play with Docker's nodes listen. `docker info` and
 * `docker version` read these; they are one place so they agree with each other.
 */

import { HOST_OS, KERNEL } from '../../machine.ts';

/** `uname -r` of the lab hosts. */
export const KERNEL_VERSION = KERNEL.release;
/** PRETTY_NAME and VERSION_ID of /etc/os-release (hosts/host-fs.ts writes the same). */
export const OPERATING_SYSTEM = HOST_OS.prettyName;
export const OS_VERSION = HOST_OS.versionId;
export const ARCHITECTURE = KERNEL.machine;

/** daemon/graphdriver/overlay2 on ext4: LayerStoreStatus(). */
export const DRIVER_STATUS: [string, string][] = [
  ['Backing Filesystem', 'extfs'],
  ['Supports d_type', 'true'],
  ['Using metacopy', 'false'],
  ['Native Overlay Diff', 'true'],
  ['userxattr', 'false'],
];

/** Built-in drivers of a Linux dockerd 28 (volume, network and logging plugins). */
export const VOLUME_DRIVERS = ['local'];
export const NETWORK_DRIVERS = ['bridge', 'host', 'ipvlan', 'macvlan', 'null', 'overlay'];
export const LOG_DRIVERS = [
  'awslogs',
  'fluentd',
  'gcplogs',
  'gelf',
  'journald',
  'json-file',
  'local',
  'splunk',
  'syslog',
];

/** config.Root and the init binary a dockerd package installs. */
export const DOCKER_ROOT_DIR = '/var/lib/docker';
export const INIT_BINARY = 'docker-init';

/** CDI spec directories dockerd 28 reads by default. */
export const CDI_SPEC_DIRS = ['/etc/cdi', '/var/run/cdi'];

/** AppArmor, the engine's built-in seccomp profile, cgroup namespaces (cgroup v2). */
export const SECURITY_OPTIONS = ['name=apparmor', 'name=seccomp,profile=builtin', 'name=cgroupns'];

/** The insecure registry CIDRs every dockerd allows (loopback, IPv4 and IPv6). */
export const INSECURE_REGISTRY_CIDRS = ['::1/128', '127.0.0.0/8'];

export const CONTAINERD_ADDRESS = '/run/containerd/containerd.sock';

/** The addresses dockerd listens on besides its socket, as Play with Docker starts it. */
export const TCP_HOSTS = ['0.0.0.0:2375'];

/**
 * fillAPIInfo's warning for a TCP listener without TLS (moby daemon/info.go): every
 * `docker info` on such an engine ends with it on stderr.
 */
export function insecureTcpWarning(addr: string): string {
  return (
    `[DEPRECATION NOTICE]: API is accessible on http://${addr} without encryption.\n` +
    "         Access to the remote API is equivalent to root access on the host. Refer\n         to the 'Docker daemon attack surface' section in the documentation for\n         more information: https://docs.docker.com/go/attack-surface/\n" +
    'In future versions this will be a hard failure preventing the daemon from starting! Learn more at: https://docs.docker.com/go/api-security/'
  );
}
