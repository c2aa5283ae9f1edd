// BuildKit's progress output as `docker build` (buildx v0.29, BuildKit v0.25
// progressui as vendored in moby v28.5.1) prints it: the plain printer, the TTY
// display, quiet mode, and what buildx prints after them. See README.md.

import { TextMux } from './plain.ts';
import { Trace } from './trace.ts';
import { displayInfo, TtyDisplay } from './tty.ts';
import type { SolveStatus } from './types.ts';

export type { SolveStatus, Vertex, VertexLog, VertexStatus, VertexWarning } from './types.ts';
export { formatBuildError, formatSource, formatWarnings } from './errors.ts';
export type { BuildErrorInfo, SourceExcerpt } from './errors.ts';

export interface ProgressWriter {
  /** An update arrives (as BuildKit sends them), at virtual time `now` (ms). */
  write(update: SolveStatus, now: number): void;
  /**
   * The display's ticker: progressui redraws 150 ms after the last update and every
   * 150 ms after that, in plain mode too. Ticks that fell due before `now` are run at
   * their own times; write() and done() catch up on them as well, so calling tick is
   * only needed to draw frames while nothing arrives.
   */
  tick?(now: number): void;
  /** The build ended: flush, the final frame, then each failed vertex's "------" block. */
  done(now: number): void;
}

export type ProgressMode = 'plain' | 'tty' | 'quiet';

export interface ProgressWriterOptions {
  /** Terminal columns (TTY only). */
  width: number;
  /** Terminal rows (TTY only; default 24): decides whether logs of running steps fit. */
  height?: number;
  /** e.g. 'building with "default" instance using docker driver' — the plain "#0" line. */
  desc: string;
  /** e.g. 'docker:default' — right-aligned on the TTY header. */
  builderTag?: string;
  /** Virtual time the display started (its ticker starts here). */
  start: number;
  /** NO_COLOR is set in the CLI's environment (TTY only; buildx's warnings stay yellow). */
  noColor?: boolean;
}

/** UpdateFrom's timings (display.go): a refresh at most every 100 ms, a tick 150 ms after the last update. */
const DISPLAY_INTERVAL_MS = 100;
const TICKER_MS = 150;

interface Display {
  update(ss: SolveStatus, now: number): void;
  refresh(now: number): void;
  done(now: number): void;
}

class PlainDisplay implements Display {
  private t = new Trace(false);
  private printer: TextMux;
  private readonly out: (s: string) => void;
  private readonly limiter: Limiter;
  constructor(out: (s: string) => void, desc: string, limiter: Limiter) {
    this.out = out;
    this.limiter = limiter;
    this.printer = new TextMux(out, desc);
  }
  update(ss: SolveStatus, now: number): void {
    this.t.update(ss, 80, now);
    if (!this.limiter.allow(now)) return;
    this.refresh(now);
  }
  refresh(now: number): void {
    this.printer.print(this.t, now);
  }
  done(now: number): void {
    this.refresh(now);
    const logs = this.t.errorLogs();
    if (logs) this.out(logs);
  }
}

class ConsoleDisplay implements Display {
  private t = new Trace(true);
  private disp: TtyDisplay;
  private readonly out: (s: string) => void;
  private readonly width: number;
  private readonly height: number;
  private readonly limiter: Limiter;
  constructor(
    out: (s: string) => void,
    width: number,
    height: number,
    desc: string,
    limiter: Limiter,
    noColor: boolean,
  ) {
    this.out = out;
    this.width = width;
    this.height = height;
    this.limiter = limiter;
    this.disp = new TtyDisplay(out, 'Building', desc, noColor);
  }
  update(ss: SolveStatus, now: number): void {
    this.t.update(ss, this.width, now);
    if (!this.limiter.allow(now)) return;
    this.refresh(now);
  }
  refresh(now: number): void {
    this.disp.print(displayInfo(this.t, now), this.width, this.height, false, now);
  }
  done(now: number): void {
    this.disp.print(displayInfo(this.t, now), this.width, this.height, true, now);
    const logs = this.t.errorLogs();
    if (logs) this.out(logs);
  }
}

/** rate.NewLimiter(rate.Every(100ms), 1): one event, then one per 100 ms. */
class Limiter {
  private last: number | undefined;
  allow(now: number): boolean {
    if (this.last !== undefined && now - this.last < DISPLAY_INTERVAL_MS) return false;
    this.last = now;
    return true;
  }
}

class Writer implements ProgressWriter {
  private nextTick: number;
  private closed = false;
  private readonly disp: Display;
  constructor(disp: Display, start: number) {
    this.disp = disp;
    this.nextTick = start + TICKER_MS;
  }
  private catchUp(now: number): void {
    while (this.nextTick <= now) {
      this.disp.refresh(this.nextTick);
      this.nextTick += TICKER_MS;
    }
  }
  write(update: SolveStatus, now: number): void {
    if (this.closed) return;
    this.catchUp(now);
    this.disp.update(update, now);
    this.nextTick = now + TICKER_MS; // ticker.Reset
  }
  tick(now: number): void {
    if (this.closed) return;
    this.catchUp(now);
  }
  done(now: number): void {
    if (this.closed) return;
    this.catchUp(now);
    this.closed = true;
    this.disp.done(now);
  }
}

class QuietWriter implements ProgressWriter {
  write(): void {}
  tick(): void {}
  done(): void {}
}

/**
 * A progress display writing to `out` (stderr). 'quiet' is progressui's discard display
 * (`-q`/`--progress=quiet`): nothing at all, not even the error-logs block.
 */
export function newProgressWriter(
  mode: ProgressMode,
  out: (text: string) => void,
  opts: ProgressWriterOptions,
): ProgressWriter {
  if (mode === 'quiet') return new QuietWriter();
  const limiter = new Limiter();
  const disp =
    mode === 'plain'
      ? new PlainDisplay(out, opts.desc, limiter)
      : new ConsoleDisplay(
          out,
          opts.width,
          opts.height ?? 24,
          opts.builderTag ?? '',
          limiter,
          !!opts.noColor,
        );
  return new Writer(disp, opts.start);
}
