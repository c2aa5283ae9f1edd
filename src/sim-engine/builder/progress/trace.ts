// progressui's trace (display.go, moby v28.5.1 vendor/github.com/moby/buildkit/util/
// progress/progressui): the client-side state both the plain printer and the TTY
// display render from. Go iterates maps here in random order; where that order can
// show, we use arrival order so two runs print the same bytes.

import type { SolveStatus, Vertex, VertexStatus, VertexWarning } from './types.ts';
import { VT100 } from './vt100.ts';
import { durationSeconds, fixed, goLen } from './gofmt.ts';

export interface Interval {
  start?: number;
  stop?: number;
}

/** init.go: termHeightMin; BUILDKIT_TTY_LOG_LINES is not simulated, so it is also the height. */
export const TERM_HEIGHT = 6;
/** display.go: termPad — a log terminal is 10 columns narrower than the screen. */
export const TERM_PAD = 10;
/** printer.go: logsBufferSize — the plain printer keeps a vertex's last 10 lines for the error block. */
const LOGS_BUFFER_SIZE = 10;

export interface StatusEntry {
  s: VertexStatus;
}

export interface Job {
  intervals: Interval[];
  isCompleted: boolean;
  name: string;
  status: string;
  hasError: boolean;
  hasWarning: boolean;
  isCanceled: boolean;
  vertex?: TraceVertex;
  showTerm: boolean;
}

/** container/ring of 10 slots as printer.go uses it. */
export class LogRing {
  slots: (string | undefined)[] = new Array<string | undefined>(LOGS_BUFFER_SIZE).fill(undefined);
  pos = 0;
}

export class TraceVertex {
  vertex: Vertex;
  statuses: StatusEntry[] = [];
  byID = new Map<string, StatusEntry>();
  index = 0;
  logs: string[] = [];
  logsPartial = false;
  logsOffset = 0;
  logsBuffer?: LogRing;
  prev?: Vertex;
  lastBlockTime?: number;
  count = 0;
  statusUpdates = new Set<string>();
  warnings: VertexWarning[] = [];
  warningIdx = 0;
  jobs: Job[] = [];
  jobCached = false;
  term?: VT100;
  termBytes = 0;
  termCount = 0;
  intervals = new Map<number, Interval>();
  mergedIntervals: Interval[] = [];

  constructor(v: Vertex) {
    this.vertex = v;
  }

  get digest(): string {
    return this.vertex.digest;
  }

  update(c: number, now: number): void {
    if (this.count === 0) this.lastBlockTime = now;
    this.count += c;
  }

  mostRecentInterval(): Interval | undefined {
    return this.isStarted() ? this.mergedIntervals[this.mergedIntervals.length - 1] : undefined;
  }

  isStarted(): boolean {
    return this.mergedIntervals.length > 0;
  }

  isCompleted(): boolean {
    const ival = this.mostRecentInterval();
    return ival !== undefined && ival.stop !== undefined;
  }
}

/** interval.duration(): a running interval lasts until now. */
export function intervalDuration(ival: Interval, now: number): number {
  if (ival.start === undefined) return 0;
  if (ival.stop === undefined) return now - ival.start;
  return ival.stop - ival.start;
}

/** mergeIntervals: overlapping intervals become one; an open one swallows all after it. */
export function mergeIntervals(input: Interval[]): Interval[] {
  const intervals = input.filter((i) => i.start !== undefined).sort((a, b) => a.start! - b.start!);
  if (intervals.length === 0) return [];
  const merged: Interval[] = [];
  let cur = intervals[0];
  for (let i = 1; i < intervals.length; i++) {
    const next = intervals[i];
    if (cur.stop === undefined) {
      merged.push(cur);
      return merged;
    }
    if (cur.stop < next.start!) {
      merged.push(cur);
      cur = next;
      continue;
    }
    if (next.stop === undefined) {
      merged.push({ start: cur.start, stop: undefined });
      return merged;
    }
    if (cur.stop >= next.stop) continue;
    cur = { start: cur.start, stop: next.stop };
  }
  merged.push(cur);
  return merged;
}

/** The seconds a log line is stamped with: 3 decimals under 10 s, 2 under 100 s, else 1. */
export function logTimestamp(ms: number): string {
  const sec = durationSeconds(ms);
  const prec = sec < 10 ? 3 : sec < 100 ? 2 : 1;
  return fixed(sec, prec);
}

/** display.go split: calls fn per '\n'-separated piece; true when data ended with '\n'. */
function split(dt: string, fn: (piece: string) => void): boolean {
  if (dt.length === 0) return false;
  for (;;) {
    if (dt.length === 0) return true;
    const idx = dt.indexOf('\n');
    if (idx === -1) {
      fn(dt);
      return false;
    }
    fn(dt.slice(0, idx));
    dt = dt.slice(idx + 1);
  }
}

function isCanceledError(err: string): boolean {
  return err.endsWith('context canceled');
}

export { isCanceledError };

export class Trace {
  startTime?: number;
  localTimeDiff = 0;
  vertexes: TraceVertex[] = [];
  byDigest = new Map<string, TraceVertex>();
  updates = new Set<string>();

  readonly modeConsole: boolean;

  constructor(modeConsole: boolean) {
    this.modeConsole = modeConsole;
  }

  private triggerVertexEvent(v: Vertex, now: number): void {
    if (v.started === undefined) return;
    const vtx = this.byDigest.get(v.digest)!;
    const old: Partial<Vertex> = vtx.prev ?? {};
    // Go compares *time.Time pointers first: a resent Completed always counts as a change
    const changed =
      v.digest !== old.digest ||
      v.name !== (old.name ?? '') ||
      old.started === undefined ||
      v.started !== old.started ||
      v.completed !== undefined ||
      !!v.cached !== !!old.cached ||
      (v.error ?? '') !== (old.error ?? '');
    if (changed) {
      vtx.update(1, now);
      this.updates.add(v.digest);
    }
    vtx.prev = v;
  }

  update(s: SolveStatus, termWidth: number, now: number): void {
    for (const v of s.vertexes) {
      if (this.startTime === undefined) this.startTime = v.started;
      const prev = this.byDigest.get(v.digest);
      if (!prev) {
        const tv = new TraceVertex(v);
        if (this.modeConsole) tv.term = new VT100(TERM_HEIGHT, Math.max(1, termWidth - TERM_PAD));
        this.byDigest.set(v.digest, tv);
      }
      const tv = this.byDigest.get(v.digest)!;
      this.triggerVertexEvent(v, now);
      if (v.started !== undefined && (!prev || !prev.isStarted())) {
        if (this.localTimeDiff === 0) this.localTimeDiff = now - v.started;
        this.vertexes.push(tv);
      }
      // a duplicate initial vertex must not reset state
      if (!prev || !prev.isStarted() || v.started !== undefined) tv.vertex = v;
      if (v.started !== undefined) {
        tv.intervals.set(v.started, { start: v.started, stop: v.completed });
        tv.mergedIntervals = mergeIntervals([...tv.intervals.values()]);
      }
      tv.jobCached = false;
    }
    for (const st of s.statuses) {
      const v = this.byDigest.get(st.vertex);
      if (!v) continue;
      v.jobCached = false;
      const prev = v.byID.get(st.id);
      if (!prev) v.byID.set(st.id, { s: st });
      const entry = v.byID.get(st.id)!;
      if (st.started !== undefined && (!prev || prev.s.started === undefined)) v.statuses.push(entry);
      entry.s = st;
      v.statusUpdates.add(st.id);
      this.updates.add(v.digest);
      v.update(1, now);
    }
    for (const w of s.warnings) {
      const v = this.byDigest.get(w.vertex);
      if (!v) continue;
      // no jobCached reset and no updates entry: a late warning waits for the vertex's next print
      v.warnings.push(w);
      v.update(1, now);
    }
    for (const l of s.logs) {
      const v = this.byDigest.get(l.vertex);
      if (!v) continue;
      v.jobCached = false;
      if (v.term) {
        if (v.term.width !== termWidth) v.term.resize(TERM_HEIGHT, termWidth - TERM_PAD);
        v.termBytes += goLen(l.data);
        v.term.write(l.data);
      }
      let i = 0;
      const complete = split(l.data, (dt) => {
        if (v.logsPartial && v.logs.length !== 0 && i === 0) {
          v.logs[v.logs.length - 1] += dt;
        } else {
          const ival = v.mostRecentInterval();
          const ts = ival ? l.timestamp - ival.start! : 0;
          v.logs.push(`${logTimestamp(ts)} ${dt}`);
        }
        i++;
      });
      v.logsPartial = !complete;
      this.updates.add(v.digest);
      v.update(1, now);
    }
  }

  /**
   * printErrorLogs: after the progress, each failed vertex's name and logs between
   * "------" lines. The TTY keeps every log line; the plain printer only its last ten.
   */
  errorLogs(): string {
    let out = '';
    for (const v of this.vertexes) {
      const err = v.vertex.error ?? '';
      if (err === '' || isCanceledError(err)) continue;
      out += '------\n';
      out += ` > ${v.vertex.name}:\n`;
      for (const l of v.logs) out += l + '\n';
      const ring = v.logsBuffer;
      if (ring) {
        for (let k = 0; k < ring.slots.length; k++) {
          const val = ring.slots[ring.pos];
          if (val !== undefined) out += val + '\n';
          ring.pos = (ring.pos + 1) % ring.slots.length;
        }
      }
      out += '------\n';
    }
    return out;
  }
}
