/**
 * `${…}`: the parameter (a name, a digit string, a special; bash's `${a[i]}`,
 * `${!x}`), `${#…}`, the operator and its words. An expansion that is not valid is
 * kept as a `bad` part and fails only if it is expanded, as in every shell.
 */
import type { ParamOp, ParamPart, WordPart } from './ast.ts';
import type { Lexer } from './lexer.ts';
import { countLines, scanParts, scanText } from './word-scanner.ts';

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const SPECIAL = '@*#?-$!0123456789';

function readParamName(src: string, i: number): number {
  const c = src[i];
  if (c === undefined) return i;
  if (NAME_START.test(c)) {
    while (i < src.length && NAME_CHAR.test(src[i]!)) i++;
    return i;
  }
  if (c >= '0' && c <= '9') {
    while (src[i]! >= '0' && src[i]! <= '9') i++;
    return i;
  }
  return SPECIAL.includes(c) ? i + 1 : i;
}

export function braceParam(lx: Lexer, inDq: boolean): WordPart {
  const src = lx.src;
  const start = lx.pos;
  const startLine = lx.line;
  const part: ParamPart = { type: 'param', name: '' };
  let i = start + 2;
  if (src[i] === '#' && src[i + 1] !== '}') {
    let end = readParamName(src, i + 1);
    // bash: ${#a[@]}, ${#a[i]}
    if (src[end] === '[' && lx.dialect.name === 'bash') end = src.indexOf(']', end) + 1 || end;
    if (end > i + 1 && src[end] === '}') {
      part.length = true;
      i++;
    }
  } else if (src[i] === '!' && lx.dialect.name === 'bash' && NAME_START.test(src[i + 1] ?? '')) {
    part.indirect = true;
    i++;
  }
  const nameEnd = readParamName(src, i);
  part.name = src.slice(i, nameEnd);
  i = nameEnd;
  lx.pos = i;
  if (src[i] === '[' && lx.dialect.name === 'bash' && NAME_START.test(part.name)) {
    const close = src.indexOf(']', i);
    if (close < 0) lx.fail({ kind: 'unterminated', what: '}', startLine });
    const sub = src.slice(i + 1, close);
    part.index = sub === '@' || sub === '*' ? { all: sub } : { expr: scanText(lx, sub) };
    countLines(lx, close + 1);
  }
  const op = part.name ? readOp(lx, part) : undefined;
  if (op === undefined) {
    if (src[lx.pos] === '}' && part.name) {
      lx.pos++;
      return part;
    }
    return badParam(lx, start, startLine);
  }
  if (part.length) return badParam(lx, start, startLine);
  part.op = op;
  const first = op === 'substr' ? ':' : op.startsWith('/') ? '/' : '';
  // a pattern is live even inside "…": "${x%.*}" removes an extension (POSIX 2.6.2)
  const pattern =
    op.startsWith('#') ||
    op.startsWith('%') ||
    op.startsWith('/') ||
    op === '^' ||
    op === '^^' ||
    op === ',' ||
    op === ',,';
  const a = scanParts(lx, 'param', inDq && !pattern, (c) => c === '}' || (first !== '' && c === first));
  part.arg = { parts: a.parts };
  if (first && src[lx.pos] === first) {
    lx.pos++;
    part.arg2 = { parts: scanParts(lx, 'param', inDq, (c) => c === '}').parts };
  }
  if (src[lx.pos] !== '}') lx.fail({ kind: 'unterminated', what: '}', startLine });
  lx.pos++;
  part.text = src.slice(start, lx.pos);
  return part;
}

function readOp(lx: Lexer, part: ParamPart): ParamOp | undefined {
  const src = lx.src;
  const c = src[lx.pos];
  const d = lx.dialect;
  const take = (op: ParamOp, len: number): ParamOp => {
    lx.pos += len;
    return op;
  };
  switch (c) {
    case ':': {
      const n = src[lx.pos + 1];
      if (n === '-' || n === '=' || n === '+' || n === '?') {
        part.colon = true;
        return take(n, 2);
      }
      return d.bashParamOps ? take('substr', 1) : undefined;
    }
    case '-':
    case '=':
    case '+':
    case '?':
      return take(c, 1);
    case '#':
    case '%':
      return src[lx.pos + 1] === c ? take(c === '#' ? '##' : '%%', 2) : take(c, 1);
    case '/': {
      if (!d.bashParamOps) return undefined;
      const n = src[lx.pos + 1];
      if (n === '/') return take('//', 2);
      // BusyBox ash has no anchored forms: `${x/#h/H}` looks for `#h`
      if ((n === '#' || n === '%') && d.name === 'bash') return take(n === '#' ? '/#' : '/%', 2);
      return take('/', 1);
    }
    case '^':
    case ',':
      if (!d.caseModification) return undefined;
      return src[lx.pos + 1] === c ? take(c === '^' ? '^^' : ',,', 2) : take(c, 1);
  }
  return undefined;
}

/** An expansion that is not valid: skip to its closing brace; it fails when expanded. */
function badParam(lx: Lexer, start: number, startLine: number): WordPart {
  const src = lx.src;
  let depth = 0;
  let i = lx.pos;
  for (; i < src.length; i++) {
    const c = src[i];
    if (c === '{') depth++;
    else if (c === '}') {
      if (depth === 0) break;
      depth--;
    }
  }
  if (i >= src.length) {
    countLines(lx, src.length);
    lx.fail({ kind: 'unterminated', what: '}', startLine });
  }
  countLines(lx, i + 1);
  return { type: 'param', name: '', bad: true, text: src.slice(start, i + 1) };
}
