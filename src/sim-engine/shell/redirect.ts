/**
 * Redirections: opening files, duplicating and closing descriptors, here-documents
 * and here-strings. `/dev/null`, `/dev/stdout`, `/dev/stderr`, `/dev/stdin`,
 * `/dev/fd/N` and `/dev/tty` are the shell's business here, whether or not the file
 * system has a /dev, since every image's shell behaves the same with them.
 */
import { FsError, STRERROR, type FsErrorCode } from '../fs/types.ts';
import { toAbsolute } from '../fs/path.ts';
import { StringReader } from '../process/streams.ts';
import type { Redirect } from './ast.ts';
import { expandString, expandWords } from './expand.ts';
import { FileWriter, type Fd, type Io } from './io.ts';
import type { Interp } from './interp.ts';

const DEV_NULL: Fd = { reader: { read: () => Promise.resolve(null) }, writer: { write() {} } };

/** Why opening failed, as errno. */
class OpenError {
  readonly code: FsErrorCode | 'ENXIO' | 'EEXIST_CLOBBER' | 'EBADF';
  constructor(code: OpenError['code']) {
    this.code = code;
  }
}

function openMessage(sh: Interp, path: string, code: OpenError['code'], create: boolean): string {
  const d = sh.dialect.name;
  if (code === 'EBADF') return `${path}: Bad file descriptor`;
  if (d === 'bash') {
    if (code === 'EEXIST_CLOBBER') return `${path}: cannot overwrite existing file`;
    if (code === 'ENXIO') return `${path}: No such device or address`;
    return `${path}: ${STRERROR[code]}`;
  }
  let reason: string;
  if (code === 'ENXIO') reason = 'No such device or address';
  else if (code === 'EEXIST_CLOBBER') reason = 'File exists';
  else if (code === 'ENOENT')
    reason = create
      ? d === 'dash'
        ? 'Directory nonexistent'
        : 'nonexistent directory'
      : d === 'dash'
        ? 'No such file'
        : 'no such file';
  else reason = STRERROR[code];
  const verb =
    d === 'dash' ? (create ? 'cannot create' : 'cannot open') : create ? "can't create" : "can't open";
  return `${verb} ${path}: ${reason}`;
}

/** A special file the shell handles itself, or undefined. */
function special(sh: Interp, path: string, io: Io, write: boolean): Fd | undefined {
  switch (path) {
    case '/dev/null':
      return DEV_NULL;
    case '/dev/stdin':
      return io.get(0) ?? DEV_NULL;
    case '/dev/stdout':
      return io.get(1) ?? DEV_NULL;
    case '/dev/stderr':
      return io.get(2) ?? DEV_NULL;
    case '/dev/tty': {
      const t = sh.proc.terminal;
      if (!t) throw new OpenError('ENXIO');
      return write ? { writer: t.writer } : { reader: t.reader };
    }
  }
  const m = /^\/dev\/fd\/(\d+)$/.exec(path);
  if (m) {
    const fd = io.get(Number(m[1]));
    if (!fd) throw new OpenError('ENOENT');
    return fd;
  }
  return undefined;
}

function openRead(sh: Interp, path: string, io: Io): Fd {
  const s = special(sh, path, io, false);
  if (s) return s;
  const abs = toAbsolute(sh.state.cwd, path);
  const st = sh.ctx.fs.stat(abs);
  if (!st) throw new OpenError('ENOENT');
  if (st.kind === 'dir') return DEV_NULL;
  try {
    return { reader: new StringReader(sh.ctx.fs.readFile(abs)) };
  } catch (e) {
    throw e instanceof FsError ? new OpenError(e.code) : e;
  }
}

function openWrite(sh: Interp, path: string, io: Io, append: boolean, clobber: boolean): Fd {
  const s = special(sh, path, io, true);
  if (s) return s;
  if (path === '') throw new OpenError('ENOENT');
  const fs = sh.ctx.fs;
  const abs = toAbsolute(sh.state.cwd, path);
  const st = fs.stat(abs);
  if (st?.kind === 'dir') throw new OpenError('EISDIR');
  if (st && !append && !clobber && sh.state.options.noclobber && st.kind === 'file')
    throw new OpenError('EEXIST_CLOBBER');
  try {
    if (!st || !append) {
      const umask = sh.state.umask;
      fs.writeFile(abs, '', { mode: 0o666 & ~umask, uid: sh.ctx.user.uid, gid: sh.ctx.user.gid });
    } else {
      // opening for append checks the file can be written (a read-only mount: EROFS)
      fs.writeFile(abs, '', { append: true });
    }
  } catch (e) {
    throw e instanceof FsError ? new OpenError(e.code) : e;
  }
  return { writer: new FileWriter(fs, abs) };
}

/** The file name a redirection names; bash reports a word that expands to several. */
async function target(sh: Interp, r: Redirect): Promise<string | undefined> {
  if (sh.dialect.name !== 'bash') return expandString(sh, r.target);
  const words = await expandWords(sh, [r.target]);
  if (words.length === 1) return words[0]!;
  sh.error(`${rawText(r)}: ambiguous redirect`);
  return undefined;
}

function rawText(r: Redirect): string {
  return r.target.parts
    .map((p) =>
      p.type === 'param' ? (p.text ?? `$${p.name}`) : p.type === 'lit' || p.type === 'quoted' ? p.text : '',
    )
    .join('');
}

/**
 * Apply redirections to a copy of `io`. On failure the message is printed and the
 * result is undefined (the command does not run; its status is 1, or 2 in dash).
 */
export async function applyRedirects(
  sh: Interp,
  redirs: readonly Redirect[],
  io0: Io,
): Promise<Io | undefined> {
  let io = io0;
  for (const r of redirs) {
    const input =
      r.op === '<' || r.op === '<<' || r.op === '<<-' || r.op === '<<<' || r.op === '<&' || r.op === '<>';
    const fd = r.fd ?? (input ? 0 : 1);
    let path = '';
    try {
      switch (r.op) {
        case '<':
        case '<>': {
          const p = await target(sh, r);
          if (p === undefined) return undefined;
          path = p;
          io = io.with(fd, openRead(sh, path, io));
          break;
        }
        case '>':
        case '>|':
        case '>>':
        case '&>':
        case '&>>': {
          const p = await target(sh, r);
          if (p === undefined) return undefined;
          path = p;
          const f = openWrite(sh, path, io, r.op === '>>' || r.op === '&>>', r.op === '>|');
          io = io.with(fd, f);
          if (r.op === '&>' || r.op === '&>>') io = io.with(2, f);
          break;
        }
        case '>&':
        case '<&': {
          const t = await expandString(sh, r.target);
          if (t === '-') io = io.with(fd, undefined);
          else if (/^\d+$/.test(t)) {
            const src = io.get(Number(t));
            if (!src) {
              path = t;
              throw new OpenError('EBADF');
            }
            io = io.with(fd, src);
          } else if (r.op === '>&' && r.fd === undefined && sh.dialect.ampRedirect) {
            path = t;
            const f = openWrite(sh, t, io, false, false);
            io = io.with(1, f).with(2, f);
          } else {
            sh.error(sh.dialect.name === 'bash' ? `${t}: ambiguous redirect` : 'Syntax error: Bad fd number');
            return undefined;
          }
          break;
        }
        case '<<':
        case '<<-': {
          const doc = r.heredoc!;
          const body = doc.quoted
            ? doc.body.parts.map((p) => (p.type === 'quoted' ? p.text : '')).join('')
            : await expandString(sh, doc.body);
          io = io.with(fd, { reader: new StringReader(body) });
          break;
        }
        case '<<<': {
          const text = await expandString(sh, r.target);
          io = io.with(fd, { reader: new StringReader(text + '\n') });
          break;
        }
      }
    } catch (e) {
      if (!(e instanceof OpenError)) throw e;
      const create = !input && e.code !== 'EBADF';
      sh.error(openMessage(sh, path, e.code, create));
      return undefined;
    }
  }
  return io;
}

/** The status of a command whose redirection failed. */
export function redirectFailStatus(sh: Interp): number {
  return sh.dialect.name === 'dash' ? 2 : 1;
}
