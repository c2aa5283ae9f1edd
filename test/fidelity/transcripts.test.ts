/**
 * The simulator against real Docker: every recorded scenario is run through
 * `dockersim transcript` (with its folder as the lab folder) and must match the
 * recording — golden28/ (Docker 28's text) where there is one, else golden/ — after
 * both are normalized (IDs, times, sizes, addresses and hostnames masked; see
 * normalize.ts and README.md). And a script's transcript is the same bytes every time.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { transcript } from '../../src/node/transcript.ts';
import { blocks, expectedTranscript, loadScenario, scenariosIn } from './fixture-kit.ts';
import { normalize } from './normalize.ts';

const here = dirname(fileURLToPath(import.meta.url));
const scenarios = scenariosIn(here);

/** The hostname of the machine the fixtures were recorded on (README.md). */
const RECORDING_HOST = 'vm';
/** The simulated lab's single node. */
const LAB_HOST = 'node1';

describe('dockersim transcript matches the real-Docker fixtures', () => {
  for (const name of scenarios) {
    it(name, async () => {
      const { script, files } = loadScenario(here, name);
      const actual = await transcript(script, { files });
      expect(blocks(normalize(actual, { host: LAB_HOST, dropOracleArtifacts: true }))).toEqual(
        blocks(
          normalize(expectedTranscript(here, name), { host: RECORDING_HOST, dropOracleArtifacts: true }),
        ),
      );
    });
  }

  it('prints the same bytes on every run of a script', async () => {
    for (const name of scenarios) {
      const { script, files } = loadScenario(here, name);
      expect(await transcript(script, { files }), name).toBe(await transcript(script, { files }));
    }
  });
});
