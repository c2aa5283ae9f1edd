/**
 * Help fidelity: every command's `--help`, rendered from the tree in commands/index.ts,
 * is byte for byte what docker prints (testdata/help/*.golden, recorded from a real
 * CLI by testdata/record-help.sh; testdata/help28.5/ holds the 28.5.2 text where it
 * differs from the recorded binary, see testdata/README.md).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Command } from './command.ts';
import { commands } from './commands/index.ts';
import { usageString } from './help.ts';
import { rootSpec } from './main.ts';

const testdata = new URL('./testdata/', import.meta.url);

function golden(name: string): string | undefined {
  for (const dir of ['help28.5', 'help']) {
    const file = new URL(`${dir}/${name}.golden`, testdata);
    if (existsSync(file)) return readFileSync(file, 'utf8');
  }
  return undefined;
}

function allCommands(cmd: Command): Command[] {
  return [cmd, ...cmd.children.flatMap(allCommands)];
}

const root = new Command(rootSpec('/root', commands));
const everyCommand = allCommands(root).map((cmd) => ({ path: cmd.commandPath, cmd }));
/** Commands docker cannot show help for here (see testdata/README.md). */
const noGolden = new Set(['docker bake']);

describe('docker --help', () => {
  it.each(everyCommand.filter((c) => !noGolden.has(c.path)))('$path --help', ({ path, cmd }) => {
    const expected = golden(path.replaceAll(' ', '-'));
    expect(expected, `no golden for ${path}`).toBeDefined();
    expect(usageString(cmd, 80)).toBe(expected);
  });

  it('has a golden for every command, and a command for every golden', () => {
    const names = new Set(everyCommand.map((c) => c.path.replaceAll(' ', '-')));
    for (const c of everyCommand) {
      if (!noGolden.has(c.path)) expect(golden(c.path.replaceAll(' ', '-')), c.path).toBeDefined();
    }
    const recorded = readdirSync(new URL('help/', testdata)).map((f) => f.replace(/\.golden$/, ''));
    expect(recorded.filter((n) => !names.has(n))).toEqual([]);
  });
});
