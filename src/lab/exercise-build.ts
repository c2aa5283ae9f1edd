/**
 * At build time, the Exercise component's check of its lesson: the exercise is read
 * from the lesson's file (exercises.ts) and its goal parsed, so a goal that cannot be
 * parsed fails `npm run build` naming the lesson and the line of the file.
 */
import { readFileSync } from 'node:fs';
import { GoalError, parseGoal } from '../sim-engine/index.ts';
import { extractExercises, ExerciseSourceError, type ExerciseSource } from './exercises.ts';

export function exerciseOfLesson(file: string, id: string): ExerciseSource {
  const source = readFileSync(file, 'utf8');
  let exercises: ExerciseSource[];
  try {
    exercises = extractExercises(source);
  } catch (err) {
    if (err instanceof ExerciseSourceError) throw new Error(`${file}, ${err.message}`, { cause: err });
    throw err;
  }
  const ex = exercises.find((e) => e.id === id);
  if (!ex)
    throw new Error(
      `${file}: no <Exercise id="${id}"> block found in the file (is the id written as id="…"?)`,
    );
  try {
    parseGoal(ex.goal);
  } catch (err) {
    if (!(err instanceof GoalError)) throw err;
    const where = `${file}, line ${ex.goalLine + err.line - 1}`;
    throw new Error(
      `${where}: the goal of exercise "${id}": ${err.path ? `${err.path}: ` : ''}${err.reason}`,
      {
        cause: err,
      },
    );
  }
  return ex;
}
