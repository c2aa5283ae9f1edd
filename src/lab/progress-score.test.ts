import { describe, expect, it } from 'vitest';
import { challengeScore, earned, worth, worthNow } from './progress-score.ts';
import { afterCheck, afterHint, afterSolution, emptyProgress } from './progress.ts';

const T = '2025-05-12T09:30:00.000Z';
const start = emptyProgress('/lessons/containers/containers-challenge/', 'x');

describe('a challenge exercise’s points', () => {
  it('each hint shown costs an equal share, leaving a share when every hint is seen', () => {
    const twoHints = { points: 10, hints: 2 };
    expect([0, 1, 2, 3].map((h) => worth(twoHints, h, false))).toEqual([10, 7, 3, 3]);
    expect([0, 1].map((h) => worth({ points: 10, hints: 1 }, h, false))).toEqual([10, 5]);
    expect([0, 1, 2, 3].map((h) => worth({ points: 20, hints: 3 }, h, false))).toEqual([20, 15, 10, 5]);
  });

  it('the solution makes it worth nothing', () => {
    expect(worth({ points: 10, hints: 2 }, 0, true)).toBe(0);
  });

  it('is earned at the first pass; what is seen after it costs nothing', () => {
    const ex = { points: 10, hints: 2 };
    let p = afterHint(afterCheck(start, false, T), 1);
    expect(earned(ex, p)).toBe(0);
    expect(worthNow(ex, p)).toBe(7);
    p = afterCheck(p, true, T);
    expect(earned(ex, p)).toBe(7);
    p = afterSolution(afterHint(p, 2));
    expect(earned(ex, p)).toBe(7);
    expect(worthNow(ex, p)).toBe(7);
    expect(earned(ex, afterCheck(afterSolution(start), true, T))).toBe(0);
  });

  it('a challenge adds up its exercises: score so far and the maximum', () => {
    const exercises = [
      { points: 10, hints: 2 },
      { points: 10, hints: 1 },
      { points: 15, hints: 2 },
    ];
    const progress = [afterCheck(afterHint(start, 1), true, T), afterCheck(start, false, T), undefined];
    expect(challengeScore(exercises, (i) => progress[i])).toEqual({
      score: 7,
      max: 35,
      passed: 1,
      exercises: 3,
    });
  });
});
