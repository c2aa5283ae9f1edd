/**
 * fnmatch(3) without flags, as find -name and case patterns use it: `*` and `?`
 * match any character including a leading dot, `[...]` classes with `!`/`^`
 * negation and ranges, `\` quotes.
 */
export function fnmatchRegExp(pattern: string, ignoreCase = false): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '*') re += '.*';
    else if (ch === '?') re += '.';
    else if (ch === '\\' && i + 1 < pattern.length) re += escape(pattern[++i]!);
    else if (ch === '[') {
      let close = i + 1;
      if (pattern[close] === '!' || pattern[close] === '^') close++;
      if (pattern[close] === ']') close++;
      while (close < pattern.length && pattern[close] !== ']') {
        const named = pattern.startsWith('[:', close) ? pattern.indexOf(':]', close + 2) : -1;
        close = named >= 0 ? named + 2 : close + 1;
      }
      if (close >= pattern.length) close = -1;
      if (close < 0) {
        re += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, close);
      let negate = false;
      if (body.startsWith('!') || body.startsWith('^')) {
        negate = true;
        body = body.slice(1);
      }
      let cls = '';
      for (let j = 0; j < body.length; j++) {
        const named = /^\[:(\w+):\]/.exec(body.slice(j));
        if (named) {
          cls += POSIX_CLASSES[named[1]!] ?? '';
          j += named[0].length - 1;
        } else cls += /[\\\][^]/.test(body[j]!) ? '\\' + body[j] : body[j];
      }
      re += `[${negate ? '^' : ''}${cls}]`;
      i = close;
    } else re += escape(ch);
  }
  return new RegExp(`^${re}$`, ignoreCase ? 'is' : 's');
}

function escape(ch: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(ch) ? '\\' + ch : ch;
}

const POSIX_CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: 'a-zA-Z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
};

export function fnmatch(pattern: string, name: string, ignoreCase = false): boolean {
  try {
    return fnmatchRegExp(pattern, ignoreCase).test(name);
  } catch {
    return pattern === name;
  }
}
