// The little terminal progressui keeps per vertex on a TTY (github.com/tonistiigi/vt100
// as vendored in moby v28.5.1): a running vertex's logs are written into it and its
// non-blank rows are shown under the vertex as " => => # …". Only what changes the
// text matters here (formats are not kept): printable runes, \b \n \r, and the CSI
// commands it implements (cursor moves, erase, home, save/restore; SGR is parsed and
// ignored). It does not scroll on \n — only the next printed rune scrolls.

export class VT100 {
  height: number;
  width: number;
  content: string[][];
  private y = 0;
  private x = 0;
  private savedY = 0;
  private savedX = 0;
  private unparsed = '';

  constructor(height: number, width: number) {
    this.height = height;
    this.width = width;
    this.content = [];
    for (let r = 0; r < height; r++) this.content.push(new Array<string>(width).fill(' '));
  }

  /** Rows holding anything but spaces (VT100.UsedHeight). */
  usedHeight(): number {
    return this.content.filter((row) => row.some((c) => c !== ' ')).length;
  }

  resize(y: number, x: number): void {
    if (x < 6) x = 6;
    if (y < 1) y = 1;
    if (y > this.height) {
      for (let r = this.height; r < y; r++) this.content.push(new Array<string>(this.width).fill(' '));
      this.height = y;
    } else if (y < this.height) {
      this.content = this.content.slice(0, y);
      this.height = y;
    }
    if (x > this.width) {
      for (const row of this.content) while (row.length < x) row.push(' ');
      this.width = x;
    } else if (x < this.width) {
      for (let r = 0; r < this.content.length; r++) this.content[r] = this.content[r].slice(0, x);
      this.width = x;
    }
  }

  write(data: string): void {
    const dt = this.unparsed + data;
    this.unparsed = '';
    const chars = Array.from(dt);
    let i = 0;
    while (i < chars.length) {
      const r = chars[i];
      if (r === '\x1b' || r === '\u009b') {
        const end = this.escape(chars, i);
        if (end < 0) {
          // an escape cut by the end of this chunk waits for the next one, if short
          const rest = chars.slice(i).join('');
          if (rest.length < 12) this.unparsed = rest;
          return;
        }
        i = end;
        continue;
      }
      const cp = r.codePointAt(0)!;
      if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) this.control(r);
      else this.put(r);
      i++;
    }
  }

  /** Scans one escape sequence at chars[i]; returns the index after it, or -1 if incomplete. */
  private escape(chars: string[], i: number): number {
    let csi = chars[i] === '\u009b';
    let args = '';
    let quote = false;
    for (let j = i + 1, k = 0; ; j++, k++) {
      if (j >= chars.length) return -1;
      const r = chars[j];
      if (k === 0 && r === '[') {
        csi = true;
        continue;
      }
      const cp = r.codePointAt(0)!;
      if (!csi || (!quote && cp >= 64 && cp <= 126)) {
        this.command(r, csi ? args : '');
        return j + 1;
      }
      if (r === '"') quote = !quote;
      args += r;
    }
  }

  private command(cmd: string, args: string): void {
    let nums: number[] = [];
    if (args !== '') {
      nums = args.split(';').map((s) => (/^[+-]?\d+$/.test(s) ? parseInt(s, 10) : NaN));
      if (nums.some((n) => Number.isNaN(n))) return;
    }
    switch (cmd) {
      case 's':
      case '7':
        [this.savedY, this.savedX] = [this.y, this.x];
        return;
      case 'u':
      case '8':
        [this.y, this.x] = [this.savedY, this.savedX];
        return;
      case 'A':
        return this.move(-1, 0, nums);
      case 'B':
        return this.move(1, 0, nums);
      case 'C':
        return this.move(0, 1, nums);
      case 'D':
        return this.move(0, -1, nums);
      case 'K':
        return this.eraseColumns(nums.length ? nums[0] : 0);
      case 'J':
        return this.eraseLines(nums.length ? nums[0] : 0);
      case 'H':
      case 'f':
        return this.home(nums.length >= 2 ? nums[0] - 1 : 0, nums.length >= 2 ? nums[1] - 1 : 0);
      default:
        return; // 'm' and unsupported commands leave the text alone
    }
  }

  private move(dy: number, dx: number, nums: number[]): void {
    const c = nums.length >= 1 ? nums[0] : 1;
    this.home(this.y + dy * c, this.x + dx * c);
  }

  private home(y: number, x: number): void {
    this.y = Math.min(Math.max(y, 0), this.height - 1);
    this.x = Math.min(Math.max(x, 0), this.width - 1);
  }

  private eraseColumns(d: number): void {
    if (d === 1) this.eraseRegion(this.y, 0, this.y, this.x);
    else if (d === 0) this.eraseRegion(this.y, this.x, this.y, this.width - 1);
    else if (d === 2) this.eraseRegion(this.y, 0, this.y, this.width - 1);
  }

  private eraseLines(d: number): void {
    if (d === 1) this.eraseRegion(0, 0, this.y, this.width - 1);
    else if (d === 0) this.eraseRegion(this.y, 0, this.height - 1, this.width - 1);
    else if (d === 2) this.eraseRegion(0, 0, this.height - 1, this.width - 1);
  }

  private eraseRegion(y1: number, x1: number, y2: number, x2: number): void {
    if (y1 > y2) [y1, y2] = [y2, y1];
    if (x1 > x2) [x1, x2] = [x2, x1];
    for (let y = y1; y <= y2; y++) {
      for (let x = x1; x <= x2; x++) {
        if (y < this.content.length && x < this.content[0].length) this.content[y][x] = ' ';
      }
    }
  }

  private control(r: string): void {
    if (r === '\b') {
      this.x--;
      if (this.x < 0) {
        if (this.y === 0) this.x = 0;
        else {
          this.y--;
          this.x = this.width - 1;
        }
      }
    } else if (r === '\n') {
      this.y++;
      this.x = 0;
    } else if (r === '\r') {
      this.x = 0;
    }
    // other control characters, tab included, are ignored by this terminal
  }

  private put(r: string): void {
    if (this.x >= this.width) {
      this.x = 0;
      this.y++;
    }
    if (this.y >= this.height) {
      const first = this.content.shift()!;
      first.fill(' ');
      this.content.push(first);
      this.y = this.height - 1;
    }
    this.content[this.y][this.x] = r;
    this.x++;
    if (this.x >= this.width) {
      this.x = 0;
      this.y++;
    }
  }
}
