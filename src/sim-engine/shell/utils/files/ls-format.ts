/**
 * How ls lays out what it lists: the mode string, the long format's columns (GNU
 * sizes each column to its widest entry, BusyBox uses fixed printf widths), and the
 * multi-column layout of a terminal (GNU fits as many columns of varying width as
 * 80 characters hold; BusyBox uses one width for all).
 */
import type { Stat } from '../../../fs/types.ts';

export function modeString(st: Stat): string {
  const type = st.kind === 'dir' ? 'd' : st.kind === 'symlink' ? 'l' : '-';
  const m = st.mode;
  const bit = (mask: number, ch: string) => (m & mask ? ch : '-');
  const special = (exec: boolean, set: boolean, on: string, off: string) =>
    set ? (exec ? on : off) : exec ? 'x' : '-';
  return (
    type +
    bit(0o400, 'r') +
    bit(0o200, 'w') +
    special(!!(m & 0o100), !!(m & 0o4000), 's', 'S') +
    bit(0o040, 'r') +
    bit(0o020, 'w') +
    special(!!(m & 0o010), !!(m & 0o2000), 's', 'S') +
    bit(0o004, 'r') +
    bit(0o002, 'w') +
    special(!!(m & 0o001), !!(m & 0o1000), 't', 'T')
  );
}

export interface LongRow {
  mode: string;
  links: number;
  owner: string;
  group: string;
  size: string;
  date: string;
  name: string;
}

export function formatLong(rows: LongRow[], variant: 'gnu' | 'busybox', human: boolean): string[] {
  if (variant === 'busybox') {
    const sizeWidth = human ? 7 : 9;
    return rows.map(
      (r) =>
        `${r.mode} ${String(r.links).padStart(4)} ${r.owner.slice(0, 8).padEnd(8)} ${r.group.slice(0, 8).padEnd(8)} ${r.size.padStart(sizeWidth)} ${r.date} ${r.name}`,
    );
  }
  const w = (f: (r: LongRow) => string) => Math.max(0, ...rows.map((r) => f(r).length));
  const links = w((r) => String(r.links));
  const owner = w((r) => r.owner);
  const group = w((r) => r.group);
  const size = w((r) => r.size);
  return rows.map(
    (r) =>
      `${r.mode} ${String(r.links).padStart(links)} ${r.owner.padEnd(owner)} ${r.group.padEnd(group)} ${r.size.padStart(size)} ${r.date} ${r.name}`,
  );
}

/** Names in columns, filled top to bottom, as `ls -C` prints them. */
export function formatColumns(names: string[], width: number, variant: 'gnu' | 'busybox'): string[] {
  if (names.length === 0) return [];
  const lens = names.map((n) => n.length);
  if (variant === 'busybox') {
    const colWidth = Math.max(...lens) + 2;
    const cols = Math.max(1, Math.floor(width / colWidth));
    const rows = Math.ceil(names.length / cols);
    const lines: string[] = [];
    for (let r = 0; r < rows; r++) {
      let line = '';
      for (let c = 0; c < cols; c++) {
        const i = c * rows + r;
        if (i >= names.length) break;
        const last = c === cols - 1 || (c + 1) * rows + r >= names.length;
        line += last ? names[i] : names[i]!.padEnd(colWidth);
      }
      lines.push(line);
    }
    return lines;
  }
  // GNU: the largest number of columns whose widths (widest name + 2, last column
  // unpadded) fit in the line.
  let best = { cols: 1, rows: names.length, widths: [Math.max(...lens)] };
  for (let cols = 2; cols <= names.length; cols++) {
    const rows = Math.ceil(names.length / cols);
    if (Math.ceil(names.length / rows) !== cols) continue;
    const widths: number[] = [];
    for (let c = 0; c < cols; c++) widths.push(Math.max(...lens.slice(c * rows, (c + 1) * rows)));
    const total = widths.reduce((a, b) => a + b + 2, 0) - 2;
    if (total < width) best = { cols, rows, widths };
  }
  const lines: string[] = [];
  for (let r = 0; r < best.rows; r++) {
    let line = '';
    for (let c = 0; c < best.cols; c++) {
      const i = c * best.rows + r;
      if (i >= names.length) break;
      const last = c === best.cols - 1 || (c + 1) * best.rows + r >= names.length;
      line += last ? names[i] : names[i]!.padEnd(best.widths[c]! + 2);
    }
    lines.push(line);
  }
  return lines;
}

/** GNU's shell-escape quoting for a terminal: names with special characters in '…'. */
export function quoteName(name: string): string {
  if (/^[A-Za-z0-9._\-+,:@%/=^~]+$/.test(name)) return name;
  return `'${name.replace(/'/g, "'\\''")}'`;
}
