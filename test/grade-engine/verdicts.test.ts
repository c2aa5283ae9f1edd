/**
 * The simulator grades as a real engine does: for every exercise recorded on a real
 * Docker Engine (record.ts), the same setup and solution run on a simulated lab give the
 * same verdict, line by line — whether each line holds and the sentence it says — after
 * masking what differs between any two runs (docker's random container names, IDs).
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractExercises } from '../../src/lab/exercises.ts';
import { HeadlessLab, labOf, lessonFiles } from '../../src/node/verify.ts';
import { ADJECTIVES, SURNAMES } from '../../src/sim-engine/images/names.ts';
import { nodeNames, type Grade } from '../../src/sim-engine/index.ts';
import { recordedVerdicts, type Verdict } from './verdicts.ts';

const LESSONS = join(import.meta.dirname, '../../src/content/lessons');
const RANDOM_NAME = new RegExp(`\\b(?:${ADJECTIVES.join('|')})_(?:${SURNAMES.join('|')})\\b`, 'g');

const masked = (explain: string) =>
  explain.replace(RANDOM_NAME, '<NAME>').replace(/\b[0-9a-f]{64}\b|\b[0-9a-f]{12}\b/g, '<ID>');

const verdictOf = (g: Grade): Verdict => ({
  passed: g.passed,
  lines: g.lines.map((l) => ({ passed: l.passed, explain: masked(l.explain) })),
});
const maskedVerdict = (v: Verdict): Verdict => ({
  passed: v.passed,
  lines: v.lines.map((l) => ({ ...l, explain: masked(l.explain) })),
});

const recorded = recordedVerdicts();

describe('verdicts of a real Docker Engine', () => {
  it('are recorded for every exercise whose lab is one machine', () => {
    const recordedNames = recorded.map((r) => `${r.lesson}#${r.exercise}`);
    const wanted: string[] = [];
    for (const file of lessonFiles(LESSONS)) {
      const source = readFileSync(file, 'utf8');
      if (nodeNames(labOf(source).nodes).length !== 1) continue;
      const lesson = relative(LESSONS, file).replace(/\.mdx?$/, '');
      for (const ex of extractExercises(source)) wanted.push(`${lesson}#${ex.id}`);
    }
    expect(wanted.length).toBeGreaterThanOrEqual(8);
    expect(
      wanted.filter((n) => !recordedNames.includes(n)),
      'not recorded on a real engine: flock /tmp/dockerd.lock npx node test/grade-engine/record.ts LESSON#EXERCISE',
    ).toEqual([]);
  });

  for (const r of recorded) {
    it(`${r.lesson}#${r.exercise}: the simulator's verdicts equal ${r.engine}'s`, async () => {
      const source = readFileSync(join(LESSONS, `${r.lesson}.mdx`), 'utf8');
      const ex = extractExercises(source).find((e) => e.id === r.exercise);
      expect(ex, `the exercise ${r.exercise} is gone from ${r.lesson}`).toBeDefined();
      expect(ex!.goal, `the goal changed since it was recorded: run test/grade-engine/record.ts again`).toBe(
        r.goal,
      );
      const lab = labOf(source);
      const h = new HeadlessLab(lab);
      expect(await h.runAll([...(lab.setup ?? []), ...ex!.setup])).toBeUndefined();
      expect(verdictOf(await h.grade(ex!.goal))).toEqual(maskedVerdict(r.before));
      expect(await h.runAll(ex!.solution)).toBeUndefined();
      expect(verdictOf(await h.grade(ex!.goal))).toEqual(maskedVerdict(r.after));
    });
  }
});
