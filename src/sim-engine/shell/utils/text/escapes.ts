/**
 * Backslash escapes as `echo -e` and `printf %b` expand them (and printf's format,
 * which knows octal without the leading 0).
 */
export interface Expanded {
  text: string;
  /** `\c` was met: produce no further output */
  stop: boolean;
}

const SIMPLE: Record<string, string> = {
  '\\': '\\',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

/**
 * @param mode `echo` (`\0NNN` octal, `\c` stops), `printf` (format string: `\NNN` octal,
 *   `\"`), or `b` (printf %b: like echo).
 */
export function expandEscapes(input: string, mode: 'echo' | 'printf' | 'b'): Expanded {
  let text = '';
  for (let i = 0; i < input.length; i++) {
    const ch = input[i]!;
    if (ch !== '\\' || i + 1 >= input.length) {
      text += ch;
      continue;
    }
    const next = input[i + 1]!;
    if (next in SIMPLE) {
      text += SIMPLE[next];
      i++;
    } else if (next === 'c' && mode !== 'printf') {
      return { text, stop: true };
    } else if (next === 'x' && /[0-9a-fA-F]/.test(input[i + 2] ?? '')) {
      const hex = /^[0-9a-fA-F]{1,2}/.exec(input.slice(i + 2))![0];
      text += String.fromCharCode(parseInt(hex, 16));
      i += 1 + hex.length;
    } else if (next === '0' && mode !== 'printf') {
      const oct = /^[0-7]{0,3}/.exec(input.slice(i + 2))![0];
      text += String.fromCharCode(parseInt(oct || '0', 8) & 0xff);
      i += 1 + oct.length;
    } else if (/[0-7]/.test(next) && mode !== 'echo') {
      const oct = /^[0-7]{1,3}/.exec(input.slice(i + 1))![0];
      text += String.fromCharCode(parseInt(oct, 8) & 0xff);
      i += oct.length;
    } else if (next === '"' && mode === 'printf') {
      text += '"';
      i++;
    } else {
      text += ch;
    }
  }
  return { text, stop: false };
}
