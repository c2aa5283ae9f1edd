import { describe, expect, it } from 'vitest';
import { isImageIdPrefix, isSingleReference } from './delete.ts';
import type { ImageRef } from './store.ts';

const ref = (familiar: string, fullName: string, digest?: string): ImageRef => ({
  familiar,
  canonical: familiar,
  name: familiar.split(/[:@]/)[0]!,
  fullName,
  digest,
  tag: digest ? undefined : 'latest',
  id: 'sha256:x',
});

describe('image_delete.go helpers', () => {
  it('isSingleReference: one tag, and digests of that repository only', () => {
    const tag = ref('nginx:latest', 'docker.io/library/nginx');
    const digest = ref('nginx@sha256:1', 'docker.io/library/nginx', 'sha256:1');
    const other = ref('mine:latest', 'docker.io/library/mine');
    const otherDigest = ref('mine@sha256:2', 'docker.io/library/mine', 'sha256:2');
    expect(isSingleReference([])).toBe(false);
    expect(isSingleReference([tag])).toBe(true);
    expect(isSingleReference([tag, digest])).toBe(true);
    expect(isSingleReference([digest])).toBe(true);
    expect(isSingleReference([tag, other])).toBe(false);
    expect(isSingleReference([tag, otherDigest])).toBe(false);
    expect(isSingleReference([digest, otherDigest])).toBe(false);
  });

  it('isImageIDPrefix: with or without the algorithm', () => {
    const id = 'sha256:5ef79149e0ec84a7a9f9284c3f91aa3c20608f8391f5445eabe92ef07dbda03c';
    expect(isImageIdPrefix(id, '5ef79149e0ec')).toBe(true);
    expect(isImageIdPrefix(id, 'sha256:5ef7')).toBe(true);
    // moby's quirk: a name that starts the ID's algorithm counts as an ID too
    expect(isImageIdPrefix(id, 'sha')).toBe(true);
    expect(isImageIdPrefix(id, 'nginx')).toBe(false);
  });
});
