/**
 * A whole lesson with your own docker CLI (issue #7, "Done when"): for every exercise of
 * the course, `dockersim serve --lesson LESSON#EXERCISE` sets up the lab a lesson page
 * would show, the exercise's <Solution> is typed into bash with the real docker CLI 28
 * against it, and `dockersim grade` reads the verdict over the socket — the goal must
 * fail before the solution and pass after it, as `dockersim verify` requires in process.
 *
 * The lessons name other nodes' daemons as the lab page reaches them, `-H
 * tcp://worker1:2375` (and `@node2` for a line on node2): on this machine they are
 * serve's sockets, and the line is given the socket instead, as the serve banner tells a
 * user to. `http` goals need the lab's published ports on the machine's loopback: those
 * exercises run one at a time, and are skipped, saying so, when the port is taken.
 *
 * Without a docker 28 CLI on PATH every case is skipped and says why.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractExercises } from '../../src/lab/exercises.ts';
import { COURSE, gradeOnEngines } from '../../src/node/grade.ts';
import { lessonLab } from '../../src/node/serve/lesson.ts';
import { startServe } from '../../src/node/serve/serve.ts';
import { lessonFiles } from '../../src/node/verify.ts';
import { findDocker, multiNodeLine, realTranscript } from './both-sides.ts';

const docker = findDocker();

interface Case {
  lesson: string;
  exercise: string;
  /** the ports its `http` goals reach on localhost */
  ports: number[];
}

const cases: Case[] = [];
for (const file of lessonFiles(COURSE)) {
  const lesson = relative(COURSE, file).replace(/\.mdx?$/, '');
  for (const ex of extractExercises(readFileSync(file, 'utf8'))) {
    const ports = [...ex.goal.matchAll(/localhost:(\d+)/g)].map((m) => Number(m[1]));
    cases.push({ lesson, exercise: ex.id, ports: [...new Set(ports)] });
  }
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

/** `-H tcp://worker1:2375` and `@worker1 …` of a lesson line, pointed at serve's sockets. */
function servedLine(line: string, hosts: ReadonlyMap<string, string>): string {
  const out = line.replace(/\btcp:\/\/([A-Za-z0-9-]+):2375\b/g, (m, node: string) => hosts.get(node) ?? m);
  return multiNodeLine(out, hosts);
}

async function solveThroughServe(c: Case): Promise<{ before: boolean; after: boolean; transcript: string }> {
  const work = mkdtempSync(join(tmpdir(), 'dockersim-lesson-'));
  const lab = lessonLab(`${c.lesson}#${c.exercise}`);
  const served = await startServe({
    listen: { kind: 'socket', path: join(work, 'd.sock') },
    lesson: `${c.lesson}#${c.exercise}`,
    share: work,
    ports: c.ports.length > 0,
    seed: 'dockyard',
  });
  try {
    const engines = served.endpoints.map((e) => e.dockerHost);
    const grade = async () =>
      (await gradeOnEngines({ engines, lessons: COURSE, lesson: c.lesson, exercise: c.exercise, json: true }))
        .grade;
    const before = await grade();
    const hosts = new Map(served.endpoints.map((e) => [e.node, e.dockerHost]));
    const transcript = await realTranscript(lab.exercise!.solution, work, engines[0]!, (line) =>
      servedLine(line, hosts),
    );
    await served.refreshPorts();
    const after = await grade();
    return {
      before: before.passed,
      after: after.passed,
      transcript: transcript + after.lines.map((l) => `${l.passed ? '✓' : '✗'} ${l.explain}`).join('\n'),
    };
  } finally {
    await served.close();
    rmSync(work, { recursive: true, force: true });
  }
}

describe('every exercise, solved with the real docker CLI against dockersim serve --lesson', () => {
  if ('missing' in docker) {
    it.skip(`skipped: ${docker.missing}`, () => {});
    return;
  }
  describe.concurrent('without published ports', () => {
    for (const c of cases.filter((c) => c.ports.length === 0))
      it(`${c.lesson}#${c.exercise}`, { timeout: 180_000 }, async () => {
        const r = await solveThroughServe(c);
        expect(r.before, 'the goal holds before the solution').toBe(false);
        expect(r.after, r.transcript).toBe(true);
      });
  });
  describe('with published ports on the machine, one at a time', () => {
    for (const c of cases.filter((c) => c.ports.length > 0))
      it(`${c.lesson}#${c.exercise}`, { timeout: 180_000 }, async (ctx) => {
        for (const port of c.ports)
          if (!(await portFree(port))) ctx.skip(`port ${port} of this machine is taken`);
        const r = await solveThroughServe(c);
        expect(r.before, 'the goal holds before the solution').toBe(false);
        expect(r.after, r.transcript).toBe(true);
      });
  });
});
