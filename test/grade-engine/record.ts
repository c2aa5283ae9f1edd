/**
 * Record what `dockersim grade` says on a REAL Docker Engine for every exercise whose lab
 * is one machine: the container exercises and the single-node swarm ones. For each, on a
 * clean engine: the lesson's lab.setup and the exercise's <Setup> run with bash and the
 * docker CLI in a folder holding the lab's files, the goal is graded (`before`); then the
 * <Solution> runs and the goal is graded again (`after`). The verdicts are written to
 * verdicts/<lesson>#<exercise>.json, with the goal they graded; verdicts.test.ts checks
 * that the simulator gives the same verdicts from the same commands.
 *
 * Usage (Node >= 22.18, a dockerd with the oracle's stand-in base images, docker CLI 28):
 *   flock /tmp/dockerd.lock npx node test/grade-engine/record.ts [LESSON#EXERCISE ...]
 * The engine is left as it was found: no containers, no swarm, no images but the ones
 * that were there.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractExercises } from '../../src/lab/exercises.ts';
import { gradeOnEngines } from '../../src/node/grade.ts';
import { nodeNames } from '../../src/sim-engine/index.ts';
import { labOf, lessonFiles } from '../../src/node/verify.ts';
import { verdictFile, type RecordedVerdicts, type Verdict } from './verdicts.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const LESSONS = join(HERE, '../../src/content/lessons');
const ENGINE = process.env['DOCKER_HOST'] || 'unix:///var/run/docker.sock';
/** A started container (nginx's stand-in) is given this long to listen before grading. */
const SETTLE_MS = 1500;

const docker = (...args: string[]) =>
  execFileSync('docker', args, { encoding: 'utf8', env: { ...process.env, DOCKER_HOST: ENGINE } }).trim();
const lines = (text: string) => text.split('\n').filter(Boolean);

/** Back to the engine as it was: no containers, no swarm, no networks or volumes, the base images. */
function reset(baseImages: ReadonlySet<string>): void {
  const containers = lines(docker('ps', '-aq'));
  if (containers.length) docker('rm', '-f', ...containers);
  if (docker('info', '--format', '{{.Swarm.LocalNodeState}}') !== 'inactive')
    docker('swarm', 'leave', '--force');
  docker('network', 'prune', '-f');
  const volumes = lines(docker('volume', 'ls', '-q'));
  if (volumes.length) docker('volume', 'rm', '-f', ...volumes);
  for (const image of lines(docker('images', '-q', '--no-trunc')))
    if (!baseImages.has(image)) spawnSync('docker', ['rmi', '-f', image], { env: process.env });
}

function runAll(commands: readonly string[], cwd: string, what: string): void {
  for (const command of commands) {
    const r = spawnSync('bash', ['-c', command], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, DOCKER_HOST: ENGINE },
      timeout: 120_000,
    });
    if (r.status !== 0)
      throw new Error(`${what}: \`${command}\` failed (exit ${r.status}): ${(r.stdout + r.stderr).trim()}`);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function verdict(lesson: string, exercise: string): Promise<Verdict> {
  await sleep(SETTLE_MS);
  const report = await gradeOnEngines({ engines: [ENGINE], lessons: LESSONS, lesson, exercise, json: true });
  return {
    passed: report.grade.passed,
    lines: report.grade.lines.map((l) => ({ passed: l.passed, explain: l.explain })),
  };
}

async function main(only: readonly string[]): Promise<void> {
  const baseImages = new Set(lines(docker('images', '-q', '--no-trunc')));
  const engine = `dockerd ${docker('version', '--format', '{{.Server.Version}}')}, docker CLI ${docker('version', '--format', '{{.Client.Version}}')}`;
  reset(baseImages);
  for (const file of lessonFiles(LESSONS)) {
    const source = readFileSync(file, 'utf8');
    const lab = labOf(source);
    if (nodeNames(lab.nodes).length !== 1) continue;
    const lesson = relative(LESSONS, file).replace(/\.mdx?$/, '');
    for (const ex of extractExercises(source)) {
      const name = `${lesson}#${ex.id}`;
      if (only.length && !only.includes(name)) continue;
      const folder = mkdtempSync(join(tmpdir(), 'grade-engine-'));
      try {
        for (const [path, text] of Object.entries(lab.files ?? {})) {
          mkdirSync(dirname(join(folder, path)), { recursive: true });
          writeFileSync(join(folder, path), text);
        }
        runAll(lab.setup ?? [], folder, "the lesson's lab.setup");
        runAll(ex.setup, folder, "the exercise's <Setup>");
        const before = await verdict(lesson, ex.id);
        runAll(ex.solution, folder, 'the <Solution>');
        const after = await verdict(lesson, ex.id);
        const recorded: RecordedVerdicts = { lesson, exercise: ex.id, engine, goal: ex.goal, before, after };
        writeFileSync(verdictFile(name), `${JSON.stringify(recorded, null, 2)}\n`);
        process.stdout.write(
          `${name}: before ${before.passed ? 'passes' : 'fails'}, after ${after.passed ? 'passes' : 'fails'}\n`,
        );
      } finally {
        rmSync(folder, { recursive: true, force: true });
        reset(baseImages);
      }
    }
  }
}

await main(process.argv.slice(2));
