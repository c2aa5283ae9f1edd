/**
 * Python's tokens: names, numbers, strings (with r/b/f prefixes, triple quotes,
 * adjacent literals kept apart for the parser to join), operators, and the
 * NEWLINE/INDENT/DEDENT structure, with lines joined inside brackets and after `\`.
 */
export type Tok =
  | { t: 'name'; v: string; line: number }
  | { t: 'num'; v: string; line: number }
  | { t: 'str'; v: string; prefix: string; line: number }
  | { t: 'op'; v: string; line: number }
  | { t: 'newline' | 'indent' | 'dedent' | 'eof'; line: number };

export class PySyntaxError extends Error {
  readonly line: number;
  readonly text: string;
  constructor(message: string, line: number, text = '') {
    super(message);
    this.line = line;
    this.text = text;
  }
}

const OPS = [
  '**=',
  '//=',
  '>>=',
  '<<=',
  '...',
  '->',
  ':=',
  '**',
  '//',
  '==',
  '!=',
  '<=',
  '>=',
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
];

export function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  const indents = [0];
  const lines = src.replace(/\r\n/g, '\n').split('\n');
  let depth = 0;
  let li = 0;
  let continued = false;
  while (li < lines.length) {
    let line = lines[li]!;
    const lineNo = li + 1;
    li++;
    let i = 0;
    if (depth === 0 && !continued) {
      const m = /^[ \t]*/.exec(line)![0];
      const rest = line.slice(m.length);
      if (rest === '' || rest.startsWith('#')) continue;
      const width = m.replace(/\t/g, '        ').length;
      if (width > indents[indents.length - 1]!) {
        indents.push(width);
        out.push({ t: 'indent', line: lineNo });
      }
      while (width < indents[indents.length - 1]!) {
        indents.pop();
        out.push({ t: 'dedent', line: lineNo });
        if (width > indents[indents.length - 1]!)
          throw new PySyntaxError('unindent does not match any outer indentation level', lineNo, line);
      }
      i = m.length;
    }
    continued = false;
    while (i < line.length) {
      const c = line[i]!;
      if (c === ' ' || c === '\t') {
        i++;
        continue;
      }
      if (c === '#') break;
      if (c === '\\' && i === line.length - 1) {
        continued = true;
        break;
      }
      const sm = /^([rRbBfFuU]{0,2})('''|"""|'|")/.exec(line.slice(i));
      if (sm && (sm[1] === '' || /^[rRbBfFuU]+$/.test(sm[1]!))) {
        const prefix = sm[1]!.toLowerCase();
        const q = sm[2]!;
        let j = i + sm[0].length;
        let text = '';
        const startLine = lineNo;
        for (;;) {
          if (j >= line.length) {
            if (q.length === 3 && li < lines.length) {
              text += '\n';
              line = lines[li++]!;
              j = 0;
              continue;
            }
            throw new PySyntaxError(
              q.length === 3 ? 'unterminated triple-quoted string literal' : 'unterminated string literal',
              startLine,
              line,
            );
          }
          if (line.startsWith(q, j)) {
            j += q.length;
            break;
          }
          if (line[j] === '\\' && !prefix.includes('r')) {
            if (j + 1 >= line.length) {
              text += '';
              j++;
              continue;
            }
            text += escape(line[j + 1]!);
            j += 2;
            continue;
          }
          text += line[j++];
        }
        out.push({ t: 'str', v: text, prefix, line: startLine });
        i = j;
        continue;
      }
      const num =
        /^(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][-+]?\d+)?j?)/.exec(
          line.slice(i),
        );
      if (num && /[\d.]/.test(c) && !(c === '.' && !/\d/.test(line[i + 1] ?? ''))) {
        out.push({ t: 'num', v: num[0].replace(/_/g, ''), line: lineNo });
        i += num[0].length;
        continue;
      }
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(line.slice(i));
      if (name) {
        out.push({ t: 'name', v: name[0], line: lineNo });
        i += name[0].length;
        continue;
      }
      const op = OPS.find((o) => line.startsWith(o, i)) ?? c;
      if ('([{'.includes(op)) depth++;
      if (')]}'.includes(op)) depth = Math.max(0, depth - 1);
      out.push({ t: 'op', v: op, line: lineNo });
      i += op.length;
    }
    if (depth === 0 && !continued && out.length && out[out.length - 1]!.t !== 'newline')
      out.push({ t: 'newline', line: lineNo });
  }
  if (depth > 0) throw new PySyntaxError("'(' was never closed", lines.length);
  while (indents.length > 1) {
    indents.pop();
    out.push({ t: 'dedent', line: lines.length });
  }
  out.push({ t: 'eof', line: lines.length });
  return out;
}

function escape(c: string): string {
  switch (c) {
    case 'n':
      return '\n';
    case 't':
      return '\t';
    case 'r':
      return '\r';
    case '0':
      return '\0';
    case '\\':
    case "'":
    case '"':
      return c;
    default:
      return `\\${c}`;
  }
}
