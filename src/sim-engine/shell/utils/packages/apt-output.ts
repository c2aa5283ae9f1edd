/**
 * apt's two ways of listing packages: the classic wrapped list of apt-get (and of
 * apt before 3.0) and apt 3.0's columns (ShowWithColumns, like ls).
 */
const SCREEN_WIDTH = 80 - 1 - 3;

/** `The following NEW packages will be installed:` + names wrapped at 76 columns. */
export function wrappedList(title: string, names: string[]): string {
  if (names.length === 0) return '';
  let out = title;
  let used = 0;
  for (const name of names) {
    if (used === 0 || used + name.length >= SCREEN_WIDTH) {
      out += '\n  ';
      used = 0;
    } else {
      out += ' ';
      used++;
    }
    out += name;
    used += name.length;
  }
  return out + '\n';
}

/** apt 3.0's ShowWithColumns with an indent of 2, then the blank line v30 adds. */
export function columnList(title: string, names: string[]): string {
  if (names.length === 0) return '';
  const width = SCREEN_WIDTH;
  const indent = 2;
  const maxCols = Math.min(Math.floor((width - indent) / 2), names.length);
  const info = Array.from({ length: maxCols }, (_, i) => ({
    valid: true,
    line: (i + 1) * 2,
    widths: Array<number>(i + 1).fill(2),
  }));
  names.forEach((name, i) => {
    for (let j = 0; j < maxCols; j++) {
      const col = info[j]!;
      if (!col.valid) continue;
      const idx = Math.floor(i / Math.floor((names.length + j) / (j + 1)));
      const len = name.length + (idx === j ? 0 : 2);
      if (col.widths[idx]! < len) {
        col.line += len - col.widths[idx]!;
        col.widths[idx] = len;
        col.valid = col.line < width;
      }
    }
  });
  let cols = maxCols;
  while (cols > 1 && !info[cols - 1]!.valid) cols--;
  const rows = Math.ceil(names.length / cols);
  const format = info[cols - 1]!;
  let out = `${title}\n`;
  for (let r = 0; r < rows; r++) {
    let line = ' '.repeat(indent);
    for (let c = 0, i = r; ; c++) {
      line += names[i];
      const pad = format.widths[c]! - names[i]!.length;
      i += rows;
      if (i >= names.length) break;
      line += ' '.repeat(pad);
    }
    out += line + '\n';
  }
  return out + '\n';
}
