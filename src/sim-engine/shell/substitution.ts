/**
 * Command substitution: `$( … )` and backquotes run in a fork whose stdout is
 * collected; bash's `$(< file)` reads the file without running anything.
 */
import { CollectingWriter, readAll } from '../process/streams.ts';
import type { CommandList } from './ast.ts';
import type { Interp } from './interp.ts';
import { applyRedirects } from './redirect.ts';
import { describeSyntaxError, type ShellSyntaxError } from './syntax-error.ts';

/** `$( … )`: the commands run in a fork with stdout collected. */
export async function commandSubstitution(
  sh: Interp,
  body: CommandList,
  error?: ShellSyntaxError,
): Promise<string> {
  if (error) {
    const d = describeSyntaxError(error, sh.dialect);
    const p = `${sh.state.arg0}: command substitution: line ${d.line}: `;
    sh.cur.stderr.write(`${p}${d.text}\n${d.second ? `${p}${d.second}\n` : ''}`);
    sh.substStatus = 2;
    return '';
  }
  const only = body.items.length === 1 ? body.items[0]!.command : undefined;
  if (
    sh.dialect.name === 'bash' &&
    only?.type === 'simple' &&
    !only.words.length &&
    !only.assigns.length &&
    only.redirs.length === 1 &&
    only.redirs[0]!.op === '<'
  ) {
    // bash's $(< file): the file's contents, without running anything
    const io = await applyRedirects(sh, only.redirs, sh.cur);
    sh.substStatus = io ? 0 : 1;
    return io ? readAll(io.stdin) : '';
  }
  const out = new CollectingWriter();
  const io = sh.cur.with(1, { writer: out });
  const sub = sh.fork(io);
  if (sh.dialect.name === 'bash') sub.traceLevel++;
  sh.substStatus = await sub.runAsSubshell(() => sub.runList(body, sub.io));
  return out.text;
}
