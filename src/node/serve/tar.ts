/**
 * Tar archives on the wire: the router carries an archive as its entries (TarArchive),
 * the docker CLI as a POSIX tar stream (Go's archive/tar: ustar headers, PAX records for
 * long or non-ASCII names, GNU long names from older writers). `docker cp` and the
 * build context go through here.
 *
 * Differs from Docker: file contents are text in the simulation, so a file is read as
 * UTF-8 and a simulated binary (`/bin/ls`) is written out with the bytes it holds,
 * not a real executable.
 */
import type { TarArchive } from '../../sim-engine/daemon/archive.ts';
import type { LayerEntry } from '../../sim-engine/images/types.ts';

const BLOCK = 512;

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

function header(fields: {
  name: string;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  mtime: number;
  type: string;
  linkname?: string;
}): Buffer {
  const h = Buffer.alloc(BLOCK);
  h.write(fields.name, 0, 100, 'utf8');
  h.write(octal(fields.mode & 0o7777, 8), 100, 'latin1');
  h.write(octal(fields.uid, 8), 108, 'latin1');
  h.write(octal(fields.gid, 8), 116, 'latin1');
  h.write(octal(fields.size, 12), 124, 'latin1');
  h.write(octal(Math.floor(fields.mtime / 1000), 12), 136, 'latin1');
  h.write('        ', 148, 'latin1');
  h.write(fields.type, 156, 'latin1');
  if (fields.linkname) h.write(fields.linkname, 157, 100, 'utf8');
  h.write('ustar\u000000', 257, 'latin1');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'latin1');
  return h;
}

/** A PAX record `"%d path=value\n"`, its length counting itself. */
function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let n = Buffer.byteLength(body) + 1;
  while (String(n).length + Buffer.byteLength(body) !== n) n = String(n).length + Buffer.byteLength(body);
  return `${n}${body}`;
}

const pad = (size: number) => Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);

/** The archive's entries as a tar stream; a name past ustar's fields gets a PAX header. */
export function tarBytes(body: unknown): Buffer {
  const entries = (body as Partial<TarArchive> | undefined)?.entries ?? [];
  const parts: Buffer[] = [];
  for (const e of entries) {
    if (e.kind !== 'file' && e.kind !== 'dir' && e.kind !== 'symlink') continue;
    const name = e.kind === 'dir' && !e.path.endsWith('/') ? `${e.path}/` : e.path;
    const data = e.kind === 'file' ? Buffer.from(e.data ?? '', 'utf8') : Buffer.alloc(0);
    const type = e.kind === 'dir' ? '5' : e.kind === 'symlink' ? '2' : '0';
    const long = (s: string) => Buffer.byteLength(s) > 100 || /[^\x20-\x7e]/.test(s);
    const fields = {
      name,
      mode: e.mode ?? (e.kind === 'dir' ? 0o755 : 0o644),
      uid: e.uid ?? 0,
      gid: e.gid ?? 0,
      size: data.length,
      mtime: e.mtime ?? 0,
      type,
      linkname: e.target,
    };
    const pax =
      (long(name) ? paxRecord('path', name) : '') +
      (e.target && long(e.target) ? paxRecord('linkpath', e.target) : '');
    if (pax) {
      const paxData = Buffer.from(pax, 'utf8');
      parts.push(
        header({
          ...fields,
          name: 'PaxHeaders/' + name.slice(-80),
          size: paxData.length,
          type: 'x',
          linkname: '',
        }),
        paxData,
        pad(paxData.length),
      );
      fields.name = name.slice(0, 100);
    }
    parts.push(header(fields), data, pad(data.length));
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(parts);
}

export class TarError extends Error {}

function field(h: Buffer, offset: number, width: number): string {
  const raw = h.subarray(offset, offset + width);
  const end = raw.indexOf(0);
  return raw.subarray(0, end < 0 ? width : end).toString('utf8');
}

function number(h: Buffer, offset: number, width: number): number {
  const raw = h.subarray(offset, offset + width);
  // GNU base-256 for values too large for octal
  if (raw[0]! & 0x80) {
    let n = raw[0]! & 0x7f;
    for (let i = 1; i < width; i++) n = n * 256 + raw[i]!;
    return n;
  }
  const text = raw.toString('latin1').replace(/\0.*$/s, '').trim();
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text)) throw new TarError('archive/tar: invalid header');
  return parseInt(text, 8);
}

function paxRecords(data: string): Record<string, string> {
  const out: Record<string, string> = {};
  let rest = data;
  while (rest.length > 0) {
    const m = /^(\d+) ([^=]*)=/.exec(rest);
    if (!m) throw new TarError('archive/tar: invalid header');
    const len = Number(m[1]);
    const record = Buffer.from(rest, 'utf8').subarray(0, len).toString('utf8');
    if (!record.endsWith('\n')) throw new TarError('archive/tar: invalid header');
    out[m[2]!] = record.slice(m[0].length, -1);
    rest = Buffer.from(rest, 'utf8').subarray(len).toString('utf8');
  }
  return out;
}

/** Read a tar stream into the entries the router takes; a malformed one is a TarError. */
export function parseTar(bytes: Buffer): TarArchive {
  const entries: LayerEntry[] = [];
  let at = 0;
  let pax: Record<string, string> = {};
  let longName: string | undefined;
  let longLink: string | undefined;
  while (at + BLOCK <= bytes.length) {
    const h = bytes.subarray(at, at + BLOCK);
    if (h.every((b) => b === 0)) break;
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : h[i]!;
    if (number(h, 148, 8) !== sum) throw new TarError('archive/tar: invalid header');
    const type = String.fromCharCode(h[156]!);
    const size = Number(pax['size'] ?? number(h, 124, 12));
    const dataStart = at + BLOCK;
    if (dataStart + size > bytes.length) throw new TarError('unexpected EOF');
    const data = bytes.subarray(dataStart, dataStart + size);
    at = dataStart + size + ((BLOCK - (size % BLOCK)) % BLOCK);
    if (type === 'x') {
      pax = { ...pax, ...paxRecords(data.toString('utf8')) };
      continue;
    }
    if (type === 'g') continue;
    if (type === 'L' || type === 'K') {
      const text = data.toString('utf8').replace(/\0+$/, '');
      if (type === 'L') longName = text;
      else longLink = text;
      continue;
    }
    const prefix = field(h, 345, 155);
    const name = pax['path'] ?? longName ?? (prefix ? `${prefix}/${field(h, 0, 100)}` : field(h, 0, 100));
    const linkname = pax['linkpath'] ?? longLink ?? field(h, 157, 100);
    pax = {};
    longName = undefined;
    longLink = undefined;
    const path = name.replace(/^\.\//, '').replace(/\/+$/, '');
    if (path === '' || path === '.') continue;
    const common = {
      path,
      mode: number(h, 100, 8) & 0o7777,
      uid: number(h, 108, 8),
      gid: number(h, 116, 8),
      mtime: number(h, 136, 12) * 1000,
    };
    if (type === '5') entries.push({ ...common, kind: 'dir' });
    else if (type === '2') entries.push({ ...common, kind: 'symlink', target: linkname });
    else if (type === '0' || type === '\0' || type === '7')
      entries.push({ ...common, kind: 'file', data: data.toString('utf8') });
    // hard links, devices and FIFOs have nothing the simulation can hold
  }
  return { entries };
}
