/**
 * BusyBox, the multi-call binary. Alpine's applets are symlinks to /bin/busybox (tag
 * `busybox`), so every `ls`, `sh` or `sleep` on Alpine arrives here with the applet's
 * name in argv[0]; `busybox ls` names it in argv[1]. The applet runs in this same
 * process, with variant `busybox`, from the registry it is given (the coreutils).
 * An applet with no implementation in that registry (the shell, for one) is started as
 * a child by its tag `<applet>@busybox`, resolved by the engine's merged registry.
 *
 * Differs from BusyBox: applets that run as children (see above) are not PID 1 when
 * busybox is; signals sent to PID 1 are then not seen by them.
 */
import { ALPINE_APPLETS } from '../../images/fs/rootfs-alpine.ts';
import { busyboxBanner } from '../../shell/utils/support/command.ts';
import type { ProcessContext, Program } from '../../process/types.ts';
import { derive } from './support/exec.ts';

/** What the busybox image adds to Alpine's applet list (its own build configuration). */
const IMAGE_EXTRAS = [
  'httpd',
  'telnet',
  'telnetd',
  'tftp',
  'ftpget',
  'ftpput',
  'nslookup',
  'ed',
  'patch',
  'ar',
  'unzip',
];

/** where each applet is linked: Alpine's layout, and on the busybox image the extras in /bin */
const ALPINE_DIRS = new Map(
  Object.entries(ALPINE_APPLETS).flatMap(([dir, names]) => names.map((n) => [n, dir] as const)),
);
const IMAGE_DIRS = new Map([...ALPINE_DIRS, ...IMAGE_EXTRAS.map((n) => [n, '/bin'] as const)]);

function appletDirs(ctx: ProcessContext): ReadonlyMap<string, string> {
  return ctx.fs.stat('/etc/alpine-release') ? ALPINE_DIRS : IMAGE_DIRS;
}

const basename = (path: string) => path.slice(path.lastIndexOf('/') + 1);

function usage(ctx: ProcessContext, applets: string[]): string {
  let text =
    `${busyboxBanner(ctx)}\n` +
    'BusyBox is copyrighted by many authors between 1998-2015.\n' +
    'Licensed under GPLv2. See source distribution for detailed\n' +
    'copyright notices.\n\n' +
    'Usage: busybox [function [arguments]...]\n' +
    '   or: busybox --list[-full]\n' +
    '   or: busybox --install [-s] [DIR]\n' +
    '   or: function [arguments]...\n\n' +
    '\tBusyBox is a multi-call binary that combines many common Unix\n' +
    '\tutilities into a single executable.  Most people will create a\n' +
    '\tlink to busybox for each function they wish to use and BusyBox\n' +
    '\twill act like whatever it was invoked as.\n\n' +
    'Currently defined functions:\n';
  // appletlib.c: wrap before the terminal width (80 without a terminal), a tab first
  const width = 80 - 1;
  let col = 0;
  for (const a of applets) {
    const len = a.length + 2;
    if (col >= width - len) {
      text += ',\n';
      col = 0;
    }
    text += col === 0 ? '\t' : ', ';
    if (col === 0) col = 6;
    text += a;
    col += len;
  }
  return `${text}\n`;
}

/** busybox's applets, sorted as its applet table is (by byte value). */
function sortedApplets(dirs: ReadonlyMap<string, string>): string[] {
  return [...dirs.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function makeBusybox(implementations: ReadonlyMap<string, Program>): Program {
  const run = async (ctx: ProcessContext, applet: string, argv: string[]): Promise<number> => {
    const dirs = appletDirs(ctx);
    if (!dirs.has(applet)) {
      ctx.stderr.write(`${applet}: applet not found\n`);
      return 127;
    }
    const impl = implementations.get(applet);
    if (impl) return impl(derive(ctx, { argv, variant: 'busybox' }));
    return ctx.spawn(argv, { program: `${applet}@busybox` }).wait();
  };

  return async (ctx) => {
    const name = basename(ctx.argv[0] ?? 'busybox');
    if (name !== 'busybox') return run(ctx, name, ctx.argv);
    const first = ctx.argv[1];
    const dirs = appletDirs(ctx);
    if (first === undefined || first === '--help') {
      ctx.stdout.write(usage(ctx, sortedApplets(dirs)));
      return 0;
    }
    if (first === '--list' || first === '--list-full') {
      const full = first === '--list-full';
      const lines = sortedApplets(dirs).map((a) => (full ? `${dirs.get(a)!.slice(1)}/${a}` : a));
      ctx.stdout.write(`${lines.join('\n')}\n`);
      return 0;
    }
    return run(ctx, basename(first), ctx.argv.slice(1));
  };
}
