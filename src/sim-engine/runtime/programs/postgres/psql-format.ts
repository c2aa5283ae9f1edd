/**
 * psql's output: aligned tables (headers centred, numbers right-aligned, text left,
 * the last column not padded, `(N rows)` and a blank line), `-t` tuples only, `-A`
 * unaligned with `|`, command tags (`CREATE TABLE`, `INSERT 0 1`), and errors with
 * the LINE and caret under the offending token.
 */
import type { ResultSet } from '../sql/engine.ts';
import type { PgError } from './wire.ts';

export interface FormatOptions {
  tuplesOnly: boolean;
  unaligned: boolean;
  quiet: boolean;
  /** a title above the table (`List of databases`) */
  title?: string;
}

function width(s: string): number {
  return [...s].length;
}

export function formatTable(
  columns: { name: string; numeric: boolean }[],
  rows: (string | null)[][],
  o: FormatOptions,
): string {
  if (o.unaligned) {
    const lines = o.tuplesOnly ? [] : [columns.map((c) => c.name).join('|')];
    for (const r of rows) lines.push(r.map((v) => v ?? '').join('|'));
    if (!o.tuplesOnly) lines.push(`(${rows.length} row${rows.length === 1 ? '' : 's'})`);
    return `${lines.join('\n')}\n`;
  }
  const cells = rows.map((r) => r.map((v) => v ?? ''));
  const widths = columns.map((c, i) =>
    Math.max(o.tuplesOnly ? 0 : width(c.name), ...cells.map((r) => width(r[i]!))),
  );
  const last = columns.length - 1;
  let out = '';
  if (!o.tuplesOnly) {
    const total = widths.reduce((a, w) => a + w + 3, -1);
    if (o.title) out += `${' '.repeat(Math.max(0, Math.floor((total - width(o.title)) / 2)))}${o.title}\n`;
    out += `${columns
      .map((c, i) => {
        const space = widths[i]! - width(c.name);
        const left = Math.floor(space / 2);
        return ` ${' '.repeat(left)}${c.name}${' '.repeat(space - left)} `;
      })
      .join('|')}\n`;
    out += `${widths.map((w) => '-'.repeat(w + 2)).join('+')}\n`;
  }
  for (const r of cells) {
    out += `${r
      .map((v, i) => {
        const space = ' '.repeat(widths[i]! - width(v));
        if (columns[i]!.numeric) return ` ${space}${v}${i === last ? '' : ' '}`;
        return i === last ? ` ${v}` : ` ${v}${space} `;
      })
      .join('|')}\n`;
  }
  if (!o.tuplesOnly) out += `(${rows.length} row${rows.length === 1 ? '' : 's'})\n`;
  return `${out}\n`;
}

export function formatResult(r: ResultSet, o: FormatOptions): string {
  if (r.columns && r.rows) return formatTable(r.columns, r.rows, o);
  return o.quiet ? '' : `${r.tag}\n`;
}

/** `ERROR:  …` with DETAIL, and LINE/caret when the server gave a position. */
export function formatError(e: PgError, prefix = ''): string {
  let out = `${prefix}ERROR:  ${e.message}\n`;
  if (e.detail) out += `DETAIL:  ${e.detail}\n`;
  if (e.at !== undefined) {
    const before = e.query.slice(0, e.at);
    const lineNo = before.split('\n').length;
    const line = e.query.split('\n')[lineNo - 1]!;
    const col = before.length - before.lastIndexOf('\n') - 1;
    const label = `LINE ${lineNo}: `;
    out += `${label}${line}\n${' '.repeat(label.length + col)}^\n`;
  }
  return out;
}
