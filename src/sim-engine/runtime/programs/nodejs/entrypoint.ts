/**
 * node's docker-entrypoint.sh: the command gets `node` in front when its first word
 * is an option (`-e …`), not a command (`app.js`), or a file that is not executable;
 * then it is exec'd in this same process (node, npm, npx and the base system's
 * programs; anything else runs as a child, see support/exec.ts).
 */
import type { ProcessContext, Program } from '../../../process/types.ts';
import { resolveExecutable } from '../../../process/resolve.ts';
import { execCommand, scriptPath, shExecError } from '../support/exec.ts';
import { withSystem } from '../support/system-programs.ts';
import { node } from './node.ts';
import { nodemon } from './nodemon.ts';
import { npm, npx } from './npm.ts';

const LOCAL = withSystem([
  ['node', node],
  ['npm', npm],
  ['npx', npx],
  ['nodemon', nodemon],
]);

/** What `command -v` finds in sh: its builtins and keywords, or an executable in PATH. */
const SH_BUILTINS = new Set(
  '. : [ alias bg break cd command continue echo eval exec exit export false fg getopts hash jobs kill local printf pwd read readonly return set shift test times trap true type ulimit umask unalias unset wait if then else elif fi case esac for while until do done'.split(
    ' ',
  ),
);

function commandV(ctx: ProcessContext, name: string): boolean {
  if (SH_BUILTINS.has(name)) return true;
  return resolveExecutable(ctx.fs, name, ctx.env.get('PATH'), ctx.cwd).ok;
}

export const nodeEntrypoint: Program = async (ctx) => {
  let args = ctx.argv.slice(1);
  const first = args[0] ?? '';
  const path = first.startsWith('/') ? first : `${ctx.cwd === '/' ? '' : ctx.cwd}/${first}`;
  const st = ctx.fs.stat(path);
  const notExecutable = st?.kind === 'file' && (st.mode & 0o111) === 0;
  if (first.startsWith('-') || !commandV(ctx, first) || notExecutable) args = ['node', ...args];
  return execCommand(ctx, args, { local: LOCAL, cannotRun: shExecError(ctx, scriptPath(ctx), 11) });
};
