// What buildx prints around the progress: the warnings summary (buildx v0.29.1
// commands/build.go printWarnings), the Dockerfile excerpt of a failed step (buildkit
// solver/errdefs/source.go Source.Print) and the final "ERROR: …" line (buildx
// cmd/buildx/main.go). All of it goes to stderr.

import type { VertexWarning } from './types.ts';

const YELLOW = '\x1b[33m';
const RESET = '\x1b[0m';

export interface SourceExcerpt {
  filename: string;
  data: string;
  ranges: { start: number; end: number }[];
}

/**
 * Source.Print: "Dockerfile:2", a rule of 20 dashes, the lines around the range
 * (two either side; four lines of context in all), ">>>" on the lines in the range.
 */
export function formatSource(src: SourceExcerpt): string {
  const lines = src.data.split('\n');
  if (src.ranges.length === 0) return '';
  let start = 0;
  let end = 0;
  src.ranges.forEach((r, i) => {
    const e = Math.max(r.end, r.start);
    if (i === 0 || r.start < start) start = r.start;
    if (e > end) end = e;
  });
  if (start > lines.length || start < 1) return '';
  if (end > lines.length) end = lines.length;

  // the Go loop counts one extra step per round, so "pad" lines means about pad/2 each side
  const pad = end === start ? 4 : 2;
  let p = 0;
  const prepadStart = start;
  while (p < pad) {
    if (start > 1) {
      start--;
      p++;
    }
    if (end !== lines.length) {
      end++;
      p++;
    }
    p++;
  }
  const contains = (l: number): boolean =>
    src.ranges.some((r) => r.start <= l && Math.max(r.end, r.start) >= l);
  let out = `${src.filename}:${prepadStart}\n--------------------\n`;
  for (let i = start; i <= end; i++) {
    const num = String(i).padStart(3, ' ');
    out += ` ${num} | ${contains(i) ? '>>>' : '   '} ${lines[i - 1]}\n`;
  }
  out += '--------------------\n';
  return out;
}

/**
 * printWarnings: "\n " then, in yellow even when stderr is not a terminal, "1 warning
 * found (use docker --debug to expand):\n", then " - <short>" per warning. With --debug
 * each warning is followed by its detail lines, "More info: <url>", its source excerpt
 * and a blank line. Quiet (-q) and rawjson print nothing.
 * buildx dedups warnings through a map, so their order is random there; here it is the
 * order they arrived in.
 */
export function formatWarnings(
  warnings: VertexWarning[],
  opts: { debug?: boolean; mode?: 'plain' | 'tty' | 'quiet' },
): string {
  const list = dedupWarnings(warnings);
  if (list.length === 0 || opts.mode === 'quiet') return '';
  let head = list.length === 1 ? '1 warning found' : `${list.length} warnings found`;
  if (!opts.debug) head += ' (use docker --debug to expand)';
  head += ':\n';
  let out = '\n ' + YELLOW + head + RESET;
  for (const w of list) {
    out += ` - ${w.short}\n`;
    if (!opts.debug) continue;
    for (const d of w.detail) out += d + '\n';
    if (w.url) out += `More info: ${w.url}\n`;
    if (w.sourceInfo && w.ranges) {
      out += formatSource({
        filename: w.sourceInfo.filename,
        data: w.sourceInfo.data,
        ranges: w.ranges.map((r) => ({ start: r.start.line, end: r.end.line })),
      });
    }
    out += '\n';
  }
  return out;
}

/** dedupWarnings (buildx util/progress/printer.go): equal warnings from different vertices count once. */
function dedupWarnings(inp: VertexWarning[]): VertexWarning[] {
  const seen = new Set<string>();
  const out: VertexWarning[] = [];
  for (const w of inp) {
    const key = JSON.stringify([
      w.level,
      w.short,
      w.detail,
      w.url ?? '',
      w.sourceInfo ?? null,
      w.ranges ?? null,
    ]);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(w);
  }
  return out;
}

export interface BuildErrorInfo {
  /** Unused: the "------ > name: … ------" block comes from ProgressWriter.done() (progressui printErrorLogs). */
  vertexName?: string;
  /** Unused, as vertexName. */
  logs?: string[];
  /** The error BuildKit's solve returned, e.g. `process "/bin/sh -c exit 3" did not complete successfully: exit code: 3`. */
  message: string;
  /**
   * What buildx and the BuildKit client wrap it in; default "failed to build: failed to
   * solve: " (runBuildWithOptions, client/solve.go). Errors raised before the solve
   * (reading the Dockerfile, say) have only "failed to build: ".
   */
  prefix?: string;
  source?: SourceExcerpt;
}

/**
 * What buildx's main prints for a failed build after the progress (and after the
 * warnings summary): the Dockerfile excerpt of each source the error carries, then
 * "ERROR: failed to build: failed to solve: <message>". The same in every mode: -q only
 * drops the progress, whose done() printed the "------" block.
 */
export function formatBuildError(err: BuildErrorInfo, _mode: 'plain' | 'tty' | 'quiet'): string {
  let out = '';
  if (err.source) out += formatSource(err.source);
  out += `ERROR: ${err.prefix ?? 'failed to build: failed to solve: '}${err.message}\n`;
  return out;
}
