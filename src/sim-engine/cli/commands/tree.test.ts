/**
 * The command tree is docker/cli 28.5.2's: every command and flag, checked against a
 * dump of the real cobra tree (testdata/tree-28.5.2.json, made by
 * testdata/dumptree/dumptree.go built into docker/cli v28.5.2; see testdata/README.md).
 * Each argument rule is checked by running the command with 0…6 arguments and
 * comparing the first line of the error with what docker's Args function returned.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Command } from '../command.ts';
import { defValueOf, type FlagSpec } from '../flags.ts';
import { rootSpec, runDocker } from '../main.ts';
import { fakeCli, fakeClient } from '../testdata/fake-cli.ts';
import { commands } from './index.ts';

interface DumpFlag {
  name: string;
  shorthand?: string;
  type: string;
  goType: string;
  usage?: string;
  defValue?: string;
  noOptDefVal?: string;
  hidden?: boolean;
  deprecated?: string;
  shorthandDeprecated?: string;
  persistent?: boolean;
  annotations?: Record<string, string[]>;
}

interface DumpCommand {
  path: string;
  use: string;
  aliases?: string[];
  short?: string;
  long?: string;
  example?: string;
  annotations?: Record<string, string>;
  hidden?: boolean;
  notInterspersed?: boolean;
  args?: string[];
  subcommands?: string[];
  flags: DumpFlag[];
}

const dump: DumpCommand[] = JSON.parse(
  readFileSync(new URL('../testdata/tree-28.5.2.json', import.meta.url), 'utf8'),
) as DumpCommand[];

const root = new Command(rootSpec('/root', commands));
const byPath = new Map<string, Command>();
(function index(cmd: Command) {
  byPath.set(cmd.commandPath, cmd);
  cmd.children.forEach(index);
})(root);

/** Where the tree knowingly differs from the cobra tree (see the spec's comment). */
const hiddenOnPurpose = new Set(['docker bake']);
/** Persistent flags live on the root (help) or are repeated on each subcommand (stack). */
const inherited = new Set(['help', 'orchestrator']);

function flagView(f: FlagSpec) {
  return {
    name: f.name,
    shorthand: f.shorthand ?? '',
    type: f.type,
    usage: f.usage,
    defValue: defValueOf(f),
    noOptDefVal: f.noOptDefVal ?? (f.type === 'bool' ? 'true' : ''),
    hidden: f.hidden ?? false,
    deprecated: f.deprecated ?? '',
    shorthandDeprecated: f.shorthandDeprecated ?? '',
    annotations: Object.fromEntries(
      Object.entries(f.annotations ?? {}).filter(([k]) => !k.startsWith('docs.')),
    ),
  };
}

function dumpFlagView(f: DumpFlag) {
  return {
    name: f.name,
    shorthand: f.shorthand ?? '',
    type: f.type,
    usage: f.usage ?? '',
    defValue: f.defValue ?? '',
    noOptDefVal: f.noOptDefVal ?? '',
    hidden: f.hidden ?? false,
    deprecated: f.deprecated ?? '',
    shorthandDeprecated: f.shorthandDeprecated ?? '',
    annotations: Object.fromEntries(
      Object.entries(f.annotations ?? {}).filter(([k]) => !k.startsWith('docs.')),
    ),
  };
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

describe('the command tree of docker 28.5.2', () => {
  it('has every command docker has, and no other', () => {
    expect([...byPath.keys()].sort()).toEqual(dump.map((d) => d.path).sort());
  });

  it("has docker's global flags", () => {
    const d = dump.find((c) => c.path === 'docker')!;
    expect(root.flags.map(flagView).sort(byName)).toEqual(d.flags.map(dumpFlagView).sort(byName));
  });

  it.each(dump.filter((d) => d.path !== 'docker'))('$path', (d) => {
    const cmd = byPath.get(d.path)!;
    const spec = cmd.spec;
    const annotations = Object.fromEntries(
      Object.entries(d.annotations ?? {}).filter(([k]) => !k.startsWith('docs.')),
    );
    expect({
      use: spec.use,
      aliases: spec.aliases ?? [],
      short: spec.short,
      long: spec.long ?? '',
      example: spec.example ?? '',
      annotations: spec.annotations ?? {},
      hidden: hiddenOnPurpose.has(d.path) ? false : (spec.hidden ?? false),
      interspersed: spec.interspersed ?? true,
      subcommands: cmd.children.map((c) => c.name),
    }).toEqual({
      use: d.use,
      aliases: d.aliases ?? [],
      short: d.short ?? '',
      long: d.long ?? '',
      example: d.example ?? '',
      annotations,
      hidden: d.hidden ?? false,
      interspersed: !d.notInterspersed,
      subcommands: [...(d.subcommands ?? [])].sort(),
    });
    const ours = (spec.flags ?? []).filter(
      (f) => !inherited.has(f.name) || d.flags.some((g) => g.name === f.name),
    );
    expect(ours.map(flagView).sort(byName)).toEqual(d.flags.map(dumpFlagView).sort(byName));
  });
});

describe('argument rules', () => {
  it.each(dump.filter((d) => d.path !== 'docker' && (d.args ?? []).length > 0))('$path', async (d) => {
    const path = d.path.split(' ').slice(1);
    for (let n = 0; n < d.args!.length; n++) {
      const fake = fakeCli();
      // the dump is docker/cli's own tree: with buildx present (as in a lab) docker
      // forwards build, image build and builder build to buildx, unless BuildKit is off
      (fake.cli.env as Map<string, string>).set('DOCKER_BUILDKIT', '0');
      const argv = [...path, ...Array.from({ length: n }, (_, i) => `a${i}`)];
      await runDocker(argv, () => fake.cli, { connect: () => fakeClient(), home: '/root', commands });
      const first = fake.err().split('\n')[0];
      if (d.args![n] === 'ok') expect(first, `${n} args`).not.toMatch(/^docker: '|^docker: unknown command/);
      else expect(first, `${n} args`).toBe(d.args![n]);
    }
  });
});
