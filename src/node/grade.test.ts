import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineUrlError, parseEngineUrl } from './engine/wire-transport.ts';
import {
  findExercise,
  findLesson,
  gradeOnEngines,
  GradeUsageError,
  parseGradeArgs,
  urlFromHere,
} from './grade.ts';
import { nodeNames } from '../sim-engine/index.ts';
import { startServe, type Served } from './serve/serve.ts';
import { HeadlessLab } from './verify.ts';

describe('dockersim grade: arguments', () => {
  it('takes the engine from DOCKER_HOST, else the default socket', () => {
    expect(parseGradeArgs(['a/b#c'], {}).engines).toEqual(['unix:///var/run/docker.sock']);
    expect(parseGradeArgs(['a/b#c'], { DOCKER_HOST: 'tcp://127.0.0.1:2375' }).engines).toEqual([
      'tcp://127.0.0.1:2375',
    ]);
  });
  it('takes --engine once per node, in both flag forms', () => {
    const o = parseGradeArgs(
      ['--engine', 'unix:///a.sock', '--engine=tcp://127.0.0.1:1', '--json', 'x/y#z'],
      {},
    );
    expect(o).toMatchObject({
      engines: ['unix:///a.sock', 'tcp://127.0.0.1:1'],
      json: true,
      lesson: 'x/y',
      exercise: 'z',
    });
  });
  it('refuses what it cannot use, saying what', () => {
    expect(() => parseGradeArgs([], {})).toThrow('grade needs a LESSON#EXERCISE');
    expect(() => parseGradeArgs(['--engine'], {})).toThrow('flag needs an argument: --engine');
    expect(() => parseGradeArgs(['--bogus', 'a#b'], {})).toThrow('unknown flag: --bogus');
    expect(() => parseGradeArgs(['a#b', 'c#d'], {})).toThrow('grade takes one LESSON#EXERCISE, not also c#d');
  });
});

describe('the parsers, on any input', () => {
  it('parseGradeArgs gives options or a usage error, nothing else', () => {
    const word = fc.oneof(
      fc.constantFrom('--engine', '--engine=', '--lessons', '--json', '-h', 'a/b#c', '#', 'x#', '--'),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 6 }), (args) => {
        try {
          const o = parseGradeArgs(args, {});
          expect(o.engines.length).toBeGreaterThan(0);
        } catch (err) {
          expect(err).toBeInstanceOf(GradeUsageError);
        }
      }),
    );
  });
  it('parseEngineUrl gives an address or a precise error, nothing else', () => {
    const url = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc
        .tuple(fc.constantFrom('unix://', 'tcp://', 'http://', 'ssh://', ''), fc.string({ maxLength: 20 }))
        .map(([a, b]) => a + b),
    );
    fc.assert(
      fc.property(url, (u) => {
        try {
          const a = parseEngineUrl(u);
          if (a.kind === 'tcp') expect(a.port).toBeGreaterThan(0);
          else expect(a.path.startsWith('/')).toBe(true);
        } catch (err) {
          expect(err).toBeInstanceOf(EngineUrlError);
        }
      }),
    );
  });
});

describe('engine addresses', () => {
  it('reads DOCKER_HOST forms', () => {
    expect(parseEngineUrl('unix:///var/run/docker.sock')).toEqual({
      kind: 'socket',
      path: '/var/run/docker.sock',
    });
    expect(parseEngineUrl('tcp://127.0.0.1')).toEqual({ kind: 'tcp', host: '127.0.0.1', port: 2375 });
    expect(parseEngineUrl('tcp://[::1]:2376')).toEqual({ kind: 'tcp', host: '::1', port: 2376 });
    expect(parseEngineUrl('http://localhost:8000/')).toEqual({ kind: 'tcp', host: 'localhost', port: 8000 });
  });
  it('refuses the others by name', () => {
    expect(() => parseEngineUrl('ssh://me@box')).toThrow('ssh:// is not supported here');
    expect(() => parseEngineUrl('/var/run/docker.sock')).toThrow('unable to parse docker host');
    expect(() => parseEngineUrl('unix://relative.sock')).toThrow('must be absolute');
    expect(() => parseEngineUrl('tcp://host:99999')).toThrow('invalid port');
  });
  it('sends http goals to the engine host when it is another machine', () => {
    const remote = parseEngineUrl('tcp://10.0.0.5:2375');
    expect(urlFromHere('http://localhost:8080', remote)).toBe('http://10.0.0.5:8080');
    expect(urlFromHere('localhost:8080/x', remote)).toBe('10.0.0.5:8080/x');
    expect(urlFromHere('http://localhost:8080', parseEngineUrl('unix:///s.sock'))).toBe(
      'http://localhost:8080',
    );
    expect(urlFromHere('http://localhost:8080', parseEngineUrl('tcp://127.0.0.1:1'))).toBe(
      'http://localhost:8080',
    );
  });
});

describe('lessons and exercises', () => {
  const lessons = join(import.meta.dirname, '../content/lessons');
  it('finds a lesson by its path under the lessons folder', () => {
    expect(findLesson('containers/run-your-first-container', lessons)).toMatch(
      /run-your-first-container\.mdx$/,
    );
    expect(() => findLesson('containers/nope', lessons)).toThrow(
      /no lesson containers\/nope in .*; the lessons are: .*containers\/run-your-first-container/,
    );
  });
  it('names the exercises when one is missing or unknown', () => {
    const source =
      '<Exercise id="a" title="A">\n<Goal>\n```yaml\nswarm: active\n```\n</Goal>\n<Hint>init</Hint>\n<Solution>\n```sh\ndocker swarm init\n```\n</Solution>\n</Exercise>\n';
    expect(() => findExercise(source, 'l', undefined)).toThrow('say which exercise of l, as l#a (it has a)');
    expect(() => findExercise(source, 'l', 'b')).toThrow('l has no exercise b; it has a');
    expect(findExercise(source, 'l', 'a').goal).toBe('swarm: active');
    expect(() => findExercise('<Exercise id="a">\n', 'l', 'a')).toThrow('l: line 1:');
  });
  it('names the lab nodes as the lab does', () => {
    expect(nodeNames(undefined)).toEqual(['node1']);
    expect(nodeNames(3)).toEqual(['node1', 'node2', 'node3']);
    expect(nodeNames(['manager1', 'worker1'])).toEqual(['manager1', 'worker1']);
  });
});

describe('grading dockersim serve over its socket', () => {
  let dir: string;
  let served: Served;
  const socket = () => `unix://${join(dir, 'd.sock')}`;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'grade-'));
    served = await startServe({
      listen: { kind: 'socket', path: join(dir, 'd.sock') },
      images: ['nginx:latest'],
      ports: false,
      seed: 'grade-test',
    });
  });
  afterAll(async () => {
    await served.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = async (line: string) => {
    let out = '';
    const io = { write: (t: string) => void (out += t) };
    const status = await served.lab.engine.session('node1').run(line, { stdout: io, stderr: io });
    expect(status, out).toBe(0);
    // the served clock follows wall time: let nginx's entrypoint reach `exec nginx`, or
    // a stop right after the run reaches a shell that ignores it, as on a real engine
    if (line.startsWith('docker run'))
      await served.lab.engine.session('node1').run('sleep 0.3', { stdout: io, stderr: io });
  };
  const options = (exercise: string) => ({
    engines: [socket()],
    lessons: join(import.meta.dirname, '../content/lessons'),
    lesson: 'containers/run-your-first-container',
    exercise,
    json: false,
  });

  it('gives the verdict the in-process lab gives, before and after the solution', async () => {
    const h = new HeadlessLab({ images: ['nginx:latest'] });
    const setup = [
      'docker run -d --name web -p 8080:80 nginx',
      'docker stop web',
      'docker run -d --name old nginx',
    ];
    const solution = ['docker start web', 'docker rm -f old'];
    expect(await h.runAll(setup)).toBeUndefined();
    for (const line of setup) await run(line);
    const lines = (g: { lines: { passed: boolean; explain: string }[] }) =>
      g.lines.map((l) => [l.passed, l.explain]);
    const before = await gradeOnEngines(options('tidy-up'));
    expect(before.grade.passed).toBe(false);
    expect(lines(before.grade)).toEqual(lines(await h.grade(exerciseGoal('tidy-up'))));
    expect(await h.runAll(solution)).toBeUndefined();
    for (const line of solution) await run(line);
    const after = await gradeOnEngines(options('tidy-up'));
    expect(after.grade.passed).toBe(true);
    expect(lines(after.grade)).toEqual(lines(await h.grade(exerciseGoal('tidy-up'))));
  });

  it('says when nothing answers at the address', async () => {
    const err = await gradeOnEngines({
      ...options('tidy-up'),
      engines: [`unix://${join(dir, 'none.sock')}`],
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GradeUsageError);
    expect((err as Error).message).toBe(
      `Cannot connect to the Docker daemon at unix://${join(dir, 'none.sock')}. Is the docker daemon running?`,
    );
  });
});

function exerciseGoal(id: string): string {
  return findExercise(
    readFileSync(
      join(import.meta.dirname, '../content/lessons/containers/run-your-first-container.mdx'),
      'utf8',
    ),
    'l',
    id,
  ).goal;
}
