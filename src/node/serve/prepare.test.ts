import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gunzipped, loopbackHost } from './prepare.ts';
import { TarError } from './tar.ts';

describe('the Host a TCP listener answers', () => {
  it('is a loopback name, with or without a port, or the CLI’s name for a socket', () => {
    for (const host of [
      'localhost',
      '127.0.0.1:2375',
      '[::1]:2375',
      '[::1]',
      'LOCALHOST:1',
      'api.moby.localhost',
      undefined,
    ])
      expect(loopbackHost(host), String(host)).toBe(true);
  });

  it('is not a name a web page could have rebound to 127.0.0.1', () => {
    for (const host of [
      'evil.example',
      'evil.example:2375',
      '127.0.0.1.nip.io',
      '[::2]:2375',
      'localhost.evil.example',
    ])
      expect(loopbackHost(host), host).toBe(false);
  });
});

describe('a build context in the body', () => {
  it('is taken gzipped (docker build --compress) or as it is', () => {
    const tar = Buffer.from('ustar body stands in for a tar');
    expect(gunzipped(gzipSync(tar)).equals(tar)).toBe(true);
    expect(gunzipped(tar)).toBe(tar);
  });

  it('refuses a broken gzip stream as a bad tar', () => {
    const broken = gzipSync(Buffer.from('x'.repeat(100))).subarray(0, 12);
    expect(() => gunzipped(broken)).toThrow(TarError);
  });
});
