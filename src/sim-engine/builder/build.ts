/**
 * `docker build` on the daemon's side: BuildKit with the Dockerfile frontend and
 * moby's image exporter (Docker 28 with buildx's `docker` driver, graphdriver store).
 *
 * The Dockerfile is parsed (dockerfile/), the stages the target needs are resolved
 * and dispatched in order, each RUN, COPY, ADD and WORKDIR is looked up in the build
 * cache and run only when it misses, and the result is written to the image store and
 * named. Every operation is reported as BuildKit reports it — vertices, status lines,
 * logs, build-check warnings — for the client to print (progress/).
 */
import { AsyncQueue } from '../api/stream.ts';
import type { TarArchive } from '../daemon/archive.ts';
import type { Daemon } from '../daemon/daemon.ts';
import { fromCatalogue, planRefAsync } from '../daemon/images/pull.ts';
import type { ImageRecord } from '../daemon/images/record.ts';
import { resolveUser } from '../daemon/user.ts';
import { utf8Length } from '../fs/node.ts';
import { humanSize } from '../golang/units.ts';
import { normalize } from '../fs/path.ts';
import { MemFs } from '../fs/mem-fs.ts';
import type { FileSystem } from '../fs/types.ts';
import type { LayerEntry } from '../fs/layer.ts';
import { OverlayFs } from '../fs/overlay-fs.ts';
import { canonicalString, parseNormalizedNamed, type Reference } from '../images/reference.ts';
import { parseSignal } from '../process/signals.ts';
import { buildCacheOf, cacheKey, recordDescription, type CacheRecord } from './cache.ts';
import { contextFs, transferSize } from './context.ts';
import { copyInto, copyText, sourcesChecksum, SourceNotFound } from './copy.ts';
import {
  expandInstruction,
  formatParseError,
  parseDockerfile,
  parseOnbuildTrigger,
  shellLex,
  Linter,
  StageChecks,
  StageError,
  defaultArgs,
  resolveStages,
  wrapSuggest,
  type Instruction,
  type Problem,
  type ShellLex,
} from './dockerfile/index.ts';
import { exportImage } from './export.ts';
import { chownOwner, mkdirP, toLayer, treeOf } from './layers.ts';
import type { BuildErrorInfo, SolveStatus, Vertex } from './progress/index.ts';
import { runStep } from './run.ts';
import {
  addEnv,
  commit,
  DEFAULT_PATH,
  envList,
  goList,
  goQuoteList,
  healthcheckHistory,
  prefixCommand,
  runCommandString,
  commitLast,
  fromImage,
  inherit,
  newState,
  useRecord,
  withShell,
  type StageState,
} from './stage.ts';
import { Trace } from './trace.ts';
import type { ClassicError, ClassicSteps } from './classic.ts';

export interface BuildRequest {
  /** the Dockerfile's name as the client shows it (`Dockerfile`, `other.Dockerfile`) and its text */
  dockerfile: { name: string; text: string | undefined };
  /** the context the client sent, .dockerignore already applied */
  context: TarArchive;
  /** the size of the .dockerignore the client read (0 when there is none) */
  dockerignoreSize: number;
  /** familiar references to name the image (`app:1`) */
  tags: string[];
  buildArgs: Record<string, string>;
  labels: Record<string, string>;
  target: string;
  noCache: boolean;
  noCacheFilter: string[];
  pull: boolean;
}

type Message = Record<string, unknown>;

/** A build failure: BuildKit's message and what the client shows around it. */
export class BuildError extends Error {
  readonly info: BuildErrorInfo;
  /** what the classic builder says instead, where it words the failure otherwise (classic.ts) */
  readonly classic?: ClassicError;
  constructor(info: BuildErrorInfo, classic?: ClassicError) {
    super(info.message);
    this.info = info;
    if (classic) this.classic = classic;
  }
}

/** ARGs that never become environment variables (nonEnvArgs). */
const NON_ENV_ARGS = new Set(['SOURCE_DATE_EPOCH']);

/** Start a build; the stream carries BuildKit's trace, then the image ID or the error. */
export function build(d: Daemon, req: BuildRequest): AsyncQueue<Message> {
  const queue = new AsyncQueue<Message>();
  const trace = new Trace(
    (s: SolveStatus) => queue.push({ id: 'moby.buildkit.trace', aux: s }),
    () => d.clock.now(),
    `${d.id}\n${d.clock.now()}\n${d.random.hex(8)}`,
  );
  new Builder(d, req, trace)
    .run()
    .then((id) => queue.push({ id: 'moby.image.id', aux: { ID: id } }))
    .catch((err: unknown) => {
      const info: BuildErrorInfo =
        err instanceof BuildError ? err.info : { message: err instanceof Error ? err.message : String(err) };
      queue.push({ error: info.message, errorDetail: { message: info.message, build: info } });
    })
    .finally(() => queue.close());
  return queue;
}

export class Builder {
  readonly d: Daemon;
  readonly req: BuildRequest;
  readonly trace: Trace;
  readonly cache;
  /** the classic builder's stream, when the request was a classic `/build` (classic.ts) */
  readonly classic: ClassicSteps | undefined;
  lex!: ShellLex;
  /** the build checks that need the build's state (UndefinedVar, JSONArgsRecommended…) */
  linter!: Linter;
  #context: FileSystem | undefined;
  readonly #states: StageState[] = [];
  /** what COPY and ADD take from the context, in the stages the target needs (FollowPaths) */
  #contextPaths: string[] = [];
  readonly #problems: Problem[] = [];

  constructor(d: Daemon, req: BuildRequest, trace: Trace, classic?: ClassicSteps) {
    this.d = d;
    this.req = req;
    this.trace = trace;
    this.cache = buildCacheOf(d);
    this.classic = classic;
  }

  get now(): number {
    return this.d.clock.now();
  }

  sleep(ms: number): Promise<void> {
    return this.d.clock.sleep(ms);
  }

  /** A build failure that points at lines of the Dockerfile. */
  fail(
    message: string,
    lines?: { line: number; endLine: number },
    extra: Partial<BuildErrorInfo> = {},
    classic?: ClassicError,
  ): never {
    throw new BuildError(
      {
        message,
        ...extra,
        ...(lines
          ? {
              source: {
                filename: this.req.dockerfile.name,
                data: this.req.dockerfile.text ?? '',
                ranges: [{ start: lines.line, end: lines.endLine }],
              },
            }
          : {}),
      },
      classic,
    );
  }

  async run(): Promise<string> {
    const { name, text } = this.req.dockerfile;
    // [internal] load build definition
    const def = this.trace.start(`[internal] load build definition from ${name}`);
    await this.sleep(10);
    this.trace.status(def, `transferring dockerfile: ${text === undefined ? 2 : utf8Length(text)}B`);
    if (text === undefined) {
      const message = `failed to read dockerfile: open ${name}: no such file or directory`;
      this.trace.complete(def, message);
      this.fail(message, undefined, { vertexName: def.name });
    }
    this.trace.complete(def);

    const parsed = parseDockerfile(text ?? '');
    this.lex = shellLex(parsed.directives.escape);
    this.linter = new Linter(parsed.lintConfig, (p) => this.warn(p));
    const firstError = parsed.problems.find((p) => p.severity === 'error');
    for (const p of parsed.problems) if (p.severity === 'warning') this.warn(p);
    if (firstError)
      this.fail(formatParseError(firstError), firstError, {}, this.classic?.parseError(firstError));
    if (parsed.stages.length === 0) this.fail('dockerfile contains no stages to build');

    // toDispatchState's pass over the FROM lines: the platform's ARGs, the ARGs before
    // FROM with the --build-arg values, each stage's base name, and the checks on them
    // (InvalidDefaultArgInFrom, UndefinedArgInFrom, RedundantTargetPlatform…)
    const stages = parsed.stages;
    const platform = { os: 'linux', architecture: 'amd64' };
    const targetName = this.req.target || stages[stages.length - 1]?.name || '';
    let resolved: ReturnType<typeof resolveStages>;
    try {
      resolved = resolveStages(parsed, this.lex, this.linter, {
        buildArgs: this.req.buildArgs,
        platformArgs: defaultArgs(platform, platform, targetName),
        isValidReference: (name) => parseNormalizedNamed(name).ok,
      });
    } catch (err) {
      if (err instanceof StageError) this.fail(err.message, err);
      throw err;
    }
    const globalArgs = new Map<string, string>(resolved.globalArgs);
    const states: StageState[] = stages.map((st, i) => {
      const base = resolved.stages[i]?.baseName ?? '';
      if (base === '') this.fail(`base name (${st.baseName}) should not be blank`, st);
      return newState({ ...st, baseName: base }, st.name ? st.name : `stage-${i}`);
    });
    if (states.length === 1) states[0]!.stageName = '';
    this.#states.push(...states);

    let target = states[states.length - 1]!;
    if (this.req.target) {
      const found = states.find((s) => s.stage.name === this.req.target.toLowerCase());
      if (!found) {
        const names = states.flatMap((s) => (s.stage.name ? [s.stage.name] : []));
        const message = `target stage "${this.req.target}" could not be found`;
        this.fail(wrapSuggest(message, this.req.target, names, true), undefined, {}, { message });
      }
      target = found;
    }
    // the classic builder builds every stage up to the target (builder.go build)
    const reachable = this.classic
      ? new Set(states.slice(0, states.indexOf(target) + 1))
      : this.reachable(target);
    for (const st of reachable) {
      for (const c of st.stage.commands) {
        if ((c.kind === 'COPY' || c.kind === 'ADD') && !c.from) this.#contextPaths.push(...c.sources);
      }
    }

    // [internal] load metadata for each image a reachable stage starts from (the classic
    // builder takes each base at its FROM, pulling it into the image store)
    const bases = new Map<string, Promise<ImageRecord>>();
    const metadata: Promise<void>[] = [];
    for (const s of states) {
      if (!reachable.has(s) || this.classic || this.stageByName(s.stage.baseName, s)) continue;
      if (s.stage.baseName === 'scratch') continue;
      const ref = this.parseBase(s);
      const canonical = canonicalString(ref.tag || ref.digest ? ref : { ...ref, tag: 'latest' });
      if (bases.has(canonical)) continue;
      const resolved = this.resolveBase(ref, canonical, s);
      bases.set(canonical, resolved);
      metadata.push(resolved.then(() => undefined));
    }
    // BuildKit resolves them in parallel; an error fails the build once all have answered
    const settled = await Promise.allSettled(metadata);
    const rejected = settled.find((r) => r.status === 'rejected');
    if (rejected) throw (rejected as PromiseRejectedResult).reason;

    // [internal] load .dockerignore
    const ign = this.trace.start('[internal] load .dockerignore');
    await this.sleep(5);
    this.trace.status(ign, `transferring context: ${Math.max(2, this.req.dockerignoreSize)}B`);
    this.trace.complete(ign);

    this.classic?.begin(parsed.metaArgs, [...reachable], this.req.labels);
    for (const s of states) {
      if (!reachable.has(s)) continue;
      await this.dispatchStage(s, bases, globalArgs);
      if (s !== target) this.classic?.stageDone(s);
    }

    if (this.classic) this.classic.labels(target);
    else {
      for (const [k, v] of Object.entries(this.req.labels)) {
        target.config.Labels = { ...(target.config.Labels ?? {}), [k]: v };
      }
    }
    this.classic?.stageDone(target);
    return exportImage(this.d, this.trace, target, this.req.tags);
  }

  /** The stages `target` needs: itself, its base stages and the stages it copies from. */
  reachable(target: StageState): Set<StageState> {
    const out = new Set<StageState>();
    const visit = (s: StageState) => {
      if (out.has(s)) return;
      out.add(s);
      const base = this.stageByName(s.stage.baseName, s);
      if (base) visit(base);
      for (const c of s.stage.commands) {
        if ((c.kind === 'COPY' || c.kind === 'ADD') && c.from) {
          const from = this.stageByName(c.from, s);
          if (from) visit(from);
        }
        if (c.kind === 'RUN') {
          for (const m of runMountsFrom(c)) {
            const from = this.stageByName(m, s);
            if (from) visit(from);
          }
        }
      }
    };
    visit(target);
    return out;
  }

  /** A stage named `name` (or by index) defined before `before`. */
  stageByName(name: string, before: StageState): StageState | undefined {
    const idx = this.#states.indexOf(before);
    const lower = name.toLowerCase();
    for (let i = 0; i < idx; i++) {
      const s = this.#states[i]!;
      if (s.stage.name === lower) return s;
    }
    if (/^\d+$/.test(name) && Number(name) < idx) return this.#states[Number(name)];
    return undefined;
  }

  parseBase(s: StageState): Reference {
    const parsed = parseNormalizedNamed(s.stage.baseName);
    if (!parsed.ok) this.fail(`failed to parse stage name "${s.stage.baseName}": ${parsed.error}`, s.stage);
    return parsed.ref;
  }

  /** The image a FROM names: the daemon's own first (moby's resolver), else the registry. */
  async resolveBase(ref: Reference, canonical: string, s: StageState): Promise<ImageRecord> {
    const v = this.trace.start(`[internal] load metadata for ${canonical}`);
    const local = this.req.pull
      ? undefined
      : this.d.images.byRef(ref.tag || ref.digest ? ref : { ...ref, tag: 'latest' });
    if (local) {
      await this.sleep(20);
      this.trace.complete(v);
      return local;
    }
    await this.sleep(600);
    try {
      const plan = await planRefAsync(this.d, ref.tag || ref.digest ? ref : { ...ref, tag: 'latest' });
      this.trace.complete(v);
      const image = fromCatalogue(plan.image, plan.layers);
      (image as ImageRecord & { repoDigest?: string }).repoDigest = plan.image.digest;
      return image;
    } catch (err) {
      const why = registryError(err instanceof Error ? err.message : String(err));
      const message = `${s.stage.baseName}: failed to resolve source metadata for ${canonical}: ${why}`;
      this.trace.complete(v, message);
      return this.fail(message, s.stage, { vertexName: `[internal] load metadata for ${canonical}` });
    }
  }

  expandWord(
    word: string,
    env: (k: string) => string | undefined,
    at: { line: number; endLine: number },
  ): string {
    try {
      return this.lex.processWord(word, env).result;
    } catch (err) {
      return this.fail(err instanceof Error ? err.message : String(err), at);
    }
  }

  warn(p: Problem): void {
    this.#problems.push(p);
    this.trace.warning({
      vertex: '',
      level: 1,
      short: `${p.rule ?? 'Warning'}: ${p.message}${p.line > 0 ? ` (line ${p.line})` : ''}`,
      detail: p.description ? [p.description] : [],
      ...(p.url ? { url: p.url } : {}),
      sourceInfo: { filename: this.req.dockerfile.name, data: this.req.dockerfile.text ?? '' },
      ranges: [{ start: { line: p.line }, end: { line: p.endLine } }],
    });
  }

  /** The context's files, sent on first use (`[internal] load build context`). */
  async context(): Promise<FileSystem> {
    if (this.#context) return this.#context;
    const v = this.trace.start('[internal] load build context');
    await this.sleep(15);
    this.trace.status(
      v,
      `transferring context: ${humanSize(transferSize(this.req.context, this.#contextPaths))}`,
    );
    this.cache.useContext(this.now, transferSize(this.req.context, this.#contextPaths));
    this.#context = contextFs(this.req.context, this.now);
    this.trace.complete(v);
    return this.#context;
  }

  async dispatchStage(
    s: StageState,
    bases: Map<string, Promise<ImageRecord>>,
    globalArgs: Map<string, string>,
  ) {
    this.classic?.step(s.stage.original);
    const baseStage = this.stageByName(s.stage.baseName, s);
    let base: ImageRecord | undefined;
    if (baseStage) {
      if (!baseStage.dispatched) this.fail(`circular dependency detected on stage: ${baseStage.stageName}`);
      inherit(s, baseStage);
    } else if (s.stage.baseName === 'scratch') {
      s.key = cacheKey('scratch');
      s.env.set('PATH', DEFAULT_PATH);
      s.config = { Env: [`PATH=${DEFAULT_PATH}`] };
    } else {
      const ref = this.parseBase(s);
      const canonical = canonicalString(ref.tag || ref.digest ? ref : { ...ref, tag: 'latest' });
      base = await (this.classic ? this.classic.base(ref) : bases.get(canonical)!);
      fromImage(s, base);
    }

    // ONBUILD triggers of the base image run first (and are not inherited)
    const triggers: Instruction[] = [];
    for (const expr of s.config.OnBuild ?? []) {
      try {
        triggers.push(parseOnbuildTrigger(expr));
      } catch (err) {
        this.fail(err instanceof Error ? err.message : String(err), s.stage);
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

    if (base) {
      const digest =
        (base as ImageRecord & { repoDigest?: string }).repoDigest ??
        this.d.images.repoDigests(base.id)[0]?.split('@')[1];
      const ref = this.parseBase(s);
      const canonical = canonicalString(ref.tag || ref.digest ? ref : { ...ref, tag: 'latest' });
      const name = prefixCommand(s, `FROM ${canonical}${digest && !ref.digest ? '@' + digest : ''}`);
      const hit = this.cache.get(cacheKey('from', base.id), this.now);
      if (hit && !this.noCache(s)) this.trace.cached(name);
      else {
        const v = this.trace.start(name);
        const resolve = `resolve ${canonical}${digest && !ref.digest ? '@' + digest : ''}`;
        await this.sleep(10);
        this.trace.status(v, resolve);
        if (!this.d.images.get(base.id)) {
          // the layers come from the registry into BuildKit's own store (not `docker images`)
          for (const l of base.layers) {
            await this.sleep(40 + Math.round(l.size / 200_000));
            this.trace.status(v, `extracting ${l.diffId}`);
          }
        }
        this.cache.put({
          key: cacheKey('from', base.id),
          createdMs: this.now,
          lastUsedMs: this.now,
          usageCount: 1,
          // moby's puller: an image of the store is taken `from local`, else pulled by digest
          description: this.d.images.get(base.id)
            ? `from local ${canonical}`
            : `pulled from ${canonical}${digest && !ref.digest ? '@' + digest : ''}`,
          kind: 'regular',
          base: { imageId: base.id, layers: base.layers },
        });
        this.trace.complete(v);
      }
    }

    const checks = new StageChecks(this.linter);
    // the classic builder shows the image a FROM starts from once its triggers ran: the
    // base image, nothing for scratch, else the image the stage is at
    const fromId = triggers.length > 0 || baseStage ? undefined : (base?.id ?? '');
    if (triggers.length > 0) this.classic?.triggers(triggers.length);
    for (const { cmd, onbuild } of commands) {
      if (!onbuild) this.classic?.step(cmd.original, s, fromId);
      await this.dispatch(s, cmd, onbuild, globalArgs, checks);
      this.classic?.afterStep(s, cmd, onbuild);
    }
    this.classic?.from(s, fromId);
    s.dispatched = true;
  }

  noCache(s: StageState): boolean {
    return this.req.noCache || (s.stage.name !== undefined && this.req.noCacheFilter.includes(s.stage.name));
  }

  async dispatch(
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
        const expanded = expandInstruction(raw, this.lex, env);
        cmd = expanded.cmd;
        unmatched = expanded.unmatched;
      } catch (err) {
        this.fail(err instanceof Error ? err.message : String(err), raw);
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
          const given = a.key in this.req.buildArgs;
          let value: string | undefined;
          if (given) value = this.req.buildArgs[a.key];
          else if (a.value !== undefined) value = this.expandWord(a.value, env, cmd);
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
        for (const p of cmd.ports) words.push(...this.lex.processWords(p, env).result);
        let ports: string[] = [];
        try {
          // portSpecs.parsePorts, with its ExposeProtoCasing and ExposeInvalidFormat checks
          ports = checks.exposePorts(cmd, words);
        } catch (err) {
          this.fail(err instanceof Error ? err.message : String(err), cmd);
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
          if (v === '') this.fail('VOLUME specified can not be an empty string', cmd);
          volumes[v] = {};
        }
        s.config.Volumes = volumes;
        commit(s, `VOLUME ${goList(cmd.volumes)}`, false, false);
        return;
      }
      case 'STOPSIGNAL':
        if (!validSignal(cmd.signal)) this.fail(`Invalid signal: ${cmd.signal}`, cmd);
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
      case 'WORKDIR': {
        const wd = normalize(
          cmd.path.startsWith('/') ? cmd.path : `${s.config.WorkingDir || '/'}/${cmd.path}`,
        );
        s.config.WorkingDir = wd;
        s.workdirSet = true;
        if (wd === '/') {
          commit(s, `WORKDIR ${wd}`, false, false);
          return;
        }
        const name = displayName(cmd.original);
        const key = cacheKey(s.key, 'mkdir', wd, s.config.User ?? '');
        await this.layerStep(s, key, name, `WORKDIR ${wd}`, cmd, async (fs) => {
          if (fs.stat(wd)?.kind !== 'dir') {
            const user = s.config.User ? resolveUser(fs, s.config.User) : { uid: 0, gid: 0 };
            const owner = 'error' in user ? { uid: 0, gid: 0 } : user;
            mkdirP(fs, wd, owner.uid, owner.gid);
          }
          return undefined;
        });
        commitLast(s, `WORKDIR ${wd}`, false);
        return;
      }
      case 'RUN':
        return this.dispatchRun(s, cmd, displayName);
      case 'COPY':
      case 'ADD':
        return this.dispatchCopy(s, cmd, displayName);
    }
  }

  async dispatchRun(
    s: StageState,
    cmd: Extract<Instruction, { kind: 'RUN' }>,
    displayName: (t: string) => string,
  ) {
    let args = [...cmd.args];
    let script: { path: string; data: string } | undefined;
    if (cmd.heredocs.length > 0 && cmd.prependShell) {
      const doc = cmd.heredocs[0]!;
      const body = doc.expand ? this.lex.processWord(doc.content, (k) => s.env.get(k)).result : doc.content;
      if (body.startsWith('#!')) {
        script = { path: `/dev/pipes/${doc.name}`, data: body };
        args = [script.path];
      } else args = withShell(s.config, [body]);
    } else if (cmd.prependShell) args = withShell(s.config, args);
    const name = displayName(cmd.original);
    const history = `RUN ${runCommandString(s, args)}`;
    const key = cacheKey(s.key, 'exec', args, envList(s), s.config.WorkingDir ?? '/', s.config.User ?? '');
    await this.layerStep(s, key, name, history, cmd, async (fs, v) => {
      if (script) {
        fs.mkdir('/dev/pipes', { parents: true });
        fs.writeFile(script.path, script.data, { mode: 0o755 });
      }
      const result = await runStep(this.d, {
        fs,
        argv: args,
        env: envList(s),
        cwd: s.config.WorkingDir || '/',
        user: s.config.User ?? '',
        onOutput: (stream, text) => {
          this.trace.log(v, stream, text);
          this.classic?.output(stream, text);
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

  async dispatchCopy(
    s: StageState,
    cmd: Extract<Instruction, { kind: 'COPY' | 'ADD' }>,
    displayName: (t: string) => string,
  ) {
    const isAdd = cmd.kind === 'ADD';
    let source: FileSystem;
    let sourceKey: string;
    if (cmd.from) {
      const stage = this.stageByName(cmd.from, s);
      if (stage) {
        if (!stage.dispatched)
          this.fail(
            `cannot copy from stage "${cmd.from}", it needs to be defined before current stage "${s.stageName}"`,
            cmd,
          );
        source = new MemFs({ tree: treeOf(stage.layers) });
        sourceKey = stage.key;
      } else {
        const parsed = parseNormalizedNamed(cmd.from);
        if (!parsed.ok) this.fail(`failed to parse stage name "${cmd.from}": ${parsed.error}`, cmd);
        const ref = parsed.ref.tag || parsed.ref.digest ? parsed.ref : { ...parsed.ref, tag: 'latest' };
        const image = await this.resolveBase(ref, canonicalString(ref), s);
        source = new MemFs({ tree: treeOf(image.layers) });
        sourceKey = image.id;
      }
    } else {
      for (const src of cmd.sources) {
        if (/^https?:\/\//.test(src)) {
          if (!isAdd) this.fail("source can't be a URL for COPY", cmd);
          this.fail(`ADD of a URL (${src}) is not simulated in Dockyard: the lab has no internet`, cmd);
        }
      }
      source = cmd.sources.length > 0 ? await this.context() : new MemFs();
      sourceKey = 'context';
    }
    let chmod: number | undefined;
    if (cmd.chmod) {
      if (!/^[0-7]+$/.test(cmd.chmod) || parseInt(cmd.chmod, 8) > 0o7777) {
        this.fail(
          `invalid chmod parameter: '${cmd.chmod}'. it should be octal string and between 0 and 07777`,
          cmd,
        );
      }
      chmod = parseInt(cmd.chmod, 8);
    }
    const name = displayName(cmd.original);
    let message = isAdd ? 'ADD' : 'COPY';
    if (cmd.parents) message += ' --parents';
    if (cmd.chown) message += ` --chown=${cmd.chown}`;
    if (cmd.chmod) message += ` --chmod=${cmd.chmod}`;
    for (const src of cmd.sources) message += ` ${src}`;
    for (const h of cmd.sourceContents) message += ` <<${h.path}`;
    message += ` ${cmd.dest}`;

    let checksum: string[];
    try {
      checksum = sourcesChecksum(source, cmd.sources);
    } catch (err) {
      if (err instanceof SourceNotFound) return this.missingSource(s, cmd, name, err.path);
      throw err;
    }
    const dest = cmd.dest.startsWith('/')
      ? cmd.dest
      : `${(s.config.WorkingDir || '/').replace(/\/$/, '')}/${cmd.dest}`;
    const key = cacheKey(
      s.key,
      isAdd ? 'add' : 'copy',
      sourceKey,
      checksum,
      cmd.sourceContents,
      dest,
      cmd.chown ?? '',
      chmod ?? -1,
    );
    await this.layerStep(s, key, name, message, cmd, async (fs) => {
      let owner = { uid: 0, gid: 0 };
      if (cmd.chown) {
        const o = chownOwner(fs, cmd.chown);
        if ('error' in o) return { error: o.error };
        owner = o;
      }
      const o = { owner, ...(chmod !== undefined ? { mode: chmod } : {}), now: this.now };
      copyInto(fs, source, cmd.sources, dest, o);
      // heredoc sources, already expanded (and chomped for <<-) by expandInstruction
      for (const h of cmd.sourceContents) copyText(fs, h.path, h.data, dest, o);
      return undefined;
    });
    commitLast(s, message, true);
  }

  /** COPY of a source that is not in the context: BuildKit fails computing the step's cache key. */
  missingSource(s: StageState, cmd: Instruction, name: string, path: string): never {
    // the context's snapshot is named by the daemon's ID and a record ID (moby's worker)
    const record = Array.from(
      { length: 25 },
      () => '0123456789abcdefghijklmnopqrstuvwxyz'[this.d.random.int(36)],
    ).join('');
    const v = this.trace.start(name);
    const message = `failed to compute cache key: failed to calculate checksum of ref ${this.d.id}::${record}: "${path}": not found`;
    this.trace.complete(v, message);
    this.fail(message, cmd, { vertexName: name }, this.classic?.missingSource(cmd, path));
  }

  /**
   * A step that makes a layer: reused from the cache when its key is there, else run
   * on the stage's file system, and its changes kept as a layer (and in the cache).
   */
  async layerStep(
    s: StageState,
    key: string,
    name: string,
    description: string,
    at: { line: number; endLine: number },
    work: (
      fs: OverlayFs,
      v: Vertex,
    ) => Promise<{ error: string; classic?: ClassicError } | { changes: LayerEntry[] } | undefined>,
  ): Promise<void> {
    // the classic builder's cache finds a step by the image it runs on (classic.ts)
    if (this.classic) key = cacheKey(key, 'classic', this.classic.parentOf(s));
    const hit = this.noCache(s) ? undefined : this.cache.get(key, this.now);
    if (hit) {
      this.trace.cached(name);
      this.classic?.cached();
      useRecord(s, key, hit);
      return;
    }
    const v = this.trace.start(name);
    // COPY and ADD write into the layer directly; RUN and WORKDIR get a container
    this.classic?.running(!/^(COPY|ADD)\b/.test(description));
    const lower = treeOf(s.layers);
    const fs = new OverlayFs(lower, { now: () => this.d.clock.now() });
    await this.sleep(10);
    const out = await work(fs, v);
    if (out && 'error' in out) {
      this.trace.complete(v, out.error);
      this.fail(out.error, at, { vertexName: name, logs: [] }, out.classic);
    }
    const changes = out && 'changes' in out ? out.changes : fs.changes();
    const layer = toLayer(changes);
    const record: CacheRecord = {
      key,
      layer,
      createdMs: this.now,
      lastUsedMs: this.now,
      usageCount: 1,
      description: recordDescription(description, name),
      kind: 'regular',
      parent: s.key,
    };
    this.cache.put(record);
    useRecord(s, key, record);
    this.trace.complete(v);
  }
}

function validSignal(sig: string): boolean {
  if (/^\d+$/.test(sig)) return Number(sig) > 0;
  return parseSignal(sig.replace(/^SIG/i, '').toUpperCase()) !== undefined;
}

/** Stages a RUN's `--mount=from=…` names. */
function runMountsFrom(cmd: Extract<Instruction, { kind: 'RUN' }>): string[] {
  const mounts = (cmd as { mounts?: { from?: string }[] }).mounts ?? [];
  return mounts.flatMap((m) => (m.from ? [m.from] : []));
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

/** What the registry said, as the resolver words it. */
function registryError(daemonMessage: string): string {
  if (daemonMessage.startsWith('pull access denied')) {
    return 'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed';
  }
  const m = /^manifest for (.*) not found/.exec(daemonMessage);
  if (m) return `docker.io/${m[1]}: not found`;
  return daemonMessage;
}
