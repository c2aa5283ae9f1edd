/**
 * github.com/google/shlex Split, which docker uses for `--health-cmd`, `--entrypoint`
 * and `service create --args`: shell-like words with quotes, escapes and `#` comments.
 */
export function shlexSplit(s: string): string[] {
  const words: string[] = [];
  let i = 0;
  const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
  while (i < s.length) {
    while (i < s.length && isSpace(s[i]!)) i++;
    if (i >= s.length) break;
    if (s[i] === '#') {
      // a comment runs to the end of the line
      while (i < s.length && s[i] !== '\n') i++;
      continue;
    }
    let word = '';
    while (i < s.length && !isSpace(s[i]!)) {
      const c = s[i]!;
      if (c === '\\') {
        if (i + 1 >= s.length) throw new Error('EOF found after escape character');
        word += s[i + 1];
        i += 2;
      } else if (c === "'") {
        const end = s.indexOf("'", i + 1);
        if (end < 0) throw new Error('EOF found when expecting closing quote');
        word += s.slice(i + 1, end);
        i = end + 1;
      } else if (c === '"') {
        i++;
        for (;;) {
          if (i >= s.length) throw new Error('EOF found when expecting closing quote');
          const d = s[i]!;
          if (d === '"') {
            i++;
            break;
          }
          if (d === '\\') {
            if (i + 1 >= s.length) throw new Error('EOF found after escape character');
            word += s[i + 1];
            i += 2;
            continue;
          }
          word += d;
          i++;
        }
      } else {
        word += c;
        i++;
      }
    }
    words.push(word);
  }
  return words;
}
