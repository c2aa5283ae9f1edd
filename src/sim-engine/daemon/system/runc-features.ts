/**
 * `runc features` of runc 1.3.3 on the lab's kernel: dockerd 28 runs it once and puts
 * the JSON text under each runc-based runtime's status in `GET /info`
 * (`org.opencontainers.runtime-spec.features`). Data only; field order is runc's
 * (runtime-spec specs-go/features).
 */
import { RUNC_COMMIT, RUNC_VERSION } from '../../api/version.ts';

const CAPABILITIES = [
  'CHOWN',
  'DAC_OVERRIDE',
  'DAC_READ_SEARCH',
  'FOWNER',
  'FSETID',
  'KILL',
  'SETGID',
  'SETUID',
  'SETPCAP',
  'LINUX_IMMUTABLE',
  'NET_BIND_SERVICE',
  'NET_BROADCAST',
  'NET_ADMIN',
  'NET_RAW',
  'IPC_LOCK',
  'IPC_OWNER',
  'SYS_MODULE',
  'SYS_RAWIO',
  'SYS_CHROOT',
  'SYS_PTRACE',
  'SYS_PACCT',
  'SYS_ADMIN',
  'SYS_BOOT',
  'SYS_NICE',
  'SYS_RESOURCE',
  'SYS_TIME',
  'SYS_TTY_CONFIG',
  'MKNOD',
  'LEASE',
  'AUDIT_WRITE',
  'AUDIT_CONTROL',
  'SETFCAP',
  'MAC_OVERRIDE',
  'MAC_ADMIN',
  'SYSLOG',
  'WAKE_ALARM',
  'BLOCK_SUSPEND',
  'AUDIT_READ',
  'PERFMON',
  'BPF',
  'CHECKPOINT_RESTORE',
].map((c) => `CAP_${c}`);

/** Mount options: each plain option, its `r` (recursive) form where runc has one, sorted. */
const MOUNT_OPTIONS = (
  'async atime bind defaults dev diratime dirsync exec iversion lazytime loud mand noatime nodev ' +
  'nodiratime noexec noiversion nolazytime nomand norelatime nostrictatime nosuid nosymfollow ' +
  'private ratime rbind rdev rdiratime relatime remount rexec rnoatime rnodev rnodiratime rnoexec ' +
  'rnorelatime rnostrictatime rnosuid rnosymfollow ro rprivate rrelatime rro rrw rshared rslave ' +
  'rstrictatime rsuid rsymfollow runbindable rw shared silent slave strictatime suid symfollow ' +
  'sync tmpcopyup unbindable'
).split(' ');

const SECCOMP_ARCHS = (
  'AARCH64 ARM LOONGARCH64 M68K MIPS MIPS64 MIPS64N32 MIPSEL MIPSEL64 MIPSEL64N32 PARISC PARISC64 ' +
  'PPC PPC64 PPC64LE RISCV64 S390 S390X SH SHEB X32 X86 X86_64'
)
  .split(' ')
  .map((a) => `SCMP_ARCH_${a}`);

const SECCOMP_FLAGS = [
  'SECCOMP_FILTER_FLAG_TSYNC',
  'SECCOMP_FILTER_FLAG_SPEC_ALLOW',
  'SECCOMP_FILTER_FLAG_LOG',
];

const FEATURES = {
  ociVersionMin: '1.0.0',
  ociVersionMax: '1.2.1',
  hooks: ['prestart', 'createRuntime', 'createContainer', 'startContainer', 'poststart', 'poststop'],
  mountOptions: MOUNT_OPTIONS,
  linux: {
    namespaces: ['cgroup', 'ipc', 'mount', 'network', 'pid', 'time', 'user', 'uts'],
    capabilities: CAPABILITIES,
    cgroup: { v1: true, v2: true, systemd: true, systemdUser: true, rdma: true },
    seccomp: {
      enabled: true,
      actions: [
        'ALLOW',
        'ERRNO',
        'KILL',
        'KILL_PROCESS',
        'KILL_THREAD',
        'LOG',
        'NOTIFY',
        'TRACE',
        'TRAP',
      ].map((a) => `SCMP_ACT_${a}`),
      operators: ['EQ', 'GE', 'GT', 'LE', 'LT', 'MASKED_EQ', 'NE'].map((o) => `SCMP_CMP_${o}`),
      archs: SECCOMP_ARCHS,
      knownFlags: SECCOMP_FLAGS,
      supportedFlags: SECCOMP_FLAGS,
    },
    apparmor: { enabled: true },
    selinux: { enabled: true },
    intelRdt: { enabled: true },
    mountExtensions: { idmap: { enabled: true } },
  },
  annotations: {
    'io.github.seccomp.libseccomp.version': '2.5.6',
    'org.opencontainers.runc.checkpoint.enabled': 'true',
    'org.opencontainers.runc.commit': RUNC_COMMIT,
    'org.opencontainers.runc.version': RUNC_VERSION,
  },
  potentiallyUnsafeConfigAnnotations: ['bundle', 'org.systemd.property.', 'org.criu.config'],
};

/** The compact JSON text dockerd stores (json.Marshal of runc's output). */
export const RUNC_FEATURES = JSON.stringify(FEATURES);
