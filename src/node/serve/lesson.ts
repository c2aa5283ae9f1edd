/**
 * `dockersim serve --lesson LESSON[#EXERCISE]`: the lab a lesson page starts with, served
 * for the user's own docker CLI — the lesson's nodes (named as the page names them),
 * its images already on every node, its starter files, its `lab.setup` run, and with
 * `#EXERCISE` that exercise's <Setup> too. Then `dockersim grade` checks the exercise
 * on it, as Check does on the page.
 *
 * The setup runs before the clock starts following wall time, on virtual time that jumps
 * (as `dockersim verify` runs it), so a `docker service create` in it converges at once.
 * The starter files are put, as on the page, in /root of every node, where the setup's
 * commands run; then the lab folder as the setup left it (an exercise's setup may write
 * its own stack.yml) goes where the user's CLI reads it: the folder bind mounts share,
 * the current one by default.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { ExerciseSource } from '../../lab/exercises.ts';
import { nodeNames, type Engine } from '../../sim-engine/index.ts';
import { findExercise, findLesson, GradeUsageError, COURSE } from '../grade.ts';
import { HeadlessLab, labOf } from '../verify.ts';
import { settle } from './clock.ts';

export interface LessonLab {
  /** `containers/run-your-first-container` */
  lesson: string;
  exercise?: ExerciseSource;
  nodes: string[];
  images: string[];
  files: Record<string, string>;
  setup: string[];
}

/** The lesson's lab from `LESSON[#EXERCISE]`; a precise UsageError-like message when it cannot. */
export function lessonLab(target: string, lessons: string = COURSE): LessonLab {
  const hash = target.indexOf('#');
  const name = hash < 0 ? target : target.slice(0, hash);
  const file = findLesson(name, lessons);
  const source = readFileSync(file, 'utf8');
  const rel = relative(lessons, file);
  const lesson = rel.startsWith('..') ? name : rel.replace(/\.mdx?$/, '');
  let lab;
  try {
    lab = labOf(source);
  } catch (err) {
    throw new GradeUsageError(`${lesson}: its lab: ${err instanceof Error ? err.message : String(err)}`);
  }
  const exercise = hash < 0 ? undefined : findExercise(source, lesson, target.slice(hash + 1));
  return {
    lesson,
    exercise,
    nodes: nodeNames(lab.nodes),
    images: [...(lab.images ?? [])],
    files: { ...(lab.files ?? {}) },
    setup: [...(lab.setup ?? []), ...(exercise?.setup ?? [])],
  };
}

/**
 * The lab folder as the setup left it: the files under /root of the first node, where
 * the setup's commands ran (a starter file, or one an exercise's setup wrote). Dotfiles
 * (a shell's history, ~/.docker) are the node's own, not the lesson's.
 */
export function labFolder(engine: Engine): Record<string, string> {
  const fs = engine.hosts[0]!.fs;
  const out: Record<string, string> = {};
  const walk = (dir: string, rel: string) => {
    for (const name of fs.readdir(dir).sort()) {
      if (name.startsWith('.')) continue;
      const path = `${dir}/${name}`;
      const kind = fs.lstat(path)?.kind;
      if (kind === 'dir') walk(path, `${rel}${name}/`);
      else if (kind === 'file') out[`${rel}${name}`] = fs.readFile(path);
    }
  };
  walk('/root', '');
  return out;
}

/**
 * Put the lab folder's files in `folder`, where the user's CLI reads them. A file there
 * already is never overwritten: when it differs from the lesson's, that is said.
 */
export function writeLabFolder(files: Record<string, string>, folder: string): string[] {
  const said: string[] = [];
  for (const [path, text] of Object.entries(files)) {
    const to = resolve(folder, path);
    if (existsSync(to)) {
      if (readFileSync(to, 'utf8') !== text)
        said.push(
          `kept ${join(folder, path)}: it is not the lesson's (remove it to start from the lesson's)`,
        );
      continue;
    }
    mkdirSync(dirname(to), { recursive: true });
    writeFileSync(to, text);
    said.push(`wrote ${join(folder, path)}`);
  }
  return said;
}

/**
 * How far before the machine's now a lesson's lab starts: its setup runs on virtual time
 * that jumps, from then, and the lab is brought up to the machine's now after it, so
 * that the clock the CLI reads ("Up 5 seconds") and the lab's agree. What the setup made
 * was made "About a minute ago". A setup that takes longer leaves the lab that much ahead.
 */
export const SETUP_LEAD_MS = 60_000;

/** Fire the lab's timers up to `to` (the machine's now), letting the engine settle between. */
export async function catchUp(engine: Engine, to: number): Promise<void> {
  const clock = engine.clock;
  while (clock.now() < to) {
    const next = clock.nextDue();
    clock.advanceTo(next !== undefined && next < to ? next : to);
    await settle();
  }
}

/** Run the lesson's setup on the lab; a command that fails stops it, named with its output. */
export async function runSetup(engine: Engine, setup: readonly string[]): Promise<void> {
  const failed = await new HeadlessLab({}, engine).runAll(setup);
  if (failed)
    throw new GradeUsageError(
      `the lesson's setup failed: \`${failed.command}\` (exit ${failed.status}): ${failed.output.trim()}`,
    );
}
