// Keeps the recorded fixtures consistent with their scenarios: every scenario declares its
// base images and has a golden transcript whose commands are the script's lines, in order;
// a golden28 transcript (Docker 28's text where the recording daemon differs) has exactly
// the same commands as its golden.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const scenarios = readdirSync(join(here, 'scenarios')).filter((d) =>
  existsSync(join(here, 'scenarios', d, 'script.sh')),
);

const scriptCommands = (script: string): string[] =>
  script.split('\n').filter((l) => l.trim() !== '' && !/^\s*#/.test(l));
const transcriptCommands = (text: string): string[] =>
  text
    .split('\n')
    .filter((l) => l.startsWith('$ '))
    .map((l) => l.slice(2));

describe('fidelity fixtures', () => {
  it('has at least 24 scenarios', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(24);
  });

  for (const name of scenarios) {
    it(`${name}: header, golden and golden28 agree with the script`, () => {
      const script = readFileSync(join(here, 'scenarios', name, 'script.sh'), 'utf8');
      expect(script.split('\n')[0]).toMatch(/^# images: \S+(?: \S+)*$/);
      const commands = scriptCommands(script);
      const golden = readFileSync(join(here, 'golden', `${name}.txt`), 'utf8');
      expect(transcriptCommands(golden)).toEqual(commands);
      const g28 = join(here, 'golden28', `${name}.txt`);
      if (existsSync(g28)) {
        const text = readFileSync(g28, 'utf8');
        expect(transcriptCommands(text)).toEqual(commands);
        expect(text).not.toBe(golden);
      }
    });
  }

  it('has no golden28 transcript without a scenario', () => {
    const dir = join(here, 'golden28');
    const extra = existsSync(dir)
      ? readdirSync(dir).filter((f) => f.endsWith('.txt') && !scenarios.includes(f.slice(0, -4)))
      : [];
    expect(extra).toEqual([]);
  });
});
