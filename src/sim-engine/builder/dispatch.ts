/**
 * A stage dispatched as BuildKit's Dockerfile frontend does it (dockerfile2llb/convert.go
 * `dispatch` over a `dispatchState`): the stage starts from another stage, scratch or
 * an image (from.ts); the base image's ONBUILD triggers run first; then each
 * instruction has its variables expanded, passes the build checks, gets its step name
 * (`[build 2/4] RUN …`) and goes to its dispatcher — the config instructions
 * (dispatch-config.ts), RUN (dispatch-run.ts), COPY and ADD (dispatch-copy.ts). The
 * classic builder's hooks (classic.ts) are called at each step.
 */
import type { ImageRecord } from '../daemon/images/record.ts';
import { canonicalString } from '../images/reference.ts';
import type { Builder } from './build.ts';
import { cacheKey } from './cache.ts';
import { dispatchConfig, dispatchWorkdir } from './dispatch-config.ts';
import { dispatchCopy } from './dispatch-copy.ts';
import { dispatchRun } from './dispatch-run.ts';
import { expandInstruction, parseOnbuildTrigger, StageChecks, type Instruction } from './dockerfile/index.ts';
import { fromStep, parseBase, withLatest } from './from.ts';
import { DEFAULT_PATH, fromImage, inherit, prefixCommand, type StageState } from './stage.ts';

export async function dispatchStage(
  b: Builder,
  s: StageState,
  bases: Map<string, Promise<ImageRecord>>,
  globalArgs: Map<string, string>,
): Promise<void> {
  b.classic?.step(s.stage.original);
  const baseStage = b.stageByName(s.stage.baseName, s);
  let base: ImageRecord | undefined;
  if (baseStage) {
    if (!baseStage.dispatched) b.fail(`circular dependency detected on stage: ${baseStage.stageName}`);
    inherit(s, baseStage);
  } else if (s.stage.baseName === 'scratch') {
    s.key = cacheKey('scratch');
    s.env.set('PATH', DEFAULT_PATH);
    s.config = { Env: [`PATH=${DEFAULT_PATH}`] };
  } else {
    const ref = parseBase(b, s);
    const canonical = canonicalString(withLatest(ref));
    base = await (b.classic ? b.classic.base(ref) : bases.get(canonical)!);
    fromImage(s, base);
  }

  // ONBUILD triggers of the base image run first (and are not inherited)
  const triggers: Instruction[] = [];
  for (const expr of s.config.OnBuild ?? []) {
    try {
      triggers.push(parseOnbuildTrigger(expr));
    } catch (err) {
      b.fail(err instanceof Error ? err.message : String(err), s.stage);
    }
  }
  if (s.config.OnBuild) delete s.config.OnBuild;
  const commands = [
    ...triggers.map((t) => ({ cmd: t, onbuild: true })),
    ...s.stage.commands.map((c) => ({ cmd: c, onbuild: false })),
  ];
  s.cmdTotal =
    (base ? 1 : 0) +
    commands.filter(({ cmd }) => ['RUN', 'COPY', 'ADD', 'WORKDIR'].includes(cmd.kind)).length;

  if (base) await fromStep(b, s, base);

  const checks = new StageChecks(b.linter);
  // the classic builder shows the image a FROM starts from once its triggers ran: the
  // base image, nothing for scratch, else the image the stage is at
  const fromId = triggers.length > 0 || baseStage ? undefined : (base?.id ?? '');
  if (triggers.length > 0) b.classic?.triggers(triggers.length);
  for (const { cmd, onbuild } of commands) {
    if (!onbuild) b.classic?.step(cmd.original, s, fromId);
    await dispatch(b, s, cmd, onbuild, globalArgs, checks);
    b.classic?.afterStep(s, cmd, onbuild);
  }
  b.classic?.from(s, fromId);
  s.dispatched = true;
}

/** One instruction: its variables expanded, the build checks, its step name, its dispatcher. */
async function dispatch(
  b: Builder,
  s: StageState,
  raw: Instruction,
  onbuild: boolean,
  globalArgs: Map<string, string>,
  checks: StageChecks,
): Promise<void> {
  const env = (k: string) => s.env.get(k);
  let cmd = raw;
  if (raw.kind !== 'ARG' && raw.kind !== 'RUN' && raw.kind !== 'CMD' && raw.kind !== 'ENTRYPOINT') {
    let unmatched: string[] = [];
    try {
      const expanded = expandInstruction(raw, b.lex, env);
      cmd = expanded.cmd;
      unmatched = expanded.unmatched;
    } catch (err) {
      b.fail(err instanceof Error ? err.message : String(err), raw);
    }
    // UndefinedVar: a variable neither declared by an ARG of the stage nor in its environment
    checks.undefinedVars(
      raw,
      unmatched,
      s.buildArgs.map((a) => a.key),
      [...s.env.keys()],
    );
  }
  checks.dispatch(cmd, s.config.Shell ?? []);
  const displayName = (text: string) => {
    const shown = displayEnv(text, s.env);
    const sp = shown.indexOf(' ');
    const upper = sp === -1 ? shown.toUpperCase() : shown.slice(0, sp).toUpperCase() + shown.slice(sp);
    return prefixCommand(s, (onbuild ? 'ONBUILD ' : '') + upper);
  };

  switch (cmd.kind) {
    case 'WORKDIR':
      return dispatchWorkdir(b, s, cmd, displayName);
    case 'RUN':
      return dispatchRun(b, s, cmd, displayName);
    case 'COPY':
    case 'ADD':
      return dispatchCopy(b, s, cmd, displayName);
    default:
      return dispatchConfig(b, s, cmd, globalArgs, checks);
  }
}

/**
 * processCmdEnv for a step's name: `$VAR` and `${VAR}` replaced where the variable is
 * set (unset ones and quotes stay as written).
 */
function displayEnv(text: string, env: Map<string, string>): string {
  return text.replace(
    /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g,
    (m, a: string, b: string) => {
      const v = env.get(a ?? b);
      return v === undefined ? m : v;
    },
  );
}
