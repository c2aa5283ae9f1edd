/**
 * Any command line built from docker's own command tree, with flags and arguments drawn
 * from plausible and hostile values, ends: it finishes, or (a stream like `events` or
 * `stats`) is interrupted at the time limit. None of them makes the engine throw, print
 * a JavaScript value, or leave the lab unusable: afterwards `docker ps -a`, `docker
 * inspect` on every container, and the other lists still work.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Command } from '../../src/sim-engine/cli/command.ts';
import { commands } from '../../src/sim-engine/cli/commands/index.ts';
import type { FlagSpec } from '../../src/sim-engine/cli/flags.ts';
import { rootSpec } from '../../src/sim-engine/cli/main.ts';
import { drive } from '../../src/sim-engine/headless/drive.ts';
import { createLab } from '../../src/sim-engine/index.ts';

const yieldToEngine = () => new Promise<void>((r) => setImmediate(r));

/** every command a user can type, hidden ones included */
function allCommands(c: Command): Command[] {
  return [c, ...c.children.flatMap(allCommands)];
}
const tree = allCommands(new Command(rootSpec('/root', commands)));

/** words that mean something to some command, and words that mean nothing */
const words = [
  'web',
  'db',
  'nothere',
  'nginx',
  'alpine',
  'alpine:3.20',
  'busybox',
  'redis:7',
  'sh',
  'echo',
  'hi',
  'sleep',
  '5',
  'true',
  'cat',
  '/etc/hosts',
  'web:/etc/hosts',
  '/tmp',
  '-',
  '80',
  '80/tcp',
  '8080:80',
  '127.0.0.1::80/udp',
  'bridge',
  'host',
  'none',
  'mynet',
  'vol1',
  'vol1:/data',
  'x=y',
  'label=a',
  'name=web',
  'status=running',
  'until=1h',
  'dangling=true',
  '{{.Name}}',
  '{{json .}}',
  'table {{.ID}}\t{{.Names}}',
  '{{.Nope}}',
  '{{',
  'json',
  '1',
  '0',
  '-1',
  '1.5',
  '1s',
  '10m',
  '512m',
  '99999999999999999999',
  'always',
  'on-failure:3',
  'SIGKILL',
  'HUP',
  '',
  ' ',
  'a b',
  "it's",
  '"',
  '$HOME',
  '*',
  'é',
  '--',
];

const word = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...words) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

/** one flag as the user might write it: `--name v`, `--name=v`, `-n v`, a bare boolean */
function flagWords(flag: FlagSpec): fc.Arbitrary<string[]> {
  const long = `--${flag.name}`;
  if (flag.type === 'bool') {
    return fc.constantFrom(
      [long],
      [`${long}=false`],
      [`${long}=maybe`],
      ...(flag.shorthand ? [[`-${flag.shorthand}`]] : []),
    );
  }
  return fc.tuple(word, fc.integer({ min: 0, max: 2 })).map(([v, form]) => {
    if (form === 0) return [long, v];
    if (form === 1) return [`${long}=${v}`];
    return flag.shorthand ? [`-${flag.shorthand}`, v] : [long, v];
  });
}

const commandLine: fc.Arbitrary<string[]> = fc
  .constantFrom(...tree)
  .chain((cmd) => {
    const flags = cmd.spec.flags ?? [];
    const flagArb =
      flags.length === 0
        ? fc.constant<string[][]>([])
        : fc.array(
            fc.constantFrom(...flags).chain((f) => flagWords(f)),
            { maxLength: 3 },
          );
    return fc.tuple(fc.constant(cmd), flagArb, fc.array(word, { maxLength: 3 }), fc.boolean());
  })
  .map(([cmd, flags, args, flagsFirst]) => {
    const path = cmd.commandPath.split(' ').slice(1);
    const flat = flags.flat();
    return [...path, ...(flagsFirst ? [...flat, ...args] : [...args, ...flat])];
  });

/** names the lines below create and use, so commands meet each other's objects */
const container = fc.constantFrom('web', 'db', 'c1', 'c2', 'nothere');
const image = fc.constantFrom('nginx', 'alpine', 'busybox', 'redis:7', 'alpine:3.20', 'mine:1', 'nothere');
const network = fc.constantFrom('mynet', 'net2', 'bridge', 'host', 'none', 'nothere');
const volume = fc.constantFrom('vol1', 'vol2', 'nothere');

const runOption = fc.constantFrom<string[]>(
  ['-d'],
  ['--rm'],
  ['-i'],
  ['-t'],
  ['--name', 'c1'],
  ['--name', 'c2'],
  ['-p', '8081:80'],
  ['-p', '80'],
  ['-P'],
  ['-e', 'A=1'],
  ['-v', 'vol1:/data'],
  ['-v', 'vol2:/data:ro'],
  ['--mount', 'type=tmpfs,target=/cache'],
  ['--network', 'mynet'],
  ['--network', 'net2'],
  ['--network', 'none'],
  ['--restart', 'on-failure:2'],
  ['--restart', 'always'],
  ['-w', '/tmp'],
  ['--init'],
  ['-u', 'nobody'],
  ['--health-cmd', 'true'],
  ['--health-interval', '2s'],
  ['--memory', '512m'],
  ['--cpus', '0.5'],
  ['--hostname', 'box'],
  ['--stop-timeout', '1'],
  ['--read-only'],
);
const runCommand = fc.constantFrom<string[]>(
  [],
  ['sh', '-c', 'echo hi'],
  ['sleep', '5'],
  ['sleep', '1000'],
  ['false'],
  ['cat', '/etc/hosts'],
  ['nothere'],
  ['sh', '-c', 'exit 3'],
  ['sh', '-c', 'echo hi > /data/f; ls /data'],
  ['wget', '-qO-', 'http://web'],
);

/** the commands a lesson uses, with arguments that mostly make sense */
const usefulLine: fc.Arbitrary<string[]> = fc.oneof(
  fc
    .tuple(fc.constantFrom('run', 'create'), fc.array(runOption, { maxLength: 4 }), image, runCommand)
    .map(([verb, options, img, cmd]) => [verb, ...options.flat(), img, ...cmd]),
  fc
    .tuple(
      fc.constantFrom<string[]>(
        ['start'],
        ['start', '-a'],
        ['stop'],
        ['stop', '-t', '1'],
        ['restart'],
        ['kill'],
        ['kill', '-s', 'HUP'],
        ['pause'],
        ['unpause'],
        ['rm'],
        ['rm', '-f'],
        ['logs'],
        ['logs', '-t', '--tail', '2'],
        ['inspect'],
        ['inspect', '-f', '{{.State.Status}}'],
        ['top'],
        ['port'],
        ['stats', '--no-stream'],
        ['wait'],
        ['exec', '-i'],
        ['update', '--restart', 'always'],
        ['diff'],
        ['commit'],
      ),
      container,
      fc.constantFrom([], ['sh', '-c', 'echo hi'], ['ls', '/']),
    )
    .map(([verb, target, rest]) => [...verb, target, ...(verb[0] === 'exec' ? rest : [])]),
  fc.tuple(container, fc.constantFrom('c1', 'c2', 'web2')).map(([a, b]) => ['rename', a, b]),
  container.map((c) => ['cp', `${c}:/etc/hosts`, '/tmp/hosts']),
  container.map((c) => ['cp', '/etc/hostname', `${c}:/tmp/`]),
  fc.tuple(fc.constantFrom('create', 'rm', 'inspect'), network).map(([verb, n]) => ['network', verb, n]),
  fc
    .tuple(fc.constantFrom('connect', 'disconnect'), network, container)
    .map(([verb, n, c]) => ['network', verb, n, c]),
  fc.tuple(fc.constantFrom('create', 'rm', 'inspect'), volume).map(([verb, v]) => ['volume', verb, v]),
  fc
    .tuple(fc.constantFrom(['rmi'], ['rmi', '-f'], ['history'], ['image', 'inspect'], ['tag']), image)
    .map(([verb, img]) => [...verb, img, ...(verb[0] === 'tag' ? ['mine:1'] : [])]),
  fc.constantFrom<string[]>(
    ['ps'],
    ['ps', '-a', '--format', '{{.Names}} {{.Status}}'],
    ['ps', '-a', '--filter', 'status=exited'],
    ['images'],
    ['image', 'prune', '-f'],
    ['container', 'prune', '-f'],
    ['network', 'prune', '-f'],
    ['volume', 'prune', '-af'],
    ['system', 'prune', '-f'],
    ['system', 'df'],
    ['events', '--since', '0', '--until', '1s'],
    ['events'],
    ['stats'],
    ['info'],
    ['version'],
  ),
);

/** single-quote for bash, so the shell hands docker exactly these words */
const quote = (w: string) => `'${w.replace(/'/g, `'\\''`)}'`;

/** what a JavaScript failure looks like when it leaks into a terminal */
const leak =
  /internal error|Cannot read propert|is not a function|is not defined|\bundefined\b|\[object |\bNaN\b/;

async function run(lab: ReturnType<typeof createLab>, argv: string[], limit = 20_000) {
  const session = lab.engine.session();
  let text = '';
  const writer = { write: (t: string) => void (text += t) };
  const line = ['docker', ...argv].map(quote).join(' ');
  const result = await drive(session.run(line, { stdout: writer, stderr: writer }), {
    clock: lab.engine.clock,
    yieldToEngine,
    limit,
  });
  if (!result.finished) {
    session.interrupt();
    session.kill();
    await yieldToEngine();
  }
  return { line, text, status: result.finished ? result.value! : 124, finished: result.finished };
}

/** `docker ps -a` and `docker inspect` show every container; the lists still answer */
async function expectWorkingLab(lab: ReturnType<typeof createLab>): Promise<void> {
  const ps = await run(lab, ['ps', '-aq', '--no-trunc']);
  expect(ps.status, ps.text).toBe(0);
  const ids = ps.text.split('\n').filter(Boolean);
  if (ids.length > 0) {
    const inspect = await run(lab, ['inspect', ...ids]);
    expect(inspect.status, inspect.text).toBe(0);
    expect(JSON.parse(inspect.text)).toHaveLength(ids.length);
  }
  for (const list of [['ps', '-a'], ['images'], ['network', 'ls'], ['volume', 'ls'], ['info']]) {
    const r = await run(lab, list);
    expect(r.status, `${r.line}\n${r.text}`).toBe(0);
    expect(r.text).not.toMatch(leak);
  }
}

describe('random docker command lines', () => {
  it('finish or are interrupted, never throw, and leave a working lab', { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof({ weight: 3, arbitrary: usefulLine }, { weight: 1, arbitrary: commandLine }), {
          minLength: 1,
          maxLength: 8,
        }),
        async (lines) => {
          const lab = createLab({ seed: 'property', images: ['nginx', 'alpine', 'busybox', 'redis:7'] });
          for (const setup of [
            'run -d --name web -p 8080:80 nginx',
            'run --name db -d redis:7',
            'network create mynet',
            'volume create vol1',
          ]) {
            const r = await run(lab, setup.split(' '));
            expect(r.status, `${r.line}\n${r.text}`).toBe(0);
          }
          for (const argv of lines) {
            const r = await run(lab, argv);
            expect(r.text, r.line).not.toMatch(leak);
            expect(r.status, `${r.line}\n${r.text}`).toBeGreaterThanOrEqual(0);
          }
          await expectWorkingLab(lab);
        },
      ),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 600) },
    );
  });

  it('with random flags, end for every command in the tree', { timeout: 600_000 }, async () => {
    const lab = createLab({ seed: 'every-command', images: ['nginx', 'alpine'] });
    await run(lab, ['run', '-d', '--name', 'web', 'nginx']);
    let lines = 0;
    for (const cmd of tree) {
      const path = cmd.commandPath.split(' ').slice(1);
      const flags = cmd.spec.flags ?? [];
      const samples = fc.sample(
        fc.tuple(
          flags.length === 0
            ? fc.constant<string[][]>([])
            : fc.array(fc.constantFrom(...flags).chain(flagWords), { maxLength: 4 }),
          fc.array(word, { maxLength: 2 }),
        ),
        { numRuns: Number(process.env.PROPERTY_FLAG_SAMPLES ?? 8), seed: lines },
      );
      for (const [flagSets, args] of samples) {
        const r = await run(lab, [...path, ...flagSets.flat(), ...args]);
        expect(r.text, r.line).not.toMatch(leak);
        lines++;
      }
    }
    expect(lines).toBeGreaterThan(1000);
    await expectWorkingLab(lab);
  });
});
