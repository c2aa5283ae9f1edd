/**
 * `docker stack config` against docker/cli 28.2.2: every line of testdata/config.sh run
 * through the simulator must print, byte for byte, what the real CLI printed
 * (testdata/config.golden, recorded by `testdata/record.sh config`). Only two things are
 * masked: logrus's timestamp, and the folder of the files (<DIR> in the golden, /root here).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readFolder } from '../../node/main.ts';
import { transcript } from '../../node/transcript.ts';

const testdata = new URL('./testdata/', import.meta.url);

function blocks(text: string): string[] {
  return text
    .replace(/^time="[^"]*"/gm, 'time="<TIME>"')
    .split(/^(?=\$ )/m)
    .filter(Boolean);
}

describe('docker stack config prints what docker/cli 28 prints', async () => {
  const files = readFolder(new URL('loader', testdata).pathname);
  const script = readFileSync(new URL('config.sh', testdata), 'utf8');
  const expected = blocks(readFileSync(new URL('config.golden', testdata), 'utf8'));
  const actual = blocks(
    (await transcript(script, { files })).replace(/(?<![\w.-])\/root(?=\/|\n|$)/gm, '<DIR>'),
  );
  it('runs every command of config.sh', () => {
    expect(actual.map((b) => b.split('\n')[0])).toEqual(expected.map((b) => b.split('\n')[0]));
  });
  expected.forEach((want, i) => {
    it(want.split('\n')[0]!, () => {
      expect(actual[i]).toBe(want);
    });
  });
});
