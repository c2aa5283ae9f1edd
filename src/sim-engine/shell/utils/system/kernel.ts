/**
 * The kernel every simulated node runs, as uname and /proc show it. One consistent
 * Linux 6.x string: an Ubuntu 24.04 HWE-less generic kernel, as on a cloud VM that runs
 * Docker. `docker info` should report the same release.
 */
export const KERNEL = {
  sysname: 'Linux',
  release: '6.8.0-88-generic',
  version: '#89-Ubuntu SMP PREEMPT_DYNAMIC Sat Oct 11 01:02:46 UTC 2025',
  machine: 'x86_64',
} as const;
