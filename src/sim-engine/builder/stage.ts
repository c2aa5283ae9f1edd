/**
 * One stage of a build as BuildKit's Dockerfile frontend dispatches it
 * (dockerfile2llb/convert.go `dispatchState`): the image it grows (config, history,
 * layers), the environment its instructions see (the image's ENV plus the stage's
 * ARGs), and the cache key of its file system so far, with the helpers the
 * dispatchers share to change it (history rows, ENV, SHELL, Go's list formats). The
 * instructions themselves are dispatch.ts and the dispatch-*.ts files.
 */
import type { ImageRecord, LayerRecord } from '../daemon/images/record.ts';
import { cacheKey, type CacheRecord } from './cache.ts';
import { formatGoDuration } from '../golang/duration.ts';
import { quote, quoteRune } from '../golang/strconv-quote.ts';
import type { HistoryEntry, ImageConfig } from '../images/types.ts';
import type { Stage } from './dockerfile/index.ts';

/** The comment of every history row a Dockerfile build writes. */
export const HISTORY_COMMENT = 'buildkit.dockerfile.v0';

/** The default PATH BuildKit gives an image that has none (system.DefaultPathEnvUnix). */
export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export interface StageState {
  stage: Stage;
  /** `build`, `stage-1`, or '' in a one-stage build: the prefix of its step names */
  stageName: string;
  /** steps this stage numbers, and how many it has numbered ([2/4]) */
  cmdTotal: number;
  cmdIndex: number;
  /** cache key of the file system so far */
  key: string;
  layers: LayerRecord[];
  /** rows of the base image, then this build's; `created` undefined until export */
  history: (Omit<HistoryEntry, 'created'> & { created?: string; createdMs?: number })[];
  config: ImageConfig;
  author: string;
  architecture: string;
  os: string;
  variant?: string;
  /** the base image's creation time (RFC 3339), for rows with no time of their own */
  baseCreated?: string;
  /** the llb state's environment: image ENV, then ARGs as they are declared */
  env: Map<string, string>;
  /** ARGs declared in the stage, in order (the `|N k=v` prefix of a RUN's history) */
  buildArgs: { key: string; value?: string }[];
  cmdSet: boolean;
  workdirSet: boolean;
  dispatched: boolean;
}

/** The `[build 2/4] ` prefix of a step's vertex name (prefixCommand). */
export function prefixCommand(s: StageState, text: string): string {
  if (s.cmdTotal === 0) return text;
  s.cmdIndex++;
  const width = String(s.cmdTotal).length;
  const stage = s.stageName ? s.stageName + ' ' : '';
  return `[${stage}${String(s.cmdIndex).padStart(width)}/${s.cmdTotal}] ${text}`;
}

/** Go's `%q` of a []string: `["a" "b"]`. */
export function goQuoteList(list: readonly string[]): string {
  return `[${list.map(quote).join(' ')}]`;
}

/** Go's `%v` of a []string: `[a b]`. */
export function goList(list: readonly string[]): string {
  return `[${list.join(' ')}]`;
}

/** Add a history row (commitToHistory); `withLayer` rows made a layer. */
export function commit(s: StageState, createdBy: string, withLayer: boolean, isOp: boolean): void {
  s.history.push({
    created_by: isOp ? `${createdBy} # buildkit` : createdBy,
    comment: HISTORY_COMMENT,
    ...(withLayer ? {} : { empty_layer: true }),
  });
}

/** image.Config.Env with `key` set in place, or appended (addEnv). */
export function addEnv(env: readonly string[] | undefined, key: string, value: string): string[] {
  const out = [...(env ?? [])];
  const i = out.findIndex((e) => e.slice(0, e.indexOf('=') === -1 ? e.length : e.indexOf('=')) === key);
  if (i >= 0) out[i] = `${key}=${value}`;
  else out.push(`${key}=${value}`);
  return out;
}

/** The shell a shell-form instruction runs in: SHELL, else `/bin/sh -c` (withShell). */
export function withShell(config: ImageConfig, args: readonly string[]): string[] {
  const shell = config.Shell && config.Shell.length > 0 ? config.Shell : ['/bin/sh', '-c'];
  return [...shell, args.join(' ')];
}

/** HEALTHCHECK's history text: Go's `%q` of the *HealthcheckConfig (`&{["CMD" "x"] "30s" … '\x03'}`). */
export function healthcheckHistory(
  h: NonNullable<ImageConfig['Healthcheck']> & { StartInterval?: number },
): string {
  const d = (ns: number | undefined) => quote(formatGoDuration(ns ?? 0));
  return `HEALTHCHECK &{${goQuoteList(h.Test)} ${d(h.Interval)} ${d(h.Timeout)} ${d(h.StartPeriod)} ${d(h.StartInterval)} ${quoteRune(h.Retries ?? 0)}}`;
}

/** The environment a step sees, as `KEY=value` lines (getEnv of the llb state). */
export function envList(s: StageState): string[] {
  return [...s.env].map(([k, v]) => `${k}=${v}`);
}

/** runCommandString: a RUN's history text, with the stage's ARGs as a `|N k=v` prefix. */
export function runCommandString(s: StageState, args: readonly string[]): string {
  const pairs: string[] = [];
  const seen = new Map<string, number>();
  for (const a of s.buildArgs) {
    const v = s.env.get(a.key) ?? a.value ?? '';
    const kv = `${a.key}=${v}`;
    const at = seen.get(a.key);
    if (at !== undefined) pairs[at] = kv;
    else {
      seen.set(a.key, pairs.length);
      pairs.push(kv);
    }
  }
  const prefix = pairs.length > 0 ? [`|${pairs.length}`, ...pairs] : [];
  return [...prefix, ...args].join(' ');
}

export function newState(stage: Stage, stageName: string): StageState {
  return {
    stage,
    stageName,
    cmdTotal: 0,
    cmdIndex: 0,
    key: '',
    layers: [],
    history: [],
    config: {},
    author: '',
    architecture: 'amd64',
    os: 'linux',
    env: new Map(),
    buildArgs: [],
    cmdSet: false,
    workdirSet: false,
    dispatched: false,
  };
}

export function fromImage(s: StageState, image: ImageRecord): void {
  s.key = cacheKey('image', image.id);
  s.layers = [...image.layers];
  s.history = image.history.map((h) => ({ ...h }));
  s.config = JSON.parse(JSON.stringify(image.config)) as StageState['config'];
  s.architecture = image.architecture;
  s.os = image.os;
  if (image.variant) s.variant = image.variant;
  s.baseCreated = image.created;
  if (!(s.config.Env ?? []).some((e) => e.startsWith('PATH=')))
    s.config.Env = [`PATH=${DEFAULT_PATH}`, ...(s.config.Env ?? [])];
  for (const e of s.config.Env ?? []) {
    const eq = e.indexOf('=');
    s.env.set(eq === -1 ? e : e.slice(0, eq), eq === -1 ? '' : e.slice(eq + 1));
  }
}

/** FROM another stage: start from where it ended (its ARGs stay behind). */
export function inherit(s: StageState, from: StageState): void {
  s.key = from.key;
  s.layers = [...from.layers];
  s.history = from.history.map((h) => ({ ...h }));
  s.config = JSON.parse(JSON.stringify(from.config)) as StageState['config'];
  s.author = from.author;
  s.architecture = from.architecture;
  s.os = from.os;
  if (from.variant) s.variant = from.variant;
  if (from.baseCreated) s.baseCreated = from.baseCreated;
  for (const e of s.config.Env ?? []) {
    const eq = e.indexOf('=');
    s.env.set(eq === -1 ? e : e.slice(0, eq), eq === -1 ? '' : e.slice(eq + 1));
  }
}

/** A step's result joins the stage: its layer, and its time for the history row that follows. */
export function useRecord(s: StageState, key: string, r: CacheRecord): void {
  s.key = key;
  if (r.layer) s.layers = [...s.layers, r.layer];
  (s as StageState & { pendingCreated?: number }).pendingCreated = r.createdMs;
}

/** commitToHistory for a step that made a layer, carrying the layer's creation time. */
export function commitLast(s: StageState, createdBy: string, isOp: boolean): void {
  commit(s, createdBy, true, isOp);
  const pending = (s as StageState & { pendingCreated?: number }).pendingCreated;
  if (pending !== undefined) s.history[s.history.length - 1]!.createdMs = pending;
}
