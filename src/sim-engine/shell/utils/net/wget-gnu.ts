/**
 * GNU wget 1.25 (what `apt-get install wget` brings): its transcript on stderr
 * (--DATE--  URL, Resolving, Connecting, HTTP request sent, Length, Saving to, the
 * dot progress of a non-terminal, the saved line), -q, -O FILE, -O -, -S.
 * Exit 4 on network failures, 8 on a server error, as wget documents.
 */
import type { HttpResponse, Program } from '../../../process/types.ts';
import { NetError } from '../../../process/types.ts';
import { parseCommand } from '../support/command.ts';
import { resolvePath } from '../support/io.ts';
import { strftime } from '../support/time.ts';
import { parseUrl, REASONS, resolveLocation } from './url.ts';

function rate(bytes: number): { short: string; long: string } {
  const perSecond = bytes * 1000;
  const kb = perSecond / 1024;
  if (kb < 1024) {
    const v = kb < 10 ? kb.toFixed(2) : kb < 100 ? kb.toFixed(1) : kb.toFixed(0);
    return { short: `${v}K`, long: `${v} KB/s` };
  }
  const mb = kb / 1024;
  const v = mb < 10 ? mb.toFixed(2) : mb < 100 ? mb.toFixed(1) : mb.toFixed(0);
  return { short: `${v}M`, long: `${v} MB/s` };
}

export const wgetGnu: Program = async (ctx) => {
  const parsed = parseCommand(ctx, {
    name: 'wget',
    options: [
      { key: 'q', short: 'q', long: 'quiet' },
      { key: 'O', short: 'O', long: 'output-document', arg: 'required' },
      { key: 'S', short: 'S', long: 'server-response' },
      { key: 'spider', long: 'spider' },
      { key: 'T', short: 'T', long: 'timeout', arg: 'required' },
      { key: 'U', short: 'U', long: 'user-agent', arg: 'required' },
      { key: 'header', long: 'header', arg: 'required' },
      { key: 'nv', long: 'no-verbose' },
      { key: 't', short: 't', long: 'tries', arg: 'required' },
    ],
    version: 'GNU Wget 1.25.0 built on linux-gnu.',
  });
  if (typeof parsed === 'number') return parsed;
  const o = parsed.options;
  const quiet = o.has('q');
  const say = (text: string) => !quiet && ctx.stderr.write(text);
  if (parsed.operands.length === 0) {
    ctx.stderr.write(
      "wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n",
    );
    return 1;
  }
  let status = 0;
  for (const raw of parsed.operands) {
    let current = /^[a-z]+:\/\//i.test(raw) ? raw : `http://${raw}`;
    let response: HttpResponse | undefined;
    let finalPath = '/';
    for (let hop = 0; hop < 20; hop++) {
      const url = parseUrl(current);
      if ('error' in url) {
        ctx.stderr.write(`${current}: Unsupported scheme.\n`);
        return 1;
      }
      finalPath = url.path;
      say(`--${strftime('%Y-%m-%d %H:%M:%S', ctx.now())}--  ${url.scheme}://${url.authority}${url.path}\n`);
      const numeric = /^\d+\.\d+\.\d+\.\d+$/.test(url.host);
      const address = ctx.net.resolve(url.host);
      if (!numeric) say(`Resolving ${url.host} (${url.host})... `);
      if (!address) {
        say('failed: Name or service not known.\n');
        ctx.stderr.write(`wget: unable to resolve host address '${url.host}'\n`);
        return 4;
      }
      if (!numeric) say(`${address}\n`);
      say(
        numeric
          ? `Connecting to ${address}:${url.port}... `
          : `Connecting to ${url.host} (${url.host})|${address}|:${url.port}... `,
      );
      try {
        response = await ctx.net.http(url.host, url.port, {
          method: o.has('spider') ? 'HEAD' : 'GET',
          path: url.path,
          headers: {
            Host: url.authority,
            'User-Agent': o.last('U') ?? 'Wget/1.25.0',
            Accept: '*/*',
            'Accept-Encoding': 'identity',
            Connection: 'Keep-Alive',
          },
          body: '',
        });
      } catch (error) {
        if (!(error instanceof NetError)) throw error;
        say(
          `failed: ${error.code === 'EHOSTUNREACH' ? 'No route to host' : error.code === 'ETIMEDOUT' ? 'Connection timed out' : 'Connection refused'}.\n`,
        );
        status = 4;
        break;
      }
      say('connected.\n');
      const reason = response.statusText ?? REASONS[response.status] ?? '';
      say(`HTTP request sent, awaiting response... ${o.has('S') ? '\n' : ''}`);
      if (o.has('S')) {
        say(`  HTTP/1.1 ${response.status} ${reason}\n`);
        for (const [k, v] of Object.entries(response.headers)) say(`  ${k}: ${v}\n`);
      } else say(`${response.status} ${reason}\n`);
      const location = Object.entries(response.headers).find(([k]) => k.toLowerCase() === 'location')?.[1];
      if (response.status >= 300 && response.status < 400 && location) {
        current = resolveLocation(url, location);
        say(`Location: ${location} [following]\n`);
        continue;
      }
      if (response.status >= 400) {
        say(`${strftime('%Y-%m-%d %H:%M:%S', ctx.now())} ERROR ${response.status}: ${reason}.\n\n`);
        status = 8;
        response = undefined;
      }
      break;
    }
    if (!response) continue;
    const type = Object.entries(response.headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1];
    const size = response.body.length;
    say(`Length: ${size}${type ? ` [${type}]` : ''}\n`);
    if (o.has('spider')) {
      say('Remote file exists.\n\n');
      continue;
    }
    const name = o.last('O') ?? (finalPath.split('?')[0]!.split('/').pop() || 'index.html');
    const toStdout = name === '-';
    say(toStdout ? "Saving to: 'STDOUT'\n\n" : `Saving to: '${name}'\n\n`);
    if (toStdout) ctx.stdout.write(response.body);
    else
      ctx.fs.writeFile(resolvePath(ctx.cwd, name), response.body, { uid: ctx.user.uid, gid: ctx.user.gid });
    const r = rate(size);
    say(`${'0'.padStart(6)}K${' '.repeat(55)} 100% ${r.short}=0s\n\n`);
    say(
      `${strftime('%Y-%m-%d %H:%M:%S', ctx.now())} (${r.long}) - ${toStdout ? 'written to stdout' : `'${name}' saved`} [${size}/${size}]\n\n`,
    );
  }
  return status;
};
