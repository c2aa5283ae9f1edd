/**
 * The compound commands at run time: groups, subshells, if, while/until, for (and
 * bash's `for ((…))`), case, `[[ … ]]` and `(( … ))`, with their redirections.
 */
import type { CaseCommand, CommandList, CompoundCommand, Word } from './ast.ts';
import { runCond } from './builtins/cond.ts';
import { arithmetic, expandPattern, expandString, expandWords } from './expand.ts';
import type { Interp } from './interp.ts';
import type { Io } from './io.ts';
import { matchPattern } from './pattern.ts';
import { applyRedirects, redirectFailStatus } from './redirect.ts';
import { BreakSignal, ContinueSignal } from './signals.ts';
import { quoteForTrace, traceText } from './trace.ts';

export async function runCompound(sh: Interp, cmd: CompoundCommand, io0: Io): Promise<number> {
  sh.line = cmd.line;
  sh.started();
  const io = cmd.redirs.length ? await applyRedirects(sh, cmd.redirs, io0) : io0;
  if (!io) return redirectFailStatus(sh);
  sh.cur = io;
  switch (cmd.type) {
    case 'group':
      return sh.runList(cmd.body, io);
    case 'subshell':
      return sh.runSubshell(cmd.body, io);
    case 'if':
      for (const clause of cmd.clauses) {
        if ((await sh.condition(clause.cond, io)) === 0) return sh.runList(clause.body, io);
      }
      return cmd.elseBody ? sh.runList(cmd.elseBody, io) : 0;
    case 'while':
      return loop(
        sh,
        async (body) => {
          const s = await sh.condition(cmd.cond, io);
          if (cmd.until ? s === 0 : s !== 0) return false;
          await body(cmd.body);
          return true;
        },
        io,
      );
    case 'for': {
      if (cmd.arith) {
        const [init, test, step] = cmd.arith;
        const evaluate = async (w: Word, empty: string) => {
          const text = await expandString(sh, w);
          return text.trim() === '' ? empty : arithmetic(sh, text);
        };
        await evaluate(init, '0');
        let first = true;
        return loop(
          sh,
          async (body) => {
            if (!first) await evaluate(step, '0');
            first = false;
            if ((await evaluate(test, '1')) === '0') return false;
            await body(cmd.body);
            return true;
          },
          io,
        );
      }
      const values = cmd.words ? await expandWords(sh, cmd.words) : sh.state.positional.slice();
      const trace = sh.state.options.xtrace && sh.dialect.name === 'bash';
      const header = `for ${cmd.name} in ${values.map(quoteForTrace).join(' ')}`;
      let i = 0;
      return loop(
        sh,
        async (body) => {
          if (i >= values.length) return false;
          if (trace) traceText(sh, io, header);
          sh.setVar(cmd.name, values[i++]!);
          await body(cmd.body);
          return true;
        },
        io,
      );
    }
    case 'case':
      return runCase(sh, cmd, io);
    case 'cond':
      return runCond(sh, cmd, io);
    case 'arithcmd': {
      const text = await expandString(sh, cmd.expr);
      if (sh.state.options.xtrace) traceText(sh, io, `(( ${text.trim()} ))`);
      const v = arithmetic(sh, text);
      return v === '0' ? 1 : 0;
    }
  }
}

/**
 * A loop: `step` runs one iteration through `body` and says whether to go on.
 * Handles break and continue; the status is the last body's (0 if none ran).
 */
async function loop(
  sh: Interp,
  step: (body: (list: CommandList) => Promise<void>) => Promise<boolean>,
  io: Io,
): Promise<number> {
  let status = 0;
  let iterations = 0;
  sh.loopDepth++;
  try {
    for (;;) {
      // a loop of builtins never waits; let the clock and other processes run now and then
      if (++iterations % 2000 === 0) await sh.ctx.sleep(0);
      let go: boolean;
      try {
        go = await step(async (list) => {
          status = await sh.runList(list, io);
        });
      } catch (e) {
        if (e instanceof BreakSignal) {
          if (--e.n > 0) throw e;
          break;
        }
        if (e instanceof ContinueSignal) {
          if (--e.n > 0) throw e;
          continue;
        }
        throw e;
      }
      if (!go) break;
    }
  } finally {
    sh.loopDepth--;
  }
  return status;
}

async function runCase(sh: Interp, cmd: CaseCommand, io: Io): Promise<number> {
  const word = await expandString(sh, cmd.word);
  let status = 0;
  let fallthrough = false;
  for (let i = 0; i < cmd.items.length; i++) {
    const item = cmd.items[i]!;
    let matched = fallthrough;
    if (!matched) {
      for (const p of item.patterns) {
        if (matchPattern(await expandPattern(sh, p), word)) {
          matched = true;
          break;
        }
      }
    }
    if (!matched) continue;
    status = await sh.runList(item.body, io);
    if (item.terminator === ';;') return status;
    fallthrough = item.terminator === ';&';
  }
  return status;
}
