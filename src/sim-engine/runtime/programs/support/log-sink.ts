/**
 * Where a server's log file really goes. The images link their logs to the
 * container's output (`/var/log/nginx/access.log -> /dev/stdout`, httpd's
 * `/proc/self/fd/1`), which is what `docker logs` shows; a log pointed at a regular
 * file is appended to in the container's file system instead.
 */
import type { ProcessContext, Writer } from '../../../process/types.ts';

const STDOUT = new Set(['/dev/stdout', '/proc/self/fd/1', '/dev/fd/1']);
const STDERR = new Set(['/dev/stderr', '/proc/self/fd/2', '/dev/fd/2', 'stderr']);

/** Follow symlinks (their targets need not exist: /dev is not in the image). */
function follow(ctx: ProcessContext, path: string): string {
  let p = path;
  for (let i = 0; i < 16; i++) {
    if (STDOUT.has(p) || STDERR.has(p) || p === '/dev/null') return p;
    const st = ctx.fs.lstat(p);
    if (st?.kind !== 'symlink') return p;
    const target = ctx.fs.readlink(p);
    p = target.startsWith('/') ? target : `${p.slice(0, p.lastIndexOf('/'))}/${target}`;
  }
  return p;
}

export function logSink(ctx: ProcessContext, path: string): Writer {
  const real = follow(ctx, path.startsWith('/') || path === 'stderr' ? path : `/${path}`);
  if (STDOUT.has(real)) return ctx.stdout;
  if (STDERR.has(real)) return ctx.stderr;
  if (real === '/dev/null') return { write() {} };
  return {
    write(text) {
      try {
        ctx.fs.writeFile(real, text, { append: true });
      } catch {
        // a log that cannot be written is dropped, as a server that cannot open it logs nothing there
      }
    },
  };
}
