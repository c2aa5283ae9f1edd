/**
 * What the fixture tests share, for the one-node fixtures (test/fidelity/) and the
 * multi-node ones (test/fidelity/multi/): a fixture set is a folder with scenarios/NN-name/
 * script.sh, golden/NN-name.txt as recorded, and golden28/NN-name.txt where Docker 28
 * prints otherwise than the recording daemon.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { readFolder } from '../../src/node/main.ts';

/** The scenarios of the fixture set in `dir`, in order. */
export function scenariosIn(dir: string): string[] {
  return readdirSync(join(dir, 'scenarios')).filter((d) =>
    existsSync(join(dir, 'scenarios', d, 'script.sh')),
  );
}

/** A scenario's script and the other files of its folder (the lab folder of the replay). */
export function loadScenario(dir: string, name: string): { script: string; files: Record<string, string> } {
  const folder = join(dir, 'scenarios', name);
  const files = readFolder(folder);
  delete files['script.sh'];
  return { script: readFileSync(join(folder, 'script.sh'), 'utf8'), files };
}

/** What the simulator must print: golden28/ where there is one, else golden/. */
export function expectedTranscript(dir: string, name: string): string {
  const g28 = join(dir, 'golden28', `${name}.txt`);
  return readFileSync(existsSync(g28) ? g28 : join(dir, 'golden', `${name}.txt`), 'utf8');
}

/** Split a transcript by command, so a failure names the first command that differs. */
export function blocks(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('$ ') || out.length === 0) out.push(line);
    else out[out.length - 1] += '\n' + line;
  }
  return out.map((b) => b.replace(/\n+$/, ''));
}

const scriptCommands = (script: string): string[] =>
  script.split('\n').filter((l) => l.trim() !== '' && !/^\s*#/.test(l));
const transcriptCommands = (text: string): string[] =>
  text
    .split('\n')
    .filter((l) => l.startsWith('$ '))
    .map((l) => l.slice(2));

/**
 * The tests that keep a fixture set consistent: each script's header passes `header`, its
 * golden transcript has the script's lines as commands, in order, and so has its golden28
 * (which differs from golden, or it would not be there); no golden28 without a scenario.
 */
export function fixtureConsistencyTests(dir: string, header: (lines: string[]) => void): void {
  const scenarios = scenariosIn(dir);
  for (const name of scenarios) {
    it(`${name}: header, golden and golden28 agree with the script`, () => {
      const { script } = loadScenario(dir, name);
      header(script.split('\n'));
      const commands = scriptCommands(script);
      const golden = readFileSync(join(dir, 'golden', `${name}.txt`), 'utf8');
      expect(transcriptCommands(golden)).toEqual(commands);
      const g28 = join(dir, 'golden28', `${name}.txt`);
      if (existsSync(g28)) {
        const text = readFileSync(g28, 'utf8');
        expect(transcriptCommands(text)).toEqual(commands);
        expect(text).not.toBe(golden);
      }
    });
  }

  it('has no golden28 transcript without a scenario', () => {
    const g28 = join(dir, 'golden28');
    const extra = existsSync(g28)
      ? readdirSync(g28).filter((f) => f.endsWith('.txt') && !scenarios.includes(f.slice(0, -4)))
      : [];
    expect(extra).toEqual([]);
  });
}
