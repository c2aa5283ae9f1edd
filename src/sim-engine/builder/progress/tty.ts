// The TTY display (display.go, moby v28.5.1 vendor/github.com/moby/buildkit/util/
// progress/progressui): each frame moves the cursor back up over the previous one and
// redraws "[+] Building 1.2s (8/9)" and one line per vertex, status and warning, padded
// to the terminal width so no erase sequence is needed. Colours are progressui's
// defaults on Linux (init.go): blue for finished lines, red for errors, yellow for
// cancelled ones and warnings; a running vertex's log terminal is drawn faint.

import { bytesString, durationSeconds, fixed, fixedWidth, goLen, goPrefix, padRight } from './gofmt.ts';
import type { Interval, Job, Trace } from './trace.ts';
import { intervalDuration, isCanceledError, mergeIntervals, TERM_HEIGHT, TERM_PAD } from './trace.ts';

const ESC = '\x1b[';
/** morikuni/aec: Reset is appended after the text — after its newline, here. */
const RESET = '\x1b[0m';
export const COLOR_RUN = '\x1b[34m'; // aec.BlueF
export const COLOR_CANCEL = '\x1b[33m'; // aec.YellowF
export const COLOR_WARNING = '\x1b[33m'; // aec.YellowF
export const COLOR_ERROR = '\x1b[31m'; // aec.RedF
const FAINT = '\x1b[2m';
const HIDE = '\x1b[?25l';
const SHOW = '\x1b[?25h';

const up = (n: number): string => (n === 0 ? '' : `${ESC}${n}A`);
const down = (n: number): string => (n === 0 ? '' : `${ESC}${n}B`);
const column = (n: number): string => `${ESC}${n}G`;

interface DisplayInfo {
  startTime: number;
  jobs: Job[];
  countTotal: number;
  countCompleted: number;
}

const addTime = (tm: number | undefined, d: number): number | undefined =>
  tm === undefined ? undefined : tm + d;

/** trace.displayInfo: the jobs to draw, cached per vertex until it changes. */
export function displayInfo(t: Trace, now: number): DisplayInfo {
  const d: DisplayInfo = {
    startTime: t.startTime !== undefined ? t.startTime + t.localTimeDiff : now,
    jobs: [],
    countTotal: t.byDigest.size,
    countCompleted: 0,
  };
  for (const v of t.byDigest.values()) if (v.isCompleted()) d.countCompleted++;

  for (const v of t.vertexes) {
    if (v.jobCached) {
      d.jobs.push(...v.jobs);
      continue;
    }
    const jobs: Job[] = [];
    const j: Job = newJob({ name: v.vertex.name.replaceAll('\t', ' '), vertex: v, isCompleted: true });
    for (const ival of v.intervals.values()) {
      j.intervals.push({
        start: addTime(ival.start, t.localTimeDiff),
        stop: addTime(ival.stop, t.localTimeDiff),
      });
      if (ival.stop === undefined) j.isCompleted = false;
    }
    j.intervals = mergeIntervals(j.intervals);
    const err = v.vertex.error ?? '';
    if (err !== '') {
      if (isCanceledError(err)) {
        j.isCanceled = true;
        j.name = 'CANCELED ' + j.name;
      } else {
        j.hasError = true;
        j.name = 'ERROR ' + j.name;
      }
    }
    if (v.vertex.cached) j.name = 'CACHED ' + j.name;
    jobs.push(j);
    for (const { s } of v.statuses) {
      const sj = newJob({
        intervals: [
          { start: addTime(s.started, t.localTimeDiff), stop: addTime(s.completed, t.localTimeDiff) },
        ],
        isCompleted: s.completed !== undefined,
        name: '=> ' + s.id,
      });
      if (s.total) sj.status = `${bytesString(s.current)} / ${bytesString(s.total)}`;
      else if (s.current !== 0) sj.status = bytesString(s.current);
      jobs.push(sj);
    }
    for (const w of v.warnings) {
      const ival: Interval = v.mostRecentInterval() ?? {};
      // isCompleted stays false: a warning line is never coloured
      jobs.push(
        newJob({
          intervals: [
            { start: addTime(ival.start, t.localTimeDiff), stop: addTime(ival.stop, t.localTimeDiff) },
          ],
          name: 'WARN: ' + w.short,
          isCanceled: true,
        }),
      );
    }
    d.jobs.push(...jobs);
    v.jobs = jobs;
    v.jobCached = true;
  }
  return d;
}

function newJob(p: Partial<Job>): Job {
  return {
    intervals: [],
    isCompleted: false,
    name: '',
    status: '',
    hasError: false,
    hasWarning: false,
    isCanceled: false,
    showTerm: false,
    ...p,
  };
}

/** setupTerminals: which running vertices get their log terminal drawn, and the height cut. */
function setupTerminals(jobs: Job[], height: number, all: boolean): Job[] {
  const candidates: Job[] = [];
  let numInUse = 0;
  for (const j of jobs) {
    if (j.vertex && j.vertex.termBytes > 0 && !j.isCompleted) candidates.push(j);
    if (!j.isCompleted) numInUse++;
  }
  const weight = (j: Job): number => j.vertex!.termBytes + j.vertex!.termCount * 50;
  candidates.sort((a, b) => weight(b) - weight(a));
  let numFree = height - 2 - numInUse;
  let numToHide = 0;
  const termLimit = TERM_HEIGHT + 3;
  for (let i = 0; numFree > termLimit && i < candidates.length; i++) {
    candidates[i].showTerm = true;
    numToHide += candidates[i].vertex!.term!.usedHeight();
    numFree -= termLimit;
  }
  if (!all) jobs = wrapHeight(jobs, height - 2 - numToHide);
  return jobs;
}

/** wrapHeight: keep the last `limit` lines, pulling unfinished ones from above the cut back in. */
export function wrapHeight(j: Job[], limit: number): Job[] {
  if (limit < 0) return [];
  let wrapped = [...j];
  if (j.length > limit) {
    wrapped = wrapped.slice(j.length - limit);
    const invisible = j.slice(0, j.length - limit).filter((x) => !x.isCompleted);
    let l = invisible.length;
    if (l > 0) {
      const rewrapped: Job[] = [];
      for (const x of wrapped) {
        if (!x.isCompleted || l <= 0) rewrapped.push(x);
        l--;
      }
      const freespace = wrapped.length - rewrapped.length;
      wrapped = [...invisible.slice(invisible.length - freespace), ...rewrapped];
    }
  }
  return wrapped;
}

/** align: l padded so that " " + r ends at column w. */
export function align(l: string, r: string, w: number): string {
  return padRight(l, w - goLen(r) - 1) + ' ' + r;
}

export class TtyDisplay {
  private lineCount = 0;
  private repeated = false;

  private readonly w: (s: string) => void;
  private readonly phase: string;
  private readonly desc: string;

  /** NO_COLOR set: progressui leaves its four colours nil (init.go); faint log rows stay. */
  private readonly noColor: boolean;

  constructor(w: (s: string) => void, phase: string, desc: string, noColor = false) {
    this.noColor = noColor;
    this.w = w;
    this.phase = phase;
    this.desc = desc;
  }

  print(d: DisplayInfo, width: number, height: number, all: boolean, now: number): void {
    d.jobs = setupTerminals(d.jobs, height, all);
    let b = '';
    for (let i = 0; i <= this.lineCount; i++) b += up(1);
    if (!this.repeated) b += down(1);
    this.repeated = true;
    let s = b + column(0);

    const statusStr = d.countCompleted > 0 && d.countCompleted === d.countTotal && all ? 'FINISHED' : '';
    s += HIDE;
    const secs = fixed(durationSeconds(now - d.startTime), 1);
    let out = `[+] ${this.phase} ${secs}s (${d.countCompleted}/${d.countTotal}) ${statusStr}`;
    out = this.desc !== '' ? align(out, this.desc, width - 1) : align(out, '', width);
    if (goLen(out) > width) out = goPrefix(out, width);
    s += out + '\n';

    let lineCount = 0;
    for (const j of d.jobs) {
      if (j.intervals.length === 0) continue;
      let dt = 0;
      for (const ival of j.intervals) dt += durationSeconds(intervalDuration(ival, now));
      if (dt < 0.05) dt = 0;
      const pfx = ' => ';
      const timer = ` ${fixedWidth(dt, 3, 1)}s\n`;
      const status = j.status;
      let showStatus = false;
      let left = width - pfx.length - goLen(timer) - 1;
      if (status !== '' && left + goLen(status) > 20) {
        showStatus = true;
        left -= goLen(status) + 1;
      }
      if (left < 12) continue; // too small a screen to show progress
      let name = j.name;
      if (goLen(name) > left) name = goPrefix(name, left);
      let line = pfx + name;
      if (showStatus) line += ' ' + status;
      line = align(line, timer, width);
      if (j.isCompleted && !this.noColor) {
        let color = COLOR_RUN;
        if (j.isCanceled) color = COLOR_CANCEL;
        else if (j.hasError) color = COLOR_ERROR;
        else if (j.hasWarning) color = COLOR_WARNING;
        line = color + line + RESET;
      }
      s += line;
      lineCount++;
      if (j.showTerm) {
        const term = j.vertex!.term!;
        term.resize(TERM_HEIGHT, width - TERM_PAD);
        for (const row of term.content) {
          if (row.some((c) => c !== ' ')) {
            s += FAINT + ` => => # ${row.join('')}\n` + RESET;
            lineCount++;
          }
        }
        j.vertex!.termCount++;
        j.showTerm = false;
      }
    }
    // blank out what is left of the previous, longer frame
    const diff = this.lineCount - lineCount;
    if (diff > 0) {
      for (let i = 0; i < diff; i++) s += ' '.repeat(width) + '\n';
      s += up(diff) + column(0);
    }
    this.lineCount = lineCount;
    s += SHOW;
    this.w(s);
  }
}
