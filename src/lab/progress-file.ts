/**
 * Progress as a file: what the Progress page's Export downloads and its Import reads
 * (browsers evict storage; learners move machines). A JSON object:
 *
 * ```json
 * { "format": "dockyard-progress", "version": 1, "exportedAt": "2025-05-12T09:30:00.000Z",
 *   "exercises": [ { "lesson": "/lessons/containers/run-your-first-container/",
 *                    "exercise": "publish-nginx", "attempts": 2, "hintsShown": 1,
 *                    "solutionShown": false,
 *                    "passed": { "at": "…", "hintsShown": 1, "solutionShown": false } } ] }
 * ```
 *
 * Reading a file never throws: it gives the exercises, or one sentence saying exactly
 * what is wrong and where (`exercises[3].attempts must be a whole number …`), so a bad
 * file changes nothing.
 */
import {
  describeValue,
  progressKey,
  PROGRESS_VERSION,
  readExerciseProgress,
  type ExerciseProgress,
} from './progress.ts';

export const PROGRESS_FORMAT = 'dockyard-progress';

/** A progress file is small: even a whole course's progress is a few tens of KB. */
export const MAX_FILE_BYTES = 1024 * 1024;

const TOP_FIELDS = ['format', 'version', 'exportedAt', 'exercises'];

export interface ProgressFile {
  format: typeof PROGRESS_FORMAT;
  version: typeof PROGRESS_VERSION;
  exportedAt: string;
  exercises: ExerciseProgress[];
}

/** The file's text: the exercises sorted by lesson and id, so two exports of the same progress are equal. */
export function exportProgress(exercises: Iterable<ExerciseProgress>, now: string): string {
  const list = [...exercises].sort((a, b) =>
    a.lesson === b.lesson ? (a.exercise < b.exercise ? -1 : 1) : a.lesson < b.lesson ? -1 : 1,
  );
  const file: ProgressFile = {
    format: PROGRESS_FORMAT,
    version: PROGRESS_VERSION,
    exportedAt: now,
    exercises: list,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** `dockyard-progress-2025-05-12.json` */
export const exportFileName = (now: string): string => `${PROGRESS_FORMAT}-${now.slice(0, 10)}.json`;

export type ImportResult = { ok: true; exercises: ExerciseProgress[] } | { ok: false; message: string };

const fail = (message: string): ImportResult => ({ ok: false, message });

/** Read an exported file's text: its exercises, or what is wrong with it. Never throws. */
export function parseProgressFile(text: string): ImportResult {
  if (text.length > MAX_FILE_BYTES)
    return fail(
      `The file is too big to be a progress file (${Math.ceil(text.length / 1024)} KB; Dockyard’s are at most ${MAX_FILE_BYTES / 1024} KB).`,
    );
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return fail(
      `The file is not JSON, so it is not a progress file exported by Dockyard: ${(err as Error).message}.`,
    );
  }
  return readProgressFile(data);
}

/** Check a parsed file. */
export function readProgressFile(data: unknown): ImportResult {
  const notOurs = 'The file is not a progress file exported by Dockyard:';
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return fail(
      `${notOurs} it holds ${describeValue(data)}, not an object with "format": "${PROGRESS_FORMAT}".`,
    );
  const file = data as Record<string, unknown>;
  if (file.format !== PROGRESS_FORMAT)
    return fail(`${notOurs} its "format" is ${describeValue(file.format)}, not "${PROGRESS_FORMAT}".`);
  if (typeof file.version === 'number' && Number.isInteger(file.version) && file.version > PROGRESS_VERSION)
    return fail(
      `The file is from a newer version of Dockyard (progress version ${file.version}); this site reads version ${PROGRESS_VERSION}. Import it into a newer Dockyard.`,
    );
  if (file.version !== PROGRESS_VERSION)
    return fail(`The file's "version" must be ${PROGRESS_VERSION}, not ${describeValue(file.version)}.`);
  const extra = Object.keys(file).find((k) => !TOP_FIELDS.includes(k));
  if (extra !== undefined)
    return fail(
      `The file has a field ${JSON.stringify(extra)} a progress file cannot have (it has ${TOP_FIELDS.join(', ')}).`,
    );
  if (
    file.exportedAt !== undefined &&
    (typeof file.exportedAt !== 'string' || Number.isNaN(Date.parse(file.exportedAt)))
  )
    return fail(
      `The file's "exportedAt" must be a time like "2025-05-12T09:30:00.000Z", not ${describeValue(file.exportedAt)}.`,
    );
  if (!Array.isArray(file.exercises))
    return fail(
      `The file's "exercises" must be a list of exercises' progress, not ${describeValue(file.exercises)}.`,
    );
  const exercises: ExerciseProgress[] = [];
  const seen = new Map<string, number>();
  for (const [i, raw] of file.exercises.entries()) {
    const p = readExerciseProgress(raw, `exercises[${i}]`);
    if (typeof p === 'string') return fail(`The file cannot be imported: ${p}.`);
    const key = progressKey(p.lesson, p.exercise);
    const before = seen.get(key);
    if (before !== undefined)
      return fail(
        `The file cannot be imported: exercises[${i}] is exercise "${p.exercise}" of ${p.lesson} again (also exercises[${before}]).`,
      );
    seen.set(key, i);
    exercises.push(p);
  }
  return { ok: true, exercises };
}
