/**
 * The classic builder's stream: what `POST /build` answers when the request is not
 * `version=2` — the docker CLI without buildx, or with DOCKER_BUILDKIT=0 — as moby
 * v28.5.2's legacy builder writes it (builder/dockerfile: builder.go
 * dispatchDockerfileWithCancellation, internals.go, containerbackend.go, buildargs.go;
 * api/server/backend/build: `Successfully built`/`tagged`; api/server/router/build:
 * `q`, aux and errors). The CLI prints the `stream` texts as they come.
 *
 * The build itself is Dockyard's one builder (build.ts), which calls the hooks below
 * at each step. The classic builder's rules that show in its output are kept:
 * every stage up to the target is built, a FROM pulls its image into the image store,
 * and a step is "Using cache" when the image it would make from the image before it
 * was made already (so a changed LABEL runs every step after it again). What it makes
 * is BuildKit's image, and no intermediate container or image is kept: the ID after a
 * step is the image the stage is at (the last one is the built image), and the
 * container a step "runs in" is named but never created (docs/differences.md).
 *
 * This file is the steps and their cache bookkeeping; the stream's own rules (`q`,
 * the HTTP answer that waits for the first message) are classic-stream.ts, and the
 * classic wording of failures classic-errors.ts.
 */
import type { AsyncQueue } from '../api/stream.ts';
import type { Daemon } from '../daemon/daemon.ts';
import { planRefAsync, pullImage } from '../daemon/images/pull.ts';
import type { ImageRecord } from '../daemon/images/record.ts';
import { familiarTagged } from '../daemon/images/store.ts';
import { invalidParameter } from '../errdefs.ts';
import { parseNormalizedNamed, type Reference } from '../images/reference.ts';
import { Builder, BuildError, type BuildRequest } from './build.ts';
import { cacheKey } from './cache.ts';
import {
  type ClassicError,
  classicMissingSource,
  classicParseError,
  classicWording,
} from './classic-errors.ts';
import { ClassicStream, type Message, short } from './classic-stream.ts';
import type { ArgInstruction, Instruction, Problem } from './dockerfile/index.ts';
import { stageImage } from './export.ts';
import type { StageState } from './stage.ts';
import { Trace } from './trace.ts';

export type { ClassicError } from './classic-errors.ts';

export interface ClassicOptions {
  /** `q`: only the image ID, or the whole log when the build fails */
  quiet: boolean;
  /** `rm` (true unless `rm=0`) and `forcerm`: whether intermediate containers go */
  remove: boolean;
  forceRemove: boolean;
  /** the build-args the request named, with a value or not (the unused ones are reported) */
  buildArgNames?: readonly string[];
}

/** build-args that are never reported unused (buildargs.go builtinAllowedBuildArgs) */
const BUILTIN_ARGS = new Set(
  ['HTTP_PROXY', 'HTTPS_PROXY', 'FTP_PROXY', 'NO_PROXY', 'ALL_PROXY'].flatMap((k) => [k, k.toLowerCase()]),
);

/**
 * Run a build for a classic `/build` request. Resolves with the stream once the
 * build wrote its first message; rejects when it failed before writing any (moby
 * answers those with an HTTP error: `Error response from daemon: …`).
 */
export function classicBuild(d: Daemon, req: BuildRequest, o: ClassicOptions): Promise<AsyncQueue<Message>> {
  const steps = new ClassicSteps(d, req, o);
  // the BuildKit trace has no reader here: the classic builder shows only its own lines
  const trace = new Trace(
    () => undefined,
    () => d.clock.now(),
    `${d.id}\n${d.clock.now()}\n${d.random.hex(8)}`,
  );
  const builder = new Builder(d, req, trace, steps);
  steps.attach(builder);
  builder.run().then(
    (id) => steps.finish(id),
    (err: unknown) => steps.failed(err),
  );
  return steps.stream.started;
}

/** The hooks the builder calls, and the stream they write. */
export class ClassicSteps {
  readonly #d: Daemon;
  readonly #req: BuildRequest;
  readonly #o: ClassicOptions;
  #builder!: Builder;
  readonly stream: ClassicStream;
  #total = 0;
  #index = 0;
  /** the stage whose FROM line's image was shown */
  #fromShown: StageState | undefined;
  /** how the layer step of the current instruction went (undefined: no layer step ran) */
  #outcome: { cached: true } | { cached: false; container?: string } | undefined;
  /** ARGs the Dockerfile declared (buildargs.go referencedArgs) */
  readonly #referenced = new Set<string>();
  /** stages whose image is still none (FROM scratch and nothing since): no aux for them */
  readonly #empty = new Set<StageState>();

  constructor(d: Daemon, req: BuildRequest, o: ClassicOptions) {
    this.#d = d;
    this.#req = req;
    this.#o = o;
    this.stream = new ClassicStream(o.quiet);
  }

  attach(builder: Builder): void {
    this.#builder = builder;
  }

  #stdout(text: string): void {
    this.stream.stdout(text);
  }

  /** The step count, and the ARGs before the first FROM (steps without an image). */
  begin(metaArgs: readonly ArgInstruction[], stages: readonly StageState[], labels: Record<string, string>) {
    this.#total =
      metaArgs.length +
      stages.reduce((n, s) => n + 1 + s.stage.commands.length, 0) +
      Object.keys(labels).length;
    for (const a of metaArgs) {
      this.step(a.original);
      for (const kv of a.args) this.#referenced.add(kv.key);
    }
  }

  /** `Step 2/5 : COPY . /app` (printCommand: the step, then its newline on its own). */
  step(text: string, s?: StageState, fromId?: string): void {
    if (s) this.from(s, fromId);
    this.#index++;
    this.#stdout(`Step ${this.#index}/${this.#total} : ${text}`);
    this.#stdout('\n');
  }

  /** The image a FROM starts from, once (undefined: the image the stage is at). */
  from(s: StageState, id: string | undefined): void {
    if (this.#fromShown === s) return;
    this.#fromShown = s;
    if (id === '') this.#empty.add(s);
    this.#stdout(` ---> ${short(id ?? this.#imageOf(s))}\n`);
  }

  /** `# Executing 2 build triggers` (dispatchTriggeredOnBuild) */
  triggers(n: number): void {
    this.#stdout(`# Executing ${n} build trigger`);
    if (n > 1) this.#stdout('s');
    this.#stdout('\n');
  }

  /**
   * A FROM's image: the image store's (unless `--pull`), else pulled into it with the
   * pull's progress in the stream, as the classic builder's image source does.
   */
  async base(ref: Reference): Promise<ImageRecord> {
    const tagged = ref.tag || ref.digest ? ref : { ...ref, tag: 'latest' };
    const local = this.#req.pull ? undefined : this.#d.images.byRef(tagged);
    if (local) return local;
    let plan;
    try {
      plan = await planRefAsync(this.#d, tagged);
    } catch (err) {
      throw new BuildError({ message: err instanceof Error ? err.message : String(err) });
    }
    for await (const m of pullImage(this.#d, plan)) this.stream.write(m);
    return this.#d.images.get(plan.image.id)!;
  }

  #imageOf(s: StageState): string {
    return stageImage(s, () => '').id;
  }

  /** What a layer step's cache key adds: the image the step runs on (the classic probe's parent). */
  parentOf(s: StageState): string {
    return this.#imageOf(s);
  }

  cached(): void {
    this.#outcome = { cached: true };
  }

  /** A layer step runs: RUN and WORKDIR in a container (named, not created). */
  running(container: boolean): void {
    if (!container) {
      this.#outcome = { cached: false };
      return;
    }
    const id = this.#d.random.hex(64);
    this.#stdout(` ---> Running in ${short(id)}\n`);
    this.#outcome = { cached: false, container: id };
  }

  /** A RUN's output: stdout as it is, stderr in red (streamformatter.NewStderrWriter). */
  output(stream: 1 | 2, text: string): void {
    this.#stdout(stream === 2 ? `\x1b[91m${text}\x1b[0m` : text);
  }

  /**
   * After an instruction: an instruction that made no layer is a commit of the config
   * (a container created and removed, or the image found in the cache); then the image
   * the stage is at — not after an ONBUILD trigger, whose FROM line shows it.
   */
  afterStep(s: StageState, cmd: Instruction | undefined, trigger: boolean): void {
    this.#empty.delete(s);
    if (cmd?.kind === 'ARG') for (const kv of cmd.args) this.#referenced.add(kv.key);
    const id = this.#imageOf(s);
    const outcome = this.#outcome;
    this.#outcome = undefined;
    if (outcome === undefined) {
      // the probe finds a child of the image before with this config (imageprobe.go)
      const key = cacheKey('classic commit', id);
      const cache = this.#builder.cache;
      const hit = !this.#builder.noCache(s) && cache.get(key, this.#d.clock.now()) !== undefined;
      if (hit) this.#stdout(' ---> Using cache\n');
      else {
        const container = this.#d.random.hex(64);
        this.#stdout(` ---> Running in ${short(container)}\n`);
        this.#removed(container);
        const now = this.#d.clock.now();
        cache.put({
          key,
          createdMs: now,
          lastUsedMs: now,
          usageCount: 1,
          description: cmd?.original ?? 'LABEL',
          kind: 'regular',
        });
      }
    } else if (outcome.cached) this.#stdout(' ---> Using cache\n');
    else if (outcome.container) this.#removed(outcome.container);
    if (!trigger) this.#stdout(` ---> ${short(id)}\n`);
  }

  /** containerManager.RemoveAll after a step that succeeded (or always, with forcerm) */
  #removed(container: string): void {
    if (this.#o.remove || this.#o.forceRemove)
      this.#stdout(` ---> Removed intermediate container ${short(container)}\n`);
  }

  /** `--label`s: LABEL steps at the end of the last stage, sorted (buildLabelOptions). */
  labels(target: StageState): void {
    for (const k of Object.keys(this.#req.labels).sort()) {
      const v = this.#req.labels[k]!;
      this.step(`LABEL ${k}=${v}`, target);
      target.config.Labels = { ...(target.config.Labels ?? {}), [k]: v };
      this.afterStep(target, undefined, false);
    }
  }

  /** The image of a finished stage (emitImageID): `{"aux":{"ID":…}}` */
  stageDone(s: StageState): void {
    if (this.#empty.has(s)) return;
    this.stream.write({ aux: { ID: this.#imageOf(s) } });
  }

  /** A Dockerfile that does not parse, as the classic builder words it (classic-errors.ts). */
  parseError(p: Problem): ClassicError | undefined {
    return classicParseError(this.#req.dockerfile.name, p);
  }

  /** COPY/ADD of a source that is not there, as the classic builder words it. */
  missingSource(cmd: Instruction, path: string): ClassicError | undefined {
    return classicMissingSource(cmd, path);
  }

  /** The build's end: unused build-args, `Successfully built`, a line per tag; with `q` only the ID. */
  finish(id: string): void {
    const unused = (this.#o.buildArgNames ?? Object.keys(this.#req.buildArgs))
      .filter((k) => !this.#referenced.has(k) && !BUILTIN_ARGS.has(k))
      .sort();
    if (unused.length > 0)
      this.#stdout(`[Warning] One or more build-args [${unused.join(' ')}] were not consumed\n`);
    this.#stdout(`Successfully built ${short(id)}\n`);
    const seen = new Set<string>();
    for (const t of this.#req.tags) {
      const parsed = parseNormalizedNamed(t);
      if (!parsed.ok) continue;
      const name = familiarTagged(parsed.ref);
      if (seen.has(name)) continue;
      seen.add(name);
      this.#stdout(`Successfully tagged ${name}\n`);
    }
    this.stream.finish(id);
  }

  /** A failure: an HTTP error when nothing was written yet, else the stream's error message. */
  failed(err: unknown): void {
    const pending = this.#outcome;
    if (pending && !pending.cached && pending.container && this.#o.forceRemove)
      this.#removed(pending.container);
    const classic = err instanceof BuildError ? err.classic : undefined;
    const message =
      classic?.message ??
      classicWording(this.#req.dockerfile.name, err instanceof Error ? err.message : String(err));
    this.stream.fail(err instanceof BuildError ? invalidParameter(message) : err, message, classic?.code);
  }
}
