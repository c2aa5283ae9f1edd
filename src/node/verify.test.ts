/**
 * `dockersim verify` as part of the test command: every exercise of the course must
 * fail from its setup and pass after its solution. The other tests show a broken
 * exercise is caught, naming the lesson's line.
 */
import { describe, expect, it } from 'vitest';
import { formatReport, verifyCourse, verifyExercise } from './verify.ts';
import type { ExerciseSource } from '../lab/exercises.ts';

const base: ExerciseSource = {
  id: 'publish',
  title: 'Publish nginx',
  line: 10,
  setup: [],
  goal: 'containers:\n  web:\n    running: true\n    ports: ["8080:80"]\n',
  goalLine: 20,
  hints: ['-p'],
  solution: ['docker run -d --name web -p 8080:80 nginx'],
};
const lab = { images: ['nginx:latest'] };

describe('verify', () => {
  it('every exercise of the course holds', async () => {
    const reports = await verifyCourse('src/content/lessons');
    const broken = reports.filter((r) => !r.ok);
    expect(broken.length, formatReport(broken)).toBe(0);
    expect(reports.length).toBeGreaterThan(0);
  });

  it('a sound exercise passes', async () => {
    const r = await verifyExercise('l.mdx', lab, base);
    expect(r.problems).toEqual([]);
    expect(r.before!.lines.map((l) => l.explain)).toEqual(['There is no container web']);
  });

  it('catches a goal that passes before the solution, a failing solution, and a goal that never passes', async () => {
    const early = await verifyExercise('l.mdx', lab, {
      ...base,
      setup: ['docker run -d --name web -p 8080:80 nginx'],
    });
    expect(early.problems).toContain(
      'the goal already passes before the solution: it checks nothing the learner does',
    );
    const failing = await verifyExercise('l.mdx', lab, {
      ...base,
      solution: ['docker run -d --name web -p 8080 nginx:nope'],
    });
    expect(failing.problems[0]).toMatch(
      /^the <Solution>: `docker run -d --name web -p 8080 nginx:nope` failed \(exit 125\)/,
    );
    expect(failing.problems[1]).toBe('the goal fails after the solution: There is no container web');
  });

  it('names the lesson line of a goal that cannot be parsed', async () => {
    const r = await verifyExercise('l.mdx', lab, {
      ...base,
      goal: 'containers:\n  web:\n    runing: true\n',
    });
    expect(r.problems).toEqual([
      'the goal, line 22: containers.web.runing: a container has no property "runing" (did you mean "running"?): use image, state, running, ports, mounts, env, restart, exit_code, networks, labels',
    ]);
    expect(formatReport([r])).toContain('FAIL l.mdx:10 publish — Publish nginx');
  });
});
