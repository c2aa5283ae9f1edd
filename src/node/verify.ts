/**
 * `dockersim verify`: every exercise of the course, solved headless (DESIGN.md:
 * Exercises; learnGitBranching's levels.spec.js). For each exercise of each lesson, a
 * fresh lab is made from the lesson's `lab`, its setup and the exercise's <Setup> are
 * run, and the goal must fail; then the <Solution> is run and the goal must pass. A
 * setup or solution command that fails, a goal that cannot be parsed, or a goal that
 * passes too early or not at all makes the exercise broken, and the command exits 1.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { labSchema, type LabConfig } from '../content/lesson-schema.ts';
import { extractExercises, type ExerciseSource } from '../lab/exercises.ts';
import { engineReach } from '../lab/lab-reach.ts';
import {
  createLab,
  drive,
  grade,
  GoalError,
  parseGoal,
  snapshot,
  type Engine,
  type Grade,
  type LabSession,
} from '../sim-engine/index.ts';

const yieldToEngine = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A lab without a page: commands run to completion on virtual time that jumps. */
export class HeadlessLab {
  readonly engine: Engine;
  readonly nodes: string[];
  readonly #sessions = new Map<string, LabSession>();

  /** @param engine a lab made elsewhere (`dockersim serve --lesson`, before its clock follows wall time) */
  constructor(config: Partial<LabConfig> = {}, engine?: Engine) {
    this.engine =
      engine ??
      createLab({
        nodes: config.nodes,
        images: config.images,
        files: config.files,
        seed: 'dockyard',
      }).engine;
    this.nodes = this.engine.hosts.map((h) => h.name);
    // lab.setup's files are put in /root by createLab; commands run from there too
    for (const node of this.nodes) this.#sessions.set(node, this.engine.session(node));
  }

  #settle = async <T>(running: Promise<T>): Promise<T> => {
    const result = await drive(running, { clock: this.engine.clock, yieldToEngine, limit: 600_000 });
    if (!result.finished) throw new Error('did not finish within 10 minutes of virtual time');
    return result.value as T;
  };

  /** Run a command (`@node2 …` on another node); its status and what it printed. */
  async run(raw: string): Promise<{ status: number; output: string }> {
    const at = /^@(\S+)\s+(.*)$/s.exec(raw);
    const node = at && this.#sessions.has(at[1]!) ? at[1]! : this.nodes[0]!;
    const session = this.#sessions.get(node)!;
    let output = '';
    const sink = { write: (t: string) => void (output += t) };
    const result = await drive(
      session.run(at && node === at[1] ? at[2]! : raw, { stdout: sink, stderr: sink }),
      {
        clock: this.engine.clock,
        yieldToEngine,
        limit: 600_000,
      },
    );
    if (!result.finished) session.kill();
    return { status: result.finished ? result.value! : 124, output };
  }

  /** Run commands in order; the first that fails is returned (and the rest are not run). */
  async runAll(
    commands: readonly string[],
  ): Promise<{ command: string; status: number; output: string } | undefined> {
    for (const command of commands) {
      const r = await this.run(command);
      if (r.status !== 0) return { command, ...r };
    }
    return undefined;
  }

  /** Grade a goal (YAML) against the lab as it is now. */
  async grade(goalYaml: string): Promise<Grade> {
    const goal = parseGoal(goalYaml);
    const reach = engineReach(this.engine, this.#settle);
    return grade(goal, await this.#settle(snapshot(reach, goal)));
  }
}

export interface ExerciseReport {
  lesson: string;
  id: string;
  title: string;
  line: number;
  ok: boolean;
  /** what is wrong, a sentence each */
  problems: string[];
  /** the goal's lines after the setup (should fail) and after the solution (should pass) */
  before?: Grade;
  after?: Grade;
}

/** The lesson's `lab` from its frontmatter, checked by the lesson schema. */
export function labOf(source: string): Partial<LabConfig> {
  const m = /^---\n([\s\S]*?)\n---/.exec(source);
  const data = m ? (parseYaml(m[1]!) as { lab?: unknown } | null) : null;
  return data?.lab === undefined ? {} : labSchema.parse(data.lab);
}

export async function verifyExercise(
  lesson: string,
  lab: Partial<LabConfig>,
  ex: ExerciseSource,
): Promise<ExerciseReport> {
  const report: ExerciseReport = {
    lesson,
    id: ex.id,
    title: ex.title,
    line: ex.line,
    ok: false,
    problems: [],
  };
  try {
    parseGoal(ex.goal);
  } catch (err) {
    if (!(err instanceof GoalError)) throw err;
    report.problems.push(
      `the goal, line ${ex.goalLine + err.line - 1}: ${err.path ? `${err.path}: ` : ''}${err.reason}`,
    );
    return report;
  }
  const h = new HeadlessLab(lab);
  const steps: [string, readonly string[]][] = [
    ["the lesson's lab.setup", lab.setup ?? []],
    ["the exercise's <Setup>", ex.setup],
  ];
  for (const [what, commands] of steps) {
    const failed = await h.runAll(commands);
    if (failed)
      report.problems.push(
        `${what}: \`${failed.command}\` failed (exit ${failed.status}): ${failed.output.trim().split('\n').at(-1)}`,
      );
  }
  report.before = await h.grade(ex.goal);
  if (report.before.passed)
    report.problems.push('the goal already passes before the solution: it checks nothing the learner does');
  const failed = await h.runAll(ex.solution);
  if (failed)
    report.problems.push(
      `the <Solution>: \`${failed.command}\` failed (exit ${failed.status}): ${failed.output.trim().split('\n').at(-1)}`,
    );
  report.after = await h.grade(ex.goal);
  if (!report.after.passed)
    report.problems.push(
      `the goal fails after the solution: ${report.after.lines
        .filter((l) => !l.passed)
        .map((l) => l.explain)
        .join('; ')}`,
    );
  report.ok = report.problems.length === 0;
  return report;
}

/** Every lesson file under `dir` (src/content/lessons), sorted. */
export function lessonFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/^[^_].*\.mdx?$/.test(entry.name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

export async function verifyCourse(
  dir: string,
  only?: (lesson: string, id: string) => boolean,
): Promise<ExerciseReport[]> {
  const reports: ExerciseReport[] = [];
  for (const file of lessonFiles(dir)) {
    const lesson = relative(process.cwd(), file);
    const source = readFileSync(file, 'utf8');
    let exercises: ExerciseSource[];
    let lab: Partial<LabConfig>;
    try {
      exercises = extractExercises(source);
      lab = labOf(source);
    } catch (err) {
      reports.push({
        lesson,
        id: '(lesson)',
        title: '',
        line: 1,
        ok: false,
        problems: [(err as Error).message],
      });
      continue;
    }
    for (const ex of exercises)
      if (!only || only(lesson, ex.id)) reports.push(await verifyExercise(lesson, lab, ex));
  }
  return reports;
}

export function formatReport(reports: readonly ExerciseReport[]): string {
  let out = '';
  for (const r of reports) {
    out += `${r.ok ? 'ok  ' : 'FAIL'} ${r.lesson}:${r.line} ${r.id}${r.title ? ` — ${r.title}` : ''}\n`;
    if (r.before && r.after && r.ok) {
      out += `       before the solution: ${r.before.lines.filter((l) => !l.passed).length} of ${r.before.lines.length} lines fail\n`;
      out += `       after it: all ${r.after.lines.length} lines pass\n`;
    }
    for (const p of r.problems) out += `       ${p}\n`;
  }
  const broken = reports.filter((r) => !r.ok).length;
  out += `\n${reports.length} exercise${reports.length === 1 ? '' : 's'}, ${broken} broken\n`;
  return out;
}

/** `dockersim verify [DIR]`: 0 when every exercise holds, 1 when one is broken. */
export async function verifyCommand(dir = 'src/content/lessons'): Promise<number> {
  const reports = await verifyCourse(dir);
  process.stdout.write(formatReport(reports));
  return reports.every((r) => r.ok) ? 0 : 1;
}
