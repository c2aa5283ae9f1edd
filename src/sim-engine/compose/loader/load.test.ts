/**
 * The loader against docker/cli 28: every file of testdata/loader deployed off a swarm,
 * as testdata/loader.sh lists them, must print what the real CLI printed
 * (testdata/loader.golden, recorded by testdata/record.sh) — its error, or its warnings
 * and then "this node is not a swarm manager". Compared as the real-Docker fixtures are
 * (test/fidelity/normalize.ts: logrus timestamps masked).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readFolder } from '../../../node/main.ts';
import { transcript } from '../../../node/transcript.ts';
import { normalize } from '../../../../test/fidelity/normalize.ts';

const testdata = new URL('../testdata/', import.meta.url);

function blocks(text: string): string[] {
  return text
    .split(/^(?=\$ )/m)
    .map((b) => b.replace(/\n+$/, ''))
    .filter(Boolean);
}

describe('docker stack deploy loads compose files as docker/cli 28 does', () => {
  it('answers each file of testdata/loader as recorded', async () => {
    const files = readFolder(new URL('loader', testdata).pathname);
    const script = '# images: nginx:latest\n' + readFileSync(new URL('loader.sh', testdata), 'utf8');
    const actual = await transcript(script, { files });
    const expected = readFileSync(new URL('loader.golden', testdata), 'utf8');
    expect(blocks(normalize(actual, { host: 'node1' }))).toEqual(blocks(normalize(expected, { host: 'vm' })));
  });
});
