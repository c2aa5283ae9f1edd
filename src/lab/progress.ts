/**
 * A learner's progress: what happened to each exercise of the course, as facts the
 * exercise element records while it is used (progress-store.ts keeps them in the
 * browser; progress-file.ts exports and imports them; progress-score.ts turns them
 * into a challenge's points).
 *
 * An exercise is named by its lesson's path and its id, since both are what the
 * author wrote and what the page knows. Only facts are kept — Checks pressed, hints
 * and the solution seen, the first pass and what had been seen by then — never a
 * score: a score is computed from them and the lesson's own points, so a record cannot
 * claim more than the lesson gives.
 *
 * The same check reads a record from the browser's storage and an entry of an
 * imported file, so both are held to one shape; every problem is a sentence naming
 * the field.
 */

/** The version of the progress records and files: bump it when their shape changes. */
export const PROGRESS_VERSION = 1;

/** The first pass of an exercise, and what the learner had seen of its help by then. */
export interface Pass {
  /** when, as an ISO 8601 time in UTC (`2025-05-12T09:30:00.000Z`) */
  at: string;
  /** hints shown before the pass */
  hintsShown: number;
  /** the solution was shown before the pass */
  solutionShown: boolean;
}

export interface ExerciseProgress {
  /** the lesson's path on the site: `/lessons/containers/run-your-first-container/` */
  lesson: string;
  /** the exercise's id in the lesson: `publish-nginx` */
  exercise: string;
  /** how many times Check was pressed */
  attempts: number;
  /** the most hints shown at once (a reload hides them again; seeing them again costs nothing) */
  hintsShown: number;
  solutionShown: boolean;
  /** the first pass, or null while it has not passed */
  passed: Pass | null;
}

export type ProgressKey = `${string}#${string}`;

export const progressKey = (lesson: string, exercise: string): ProgressKey => `${lesson}#${exercise}`;

export function emptyProgress(lesson: string, exercise: string): ExerciseProgress {
  return { lesson, exercise, attempts: 0, hintsShown: 0, solutionShown: false, passed: null };
}

/** A Check was pressed; `passed` is its outcome, `now` the time (ISO). The first pass is kept. */
export function afterCheck(p: ExerciseProgress, passed: boolean, now: string): ExerciseProgress {
  return {
    ...p,
    attempts: p.attempts + 1,
    passed:
      p.passed ?? (passed ? { at: now, hintsShown: p.hintsShown, solutionShown: p.solutionShown } : null),
  };
}

/** `shown` hints are on screen now. */
export function afterHint(p: ExerciseProgress, shown: number): ExerciseProgress {
  return { ...p, hintsShown: Math.max(p.hintsShown, shown) };
}

export function afterSolution(p: ExerciseProgress): ExerciseProgress {
  return { ...p, solutionShown: true };
}

/** The pass that counts more: without the solution, then with fewer hints, then the earlier. */
function betterPass(a: Pass | null, b: Pass | null): Pass | null {
  if (!a || !b) return a ?? b;
  if (a.solutionShown !== b.solutionShown) return a.solutionShown ? b : a;
  if (a.hintsShown !== b.hintsShown) return a.hintsShown < b.hintsShown ? a : b;
  return a.at <= b.at ? a : b;
}

/**
 * Two records of one exercise as one (an import into a browser with progress): the
 * larger counts and the better pass. Merging is commutative and merging a record
 * into itself changes nothing, so importing the same file twice is harmless.
 */
export function mergeProgress(a: ExerciseProgress, b: ExerciseProgress): ExerciseProgress {
  return {
    lesson: a.lesson,
    exercise: a.exercise,
    attempts: Math.max(a.attempts, b.attempts),
    hintsShown: Math.max(a.hintsShown, b.hintsShown),
    solutionShown: a.solutionShown || b.solutionShown,
    passed: betterPass(a.passed, b.passed),
  };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** What a value is, for a message: `-1`, `"ten"`, `a list`, `nothing`. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  return String(v);
}

/** Lesson paths as the site makes them: `/lessons/<module>/<lesson>/`. */
const LESSON_PATH = /^\/(?:[a-z0-9][a-z0-9._-]*\/){1,8}$/;
/** Exercise ids as the Exercise component takes them. */
const EXERCISE_ID = /^[a-z0-9][a-z0-9-]*$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;
/** More than anyone presses Check; a bigger number is a damaged record, not a keen learner. */
const MAX_COUNT = 1_000_000;

const FIELDS = ['lesson', 'exercise', 'attempts', 'hintsShown', 'solutionShown', 'passed'];
const PASS_FIELDS = ['at', 'hintsShown', 'solutionShown'];

function count(v: unknown, where: string): string | undefined {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_COUNT) return undefined;
  return `${where} must be a whole number from 0 to ${MAX_COUNT.toLocaleString('en')}, not ${describeValue(v)}`;
}

function flag(v: unknown, where: string): string | undefined {
  return typeof v === 'boolean' ? undefined : `${where} must be true or false, not ${describeValue(v)}`;
}

function readPass(v: unknown, where: string): Pass | null | string {
  if (v === null) return null;
  if (!isObject(v))
    return `${where} must be null (not passed yet) or an object with at, hintsShown and solutionShown, not ${describeValue(v)}`;
  const extra = Object.keys(v).find((k) => !PASS_FIELDS.includes(k));
  if (extra !== undefined)
    return `${where} has a field ${JSON.stringify(extra)} it cannot have (it has at, hintsShown and solutionShown)`;
  if (typeof v.at !== 'string' || !ISO_TIME.test(v.at) || Number.isNaN(Date.parse(v.at)))
    return `${where}.at must be a time like "2025-05-12T09:30:00.000Z", not ${describeValue(v.at)}`;
  const problem =
    count(v.hintsShown, `${where}.hintsShown`) ?? flag(v.solutionShown, `${where}.solutionShown`);
  if (problem) return problem;
  return { at: v.at, hintsShown: v.hintsShown as number, solutionShown: v.solutionShown as boolean };
}

/**
 * Check one exercise's record (`where` names it in messages: `exercises[2]`): the
 * record, or a sentence saying what is wrong with it. Never throws.
 */
export function readExerciseProgress(v: unknown, where: string): ExerciseProgress | string {
  if (!isObject(v)) return `${where} must be an object (one exercise's progress), not ${describeValue(v)}`;
  const extra = Object.keys(v).find((k) => !FIELDS.includes(k));
  if (extra !== undefined)
    return `${where} has a field ${JSON.stringify(extra)} it cannot have (it has ${FIELDS.join(', ')})`;
  if (typeof v.lesson !== 'string' || v.lesson.length > 200 || !LESSON_PATH.test(v.lesson))
    return `${where}.lesson must be a lesson's path like "/lessons/containers/run-your-first-container/", not ${describeValue(v.lesson)}`;
  if (typeof v.exercise !== 'string' || v.exercise.length > 100 || !EXERCISE_ID.test(v.exercise))
    return `${where}.exercise must be an exercise id (lower-case letters, digits and dashes), not ${describeValue(v.exercise)}`;
  const problem =
    count(v.attempts, `${where}.attempts`) ??
    count(v.hintsShown, `${where}.hintsShown`) ??
    flag(v.solutionShown, `${where}.solutionShown`);
  if (problem) return problem;
  const passed = readPass(v.passed, `${where}.passed`);
  if (typeof passed === 'string') return passed;
  const p: ExerciseProgress = {
    lesson: v.lesson,
    exercise: v.exercise,
    attempts: v.attempts as number,
    hintsShown: v.hintsShown as number,
    solutionShown: v.solutionShown as boolean,
    passed,
  };
  // what a pass saw was seen: the record cannot say less afterwards
  if (passed && p.attempts === 0) return `${where} has passed but attempts is 0: a pass takes a Check`;
  if (passed && passed.hintsShown > p.hintsShown)
    return `${where}.passed.hintsShown (${passed.hintsShown}) is more than ${where}.hintsShown (${p.hintsShown})`;
  if (passed?.solutionShown && !p.solutionShown)
    return `${where}.passed.solutionShown is true but ${where}.solutionShown is false`;
  return p;
}
