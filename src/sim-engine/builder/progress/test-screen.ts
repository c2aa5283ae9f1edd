// A tiny terminal for the tests: it applies the bytes the TTY display writes (text,
// \n, CSI A/B/G cursor moves, SGR and cursor show/hide ignored) to a grid of lines, so
// a golden can show the screen a user would see. Lines grow as text is written; a
// line's trailing spaces are trimmed when read. It starts below a prompt line, as a
// terminal does when `docker build` starts (the first frame moves up one line and back).

// built from a string: a regex literal with a control character trips no-control-regex
const CSI = new RegExp('^' + String.fromCharCode(27) + '\\[(\\??)([0-9;]*)([A-Za-z])');

export class Screen {
  lines: string[][];
  cellColors: string[][];
  private y = 1;
  private x = 0;
  private sgr = '';

  constructor(prompt = '$ docker build -t app:1 .') {
    this.lines = [Array.from(prompt), []];
    this.cellColors = [[], []];
  }

  write(s: string): void {
    let i = 0;
    while (i < s.length) {
      const c = s[i];
      if (c === '\x1b') {
        const m = CSI.exec(s.slice(i));
        if (!m) throw new Error(`unexpected escape at ${JSON.stringify(s.slice(i, i + 10))}`);
        const n = m[2] === '' ? 1 : parseInt(m[2], 10);
        switch (m[3]) {
          case 'A':
            this.y = Math.max(0, this.y - n);
            break;
          case 'B':
            this.y += n;
            break;
          case 'G':
            this.x = Math.max(0, n - 1);
            break;
          case 'm':
            this.sgr = m[2] === '0' ? '' : m[2];
            break;
          case 'l':
          case 'h':
            if (m[1] !== '?') throw new Error(`unexpected mode ${m[0]}`);
            break;
          default:
            throw new Error(`unexpected CSI ${JSON.stringify(m[0])}`);
        }
        i += m[0].length;
        continue;
      }
      if (c === '\n') {
        this.y++;
        this.x = 0;
      } else {
        this.row(this.y)[this.x] = c;
        this.cellColors[this.y][this.x] = this.sgr;
        this.x++;
      }
      i++;
    }
    this.row(this.y);
  }

  private row(y: number): string[] {
    while (this.lines.length <= y) {
      this.lines.push([]);
      this.cellColors.push([]);
    }
    return this.lines[y];
  }

  /**
   * The screen as text, one line per row, trailing spaces and empty last rows dropped;
   * withColors notes the SGR codes of a row's visible characters after it: «34».
   */
  text(withColors = false): string {
    const rows = this.lines.map((l, y) => {
      const t = Array.from(l, (ch) => ch ?? ' ')
        .join('')
        .trimEnd();
      const col = [
        ...new Set(this.cellColors[y].filter((c, x) => c !== undefined && c !== '' && l[x] !== ' ')),
      ].join(',');
      return withColors && col !== '' ? `${t}  «${col}»` : t;
    });
    while (rows.length > 0 && rows[rows.length - 1] === '') rows.pop();
    return rows.join('\n') + '\n';
  }
}
