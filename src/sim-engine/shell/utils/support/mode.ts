/**
 * File modes as chmod and mkdir -m take them: octal (`755`) or symbolic
 * (`u+x,g-w`, `a=r`, `+x`, `go=u`). Symbolic modes without who use the umask (022).
 */
const UMASK = 0o022;

/** The new mode, or undefined when the text is not a mode. */
export function applyMode(text: string, current: number, isDir: boolean): number | undefined {
  if (/^[0-7]{1,4}$/.test(text)) {
    const value = parseInt(text, 8);
    // GNU keeps a directory's set-id bits unless the mode names them (5+ digits)
    return isDir && text.length < 4 ? value | (current & 0o6000) : value;
  }
  let mode = current & 0o7777;
  for (const clause of text.split(',')) {
    const m = /^([ugoa]*)((?:[-+=][rwxXstugo]*)+)$/.exec(clause);
    if (!m) return undefined;
    const who = m[1]!;
    let mask = 0;
    if (who === '' || who.includes('a')) mask = 0o7777;
    else {
      if (who.includes('u')) mask |= 0o4700;
      if (who.includes('g')) mask |= 0o2070;
      if (who.includes('o')) mask |= 0o1007;
    }
    const useUmask = who === '';
    for (const op of m[2]!.match(/[-+=][rwxXstugo]*/g)!) {
      const perms = op.slice(1);
      let bits = 0;
      for (const p of perms) {
        if (p === 'r') bits |= 0o444;
        else if (p === 'w') bits |= 0o222;
        else if (p === 'x') bits |= 0o111;
        else if (p === 'X') bits |= isDir || mode & 0o111 ? 0o111 : 0;
        else if (p === 's') bits |= 0o6000;
        else if (p === 't') bits |= 0o1000;
        else {
          const shift = p === 'u' ? 6 : p === 'g' ? 3 : 0;
          const v = (mode >> shift) & 7;
          bits |= (v << 6) | (v << 3) | v;
        }
      }
      let effective = bits & mask;
      if (useUmask) effective &= ~UMASK | 0o7000;
      if (op[0] === '+') mode |= effective;
      else if (op[0] === '-') mode &= ~effective;
      else mode = (mode & ~(mask & 0o7777 & (useUmask ? 0o7777 : 0o7777))) | effective;
    }
  }
  return mode;
}
