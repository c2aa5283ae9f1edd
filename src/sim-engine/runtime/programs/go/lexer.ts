/**
 * Go's tokens for the subset, with the automatic semicolon Go inserts at a line end
 * after an identifier, a literal, `return`/`break`/`continue`/`fallthrough`, `++`,
 * `--`, `)`, `]` or `}`.
 */
import { GoCompileError } from './ast.ts';
import type { Pos } from './ast.ts';

export type Tok =
  | { t: 'ident' | 'op' | 'str' | 'kw' | ';' | 'eof'; v: string; pos: Pos }
  | { t: 'int' | 'float' | 'rune'; v: string; n: number; pos: Pos };

const KEYWORDS = new Set(
  'break case chan const continue default defer else fallthrough for func go goto if import interface map package range return select struct switch type var'.split(
    ' ',
  ),
);
const OPS = [
  '<<=',
  '>>=',
  '&^=',
  '...',
  '&&',
  '||',
  '<-',
  '++',
  '--',
  '==',
  '!=',
  '<=',
  '>=',
  ':=',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '&=',
  '|=',
  '^=',
  '<<',
  '>>',
  '&^',
];

const ESC: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
  '0': '\0',
};

export function tokenize(src: string, file: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const pos = (): Pos => ({ line, col: i - lineStart + 1 });
  const needsSemi = () => {
    const last = out[out.length - 1];
    if (!last) return false;
    if (['ident', 'int', 'float', 'str', 'rune'].includes(last.t)) return true;
    if (last.t === 'kw') return ['break', 'continue', 'fallthrough', 'return'].includes(last.v);
    return last.t === 'op' && ['++', '--', ')', ']', '}'].includes(last.v);
  };
  const fail = (message: string): never => {
    throw new GoCompileError(file, pos(), message);
  };
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\n') {
      if (needsSemi()) out.push({ t: ';', v: '\n', pos: pos() });
      i++;
      line++;
      lineStart = i;
    } else if (/\s/.test(c)) i++;
    else if (src.startsWith('//', i)) while (i < src.length && src[i] !== '\n') i++;
    else if (src.startsWith('/*', i)) {
      const end = src.indexOf('*/', i + 2);
      for (let j = i; j < (end < 0 ? src.length : end); j++)
        if (src[j] === '\n') {
          line++;
          lineStart = j + 1;
        }
      i = end < 0 ? src.length : end + 2;
    } else if (/[A-Za-z_]/.test(c)) {
      const p = pos();
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))![0];
      out.push({ t: KEYWORDS.has(m) ? 'kw' : 'ident', v: m, pos: p });
      i += m.length;
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const p = pos();
      const m =
        /^(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|\d[\d_]*(\.\d*)?([eE][-+]?\d+)?|\.\d+([eE][-+]?\d+)?)/.exec(
          src.slice(i),
        )![0];
      const isFloat = /[.eE]/.test(m) && !/^0[xX]/.test(m);
      out.push({ t: isFloat ? 'float' : 'int', v: m, n: Number(m.replace(/_/g, '')), pos: p });
      i += m.length;
    } else if (c === '"') {
      const p = pos();
      let s = '';
      let j = i + 1;
      while (src[j] !== '"') {
        if (j >= src.length || src[j] === '\n') fail('string literal not terminated');
        if (src[j] === '\\') {
          const e = src[j + 1]!;
          if (e === 'x') {
            s += String.fromCharCode(parseInt(src.slice(j + 2, j + 4), 16));
            j += 4;
          } else if (e === 'u') {
            s += String.fromCodePoint(parseInt(src.slice(j + 2, j + 6), 16));
            j += 6;
          } else {
            s += ESC[e] ?? e;
            j += 2;
          }
        } else s += src[j++];
      }
      out.push({ t: 'str', v: s, pos: p });
      i = j + 1;
    } else if (c === '`') {
      const p = pos();
      const end = src.indexOf('`', i + 1);
      if (end < 0) fail('raw string literal not terminated');
      const s = src.slice(i + 1, end);
      for (let j = i; j < end; j++)
        if (src[j] === '\n') {
          line++;
          lineStart = j + 1;
        }
      out.push({ t: 'str', v: s.replace(/\r/g, ''), pos: p });
      i = end + 1;
    } else if (c === "'") {
      const p = pos();
      let j = i + 1;
      let ch: string;
      if (src[j] === '\\') {
        ch = ESC[src[j + 1]!] ?? src[j + 1]!;
        j += 2;
      } else {
        ch = String.fromCodePoint(src.codePointAt(j)!);
        j += ch.length;
      }
      if (src[j] !== "'") fail('rune literal not terminated');
      out.push({ t: 'rune', v: ch, n: ch.codePointAt(0)!, pos: p });
      i = j + 1;
    } else {
      const p = pos();
      const op = OPS.find((o) => src.startsWith(o, i)) ?? c;
      out.push({ t: 'op', v: op, pos: p });
      i += op.length;
    }
  }
  if (needsSemi()) out.push({ t: ';', v: '\n', pos: pos() });
  out.push({ t: 'eof', v: '', pos: pos() });
  return out;
}
