import { describe, expect, it } from 'vitest';
import { allImages, repositoryImages } from './catalogue.ts';

describe('catalogue', () => {
  it('builds every image', () => {
    const images = allImages();
    expect(images.length).toBeGreaterThan(50);
    for (const image of images) {
      expect(image.id).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(image.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    }
  });
  it('indexes by repository', () => {
    expect(repositoryImages('library/nginx')?.length).toBeGreaterThan(5);
    expect(repositoryImages('library/nosuch')).toBeUndefined();
  });
});
