/**
 * POSIX regular expressions (basic and extended, with the GNU extensions grep and
 * sed accept: `\+ \? \|` in BRE, `\< \> \b \w \W \s \S`, back-references) translated
 * to JavaScript RegExp source. Errors come back as the GNU regex messages
 * (`Unmatched [, [^, [:, [., or [=`), never as exceptions.
 */
export type RegexResult = { ok: true; source: string; groups: number } | { ok: false; error: string };

const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: 'a-zA-Z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  cntrl: '\\x00-\\x1f\\x7f',
  print: ' -~',
  graph: '!-~',
  word: '\\w',
};

/** Parse a bracket expression starting at `[`; returns the JS class and the index after `]`. */
function bracket(re: string, start: number): { cls: string; end: number } | undefined {
  let i = start + 1;
  let negate = false;
  if (re[i] === '^') {
    negate = true;
    i++;
  }
  let body = '';
  let first = true;
  for (; i < re.length; i++) {
    const ch = re[i]!;
    if (ch === ']' && !first) return { cls: `[${negate ? '^' : ''}${body}]`, end: i + 1 };
    first = false;
    if (ch === '[' && (re[i + 1] === ':' || re[i + 1] === '.' || re[i + 1] === '=')) {
      const kind = re[i + 1]!;
      const close = re.indexOf(kind + ']', i + 2);
      if (close < 0) return undefined;
      const name = re.slice(i + 2, close);
      if (kind === ':') {
        const cls = CLASSES[name];
        if (cls === undefined) return undefined;
        body += cls;
      } else body += name.replace(/[\\\]^-]/g, (c) => '\\' + c);
      i = close + 1;
      continue;
    }
    if (ch === '\\' || ch === ']' || ch === '[' || (ch === '^' && body === '')) body += '\\' + ch;
    else body += ch;
  }
  return undefined;
}

/**
 * @param extended ERE (grep -E, sed -E) rather than BRE
 */
export function translateRegex(re: string, extended: boolean): RegexResult {
  let out = '';
  let groups = 0;
  const open: number[] = [];
  // where an anchor or a leading `*` counts as special: at the start, after ( or |
  let atStart = true;
  for (let i = 0; i < re.length; i++) {
    const ch = re[i]!;
    const wasStart = atStart;
    atStart = false;
    if (ch === '\\') {
      if (i + 1 >= re.length) return { ok: false, error: 'Trailing backslash' };
      const next = re[++i]!;
      if (!extended && next === '(') {
        groups++;
        open.push(groups);
        out += '(';
        atStart = true;
      } else if (!extended && next === ')') {
        if (open.pop() === undefined) return { ok: false, error: 'Unmatched ) or \\)' };
        out += ')';
      } else if (!extended && next === '|') {
        out += '|';
        atStart = true;
      } else if (!extended && (next === '+' || next === '?')) {
        if (wasStart) out += '\\' + next;
        else out += next;
      } else if (!extended && next === '{') {
        const close = re.indexOf('\\}', i);
        const body = close < 0 ? '' : re.slice(i + 1, close);
        if (close < 0 || !/^\d*(,\d*)?$/.test(body) || body === '' || body === ',')
          return { ok: false, error: 'Invalid content of \\{\\}' };
        out += `{${body.startsWith(',') ? '0' + body : body}}`;
        i = close + 1;
      } else if (/[1-9]/.test(next)) {
        if (Number(next) > groups) return { ok: false, error: 'Invalid back reference' };
        out += '\\' + next;
      } else if (next === '<') out += '\\b(?=\\w)';
      else if (next === '>') out += '\\b(?<=\\w)';
      else if ('bBwWsS'.includes(next)) out += '\\' + next;
      else if (next === 'n') out += '\\n';
      else if (next === 't') out += '\\t';
      else if (/[.*[\]^$\\/+?(){}|-]/.test(next)) out += '\\' + next;
      else out += next;
      continue;
    }
    if (ch === '[') {
      const b = bracket(re, i);
      if (!b) return { ok: false, error: 'Unmatched [, [^, [:, [., or [=' };
      out += b.cls;
      i = b.end - 1;
      continue;
    }
    if (ch === '*') {
      out += wasStart ? '\\*' : '*';
      continue;
    }
    if (ch === '^') {
      if (extended || wasStart) {
        out += '^';
        atStart = true;
      } else out += '\\^';
      continue;
    }
    if (ch === '$') {
      const atEnd =
        i === re.length - 1 ||
        (!extended && re.startsWith('\\)', i + 1)) ||
        (!extended && re.startsWith('\\|', i + 1));
      out += extended || atEnd ? '$' : '\\$';
      continue;
    }
    if (extended) {
      if (ch === '(') {
        groups++;
        open.push(groups);
        out += '(';
        atStart = true;
        continue;
      }
      if (ch === ')') {
        if (open.pop() === undefined) return { ok: false, error: 'Unmatched ) or \\)' };
        out += ')';
        continue;
      }
      if (ch === '|') {
        out += '|';
        atStart = true;
        continue;
      }
      if (ch === '+' || ch === '?') {
        out += wasStart ? '\\' + ch : ch;
        continue;
      }
      if (ch === '{') {
        const m = /^\{(\d*)(,?)(\d*)\}/.exec(re.slice(i));
        if (m && (m[1] !== '' || m[3] !== '') && !wasStart) {
          if (m[1] !== '' && m[3] !== '' && Number(m[3]) < Number(m[1]))
            return { ok: false, error: 'Invalid content of \\{\\}' };
          out += `{${m[1] || '0'}${m[2]}${m[3]}}`;
          i += m[0].length - 1;
        } else out += '\\{';
        continue;
      }
      if (ch === '}') {
        out += '\\}';
        continue;
      }
    } else if ('+?(){}|'.includes(ch)) {
      out += '\\' + ch;
      continue;
    }
    if (ch === '/' || ch === '-') out += ch;
    else if (ch === '.') out += '.';
    else out += ch;
  }
  if (open.length > 0) return { ok: false, error: 'Unmatched ( or \\(' };
  try {
    new RegExp(out);
  } catch {
    return { ok: false, error: 'Invalid regular expression' };
  }
  return { ok: true, source: out, groups };
}

/** A fixed string as a RegExp source. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
