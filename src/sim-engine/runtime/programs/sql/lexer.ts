/**
 * SQL tokens for the small SQL both database servers understand: words, numbers,
 * 'strings' ('' for a quote), "identifiers" (PostgreSQL) and `identifiers` (MySQL),
 * operators, with each token's offset (PostgreSQL's caret under errors points at it).
 */
export type Token =
  | { kind: 'word'; text: string; upper: string; at: number }
  | { kind: 'ident'; text: string; at: number }
  | { kind: 'number'; text: string; at: number }
  | { kind: 'string'; text: string; at: number }
  | { kind: 'op'; text: string; at: number }
  | { kind: 'end'; at: number };

export class SqlSyntaxError extends Error {
  readonly at: number;
  readonly near: string;
  constructor(near: string, at: number) {
    super(`syntax error at or near "${near}"`);
    this.near = near;
    this.at = at;
  }
}

/** `"…"` is an identifier in PostgreSQL and a string in MySQL. */
export function lex(sql: string, doubleQuotedStrings = false): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '-' && sql[i + 1] === '-') {
      while (i < sql.length && sql[i] !== '\n') i++;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
    } else if (c === "'" || (c === '"' && doubleQuotedStrings)) {
      const q = c;
      const start = i;
      let text = '';
      i++;
      for (;;) {
        if (i >= sql.length) throw new SqlSyntaxError(sql.slice(start), start);
        if (sql[i] === q && sql[i + 1] === q) {
          text += q;
          i += 2;
        } else if (sql[i] === q) {
          i++;
          break;
        } else if (sql[i] === '\\' && doubleQuotedStrings && i + 1 < sql.length) {
          text += sql[i + 1];
          i += 2;
        } else text += sql[i++];
      }
      out.push({ kind: 'string', text, at: start });
    } else if (c === '"' || c === '`') {
      const end = sql.indexOf(c, i + 1);
      if (end < 0) throw new SqlSyntaxError(sql.slice(i), i);
      out.push({ kind: 'ident', text: sql.slice(i + 1, end), at: i });
      i = end + 1;
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(sql[i + 1] ?? ''))) {
      const m = /^\d*\.?\d+(?:[eE][-+]?\d+)?|^\d+\.?/.exec(sql.slice(i))!;
      out.push({ kind: 'number', text: m[0], at: i });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_$]*/.exec(sql.slice(i))!;
      out.push({ kind: 'word', text: m[0], upper: m[0].toUpperCase(), at: i });
      i += m[0].length;
    } else {
      const two = sql.slice(i, i + 2);
      const op = ['<=', '>=', '<>', '!=', '||', '::'].includes(two) ? two : c;
      out.push({ kind: 'op', text: op, at: i });
      i += op.length;
    }
  }
  out.push({ kind: 'end', at: sql.length });
  return out;
}

/** Split a script into statements at `;` outside quotes (psql -f, mysql < file, -c 'a; b'). */
export function splitStatements(sql: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote = '';
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!;
    if (quote) {
      if (c === quote) quote = '';
      cur += c;
    } else if (c === "'" || c === '"' || c === '`') {
      quote = c;
      cur += c;
    } else if (c === '-' && sql[i + 1] === '-') {
      while (i < sql.length && sql[i] !== '\n') i++;
      cur += '\n';
    } else if (c === ';') {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}
