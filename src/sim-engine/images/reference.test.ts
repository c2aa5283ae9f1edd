import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalString,
  familiarString,
  isValidTag,
  parse,
  parseNormalizedNamed,
  resolveReference,
  validateDigest,
} from './reference.ts';

const HEX64 = 'a'.repeat(64);
const ok = (s: string) => {
  const r = resolveReference(s);
  if (!r.ok) throw new Error(`${s}: ${r.error}`);
  return r.ref;
};
const err = (s: string) => {
  const r = resolveReference(s);
  if (r.ok) throw new Error(`${s} parsed`);
  return r.error;
};

describe('resolveReference', () => {
  it('normalises Docker Hub names', () => {
    expect(ok('nginx')).toEqual({
      domain: 'docker.io',
      path: 'library/nginx',
      tag: 'latest',
      familiar: 'nginx',
    });
    expect(canonicalString(ok('nginx'))).toBe('docker.io/library/nginx:latest');
    expect(familiarString(ok('nginx:1.27-alpine'))).toBe('nginx:1.27-alpine');
    expect(ok('traefik/whoami')).toMatchObject({
      domain: 'docker.io',
      path: 'traefik/whoami',
      familiar: 'traefik/whoami',
    });
    expect(ok('docker.io/library/redis:7')).toMatchObject({
      path: 'library/redis',
      tag: '7',
      familiar: 'redis',
    });
    expect(ok('index.docker.io/library/redis')).toMatchObject({ domain: 'docker.io', familiar: 'redis' });
    expect(ok('docker.io/redis')).toMatchObject({ path: 'library/redis' });
    expect(ok('library/ubuntu-12.04-base').familiar).toBe('ubuntu-12.04-base');
    expect(ok('other/library').familiar).toBe('other/library');
  });

  it('keeps other registries as written', () => {
    expect(ok('localhost:5000/app:v1')).toMatchObject({ domain: 'localhost:5000', path: 'app', tag: 'v1' });
    expect(ok('localhost/fooo/bar')).toMatchObject({ domain: 'localhost', path: 'fooo/bar' });
    expect(ok('LOCALDOMAIN/fooo')).toMatchObject({ domain: 'LOCALDOMAIN', path: 'fooo' });
    expect(ok('127.0.0.1:8000/private/moonbase').familiar).toBe('127.0.0.1:8000/private/moonbase');
    expect(ok('[::1]:5000/debian').domain).toBe('[::1]:5000');
    expect(ok('ghcr.io/org/app').familiar).toBe('ghcr.io/org/app');
  });

  it('drops the tag when a digest is given, as ParseDockerRef does', () => {
    const d = `sha256:${HEX64}`;
    expect(ok(`nginx:1.27@${d}`)).toEqual({
      domain: 'docker.io',
      path: 'library/nginx',
      digest: d,
      familiar: 'nginx',
    });
    expect(familiarString(ok(`nginx@${d}`))).toBe(`nginx@${d}`);
  });

  it("gives Docker's error texts", () => {
    expect(err('Nginx')).toBe('invalid reference format: repository name (library/Nginx) must be lowercase');
    expect(err('docker.io/Foo/bar')).toBe(
      'invalid reference format: repository name (Foo/bar) must be lowercase',
    );
    expect(err('localhost:5000/Foo')).toBe(
      'invalid reference format: repository name (Foo) must be lowercase',
    );
    expect(err('nginx:')).toBe('invalid reference format');
    expect(err('nginx:-1')).toBe('invalid reference format');
    expect(err('-nginx')).toBe('invalid reference format');
    expect(err('docker///docker')).toBe('invalid reference format');
    expect(err('dock..er/docker')).toBe('invalid reference format');
    expect(err('docker/')).toBe('invalid reference format');
    expect(err('nginx latest')).toBe('invalid reference format');
    expect(err('')).toBe('invalid reference format');
    expect(err(HEX64)).toBe(`invalid repository name (${HEX64}), cannot specify 64-byte hexadecimal strings`);
    expect(err('nginx@sha256:abc')).toBe('invalid reference format');
    expect(err(`nginx@sha256:${'a'.repeat(63)}b0`)).toBe('invalid checksum digest length');
    expect(err(`nginx@md5:${'a'.repeat(32)}`)).toBe('unsupported digest algorithm');
    expect(err(`${'a'.repeat(250)}/${'b'.repeat(10)}`)).toBe(
      'repository name must not be more than 255 characters',
    );
  });

  it('accepts the names distribution/reference accepts', () => {
    for (const name of [
      'docker/docker',
      'docker-rules/docker',
      'docker---rules/docker',
      'd/docker',
      'jess/t',
      'dock__er/docker',
    ]) {
      expect(resolveReference(name).ok).toBe(true);
    }
    for (const name of [
      '-docker/docker',
      'docker-/docker',
      '____/____',
      '_docker/_docker',
      'dock_.er/docker',
      'dock-.er/docker',
    ]) {
      expect(resolveReference(name).ok).toBe(false);
    }
  });
});

describe('parse', () => {
  it('does not normalise', () => {
    expect(parse('nginx')).toEqual({ ok: true, ref: { domain: '', path: 'nginx', familiar: 'nginx' } });
    expect(parse('')).toEqual({ ok: false, error: 'repository name must have at least one component' });
    expect(parse('Foo/bar')).toMatchObject({ ok: true, ref: { domain: 'Foo', path: 'bar' } });
    expect(parse('foo/Bar')).toEqual({ ok: false, error: 'repository name must be lowercase' });
  });
});

describe('digests and tags', () => {
  it('validates digests like go-digest', () => {
    expect(validateDigest(`sha256:${HEX64}`)).toBeUndefined();
    expect(validateDigest(`sha256:${HEX64.toUpperCase()}`)).toBe('invalid checksum digest format');
    expect(validateDigest('sha256:')).toBe('invalid checksum digest format');
    expect(validateDigest(`sha512:${HEX64}`)).toBe('invalid checksum digest length');
  });
  it('validates tags', () => {
    expect(isValidTag('1.27-alpine')).toBe(true);
    expect(isValidTag('A_b.c-D')).toBe(true);
    expect(isValidTag('.x')).toBe(false);
    expect(isValidTag('x'.repeat(129))).toBe(false);
  });
});

// --- properties -------------------------------------------------------------

const alnum = fc.stringMatching(/^[a-z0-9]{1,6}$/);
const sep = fc.constantFrom('.', '_', '__', '-', '--');
const component = fc
  .tuple(alnum, fc.array(fc.tuple(sep, alnum), { maxLength: 2 }))
  .map(([head, rest]) => head + rest.map(([s, a]) => s + a).join(''));
// a first component with '.' (or 'localhost') would be read as a registry host
const path = fc
  .array(component, { minLength: 1, maxLength: 3 })
  .filter((cs) => cs.length === 1 || (!cs[0]!.includes('.') && cs[0] !== 'localhost'))
  .map((cs) => cs.join('/'));
const tag = fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,20}$/);
const digest = fc.stringMatching(/^[a-f0-9]{64}$/).map((h) => `sha256:${h}`);
const domain = fc.constantFrom(
  'localhost',
  'localhost:5000',
  'registry.example.com',
  '10.0.0.1:443',
  'ghcr.io',
);

describe('properties', () => {
  it('a Hub name normalises to docker.io and prints back the way it was written', () => {
    fc.assert(
      fc.property(path, fc.option(tag, { nil: undefined }), (p, t) => {
        const written = t === undefined ? p : `${p}:${t}`;
        const ref = ok(written);
        expect(ref.domain).toBe('docker.io');
        expect(ref.path).toBe(p.includes('/') ? p : `library/${p}`);
        expect(ref.tag).toBe(t ?? 'latest');
        expect(familiarString(ref)).toBe(`${p}:${t ?? 'latest'}`);
        expect(ok(canonicalString(ref))).toEqual(ref);
      }),
    );
  });

  it('a name with a registry keeps it', () => {
    fc.assert(
      fc.property(domain, path, tag, (d, p, t) => {
        const ref = ok(`${d}/${p}:${t}`);
        expect(ref).toEqual({ domain: d, path: p, tag: t, familiar: `${d}/${p}` });
        expect(canonicalString(ref)).toBe(`${d}/${p}:${t}`);
      }),
    );
  });

  it('a digest wins over a tag', () => {
    fc.assert(
      fc.property(path, tag, digest, (p, t, d) => {
        const ref = ok(`${p}:${t}@${d}`);
        expect(ref.digest).toBe(d);
        expect(ref.tag).toBeUndefined();
      }),
    );
  });

  it('an upper-case letter in the repository is refused with the lowercase message', () => {
    fc.assert(
      fc.property(path, fc.nat(), fc.option(tag, { nil: undefined }), (p, i, t) => {
        const letters = [...p].map((c, k) => [c, k] as const).filter(([c]) => /[a-z]/.test(c));
        fc.pre(letters.length > 0);
        const k = letters[i % letters.length]![1];
        const upper = p.slice(0, k) + p[k]!.toUpperCase() + p.slice(k + 1);
        // a first component with an upper-case letter is taken for a registry host
        fc.pre(!upper.includes('/') || upper.split('/')[0] === p.split('/')[0]);
        const r = parseNormalizedNamed(t === undefined ? upper : `${upper}:${t}`);
        const full = upper.includes('/') ? upper : `library/${upper}`;
        expect(r).toEqual({
          ok: false,
          error: `invalid reference format: repository name (${full}) must be lowercase`,
        });
      }),
    );
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        const r = resolveReference(s);
        if (r.ok) expect(ok(canonicalString(r.ref))).toEqual(r.ref);
        else expect(r.error.length).toBeGreaterThan(0);
      }),
    );
  });
});
