/**
 * BusyBox wget: `wget URL` (saves to the remote name, or index.html), `-O FILE`,
 * `-O -` / `-qO-` (to stdout), -q, -S (server response), --spider, -T SEC, -U AGENT,
 * --header. Messages are BusyBox's: `Connecting to host (addr:port)`, the 32-star
 * progress bar, `wget: server returned error: HTTP/1.1 404 Not Found`.
 * `wget@gnu` (installed by apt) runs wget-gnu.ts instead.
 */
import type { HttpResponse, Program } from '../../../process/types.ts';
import { NetError } from '../../../process/types.ts';
import { busyboxUsage, parseCommand } from '../support/command.ts';
import { resolvePath } from '../support/io.ts';
import { parseUrl, REASONS, resolveLocation } from './url.ts';
import { wgetGnu } from './wget-gnu.ts';

function sizeText(n: number): string {
  if (n < 100000) return String(n).padStart(5);
  if (n < 10000 * 1024) return `${String(Math.floor(n / 1024)).padStart(4)}k`;
  return `${String(Math.floor(n / 1048576)).padStart(4)}M`;
}

export const wget: Program = async (ctx) => {
  if (ctx.variant === 'gnu') return wgetGnu(ctx);
  const parsed = parseCommand(ctx, {
    name: 'wget',
    options: [
      { key: 'q', short: 'q', long: 'quiet', bbLong: true },
      { key: 'O', short: 'O', long: 'output-document', arg: 'required', bbLong: true },
      { key: 'o', short: 'o', long: 'output-file', arg: 'required', bbLong: true },
      { key: 'S', short: 'S', long: 'server-response', bbLong: true },
      { key: 'spider', long: 'spider', bbLong: true },
      { key: 'T', short: 'T', long: 'timeout', arg: 'required', bbLong: true },
      { key: 'U', short: 'U', long: 'user-agent', arg: 'required', bbLong: true },
      { key: 'header', long: 'header', arg: 'required', bbLong: true },
      { key: 'c', short: 'c', long: 'continue', bbLong: true },
      { key: 'P', short: 'P', long: 'directory-prefix', arg: 'required', bbLong: true },
      { key: 'Y', short: 'Y', long: 'proxy', arg: 'required', bbLong: true },
      { key: 'no-check-certificate', long: 'no-check-certificate', bbLong: true },
      { key: 't', short: 't', long: 'tries', arg: 'required', bbLong: true },
    ],
  });
  if (typeof parsed === 'number') return parsed;
  const o = parsed.options;
  if (parsed.operands.length === 0) return busyboxUsage(ctx, 'wget');
  const quiet = o.has('q');
  const say = (line: string) => !quiet && ctx.stderr.write(line + '\n');
  let status = 0;
  for (const raw of parsed.operands) {
    let current = raw;
    let response: HttpResponse | undefined;
    for (let hops = 0; hops < 20; hops++) {
      const url = parseUrl(current);
      if ('error' in url) {
        ctx.stderr.write(
          url.error === 'scheme'
            ? `wget: not an http or ftp url: ${current}\n`
            : `wget: bad address '${current}'\n`,
        );
        return 1;
      }
      const address = ctx.net.resolve(url.host);
      if (!address) {
        ctx.stderr.write(`wget: bad address '${url.host}'\n`);
        return 1;
      }
      say(`Connecting to ${url.authority} (${address}:${url.port})`);
      const headers: Record<string, string> = {
        Host: url.authority,
        'User-Agent': o.last('U') ?? 'Wget',
        Connection: 'close',
      };
      for (const h of o.all('header')) {
        const colon = h.indexOf(':');
        if (colon > 0) headers[h.slice(0, colon).trim()] = h.slice(colon + 1).trim();
      }
      try {
        response = await ctx.net.http(url.host, url.port, {
          method: o.has('spider') ? 'HEAD' : 'GET',
          path: url.path,
          headers,
          body: '',
        });
      } catch (error) {
        if (!(error instanceof NetError)) throw error;
        if (error.code === 'ENOTFOUND') ctx.stderr.write(`wget: bad address '${url.host}'\n`);
        else if (error.code === 'ETIMEDOUT') ctx.stderr.write('wget: download timed out\n');
        else
          ctx.stderr.write(
            `wget: can't connect to remote host (${address}): ${error.code === 'EHOSTUNREACH' ? 'No route to host' : 'Connection refused'}\n`,
          );
        return 1;
      }
      const statusLine =
        `HTTP/1.1 ${response.status} ${response.statusText ?? REASONS[response.status] ?? ''}`.trimEnd();
      if (o.has('S')) {
        say(`  ${statusLine}`);
        for (const [k, v] of Object.entries(response.headers)) say(`  ${k}: ${v}`);
        say('  ');
      }
      const location = Object.entries(response.headers).find(([k]) => k.toLowerCase() === 'location')?.[1];
      if (response.status >= 300 && response.status < 400 && location) {
        current = resolveLocation(url, location);
        continue;
      }
      if (response.status >= 400) {
        ctx.stderr.write(`wget: server returned error: ${statusLine}\n`);
        return 1;
      }
      break;
    }
    if (!response) continue;
    if (o.has('spider')) {
      say('remote file exists');
      continue;
    }
    const final = parseUrl(current);
    const remoteName = 'error' in final ? '' : (final.path.split('?')[0]!.split('/').pop() ?? '');
    const name = o.last('O') ?? (remoteName || 'index.html');
    const toStdout = name === '-';
    const shown = toStdout ? '-' : name.split('/').pop()!;
    say(toStdout ? 'writing to stdout' : `saving to '${name}'`);
    if (toStdout) ctx.stdout.write(response.body);
    else {
      const path = resolvePath(ctx.cwd, o.has('P') ? `${o.last('P')}/${name}` : name);
      try {
        if (ctx.fs.stat(path) && !o.has('O') && !o.has('c')) {
          ctx.stderr.write(`wget: can't open '${name}': File exists\n`);
          status = 1;
          continue;
        }
        if (path !== '/dev/null')
          ctx.fs.writeFile(path, response.body, { uid: ctx.user.uid, gid: ctx.user.gid });
      } catch {
        ctx.stderr.write(`wget: can't open '${name}': No such file or directory\n`);
        status = 1;
        continue;
      }
    }
    say(
      `${shown.slice(0, 20).padEnd(20)} 100% |${'*'.repeat(32)}| ${sizeText(response.body.length)}  0:00:00 ETA`,
    );
    say(toStdout ? 'written to stdout' : `'${name}' saved`);
  }
  return status;
};
