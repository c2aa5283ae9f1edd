// Solve-status streams for the golden tests, shaped the way BuildKit sends them for
// `docker build -t app:1 .`: the definition vertex alone first (the frontend reads the
// Dockerfile), then every vertex of the solve unstarted, then each one's start, statuses,
// logs and completion. Times are milliseconds from the display's start.

import type { SolveStatus, Vertex, VertexLog, VertexStatus, VertexWarning } from './types.ts';

export interface Step {
  at: number;
  status: Partial<SolveStatus>;
}

export const ALPINE = 'docker.io/library/alpine:3.20';
export const ALPINE_DIGEST = 'sha256:beefdbd8a1da6d2915566fde36db9db0b524eb737fc57cd1367effd16dc0d06d';
export const IMAGE_ID = 'sha256:6f0e1b0d3f0a4c7d8e9f0a1b2c3d4e5f60718293a4b5c6d7e8f9012345678901';

export const DOCKERFILE = 'FROM alpine:3.20\nWORKDIR /app\nCOPY . .\nRUN echo hi && echo warn >&2\n';
export const FAILING_DOCKERFILE = 'FROM alpine:3.20\nRUN echo oops >&2 && exit 3\n';
export const MAINTAINER_DOCKERFILE = 'FROM alpine:3.20\nMAINTAINER me@example.com\nRUN echo hi\n';

const vtx = (digest: string, name: string, extra: Partial<Vertex> = {}): Vertex => ({
  digest,
  name,
  ...extra,
});
const st = (vertex: string, id: string, extra: Partial<VertexStatus>): VertexStatus => ({
  id,
  vertex,
  current: 0,
  timestamp: 0,
  ...extra,
});
const log = (vertex: string, stream: 1 | 2, data: string, timestamp: number): VertexLog => ({
  vertex,
  stream,
  data,
  timestamp,
});

const D = {
  def: 'sha256:d1',
  meta: 'sha256:d2',
  ignore: 'sha256:d3',
  from: 'sha256:d4',
  ctx: 'sha256:d5',
  workdir: 'sha256:d6',
  copy: 'sha256:d7',
  run: 'sha256:d8',
  export: 'sha256:d9',
};

const NAMES = {
  def: '[internal] load build definition from Dockerfile',
  meta: `[internal] load metadata for ${ALPINE}`,
  ignore: '[internal] load .dockerignore',
  from: `[1/4] FROM ${ALPINE}@${ALPINE_DIGEST}`,
  ctx: '[internal] load build context',
  workdir: '[2/4] WORKDIR /app',
  copy: '[3/4] COPY . .',
  run: '[4/4] RUN echo hi && echo warn >&2',
  export: 'exporting to image',
};

/** The frontend's part: the Dockerfile transfer and the base image's metadata. */
function front(dockerfileSize: number, extra: Step[] = []): Step[] {
  return [
    {
      at: 10,
      status: { vertexes: [vtx(D.def, NAMES.def, { started: 10 })] },
    },
    {
      at: 12,
      status: { statuses: [st(D.def, 'transferring dockerfile:', { started: 12, timestamp: 12 })] },
    },
    {
      at: 25,
      status: {
        vertexes: [vtx(D.def, NAMES.def, { started: 10, completed: 24 })],
        statuses: [
          st(D.def, 'transferring dockerfile:', {
            current: dockerfileSize,
            started: 12,
            completed: 20,
            timestamp: 20,
          }),
        ],
      },
    },
    ...extra,
    { at: 30, status: { vertexes: [vtx(D.meta, NAMES.meta, { started: 30 })] } },
    { at: 930, status: { vertexes: [vtx(D.meta, NAMES.meta, { started: 30, completed: 929 })] } },
  ];
}

function solveVertexes(runName = NAMES.run, steps = 4): Vertex[] {
  const fromName = `[1/${steps}] FROM ${ALPINE}@${ALPINE_DIGEST}`;
  // the exporter's vertex is not part of the solve: it appears when the export starts
  const list = [vtx(D.ignore, NAMES.ignore), vtx(D.from, fromName)];
  if (steps === 4) list.push(vtx(D.ctx, NAMES.ctx), vtx(D.workdir, NAMES.workdir), vtx(D.copy, NAMES.copy));
  list.push(vtx(D.run, runName));
  return list;
}

function ignoreAndContext(ctxSize: number): Step[] {
  return [
    {
      at: 935,
      status: {
        vertexes: [vtx(D.ignore, NAMES.ignore, { started: 935 })],
        statuses: [st(D.ignore, 'transferring context:', { started: 935, timestamp: 935 })],
      },
    },
    {
      at: 946,
      status: {
        vertexes: [vtx(D.ignore, NAMES.ignore, { started: 935, completed: 945 })],
        statuses: [
          st(D.ignore, 'transferring context:', { current: 2, started: 935, completed: 945, timestamp: 945 }),
        ],
      },
    },
    {
      at: 950,
      status: {
        vertexes: [vtx(D.ctx, NAMES.ctx, { started: 950 })],
        statuses: [st(D.ctx, 'transferring context:', { started: 950, timestamp: 950 })],
      },
    },
    {
      at: 968,
      status: {
        vertexes: [vtx(D.ctx, NAMES.ctx, { started: 950, completed: 967 })],
        statuses: [
          st(D.ctx, 'transferring context:', {
            current: ctxSize,
            started: 950,
            completed: 958,
            timestamp: 958,
          }),
        ],
      },
    },
  ];
}

function exporting(at: number): Step[] {
  const e = D.export;
  return [
    {
      at,
      status: {
        vertexes: [vtx(e, NAMES.export, { started: at })],
        statuses: [st(e, 'exporting layers', { started: at, timestamp: at })],
      },
    },
    {
      at: at + 42,
      status: {
        statuses: [
          st(e, 'exporting layers', { started: at, completed: at + 41, timestamp: at + 41 }),
          st(e, `writing image ${IMAGE_ID}`, { started: at + 42, timestamp: at + 42 }),
        ],
      },
    },
    {
      at: at + 47,
      status: {
        statuses: [
          st(e, `writing image ${IMAGE_ID}`, { started: at + 42, completed: at + 46, timestamp: at + 46 }),
          st(e, 'naming to docker.io/library/app:1', { started: at + 47, timestamp: at + 47 }),
        ],
      },
    },
    {
      at: at + 49,
      status: {
        vertexes: [vtx(e, NAMES.export, { started: at, completed: at + 49 })],
        statuses: [
          st(e, 'naming to docker.io/library/app:1', {
            started: at + 47,
            completed: at + 48,
            timestamp: at + 48,
          }),
        ],
      },
    },
  ];
}

/** A fresh 4-step build: the RUN writes "hi" on stdout and "warn" on stderr. */
export function freshBuild(): { steps: Step[]; end: number } {
  const fromName = `[1/4] FROM ${ALPINE}@${ALPINE_DIGEST}`;
  const steps: Step[] = [
    ...front(101),
    { at: 931, status: { vertexes: solveVertexes() } },
    ...ignoreAndContext(91),
    {
      at: 951,
      status: {
        vertexes: [vtx(D.from, fromName, { started: 951 })],
        statuses: [st(D.from, `resolve ${ALPINE}@${ALPINE_DIGEST}`, { started: 951, timestamp: 951 })],
      },
    },
    {
      at: 955,
      status: {
        vertexes: [vtx(D.from, fromName, { started: 951, completed: 955 })],
        statuses: [
          st(D.from, `resolve ${ALPINE}@${ALPINE_DIGEST}`, { started: 951, completed: 954, timestamp: 954 }),
        ],
      },
    },
    { at: 970, status: { vertexes: [vtx(D.workdir, NAMES.workdir, { started: 970 })] } },
    { at: 1003, status: { vertexes: [vtx(D.workdir, NAMES.workdir, { started: 970, completed: 1003 })] } },
    { at: 1004, status: { vertexes: [vtx(D.copy, NAMES.copy, { started: 1004 })] } },
    { at: 1040, status: { vertexes: [vtx(D.copy, NAMES.copy, { started: 1004, completed: 1040 })] } },
    { at: 1041, status: { vertexes: [vtx(D.run, NAMES.run, { started: 1041 })] } },
    { at: 1272, status: { logs: [log(D.run, 1, 'hi\n', 1272)] } },
    { at: 1273, status: { logs: [log(D.run, 2, 'warn\n', 1273)] } },
    { at: 1352, status: { vertexes: [vtx(D.run, NAMES.run, { started: 1041, completed: 1352 })] } },
    ...exporting(1360),
  ];
  return { steps, end: 1415 };
}

/** The same build again: every step CACHED. */
export function cachedBuild(): { steps: Step[]; end: number } {
  const fromName = `[1/4] FROM ${ALPINE}@${ALPINE_DIGEST}`;
  const cached = (d: string, name: string, at: number): Step => ({
    at,
    status: { vertexes: [vtx(d, name, { started: at, completed: at, cached: true })] },
  });
  const steps: Step[] = [
    ...front(101),
    { at: 931, status: { vertexes: solveVertexes() } },
    ...ignoreAndContext(91),
    {
      at: 951,
      status: {
        vertexes: [vtx(D.from, fromName, { started: 951 })],
        statuses: [st(D.from, `resolve ${ALPINE}@${ALPINE_DIGEST}`, { started: 951, timestamp: 951 })],
      },
    },
    {
      at: 955,
      status: {
        vertexes: [vtx(D.from, fromName, { started: 951, completed: 955 })],
        statuses: [
          st(D.from, `resolve ${ALPINE}@${ALPINE_DIGEST}`, { started: 951, completed: 954, timestamp: 954 }),
        ],
      },
    },
    cached(D.workdir, NAMES.workdir, 970),
    cached(D.copy, NAMES.copy, 970),
    cached(D.run, NAMES.run, 970),
    ...exporting(975),
  ];
  return { steps, end: 1030 };
}

export const FAIL_RUN = '[2/2] RUN echo oops >&2 && exit 3';
export const FAIL_ERROR =
  'process "/bin/sh -c echo oops >&2 && exit 3" did not complete successfully: exit code: 3';

/** FROM + a RUN that prints to stderr and exits 3: the export never starts. */
export function failedBuild(): { steps: Step[]; end: number } {
  const fromName = `[1/2] FROM ${ALPINE}@${ALPINE_DIGEST}`;
  const steps: Step[] = [
    ...front(70),
    { at: 931, status: { vertexes: solveVertexes(FAIL_RUN, 2) } },
    ...ignoreAndContext(2).slice(0, 2),
    {
      at: 951,
      status: {
        vertexes: [vtx(D.from, fromName, { started: 951, completed: 952, cached: true })],
      },
    },
    { at: 955, status: { vertexes: [vtx(D.run, FAIL_RUN, { started: 955 })] } },
    { at: 1198, status: { logs: [log(D.run, 2, 'oops\n', 1198)] } },
    {
      at: 1230,
      status: { vertexes: [vtx(D.run, FAIL_RUN, { started: 955, completed: 1230, error: FAIL_ERROR })] },
    },
  ];
  return { steps, end: 1240 };
}

export const MAINTAINER_WARNING: VertexWarning = {
  vertex: D.def,
  level: 1,
  short: 'MaintainerDeprecated: Maintainer instruction is deprecated in favor of using label (line 2)',
  detail: ['The MAINTAINER instruction is deprecated, use a label instead to define an image author'],
  url: 'https://docs.docker.com/go/dockerfile/rule/maintainer-deprecated/',
  sourceInfo: { filename: 'Dockerfile', data: MAINTAINER_DOCKERFILE },
  ranges: [{ start: { line: 2 }, end: { line: 2 } }],
};

/** FROM, MAINTAINER (no step; a lint warning on the definition vertex), RUN. */
export function warningBuild(): { steps: Step[]; end: number } {
  const fromName = `[1/2] FROM ${ALPINE}@${ALPINE_DIGEST}`;
  const runName = '[2/2] RUN echo hi';
  const steps: Step[] = [
    ...front(96, [{ at: 28, status: { warnings: [MAINTAINER_WARNING] } }]),
    { at: 931, status: { vertexes: solveVertexes(runName, 2) } },
    ...ignoreAndContext(2).slice(0, 2),
    {
      at: 951,
      status: { vertexes: [vtx(D.from, fromName, { started: 951, completed: 952, cached: true })] },
    },
    { at: 955, status: { vertexes: [vtx(D.run, runName, { started: 955 })] } },
    { at: 1190, status: { logs: [log(D.run, 1, 'hi\n', 1190)] } },
    { at: 1215, status: { vertexes: [vtx(D.run, runName, { started: 955, completed: 1215 })] } },
    ...exporting(1220),
  ];
  return { steps, end: 1275 };
}

/** Fills the omitted lists of each update. */
export function full(s: Partial<SolveStatus>): SolveStatus {
  return {
    vertexes: s.vertexes ?? [],
    statuses: s.statuses ?? [],
    logs: s.logs ?? [],
    warnings: s.warnings ?? [],
  };
}
