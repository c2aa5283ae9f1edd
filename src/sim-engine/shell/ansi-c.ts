/**
 * Backslash escapes, as `$'…'`, `echo -e`, `printf` formats and `printf %b` read them.
 * They share the C escapes but differ at the edges (octal with or without a leading
 * 0, `\x`, `\c`), so each caller says which flavour it wants.
 */
export interface EscapeFlavour {
  /** `\0nnn` (echo, %b) rather than `\nnn` (printf formats, $'…'); dash's echo takes 'either' */
  octalAfterZero: boolean | 'either';
  /** `\xHH` */
  hex: boolean;
  /** `\uHHHH` and `\UHHHHHHHH` */
  unicode: boolean;
  /** `\c` ends the output (echo, %b) */
  stopAtC: boolean;
  /** `\cX` is a control character ($'…') */
  controlX: boolean;
  /** `\'`, `\"` and `\?` ($'…') */
  quotes: boolean;
  /** `\e` and `\E` */
  escapeE: boolean;
}

const SIMPLE: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
};

const isOctal = (c: string | undefined) => c !== undefined && c >= '0' && c <= '7';
const isHex = (c: string | undefined) => c !== undefined && /[0-9a-fA-F]/.test(c);

/** Decode escapes in `text`; `stopped` is true when `\c` ended the output. */
export function decodeEscapes(text: string, f: EscapeFlavour): { text: string; stopped: boolean } {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c !== '\\' || i + 1 >= text.length) {
      out += c;
      i++;
      continue;
    }
    const n = text[i + 1]!;
    i += 2;
    if (n in SIMPLE) {
      out += SIMPLE[n];
    } else if ((n === 'e' || n === 'E') && f.escapeE) {
      out += '\x1b';
    } else if (n === 'c' && f.stopAtC) {
      return { text: out, stopped: true };
    } else if (n === 'c' && f.controlX && i < text.length) {
      out += String.fromCharCode(text.charCodeAt(i) & 0x1f);
      i++;
    } else if ((n === "'" || n === '"' || n === '?') && f.quotes) {
      out += n;
    } else if (f.octalAfterZero === true ? n === '0' : isOctal(n)) {
      let digits = f.octalAfterZero === true || (f.octalAfterZero === 'either' && n === '0') ? '' : n;
      while (digits.length < 3 && isOctal(text[i])) digits += text[i++];
      out += String.fromCharCode(parseInt(digits || '0', 8) & 0xff);
    } else if (n === 'x' && f.hex && isHex(text[i])) {
      let digits = '';
      while (digits.length < 2 && isHex(text[i])) digits += text[i++];
      out += String.fromCharCode(parseInt(digits, 16));
    } else if ((n === 'u' || n === 'U') && f.unicode && isHex(text[i])) {
      let digits = '';
      const max = n === 'u' ? 4 : 8;
      while (digits.length < max && isHex(text[i])) digits += text[i++];
      out += String.fromCodePoint(Math.min(parseInt(digits, 16), 0x10ffff));
    } else {
      out += '\\' + n;
    }
  }
  return { text: out, stopped: false };
}

const ANSI_C: EscapeFlavour = {
  octalAfterZero: false,
  hex: true,
  unicode: true,
  stopAtC: false,
  controlX: true,
  quotes: true,
  escapeE: true,
};

/**
 * Decode a `$'…'` string whose text starts at `from` (just after the opening quote).
 * Returns the text and the index after the closing quote, or undefined if unterminated.
 */
export function decodeAnsiC(src: string, from: number): { text: string; end: number } | undefined {
  let i = from;
  while (i < src.length && src[i] !== "'") i += src[i] === '\\' ? 2 : 1;
  if (i >= src.length) return undefined;
  return { text: decodeEscapes(src.slice(from, i), ANSI_C).text, end: i + 1 };
}
