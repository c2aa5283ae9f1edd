/**
 * uname: -a -s -n -r -v -m -p -i -o. GNU on Debian prints "unknown" processor and
 * platform only when asked for them by name and leaves them out of -a; Ubuntu's patched
 * coreutils reports x86_64 for both. BusyBox -a: `Linux host release version x86_64 Linux`.
 */
import type { Program } from '../../../process/types.ts';
import { parseCommand, variantOf } from '../support/command.ts';
import { distroOf } from '../support/distro.ts';
import { KERNEL } from './kernel.ts';

const FIELDS = ['s', 'n', 'r', 'v', 'm', 'p', 'i', 'o'] as const;

export const uname: Program = async (ctx) => {
  const parsed = parseCommand(ctx, {
    name: 'uname',
    options: [
      { key: 'a', short: 'a', long: 'all' },
      { key: 's', short: 's', long: 'kernel-name' },
      { key: 'n', short: 'n', long: 'nodename' },
      { key: 'r', short: 'r', long: 'kernel-release' },
      { key: 'v', short: 'v', long: 'kernel-version' },
      { key: 'm', short: 'm', long: 'machine' },
      { key: 'p', short: 'p', long: 'processor' },
      { key: 'i', short: 'i', long: 'hardware-platform' },
      { key: 'o', short: 'o', long: 'operating-system' },
    ],
  });
  if (typeof parsed === 'number') return parsed;
  const { options, operands } = parsed;
  if (operands.length > 0 && variantOf(ctx) === 'gnu') {
    ctx.stderr.write(
      `${ctx.argv[0]}: extra operand '${operands[0]}'\nTry '${ctx.argv[0]} --help' for more information.\n`,
    );
    return 1;
  }
  const busybox = variantOf(ctx) === 'busybox';
  const ubuntu = distroOf(ctx.fs).id === 'ubuntu';
  const platform = busybox || ubuntu ? KERNEL.machine : 'unknown';
  const values: Record<(typeof FIELDS)[number], string> = {
    s: KERNEL.sysname,
    n: ctx.hostname,
    r: KERNEL.release,
    v: KERNEL.version,
    m: KERNEL.machine,
    p: platform,
    i: platform,
    o: busybox ? 'Linux' : 'GNU/Linux',
  };
  let wanted = FIELDS.filter((f) => options.has(f));
  if (options.has('a')) {
    wanted = [...FIELDS].filter((f) => !(platform === 'unknown' && (f === 'p' || f === 'i')));
    // BusyBox -a leaves out processor and platform
    if (busybox) wanted = wanted.filter((f) => f !== 'p' && f !== 'i');
  }
  if (wanted.length === 0) wanted = ['s'];
  ctx.stdout.write(`${wanted.map((f) => values[f]).join(' ')}\n`);
  return 0;
};
