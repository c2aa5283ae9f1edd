/**
 * The simulator against a real swarm of three: every scenario recorded on the oracle's
 * multi-node lab (record.sh here) is replayed through `dockersim transcript` on a
 * simulated lab of as many nodes with the same addresses, and must match the recording —
 * golden28/ (Docker 28's text, or a kernel with IPVS) where there is one, else golden/ —
 * after both are normalized (normalize.ts: IDs, times, sizes and addresses masked). The
 * lab's host names are node1…nodeN on both sides, so no host name is masked. And the
 * fixtures must agree with their scripts (header lines, every line recorded, golden28
 * with the same commands).
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scriptHeader, transcript } from '../../../src/node/transcript.ts';
import {
  blocks,
  expectedTranscript,
  fixtureConsistencyTests,
  loadScenario,
  scenariosIn,
} from '../fixture-kit.ts';
import { normalize } from '../normalize.ts';

const here = dirname(fileURLToPath(import.meta.url));
const scenarios = scenariosIn(here);

/**
 * Node K's address in the recording lab (../shared/oracle/multinode.sh: 10.99.0.(10+K)); the
 * scripts name the nodes by these addresses (`swarm join … 10.99.0.11:2377`, `curl
 * 10.99.0.13:8080`), so the simulated lab is given the same ones rather than its default
 * 192.168.0.11…. normalize masks every address in the output anyway.
 */
const labAddresses = (n: number) => Array.from({ length: n }, (_, i) => `10.99.0.${11 + i}`);

const norm = (text: string) => normalize(text, { host: '', dropOracleArtifacts: true });

function load(name: string) {
  const { script, files } = loadScenario(here, name);
  const nodes = scriptHeader(script).nodes;
  const count = typeof nodes === 'number' ? nodes : 3; // record-multi.sh's default
  return { script, files, nodes: count, addresses: labAddresses(count) };
}

describe('multi-node fixtures', () => {
  it('has the four scenarios of issue #4', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(4);
  });

  fixtureConsistencyTests(here, (lines) => {
    expect(lines[0]).toMatch(/^# images: \S+(?: \S+)*$/);
    expect(lines[1]).toMatch(/^# nodes: [1-4]$/);
  });
});

describe('dockersim transcript matches the real three-node swarm', () => {
  for (const name of scenarios) {
    it(name, async () => {
      const { script, files, nodes, addresses } = load(name);
      const actual = await transcript(script, { files, nodes, addresses });
      expect(blocks(norm(actual))).toEqual(blocks(norm(expectedTranscript(here, name))));
    });
  }

  it('prints the same bytes on every run of a script', async () => {
    for (const name of scenarios) {
      const { script, files, nodes, addresses } = load(name);
      const once = await transcript(script, { files, nodes, addresses });
      expect(await transcript(script, { files, nodes, addresses }), name).toBe(once);
    }
  });
});
