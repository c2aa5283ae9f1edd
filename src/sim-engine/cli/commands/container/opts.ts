/**
 * docker/cli cli/command/container/opts.go addFlags: the flags `docker run` and `docker create` share.
 */

import type { FlagSpec } from '../../flags.ts';
import { validateEnv } from '../opts/env.ts';
import { parseGpus } from '../opts/gpus.ts';
import { validateExtraHost } from '../opts/hosts.ts';
import { parseMount } from '../opts/mount.ts';
import { parseNetwork } from '../opts/network.ts';
import {
  memBytes,
  memSwapBytes,
  nanoCPUs,
  validateDNSSearch,
  validateIPAddress,
  validateLabel,
  validateLink,
  validateSysctl,
} from '../opts/opts.ts';
import { validateThrottleBpsDevice, validateThrottleIOpsDevice } from '../opts/throttledevice.ts';
import { parseUlimit } from '../opts/ulimit.ts';
import { validateWeightDevice } from '../opts/weightdevice.ts';

export const containerFlags: FlagSpec[] = [
  {
    name: 'add-host',
    type: 'list',
    usage: 'Add a custom host-to-IP mapping (host:ip)',
    parse: validateExtraHost,
  },
  {
    name: 'annotation',
    type: 'map',
    usage: 'Add an annotation to the container (passed through to the OCI runtime)',
    defValue: 'map[]',
    annotations: { version: ['1.43'] },
  },
  {
    name: 'attach',
    shorthand: 'a',
    type: 'list',
    usage: 'Attach to STDIN, STDOUT or STDERR',
    parse: validateAttach,
  },
  {
    name: 'blkio-weight',
    type: 'uint16',
    usage: 'Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)',
  },
  {
    name: 'blkio-weight-device',
    type: 'list',
    usage: 'Block IO weight (relative device weight)',
    defValue: '[]',
    parse: validateWeightDevice,
  },
  { name: 'cap-add', type: 'list', usage: 'Add Linux capabilities' },
  { name: 'cap-drop', type: 'list', usage: 'Drop Linux capabilities' },
  { name: 'cgroup-parent', type: 'string', usage: 'Optional parent cgroup for the container' },
  {
    name: 'cgroupns',
    type: 'string',
    usage: `Cgroup namespace to use (host|private)
'host':    Run the container in the Docker host's cgroup namespace
'private': Run the container in its own private cgroup namespace
'':        Use the cgroup namespace as configured by the
           default-cgroupns-mode option on the daemon (default)`,
    annotations: { version: ['1.41'] },
  },
  { name: 'cidfile', type: 'string', usage: 'Write the container ID to the file' },
  {
    name: 'cpu-count',
    type: 'int64',
    usage: 'CPU count (Windows only)',
    annotations: { ostype: ['windows'] },
  },
  {
    name: 'cpu-percent',
    type: 'int64',
    usage: 'CPU percent (Windows only)',
    annotations: { ostype: ['windows'] },
  },
  { name: 'cpu-period', type: 'int64', usage: 'Limit CPU CFS (Completely Fair Scheduler) period' },
  { name: 'cpu-quota', type: 'int64', usage: 'Limit CPU CFS (Completely Fair Scheduler) quota' },
  {
    name: 'cpu-rt-period',
    type: 'int64',
    usage: 'Limit CPU real-time period in microseconds',
    annotations: { version: ['1.25'] },
  },
  {
    name: 'cpu-rt-runtime',
    type: 'int64',
    usage: 'Limit CPU real-time runtime in microseconds',
    annotations: { version: ['1.25'] },
  },
  { name: 'cpu-shares', shorthand: 'c', type: 'int64', usage: 'CPU shares (relative weight)' },
  {
    name: 'cpus',
    type: 'decimal',
    usage: 'Number of CPUs',
    annotations: { version: ['1.25'] },
    parse: nanoCPUs,
  },
  { name: 'cpuset-cpus', type: 'string', usage: 'CPUs in which to allow execution (0-3, 0,1)' },
  { name: 'cpuset-mems', type: 'string', usage: 'MEMs in which to allow execution (0-3, 0,1)' },
  { name: 'device', type: 'list', usage: 'Add a host device to the container' },
  {
    name: 'device-cgroup-rule',
    type: 'list',
    usage: 'Add a rule to the cgroup allowed devices list',
    parse: validateDeviceCgroupRule,
  },
  {
    name: 'device-read-bps',
    type: 'list',
    usage: 'Limit read rate (bytes per second) from a device',
    defValue: '[]',
    parse: validateThrottleBpsDevice,
  },
  {
    name: 'device-read-iops',
    type: 'list',
    usage: 'Limit read rate (IO per second) from a device',
    defValue: '[]',
    parse: validateThrottleIOpsDevice,
  },
  {
    name: 'device-write-bps',
    type: 'list',
    usage: 'Limit write rate (bytes per second) to a device',
    defValue: '[]',
    parse: validateThrottleBpsDevice,
  },
  {
    name: 'device-write-iops',
    type: 'list',
    usage: 'Limit write rate (IO per second) to a device',
    defValue: '[]',
    parse: validateThrottleIOpsDevice,
  },
  { name: 'dns', type: 'list', usage: 'Set custom DNS servers', parse: validateIPAddress },
  { name: 'dns-opt', type: 'list', usage: 'Set DNS options', hidden: true },
  { name: 'dns-option', type: 'list', usage: 'Set DNS options' },
  { name: 'dns-search', type: 'list', usage: 'Set custom DNS search domains', parse: validateDNSSearch },
  { name: 'domainname', type: 'string', usage: 'Container NIS domain name' },
  { name: 'entrypoint', type: 'string', usage: 'Overwrite the default ENTRYPOINT of the image' },
  { name: 'env', shorthand: 'e', type: 'list', usage: 'Set environment variables', parse: validateEnv },
  { name: 'env-file', type: 'list', usage: 'Read in a file of environment variables' },
  { name: 'expose', type: 'list', usage: 'Expose a port or a range of ports' },
  {
    name: 'gpus',
    type: 'gpu-request',
    usage: "GPU devices to add to the container ('all' to pass all GPUs)",
    annotations: { version: ['1.40'] },
    parse: parseGpus,
    repeatable: true,
  },
  { name: 'group-add', type: 'list', usage: 'Add additional groups to join' },
  { name: 'health-cmd', type: 'string', usage: 'Command to run to check health' },
  {
    name: 'health-interval',
    type: 'duration',
    usage: 'Time between running the check (ms|s|m|h) (default 0s)',
  },
  { name: 'health-retries', type: 'int', usage: 'Consecutive failures needed to report unhealthy' },
  {
    name: 'health-start-interval',
    type: 'duration',
    usage: 'Time between running the check during the start period (ms|s|m|h) (default 0s)',
    annotations: { version: ['1.44'] },
  },
  {
    name: 'health-start-period',
    type: 'duration',
    usage:
      'Start period for the container to initialize before starting health-retries countdown (ms|s|m|h) (default 0s)',
    annotations: { version: ['1.29'] },
  },
  {
    name: 'health-timeout',
    type: 'duration',
    usage: 'Maximum time to allow one check to run (ms|s|m|h) (default 0s)',
  },
  { name: 'hostname', shorthand: 'h', type: 'string', usage: 'Container host name' },
  {
    name: 'init',
    type: 'bool',
    usage: 'Run an init inside the container that forwards signals and reaps processes',
    annotations: { version: ['1.25'] },
  },
  { name: 'interactive', shorthand: 'i', type: 'bool', usage: 'Keep STDIN open even if not attached' },
  {
    name: 'io-maxbandwidth',
    type: 'bytes',
    usage: 'Maximum IO bandwidth limit for the system drive (Windows only)',
    defValue: '0',
    annotations: { ostype: ['windows'] },
    parse: memBytes,
  },
  {
    name: 'io-maxiops',
    type: 'uint64',
    usage: 'Maximum IOps limit for the system drive (Windows only)',
    annotations: { ostype: ['windows'] },
  },
  { name: 'ip', type: 'string', usage: 'IPv4 address (e.g., 172.30.100.104)' },
  { name: 'ip6', type: 'string', usage: 'IPv6 address (e.g., 2001:db8::33)' },
  { name: 'ipc', type: 'string', usage: 'IPC mode to use' },
  { name: 'isolation', type: 'string', usage: 'Container isolation technology' },
  { name: 'kernel-memory', type: 'bytes', usage: 'Kernel memory limit', defValue: '0', parse: memBytes },
  {
    name: 'label',
    shorthand: 'l',
    type: 'list',
    usage: 'Set meta data on a container',
    parse: validateLabel,
  },
  { name: 'label-file', type: 'list', usage: 'Read in a line delimited file of labels' },
  { name: 'link', type: 'list', usage: 'Add link to another container', parse: validateLink },
  { name: 'link-local-ip', type: 'list', usage: 'Container IPv4/IPv6 link-local addresses' },
  { name: 'log-driver', type: 'string', usage: 'Logging driver for the container' },
  { name: 'log-opt', type: 'list', usage: 'Log driver options' },
  { name: 'mac-address', type: 'string', usage: 'Container MAC address (e.g., 92:d0:c6:0a:29:33)' },
  { name: 'memory', shorthand: 'm', type: 'bytes', usage: 'Memory limit', defValue: '0', parse: memBytes },
  { name: 'memory-reservation', type: 'bytes', usage: 'Memory soft limit', defValue: '0', parse: memBytes },
  {
    name: 'memory-swap',
    type: 'bytes',
    usage: "Swap limit equal to memory plus swap: '-1' to enable unlimited swap",
    defValue: '0',
    parse: memSwapBytes,
  },
  {
    name: 'memory-swappiness',
    type: 'int64',
    usage: 'Tune container memory swappiness (0 to 100)',
    defValue: '-1',
  },
  {
    name: 'mount',
    type: 'mount',
    usage: 'Attach a filesystem mount to the container',
    parse: parseMount,
    repeatable: true,
  },
  {
    name: 'net',
    type: 'network',
    usage: 'Connect a container to a network',
    hidden: true,
    parse: parseNetwork,
    repeatable: true,
  },
  { name: 'net-alias', type: 'list', usage: 'Add network-scoped alias for the container', hidden: true },
  {
    name: 'network',
    type: 'network',
    usage: 'Connect a container to a network',
    parse: parseNetwork,
    repeatable: true,
  },
  { name: 'network-alias', type: 'list', usage: 'Add network-scoped alias for the container' },
  { name: 'no-healthcheck', type: 'bool', usage: 'Disable any container-specified HEALTHCHECK' },
  { name: 'oom-kill-disable', type: 'bool', usage: 'Disable OOM Killer' },
  { name: 'oom-score-adj', type: 'int', usage: "Tune host's OOM preferences (-1000 to 1000)" },
  { name: 'pid', type: 'string', usage: 'PID namespace to use' },
  { name: 'pids-limit', type: 'int64', usage: 'Tune container pids limit (set -1 for unlimited)' },
  { name: 'privileged', type: 'bool', usage: 'Give extended privileges to this container' },
  { name: 'publish', shorthand: 'p', type: 'list', usage: "Publish a container's port(s) to the host" },
  { name: 'publish-all', shorthand: 'P', type: 'bool', usage: 'Publish all exposed ports to random ports' },
  { name: 'read-only', type: 'bool', usage: "Mount the container's root filesystem as read only" },
  {
    name: 'restart',
    type: 'string',
    usage: 'Restart policy to apply when a container exits',
    defValue: 'no',
  },
  {
    name: 'rm',
    type: 'bool',
    usage: 'Automatically remove the container and its associated anonymous volumes when it exits',
  },
  { name: 'runtime', type: 'string', usage: 'Runtime to use for this container' },
  { name: 'security-opt', type: 'list', usage: 'Security Options' },
  { name: 'shm-size', type: 'bytes', usage: 'Size of /dev/shm', defValue: '0', parse: memBytes },
  { name: 'stop-signal', type: 'string', usage: 'Signal to stop the container' },
  {
    name: 'stop-timeout',
    type: 'int',
    usage: 'Timeout (in seconds) to stop a container',
    annotations: { version: ['1.25'] },
  },
  { name: 'storage-opt', type: 'list', usage: 'Storage driver options for the container' },
  { name: 'sysctl', type: 'map', usage: 'Sysctl options', defValue: 'map[]', parse: validateSysctl },
  { name: 'tmpfs', type: 'list', usage: 'Mount a tmpfs directory' },
  { name: 'tty', shorthand: 't', type: 'bool', usage: 'Allocate a pseudo-TTY' },
  {
    name: 'ulimit',
    type: 'ulimit',
    usage: 'Ulimit options',
    defValue: '[]',
    parse: parseUlimit,
    repeatable: true,
  },
  {
    name: 'user',
    shorthand: 'u',
    type: 'string',
    usage: 'Username or UID (format: <name|uid>[:<group|gid>])',
  },
  { name: 'userns', type: 'string', usage: 'User namespace to use' },
  { name: 'uts', type: 'string', usage: 'UTS namespace to use' },
  { name: 'volume', shorthand: 'v', type: 'list', usage: 'Bind mount a volume' },
  { name: 'volume-driver', type: 'string', usage: 'Optional volume driver for the container' },
  { name: 'volumes-from', type: 'list', usage: 'Mount volumes from the specified container(s)' },
  { name: 'workdir', shorthand: 'w', type: 'string', usage: 'Working directory inside the container' },
];

const deviceCgroupRuleRegexp = /^[acb] ([0-9]+|\*):([0-9]+|\*) [rwm]{1,3}$/;

/** validateDeviceCgroupRule: `--device-cgroup-rule 'c 1:3 mr'` */
export function validateDeviceCgroupRule(val: string): string {
  if (deviceCgroupRuleRegexp.test(val)) return val;
  throw new Error(`invalid device cgroup format '${val}'`);
}

/** validateAttach: `-a stdin|stdout|stderr`, any case, kept lowercase */
export function validateAttach(val: string): string {
  const s = val.toLowerCase();
  if (s === 'stdin' || s === 'stdout' || s === 'stderr') return s;
  throw new Error('valid streams are STDIN, STDOUT and STDERR');
}
