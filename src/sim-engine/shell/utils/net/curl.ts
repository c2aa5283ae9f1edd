/**
 * curl 8.x: GET/HEAD/POST and any -X method over the simulated network (ctx.net.http),
 * with -s -S -i -I -v -o -O -L -f -X -H -d --data-raw --json -u -A -w --connect-timeout
 * -m --fail-with-body. Errors and exit codes are curl's: (6) resolve, (7) connect,
 * (22) -f on HTTP >= 400, (28) timeouts, (3) bad URL, (47) redirects. The progress
 * meter goes to stderr when stdout is not a terminal, unless -s.
 *
 * Differs from curl: https is carried as plain HTTP (there is no TLS in the
 * simulation); IPv6 is never tried; timings are virtual and tiny.
 */
import type { HttpResponse, ProcessContext, Program } from '../../../process/types.ts';
import { NetError } from '../../../process/types.ts';
import { distroOf } from '../support/distro.ts';
import { parseOptions } from '../support/getopt.ts';
import type { OptionDef } from '../support/getopt.ts';
import { resolvePath } from '../support/io.ts';
import { PROGRESS_HEADER, progressLine } from './curl-progress.ts';
import { base64, parseUrl, REASONS, resolveLocation } from './url.ts';

const OPTIONS: OptionDef[] = [
  { key: 's', short: 's', long: 'silent' },
  { key: 'S', short: 'S', long: 'show-error' },
  { key: 'i', short: 'i', long: 'include' },
  { key: 'I', short: 'I', long: 'head' },
  { key: 'v', short: 'v', long: 'verbose' },
  { key: 'o', short: 'o', long: 'output', arg: 'required' },
  { key: 'O', short: 'O', long: 'remote-name' },
  { key: 'L', short: 'L', long: 'location' },
  { key: 'f', short: 'f', long: 'fail' },
  { key: 'fail-with-body', long: 'fail-with-body' },
  { key: 'X', short: 'X', long: 'request', arg: 'required' },
  { key: 'H', short: 'H', long: 'header', arg: 'required' },
  { key: 'd', short: 'd', long: 'data', arg: 'required' },
  { key: 'd', long: 'data-raw', arg: 'required' },
  { key: 'd', long: 'data-binary', arg: 'required' },
  { key: 'd', long: 'data-ascii', arg: 'required' },
  { key: 'json', long: 'json', arg: 'required' },
  { key: 'u', short: 'u', long: 'user', arg: 'required' },
  { key: 'A', short: 'A', long: 'user-agent', arg: 'required' },
  { key: 'w', short: 'w', long: 'write-out', arg: 'required' },
  { key: 'connect-timeout', long: 'connect-timeout', arg: 'required' },
  { key: 'm', short: 'm', long: 'max-time', arg: 'required' },
  { key: 'k', short: 'k', long: 'insecure' },
  { key: 'url', long: 'url', arg: 'required' },
  { key: 'retry', long: 'retry', arg: 'required' },
  { key: 'max-redirs', long: 'max-redirs', arg: 'required' },
  { key: 'compressed', long: 'compressed' },
  { key: '4', short: '4', long: 'ipv4' },
  { key: 'no-progress-meter', long: 'no-progress-meter' },
  { key: 'V', short: 'V', long: 'version' },
  { key: 'h', short: 'h', long: 'help', arg: 'optional' },
  { key: 'e', short: 'e', long: 'referer', arg: 'required' },
  { key: 'b', short: 'b', long: 'cookie', arg: 'required' },
];

export function curlVersion(ctx: ProcessContext): string {
  const d = distroOf(ctx.fs);
  if (d.id === 'ubuntu' && d.versionId.startsWith('24.04')) return '8.5.0';
  // Debian 12 (bookworm): the lab hosts, as the machine the fixtures were recorded on
  if (d.id === 'debian' && d.versionId === '12') return '7.88.1';
  return '8.14.1';
}

class CurlExit {
  readonly code: number;
  readonly message: string;
  constructor(code: number, message: string) {
    this.code = code;
    this.message = message;
  }
}

interface Transfer {
  response?: HttpResponse;
  url: string;
  redirects: number;
  remoteIp: string;
  remotePort: number;
  method: string;
  sizeDownload: number;
  sizeUpload: number;
}

function writeOut(format: string, t: Transfer, exitCode: number, errorMessage: string): string {
  const vars: Record<string, string> = {
    http_code: String(t.response?.status ?? 0).padStart(3, '0'),
    response_code: String(t.response?.status ?? 0).padStart(3, '0'),
    url_effective: t.url,
    url: t.url,
    size_download: String(t.sizeDownload),
    size_upload: String(t.sizeUpload),
    size_header: '0',
    content_type: headerOf(t.response, 'content-type') ?? '',
    remote_ip: t.remoteIp,
    remote_port: String(t.remotePort || ''),
    num_redirects: String(t.redirects),
    method: t.method,
    exitcode: String(exitCode),
    errormsg: errorMessage,
    scheme: t.url.split(':')[0]!.toUpperCase(),
    time_total: '0.001000',
    time_connect: '0.000500',
    time_namelookup: '0.000100',
    time_starttransfer: '0.000900',
    time_appconnect: '0.000000',
    time_pretransfer: '0.000600',
    time_redirect: '0.000000',
    speed_download: String(t.sizeDownload * 1000),
    http_version: '1.1',
  };
  return format
    .replace(/\\([nrt\\])/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t', '\\': '\\' })[c]!)
    .replace(/%\{([a-z_]+)\}/g, (m, name: string) => vars[name] ?? m)
    .replace(/%\{header\{([^}]*)\}\}/g, (_, name: string) => headerOf(t.response, name) ?? '')
    .replace(/%%/g, '%');
}

function headerOf(r: HttpResponse | undefined, name: string): string | undefined {
  if (!r) return undefined;
  const key = Object.keys(r.headers).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : r.headers[key];
}

function responseHead(r: HttpResponse): string {
  const lines = [`HTTP/1.1 ${r.status} ${r.statusText ?? REASONS[r.status] ?? ''}`.trimEnd()];
  const headers = { ...r.headers };
  if (!Object.keys(headers).some((k) => /^(content-length|transfer-encoding)$/i.test(k)))
    headers['Content-Length'] = String(r.body.length);
  for (const [k, v] of Object.entries(headers)) lines.push(`${k}: ${v}`);
  return lines.map((l) => l + '\r\n').join('') + '\r\n';
}

export const curl: Program = async (ctx) => {
  const version = curlVersion(ctx);
  const parsed = parseOptions(ctx.argv.slice(1), { options: OPTIONS });
  const tryHelp = "curl: try 'curl --help' or 'curl --manual' for more information\n";
  if (!parsed.ok) {
    const e = parsed.error;
    const name = e.kind.endsWith('short')
      ? `-${e.option}`
      : e.option.startsWith('--')
        ? e.option.split('=')[0]
        : `--${e.option}`;
    ctx.stderr.write(
      e.kind.startsWith('missing')
        ? `curl: option ${name}: requires parameter\n${tryHelp}`
        : `curl: option ${name}: is unknown\n${tryHelp}`,
    );
    return 2;
  }
  const o = parsed.options;
  if (o.has('V')) {
    ctx.stdout.write(
      `curl ${version} (x86_64-pc-linux-gnu) libcurl/${version} OpenSSL/3.5.1 zlib/1.3.1 brotli/1.1.0 zstd/1.5.7 libidn2/2.3.8 libpsl/0.21.2 libssh2/1.11.1 nghttp2/1.64.0 nghttp3/1.8.0 librtmp/2.3 OpenLDAP/2.6.10\nRelease-Date: 2025-06-04, security patched: ${version}-2\nProtocols: dict file ftp ftps gopher gophers http https imap imaps ipfs ipns ldap ldaps mqtt pop3 pop3s rtmp rtsp scp sftp smb smbs smtp smtps telnet tftp ws wss\nFeatures: alt-svc AsynchDNS brotli GSS-API HSTS HTTP2 HTTP3 HTTPS-proxy IDN IPv6 Kerberos Largefile libz NTLM PSL SPNEGO SSL threadsafe TLS-SRP UnixSockets zstd\n`,
    );
    return 0;
  }
  if (o.has('h')) {
    ctx.stdout.write(
      'Usage: curl [options...] <url>\n -d, --data <data>           HTTP POST data\n -f, --fail                  Fail fast with no output on HTTP errors\n -h, --help <subject>        Get help for commands\n -o, --output <file>         Write to file instead of stdout\n -O, --remote-name           Write output to file named as remote file\n -i, --show-headers          Show response headers in output\n -s, --silent                Silent mode\n -T, --upload-file <file>    Transfer local FILE to destination\n -u, --user <user:password>  Server user and password\n -A, --user-agent <name>     Send User-Agent <name> to server\n -v, --verbose               Make the operation more talkative\n -V, --version               Show version number and quit\n\nThis is not the full help; this menu is split into categories.\nUse "--help category" to get an overview of all categories.\nUse "--help all" to list all options\n',
    );
    return 0;
  }
  const urls = [...parsed.operands, ...o.all('url')];
  if (urls.length === 0) {
    ctx.stderr.write(`curl: no URL specified\n${tryHelp}`);
    return 2;
  }
  const silent = o.has('s');
  const showError = !silent || o.has('S');
  const verbose = o.has('v');
  const toTerminal = ctx.tty && !o.has('o') && !o.has('O');
  const meter = !silent && !toTerminal && !o.has('no-progress-meter');
  const info = (line: string) => verbose && ctx.stderr.write(line + '\n');
  const v7 = version.startsWith('7.');
  let status = 0;

  for (const rawUrl of urls) {
    const started = ctx.now();
    const json = o.last('json');
    const dataParts = o.all('d').map((d) => {
      if (d.startsWith('@')) {
        try {
          return ctx.fs.readFile(resolvePath(ctx.cwd, d.slice(1))).replace(/[\r\n]/g, '');
        } catch {
          ctx.stderr.write(
            `Warning: Couldn't read data from file "${d.slice(1)}", this makes an empty POST.\n`,
          );
          return '';
        }
      }
      return d;
    });
    let body = json !== undefined ? json : dataParts.join('&');
    const hasBody = o.has('d') || json !== undefined;
    let method = o.last('X') ?? (o.has('I') ? 'HEAD' : hasBody ? 'POST' : 'GET');
    const t: Transfer = {
      url: rawUrl,
      redirects: 0,
      remoteIp: '',
      remotePort: 0,
      method,
      sizeDownload: 0,
      sizeUpload: 0,
    };
    let code = 0;
    let message = '';
    let output = '';
    if (meter) ctx.stderr.write(PROGRESS_HEADER + progressLine(0, 0, 0, 0));
    try {
      let current = rawUrl;
      const maxRedirs = Number(o.last('max-redirs') ?? 50);
      for (;;) {
        const url = parseUrl(current);
        if ('error' in url) {
          if (url.error === 'scheme') throw new CurlExit(1, `Protocol "${url.scheme}" not supported`);
          throw new CurlExit(3, 'URL rejected: Malformed input to a URL function');
        }
        t.url = `${url.scheme}://${url.authority}${url.path}`;
        const address = ctx.net.resolve(url.host);
        if (!address) throw new CurlExit(6, `Could not resolve host: ${url.host}`);
        t.remoteIp = address;
        t.remotePort = url.port;
        if (!v7) {
          info(`* Host ${url.host}:${url.port} was resolved.`);
          info(`* IPv6: (none)`);
          info(`* IPv4: ${address}`);
        }
        info(`*   Trying ${address}:${url.port}...`);
        const reqHeaders: Record<string, string> = {
          Host: url.authority,
          'User-Agent': o.last('A') ?? `curl/${version}`,
          Accept: '*/*',
        };
        const userinfo = o.last('u') ?? url.user;
        if (userinfo !== undefined)
          reqHeaders.Authorization = `Basic ${base64(userinfo.includes(':') ? userinfo : userinfo + ':')}`;
        if (o.has('e')) reqHeaders.Referer = o.last('e')!;
        if (o.has('b')) reqHeaders.Cookie = o.last('b')!;
        if (json !== undefined) {
          reqHeaders['Content-Type'] = 'application/json';
          reqHeaders.Accept = 'application/json';
        }
        if (hasBody && method !== 'GET' && method !== 'HEAD') {
          reqHeaders['Content-Length'] = String(body.length);
          if (json === undefined) reqHeaders['Content-Type'] = 'application/x-www-form-urlencoded';
        }
        for (const h of o.all('H')) {
          const colon = h.indexOf(':');
          if (colon < 0) continue;
          const name = h.slice(0, colon).trim();
          const value = h.slice(colon + 1).trim();
          const existing = Object.keys(reqHeaders).find((k) => k.toLowerCase() === name.toLowerCase());
          if (existing) delete reqHeaders[existing];
          if (value !== '' || h.endsWith(';')) reqHeaders[name] = value;
        }
        let response: HttpResponse;
        const timeout = Number(o.last('connect-timeout') ?? o.last('m') ?? 0);
        try {
          response = await ctx.net.http(url.host, url.port, {
            method,
            path: url.path,
            headers: reqHeaders,
            body: hasBody ? body : '',
          });
        } catch (error) {
          if (!(error instanceof NetError)) throw error;
          const took = ctx.now() - started;
          if (error.code === 'ENOTFOUND') throw new CurlExit(6, `Could not resolve host: ${url.host}`);
          if (error.code === 'ETIMEDOUT' || (error.code === 'EHOSTUNREACH' && timeout > 0)) {
            const ms = timeout > 0 ? Math.round(timeout * 1000) + 1 : took;
            if (timeout > 0) await ctx.sleep(Math.max(0, ms - took));
            throw new CurlExit(
              28,
              o.has('connect-timeout')
                ? `Failed to connect to ${url.host} port ${url.port} after ${ms} ms: Timeout was reached`
                : `Connection timed out after ${ms} milliseconds`,
            );
          }
          if (error.code === 'EHOSTUNREACH') {
            await ctx.sleep(3000);
            throw new CurlExit(
              7,
              `Failed to connect to ${url.host} port ${url.port} after ${ctx.now() - started} ms: Could not connect to server`,
            );
          }
          throw new CurlExit(
            7,
            `Failed to connect to ${url.host} port ${url.port} after ${took} ms: Couldn't connect to server`,
          );
        }
        t.response = response;
        t.sizeUpload += hasBody ? body.length : 0;
        info(`* Connected to ${url.host} (${address}) port ${url.port}${v7 ? ' (#0)' : ''}`);
        if (!v7) info('* using HTTP/1.x');
        if (verbose) {
          ctx.stderr.write(`> ${method} ${url.path} HTTP/1.1\r\n`);
          for (const [k, v] of Object.entries(reqHeaders)) ctx.stderr.write(`> ${k}: ${v}\r\n`);
          ctx.stderr.write('> \r\n');
          if (hasBody) {
            if (!ctx.tty) info(`} [${body.length} bytes data]`);
            info(
              `* ${v7 ? 'We are completely uploaded and fine' : `upload completely sent off: ${body.length} bytes`}`,
            );
          } else if (!v7) info('* Request completely sent off');
        }
        const head = responseHead(response);
        if (verbose) for (const line of head.split('\r\n').slice(0, -1)) ctx.stderr.write(`< ${line}\r\n`);
        const location = headerOf(response, 'location');
        if (o.has('i') || o.has('I')) output += head;
        if (o.has('L') && location && response.status >= 300 && response.status < 400) {
          if (t.redirects >= maxRedirs) throw new CurlExit(47, `Maximum (${maxRedirs}) redirects followed`);
          t.redirects++;
          current = resolveLocation(url, location);
          info(`* Issue another request to this URL: '${current}'`);
          if (
            response.status === 303 ||
            ((response.status === 301 || response.status === 302) && method === 'POST' && !o.has('X'))
          ) {
            method = 'GET';
            body = '';
          }
          continue;
        }
        if ((o.has('f') || o.has('fail-with-body')) && response.status >= 400) {
          if (o.has('fail-with-body')) output += response.body;
          throw new CurlExit(22, `The requested URL returned error: ${response.status}`);
        }
        if (method !== 'HEAD') {
          output += response.body;
          t.sizeDownload = response.body.length;
          // curl summarises the body when it does not go to a terminal
          if (!ctx.tty) info(`{ [${response.body.length} bytes data]`);
        }
        info(`* Connection #0 to host ${url.host} left intact`);
        break;
      }
    } catch (error) {
      if (!(error instanceof CurlExit)) throw error;
      code = error.code;
      message = error.message;
    }
    const connectFailed = code === 7 || code === 28;
    if (connectFailed) info(`* ${message}`);
    if (meter) {
      const size = t.sizeDownload;
      ctx.stderr.write(
        code === 0 || size > 0
          ? progressLine(size, size, t.sizeUpload, Math.max(1, ctx.now() - started)) + '\n'
          : progressLine(0, 0, 0, 0) + '\n',
      );
    }
    if (code !== 0 && code !== 22) info(v7 ? '* Closing connection 0' : '* closing connection #0');
    if (o.has('o') || o.has('O')) {
      const name = o.last('o') ?? (t.url.split('?')[0]!.split('/').pop() || 'index.html');
      if (name === '-') ctx.stdout.write(output);
      else if (name !== '/dev/null' && (code === 0 || output !== '')) {
        try {
          ctx.fs.writeFile(resolvePath(ctx.cwd, name), output, { uid: ctx.user.uid, gid: ctx.user.gid });
        } catch {
          code = 23;
          message = `Failure writing output to destination, passed ${output.length} returned 0`;
          if (o.has('o')) {
            ctx.stderr.write(`Warning: Failed to open the file ${name}: No such file or directory\n`);
          }
        }
      }
    } else ctx.stdout.write(output);
    if (code !== 0 && showError) ctx.stderr.write(`curl: (${code}) ${message}\n`);
    if (o.has('w')) ctx.stdout.write(writeOut(o.last('w')!, t, code, message));
    if (code !== 0) status = code;
  }
  return status;
};
