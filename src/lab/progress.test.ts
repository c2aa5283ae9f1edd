import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  afterCheck,
  afterHint,
  afterSolution,
  emptyProgress,
  mergeProgress,
  readExerciseProgress,
  type ExerciseProgress,
} from './progress.ts';

const LESSON = '/lessons/containers/run-your-first-container/';
const T1 = '2025-05-12T09:30:00.000Z';
const T2 = '2025-05-13T10:00:00.000Z';

describe('recording an exercise', () => {
  it('counts Checks, keeps the most hints shown, and fixes the first pass with what was seen by then', () => {
    let p = emptyProgress(LESSON, 'publish-nginx');
    p = afterCheck(p, false, T1);
    p = afterHint(p, 1);
    p = afterHint(p, 2);
    p = afterHint(p, 1); // after a reload, the first hint again
    expect(p).toEqual({ ...emptyProgress(LESSON, 'publish-nginx'), attempts: 1, hintsShown: 2 });
    p = afterCheck(p, true, T2);
    expect(p.passed).toEqual({ at: T2, hintsShown: 2, solutionShown: false });
    // what is seen after the pass does not change it
    p = afterSolution(afterCheck(p, true, '2025-06-01T00:00:00.000Z'));
    expect(p).toMatchObject({ attempts: 3, solutionShown: true, passed: { at: T2, solutionShown: false } });
  });
});

describe('merging two records of an exercise', () => {
  const a: ExerciseProgress = {
    ...emptyProgress(LESSON, 'x'),
    attempts: 4,
    hintsShown: 2,
    solutionShown: true,
    passed: { at: T2, hintsShown: 2, solutionShown: true },
  };
  const b: ExerciseProgress = {
    ...emptyProgress(LESSON, 'x'),
    attempts: 1,
    hintsShown: 1,
    passed: { at: T1, hintsShown: 1, solutionShown: false },
  };

  it('keeps the larger counts and the better pass', () => {
    expect(mergeProgress(a, b)).toEqual({
      ...a,
      passed: { at: T1, hintsShown: 1, solutionShown: false },
    });
    expect(mergeProgress(b, emptyProgress(LESSON, 'x'))).toEqual(b);
  });

  const record = fc
    .record({
      attempts: fc.nat(20),
      hintsShown: fc.nat(4),
      solutionShown: fc.boolean(),
      pass: fc.option(fc.record({ day: fc.integer({ min: 1, max: 28 }), h: fc.nat(4), s: fc.boolean() })),
    })
    .map(({ attempts, hintsShown, solutionShown, pass }): ExerciseProgress => ({
      lesson: LESSON,
      exercise: 'x',
      attempts: Math.max(attempts, pass ? 1 : 0),
      hintsShown: Math.max(hintsShown, pass?.h ?? 0),
      solutionShown: solutionShown || (pass?.s ?? false),
      passed: pass
        ? {
            at: `2025-05-${String(pass.day).padStart(2, '0')}T00:00:00.000Z`,
            hintsShown: pass.h,
            solutionShown: pass.s,
          }
        : null,
    }));

  it('is commutative and idempotent, and gives a valid record', () => {
    fc.assert(
      fc.property(record, record, (x, y) => {
        const m = mergeProgress(x, y);
        expect(mergeProgress(y, x)).toEqual(m);
        expect(mergeProgress(m, m)).toEqual(m);
        expect(mergeProgress(m, x)).toEqual(m);
        expect(readExerciseProgress(m, 'm')).toEqual(m);
      }),
    );
  });
});

describe('readExerciseProgress', () => {
  const good = {
    lesson: LESSON,
    exercise: 'publish-nginx',
    attempts: 2,
    hintsShown: 1,
    solutionShown: false,
    passed: { at: T1, hintsShown: 1, solutionShown: false },
  };

  it('takes a sound record as it is', () => {
    expect(readExerciseProgress(good, 'e')).toEqual(good);
    expect(readExerciseProgress({ ...good, passed: null }, 'e')).toEqual({ ...good, passed: null });
  });

  it.each([
    [[], "e must be an object (one exercise's progress), not a list"],
    [
      { ...good, score: 10 },
      'e has a field "score" it cannot have (it has lesson, exercise, attempts, hintsShown, solutionShown, passed)',
    ],
    [
      { ...good, lesson: 'containers' },
      `e.lesson must be a lesson's path like "/lessons/containers/run-your-first-container/", not "containers"`,
    ],
    [
      { ...good, exercise: 'Publish It' },
      'e.exercise must be an exercise id (lower-case letters, digits and dashes), not "Publish It"',
    ],
    [{ ...good, attempts: -1 }, 'e.attempts must be a whole number from 0 to 1,000,000, not -1'],
    [{ ...good, hintsShown: 1.5 }, 'e.hintsShown must be a whole number from 0 to 1,000,000, not 1.5'],
    [{ ...good, solutionShown: 'no' }, 'e.solutionShown must be true or false, not "no"'],
    [
      { ...good, passed: true },
      'e.passed must be null (not passed yet) or an object with at, hintsShown and solutionShown, not true',
    ],
    [
      { ...good, passed: { ...good.passed, at: 'yesterday' } },
      'e.passed.at must be a time like "2025-05-12T09:30:00.000Z", not "yesterday"',
    ],
    [
      { ...good, passed: { ...good.passed, points: 3 } },
      'e.passed has a field "points" it cannot have (it has at, hintsShown and solutionShown)',
    ],
    [{ ...good, attempts: 0 }, 'e has passed but attempts is 0: a pass takes a Check'],
    [{ ...good, hintsShown: 0 }, 'e.passed.hintsShown (1) is more than e.hintsShown (0)'],
    [
      { ...good, passed: { ...good.passed, solutionShown: true } },
      'e.passed.solutionShown is true but e.solutionShown is false',
    ],
  ])('says what is wrong: %j', (raw, message) => {
    expect(readExerciseProgress(raw, 'e')).toBe(message);
  });
});
