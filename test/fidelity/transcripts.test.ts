/**
 * The simulator against real Docker: every recorded scenario is run through
 * `dockersim transcript` (with its folder as the lab folder) and must match the
 * recording — golden28/ (Docker 28's text) where there is one, else golden/ — after
 * both are normalized (IDs, times, sizes, addresses and hostnames masked; see
 * normalize.ts and README.md). And a script's transcript is the same bytes every time.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readFolder } from '../../src/node/main.ts';
import { transcript } from '../../src/node/transcript.ts';
import { normalize } from './normalize.ts';

const here = dirname(fileURLToPath(import.meta.url));
const scenarios = readdirSync(join(here, 'scenarios')).filter((d) =>
  existsSync(join(here, 'scenarios', d, 'script.sh')),
);

/** The hostname of the machine the fixtures were recorded on (README.md). */
const RECORDING_HOST = 'vm';
/** The simulated lab's single node. */
const LAB_HOST = 'node1';

/** Compare command by command, so a failure names the first command that differs. */
function blocks(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('$ ') || out.length === 0) out.push(line);
    else out[out.length - 1] += '\n' + line;
  }
  return out.map((b) => b.replace(/\n+$/, ''));
}

describe('dockersim transcript matches the real-Docker fixtures', () => {
  for (const name of scenarios) {
    it(name, async () => {
      const dir = join(here, 'scenarios', name);
      const files = readFolder(dir);
      delete files['script.sh'];
      const script = readFileSync(join(dir, 'script.sh'), 'utf8');
      const g28 = join(here, 'golden28', `${name}.txt`);
      const expected = readFileSync(existsSync(g28) ? g28 : join(here, 'golden', `${name}.txt`), 'utf8');
      const actual = await transcript(script, { files });
      expect(blocks(normalize(actual, { host: LAB_HOST, dropOracleArtifacts: true }))).toEqual(
        blocks(normalize(expected, { host: RECORDING_HOST, dropOracleArtifacts: true })),
      );
    });
  }

  it('prints the same bytes on every run of a script', async () => {
    for (const name of scenarios) {
      const dir = join(here, 'scenarios', name);
      const files = readFolder(dir);
      const script = readFileSync(join(dir, 'script.sh'), 'utf8');
      expect(await transcript(script, { files }), name).toBe(await transcript(script, { files }));
    }
  });
});
