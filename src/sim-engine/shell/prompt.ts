/**
 * Prompts. The defaults are what a learner sees in the real images: bash in a
 * Debian or Ubuntu container `root@3e6d6aa204e7:/# ` (Debian's default .bashrc PS1,
 * without colour), dash `# ` (`$ ` for other users), BusyBox ash `/ # ` (`\w \$ `).
 * bash and ash read backslash escapes (`\u \h \w \W \$ \n \s \v \t`); all three
 * expand `$VAR` in the prompt.
 */
import type { Interp } from './interp.ts';

export function defaultPs1(sh: Interp): string {
  switch (sh.dialect.name) {
    case 'bash':
      return '\\u@\\h:\\w\\$ ';
    case 'dash':
      return sh.ctx.user.uid === 0 ? '# ' : '$ ';
    case 'busybox':
      return '\\w \\$ ';
  }
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** Expand a prompt string: backslash escapes (bash, ash), then `$NAME` and `${NAME}`. */
export function expandPrompt(sh: Interp, ps: string): string {
  let s = ps;
  if (sh.dialect.name !== 'dash') {
    const home = sh.state.vars.get('HOME');
    const cwd = sh.state.cwd;
    const w =
      home && home !== '/' && (cwd === home || cwd.startsWith(home + '/'))
        ? '~' + cwd.slice(home.length)
        : cwd;
    const day = Math.floor(sh.ctx.now() / 1000) % 86400;
    s = s.replace(/\\(.)/g, (m, c: string) => {
      switch (c) {
        case 'u':
          return sh.ctx.user.name;
        case 'h':
          return sh.ctx.hostname.split('.')[0]!;
        case 'H':
          return sh.ctx.hostname;
        case 'w':
          return w;
        case 'W':
          return cwd === '/' ? '/' : w === '~' ? '~' : cwd.slice(cwd.lastIndexOf('/') + 1);
        case '$':
          return sh.ctx.user.uid === 0 ? '#' : '$';
        case 'n':
          return '\n';
        case 's':
          return sh.dialect.name === 'bash' ? 'bash' : 'sh';
        case 'v':
          return '5.2';
        case 'V':
          return '5.2.15';
        case 't':
          return `${two(Math.floor(day / 3600))}:${two(Math.floor(day / 60) % 60)}:${two(day % 60)}`;
        case 'j':
          return String(sh.state.jobs.length);
        case '!':
        case '#':
          return String(sh.state.history.length + 1);
        case '[':
        case ']':
          return '';
        case 'e':
          return '\x1b';
        case 'a':
          return '\x07';
        case '\\':
          return '\\';
        default:
          return m;
      }
    });
  }
  return s.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*|[?$#!0-9])\}?/g, (_m, name: string) => {
    if (name === '?') return String(sh.state.lastStatus);
    if (name === '$') return String(sh.ctx.pid);
    if (name === '#') return String(sh.state.positional.length);
    if (name === '0') return sh.state.arg0;
    return sh.state.vars.get(name) ?? '';
  });
}

/** The primary prompt as it would be shown now. */
export function primaryPrompt(sh: Interp): string {
  return expandPrompt(sh, sh.state.vars.get('PS1') ?? defaultPs1(sh));
}

export function secondaryPrompt(sh: Interp): string {
  return expandPrompt(sh, sh.state.vars.get('PS2') ?? '> ');
}
