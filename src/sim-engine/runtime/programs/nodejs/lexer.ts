/**
 * JavaScript tokens for the subset: identifiers and keywords, numbers, strings,
 * template literals (kept raw, with their `${…}` parts parsed later), regular
 * expression literals where an expression may start, punctuators, and the line of
 * each token (for error locations) and whether a newline preceded it (for ASI).
 */
export type Tok =
  | { t: 'name'; v: string; line: number; col: number; nl: boolean }
  | { t: 'num'; v: number; line: number; col: number; nl: boolean }
  | { t: 'str'; v: string; line: number; col: number; nl: boolean }
  | { t: 'tmpl'; v: string; line: number; col: number; nl: boolean }
  | { t: 'regex'; v: string; flags: string; line: number; col: number; nl: boolean }
  | { t: 'op'; v: string; line: number; col: number; nl: boolean }
  | { t: 'eof'; line: number; col: number; nl: boolean };

export class JsSyntaxError extends Error {
  readonly line: number;
  readonly col: number;
  constructor(message: string, line: number, col: number) {
    super(message);
    this.line = line;
    this.col = col;
  }
}

const OPS = [
  '>>>=',
  '...',
  '===',
  '!==',
  '**=',
  '<<=',
  '>>=',
  '>>>',
  '&&=',
  '||=',
  '??=',
  '=>',
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '??',
  '?.',
  '++',
  '--',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '&=',
  '|=',
  '^=',
  '**',
  '<<',
  '>>',
];

export function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  let nl = false;
  const push = (t: Tok) => {
    out.push(t);
    nl = false;
  };
  const regexAllowed = () => {
    const last = out[out.length - 1];
    if (!last) return true;
    if (last.t === 'op') return !([')', ']', '}'].includes(last.v) || last.v === '++' || last.v === '--');
    if (last.t === 'name')
      return [
        'return',
        'typeof',
        'case',
        'do',
        'else',
        'in',
        'of',
        'new',
        'delete',
        'void',
        'throw',
        'yield',
        'await',
      ].includes(last.v);
    return false;
  };
  if (src.startsWith('#!')) while (i < src.length && src[i] !== '\n') i++;
  while (i < src.length) {
    const c = src[i]!;
    const col = i - lineStart + 1;
    if (c === '\n') {
      line++;
      lineStart = i + 1;
      nl = true;
      i++;
    } else if (/\s/.test(c)) i++;
    else if (c === '/' && src[i + 1] === '/') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      const body = src.slice(i, end < 0 ? src.length : end);
      for (const ch of body) if (ch === '\n') line++;
      if (body.includes('\n')) nl = true;
      i = end < 0 ? src.length : end + 2;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      let s = '';
      while (j < src.length && src[j] !== c) {
        if (src[j] === '\n') throw new JsSyntaxError('Invalid or unexpected token', line, col);
        if (src[j] === '\\') {
          const e = src[j + 1]!;
          s +=
            e === 'n'
              ? '\n'
              : e === 't'
                ? '\t'
                : e === 'r'
                  ? '\r'
                  : e === '0'
                    ? '\0'
                    : e === 'u'
                      ? String.fromCharCode(parseInt(src.slice(j + 2, j + 6), 16))
                      : e;
          j += e === 'u' ? 6 : 2;
        } else s += src[j++];
      }
      if (j >= src.length) throw new JsSyntaxError('Invalid or unexpected token', line, col);
      push({ t: 'str', v: s, line, col, nl });
      i = j + 1;
    } else if (c === '`') {
      let j = i + 1;
      let depth = 0;
      while (j < src.length && (src[j] !== '`' || depth > 0)) {
        if (src[j] === '\\') j++;
        else if (src[j] === '$' && src[j + 1] === '{') {
          depth++;
          j++;
        } else if (src[j] === '}' && depth > 0) depth--;
        else if (src[j] === '\n') {
          line++;
          lineStart = j + 1;
        }
        j++;
      }
      push({ t: 'tmpl', v: src.slice(i + 1, j), line, col, nl });
      i = j + 1;
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m =
        /^(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|(\d[\d_]*\.?[\d_]*|\.\d[\d_]*)([eE][-+]?\d+)?)n?/.exec(
          src.slice(i),
        )!;
      push({ t: 'num', v: Number(m[0].replace(/[_n]/g, '')), line, col, nl });
      i += m[0].length;
    } else if (/[A-Za-z_$]/.test(c) || (c === '#' && /[A-Za-z_$]/.test(src[i + 1] ?? ''))) {
      // a private name (#count) is a name whose first character is '#'
      const m = /^#?[A-Za-z_$][A-Za-z0-9_$]*/.exec(src.slice(i))!;
      push({ t: 'name', v: m[0], line, col, nl });
      i += m[0].length;
    } else if (c === '/' && regexAllowed()) {
      let j = i + 1;
      let cls = false;
      while (j < src.length && (src[j] !== '/' || cls)) {
        if (src[j] === '\\') j++;
        else if (src[j] === '[') cls = true;
        else if (src[j] === ']') cls = false;
        j++;
      }
      const flags = /^[a-z]*/.exec(src.slice(j + 1))![0];
      push({ t: 'regex', v: src.slice(i + 1, j), flags, line, col, nl });
      i = j + 1 + flags.length;
    } else {
      const op = OPS.find((o) => src.startsWith(o, i)) ?? c;
      push({ t: 'op', v: op, line, col, nl });
      i += op.length;
    }
  }
  out.push({ t: 'eof', line, col: i - lineStart + 1, nl: true });
  return out;
}
