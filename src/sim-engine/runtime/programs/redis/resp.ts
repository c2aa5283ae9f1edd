/**
 * RESP, the Redis protocol, as text: replies built by the server and parsed by
 * redis-cli, requests as RESP arrays or inline commands (split as sdssplitargs does:
 * quotes, escapes, `\xHH`), and redis-cli's two output modes (a terminal's quoted
 * `"v"`, `(integer) 1`, `(nil)`; raw when stdout is not a terminal).
 */
export type Reply =
  | { kind: 'status'; text: string }
  | { kind: 'error'; text: string }
  | { kind: 'int'; value: number }
  | { kind: 'bulk'; text: string | null }
  | { kind: 'array'; items: Reply[] | null };

export const ok: Reply = { kind: 'status', text: 'OK' };
export const nil: Reply = { kind: 'bulk', text: null };
export const int = (value: number): Reply => ({ kind: 'int', value });
export const bulk = (text: string | null): Reply => ({ kind: 'bulk', text });
export const err = (text: string): Reply => ({ kind: 'error', text });
export const array = (items: (string | null)[] | Reply[]): Reply => ({
  kind: 'array',
  items: items.map((x) => (x === null || typeof x === 'string' ? bulk(x) : x)),
});

export function encode(r: Reply): string {
  switch (r.kind) {
    case 'status':
      return `+${r.text}\r\n`;
    case 'error':
      return `-${r.text}\r\n`;
    case 'int':
      return `:${r.value}\r\n`;
    case 'bulk':
      return r.text === null ? '$-1\r\n' : `$${r.text.length}\r\n${r.text}\r\n`;
    case 'array':
      return r.items === null ? '*-1\r\n' : `*${r.items.length}\r\n${r.items.map(encode).join('')}`;
  }
}

/** Parse every reply in a text (a pipeline's answers). */
export function decodeAll(text: string): Reply[] {
  const out: Reply[] = [];
  let pos = 0;
  const line = (): string => {
    const end = text.indexOf('\r\n', pos);
    const l = text.slice(pos, end < 0 ? text.length : end);
    pos = end < 0 ? text.length : end + 2;
    return l;
  };
  const one = (): Reply => {
    const l = line();
    const body = l.slice(1);
    switch (l[0]) {
      case '+':
        return { kind: 'status', text: body };
      case '-':
        return { kind: 'error', text: body };
      case ':':
        return int(Number(body));
      case '$': {
        const n = Number(body);
        if (n < 0) return nil;
        const s = text.slice(pos, pos + n);
        pos += n + 2;
        return bulk(s);
      }
      default: {
        const n = Number(body);
        if (n < 0) return { kind: 'array', items: null };
        const items: Reply[] = [];
        for (let i = 0; i < n; i++) items.push(one());
        return { kind: 'array', items };
      }
    }
  };
  while (pos < text.length) out.push(one());
  return out;
}

export function encodeCommand(args: string[]): string {
  return `*${args.length}\r\n${args.map((a) => `$${a.length}\r\n${a}\r\n`).join('')}`;
}

/** Requests in a connection's input: RESP arrays or inline lines. */
export function decodeCommands(text: string): string[][] {
  const out: string[][] = [];
  let pos = 0;
  while (pos < text.length) {
    if (text[pos] === '*') {
      const end = text.indexOf('\r\n', pos);
      const n = Number(text.slice(pos + 1, end));
      pos = end + 2;
      const args: string[] = [];
      for (let i = 0; i < n; i++) {
        const e = text.indexOf('\r\n', pos);
        const len = Number(text.slice(pos + 1, e));
        args.push(text.slice(e + 2, e + 2 + len));
        pos = e + 2 + len + 2;
      }
      out.push(args);
    } else {
      const nl = text.indexOf('\n', pos);
      const l = text.slice(pos, nl < 0 ? text.length : nl).replace(/\r$/, '');
      pos = nl < 0 ? text.length : nl + 1;
      const args = splitArgs(l);
      if (args && args.length) out.push(args);
      else if (!args) out.push(['\0unbalanced']);
    }
  }
  return out;
}

/** sdssplitargs: undefined for unbalanced quotes. */
export function splitArgs(line: string): string[] | undefined {
  const args: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && /\s/.test(line[i]!)) i++;
    if (i >= line.length) break;
    let cur = '';
    let quote: '"' | "'" | '' = '';
    for (;;) {
      const c = line[i];
      if (quote === '"') {
        if (c === undefined) return undefined;
        if (c === '\\' && line[i + 1] === 'x' && /^[0-9a-fA-F]{2}$/.test(line.slice(i + 2, i + 4))) {
          cur += String.fromCharCode(parseInt(line.slice(i + 2, i + 4), 16));
          i += 4;
          continue;
        }
        if (c === '\\' && i + 1 < line.length) {
          const e = line[i + 1]!;
          cur +=
            e === 'n'
              ? '\n'
              : e === 'r'
                ? '\r'
                : e === 't'
                  ? '\t'
                  : e === 'b'
                    ? '\b'
                    : e === 'a'
                      ? '\x07'
                      : e;
          i += 2;
          continue;
        }
        if (c === '"') {
          if (i + 1 < line.length && !/\s/.test(line[i + 1]!)) return undefined;
          i++;
          break;
        }
        cur += c;
        i++;
      } else if (quote === "'") {
        if (c === undefined) return undefined;
        if (c === '\\' && line[i + 1] === "'") {
          cur += "'";
          i += 2;
          continue;
        }
        if (c === "'") {
          if (i + 1 < line.length && !/\s/.test(line[i + 1]!)) return undefined;
          i++;
          break;
        }
        cur += c;
        i++;
      } else {
        if (c === undefined || /\s/.test(c)) break;
        if (c === '"' || c === "'") quote = c;
        else cur += c;
        i++;
      }
    }
    args.push(cur);
  }
  return args;
}

/** sdscatrepr: a string as redis-cli shows it on a terminal. */
export function repr(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (ch === '\\' || ch === '"') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\x07') out += '\\a';
    else if (ch === '\b') out += '\\b';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** cliFormatReplyTTY */
export function formatTty(r: Reply, prefix = ''): string {
  switch (r.kind) {
    case 'error':
      return `(error) ${r.text}\n`;
    case 'status':
      return `${r.text}\n`;
    case 'int':
      return `(integer) ${r.value}\n`;
    case 'bulk':
      return r.text === null ? '(nil)\n' : `${repr(r.text)}\n`;
    case 'array': {
      if (r.items === null) return '(nil)\n';
      if (r.items.length === 0) return '(empty array)\n';
      const width = String(r.items.length).length;
      const inner = prefix + ' '.repeat(width + 2);
      return r.items
        .map(
          (item, i) => `${i === 0 ? '' : prefix}${String(i + 1).padStart(width)}) ${formatTty(item, inner)}`,
        )
        .join('');
    }
  }
}

/** cliFormatReplyRaw, with the command delimiter redis-cli adds. */
export function formatRaw(r: Reply, top = true): string {
  let out: string;
  switch (r.kind) {
    case 'error':
      out = `${r.text}\n`;
      break;
    case 'status':
      out = r.text;
      break;
    case 'int':
      out = String(r.value);
      break;
    case 'bulk':
      out = r.text ?? '';
      break;
    case 'array':
      out = (r.items ?? []).map((x) => formatRaw(x, false)).join('\n');
      break;
  }
  return top ? `${out}\n` : out;
}
