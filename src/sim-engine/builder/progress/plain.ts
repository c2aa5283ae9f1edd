// The plain printer, progressui's textMux (printer.go, moby v28.5.1 vendor/github.com/
// moby/buildkit/util/progress/progressui): "#N name", status lines, "#N 0.231 log",
// "#N DONE 0.1s", a blank line between vertices and "#N ..." when another vertex takes
// over before this one finished. Map iteration (random in Go) is replaced by arrival order.

import { bytesString, durationSeconds, fixed } from './gofmt.ts';
import type { Trace, TraceVertex } from './trace.ts';
import { intervalDuration, isCanceledError, LogRing, mergeIntervals } from './trace.ts';

/** printer.go: antiFlicker, maxDelay, minTimeDelta, minProgressDelta. */
const ANTI_FLICKER_S = 5;
const MAX_DELAY_MS = 10_000;
const MIN_TIME_DELTA_MS = 5_000;
const MIN_PROGRESS_DELTA = 0.05;

interface VtxStat {
  blockTime: number;
  speed: number;
  share: number;
  overLimit: boolean;
}

export class TextMux {
  private current = '';
  private last = new Map<string, { current: number; timestamp: number }>();
  private notFirst = false;
  private nextIndex = 0;

  private readonly w: (s: string) => void;
  private readonly desc: string;

  constructor(w: (s: string) => void, desc: string) {
    this.w = w;
    this.desc = desc;
  }

  private printVtx(t: Trace, dgst: string, now: number): void {
    const v = t.byDigest.get(dgst);
    if (!v) return;
    const w = this.w;
    if (v.index === 0) v.index = ++this.nextIndex;

    if (dgst !== this.current) {
      if (this.current !== '') {
        const old = t.byDigest.get(this.current)!;
        if (old.logsPartial) w('\n');
        old.logsOffset = 0;
        old.count = 0;
        w(`#${old.index} ...\n`);
      }
      if (this.notFirst) {
        w('\n');
      } else {
        if (this.desc !== '') w(`#0 ${this.desc}\n\n`);
        this.notFirst = true;
      }
      // PROGRESS_NO_TRUNC=0 (truncate names to 72 bytes) is not simulated
      w(`#${v.index} ${v.vertex.name}\n`);
    }

    let isOpenStatus = false; // remote cache loading can report statuses without an active vertex
    for (const entry of v.statuses) {
      const s = entry.s;
      if (!v.statusUpdates.has(s.id)) continue;
      const last = this.last.get(s.id);
      if (last && s.completed === undefined) {
        // throttle progress lines: print again after 5% more or 5 s later
        const progressDelta = s.total ? (s.current - last.current) / s.total : 0;
        const timeDelta = s.timestamp - last.timestamp;
        if (progressDelta < MIN_PROGRESS_DELTA && timeDelta < MIN_TIME_DELTA_MS) continue;
      }
      this.last.set(s.id, { timestamp: s.timestamp, current: s.current });
      let bytes = '';
      if (s.total) bytes = ` ${bytesString(s.current)} / ${bytesString(s.total)}`;
      else if (s.current !== 0) bytes = ` ${bytesString(s.current)}`;
      let tm = '';
      const endTime = s.completed ?? s.timestamp;
      if (s.started !== undefined) {
        const diff = durationSeconds(endTime - s.started);
        if (diff > 0.01) tm = ` ${fixed(diff, 1)}s`;
      }
      if (s.completed !== undefined) tm += ' done';
      else isOpenStatus = true;
      w(`#${v.index} ${s.id}${bytes}${tm}\n`);
    }
    v.statusUpdates = new Set();

    for (const warn of v.warnings.slice(v.warningIdx)) {
      w(`#${v.index} WARN: ${warn.short}\n`);
      v.warningIdx++;
    }

    for (let i = 0; i < v.logs.length; i++) {
      let l = v.logs[i];
      if (i === 0 && v.logsOffset !== 0) {
        // the start of this line (and its "#N ") was printed last time
        l = l.slice(v.logsOffset);
        w(l);
      } else {
        w(`#${v.index} ${l}`);
      }
      if (i !== v.logs.length - 1 || !v.logsPartial) w('\n');
      if (!v.logsBuffer) v.logsBuffer = new LogRing();
      v.logsBuffer.slots[v.logsBuffer.pos] = l;
      if (!v.logsPartial) v.logsBuffer.pos = (v.logsBuffer.pos + 1) % v.logsBuffer.slots.length;
    }
    if (v.logs.length > 0) {
      if (v.logsPartial) {
        v.logs = v.logs.slice(-1);
        v.logsOffset = v.logs[0].length;
      } else {
        v.logs = [];
        v.logsOffset = 0;
      }
    }

    this.current = dgst;
    if (v.isCompleted() && !isOpenStatus) {
      this.current = '';
      v.count = 0;
      if (v.logsPartial) w('\n');
      const err = v.vertex.error ?? '';
      if (err !== '') {
        if (isCanceledError(err)) w(`#${v.index} CANCELED\n`);
        else w(`#${v.index} ERROR: ${err}\n`);
      } else if (v.vertex.cached) {
        w(`#${v.index} CACHED\n`);
      } else {
        let tm = '';
        const ivals = mergeIntervals([...v.intervals.values()]);
        if (ivals.length > 0) {
          let dt = 0;
          for (const ival of ivals) dt += durationSeconds(intervalDuration(ival, now));
          tm = ` ${fixed(dt, 1)}s`;
        }
        w(`#${v.index} DONE${tm}\n`);
      }
    }
    t.updates.delete(dgst);
  }

  print(t: Trace, now: number): void {
    const completed: string[] = [];
    const rest: string[] = [];
    for (const dgst of t.updates) {
      const v = t.byDigest.get(dgst);
      if (!v) continue;
      if (v.isCompleted()) completed.push(dgst);
      else rest.push(dgst);
    }
    const current = this.current;

    // items that have completed are printed first, the current one before the others
    if (completed.includes(current)) this.printVtx(t, current, now);
    for (const dgst of sortCompleted(t, completed)) {
      if (dgst !== current) this.printVtx(t, dgst, now);
    }

    if (rest.length === 0) {
      if (current !== '') {
        const v = t.byDigest.get(current)!;
        if (v.isStarted() && !v.isCompleted()) return;
      }
      // make any open vertex active
      for (const [dgst, v] of t.byDigest) {
        if (v.isStarted() && !v.isCompleted()) {
          this.printVtx(t, dgst, now);
          return;
        }
      }
      return;
    }

    // now the active one
    if (rest.includes(current)) this.printVtx(t, current, now);

    const stats = new Map<string, VtxStat>();
    let sum = 0;
    let max = '';
    if (current !== '' && !rest.includes(current)) rest.push(current);
    for (const dgst of rest) {
      const v = t.byDigest.get(dgst);
      if (!v || v.lastBlockTime === undefined) continue;
      const tm = now - v.lastBlockTime;
      const speed = v.count / durationSeconds(tm);
      const overLimit = tm > MAX_DELAY_MS && dgst !== current;
      stats.set(dgst, { blockTime: tm, speed, share: 0, overLimit });
      sum += speed;
      if (overLimit || max === '' || stats.get(max)!.speed < speed) max = dgst;
    }
    for (const st of stats.values()) st.share = st.speed / sum;

    if (completed.includes(current) || current === '') {
      this.printVtx(t, max, now);
      return;
    }
    // show items that were hidden for too long
    for (const dgst of rest) {
      if (stats.get(dgst)?.overLimit) {
        this.printVtx(t, dgst, now);
        return;
      }
    }
    // fair split between vertexes
    const cur = stats.get(current);
    if (cur && (1.0 / (1.0 - cur.share)) * ANTI_FLICKER_S < durationSeconds(cur.blockTime)) {
      this.printVtx(t, max, now);
    }
  }
}

/** sortCompleted: by the end of the most recent interval (stable on arrival order). */
function sortCompleted(t: Trace, dgsts: string[]): string[] {
  const stop = (d: string): number => t.byDigest.get(d)!.mostRecentInterval()!.stop!;
  return [...dgsts].sort((a, b) => stop(a) - stop(b));
}

export type { TraceVertex };
