/**
 * The instructions that change only the image config (dockerfile2llb/convert.go
 * `dispatchEnv`, `dispatchLabel`, `dispatchArg`, `dispatchExpose`, `dispatchUser`,
 * `dispatchVolume`, `dispatchStopSignal`, `dispatchShell`, `dispatchOnbuild`,
 * `dispatchCmd`, `dispatchEntrypoint`, `dispatchHealthcheck`, MAINTAINER): each sets a
 * field and adds an `empty_layer` history row, except ONBUILD, which adds none. WORKDIR
 * is here too: it sets the working directory, and makes a layer only for a directory
 * other than `/`. They are apart from build.ts because none of them runs anything.
 */
import { resolveUser } from '../daemon/user.ts';
import { normalize } from '../fs/path.ts';
import { parseSignal } from '../process/signals.ts';
import type { Builder } from './build.ts';
import { cacheKey } from './cache.ts';
import type { Instruction, StageChecks } from './dockerfile/index.ts';
import { layerStep } from './layer-step.ts';
import { mkdirP } from './layers.ts';
import {
  addEnv,
  commit,
  commitLast,
  goList,
  goQuoteList,
  healthcheckHistory,
  withShell,
  type StageState,
} from './stage.ts';

/** An instruction that only changes the config (everything but FROM's and the layer steps). */
export type ConfigInstruction = Exclude<Instruction, { kind: 'RUN' | 'COPY' | 'ADD' | 'WORKDIR' }>;

/** ARGs that never become environment variables (nonEnvArgs). */
const NON_ENV_ARGS = new Set(['SOURCE_DATE_EPOCH']);

export function dispatchConfig(
  b: Builder,
  s: StageState,
  cmd: ConfigInstruction,
  globalArgs: Map<string, string>,
  checks: StageChecks,
): void {
  const env = (k: string) => s.env.get(k);
  switch (cmd.kind) {
    case 'MAINTAINER':
      s.author = cmd.maintainer;
      commit(s, `MAINTAINER ${cmd.maintainer}`, false, false);
      return;
    case 'ENV': {
      const parts: string[] = [];
      for (const p of cmd.pairs) {
        s.env.set(p.key, p.value);
        s.config.Env = addEnv(s.config.Env, p.key, p.value);
        parts.push(`${p.key}=${p.value}`);
      }
      commit(s, `ENV ${parts.join(' ')}`, false, false);
      return;
    }
    case 'LABEL': {
      const labels = { ...(s.config.Labels ?? {}) };
      const parts: string[] = [];
      for (const p of cmd.pairs) {
        labels[p.key] = p.value;
        parts.push(`${p.key}=${p.value}`);
      }
      s.config.Labels = labels;
      commit(s, `LABEL ${parts.join(' ')}`, false, false);
      return;
    }
    case 'ARG': {
      const strs: string[] = [];
      for (const a of cmd.args) {
        const given = a.key in b.req.buildArgs;
        let value: string | undefined;
        if (given) value = b.req.buildArgs[a.key];
        else if (a.value !== undefined) value = b.expandWord(a.value, env, cmd);
        else if (globalArgs.has(a.key)) value = globalArgs.get(a.key);
        if (value !== undefined && !NON_ENV_ARGS.has(a.key)) s.env.set(a.key, value);
        s.buildArgs.push({ key: a.key, ...(value !== undefined ? { value } : {}) });
        strs.push(value !== undefined ? `${a.key}=${value}` : a.key);
      }
      commit(s, `ARG ${strs.join(' ')}`, false, false);
      return;
    }
    case 'EXPOSE': {
      const words: string[] = [];
      for (const p of cmd.ports) words.push(...b.lex.processWords(p, env).result);
      let ports: string[] = [];
      try {
        // portSpecs.parsePorts, with its ExposeProtoCasing and ExposeInvalidFormat checks
        ports = checks.exposePorts(cmd, words);
      } catch (err) {
        b.fail(err instanceof Error ? err.message : String(err), cmd);
      }
      const exposed = { ...(s.config.ExposedPorts ?? {}) };
      for (const p of ports) exposed[p] = {};
      s.config.ExposedPorts = exposed;
      commit(s, `EXPOSE ${goList(ports)}`, false, false);
      return;
    }
    case 'USER':
      s.config.User = cmd.user;
      commit(s, `USER ${cmd.user}`, false, false);
      return;
    case 'VOLUME': {
      const volumes = { ...(s.config.Volumes ?? {}) };
      for (const v of cmd.volumes) {
        if (v === '') b.fail('VOLUME specified can not be an empty string', cmd);
        volumes[v] = {};
      }
      s.config.Volumes = volumes;
      commit(s, `VOLUME ${goList(cmd.volumes)}`, false, false);
      return;
    }
    case 'STOPSIGNAL':
      if (!validSignal(cmd.signal)) b.fail(`Invalid signal: ${cmd.signal}`, cmd);
      s.config.StopSignal = cmd.signal;
      commit(s, `STOPSIGNAL ${cmd.signal}`, false, false);
      return;
    case 'SHELL':
      s.config.Shell = [...cmd.shell];
      commit(s, `SHELL ${goList(cmd.shell)}`, false, false);
      return;
    case 'ONBUILD':
      s.config.OnBuild = [...(s.config.OnBuild ?? []), cmd.expression];
      return;
    case 'CMD': {
      const args = cmd.prependShell ? withShell(s.config, cmd.args) : [...cmd.args];
      s.config.Cmd = args;
      s.config.ArgsEscaped = true;
      s.cmdSet = true;
      commit(s, `CMD ${goQuoteList(args)}`, false, false);
      return;
    }
    case 'ENTRYPOINT': {
      const args = cmd.prependShell ? withShell(s.config, cmd.args) : [...cmd.args];
      s.config.Entrypoint = args;
      if (!s.cmdSet) delete s.config.Cmd;
      commit(s, `ENTRYPOINT ${goQuoteList(args)}`, false, false);
      return;
    }
    case 'HEALTHCHECK': {
      const h = cmd.none
        ? { Test: ['NONE'] }
        : {
            Test: cmd.test ?? [],
            ...(cmd.interval ? { Interval: cmd.interval } : {}),
            ...(cmd.timeout ? { Timeout: cmd.timeout } : {}),
            ...(cmd.startPeriod ? { StartPeriod: cmd.startPeriod } : {}),
            ...(cmd.startInterval ? { StartInterval: cmd.startInterval } : {}),
            ...(cmd.retries ? { Retries: cmd.retries } : {}),
          };
      s.config.Healthcheck = h as NonNullable<StageState['config']['Healthcheck']>;
      commit(s, healthcheckHistory(h), false, false);
      return;
    }
  }
}

/** WORKDIR: the config's working directory, and the directory made (owned by USER) as a layer. */
export async function dispatchWorkdir(
  b: Builder,
  s: StageState,
  cmd: Extract<Instruction, { kind: 'WORKDIR' }>,
  displayName: (t: string) => string,
): Promise<void> {
  const wd = normalize(cmd.path.startsWith('/') ? cmd.path : `${s.config.WorkingDir || '/'}/${cmd.path}`);
  s.config.WorkingDir = wd;
  s.workdirSet = true;
  if (wd === '/') {
    commit(s, `WORKDIR ${wd}`, false, false);
    return;
  }
  const name = displayName(cmd.original);
  const key = cacheKey(s.key, 'mkdir', wd, s.config.User ?? '');
  await layerStep(b, s, key, name, `WORKDIR ${wd}`, cmd, async (fs) => {
    if (fs.stat(wd)?.kind !== 'dir') {
      const user = s.config.User ? resolveUser(fs, s.config.User) : { uid: 0, gid: 0 };
      const owner = 'error' in user ? { uid: 0, gid: 0 } : user;
      mkdirP(fs, wd, owner.uid, owner.gid);
    }
    return undefined;
  });
  commitLast(s, `WORKDIR ${wd}`, false);
}

function validSignal(sig: string): boolean {
  if (/^\d+$/.test(sig)) return Number(sig) > 0;
  return parseSignal(sig.replace(/^SIG/i, '').toUpperCase()) !== undefined;
}
