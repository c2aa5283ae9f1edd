/** httpd-foreground, the image's command: remove a stale pid file, exec `httpd -DFOREGROUND "$@"`. */
import type { Program } from '../../../process/types.ts';
import { execCommand, shExecError } from '../support/exec.ts';
import { usePidsUpTo } from '../support/pids.ts';
import { withSystem } from '../support/system-programs.ts';
import { httpd } from './httpd.ts';

const LOCAL = withSystem([['httpd', httpd]]);

export const httpdForeground: Program = async (ctx) => {
  if (ctx.variant === 'fork') return 0;
  try {
    ctx.fs.rm('/usr/local/apache2/logs/httpd.pid', { force: true });
  } catch {
    // set -e would stop here on a read-only file system; rm -f says nothing
  }
  // sh's fork for rm leaves httpd's children at 8, 9, 10
  await usePidsUpTo(ctx, 7, 'httpd-foreground@fork');
  return execCommand(ctx, ['httpd', '-DFOREGROUND', ...ctx.argv.slice(1)], {
    local: LOCAL,
    cannotRun: shExecError(ctx, ctx.argv[0] ?? 'httpd-foreground', 7),
  });
};
