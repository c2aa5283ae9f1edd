/**
 * ls (GNU coreutils and BusyBox): -l -a -A -1 -C -R -h -d -t -r -S -F -p -n -L.
 * One name per line when stdout is not a terminal, columns to the terminal width
 * ($COLUMNS or 80) when it is. `-l` shows modes, link counts, owners from the file
 * system's /etc/passwd and /etc/group, sizes and the mtime on the virtual clock.
 *
 * Differs from GNU: no colours (no LS_COLORS); the C locale's byte order for names.
 */
import type { ProcessContext, Program } from '../../../process/types.ts';
import { parseCommand, progName, variantOf } from '../support/command.ts';
import type { Stat } from '../../../fs/types.ts';
import { errorText, resolvePath } from '../support/io.ts';
import { blocksOf, busyboxHuman, gnuHuman } from '../support/sizes.ts';
import { lsDate, strftime } from '../support/time.ts';
import { groupLabel, userLabel } from '../support/users.ts';
import { formatColumns, formatLong, modeString, quoteName } from './ls-format.ts';
import type { Options } from '../support/getopt.ts';

interface Entry {
  /** as shown */
  name: string;
  path: string;
  /** lstat, or stat with -L */
  st: Stat;
}

const OPTIONS = [
  { key: 'l', short: 'l' },
  { key: 'a', short: 'a', long: 'all' },
  { key: 'A', short: 'A', long: 'almost-all' },
  { key: '1', short: '1' },
  { key: 'C', short: 'C' },
  { key: 'R', short: 'R', long: 'recursive' },
  { key: 'h', short: 'h', long: 'human-readable' },
  { key: 'd', short: 'd', long: 'directory' },
  { key: 't', short: 't' },
  { key: 'r', short: 'r', long: 'reverse' },
  { key: 'S', short: 'S' },
  { key: 'F', short: 'F', long: 'classify' },
  { key: 'p', short: 'p' },
  { key: 'n', short: 'n', long: 'numeric-uid-gid' },
  { key: 'L', short: 'L', long: 'dereference' },
  { key: 'U', short: 'U', gnuOnly: true },
  { key: 'w', short: 'w', long: 'width', arg: 'required' as const },
  { key: 'color', long: 'color', arg: 'optional' as const, bbLong: true },
  { key: 'full-time', long: 'full-time', bbLong: true },
  { key: 'group-directories-first', long: 'group-directories-first', bbLong: true },
];

class Lister {
  status = 0;
  readonly lines: string[] = [];
  readonly busybox: boolean;
  readonly columns: boolean;
  readonly width: number;
  readonly ctx: ProcessContext;
  readonly o: Options;
  constructor(ctx: ProcessContext, o: Options) {
    this.ctx = ctx;
    this.o = o;
    this.busybox = variantOf(ctx) === 'busybox';
    const layout = o.lastOf('l', '1', 'C');
    this.columns = layout === 'C' || (layout === undefined && ctx.tty);
    this.width = Number(o.last('w') ?? ctx.env.get('COLUMNS') ?? 80) || 80;
  }

  get long(): boolean {
    return this.o.has('l') && this.o.lastOf('l', '1', 'C') === 'l';
  }

  stat(path: string): Stat | undefined {
    return this.o.has('L') ? (this.ctx.fs.stat(path) ?? this.ctx.fs.lstat(path)) : this.ctx.fs.lstat(path);
  }

  sort(entries: Entry[]): Entry[] {
    const byName = (a: Entry, b: Entry) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    let sorted = [...entries];
    if (!this.o.has('U')) {
      const key = this.o.lastOf('t', 'S');
      if (key === 't') sorted.sort((a, b) => b.st.mtime - a.st.mtime || byName(a, b));
      else if (key === 'S') sorted.sort((a, b) => b.st.size - a.st.size || byName(a, b));
      else sorted.sort(byName);
      if (this.o.has('r')) sorted.reverse();
    }
    if (this.o.has('group-directories-first'))
      sorted = [...sorted.filter((e) => e.st.kind === 'dir'), ...sorted.filter((e) => e.st.kind !== 'dir')];
    return sorted;
  }

  decorate(e: Entry): string {
    let name = this.ctx.tty && !this.busybox ? quoteName(e.name) : e.name;
    if (this.o.has('F')) {
      if (e.st.kind === 'dir') name += '/';
      else if (e.st.kind === 'symlink' && !this.long) name += '@';
      else if (e.st.kind === 'file' && e.st.mode & 0o111) name += '*';
    } else if (this.o.has('p') && e.st.kind === 'dir') name += '/';
    return name;
  }

  linkCount(e: Entry): number {
    if (e.st.kind !== 'dir') return 1;
    try {
      return (
        2 +
        this.ctx.fs.readdir(e.path).filter((n) => this.ctx.fs.lstat(`${e.path}/${n}`)?.kind === 'dir').length
      );
    } catch {
      return 2;
    }
  }

  /** Print a block of entries: long rows, columns or one per line. */
  block(entries: Entry[], total: boolean): void {
    if (this.long) {
      const numeric = this.o.has('n');
      const human = this.o.has('h');
      if (total) {
        const blocks = entries.reduce((sum, e) => sum + blocksOf(e.st.size, e.st.kind), 0);
        this.lines.push(`total ${human && !this.busybox ? gnuHuman(blocks * 1024) : blocks}`);
      }
      const now = this.ctx.now();
      const rows = entries.map((e) => {
        let name = this.decorate(e);
        if (e.st.kind === 'symlink') name += ` -> ${e.st.target ?? this.ctx.fs.readlink(e.path)}`;
        const size = human
          ? this.busybox
            ? busyboxHuman(e.st.size)
            : gnuHuman(e.st.size)
          : String(e.st.size);
        return {
          mode: modeString(e.st),
          links: this.linkCount(e),
          owner: numeric ? String(e.st.uid) : userLabel(this.ctx.fs, e.st.uid),
          group: numeric ? String(e.st.gid) : groupLabel(this.ctx.fs, e.st.gid),
          size,
          date: this.o.has('full-time') ? fullTime(e.st.mtime) : lsDate(e.st.mtime, now),
          name,
        };
      });
      this.lines.push(...formatLong(rows, this.busybox ? 'busybox' : 'gnu', human));
      return;
    }
    const names = entries.map((e) => this.decorate(e));
    if (this.columns) this.lines.push(...formatColumns(names, this.width, this.busybox ? 'busybox' : 'gnu'));
    else this.lines.push(...names);
  }

  children(dir: Entry): Entry[] {
    let names: string[];
    try {
      names = this.ctx.fs.readdir(dir.path);
    } catch (error) {
      this.report(`cannot open directory '${dir.name}'`, dir.name, errorText(error));
      return [];
    }
    const all = this.o.has('a');
    if (!all && !this.o.has('A')) names = names.filter((n) => !n.startsWith('.'));
    const entries: Entry[] = [];
    if (all) {
      for (const n of ['.', '..']) {
        const st = this.ctx.fs.stat(resolvePath(dir.path, n));
        if (st) entries.push({ name: n, path: resolvePath(dir.path, n), st });
      }
    }
    for (const n of names) {
      const path = dir.path === '/' ? `/${n}` : `${dir.path}/${n}`;
      const st = this.stat(path);
      if (st) entries.push({ name: n, path, st });
    }
    return this.sort(entries);
  }

  directory(dir: Entry, header: boolean, first: boolean): void {
    if (header) {
      if (!first) this.lines.push('');
      this.lines.push(`${dir.name}:`);
    }
    const entries = this.children(dir);
    this.block(entries, true);
    if (this.o.has('R')) {
      for (const e of entries) {
        if (e.st.kind !== 'dir' || e.name === '.' || e.name === '..') continue;
        const name = dir.name.endsWith('/') ? `${dir.name}${e.name}` : `${dir.name}/${e.name}`;
        this.directory({ ...e, name }, true, false);
      }
    }
  }

  report(gnuWhat: string, name: string, why: string): void {
    const prog = progName(this.ctx, 'ls');
    this.flush();
    this.ctx.stderr.write(this.busybox ? `${prog}: ${name}: ${why}\n` : `${prog}: ${gnuWhat}: ${why}\n`);
    this.status = this.busybox ? 1 : Math.max(this.status, 1);
  }

  flush(): void {
    if (this.lines.length > 0) this.ctx.stdout.write(this.lines.join('\n') + '\n');
    this.lines.length = 0;
  }
}

/** --full-time: `2026-11-28 12:00:00.000000000 +0000` */
function fullTime(ms: number): string {
  const whole = Math.floor(ms / 1000) * 1000;
  return `${strftime('%Y-%m-%d %H:%M:%S', whole)}.${String((ms - whole) * 1000000).padStart(9, '0')} +0000`;
}

export const ls: Program = async (ctx) => {
  const parsed = parseCommand(ctx, {
    name: 'ls',
    options: OPTIONS,
    usageStatus: 2,
    help: `Usage: ${ctx.argv[0]} [OPTION]... [FILE]...`,
  });
  if (typeof parsed === 'number') return parsed;
  const lister = new Lister(ctx, parsed.options);
  const o = parsed.options;
  const operands = parsed.operands.length > 0 ? parsed.operands : ['.'];
  const files: Entry[] = [];
  const dirs: Entry[] = [];
  // Without -l/-d/-F a symlink named on the command line is followed (GNU and BusyBox).
  const followArgs = o.has('L') || !(o.has('l') || o.has('d') || o.has('F'));
  for (const name of operands) {
    const path = resolvePath(ctx.cwd, name);
    let st = ctx.fs.lstat(path);
    if (st?.kind === 'symlink' && followArgs) st = ctx.fs.stat(path) ?? st;
    if (!st) {
      lister.report(`cannot access '${name}'`, name, 'No such file or directory');
      lister.status = lister.busybox ? 1 : 2;
      continue;
    }
    const entry = { name, path, st };
    if (st.kind === 'dir' && !o.has('d')) dirs.push(entry);
    else files.push(entry);
  }
  const sortedFiles = lister.sort(files);
  if (sortedFiles.length > 0) lister.block(sortedFiles, false);
  const sortedDirs = lister.sort(dirs);
  const headers = operands.length > 1 || o.has('R');
  sortedDirs.forEach((dir, i) => lister.directory(dir, headers, i === 0 && sortedFiles.length === 0));
  lister.flush();
  return lister.status;
};
