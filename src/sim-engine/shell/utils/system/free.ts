/**
 * free (procps and BusyBox): a plausible 4 GiB lab node. The numbers do not move;
 * containers see the host's memory, as they do without a memory limit.
 */
import type { Program } from '../../../process/types.ts';
import { parseCommand, variantOf } from '../support/command.ts';

/** KiB */
export const MEM = {
  total: 4015852,
  used: 812340,
  free: 2143580,
  shared: 1204,
  cache: 1059932,
  available: 2946652,
};

function procpsHuman(kib: number): string {
  if (kib === 0) return '0B';
  const units = ['Ki', 'Mi', 'Gi', 'Ti'];
  let value = kib;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return value < 10 ? `${value.toFixed(1)}${units[unit]}` : `${Math.round(value)}${units[unit]}`;
}

export const free: Program = async (ctx) => {
  const busybox = variantOf(ctx) === 'busybox';
  const parsed = parseCommand(ctx, {
    name: 'free',
    options: [
      { key: 'h', short: 'h', long: 'human' },
      { key: 'b', short: 'b', long: 'bytes' },
      { key: 'k', short: 'k', long: 'kibi' },
      { key: 'm', short: 'm', long: 'mebi' },
      { key: 'g', short: 'g', long: 'gibi' },
      { key: 'w', short: 'w', long: 'wide' },
      { key: 't', short: 't', long: 'total' },
    ],
    version: 'free from procps-ng 4.0.4',
  });
  if (typeof parsed === 'number') return parsed;
  const o = parsed.options;
  const unit = o.lastOf('h', 'b', 'k', 'm', 'g');
  const show = (kib: number): string => {
    if (unit === 'h') return procpsHuman(kib);
    if (unit === 'b') return String(kib * 1024);
    if (unit === 'm') return String(Math.floor(kib / 1024));
    if (unit === 'g') return String(Math.floor(kib / 1048576));
    return String(kib);
  };
  const label = busybox ? 7 : 8;
  const cols = ['total', 'used', 'free', 'shared', 'buff/cache', 'available'];
  const mem = [MEM.total, MEM.used, MEM.free, MEM.shared, MEM.cache, MEM.available].map(show);
  const swap = [0, 0, 0].map(show);
  const lines = [
    ' '.repeat(label) + cols.map((c) => c.padStart(12)).join(''),
    'Mem:'.padEnd(label) + mem.map((c) => c.padStart(12)).join(''),
    'Swap:'.padEnd(label) + swap.map((c) => c.padStart(12)).join(''),
  ];
  if (o.has('t'))
    lines.push(
      'Total:'.padEnd(label) +
        [MEM.total, MEM.used, MEM.free]
          .map(show)
          .map((c) => c.padStart(12))
          .join(''),
    );
  ctx.stdout.write(lines.join('\n') + '\n');
  return 0;
};
