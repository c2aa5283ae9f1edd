/** Apache's own pages: the error documents and mod_autoindex's plain listing. */
import type { FileSystem } from '../../../fs/types.ts';

const TITLES: Record<number, [string, string]> = {
  400: [
    '400 Bad Request',
    '<p>Your browser sent a request that this server could not understand.<br />\n</p>',
  ],
  403: ['403 Forbidden', "<p>You don't have permission to access this resource.</p>"],
  404: ['404 Not Found', '<p>The requested URL was not found on this server.</p>'],
  405: ['405 Method Not Allowed', '<p>The requested method POST is not allowed for this URL.</p>'],
};

export function errorDocument(status: number, location?: string): string {
  if (status === 301 && location !== undefined) {
    return `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>301 Moved Permanently</title>\n</head><body>\n<h1>Moved Permanently</h1>\n<p>The document has moved <a href="${location}">here</a>.</p>\n</body></html>\n`;
  }
  const [title, text] = TITLES[status] ?? [`${status} Error`, ''];
  return `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>${title}</title>\n</head><body>\n<h1>${title.slice(4)}</h1>\n${text}\n</body></html>\n`;
}

export function listing(fs: FileSystem, dir: string, uri: string): string {
  const items = fs
    .readdir(dir)
    .filter((n) => !n.startsWith('.'))
    .map((n) => (fs.stat(`${dir}/${n}`)?.kind === 'dir' ? `${n}/` : n));
  const path = uri.replace(/\/$/, '') || '/';
  return (
    `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">\n<html>\n <head>\n  <title>Index of ${path}</title>\n </head>\n <body>\n<h1>Index of ${path}</h1>\n` +
    `<ul>${uri === '/' ? '' : '<li><a href="/' + (path.split('/').slice(1, -1).join('/') ? `${path.split('/').slice(1, -1).join('/')}/` : '') + '"> Parent Directory</a></li>\n'}` +
    items.map((n) => `<li><a href="${encodeURI(n)}"> ${n}</a></li>\n`).join('') +
    '</ul>\n</body></html>\n'
  );
}
