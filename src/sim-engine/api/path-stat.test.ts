import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64Decode, base64Encode, decodePathStat, encodePathStat } from './path-stat.ts';

describe('X-Docker-Container-Path-Stat', () => {
  it('is the stat as base64 JSON, as moby sends it', () => {
    const stat = { name: 'hello.txt', size: 21, mode: 420, mtime: '2026-11-28T12:00:00Z', linkTarget: '' };
    const header = encodePathStat(stat);
    expect(header).toBe(Buffer.from(JSON.stringify(stat)).toString('base64'));
    expect(decodePathStat(header)).toEqual(stat);
  });

  it('base64 agrees with Buffer both ways; bad text decodes to nothing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        const text = Buffer.from(bytes).toString('base64');
        expect(base64Encode([...bytes])).toBe(text);
        expect(base64Decode(text)).toEqual([...bytes]);
      }),
    );
    expect(base64Decode('abc')).toBeUndefined();
    expect(decodePathStat('{"name":"x"}')).toBeUndefined();
    expect(decodePathStat(undefined)).toBeUndefined();
  });
});
