import { describe, expect, it } from 'vitest';
import { formatBuildError, formatSource, formatWarnings, newProgressWriter } from './index.ts';
import type { ProgressMode, SolveStatus } from './index.ts';
import { bytesString, durationSeconds, fixed } from './gofmt.ts';
import { logTimestamp } from './trace.ts';
import { align } from './tty.ts';
import * as S from './test-scenarios.ts';
import { Screen } from './test-screen.ts';

const DESC = 'building with "default" instance using docker driver';

/** Runs a scenario as buildx does: progress, then (after done) warnings, then the error. */
function run(
  mode: ProgressMode,
  sc: { steps: S.Step[]; end: number },
  opts: { width?: number; height?: number; tickEvery?: number } = {},
): string {
  let out = '';
  const w = newProgressWriter(mode, (s) => (out += s), {
    width: opts.width ?? 80,
    height: opts.height ?? 24,
    desc: DESC,
    builderTag: 'docker:default',
    start: 0,
  });
  for (const st of sc.steps) {
    if (opts.tickEvery) for (let t = opts.tickEvery; t < st.at; t += opts.tickEvery) w.tick?.(t);
    w.write(S.full(st.status), st.at);
  }
  w.done(sc.end);
  return out;
}

const warnings = (sc: { steps: S.Step[] }) => sc.steps.flatMap((s) => s.status.warnings ?? []);

const failure = {
  message: S.FAIL_ERROR,
  source: { filename: 'Dockerfile', data: S.FAILING_DOCKERFILE, ranges: [{ start: 2, end: 2 }] },
};

function transcript(mode: ProgressMode, name: string, opts: { tickEvery?: number } = {}): string {
  const sc = {
    fresh: S.freshBuild,
    cached: S.cachedBuild,
    failed: S.failedBuild,
    warning: S.warningBuild,
  }[name]!();
  let out = run(mode, sc, opts);
  out += formatWarnings(warnings(sc), { mode });
  if (name === 'failed') out += formatBuildError(failure, mode);
  return out;
}

function screen(name: string): string {
  const scr = new Screen();
  scr.write(transcript('tty', name));
  return scr.text(true);
}

describe('plain printer (--progress=plain)', () => {
  for (const name of ['fresh', 'cached', 'failed', 'warning']) {
    it(`prints the ${name} build as BuildKit's textMux does`, async () => {
      await expect(transcript('plain', name)).toMatchFileSnapshot(`testdata/${name}.plain.txt`);
    });
  }

  it('prints the same whether or not the ticker is driven between updates', () => {
    // write() catches up on due ticks itself, so a caller that never ticks sees the same bytes
    for (const name of ['fresh', 'failed', 'warning']) {
      expect(transcript('plain', name, { tickEvery: 10 })).toBe(transcript('plain', name));
    }
  });

  it('hands over between two busy vertices with "#N ..." after 5 s (antiFlicker)', async () => {
    const A = 'sha256:a';
    const B = 'sha256:b';
    const steps: S.Step[] = [
      { at: 0, status: { vertexes: [{ digest: A, name: '[a 2/2] RUN loop a', started: 0 }] } },
      { at: 0, status: { vertexes: [{ digest: B, name: '[b 2/2] RUN loop b', started: 0 }] } },
    ];
    for (let t = 1000; t <= 12000; t += 1000) {
      steps.push({
        at: t,
        status: { logs: [{ vertex: A, stream: 1, data: `a${t / 1000}\n`, timestamp: t }] },
      });
      steps.push({
        at: t + 500,
        status: { logs: [{ vertex: B, stream: 1, data: `b${t / 1000}\n`, timestamp: t + 500 }] },
      });
    }
    steps.push({
      at: 13000,
      status: { vertexes: [{ digest: A, name: '[a 2/2] RUN loop a', started: 0, completed: 13000 }] },
    });
    steps.push({
      at: 13100,
      status: { vertexes: [{ digest: B, name: '[b 2/2] RUN loop b', started: 0, completed: 13100 }] },
    });
    await expect(run('plain', { steps, end: 13200 })).toMatchFileSnapshot('testdata/interleaved.plain.txt');
  });

  it('continues a line cut in two updates without a second "#N" and ends it before DONE', () => {
    const V = 'sha256:v';
    const out = run('plain', {
      steps: [
        { at: 0, status: { vertexes: [{ digest: V, name: '[1/1] RUN printf', started: 0 }] } },
        { at: 200, status: { logs: [{ vertex: V, stream: 1, data: 'abc', timestamp: 200 }] } },
        { at: 400, status: { logs: [{ vertex: V, stream: 1, data: 'def\nxy', timestamp: 400 }] } },
        {
          at: 600,
          status: { vertexes: [{ digest: V, name: '[1/1] RUN printf', started: 0, completed: 600 }] },
        },
      ],
      end: 700,
    });
    expect(out).toBe('#0 ' + DESC + '\n\n#1 [1/1] RUN printf\n#1 0.200 abcdef\n#1 0.400 xy\n#1 DONE 0.6s\n');
  });

  it('throttles a progress status to 5% steps or 5 s, and prints byte counts as units.Bytes', () => {
    const V = 'sha256:p';
    const steps: S.Step[] = [
      { at: 0, status: { vertexes: [{ digest: V, name: '[1/2] FROM x', started: 0 }] } },
    ];
    const total = 3_000_000;
    for (let i = 1; i <= 10; i++) {
      const cur = i * 100_000; // 3.3% a step
      steps.push({
        at: i * 200,
        status: {
          statuses: [{ id: 'sha256:abc', vertex: V, current: cur, total, timestamp: i * 200, started: 100 }],
        },
      });
    }
    const out = run('plain', { steps, end: 2100 });
    expect(out.split('\n').filter((l) => l.startsWith('#1 sha256:abc'))).toEqual([
      '#1 sha256:abc 100.00kB / 3.00MB 0.1s',
      '#1 sha256:abc 300.00kB / 3.00MB 0.5s',
      '#1 sha256:abc 500.00kB / 3.00MB 0.9s',
      '#1 sha256:abc 700.00kB / 3.00MB 1.3s',
      '#1 sha256:abc 900.00kB / 3.00MB 1.7s',
    ]);
  });
});

describe('TTY display (--progress=tty)', () => {
  for (const name of ['fresh', 'cached', 'failed', 'warning']) {
    it(`leaves the final screen of the ${name} build`, async () => {
      await expect(screen(name)).toMatchFileSnapshot(`testdata/${name}.tty-screen.txt`);
    });
  }

  it('writes these exact bytes for a short run (first frame, a redraw with logs, the final frame)', async () => {
    const V = 'sha256:r';
    const name = '[1/1] RUN echo hello';
    const out = run(
      'tty',
      {
        steps: [
          { at: 0, status: { vertexes: [{ digest: V, name, started: 0 }] } },
          { at: 120, status: { logs: [{ vertex: V, stream: 1, data: 'hello\n', timestamp: 120 }] } },
          { at: 300, status: { vertexes: [{ digest: V, name, started: 0, completed: 300 }] } },
        ],
        end: 310,
      },
      { width: 40 },
    );
    await expect(out).toMatchFileSnapshot('testdata/short.tty.ansi');
    // the same bytes, spelled out, for a reader without a terminal at hand
    const frame2 =
      '\x1b[1A\x1b[1A\x1b[0G\x1b[?25l' +
      '[+] Building 0.1s (0/1)  docker:default\n' +
      ' => [1/1] RUN echo hello           0.1s\n' +
      '\x1b[2m => => # hello                         \n\x1b[0m' +
      '\x1b[?25h';
    expect(out).toContain(frame2);
  });

  it('shows the last lines of a running step and blanks them out once it is done', () => {
    const V = 'sha256:l';
    const name = '[1/1] RUN seq 1 8';
    const scr = new Screen();
    const w = newProgressWriter('tty', (s) => scr.write(s), {
      width: 40,
      height: 24,
      desc: DESC,
      builderTag: 'docker:default',
      start: 0,
    });
    w.write(S.full({ vertexes: [{ digest: V, name, started: 0 }] }), 0);
    w.write(
      S.full({ logs: [{ vertex: V, stream: 1, data: '1\n2\n3\n4\n5\n6\n7\n8\n', timestamp: 150 }] }),
      150,
    );
    expect(scr.text()).toBe(
      [
        '$ docker build -t app:1 .',
        '[+] Building 0.1s (0/1)  docker:default',
        ' => [1/1] RUN seq 1 8              0.1s',
        ' => => # 3',
        ' => => # 4',
        ' => => # 5',
        ' => => # 6',
        ' => => # 7',
        ' => => # 8',
        '',
      ].join('\n'),
    );
    w.write(S.full({ vertexes: [{ digest: V, name, started: 0, completed: 400 }] }), 400);
    w.done(400);
    expect(scr.text()).toBe(
      [
        '$ docker build -t app:1 .',
        '[+] Building 0.4s (1/1) FINISHED docker:', // longer than the width: cut
        ' => [1/1] RUN seq 1 8              0.4s',
        '',
      ].join('\n'),
    );
  });

  it('draws a frame at most every 100 ms, and a tick 150 ms after the last update', () => {
    const frames: number[] = [];
    let n = 0;
    const w = newProgressWriter('tty', () => frames.push(n), {
      width: 80,
      desc: DESC,
      builderTag: 'docker:default',
      start: 0,
    });
    const V = 'sha256:f';
    const upd = (at: number): void => {
      n = at;
      w.write(S.full({ vertexes: [{ digest: V, name: 'x', started: 0 }] }), at);
    };
    upd(0); // drawn
    upd(50); // too soon
    upd(99); // too soon
    upd(100); // drawn
    n = 250;
    w.tick!(250); // 150 ms after the update at 100
    n = 400;
    w.tick!(400); // and every 150 ms after that
    expect(frames).toEqual([0, 100, 250, 400]);
  });

  it('draws no colours with NO_COLOR, but still the faint log rows', () => {
    let out = '';
    const w = newProgressWriter('tty', (s) => (out += s), {
      width: 40,
      desc: DESC,
      builderTag: 'docker:default',
      start: 0,
      noColor: true,
    });
    const V = 'sha256:n';
    w.write(S.full({ vertexes: [{ digest: V, name: 'x', started: 0 }] }), 0);
    w.write(S.full({ logs: [{ vertex: V, stream: 1, data: 'hi\n', timestamp: 100 }] }), 100);
    w.write(S.full({ vertexes: [{ digest: V, name: 'x', started: 0, completed: 200, error: 'boom' }] }), 200);
    w.done(200);
    expect(out).toContain('\x1b[2m => => # hi');
    expect(out).not.toContain('\x1b[34m');
    expect(out).not.toContain('\x1b[31m');
  });
});

describe('quiet (-q)', () => {
  it('prints no progress, no error-logs block and no warnings; the error itself still', () => {
    expect(run('quiet', S.failedBuild())).toBe('');
    expect(formatWarnings([S.MAINTAINER_WARNING], { mode: 'quiet' })).toBe('');
    expect(transcript('quiet', 'failed')).toBe(formatBuildError(failure, 'quiet'));
  });
});

describe('numbers as Go prints them', () => {
  it('rounds seconds half to even on the exact value, like fmt %.1f', () => {
    expect(fixed(durationSeconds(250), 1)).toBe('0.2'); // 0.25 is exact: to even
    expect(fixed(durationSeconds(350), 1)).toBe('0.3'); // 0.35 is 0.34999…
    expect(fixed(durationSeconds(50), 1)).toBe('0.1'); // 0.05 is 0.05000…03
    expect(fixed(durationSeconds(49), 1)).toBe('0.0');
    expect(fixed(durationSeconds(1250), 1)).toBe('1.2');
    expect(fixed(durationSeconds(12_345_678), 1)).toBe('12345.7');
  });

  it('stamps log lines with 3 decimals under 10 s, 2 under 100 s, else 1', () => {
    expect(logTimestamp(231)).toBe('0.231');
    expect(logTimestamp(0)).toBe('0.000');
    expect(logTimestamp(9999)).toBe('9.999');
    expect(logTimestamp(12_345)).toBe('12.35'); // 12.345 is 12.3450000000000006…
    expect(logTimestamp(99_995)).toBe('100.00'); // chosen on the value, before rounding
    expect(logTimestamp(123_456)).toBe('123.5');
  });

  it('prints byte counts as tonistiigi/units %.2f', () => {
    expect(bytesString(0)).toBe('0B');
    expect(bytesString(2)).toBe('2B');
    expect(bytesString(999)).toBe('999B');
    expect(bytesString(1000)).toBe('1.00kB');
    expect(bytesString(8160)).toBe('8.16kB');
    expect(bytesString(1_234_567)).toBe('1.23MB');
    expect(bytesString(2_500_000_000)).toBe('2.50GB');
  });
});

describe('TTY line layout', () => {
  function finalLines(
    name: string,
    width: number,
    status?: { id: string; current: number; total?: number },
  ): string[] {
    let out = '';
    const V = 'sha256:w';
    const w = newProgressWriter('tty', (s) => (out += s), {
      width,
      desc: DESC,
      builderTag: 'docker:default',
      start: 0,
    });
    // reported as it starts: a vertex first seen late would shift the header's clock (localTimeDiff)
    w.write(S.full({ vertexes: [{ digest: V, name, started: 0 }] }), 0);
    const u: Partial<SolveStatus> = { vertexes: [{ digest: V, name, started: 0, completed: 1234 }] };
    if (status) u.statuses = [{ vertex: V, timestamp: 1234, started: 0, completed: 1234, ...status }];
    w.write(S.full(u), 1234);
    w.done(1300);
    const scr = new Screen();
    scr.write(out);
    return scr.text().split('\n').slice(1, -1);
  }

  it('cuts a long name so that the time ends one column before the edge', () => {
    const long = '[2/2] RUN ' + 'x'.repeat(100);
    const lines = finalLines(long, 60);
    expect(lines[0]).toBe('[+] Building 1.3s (1/1) FINISHED' + ' '.repeat(13) + 'docker:default');
    expect(lines[1]).toBe(' => ' + long.slice(0, 60 - 4 - 6 - 1) + '  1.2s');
    expect(lines[1].length).toBe(59);
    expect(lines[0].length).toBe(59);
  });

  it('shows a status next to its name and cuts the name first', () => {
    const lines = finalLines('[1/1] FROM docker.io/library/alpine', 60, {
      id: 'sha256:' + 'a'.repeat(64),
      current: 1_500_000,
      total: 3_000_000,
    });
    // 60 - 4 (" => ") - 6 (" 1.2s\n") - 1 = 49 columns, less the status and its space: 33
    expect(lines[2]).toBe(' => => sha256:' + 'a'.repeat(23) + ' 1.50MB / 3.00MB  1.2s');
  });

  it('leaves out lines with no room for 12 characters of name, and cuts the header to the width', () => {
    const lines = finalLines('[1/1] RUN true', 22);
    expect(lines).toEqual(['[+] Building 1.3s (1/1']);
    const wider = finalLines('[1/1] RUN true', 23);
    expect(wider[1]).toBe(' => [1/1] RUN tr  1.2s'); // 23 - 4 - 6 - 1 = 12 columns of name
  });

  it('aligns like fmt %-*s: padding counts runes, the right part counts bytes', () => {
    expect(align('ab', 'xy', 10)).toBe('ab      xy');
    expect(align('abcdefghij', 'xy', 10)).toBe('abcdefghij xy');
  });
});

describe('buildx after the progress', () => {
  it('summarises warnings in yellow on stderr, each with its rule and line', () => {
    expect(formatWarnings([S.MAINTAINER_WARNING], {})).toBe(
      '\n \x1b[33m1 warning found (use docker --debug to expand):\n\x1b[0m' +
        ' - MaintainerDeprecated: Maintainer instruction is deprecated in favor of using label (line 2)\n',
    );
    expect(
      formatWarnings([S.MAINTAINER_WARNING, { ...S.MAINTAINER_WARNING, vertex: 'sha256:other' }], {}),
    ).toContain('1 warning found');
    expect(formatWarnings([], {})).toBe('');
  });

  it('expands warnings with --debug: detail, More info, the Dockerfile excerpt and a blank line', async () => {
    await expect(formatWarnings([S.MAINTAINER_WARNING], { debug: true })).toMatchFileSnapshot(
      'testdata/warning-debug.txt',
    );
  });

  it('shows two lines either side of a one-line range, one either side of a longer one', () => {
    const data = Array.from({ length: 10 }, (_, i) => `L${i + 1}`).join('\n');
    expect(formatSource({ filename: 'Dockerfile', data, ranges: [{ start: 5, end: 5 }] })).toBe(
      'Dockerfile:5\n--------------------\n' +
        '   3 |     L3\n   4 |     L4\n   5 | >>> L5\n   6 |     L6\n   7 |     L7\n' +
        '--------------------\n',
    );
    expect(formatSource({ filename: 'Dockerfile', data, ranges: [{ start: 3, end: 4 }] })).toBe(
      'Dockerfile:3\n--------------------\n' +
        '   2 |     L2\n   3 | >>> L3\n   4 | >>> L4\n   5 |     L5\n' +
        '--------------------\n',
    );
    // at the top the lines it cannot take before are not taken after instead
    expect(formatSource({ filename: 'Dockerfile', data, ranges: [{ start: 1, end: 1 }] })).toBe(
      'Dockerfile:1\n--------------------\n' +
        '   1 | >>> L1\n   2 |     L2\n   3 |     L3\n' +
        '--------------------\n',
    );
  });

  it('ends a failed build with the excerpt and "ERROR: failed to build: failed to solve: …"', () => {
    expect(formatBuildError(failure, 'plain')).toBe(
      'Dockerfile:2\n--------------------\n' +
        '   1 |     FROM alpine:3.20\n' +
        '   2 | >>> RUN echo oops >&2 && exit 3\n' +
        '   3 |     \n' +
        '--------------------\n' +
        'ERROR: failed to build: failed to solve: ' +
        S.FAIL_ERROR +
        '\n',
    );
    expect(formatBuildError({ message: 'x', prefix: 'failed to build: ' }, 'tty')).toBe(
      'ERROR: failed to build: x\n',
    );
  });
});
