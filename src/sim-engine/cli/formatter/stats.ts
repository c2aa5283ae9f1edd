/**
 * `docker stats` rows (docker/cli container/formatter_stats.go): CPU %, memory usage
 * and limit, network and block I/O, PIDs, computed from one stats sample as the CLI
 * computes them.
 */
import { bytesSize, humanSizeWithPrecision } from '../../golang/units.ts';
import { truncateID } from './display.ts';
import { marshalContext, TABLE_FORMAT_KEY, type HeaderMap } from './formatter.ts';

export interface StatsSample {
  name: string;
  id: string;
  pids_stats?: { current?: number };
  cpu_stats?: { cpu_usage: { total_usage: number }; system_cpu_usage?: number; online_cpus?: number };
  precpu_stats?: { cpu_usage: { total_usage: number }; system_cpu_usage?: number };
  memory_stats?: { usage?: number; limit?: number; stats?: { inactive_file?: number } };
  networks?: Record<string, { rx_bytes: number; tx_bytes: number }>;
  blkio_stats?: { io_service_bytes_recursive: { op: string; value: number }[] | null };
}

const DEFAULT_STATS_TABLE =
  'table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}';

export function statsFormat(source: string): string {
  if (source === '' || source === TABLE_FORMAT_KEY) return DEFAULT_STATS_TABLE;
  return source;
}

export const STATS_HEADER: HeaderMap = {
  Container: 'CONTAINER',
  ID: 'CONTAINER ID',
  Name: 'NAME',
  CPUPerc: 'CPU %',
  MemUsage: 'MEM USAGE / LIMIT',
  MemPerc: 'MEM %',
  NetIO: 'NET I/O',
  BlockIO: 'BLOCK I/O',
  PIDs: 'PIDS',
};

export class StatsContext {
  readonly #s: StatsSample;
  readonly #arg: string;
  readonly #trunc: boolean;

  constructor(s: StatsSample, arg: string, trunc: boolean) {
    this.#s = s;
    this.#arg = arg;
    this.#trunc = trunc;
  }

  MarshalJSON(): string {
    return marshalContext(this);
  }

  Container(): string {
    return this.#arg;
  }

  Name(): string {
    return this.#s.name?.replace(/^\//, '') || '--';
  }

  ID(): string {
    return this.#trunc ? truncateID(this.#s.id) : this.#s.id;
  }

  #running(): boolean {
    return (this.#s.pids_stats?.current ?? 0) > 0;
  }

  CPUPerc(): string {
    if (!this.#running()) return '0.00%';
    const cpu = this.#s.cpu_stats!;
    const pre = this.#s.precpu_stats!;
    const cpuDelta = cpu.cpu_usage.total_usage - pre.cpu_usage.total_usage;
    const sysDelta = (cpu.system_cpu_usage ?? 0) - (pre.system_cpu_usage ?? 0);
    const pct = sysDelta > 0 && cpuDelta > 0 ? (cpuDelta / sysDelta) * (cpu.online_cpus ?? 1) * 100 : 0;
    return `${pct.toFixed(2)}%`;
  }

  #mem(): { used: number; limit: number } {
    const m = this.#s.memory_stats ?? {};
    const usage = m.usage ?? 0;
    const inactive = m.stats?.inactive_file ?? 0;
    return { used: inactive < usage ? usage - inactive : usage, limit: m.limit ?? 0 };
  }

  MemUsage(): string {
    if (!this.#running()) return '0B / 0B';
    const { used, limit } = this.#mem();
    return `${bytesSize(used)} / ${bytesSize(limit)}`;
  }

  MemPerc(): string {
    if (!this.#running()) return '0.00%';
    const { used, limit } = this.#mem();
    return `${(limit > 0 ? (used / limit) * 100 : 0).toFixed(2)}%`;
  }

  NetIO(): string {
    if (!this.#running()) return '0B / 0B';
    let rx = 0;
    let tx = 0;
    for (const n of Object.values(this.#s.networks ?? {})) {
      rx += n.rx_bytes;
      tx += n.tx_bytes;
    }
    return `${humanSizeWithPrecision(rx, 3)} / ${humanSizeWithPrecision(tx, 3)}`;
  }

  BlockIO(): string {
    if (!this.#running()) return '0B / 0B';
    let read = 0;
    let write = 0;
    for (const e of this.#s.blkio_stats?.io_service_bytes_recursive ?? []) {
      if (e.op.toLowerCase() === 'read') read += e.value;
      if (e.op.toLowerCase() === 'write') write += e.value;
    }
    return `${humanSizeWithPrecision(read, 3)} / ${humanSizeWithPrecision(write, 3)}`;
  }

  PIDs(): string {
    return this.#running() ? String(this.#s.pids_stats?.current ?? 0) : '0';
  }
}
