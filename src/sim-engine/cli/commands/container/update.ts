/**
 * `docker container update`, `docker update` — docker/cli cli/command/container/update.go (v28.5.2).
 */

import { type CommandSpec, requiresMinArgs } from '../../command.ts';
import { memBytes, memSwapBytes, nanoCPUs } from '../opts/opts.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import { CliError } from '../../errors.ts';
import { parseRestartPolicy } from './container-config.ts';
import { ConfigError } from './config-error.ts';
import { objectPath } from '../../../api/client.ts';

export const updateCommand: CommandSpec = {
  use: 'update [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Update configuration of one or more containers',
  args: requiresMinArgs(1),
  annotations: { aliases: 'docker container update, docker update' },
  flags: [
    {
      name: 'blkio-weight',
      type: 'uint16',
      usage: 'Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)',
    },
    { name: 'cpu-period', type: 'int64', usage: 'Limit CPU CFS (Completely Fair Scheduler) period' },
    { name: 'cpu-quota', type: 'int64', usage: 'Limit CPU CFS (Completely Fair Scheduler) quota' },
    {
      name: 'cpu-rt-period',
      type: 'int64',
      usage: 'Limit the CPU real-time period in microseconds',
      annotations: { version: ['1.25'] },
    },
    {
      name: 'cpu-rt-runtime',
      type: 'int64',
      usage: 'Limit the CPU real-time runtime in microseconds',
      annotations: { version: ['1.25'] },
    },
    { name: 'cpu-shares', shorthand: 'c', type: 'int64', usage: 'CPU shares (relative weight)' },
    {
      name: 'cpus',
      type: 'decimal',
      usage: 'Number of CPUs',
      annotations: { version: ['1.29'] },
      parse: nanoCPUs,
    },
    { name: 'cpuset-cpus', type: 'string', usage: 'CPUs in which to allow execution (0-3, 0,1)' },
    { name: 'cpuset-mems', type: 'string', usage: 'MEMs in which to allow execution (0-3, 0,1)' },
    {
      name: 'kernel-memory',
      type: 'bytes',
      usage: 'Kernel memory limit (deprecated)',
      defValue: '0',
      hidden: true,
      annotations: { deprecated: [] },
      parse: memBytes,
    },
    { name: 'memory', shorthand: 'm', type: 'bytes', usage: 'Memory limit', defValue: '0', parse: memBytes },
    { name: 'memory-reservation', type: 'bytes', usage: 'Memory soft limit', defValue: '0', parse: memBytes },
    {
      name: 'memory-swap',
      type: 'bytes',
      usage: 'Swap limit equal to memory plus swap: -1 to enable unlimited swap',
      defValue: '0',
      parse: memSwapBytes,
    },
    {
      name: 'pids-limit',
      type: 'int64',
      usage: 'Tune container pids limit (set -1 for unlimited)',
      annotations: { version: ['1.40'] },
    },
    { name: 'restart', type: 'string', usage: 'Restart policy to apply when a container exits' },
  ],
  run: runUpdate,
};

// ---------------------------------------------------------------------------
// docker/cli container/update.go runUpdate

async function runUpdate(cli: DockerCli, flags: FlagValues, args: string[]): Promise<void> {
  if (flags.changed.size === 0 || [...flags.changed].every((f) => f === 'help')) {
    throw new CliError('you must provide one or more flags when using this command');
  }
  let restartPolicy;
  if (flags.string('restart')) {
    try {
      restartPolicy = parseRestartPolicy(flags.string('restart'));
    } catch (err) {
      if (err instanceof ConfigError) throw new CliError(err.message);
      throw err;
    }
  }
  const body = {
    BlkioWeight: flags.number('blkio-weight'),
    CpusetCpus: flags.string('cpuset-cpus'),
    CpusetMems: flags.string('cpuset-mems'),
    CpuShares: flags.number('cpu-shares'),
    Memory: flags.number('memory'),
    MemoryReservation: flags.number('memory-reservation'),
    MemorySwap: flags.number('memory-swap'),
    KernelMemory: flags.number('kernel-memory'),
    CpuPeriod: flags.number('cpu-period'),
    CpuQuota: flags.number('cpu-quota'),
    CpuRealtimePeriod: flags.number('cpu-rt-period'),
    CpuRealtimeRuntime: flags.number('cpu-rt-runtime'),
    NanoCpus: flags.number('cpus'),
    ...(flags.number('pids-limit') !== 0 ? { PidsLimit: flags.number('pids-limit') } : {}),
    RestartPolicy: restartPolicy ?? { Name: '', MaximumRetryCount: 0 },
  };
  const warnings: string[] = [];
  const errors: string[] = [];
  for (const name of args) {
    try {
      const r = await cli.client.post<{ Warnings: string[] | null }>(
        objectPath('container', name, '/update'),
        undefined,
        body,
      );
      cli.out.write(name + '\n');
      warnings.push(...(r.Warnings ?? []));
    } catch (err) {
      errors.push((err as Error).message);
    }
  }
  if (warnings.length > 0) cli.out.write(warnings.join('\n') + '\n');
  if (errors.length > 0) throw new CliError(errors.join('\n'));
}
