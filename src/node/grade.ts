/**
 * `dockersim grade --engine URL LESSON#EXERCISE`: an exercise's goal graded on any
 * Engine API endpoint — `dockersim serve`, or a real Docker Engine. The grader reads
 * only through the Engine API (grader/README.md), so here it is handed clients that
 * speak HTTP to the daemons at the given addresses (engine/wire-transport.ts) in place of
 * the lab's in-process ones; nothing else changes, and the verdict's lines are the
 * ones Check shows on the page.
 *
 * The lesson's lab names its nodes (node1…, or manager1, worker1…); the engines given
 * stand for them in that order, so `--engine` once grades the first node, which is
 * where goals are read unless they say `node:`. `http` goals are sent with curl from
 * this machine: a daemon on a socket or on loopback publishes its ports here
 * (`dockersim serve` forwards its first node's); for a daemon on another host,
 * `localhost` in the URL means that host.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractExercises, ExerciseSourceError, type ExerciseSource } from '../lab/exercises.ts';
import {
  ApiClient,
  nodeNames,
  curlProbe,
  grade,
  GoalError,
  parseGoal,
  snapshot,
  type Grade,
  type LabReach,
} from '../sim-engine/index.ts';
import {
  EngineUrlError,
  parseEngineUrl,
  wireTransport,
  type EngineAddress,
} from './engine/wire-transport.ts';
import { labOf, lessonFiles } from './verify.ts';

export const GRADE_USAGE = `grade [--engine URL]... [--lessons DIR] [--json] LESSON#EXERCISE
                 Grade an exercise's goal on a Docker Engine: a real one, or
                 \`dockersim serve\`. URL is a DOCKER_HOST (unix:///path or
                 tcp://HOST:PORT; default $DOCKER_HOST, else unix:///var/run/docker.sock).
                 Give --engine once per node of the lesson's lab, in its order.
                 LESSON is a lesson's path under DIR (default: the course's lessons),
                 like containers/run-your-first-container, or an .mdx file.
                 Exits 0 when the goal holds, 1 when it does not, 2 when it cannot grade.
`;

/** The course's lessons, beside this file in the package. */
export const COURSE = fileURLToPath(new URL('../content/lessons', import.meta.url));

export class GradeUsageError extends Error {}

export interface GradeOptions {
  engines: string[];
  lessons: string;
  lesson: string;
  exercise?: string;
  json: boolean;
}

export function parseGradeArgs(args: readonly string[], env: NodeJS.ProcessEnv = process.env): GradeOptions {
  const engines: string[] = [];
  let lessons = COURSE;
  let json = false;
  let target: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (name: string, inline?: string) => {
      if (inline !== undefined) return inline;
      const v = args[++i];
      if (v === undefined) throw new GradeUsageError(`flag needs an argument: ${name}`);
      return v;
    };
    const eq = /^(--[a-z-]+)=(.*)$/s.exec(a);
    const flag = eq ? eq[1]! : a;
    if (flag === '--engine') engines.push(value(flag, eq?.[2]));
    else if (flag === '--lessons') lessons = value(flag, eq?.[2]);
    else if (a === '--json') json = true;
    else if (a.startsWith('-')) throw new GradeUsageError(`unknown flag: ${a}`);
    else if (target !== undefined)
      throw new GradeUsageError(`grade takes one LESSON#EXERCISE, not also ${a}`);
    else target = a;
  }
  if (target === undefined) throw new GradeUsageError('grade needs a LESSON#EXERCISE');
  if (engines.length === 0) engines.push(env['DOCKER_HOST'] || 'unix:///var/run/docker.sock');
  const hash = target.indexOf('#');
  return {
    engines,
    lessons,
    json,
    lesson: hash < 0 ? target : target.slice(0, hash),
    exercise: hash < 0 ? undefined : target.slice(hash + 1),
  };
}

/** The lesson file: an .mdx path as given, or a lesson's path under the lessons folder. */
export function findLesson(lesson: string, lessons: string): string {
  const asFile = resolve(lesson);
  if (/\.mdx?$/.test(lesson) && existsSync(asFile) && statSync(asFile).isFile()) return asFile;
  const slug = lesson.replace(/\.mdx?$/, '').replace(/^\/+|\/+$/g, '');
  for (const ext of ['.mdx', '.md']) {
    const p = join(lessons, slug + ext);
    if (existsSync(p)) return p;
  }
  const known = existsSync(lessons)
    ? lessonFiles(lessons).map((f) => relative(lessons, f).replace(/\.mdx?$/, ''))
    : [];
  throw new GradeUsageError(
    `no lesson ${lesson} in ${lessons}${known.length ? `; the lessons are: ${known.join(', ')}` : ''}`,
  );
}

export function findExercise(source: string, lesson: string, id: string | undefined): ExerciseSource {
  let exercises: ExerciseSource[];
  try {
    exercises = extractExercises(source);
  } catch (err) {
    if (err instanceof ExerciseSourceError) throw new GradeUsageError(`${lesson}: ${err.message}`);
    throw err;
  }
  const ids = exercises.map((e) => e.id).join(', ');
  if (exercises.length === 0) throw new GradeUsageError(`${lesson} has no exercises`);
  if (id === undefined)
    throw new GradeUsageError(
      `say which exercise of ${lesson}, as ${lesson}#${exercises[0]!.id} (it has ${ids})`,
    );
  const found = exercises.find((e) => e.id === id);
  if (!found) throw new GradeUsageError(`${lesson} has no exercise ${id}; it has ${ids}`);
  return found;
}

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|::1)$/;

/** The URL as sent from this machine to reach what `localhost` means on the engine's host. */
export function urlFromHere(url: string, engine: EngineAddress): string {
  if (engine.kind === 'socket' || LOOPBACK.test(engine.host)) return url;
  const host = engine.host.includes(':') ? `[${engine.host}]` : engine.host;
  return url.replace(/^((?:https?:\/\/)?)(localhost|127\.0\.0\.1)(?=[:/]|$)/, `$1${host}`);
}

/** The grader's reach: a wire client per node given an engine; curl from here for `http`. */
export function engineReachOf(nodes: readonly string[], engines: readonly string[]): LabReach {
  const addresses = engines.map((e) => parseEngineUrl(e));
  const indexOf = (node: string) => nodes.indexOf(node);
  const probe = curlProbe(
    (_node, line) =>
      new Promise((done) => {
        execFile('sh', ['-c', line], { timeout: 30_000 }, (err, stdout, stderr) => {
          const code = err ? (typeof err.code === 'number' ? err.code : 127) : 0;
          done({ status: code, stdout, stderr });
        });
      }),
  );
  return {
    nodes,
    client(node) {
      const i = indexOf(node);
      const address = addresses[i];
      if (!address)
        return new ApiClient(undefined, `(no --engine given for ${node}, node ${i + 1} of the lab)`);
      return new ApiClient(wireTransport(address), engines[i]!);
    },
    async http(node, url) {
      const address = addresses[indexOf(node)];
      if (!address) return { error: `no --engine given for ${node}, so no host to send it from` };
      return probe(node, urlFromHere(url, address));
    },
  };
}

export interface GradeReport {
  lesson: string;
  exercise: string;
  title: string;
  engines: Record<string, string>;
  grade: Grade;
}

export async function gradeOnEngines(options: GradeOptions): Promise<GradeReport> {
  const file = findLesson(options.lesson, options.lessons);
  const source = readFileSync(file, 'utf8');
  const lesson = relative(options.lessons, file).startsWith('..')
    ? options.lesson
    : relative(options.lessons, file).replace(/\.mdx?$/, '');
  const exercise = findExercise(source, lesson, options.exercise);
  let nodes: string[];
  try {
    nodes = nodeNames(labOf(source).nodes);
  } catch (err) {
    throw new GradeUsageError(`${lesson}: its lab: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (options.engines.length > nodes.length)
    throw new GradeUsageError(
      `${lesson}'s lab has ${nodes.length} node${nodes.length === 1 ? '' : 's'} (${nodes.join(', ')}); ${options.engines.length} engines were given`,
    );
  let goal;
  try {
    goal = parseGoal(exercise.goal);
  } catch (err) {
    if (!(err instanceof GoalError)) throw err;
    throw new GradeUsageError(
      `${lesson}#${exercise.id}: the goal, line ${exercise.goalLine + err.line - 1}: ${err.path ? `${err.path}: ` : ''}${err.reason}`,
    );
  }
  const reach = engineReachOf(nodes, options.engines);
  const read = goal.node ?? nodes[0]!;
  const info = await reach.client(read).serverInfo();
  if (!info) {
    const url = options.engines[nodes.indexOf(read)];
    throw new GradeUsageError(
      url
        ? `Cannot connect to the Docker daemon at ${url}. Is the docker daemon running?`
        : `the goal is read on ${read}, node ${nodes.indexOf(read) + 1} of the lab: give an --engine for each node up to it`,
    );
  }
  const engines = Object.fromEntries(options.engines.map((e, i) => [nodes[i]!, e]));
  return {
    lesson,
    exercise: exercise.id,
    title: exercise.title,
    engines,
    grade: grade(goal, await snapshot(reach, goal)),
  };
}

export function formatGrade(r: GradeReport): string {
  const on = Object.entries(r.engines)
    .map(([node, url]) => `${url} (${node})`)
    .join(', ');
  let out = `${r.lesson}#${r.exercise} — ${r.title}\non ${on}\n\n`;
  for (const l of r.grade.lines) out += `${l.passed ? '✓' : '✗'} ${l.explain}\n`;
  const failed = r.grade.lines.filter((l) => !l.passed).length;
  out += r.grade.passed
    ? `\nPassed: all ${r.grade.lines.length} lines hold.\n`
    : `\nNot yet: ${failed} of ${r.grade.lines.length} lines do not hold.\n`;
  return out;
}

/** The command line: 0 passed, 1 not passed, 2 could not grade. */
export async function gradeCommand(args: readonly string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`Usage:  dockersim ${GRADE_USAGE}`);
    return 0;
  }
  let options: GradeOptions;
  try {
    options = parseGradeArgs(args);
  } catch (err) {
    if (!(err instanceof GradeUsageError)) throw err;
    process.stderr.write(`dockersim grade: ${err.message}\n\nUsage:  dockersim ${GRADE_USAGE}`);
    return 2;
  }
  try {
    const report = await gradeOnEngines(options);
    process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatGrade(report));
    return report.grade.passed ? 0 : 1;
  } catch (err) {
    if (err instanceof GradeUsageError || err instanceof EngineUrlError) {
      process.stderr.write(`dockersim grade: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}
