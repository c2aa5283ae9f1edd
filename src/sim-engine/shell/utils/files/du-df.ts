/**
 * du (-s -h -a -c -d N -k -m) over the simulated tree, and df (-h -k -T -P) with
 * plausible numbers: a container sees its overlay root, /dev and /dev/shm tmpfs and
 * the host disk behind /etc/hosts; a lab host sees its disk. The disk's used space
 * is fixed, not the sum of the simulated files.
 */
import type { ProcessContext, Program } from '../../../process/types.ts';
import { parseCommand, variantOf } from '../support/command.ts';
import { complain } from '../support/fail.ts';
import { resolvePath } from '../support/io.ts';
import { blocksOf, busyboxHuman, gnuHuman } from '../support/sizes.ts';

function usage(
  ctx: ProcessContext,
  path: string,
  shown: string,
  all: boolean,
  depth: number,
  maxDepth: number,
  out: [number, string][],
): number {
  const st = ctx.fs.lstat(path);
  if (!st) return 0;
  let total = blocksOf(st.size, st.kind);
  if (st.kind === 'dir') {
    for (const name of ctx.fs.readdir(path)) {
      total += usage(
        ctx,
        `${path === '/' ? '' : path}/${name}`,
        shown.endsWith('/') ? shown + name : `${shown}/${name}`,
        all,
        depth + 1,
        maxDepth,
        out,
      );
    }
  }
  if ((st.kind === 'dir' || all || depth === 0) && depth <= maxDepth) out.push([total, shown]);
  return total;
}

export const du: Program = async (ctx) => {
  const parsed = parseCommand(ctx, {
    name: 'du',
    options: [
      { key: 's', short: 's', long: 'summarize' },
      { key: 'h', short: 'h', long: 'human-readable' },
      { key: 'a', short: 'a', long: 'all' },
      { key: 'c', short: 'c', long: 'total' },
      { key: 'd', short: 'd', long: 'max-depth', arg: 'required' as const },
      { key: 'k', short: 'k' },
      { key: 'm', short: 'm' },
    ],
  });
  if (typeof parsed === 'number') return parsed;
  const { options } = parsed;
  const busybox = variantOf(ctx) === 'busybox';
  const maxDepth = options.has('s') ? 0 : options.has('d') ? Number(options.last('d')) : Infinity;
  const show = (kb: number) =>
    options.has('h')
      ? busybox
        ? busyboxHuman(kb * 1024)
        : gnuHuman(kb * 1024)
      : options.has('m')
        ? String(Math.ceil(kb / 1024))
        : String(kb);
  let status = 0;
  let grand = 0;
  for (const name of parsed.operands.length > 0 ? parsed.operands : ['.']) {
    const path = resolvePath(ctx.cwd, name);
    if (!ctx.fs.lstat(path)) {
      complain(
        ctx,
        'du',
        `cannot access '${name}': No such file or directory`,
        `${name}: No such file or directory`,
      );
      status = 1;
      continue;
    }
    const rows: [number, string][] = [];
    grand += usage(ctx, path, name, options.has('a'), 0, maxDepth, rows);
    ctx.stdout.write(rows.map(([kb, shown]) => `${show(kb)}\t${shown}\n`).join(''));
  }
  if (options.has('c')) ctx.stdout.write(`${show(grand)}\ttotal\n`);
  return status;
};

interface Mount {
  source: string;
  type: string;
  /** 1K blocks */
  size: number;
  used: number;
  avail: number;
  target: string;
}

const DISK = { size: 61202244, used: 21035648, avail: 37030180 };

function mounts(ctx: ProcessContext): Mount[] {
  const container = ctx.fs.stat('/.dockerenv') !== undefined;
  if (!container) {
    return [
      { source: '/dev/sda1', type: 'ext4', ...DISK, target: '/' },
      { source: 'tmpfs', type: 'tmpfs', size: 2007924, used: 0, avail: 2007924, target: '/dev/shm' },
      { source: 'tmpfs', type: 'tmpfs', size: 401588, used: 1052, avail: 400536, target: '/run' },
    ];
  }
  return [
    { source: 'overlay', type: 'overlay', ...DISK, target: '/' },
    { source: 'tmpfs', type: 'tmpfs', size: 65536, used: 0, avail: 65536, target: '/dev' },
    { source: 'shm', type: 'tmpfs', size: 65536, used: 0, avail: 65536, target: '/dev/shm' },
    { source: '/dev/sda1', type: 'ext4', ...DISK, target: '/etc/hosts' },
  ];
}

export const df: Program = async (ctx) => {
  const parsed = parseCommand(ctx, {
    name: 'df',
    options: [
      { key: 'h', short: 'h', long: 'human-readable' },
      { key: 'k', short: 'k' },
      { key: 'T', short: 'T', long: 'print-type' },
      { key: 'P', short: 'P', long: 'portability' },
      { key: 'a', short: 'a', long: 'all' },
    ],
  });
  if (typeof parsed === 'number') return parsed;
  const { options } = parsed;
  const busybox = variantOf(ctx) === 'busybox';
  const human = options.has('h');
  let list = mounts(ctx);
  if (parsed.operands.length > 0) {
    list = [];
    for (const name of parsed.operands) {
      const path = resolvePath(ctx.cwd, name);
      if (!ctx.fs.stat(path)) {
        complain(ctx, 'df', `${name}: No such file or directory`, `${name}: can't find mount point`);
        return 1;
      }
      const all = mounts(ctx);
      const best = all
        .filter((m) => path === m.target || path.startsWith(m.target === '/' ? '/' : m.target + '/'))
        .sort((a, b) => b.target.length - a.target.length)[0];
      if (best) list.push(best);
    }
  }
  const pct = (m: Mount) =>
    m.size === 0
      ? '-'
      : `${busybox ? Math.round((m.used * 100) / (m.used + m.avail)) : Math.ceil((m.used * 100) / (m.used + m.avail))}%`;
  const size = (kb: number) =>
    human ? (busybox ? busyboxHuman(kb * 1024) : gnuHuman(kb * 1024)) : String(kb);
  const rows = list.map((m) => [
    m.source,
    ...(options.has('T') ? [m.type] : []),
    size(m.size),
    size(m.used),
    size(m.avail),
    pct(m),
    m.target,
  ]);
  const header = [
    'Filesystem',
    ...(options.has('T') ? ['Type'] : []),
    human ? 'Size' : '1K-blocks',
    'Used',
    human && !busybox ? 'Avail' : 'Available',
    'Use%',
    'Mounted on',
  ];
  if (busybox) {
    // printf("%-20s %9s %9s %9s %3u%% %s")
    const line = (cells: string[]) => {
      const [src, ...rest] = cells as [string, ...string[]];
      const target = rest.pop()!;
      const pctCell = rest.pop()!;
      const first = src.length > 20 ? `${src}\n${' '.repeat(20)}` : src.padEnd(20);
      return `${first} ${rest.map((c) => c.padStart(9)).join(' ')} ${pctCell.padStart(4)} ${target}`;
    };
    ctx.stdout.write([header, ...rows].map(line).join('\n') + '\n');
    return 0;
  }
  // GNU sizes each column to its widest cell; text columns left, numbers right.
  const table = [header, ...rows];
  const typed = options.has('T') ? 1 : 0;
  const minimum = (i: number) => (i === 0 ? 14 : typed && i === 1 ? 4 : i === header.length - 2 ? 4 : 5);
  const widths = header.map((_, i) => Math.max(minimum(i), ...table.map((r) => r[i]!.length)));
  const last = header.length - 1;
  const leftAligned = new Set([0, options.has('T') ? 1 : -1, last]);
  ctx.stdout.write(
    table
      .map((r) =>
        r
          .map((cell, i) =>
            i === last ? cell : leftAligned.has(i) ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!),
          )
          .join(' '),
      )
      .join('\n') + '\n',
  );
  return 0;
};
