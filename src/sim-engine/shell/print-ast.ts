/**
 * Commands printed back as text, the way bash's `type f` shows a function: four
 * spaces a level, `;` after each command of a list but the last one in a group.
 */
import type { Command, CommandList, Redirect, Word, WordPart } from './ast.ts';

function part(p: WordPart): string {
  switch (p.type) {
    case 'lit':
      return p.text;
    case 'quoted':
      return /^[^'\\]*$/.test(p.text) && p.text !== ''
        ? `'${p.text}'`
        : p.text.replace(/[^A-Za-z0-9_./-]/g, '\\$&');
    case 'dq':
      return `"${p.parts.map((x) => (x.type === 'quoted' ? x.text.replace(/["\\$`]/g, '\\$&') : part(x))).join('')}"`;
    case 'param':
      return p.text ?? (/^[A-Za-z_]/.test(p.name) && p.name.length > 1 ? `$${p.name}` : `$${p.name}`);
    case 'cmdsub':
      return `$(${printList(p.body, 0, false).trim()})`;
    case 'arith':
      return `$(( ${word(p.expr)} ))`;
  }
}

const word = (w: Word) => w.parts.map(part).join('');

function redirs(rs: Redirect[]): string {
  return rs
    .map((r) => {
      const fd = r.fd !== undefined ? String(r.fd) : '';
      if (r.heredoc) return ` ${fd}${r.op}${r.heredoc.delimiter}`;
      return ` ${fd}${r.op} ${word(r.target)}`.replace(/([<>&]) (\d|-)$/, '$1$2');
    })
    .join('');
}

const pad = (n: number) => '    '.repeat(n);

function command(c: Command, level: number): string {
  const ind = pad(level);
  switch (c.type) {
    case 'simple':
      return (
        [...c.assigns.map((a) => `${a.name}=${word(a.value)}`), ...c.words.map(word)].join(' ') +
        redirs(c.redirs)
      );
    case 'pipeline':
      return (c.negate ? '! ' : '') + c.commands.map((x) => command(x, level)).join(' | ');
    case 'andor':
      return `${command(c.left, level)} ${c.op} ${command(c.right, level)}`;
    case 'group':
      return `{ \n${printList(c.body, level + 1, false)}\n${ind}}${redirs(c.redirs)}`;
    case 'subshell':
      return `( ${printList(c.body, 0, false).trim()} )${redirs(c.redirs)}`;
    case 'if': {
      let s = '';
      c.clauses.forEach((cl, i) => {
        s += `${i ? `${ind}elif` : 'if'} ${printList(cl.cond, 0, false).trim()}; then\n${printList(cl.body, level + 1, true)}\n`;
      });
      if (c.elseBody) s += `${ind}else\n${printList(c.elseBody, level + 1, true)}\n`;
      return `${s}${ind}fi${redirs(c.redirs)}`;
    }
    case 'while':
      return `${c.until ? 'until' : 'while'} ${printList(c.cond, 0, false).trim()}; do\n${printList(c.body, level + 1, true)}\n${ind}done${redirs(c.redirs)}`;
    case 'for':
      return `for ${c.name}${c.words ? ` in ${c.words.map(word).join(' ')}` : ''};\n${ind}do\n${printList(c.body, level + 1, true)}\n${ind}done${redirs(c.redirs)}`;
    case 'case': {
      let s = `case ${word(c.word)} in \n`;
      for (const item of c.items) {
        s += `${pad(level + 1)}${item.patterns.map(word).join(' | ')})\n`;
        if (item.body.items.length) s += `${printList(item.body, level + 2, false)}\n`;
        s += `${pad(level + 1)}${item.terminator}\n`;
      }
      return `${s}${ind}esac${redirs(c.redirs)}`;
    }
    case 'function':
      return printFunction(c.name, c.body, level);
    case 'cond':
      return `[[ ${c.words.map((w) => word(w.word)).join(' ')} ]]${redirs(c.redirs)}`;
    case 'arithcmd':
      return `(( ${word(c.expr)} ))${redirs(c.redirs)}`;
  }
}

/** A list, one command a line at `level`; every command but the last ends with `;` (the last too if `lastSemi`). */
function printList(list: CommandList, level: number, lastSemi: boolean): string {
  const lines = list.items.map((it, i) => {
    const last = i === list.items.length - 1;
    const end = it.background ? ' &' : last && !lastSemi ? '' : ';';
    return pad(level) + command(it.command, level) + end;
  });
  return lines.join('\n');
}

/** `f () \n{ \n    body\n}`, as bash's `type f` prints it. */
export function printFunction(name: string, body: Command, level = 0): string {
  const inner =
    body.type === 'group'
      ? printList(body.body, level + 1, false)
      : pad(level + 1) + command(body, level + 1);
  return `${name} () \n${pad(level)}{ \n${inner}\n${pad(level)}}`;
}
