/**
 * nginx's own pages (ngx_http_special_response.c): the error pages, with CRLF line
 * ends and the `nginx/<version>` tail (just `nginx` with `server_tokens off`), and the
 * autoindex listing.
 */
import type { FileSystem } from '../../../fs/types.ts';
import { strftime } from '../../../shell/utils/support/time.ts';

export const ERROR_TITLES: Readonly<Record<number, string>> = {
  301: '301 Moved Permanently',
  302: '302 Found',
  303: '303 See Other',
  307: '307 Temporary Redirect',
  308: '308 Permanent Redirect',
  400: '400 Bad Request',
  401: '401 Authorization Required',
  403: '403 Forbidden',
  404: '404 Not Found',
  405: '405 Not Allowed',
  408: '408 Request Time-out',
  413: '413 Request Entity Too Large',
  500: '500 Internal Server Error',
  501: '501 Not Implemented',
  502: '502 Bad Gateway',
  503: '503 Service Temporarily Unavailable',
  504: '504 Gateway Time-out',
};

/** The reason phrase nginx puts on the status line. */
export function statusText(status: number): string | undefined {
  return ERROR_TITLES[status]?.slice(4);
}

export function errorPage(status: number, server: string): string | undefined {
  const title = ERROR_TITLES[status];
  if (!title) return undefined;
  return (
    `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n` +
    `<hr><center>${server}</center>\r\n</body>\r\n</html>\r\n`
  );
}

/** `autoindex on;`: the listing of a directory (names padded to 50, date, size). */
export function autoindexPage(fs: FileSystem, dir: string, uri: string): string {
  let body = `<html>\r\n<head><title>Index of ${uri}</title></head>\r\n<body>\r\n<h1>Index of ${uri}</h1><hr><pre><a href="../">../</a>\r\n`;
  const entries = fs
    .readdir(dir)
    .filter((n) => !n.startsWith('.'))
    .map((n) => ({ n, st: fs.stat(`${dir}/${n}`) }))
    .filter((e) => e.st !== undefined);
  const dirsFirst = [
    ...entries.filter((e) => e.st!.kind === 'dir'),
    ...entries.filter((e) => e.st!.kind !== 'dir'),
  ];
  for (const { n, st } of dirsFirst) {
    const name = st!.kind === 'dir' ? `${n}/` : n;
    const shown = name.length > 50 ? `${name.slice(0, 47)}..>` : name;
    const date = strftime('%d-%b-%Y %H:%M', st!.mtime);
    const size = st!.kind === 'dir' ? '-' : String(st!.size);
    body += `<a href="${encodeURI(name)}">${shown}</a>${' '.repeat(51 - shown.length)}${date} ${size.padStart(19)}\r\n`;
  }
  return `${body}</pre><hr></body>\r\n</html>\r\n`;
}
