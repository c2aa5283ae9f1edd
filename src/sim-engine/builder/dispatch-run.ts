/**
 * RUN as BuildKit's Dockerfile frontend dispatches it (dockerfile2llb/convert.go
 * `dispatchRun`): the shell form wrapped in SHELL (or `/bin/sh -c`), a heredoc run as
 * a script when it starts with `#!`, the history text with the stage's ARGs
 * (runCommandString), the cache key over the command, environment, WORKDIR and USER,
 * and the failure BuildKit (or the classic builder) reports for a non-zero exit. The
 * sandbox the command runs in is run.ts.
 */
import type { Builder } from './build.ts';
import { cacheKey } from './cache.ts';
import type { Instruction } from './dockerfile/index.ts';
import { layerStep } from './layer-step.ts';
import { runStep } from './run.ts';
import { commitLast, envList, runCommandString, withShell, type StageState } from './stage.ts';

export async function dispatchRun(
  b: Builder,
  s: StageState,
  cmd: Extract<Instruction, { kind: 'RUN' }>,
  displayName: (t: string) => string,
): Promise<void> {
  let args = [...cmd.args];
  let script: { path: string; data: string } | undefined;
  if (cmd.heredocs.length > 0 && cmd.prependShell) {
    const doc = cmd.heredocs[0]!;
    const body = doc.expand ? b.lex.processWord(doc.content, (k) => s.env.get(k)).result : doc.content;
    if (body.startsWith('#!')) {
      script = { path: `/dev/pipes/${doc.name}`, data: body };
      args = [script.path];
    } else args = withShell(s.config, [body]);
  } else if (cmd.prependShell) args = withShell(s.config, args);
  const name = displayName(cmd.original);
  const history = `RUN ${runCommandString(s, args)}`;
  const key = cacheKey(s.key, 'exec', args, envList(s), s.config.WorkingDir ?? '/', s.config.User ?? '');
  await layerStep(b, s, key, name, history, cmd, async (fs, v) => {
    if (script) {
      fs.mkdir('/dev/pipes', { parents: true });
      fs.writeFile(script.path, script.data, { mode: 0o755 });
    }
    const result = await runStep(b.d, {
      fs,
      argv: args,
      env: envList(s),
      cwd: s.config.WorkingDir || '/',
      user: s.config.User ?? '',
      onOutput: (stream, text) => {
        b.trace.log(v, stream, text);
        b.classic?.output(stream, text);
      },
    });
    if (!result.ok) {
      if (result.exitCode === undefined) return { error: result.message };
      const code = result.exitCode;
      return {
        error: `process "${args.join(' ')}" did not complete successfully: exit code: ${code}`,
        // dispatchers.go dispatchRun
        classic: { message: `The command '${args.join(' ')}' returned a non-zero code: ${code}`, code },
      };
    }
    return { changes: result.changes.filter((e) => !(script && /^\/?dev(\/|$)/.test(e.path))) };
  });
  commitLast(s, history, true);
}
