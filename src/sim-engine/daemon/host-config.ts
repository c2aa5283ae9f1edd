/**
 * A container's HostConfig as the daemon stores it: what the client sent, with Go's
 * zero values for what it left out and the daemon's own defaults (daemon_unix.go
 * adaptContainerSettings, create_unix.go), so `docker inspect` shows what Docker 28
 * shows.
 */
import type { HostConfig } from '../api/types/container.ts';

/** oci.DefaultSpec().Linux.MaskedPaths of moby 28 (without the per-CPU thermal paths). */
export const DEFAULT_MASKED_PATHS = [
  '/proc/asound',
  '/proc/acpi',
  '/proc/interrupts',
  '/proc/kcore',
  '/proc/keys',
  '/proc/latency_stats',
  '/proc/timer_list',
  '/proc/timer_stats',
  '/proc/sched_debug',
  '/proc/scsi',
  '/sys/firmware',
  '/sys/devices/virtual/powercap',
];

export const DEFAULT_READONLY_PATHS = [
  '/proc/bus',
  '/proc/fs',
  '/proc/irq',
  '/proc/sys',
  '/proc/sysrq-trigger',
];

/** 64 MiB, config.DefaultShmSize */
export const DEFAULT_SHM_SIZE = 67108864;

export function normalizeHostConfig(input: Partial<HostConfig> | undefined): HostConfig {
  const h = input ?? {};
  let networkMode = h.NetworkMode ?? '';
  if (networkMode === '' || networkMode === 'default') networkMode = 'bridge';
  const memory = h.Memory ?? 0;
  const privileged = h.Privileged ?? false;
  const out: HostConfig = {
    Binds: h.Binds ?? null,
    ContainerIDFile: h.ContainerIDFile ?? '',
    LogConfig: { Type: h.LogConfig?.Type || 'json-file', Config: h.LogConfig?.Config ?? {} },
    NetworkMode: networkMode,
    PortBindings: h.PortBindings ?? {},
    RestartPolicy: {
      Name: h.RestartPolicy?.Name || 'no',
      MaximumRetryCount: h.RestartPolicy?.MaximumRetryCount ?? 0,
    },
    AutoRemove: h.AutoRemove ?? false,
    VolumeDriver: h.VolumeDriver ?? '',
    VolumesFrom: h.VolumesFrom ?? null,
    ConsoleSize: h.ConsoleSize ?? [0, 0],
    ...(h.Annotations ? { Annotations: h.Annotations } : {}),
    CapAdd: h.CapAdd ?? null,
    CapDrop: h.CapDrop ?? null,
    CgroupnsMode: h.CgroupnsMode || 'private',
    Dns: h.Dns ?? null,
    DnsOptions: h.DnsOptions ?? null,
    DnsSearch: h.DnsSearch ?? null,
    ExtraHosts: h.ExtraHosts ?? null,
    GroupAdd: h.GroupAdd ?? null,
    IpcMode: h.IpcMode || 'private',
    Cgroup: h.Cgroup ?? '',
    Links: h.Links ?? null,
    OomScoreAdj: h.OomScoreAdj ?? 0,
    PidMode: h.PidMode ?? '',
    Privileged: privileged,
    PublishAllPorts: h.PublishAllPorts ?? false,
    ReadonlyRootfs: h.ReadonlyRootfs ?? false,
    SecurityOpt: h.SecurityOpt ?? null,
    ...(h.StorageOpt ? { StorageOpt: h.StorageOpt } : {}),
    ...(h.Tmpfs ? { Tmpfs: h.Tmpfs } : {}),
    UTSMode: h.UTSMode ?? '',
    UsernsMode: h.UsernsMode ?? '',
    ShmSize: h.ShmSize || DEFAULT_SHM_SIZE,
    ...(h.Sysctls ? { Sysctls: h.Sysctls } : {}),
    Runtime: h.Runtime || 'runc',
    Isolation: h.Isolation ?? '',
    CpuShares: h.CpuShares ?? 0,
    Memory: memory,
    NanoCpus: h.NanoCpus ?? 0,
    CgroupParent: h.CgroupParent ?? '',
    BlkioWeight: h.BlkioWeight ?? 0,
    BlkioWeightDevice: h.BlkioWeightDevice ?? null,
    BlkioDeviceReadBps: h.BlkioDeviceReadBps ?? null,
    BlkioDeviceWriteBps: h.BlkioDeviceWriteBps ?? null,
    BlkioDeviceReadIOps: h.BlkioDeviceReadIOps ?? null,
    BlkioDeviceWriteIOps: h.BlkioDeviceWriteIOps ?? null,
    CpuPeriod: h.CpuPeriod ?? 0,
    CpuQuota: h.CpuQuota ?? 0,
    CpuRealtimePeriod: h.CpuRealtimePeriod ?? 0,
    CpuRealtimeRuntime: h.CpuRealtimeRuntime ?? 0,
    CpusetCpus: h.CpusetCpus ?? '',
    CpusetMems: h.CpusetMems ?? '',
    Devices: h.Devices ?? null,
    DeviceCgroupRules: h.DeviceCgroupRules ?? null,
    DeviceRequests: h.DeviceRequests ?? null,
    MemoryReservation: h.MemoryReservation ?? 0,
    // By default, MemorySwap is twice the memory limit.
    MemorySwap: memory > 0 && !h.MemorySwap ? memory * 2 : (h.MemorySwap ?? 0),
    // the CLI sends -1 when --memory-swappiness is not given: none (daemon.go fixMemorySwappiness)
    MemorySwappiness: h.MemorySwappiness === -1 ? null : (h.MemorySwappiness ?? null),
    OomKillDisable: h.OomKillDisable ?? false,
    // 0 or less is no limit, stored as none (postContainersCreate); the CLI sends 0 by default
    PidsLimit: h.PidsLimit !== undefined && h.PidsLimit !== null && h.PidsLimit > 0 ? h.PidsLimit : null,
    Ulimits: h.Ulimits ?? null,
    CpuCount: h.CpuCount ?? 0,
    CpuPercent: h.CpuPercent ?? 0,
    IOMaximumIOps: h.IOMaximumIOps ?? 0,
    IOMaximumBandwidth: h.IOMaximumBandwidth ?? 0,
    ...(h.Mounts && h.Mounts.length > 0 ? { Mounts: h.Mounts } : {}),
    MaskedPaths: h.MaskedPaths ?? (privileged ? null : [...DEFAULT_MASKED_PATHS]),
    ReadonlyPaths: h.ReadonlyPaths ?? (privileged ? null : [...DEFAULT_READONLY_PATHS]),
    ...(h.Init !== undefined && h.Init !== null ? { Init: h.Init } : {}),
  };
  return out;
}
