/**
 * A challenge's score (a lesson with `kind: challenge`). Each exercise is worth its
 * points (the `points` of its <Exercise>, 10 unless the author says otherwise) and the
 * learner earns them when it first passes:
 *
 * - every hint shown before that costs an equal share: an exercise with N hints is
 *   worth points × (1 − shown / (N + 1)), rounded to the nearest whole point — so even
 *   with every hint seen, passing earns something;
 * - the solution shown before the pass makes it worth 0;
 * - what is seen after the pass costs nothing: the first pass fixes the points.
 *
 * The README's section for authors says the same.
 */
import type { ExerciseProgress } from './progress.ts';

/** An exercise's points when its <Exercise> gives none. */
export const DEFAULT_POINTS = 10;

/** What scoring needs to know of an exercise: its points and how many hints it has. */
export interface ScoredExercise {
  points: number;
  hints: number;
}

/** The points an exercise is worth with `hintsShown` hints and maybe the solution seen. */
export function worth(ex: ScoredExercise, hintsShown: number, solutionShown: boolean): number {
  if (solutionShown) return 0;
  const shown = Math.min(Math.max(hintsShown, 0), ex.hints);
  return Math.round((ex.points * (ex.hints + 1 - shown)) / (ex.hints + 1));
}

/** The points earned: those of the first pass, 0 before it. */
export function earned(ex: ScoredExercise, p: ExerciseProgress | undefined): number {
  return p?.passed ? worth(ex, p.passed.hintsShown, p.passed.solutionShown) : 0;
}

/** What passing would earn now (or what the pass earned). */
export function worthNow(ex: ScoredExercise, p: ExerciseProgress | undefined): number {
  if (p?.passed) return earned(ex, p);
  return worth(ex, p?.hintsShown ?? 0, p?.solutionShown ?? false);
}

export interface ChallengeScore {
  score: number;
  max: number;
  passed: number;
  exercises: number;
}

/** A challenge's score so far: its exercises, and each one's progress (undefined: not started). */
export function challengeScore(
  exercises: readonly ScoredExercise[],
  progressOf: (i: number) => ExerciseProgress | undefined,
): ChallengeScore {
  let score = 0;
  let max = 0;
  let passed = 0;
  exercises.forEach((ex, i) => {
    const p = progressOf(i);
    score += earned(ex, p);
    max += ex.points;
    if (p?.passed) passed++;
  });
  return { score, max, passed, exercises: exercises.length };
}

/** "1 point", "7 points" */
export const pointsText = (n: number): string => `${n} point${n === 1 ? '' : 's'}`;
