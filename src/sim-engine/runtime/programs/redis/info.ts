/** INFO's sections, with the fields people read (server, clients, memory, persistence, stats, replication, keyspace). */
import { KERNEL } from '../../../shell/utils/system/kernel.ts';
import type { Keyspace } from './keyspace.ts';

export interface InfoState {
  ks: Keyspace;
  version: string;
  pid: number;
  port: number;
  runId: string;
  startedAt: number;
  configFile: string;
  aof: boolean;
  saves: number;
}

function human(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)}M` : `${(bytes / 1024).toFixed(2)}K`;
}

export function infoText(s: InfoState, section: string | undefined): string {
  const now = s.ks.now();
  const uptime = Math.floor((now - s.startedAt) / 1000);
  const mem = s.ks.usedMemory();
  const sections: [string, string[]][] = [
    [
      'Server',
      [
        `redis_version:${s.version}`,
        'redis_git_sha1:00000000',
        `redis_git_dirty:${s.version.startsWith('7') ? 0 : 1}`,
        'redis_build_id:5a1c0a7b0a1d6d2b',
        'redis_mode:standalone',
        `os:${KERNEL.sysname} ${KERNEL.release} ${KERNEL.machine}`,
        'arch_bits:64',
        'monotonic_clock:POSIX clock_gettime',
        'multiplexing_api:epoll',
        `gcc_version:${s.version.startsWith('7') ? '12.2.0' : '14.2.0'}`,
        `process_id:${s.pid}`,
        'process_supervised:no',
        `run_id:${s.runId}`,
        `tcp_port:${s.port}`,
        `server_time_usec:${now * 1000}`,
        `uptime_in_seconds:${uptime}`,
        `uptime_in_days:${Math.floor(uptime / 86400)}`,
        'hz:10',
        'configured_hz:10',
        'executable:/data/redis-server',
        `config_file:${s.configFile}`,
        'io_threads_active:0',
        `listener0:name=tcp,bind=*,bind=-::*,port=${s.port}`,
      ],
    ],
    ['Clients', ['connected_clients:1', 'blocked_clients:0', 'maxclients:10000']],
    [
      'Memory',
      [
        `used_memory:${mem}`,
        `used_memory_human:${human(mem)}`,
        'maxmemory:0',
        'maxmemory_human:0B',
        'maxmemory_policy:noeviction',
      ],
    ],
    [
      'Persistence',
      [
        'loading:0',
        `rdb_changes_since_last_save:${s.ks.dirty}`,
        'rdb_bgsave_in_progress:0',
        `rdb_last_save_time:${Math.floor(s.ks.lastSave / 1000)}`,
        'rdb_last_bgsave_status:ok',
        `rdb_saves:${s.saves}`,
        `aof_enabled:${s.aof ? 1 : 0}`,
        'aof_rewrite_in_progress:0',
      ],
    ],
    [
      'Stats',
      [
        'total_connections_received:1',
        `total_commands_processed:${s.ks.commands}`,
        `keyspace_hits:${s.ks.hits}`,
        `keyspace_misses:${s.ks.misses}`,
      ],
    ],
    ['Replication', ['role:master', 'connected_slaves:0', 'master_repl_offset:0']],
    [
      'Keyspace',
      s.ks.dbs
        .map((_, i) => {
          const keys = s.ks.keys(i);
          const expires = keys.filter((k) => s.ks.entry(i, k)?.expires !== undefined).length;
          return keys.length ? `db${i}:keys=${keys.length},expires=${expires},avg_ttl=0,subexpiry=0` : '';
        })
        .filter(Boolean),
    ],
  ];
  const chosen =
    section === undefined || section === 'all' || section === 'everything' || section === 'default'
      ? sections
      : sections.filter(([name]) => name.toLowerCase() === section);
  return chosen.map(([name, lines]) => [`# ${name}`, ...lines].join('\r\n') + '\r\n').join('\r\n');
}
