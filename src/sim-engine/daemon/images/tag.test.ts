import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DaemonError } from '../../errdefs.ts';
import { parseNormalizedNamed } from '../../images/reference.ts';
import { repoTagReference } from './tag.ts';

/** distribution/reference's tag grammar, written out independently of images/reference.ts. */
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

function outcome(repo: string, tag: string): string {
  try {
    const r = repoTagReference(repo, tag);
    return r ? `ok ${r.familiar}:${r.tag}` : 'none';
  } catch (err) {
    if (err instanceof DaemonError) return `${err.status} ${err.message}`;
    throw err;
  }
}

describe('repoTagReference (httputils.RepoTagReference)', () => {
  it('names a repository with a tag, `latest` by default', () => {
    expect(outcome('nginx', '')).toBe('ok nginx:latest');
    expect(outcome('docker.io/library/nginx', '1.25')).toBe('ok nginx:1.25');
    expect(outcome('localhost:5000/app', 'v1')).toBe('ok localhost:5000/app:v1');
    expect(outcome('', '')).toBe('none');
  });

  it("answers bad input with the daemon's errors", () => {
    expect(outcome('Bad', '')).toBe(
      '400 invalid reference format: repository name (library/Bad) must be lowercase',
    );
    expect(outcome('nginx', 'bad tag')).toBe('400 invalid tag format');
    expect(outcome(`nginx@sha256:${'a'.repeat(64)}`, '')).toBe('400 cannot import digest reference');
  });

  it('accepts exactly the tags of the grammar', () => {
    const chars = fc.constantFrom('a', 'Z', '0', '_', '.', '-', ':', '/', ' ', '@', 'é');
    fc.assert(
      fc.property(fc.string({ unit: chars, minLength: 1, maxLength: 140 }), (tag) => {
        expect(outcome('nginx', tag).startsWith('ok ')).toBe(TAG.test(tag));
      }),
    );
  });

  it('accepts exactly the repositories parseNormalizedNamed does, digests aside', () => {
    const chars = fc.constantFrom('a', 'b', '0', '.', '-', '_', '/', ':', 'A', '@');
    fc.assert(
      fc.property(fc.string({ unit: chars, minLength: 1, maxLength: 20 }), (repo) => {
        const parsed = parseNormalizedNamed(repo);
        const accepted = outcome(repo, 'x').startsWith('ok ');
        expect(accepted).toBe(parsed.ok && parsed.ref.digest === undefined);
      }),
    );
  });
});
