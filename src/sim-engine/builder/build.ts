/**
 * `docker build` on the daemon's side: BuildKit with the Dockerfile frontend and
 * moby's image exporter (Docker 28 with buildx's `docker` driver, graphdriver store).
 *
 * The orchestration: the Dockerfile is parsed (dockerfile/), the stages the target
 * needs are resolved (toDispatchState), their base images' metadata loaded (from.ts),
 * the stages dispatched in order (dispatch.ts, each layer step looked up in the build
 * cache by layer-step.ts), and the result written to the image store and named
 * (export.ts). Every operation is reported as BuildKit reports it — vertices, status
 * lines, logs, build-check warnings — for the client to print (progress/). The
 * Builder holds what the steps share: the daemon, the request, the trace, the cache,
 * the context, the stages, and the classic builder's hooks (classic.ts).
 */
import { AsyncQueue } from '../api/stream.ts';
import type { TarArchive } from '../daemon/archive.ts';
import type { Daemon } from '../daemon/daemon.ts';
import { utf8Length } from '../fs/node.ts';
import type { FileSystem } from '../fs/types.ts';
import { humanSize } from '../golang/units.ts';
import { parseNormalizedNamed } from '../images/reference.ts';
import { buildCacheOf } from './cache.ts';
import type { ClassicError, ClassicSteps } from './classic.ts';
import { contextFs, transferSize } from './context.ts';
import { DispatchStates } from './dispatch-states.ts';
import { dispatchStage } from './dispatch.ts';
import {
  formatParseError,
  parseDockerfile,
  shellLex,
  Linter,
  StageError,
  defaultArgs,
  resolveStages,
  wrapSuggest,
  type Problem,
  type ShellLex,
} from './dockerfile/index.ts';
import { exportImage } from './export.ts';
import { loadMetadata } from './from.ts';
import type { BuildErrorInfo, SolveStatus } from './progress/index.ts';
import { newState, type StageState } from './stage.ts';
import { Trace } from './trace.ts';

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
  readonly #states = new DispatchStates();
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
    this.#states.add(states);

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
      : this.#states.reachable(target);
    for (const st of reachable) {
      for (const c of st.stage.commands) {
        if ((c.kind === 'COPY' || c.kind === 'ADD') && !c.from) this.#contextPaths.push(...c.sources);
      }
    }

    // [internal] load metadata for each image a reachable stage starts from
    const bases = await loadMetadata(this, states, reachable);

    // [internal] load .dockerignore
    const ign = this.trace.start('[internal] load .dockerignore');
    await this.sleep(5);
    this.trace.status(ign, `transferring context: ${Math.max(2, this.req.dockerignoreSize)}B`);
    this.trace.complete(ign);

    this.classic?.begin(parsed.metaArgs, [...reachable], this.req.labels);
    for (const s of states) {
      if (!reachable.has(s)) continue;
      await dispatchStage(this, s, bases, globalArgs);
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

  /** A stage named `name` (or by index) defined before `before` (dispatch-states.ts). */
  stageByName(name: string, before: StageState): StageState | undefined {
    return this.#states.byName(name, before);
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

  noCache(s: StageState): boolean {
    return this.req.noCache || (s.stage.name !== undefined && this.req.noCacheFilter.includes(s.stage.name));
  }
}
