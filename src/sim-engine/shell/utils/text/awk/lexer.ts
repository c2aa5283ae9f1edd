/**
 * awk's tokens. A `/` starts a regular expression where an operand is expected and
 * divides elsewhere; newlines are tokens (they end statements) except after `{`,
 * `&&`, `||`, `,`, `do`, `else` and a backslash.
 */
export type TokenKind = 'num' | 'str' | 'ere' | 'name' | 'funcname' | 'builtin' | 'kw' | 'op' | 'nl' | 'eof';

export interface Token {
  kind: TokenKind;
  text: string;
  line: number;
}

export const KEYWORDS = new Set([
  'BEGIN',
  'END',
  'function',
  'func',
  'if',
  'else',
  'while',
  'for',
  'do',
  'break',
  'continue',
  'next',
  'nextfile',
  'exit',
  'return',
  'delete',
  'in',
  'getline',
  'print',
  'printf',
]);
export const BUILTINS = new Set([
  'length',
  'substr',
  'index',
  'split',
  'sub',
  'gsub',
  'match',
  'sprintf',
  'tolower',
  'toupper',
  'int',
  'sqrt',
  'exp',
  'log',
  'sin',
  'cos',
  'atan2',
  'rand',
  'srand',
  'system',
  'close',
  'fflush',
]);

const OPS = [
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '^=',
  '==',
  '<=',
  '>=',
  '!=',
  '++',
  '--',
  '&&',
  '||',
  '>>',
  '!~',
  '**',
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  ';',
  ',',
  '+',
  '-',
  '*',
  '/',
  '%',
  '^',
  '!',
  '>',
  '<',
  '|',
  '?',
  ':',
  '~',
  '$',
  '=',
];

export class AwkSyntaxError extends Error {
  readonly line: number;
  readonly near: string;
  constructor(line: number, near: string) {
    super(`syntax error at or near ${near}`);
    this.line = line;
    this.near = near;
  }
}

const ESC: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  '"': '"',
  '/': '/',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
};

export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  const operandEnded = () => {
    const t = tokens.at(-1);
    if (!t) return false;
    return (
      t.kind === 'num' ||
      t.kind === 'str' ||
      t.kind === 'name' ||
      t.kind === 'ere' ||
      (t.kind === 'builtin' && t.text === 'length') ||
      (t.kind === 'op' &&
        (t.text === ')' || t.text === ']' || t.text === '$' || t.text === '++' || t.text === '--'))
    );
  };
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === '\\' && src[i + 1] === '\n') {
      i += 2;
      line++;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r') {
      i++;
      continue;
    }
    if (ch === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (ch === '\n') {
      tokens.push({ kind: 'nl', text: '\n', line });
      line++;
      i++;
      continue;
    }
    if (/[0-9.]/.test(ch) && /^(\d+\.?\d*|\.\d+)/.test(src.slice(i))) {
      const m = /^(0[xX][0-9a-fA-F]+|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)/.exec(src.slice(i))!;
      tokens.push({ kind: 'num', text: m[0], line });
      i += m[0].length;
      continue;
    }
    if (/[A-Za-z_]/.test(ch)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))!;
      const word = m[0];
      i += word.length;
      if (KEYWORDS.has(word)) tokens.push({ kind: 'kw', text: word === 'func' ? 'function' : word, line });
      else if (BUILTINS.has(word)) tokens.push({ kind: 'builtin', text: word, line });
      else tokens.push({ kind: src[i] === '(' ? 'funcname' : 'name', text: word, line });
      continue;
    }
    if (ch === '"') {
      let s = '';
      i++;
      while (i < src.length && src[i] !== '"') {
        if (src[i] === '\n') throw new AwkSyntaxError(line, 'runaway string constant');
        if (src[i] === '\\' && i + 1 < src.length) {
          const next = src[i + 1]!;
          const oct = /^[0-7]{1,3}/.exec(src.slice(i + 1));
          if (oct) {
            s += String.fromCharCode(parseInt(oct[0], 8));
            i += 1 + oct[0].length;
            continue;
          }
          s += ESC[next] ?? '\\' + next;
          i += 2;
          continue;
        }
        s += src[i++];
      }
      if (i >= src.length) throw new AwkSyntaxError(line, 'runaway string constant');
      i++;
      tokens.push({ kind: 'str', text: s, line });
      continue;
    }
    if (ch === '/' && !operandEnded()) {
      let re = '';
      i++;
      let inClass = false;
      while (i < src.length && (src[i] !== '/' || inClass)) {
        if (src[i] === '\n') throw new AwkSyntaxError(line, 'runaway regular expression');
        if (src[i] === '\\' && i + 1 < src.length) {
          re += src[i + 1] === '/' ? '/' : src[i]! + src[i + 1]!;
          i += 2;
          continue;
        }
        if (src[i] === '[') inClass = true;
        else if (src[i] === ']') inClass = false;
        re += src[i++];
      }
      if (i >= src.length) throw new AwkSyntaxError(line, 'runaway regular expression');
      i++;
      tokens.push({ kind: 'ere', text: re, line });
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new AwkSyntaxError(line, ch);
    tokens.push({ kind: 'op', text: op === '**' ? '^' : op, line });
    i += op.length;
  }
  tokens.push({ kind: 'eof', text: 'end of file', line });
  return tokens;
}
