/**
 * The programs a test lab runs. Until every registry lands this assembles what exists;
 * it will become the engine's own registry (src/sim-engine/programs.ts).
 */
import type { Program } from '../../src/sim-engine/process/types.ts';
import { echo } from '../../src/sim-engine/shell/utils/text/echo.ts';
import { sleep } from '../../src/sim-engine/shell/utils/system/sleep.ts';
import { cat } from '../../src/sim-engine/shell/utils/files/cat.ts';
import { ls } from '../../src/sim-engine/shell/utils/files/ls.ts';

export function labPrograms(): { programs: Map<string, Program>; utilities: string[] } {
  const applets: Record<string, Program> = { echo, sleep, cat, ls };
  const busybox: Program = async (ctx) => {
    const name = ctx.argv[0]!.split('/').pop()!;
    const p = applets[name];
    if (!p) {
      ctx.stderr.write(`${name}: applet not found\n`);
      return 127;
    }
    return p({ ...ctx, variant: 'busybox' });
  };
  return {
    programs: new Map<string, Program>([['busybox', busybox], ...Object.entries(applets)]),
    utilities: Object.keys(applets),
  };
}
