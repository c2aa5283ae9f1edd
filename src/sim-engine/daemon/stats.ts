/**
 * `GET /containers/{id}/stats?stream=0`: one sample of the cgroup counters the CLI
 * turns into `docker stats` columns. The numbers are small, stable and plausible
 * (seeded per container), not measured: see docs/differences.md.
 */
import type { Container } from './container.ts';
import type { Daemon } from './daemon.ts';
import { rfc3339Nano } from './instant.ts';

function seeded(id: string, salt: number): number {
  let h = salt;
  for (let i = 0; i < 16; i++) h = (Math.imul(h, 31) + id.charCodeAt(i)) >>> 0;
  return h / 4294967296;
}

export function containerStats(d: Daemon, c: Container): Record<string, unknown> {
  const running = c.isRunning;
  const now = d.instant();
  const mem = running ? Math.floor(2_000_000 + seeded(c.id, 1) * 30_000_000) : 0;
  const cpuTotal = running
    ? Math.floor((d.clock.now() - (c.startedAt?.ms ?? 0)) * 1000 * (0.001 + seeded(c.id, 2) * 0.01))
    : 0;
  const systemUsage = d.clock.now() * 1_000_000 * d.ncpu;
  const netRx = running ? Math.floor(800 + seeded(c.id, 3) * 5000) : 0;
  const netTx = running ? Math.floor(seeded(c.id, 4) * 1000) : 0;
  const cpu = {
    cpu_usage: { total_usage: cpuTotal, usage_in_kernelmode: 0, usage_in_usermode: cpuTotal },
    system_cpu_usage: systemUsage,
    online_cpus: d.ncpu,
    throttling_data: { periods: 0, throttled_periods: 0, throttled_time: 0 },
  };
  const precpu = {
    cpu_usage: { total_usage: Math.floor(cpuTotal * 0.999), usage_in_kernelmode: 0, usage_in_usermode: 0 },
    system_cpu_usage: systemUsage - 1_000_000_000 * d.ncpu,
    online_cpus: d.ncpu,
    throttling_data: { periods: 0, throttled_periods: 0, throttled_time: 0 },
  };
  return {
    name: c.name,
    id: c.id,
    read: running ? rfc3339Nano(now) : '0001-01-01T00:00:00Z',
    preread: running ? rfc3339Nano({ ms: now.ms - 1000, nano: now.nano }) : '0001-01-01T00:00:00Z',
    pids_stats: { current: running ? c.running!.processes.list().length : 0, limit: 4_612 },
    blkio_stats: {
      io_service_bytes_recursive: null,
      io_serviced_recursive: null,
      io_queue_recursive: null,
      io_service_time_recursive: null,
      io_wait_time_recursive: null,
      io_merged_recursive: null,
      io_time_recursive: null,
      sectors_recursive: null,
    },
    num_procs: 0,
    storage_stats: {},
    cpu_stats: running
      ? cpu
      : {
          cpu_usage: { total_usage: 0, usage_in_kernelmode: 0, usage_in_usermode: 0 },
          throttling_data: { periods: 0, throttled_periods: 0, throttled_time: 0 },
        },
    precpu_stats: running
      ? precpu
      : {
          cpu_usage: { total_usage: 0, usage_in_kernelmode: 0, usage_in_usermode: 0 },
          throttling_data: { periods: 0, throttled_periods: 0, throttled_time: 0 },
        },
    memory_stats: running
      ? {
          usage: mem,
          stats: { inactive_file: Math.floor(mem * 0.05) },
          limit: c.hostConfig.Memory || d.memTotal,
        }
      : {},
    ...(running
      ? {
          networks: {
            eth0: {
              rx_bytes: netRx,
              rx_packets: Math.ceil(netRx / 90),
              rx_errors: 0,
              rx_dropped: 0,
              tx_bytes: netTx,
              tx_packets: Math.ceil(netTx / 90),
              tx_errors: 0,
              tx_dropped: 0,
            },
          },
        }
      : {}),
  };
}
