/**
 * At build time, the course's exercises as the progress views need them: modules in
 * course order, their lessons in `order`, each lesson's exercises with their points and
 * number of hints (read from the lesson's file, lab/exercises.ts, as the Exercise
 * component and `dockersim verify` read them). The Progress page, the course home and a
 * challenge's score box put this in their HTML; the browser adds the learner's progress.
 */
import { readFileSync } from 'node:fs';
import { MODULES } from '../content/modules.ts';
import { extractExercises, ExerciseSourceError } from './exercises.ts';
import { DEFAULT_POINTS } from './progress-score.ts';

export interface PlannedExercise {
  id: string;
  title: string;
  /** in a challenge, what it is worth */
  points: number;
  hints: number;
}

export interface PlannedLesson {
  /** the lesson's path on the site, as progress records name it: `/lessons/containers/x/` */
  path: string;
  title: string;
  kind: 'lesson' | 'challenge';
  exercises: PlannedExercise[];
}

export interface PlannedModule {
  id: string;
  title: string;
  lessons: PlannedLesson[];
}

/** What the plan needs of a `lessons` collection entry. */
export interface LessonEntry {
  id: string;
  filePath?: string | undefined;
  data: { title: string; module: string; order: number; kind: 'lesson' | 'challenge' };
}

/** A lesson's exercises: `path` is the lesson's path on the site, `file` its source. */
export function lessonPlan(
  path: string,
  file: string | undefined,
  title: string,
  kind: 'lesson' | 'challenge',
): PlannedLesson {
  if (!file) throw new Error(`lesson ${path}: no source file to read its exercises from`);
  let exercises;
  try {
    exercises = extractExercises(readFileSync(file, 'utf8'));
  } catch (err) {
    if (err instanceof ExerciseSourceError) throw new Error(`${file}, ${err.message}`, { cause: err });
    throw err;
  }
  return {
    path,
    title,
    kind,
    exercises: exercises.map((e) => ({
      id: e.id,
      title: e.title,
      points: e.points ?? DEFAULT_POINTS,
      hints: e.hints.length,
    })),
  };
}

export function coursePlan(entries: readonly LessonEntry[]): PlannedModule[] {
  return MODULES.map((m) => ({
    id: m.id,
    title: m.title,
    lessons: entries
      .filter((e) => e.data.module === m.id)
      .sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id))
      .map((e) => lessonPlan(`/lessons/${e.id}/`, e.filePath, e.data.title, e.data.kind)),
  }));
}
