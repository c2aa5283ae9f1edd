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
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readFolder } from '../../../src/node/main.ts';
import { scriptHeader, transcript } from '../../../src/node/transcript.ts';
import { normalize } from '../normalize.ts';

const here = dirname(fileURLToPath(import.meta.url));
const scenarios = readdirSync(join(here, 'scenarios')).filter((d) =>
  existsSync(join(here, 'scenarios', d, 'script.sh')),
);

/**
 * Node K's address in the recording lab (../shared/oracle/multinode.sh: 10.99.0.(10+K)); the
 * scripts name the nodes by these addresses (`swarm join … 10.99.0.11:2377`, `curl
 * 10.99.0.13:8080`), so the simulated lab is given the same ones rather than its default
 * 192.168.0.11…. normalize masks every address in the output anyway.
 */
const labAddresses = (n: number) => Array.from({ length: n }, (_, i) => `10.99.0.${11 + i}`);

/** Compare command by command, so a failure names the first command that differs. */
function blocks(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('$ ') || out.length === 0) out.push(line);
    else out[out.length - 1] += '\n' + line;
  }
  return out.map((b) => b.replace(/\n+$/, ''));
}

const norm = (text: string) => normalize(text, { host: '', dropOracleArtifacts: true });

function load(name: string) {
  const dir = join(here, 'scenarios', name);
  const files = readFolder(dir);
  delete files['script.sh'];
  const script = readFileSync(join(dir, 'script.sh'), 'utf8');
  const nodes = scriptHeader(script).nodes;
  const count = typeof nodes === 'number' ? nodes : 3; // record-multi.sh's default
  return { script, files, nodes: count, addresses: labAddresses(count) };
}

const scriptCommands = (script: string): string[] =>
  script.split('\n').filter((l) => l.trim() !== '' && !/^\s*#/.test(l));
const transcriptCommands = (text: string): string[] =>
  text
    .split('\n')
    .filter((l) => l.startsWith('$ '))
    .map((l) => l.slice(2));

describe('multi-node fixtures', () => {
  it('has the four scenarios of issue #4', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(4);
  });

  for (const name of scenarios) {
    it(`${name}: header, golden and golden28 agree with the script`, () => {
      const { script } = load(name);
      const lines = script.split('\n');
      expect(lines[0]).toMatch(/^# images: \S+(?: \S+)*$/);
      expect(lines[1]).toMatch(/^# nodes: [1-4]$/);
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

describe('dockersim transcript matches the real three-node swarm', () => {
  for (const name of scenarios) {
    it(name, async () => {
      const { script, files, nodes, addresses } = load(name);
      const g28 = join(here, 'golden28', `${name}.txt`);
      const expected = readFileSync(existsSync(g28) ? g28 : join(here, 'golden', `${name}.txt`), 'utf8');
      const actual = await transcript(script, { files, nodes, addresses });
      expect(blocks(norm(actual))).toEqual(blocks(norm(expected)));
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
